import { runAuditCommand } from './audit-command.ts';
import { runWithDatabase } from './run-with-database.ts';

/** `npm run audit -- verify` and `npm run audit -- latest`: see `auditUsage`. */
await runWithDatabase((io) => runAuditCommand(process.argv.slice(2), io));
