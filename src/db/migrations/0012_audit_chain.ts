import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable.ts';

/**
 * Issue 12: the audit log becomes a hash chain. Each entry carries the previous entry's hash and
 * a SHA-256 over its own content and that previous hash, so a row changed, removed or slipped in
 * by someone who can write the database file breaks the chain at that row. Existing rows are
 * chained here, in id order; the append-only trigger is lifted for that one backfill only.
 *
 * Frozen: the hash function below is a copy of the app's (`src/db/queries/audit-chain.ts`) as it
 * was when this ran; both must keep giving the same hash for the same row.
 */
const fields = ['at', 'user_id', 'action', 'entity', 'entity_id', 'element_id', 'before_json', 'after_json', 'client_address', 'details'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function entryHash(previous: string, row: Record<string, any>): string {
  const content = JSON.stringify([previous, ...fields.map((f) => (row[f] === undefined || row[f] === null ? null : row[f]))]);
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_event').addColumn('prev_hash', 'varchar(64)').execute();
  await db.schema.alterTable('audit_event').addColumn('hash', 'varchar(64)').execute();
  const postgres = isPostgres(db);
  if (postgres) await sql`alter table audit_event disable trigger audit_event_no_change`.execute(db);
  else await sql`drop trigger audit_event_no_update`.execute(db);
  let previous = '';
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_event').selectAll().where('id', '>', after).orderBy('id').limit(500).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const hash = entryHash(previous, row);
      await db.updateTable('audit_event').set({ prev_hash: previous, hash }).where('id', '=', row.id).execute();
      previous = hash;
      after = row.id;
    }
  }
  if (postgres) {
    await sql`alter table audit_event enable trigger audit_event_no_change`.execute(db);
  } else {
    await sql`create trigger audit_event_no_update before update on audit_event begin select raise(abort, 'audit_event is append-only: rows cannot be changed or deleted'); end`.execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_event').dropColumn('hash').execute();
  await db.schema.alterTable('audit_event').dropColumn('prev_hash').execute();
}
