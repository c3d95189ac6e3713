import { databaseLocation, loadConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/index.ts';
import { runAuditCommand } from './audit-command.ts';

/** `npm run audit -- verify` and `npm run audit -- latest`: see `auditUsage`. */
const config = loadConfig();
const db = openDatabase(databaseLocation(config), { poolSize: 2 });
try {
  await migrateToLatest(db);
  process.exitCode = await runAuditCommand(process.argv.slice(2), { db, out: (line) => console.log(line), err: (line) => console.error(line) });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
