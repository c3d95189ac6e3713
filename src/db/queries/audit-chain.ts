import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { ChainReport } from '../../../model/audit.ts';
import type { Database } from '../schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * The audit log as a hash chain (migration 0012). Each entry stores the previous entry's hash and
 * SHA-256 over [previous hash, its own fields]; the first entry's previous hash is ''. Changing,
 * removing or inserting a row anywhere breaks the chain at that row, which `verifyAuditChain`
 * names. Rewriting the whole tail after a change is caught by comparing with a hash kept
 * elsewhere (`latestAuditAnchor`, printed daily by `npm run audit -- latest`).
 */
const fields = ['at', 'user_id', 'action', 'entity', 'entity_id', 'element_id', 'before_json', 'after_json', 'client_address', 'details'] as const;
export type Chained = { [F in (typeof fields)[number]]: Database['audit_event'][F] };

export function auditEntryHash(previous: string, row: Chained): string {
  const content = JSON.stringify([previous, ...fields.map((f) => row[f] ?? null)]);
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

export type { ChainReport };

/**
 * Walks the whole chain in id order and names the first entry that does not hold. The command
 * line reads it in pages; a page (`pageSize: Infinity`) reads it in one query.
 */
export async function verifyAuditChain(db: Executor, { pageSize = 5000 }: { pageSize?: number } = {}): Promise<ChainReport> {
  let previous = '';
  let after = 0;
  let entries = 0;
  let latest: { id: number; hash: string } | null = null;
  for (let more = true; more; ) {
    const query = db.selectFrom('audit_event').selectAll().where('id', '>', after).orderBy('id');
    const rows = await (Number.isFinite(pageSize) ? query.limit(pageSize) : query).execute();
    more = rows.length === pageSize;
    for (const row of rows) {
      entries++;
      if (row.hash === null || row.prev_hash === null) return { whole: false, entries, brokenAt: row.id, reason: 'unhashed' };
      if (row.prev_hash !== previous) return { whole: false, entries, brokenAt: row.id, reason: 'unlinked' };
      if (auditEntryHash(previous, row) !== row.hash) return { whole: false, entries, brokenAt: row.id, reason: 'changed' };
      previous = row.hash;
      latest = { id: row.id, hash: row.hash };
      after = row.id;
    }
  }
  return { whole: true, entries, latest };
}

/** The newest entry's id and hash: keep it somewhere else (daily), and compare later. */
export async function latestAuditAnchor(db: Executor): Promise<{ id: number; hash: string } | null> {
  const row = await db.selectFrom('audit_event').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row && row.hash !== null ? { id: row.id, hash: row.hash } : null;
}

/** Whether an anchor kept earlier is still in the chain as it was. */
export async function anchorHolds(db: Executor, anchor: { id: number; hash: string }): Promise<boolean> {
  const row = await db.selectFrom('audit_event').select('hash').where('id', '=', anchor.id).executeTakeFirst();
  return row?.hash === anchor.hash;
}

