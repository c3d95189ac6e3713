import type { Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** Who made a change. Until accounts land (issue 3) every change is anonymous. */
export interface Actor {
  userId: number | null;
}

export interface AuditEvent {
  actor: Actor;
  at: Date;
  action: string;
  entity: string;
  entityId: number;
  elementId: number | null;
  before: Record<string, string> | null;
  after: Record<string, string> | null;
}

/** MERGE POINT: replaced by issue 3's append-only audit log. Many events go in one insert. */
export async function recordAudit(_trx: Transaction<Database>, _events: AuditEvent | AuditEvent[]): Promise<void> {}
