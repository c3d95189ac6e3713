import { loadConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/index.ts';
import { runImportCommand } from './import-command.ts';

/** `npm run import -- FILE [--dry-run] [--bare-gyldige]`: see `importUsage`. */
const config = loadConfig();
const db = openDatabase(config.DATABASE_FILE);
try {
  await migrateToLatest(db);
  process.exitCode = await runImportCommand(process.argv.slice(2), {
    db,
    now: () => new Date(),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
