import { sql, type Kysely } from 'kysely';
import { autoId } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen against Kysely<any> */

/**
 * Municipalities review the first-delivery list and declare their intention to join.
 *
 * A review round freezes the list when it opens: `review_round_service` keeps a copy of each
 * service as reviewers saw it (names, not just ids), so a later change or deletion in the scope
 * never alters what was reviewed. It is the only table here that refers to `element`, and it
 * does so with ON DELETE SET NULL: deleting a service keeps every stance and comment on it.
 * The stance and code lists are copied here, not imported, so this file stays frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const user = (c: any) => c.references('app_user.id').onDelete('set null');

  await db.schema
    .createTable('review_round')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('deadline_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('closes_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('opened_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('opened_by', 'integer', user)
    .addColumn('closed_at', 'varchar(32)')
    .addColumn('closed_by', 'integer', user)
    .execute();
  await db.schema.createIndex('review_round_open_idx').on('review_round').columns(['closed_at', 'closes_at']).execute();
  await db.schema.createIndex('review_round_opened_by_idx').on('review_round').column('opened_by').execute();
  await db.schema.createIndex('review_round_closed_by_idx').on('review_round').column('closed_by').execute();

  await db.schema
    .createTable('review_round_service')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('review_round.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('element_id', 'integer', (c) => c.references('element.id').onDelete('set null'))
    .addColumn('element_version', 'integer', (c) => c.notNull())
    .addColumn('key', 'varchar(80)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category_key', 'varchar(80)')
    .addColumn('category_name', 'text')
    .addColumn('tier_key', 'varchar(80)')
    .addColumn('tier_name', 'text')
    .addColumn('tentative', 'integer', (c) => c.notNull())
    .addUniqueConstraint('review_round_service_position_unique', ['round_id', 'position'])
    .execute();
  await db.schema.createIndex('review_round_service_element_idx').on('review_round_service').column('element_id').execute();

  await db.schema
    .createTable('municipality_review')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('review_round.id').onDelete('restrict'))
    .addColumn('municipality_number', 'varchar(4)', (c) => c.notNull().references('municipality.number').onDelete('restrict'))
    .addColumn('status', 'varchar(10)', (c) => c.notNull().check(sql`status in ('draft', 'submitted')`))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_by', 'integer', user)
    .addColumn('submitted_at', 'varchar(32)')
    .addColumn('submitted_by', 'integer', user)
    .addColumn('reopened_at', 'varchar(32)')
    .addColumn('reopened_by', 'integer', user)
    .addUniqueConstraint('municipality_review_round_municipality_unique', ['round_id', 'municipality_number'])
    .execute();
  await db.schema.createIndex('municipality_review_round_status_idx').on('municipality_review').columns(['round_id', 'status']).execute();
  await db.schema.createIndex('municipality_review_municipality_idx').on('municipality_review').column('municipality_number').execute();
  for (const column of ['updated_by', 'submitted_by', 'reopened_by']) {
    await db.schema.createIndex(`municipality_review_${column}_idx`).on('municipality_review').column(column).execute();
  }

  await db.schema
    .createTable('review_stance')
    .addColumn('review_id', 'integer', (c) => c.notNull().references('municipality_review.id').onDelete('cascade'))
    .addColumn('round_service_id', 'integer', (c) => c.notNull().references('review_round_service.id').onDelete('restrict'))
    .addColumn('stance', 'varchar(30)', (c) =>
      c.notNull().check(sql`stance in ('supports', 'supports-with-changes', 'opposes', 'no-opinion')`),
    )
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('review_stance_pk', ['review_id', 'round_service_id'])
    .execute();
  await db.schema.createIndex('review_stance_round_service_idx').on('review_stance').column('round_service_id').execute();

  // The current declaration per municipality; its history is in the audit log.
  await db.schema
    .createTable('intention_declaration')
    .addColumn('municipality_number', 'varchar(4)', (c) => c.primaryKey().references('municipality.number').onDelete('restrict'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull().check(sql`status in ('undecided', 'considering', 'signed', 'declined')`))
    .addColumn('decided_on', 'varchar(10)')
    .addColumn('reference', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_by', 'integer', user)
    .execute();
  await db.schema.createIndex('intention_declaration_updated_by_idx').on('intention_declaration').column('updated_by').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['intention_declaration', 'review_stance', 'municipality_review', 'review_round_service', 'review_round']) {
    await db.schema.dropTable(table).execute();
  }
}
