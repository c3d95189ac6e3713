import { loadConfig } from '../config.ts';
import { backupDatabase, checkBackup } from '../db/backup.ts';

/** `npm run backup -- FILE`: an online, consistent copy of the configured database, checked after. */
const [target] = process.argv.slice(2);
const config = loadConfig();
if (config.DATABASE_URL) {
  console.error('DATABASE_URL er satt: npm run backup kopierer bare SQLite-filen. Ta sikkerhetskopi av PostgreSQL med pg_dump --format=custom --file akson.dump "$DATABASE_URL" (se README, «Backups»).');
  process.exitCode = 2;
} else if (!target || config.DATABASE_FILE === ':memory:') {
  console.error('Bruk: npm run backup -- FIL   (kopierer DATABASE_FILE mens appen kjører)');
  process.exitCode = 2;
} else {
  try {
    const { pages } = await backupDatabase(config.DATABASE_FILE, target);
    const check = checkBackup(target);
    if (!check.ok) throw new Error(check.problem);
    console.log(`Sikkerhetskopi av ${config.DATABASE_FILE} skrevet til ${target}: ${pages} sider, integritet ok, ${check.migrations} migreringer.`);
  } catch (error) {
    console.error(`Sikkerhetskopien feilet: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
