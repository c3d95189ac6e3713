import { runImportCommand } from './import-command.ts';
import { runWithDatabase } from './run-with-database.ts';

/**
 * `npm run import -- FILE [--dry-run] [--bare-gyldige]`: see `importUsage`. Imports into the
 * configured database: on PostgreSQL (`DATABASE_URL`) too, not only the SQLite file.
 */
await runWithDatabase((io) => runImportCommand(process.argv.slice(2), io));
