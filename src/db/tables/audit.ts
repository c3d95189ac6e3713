import type { Generated } from 'kysely';

/** The append-only audit log: the database refuses UPDATE and DELETE on it (migration 0002). */
export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  element_id: number | null;
  before_json: string | null;
  after_json: string | null;
  client_address: string | null;
  details: string | null;
  /** The hash chain (migration 0012): the previous entry's hash ('' for the first) and this entry's. */
  prev_hash: string | null;
  hash: string | null;
}
