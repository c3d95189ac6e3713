import { runBaselineCommand } from './baseline-command.ts';
import { runWithDatabase } from './run-with-database.ts';

/** `npm run baseline -- create NAME` / `npm run baseline -- list`: see `baselineUsage`. */
await runWithDatabase((io) => runBaselineCommand(process.argv.slice(2), io));
