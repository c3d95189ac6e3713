import type { Context } from 'hono';
import type { AuditEvent } from '../../model/audit.ts';
import type { Db } from '../db/index.ts';
import { auditEvents } from '../db/queries/audit.ts';

export const HISTORY_LIMIT = 100;

/**
 * An element's latest changes, newest first, for its page: shown to signed-in users (the names of
 * who changed what are not for anonymous visitors). One query.
 */
export async function historyFor(c: Context, db: Db, elementId: number): Promise<{ events: AuditEvent[]; limit: number } | undefined> {
  if (!c.var.viewer) return undefined;
  return { events: await auditEvents(db, { elementId }, HISTORY_LIMIT), limit: HISTORY_LIMIT };
}
