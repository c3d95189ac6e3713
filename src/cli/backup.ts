import { loadConfig } from '../config.ts';
import { backupDatabase, checkBackup } from '../db/backup.ts';

/** `npm run backup -- FILE`: an online, consistent copy of the configured database, checked after. */
const [target] = process.argv.slice(2);
const config = loadConfig();
if (!target || config.DATABASE_FILE === ':memory:') {
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
