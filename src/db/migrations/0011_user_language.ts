import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen against Kysely<any> */

/**
 * The interface language a user chose (a catalogue code such as `nb` or `en`); null until they
 * choose, when the browser's Accept-Language decides. Not constrained to today's languages, so a
 * new catalogue needs no migration; an unknown code is ignored when read.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('app_user').addColumn('language', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('app_user').dropColumn('language').execute();
}
