import { sql, type Kysely } from 'kysely';
import { allOrNothing, isPostgres } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen against Kysely<any> */

/**
 * A baseline's compact form (issue 13, for speed): one row per element of the frozen model, with
 * the links that element owns, as JSON, and a fingerprint of it (row 0 holds the chapters and
 * types). Comparing two baselines compares fingerprints in SQL and reads back only what differs,
 * instead of parsing two whole snapshots. Frozen like the baseline it belongs to: UPDATE and
 * DELETE are refused by trigger. Rows only arrive with their baseline's row, in the same
 * transaction, and that row moves the model change counter.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await allOrNothing(db, async (trx) => {
    await trx.schema
      .createTable('baseline_element')
      .addColumn('baseline_id', 'integer', (c) => c.notNull().references('baseline.id').onDelete('restrict'))
      .addColumn('element_id', 'integer', (c) => c.notNull())
      .addColumn('fingerprint', 'varchar(64)', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('baseline_element_pk', ['baseline_id', 'element_id'])
      .execute();
    // Covers the comparison: two baselines' fingerprints, matched by element, without reading the data.
    await trx.schema.createIndex('baseline_element_fingerprint_idx').on('baseline_element').columns(['baseline_id', 'element_id', 'fingerprint']).execute();
    const message = 'baseline_element is frozen: a baseline cannot be changed or deleted';
    if (isPostgres(trx)) {
      await sql`create function baseline_element_frozen() returns trigger language plpgsql as ${sql.lit(`begin raise exception '${message}'; end`)}`.execute(trx);
      await sql`create trigger baseline_element_no_change before update or delete on baseline_element for each row execute function baseline_element_frozen()`.execute(trx);
      await sql`create trigger baseline_element_no_truncate before truncate on baseline_element for each statement execute function baseline_element_frozen()`.execute(trx);
      return;
    }
    await sql`create trigger baseline_element_no_update before update on baseline_element begin select raise(abort, ${sql.lit(message)}); end`.execute(trx);
    await sql`create trigger baseline_element_no_delete before delete on baseline_element begin select raise(abort, ${sql.lit(message)}); end`.execute(trx);
    // INSERT OR REPLACE would delete the old row without the delete trigger.
    await sql`create trigger baseline_element_no_replace before insert on baseline_element
      when exists (select 1 from baseline_element where baseline_id = new.baseline_id and element_id = new.element_id)
      begin select raise(abort, ${sql.lit(message)}); end`.execute(trx);
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('baseline_element').execute();
  if (isPostgres(db)) await sql`drop function if exists baseline_element_frozen()`.execute(db);
}
