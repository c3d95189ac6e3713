import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/**
 * The dialect corner of the migrations: the few column shapes that differ between SQLite and
 * PostgreSQL. Migrations import only this and `kysely`, never application code, so they stay
 * frozen when the application changes.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An integer primary key the database assigns. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function autoId(db: Kysely<any>) {
  return isPostgres(db)
    ? (col: ColumnDefinitionBuilder) => col.primaryKey().generatedByDefaultAsIdentity()
    : (col: ColumnDefinitionBuilder) => col.primaryKey().autoIncrement();
}

/**
 * Makes a table append-only in the database itself: UPDATE and DELETE are refused whoever asks.
 * SQLite has no per-table privileges, so triggers raise; PostgreSQL gets the same with a trigger
 * function (and TRUNCATE refused too). Dropping the table (a full reset) is still possible.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function refuseUpdateAndDelete(db: Kysely<any>, table: string): Promise<void> {
  const message = `${table} is append-only: rows cannot be changed or deleted`;
  if (isPostgres(db)) {
    const fn = sql.id(`${table}_append_only`);
    await sql`create function ${fn}() returns trigger language plpgsql as ${sql.lit(`begin raise exception '${message}'; end`)}`.execute(db);
    await sql`create trigger ${sql.id(`${table}_no_change`)} before update or delete on ${sql.table(table)} for each row execute function ${fn}()`.execute(db);
    await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)} for each statement execute function ${fn}()`.execute(db);
    return;
  }
  for (const [name, event] of [[`${table}_no_update`, 'update'], [`${table}_no_delete`, 'delete']] as const) {
    await sql`create trigger ${sql.id(name)} before ${sql.raw(event)} on ${sql.table(table)} begin select raise(abort, ${sql.lit(message)}); end`.execute(db);
  }
  // INSERT OR REPLACE deletes the old row without firing delete triggers (unless the connection
  // enables recursive_triggers), so an insert may never reuse an existing id.
  await sql`create trigger ${sql.id(`${table}_no_replace`)} before insert on ${sql.table(table)}
    when exists (select 1 from ${sql.table(table)} where id = new.id)
    begin select raise(abort, ${sql.lit(message)}); end`.execute(db);
}

/** Undoes `refuseUpdateAndDelete` where dropping the table does not (PostgreSQL keeps the function). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function dropAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  if (isPostgres(db)) await sql`drop function if exists ${sql.id(`${table}_append_only`)}()`.execute(db);
}

/**
 * Counts every change to `table` in `model_change.counter` (migration 0010), which pages use as
 * their version: a cached page or an ETag from before the change no longer matches, in every app
 * process sharing the database. A migration that adds a table whose rows a page shows calls this
 * for it (`test/src/db/model-change.test.ts` lists the tables that are deliberately left out).
 * SQLite has only row triggers (one cheap update per changed row); PostgreSQL counts once per
 * statement, TRUNCATE included.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function trackModelChanges(db: Kysely<any>, table: string): Promise<void> {
  if (isPostgres(db)) {
    await sql`create trigger ${sql.id(`${table}_model_change`)} after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function model_change_bump()`.execute(db);
    return;
  }
  for (const event of ['insert', 'update', 'delete'] as const) {
    await sql`create trigger ${sql.id(`${table}_model_change_${event}`)} after ${sql.raw(event)} on ${sql.table(table)}
      begin update model_change set counter = counter + 1 where id = 1; end`.execute(db);
  }
}

/**
 * Runs `work` all or nothing. On PostgreSQL the migrator already runs every migration inside one
 * transaction (DDL is transactional there), so `work` joins it; SQLite's migrator does not, so a
 * migration that must not stop half-way opens its own. Use this instead of `db.transaction()`
 * in a migration: a nested `transaction()` fails on PostgreSQL.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function allOrNothing(db: Kysely<any>, work: (trx: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute(work);
}
