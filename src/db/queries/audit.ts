import type { AuditEvent } from '../../../model/audit.ts';
import type { Db } from '../index.ts';

export type { AuditEvent };

export interface AuditFilter {
  action?: string | undefined;
  userId?: number | undefined;
  entity?: string | undefined;
  elementId?: number | undefined;
  /** Inclusive ISO dates (YYYY-MM-DD), in UTC. */
  from?: string | undefined;
  to?: string | undefined;
}

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

/** Events matching the filter, newest first, in one query. */
export async function auditEvents(db: Db, filter: AuditFilter, limit: number): Promise<AuditEvent[]> {
  let query = db
    .selectFrom('audit_event as a')
    .leftJoin('app_user as u', 'u.id', 'a.user_id')
    .leftJoin('element as el', 'el.id', 'a.element_id')
    .select([
      'el.kind as element_kind',
      'a.id',
      'a.at',
      'a.user_id',
      'u.name as user_name',
      'u.email as user_email',
      'a.action',
      'a.entity',
      'a.entity_id',
      'a.element_id',
      'a.before_json',
      'a.after_json',
      'a.client_address',
      'a.details',
    ]);
  if (filter.action) query = query.where('a.action', '=', filter.action);
  if (filter.userId !== undefined) query = query.where('a.user_id', '=', filter.userId);
  if (filter.entity) query = query.where('a.entity', '=', filter.entity);
  if (filter.elementId !== undefined) query = query.where('a.element_id', '=', filter.elementId);
  if (filter.from) query = query.where('a.at', '>=', `${filter.from}T00:00:00.000Z`);
  // Every stored time is a 24-character ISO string, so "before the next day" compares as text.
  if (filter.to) query = query.where('a.at', '<', nextDay(filter.to));
  const rows = await query.orderBy('a.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.user_id,
    userName: r.user_name,
    userEmail: r.user_email,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    elementId: r.element_id,
    elementKind: r.element_kind ?? null,
    before: parse(r.before_json),
    after: parse(r.after_json),
    clientAddress: r.client_address,
    details: r.details,
  }));
}

/** One element's history, oldest first: who, when, and the before/after to diff field by field. */
export async function elementHistory(db: Db, elementId: number, limit = 10_000): Promise<AuditEvent[]> {
  return (await auditEvents(db, { elementId }, limit)).reverse();
}

/** The actions that occur in the log, for the filter's list. */
export async function auditActions(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('audit_event').select('action').distinct().orderBy('action').execute();
  return rows.map((r) => r.action);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}
