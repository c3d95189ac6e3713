import type { Kysely } from 'kysely';

import { allOrNothing } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen against Kysely<any> */

/**
 * An accepted change proposal can be written into the requirement's text (or the element's
 * description) it was about. The comment records that it was: which wording of the comment was
 * applied, the element version the change made, when and by whom, so the comment page and the
 * report can say "Innarbeidet i kravteksten (versjon N)". All null until a proposal is applied.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // All or nothing, as 0006: the migrator does not wrap migrations in a transaction on SQLite.
  await allOrNothing(db, addAppliedColumns);
}

async function addAppliedColumns(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('consultation_comment').addColumn('applied_comment_version', 'integer').execute();
  await db.schema.alterTable('consultation_comment').addColumn('applied_element_version', 'integer').execute();
  await db.schema.alterTable('consultation_comment').addColumn('applied_at', 'varchar(32)').execute();
  await db.schema
    .alterTable('consultation_comment')
    .addColumn('applied_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('consultation_comment_applied_by_idx').on('consultation_comment').column('applied_by').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('consultation_comment_applied_by_idx').execute();
  for (const column of ['applied_by', 'applied_at', 'applied_element_version', 'applied_comment_version']) {
    await db.schema.alterTable('consultation_comment').dropColumn(column).execute();
  }
}
