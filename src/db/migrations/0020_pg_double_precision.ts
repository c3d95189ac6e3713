import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen against Kysely<any> */

/**
 * `real` is an 8-byte float in SQLite but a 4-byte one in PostgreSQL, where a budget such as
 * 1234.5678 came back as 1234.5677 (and `npm run copy-db` could not move it unchanged). PostgreSQL's
 * `double precision` is what SQLite stores. SQLite: nothing to do.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`alter table national_project alter column budget_mnok type double precision`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`alter table national_project alter column budget_mnok type real`.execute(db);
}
