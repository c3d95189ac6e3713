import { Hono } from 'hono';
import { exportFormat } from '../../../model/export-format.ts';
import { auditQuerySchema, csvLine, type AuditQuery } from '../../../model/audit.ts';
import { actionLabel, auditChangeText } from '../../../views/components/audit-words.ts';
import { AuditPage, auditPageLimit } from '../../../views/pages/admin/audit.tsx';
import { callerOf } from '../../auth/context.ts';
import { recordAuditExport } from '../../commands/admin.ts';
import { listUsers } from '../../db/queries/accounts.ts';
import { auditActions, auditEvents, type AuditFilter } from '../../db/queries/audit.ts';
import { verifyAuditChain } from '../../db/queries/audit-chain.ts';
import type { AppDeps } from '../../deps.ts';
import { respond } from '../../http/render.tsx';
import { validParams } from '../../http/validate.ts';

const toFilter = (q: AuditQuery): AuditFilter => ({ action: q.handling, userId: q.bruker, entity: q.tabell, elementId: q.element, from: q.fra, to: q.til });

// The columns' names in the reader's language: for people, the time in Norway, the action's
// label and the change as "Felt: verdi" lines; for machines, the UTC instant, the action's code
// and the recorded JSON.
const csvColumns = ['id', 'time', 'timeUtc', 'userId', 'user', 'email', 'action', 'actionCode', 'table', 'row', 'elementId', 'before', 'after', 'beforeJson', 'afterJson', 'address', 'details'] as const;

/** The audit log for administrators: a filtered page, and the same filter as CSV. */
export function auditRoutes({ db }: AppDeps): Hono {
  const app = new Hono();

  app.get('/admin/logg', validParams('query', auditQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const [events, actions, users, chain] = await Promise.all([
      auditEvents(db, toFilter(query), auditPageLimit),
      auditActions(db),
      listUsers(db),
      verifyAuditChain(db, { pageSize: Infinity }),
    ]);
    return respond(c, { title: c.var.i18n.t('admin.nav.audit'), body: <AuditPage events={events} query={query} actions={actions} users={users} chain={chain} /> });
  });

  app.get('/admin/logg.csv', validParams('query', auditQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const events = await auditEvents(db, toFilter(query), Number.MAX_SAFE_INTEGER);
    // Taking a copy of the log is itself worth knowing about.
    await recordAuditExport(db, callerOf(c), `${events.length} hendelser; filter ${JSON.stringify(query)}`);
    // Time as read in Norway for people; the exact instant beside it for machines.
    const i18n = c.var.i18n;
    const format = exportFormat(i18n.language.locale);
    const lines = events.map((e) => {
      const change = auditChangeText(e, undefined, i18n);
      return csvLine([
        e.id,
        format.localTime(e.at),
        e.at,
        e.userId,
        e.userName,
        e.userEmail,
        actionLabel(e.action, i18n),
        e.action,
        e.entity,
        e.entityId,
        e.elementId,
        change.before,
        change.after,
        e.before,
        e.after,
        e.clientAddress,
        e.details,
      ]);
    });
    const csvHeader = csvColumns.map((column) => i18n.t(`history.csv.${column}`));
    const day = c.var.clock().toISOString().slice(0, 10);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="revisjonslogg-${day}.csv"`);
    c.header('Cache-Control', 'no-store');
    // The byte-order mark makes spreadsheet programs read æøå as UTF-8.
    return c.body(`\uFEFF${[csvLine(csvHeader), ...lines].join('\r\n')}\r\n`);
  });

  return app;
}
