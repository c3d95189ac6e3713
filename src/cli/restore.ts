import { loadConfig } from '../config.ts';
import { restoreDatabase } from '../db/backup.ts';

/** `npm run restore -- FILE`: checks the copy (integrity, migration level), then replaces DATABASE_FILE with it. */
const [source] = process.argv.slice(2);
const config = loadConfig();
if (config.DATABASE_URL) {
  console.error('DATABASE_URL er satt: npm run restore gjenoppretter bare SQLite-filen. Gjenopprett PostgreSQL med pg_restore til en ny, tom database (se README, «Backups»).');
  process.exitCode = 2;
} else if (!source || config.DATABASE_FILE === ':memory:') {
  console.error('Bruk: npm run restore -- FIL   (erstatter DATABASE_FILE med kopien etter at den er kontrollert)');
  process.exitCode = 2;
} else {
  try {
    const result = await restoreDatabase(source, config.DATABASE_FILE);
    if (!result.ok) {
      console.error(`Ikke gjenopprettet; ingenting er endret: ${result.problem}`);
      process.exitCode = 1;
    } else {
      console.log(`${config.DATABASE_FILE} er gjenopprettet fra ${source} (integritet ok, ${result.migrations} migreringer; appen kjører resten ved start).`);
    }
  } catch (error) {
    console.error(`Gjenopprettingen feilet: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
