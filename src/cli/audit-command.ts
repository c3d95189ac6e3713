import type { Db } from '../db/index.ts';
import { i18nFor } from '../../views/i18n/index.ts';
import { anchorHolds, latestAuditAnchor, verifyAuditChain } from '../db/queries/audit-chain.ts';

export const auditUsage = [
  'Bruk:',
  '  npm run audit -- verify [--anchor ID:HASH]   går gjennom hele revisjonsloggens hash-kjede og navngir første brudd;',
  '                                               med --anchor også om en hash du tok vare på tidligere, fortsatt står der',
  '  npm run audit -- latest                      skriver siste hendelses id og hash (ta vare på den et annet sted, daglig)',
].join('\n');

/** `npm run audit -- …`: returns the exit code (0 whole, 1 broken, 2 usage). */
export async function runAuditCommand(args: string[], io: { db: Db; out: (line: string) => void; err: (line: string) => void }): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'latest') {
    const anchor = await latestAuditAnchor(io.db);
    if (!anchor) {
      io.out('Revisjonsloggen er tom.');
      return 0;
    }
    io.out(`${anchor.id}:${anchor.hash}`);
    return 0;
  }
  if (command === 'verify') {
    let anchor: { id: number; hash: string } | undefined;
    if (rest[0] === '--anchor') {
      const match = /^(\d+):([0-9a-f]{64})$/.exec(rest[1] ?? '');
      if (!match) {
        io.err(`--anchor må være ID:HASH slik «npm run audit -- latest» skriver den.\n${auditUsage}`);
        return 2;
      }
      anchor = { id: Number(match[1]), hash: match[2]! };
    } else if (rest.length > 0) {
      io.err(auditUsage);
      return 2;
    }
    const report = await verifyAuditChain(io.db);
    if (!report.whole) {
      io.err(`Kjeden er brutt ved hendelse ${report.brokenAt}: den ${i18nFor('nb').t('admin.audit.chain.reason', { reason: report.reason })}. (${report.entries} hendelser kontrollert.)`);
      return 1;
    }
    if (anchor && !(await anchorHolds(io.db, anchor))) {
      io.err(`Kjeden henger sammen, men hendelse ${anchor.id} har ikke lenger hashen du tok vare på: loggen er skrevet om etter den.`);
      return 1;
    }
    io.out(`Kjeden er hel: ${report.entries} hendelser${report.latest ? `, siste ${report.latest.id}:${report.latest.hash}` : ''}.`);
    return 0;
  }
  io.err(auditUsage);
  return 2;
}
