import { sql, type Kysely } from 'kysely';
import { autoId } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen against Kysely<any> */

/**
 * Consultation (høring): rounds, the elements open for comment in each, organisations' comments
 * with their earlier versions, threaded replies, and each user's last visit per round.
 *
 * Users' words outlive the scope: an item refers to its element with ON DELETE SET NULL and keeps
 * the element's kind, key and name as they were; comments refer to the item (never to the element)
 * and keep the text a change proposal was written against. The code lists are copied here, not
 * imported, so this file stays frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('consultation_round')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phase', 'varchar(40)', (c) =>
      c.notNull().check(sql`phase in ('forprosjekt', 'anskaffelse', 'etablering-og-tilpasning', 'innforing-drift-og-forvaltning')`),
    )
    // Calendar dates in Norway (YYYY-MM-DD): open from the first through the last.
    .addColumn('opens_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('closes_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addCheckConstraint('consultation_round_dates', sql`closes_on >= opens_on`)
    .execute();
  await db.schema.createIndex('consultation_round_opens_idx').on('consultation_round').columns(['opens_on', 'id']).execute();

  await db.schema
    .createTable('consultation_item')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('consultation_round.id').onDelete('cascade'))
    .addColumn('element_id', 'integer', (c) => c.references('element.id').onDelete('set null'))
    .addColumn('element_kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('element_key', 'varchar(80)', (c) => c.notNull())
    .addColumn('element_name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('consultation_item_round_element_unique', ['round_id', 'element_id'])
    .execute();
  await db.schema.createIndex('consultation_item_round_idx').on('consultation_item').columns(['round_id', 'position']).execute();
  await db.schema.createIndex('consultation_item_element_idx').on('consultation_item').column('element_id').execute();

  await db.schema
    .createTable('consultation_comment')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('consultation_round.id').onDelete('restrict'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('consultation_item.id').onDelete('restrict'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('restrict'))
    .addColumn('author_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull().check(sql`kind in ('stotte', 'innvending', 'endringsforslag', 'sporsmal')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('proposal', 'text')
    .addColumn('base_text', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('status', 'varchar(30)', (c) =>
      c
        .notNull()
        .defaultTo('mottatt')
        .check(sql`status in ('mottatt', 'under-vurdering', 'tatt-til-folge', 'delvis-tatt-til-folge', 'ikke-tatt-til-folge')`),
    )
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'varchar(32)')
    .addColumn('answered_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('hidden_at', 'varchar(32)')
    .addColumn('hidden_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('hidden_reason', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  // The round page's three orders, the organisation's page, and every foreign key.
  await db.schema.createIndex('consultation_comment_round_item_idx').on('consultation_comment').columns(['round_id', 'item_id', 'id']).execute();
  await db.schema.createIndex('consultation_comment_round_org_idx').on('consultation_comment').columns(['round_id', 'organisation_id', 'id']).execute();
  await db.schema.createIndex('consultation_comment_round_status_idx').on('consultation_comment').columns(['round_id', 'status', 'id']).execute();
  await db.schema.createIndex('consultation_comment_item_idx').on('consultation_comment').column('item_id').execute();
  await db.schema.createIndex('consultation_comment_org_idx').on('consultation_comment').columns(['organisation_id', 'id']).execute();
  for (const column of ['author_id', 'updated_by', 'answered_by', 'hidden_by']) {
    await db.schema.createIndex(`consultation_comment_${column}_idx`).on('consultation_comment').column(column).execute();
  }

  // Each earlier wording of a comment, kept when its organisation edits it.
  await db.schema
    .createTable('consultation_comment_version')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('consultation_comment.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('proposal', 'text')
    .addColumn('base_text', 'text')
    .addColumn('written_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('written_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addUniqueConstraint('consultation_comment_version_unique', ['comment_id', 'version'])
    .execute();
  await db.schema.createIndex('consultation_comment_version_by_idx').on('consultation_comment_version').column('written_by').execute();

  await db.schema
    .createTable('consultation_reply')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('consultation_comment.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    // The organisation the reply speaks for; null when the programme (an architect) replies.
    .addColumn('organisation_id', 'integer', (c) => c.references('organisation.id').onDelete('restrict'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_reply_comment_idx').on('consultation_reply').columns(['comment_id', 'id']).execute();
  await db.schema.createIndex('consultation_reply_author_idx').on('consultation_reply').column('author_id').execute();
  await db.schema.createIndex('consultation_reply_org_idx').on('consultation_reply').column('organisation_id').execute();

  // "What is new since your last visit": a visit is a session; the previous one's last view is the mark.
  await db.schema
    .createTable('consultation_visit')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('consultation_round.id').onDelete('cascade'))
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('previous_seen_at', 'varchar(32)')
    .addPrimaryKeyConstraint('consultation_visit_pk', ['user_id', 'round_id'])
    .execute();
  await db.schema.createIndex('consultation_visit_round_idx').on('consultation_visit').column('round_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['consultation_visit', 'consultation_reply', 'consultation_comment_version', 'consultation_comment', 'consultation_item', 'consultation_round']) {
    await db.schema.dropTable(table).execute();
  }
}
