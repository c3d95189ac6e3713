import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

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
