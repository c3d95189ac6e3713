import { databaseLocation, loadConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/index.ts';
import { runBaselineCommand } from './baseline-command.ts';

/** `npm run baseline -- create NAME` / `npm run baseline -- list`: see `baselineUsage`. */
const config = loadConfig();
const db = openDatabase(databaseLocation(config), { poolSize: 2 });
try {
  await migrateToLatest(db);
  process.exitCode = await runBaselineCommand(process.argv.slice(2), {
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
