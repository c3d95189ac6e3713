import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import { auditEntryHash, type Chained } from '../../db/queries/audit-chain.ts';
import type { Database } from '../../db/schema.ts';

/**
 * Appending to the audit log, the last step of every use case (issue 10: the log's reads and the
 * chain's check stay in `src/db/queries/audit.ts` and `audit-chain.ts`). It is a write like any
 * other, and it belongs with the change it records: `change` and `changeAs` (run.ts) hand the use
 * case an `audit` that calls it inside their transaction, so the change and its entry commit or
 * fail together, and the chain is extended under the same writers' lock.
 */
type Executor = Kysely<Database> | Transaction<Database>;

/** Who did something and from where; `auditActor(c)` gives it for a request. */
export interface AuditActor {
  at: Date;
  userId: number | null;
  clientAddress: string | null;
}

export interface AuditEntry extends AuditActor {
  /** What happened, as `area.verb`: `login`, `login.failed`, `user.update`, `element.update`, … */
  action: string;
  /** The table the change is about (`app_user`, `element`, …) and the row's id. */
  entity?: string | null;
  entityId?: string | number | null;
  /** The scope element the change belongs to, so its page can show its history. */
  elementId?: number | null;
  /** The row (or the fields that matter) before and after; stored as JSON for field-level diffs. */
  before?: unknown;
  after?: unknown;
  details?: string | null;
}

/**
 * Appends one event to the audit log. Call it inside the transaction that makes the change, so
 * the change and its record commit or fail together. The table refuses UPDATE and DELETE.
 */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await recordAudits(db, [entry]);
}

/** Appends many events in one statement (a bulk change records one event per element). */
export async function recordAudits(db: Executor, entries: AuditEntry[]): Promise<void> {
  // Each entry is chained onto the one before (`audit-chain.ts`), so the log shows tampering.
  await appendAuditRows(
    db,
    entries.map((entry) => ({
      at: entry.at.toISOString(),
      user_id: entry.userId,
      action: entry.action,
      entity: entry.entity ?? null,
      entity_id: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      element_id: entry.elementId ?? null,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
      client_address: entry.clientAddress,
      details: entry.details === null || entry.details === undefined ? null : entry.details.slice(0, 2000),
    })),
  );
}

/**
 * Appends rows to the chain. Appends are serialised, so two writers never chain onto the same
 * previous entry: on SQLite every write transaction holds the database's write lock (BEGIN
 * IMMEDIATE), on PostgreSQL a transaction-scoped advisory lock is taken first. Outside a
 * transaction a short one is opened for the append.
 */
export async function appendAuditRows(db: Executor, rows: Chained[]): Promise<void> {
  if (rows.length === 0) return;
  if (!db.isTransaction) {
    await (db as Kysely<Database>).transaction().execute((trx) => appendAuditRows(trx, rows));
    return;
  }
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select pg_advisory_xact_lock(${auditLockKey})`.execute(db);
  }
  const last = await db.selectFrom('audit_event').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  let previous = last?.hash ?? '';
  const chained = rows.map((row) => {
    const hash = auditEntryHash(previous, row);
    const entry = { ...row, prev_hash: previous, hash };
    previous = hash;
    return entry;
  });
  for (let i = 0; i < chained.length; i += 200) await db.insertInto('audit_event').values(chained.slice(i, i + 200)).execute();
}

/** The advisory lock's key on PostgreSQL: any fixed number the app uses for nothing else. */
const auditLockKey = 120_012;
