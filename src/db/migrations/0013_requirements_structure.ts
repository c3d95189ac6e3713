import { sql, type Kysely } from 'kysely';
import { allOrNothing, autoId, isPostgres } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen against Kysely<any> */

/**
 * Requirements get structure and traceability, and the model gets baselines (issue 13):
 * - `requirement_chapter`: chapters and sections as an ordered tree; each requirement in one.
 * - `requirement_type`: the editable list of requirement types (funksjonelt, …).
 * - new requirement columns: chapter, type, acceptance criteria, verification method, tags and
 *   the consultation comment it came from.
 * - `requirement_relation`: links between requirements (derived from, supersedes).
 * - `requirement_lost_link`: a requirement's link to an element that was deleted, kept by name.
 * - `baseline`: a frozen copy of the whole model (one JSON snapshot per baseline), immutable by
 *   trigger like the audit log; review and consultation rounds record the baseline they opened on.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await allOrNothing(db, build);
}

const types: Array<[string, string]> = [
  ['funksjonelt', 'Funksjonelt'],
  ['ikke-funksjonelt', 'Ikke-funksjonelt'],
  ['integrasjon', 'Integrasjon'],
  ['informasjonssikkerhet-og-personvern', 'Informasjonssikkerhet og personvern'],
  ['drift-og-forvaltning', 'Drift og forvaltning'],
  ['universell-utforming', 'Universell utforming'],
];

async function build(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('requirement_chapter')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('parent_id', 'integer', (c) => c.references('requirement_chapter.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('requirement_chapter_parent_idx').on('requirement_chapter').columns(['parent_id', 'position']).execute();

  await db.schema
    .createTable('requirement_type')
    .addColumn('key', 'varchar(60)', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('requirement_type')
    .values(types.map(([key, label], position) => ({ key, label, position })))
    .execute();

  await db.schema
    .alterTable('requirement')
    .addColumn('chapter_id', 'integer', (c) => c.references('requirement_chapter.id').onDelete('set null'))
    .execute();
  await db.schema
    .alterTable('requirement')
    .addColumn('type_key', 'varchar(60)', (c) => c.references('requirement_type.key').onDelete('set null').onUpdate('cascade'))
    .execute();
  await db.schema.alterTable('requirement').addColumn('acceptance_criteria', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('requirement').addColumn('verification_method', 'varchar(20)').execute();
  // Tags as one text: "|a|b|", so a tag filter is a LIKE '%|a|%' in either database.
  await db.schema.alterTable('requirement').addColumn('tags', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema
    .alterTable('requirement')
    .addColumn('source_comment_id', 'integer', (c) => c.references('consultation_comment.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('requirement_chapter_idx').on('requirement').column('chapter_id').execute();
  await db.schema.createIndex('requirement_type_idx').on('requirement').column('type_key').execute();
  await db.schema.createIndex('requirement_status_idx').on('requirement').column('status').execute();
  await db.schema.createIndex('requirement_priority_idx').on('requirement').column('priority').execute();
  await db.schema.createIndex('requirement_source_comment_idx').on('requirement').column('source_comment_id').execute();

  await db.schema
    .createTable('requirement_relation')
    .addColumn('from_id', 'integer', (c) => c.notNull().references('element.id').onDelete('cascade'))
    .addColumn('to_id', 'integer', (c) => c.notNull().references('element.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull().check(sql`kind in ('derived_from', 'supersedes')`))
    .addPrimaryKeyConstraint('requirement_relation_pk', ['from_id', 'kind', 'to_id'])
    .addCheckConstraint('requirement_relation_not_self', sql`from_id <> to_id`)
    .execute();
  await db.schema.createIndex('requirement_relation_to_idx').on('requirement_relation').columns(['to_id', 'kind']).execute();

  await db.schema
    .createTable('requirement_lost_link')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('requirement_id', 'integer', (c) => c.notNull().references('element.id').onDelete('cascade'))
    .addColumn('element_kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('element_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('element_name', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('requirement_lost_link_requirement_idx').on('requirement_lost_link').column('requirement_id').execute();

  await db.schema
    .createTable('baseline')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('name', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('restrict'))
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('element_count', 'integer', (c) => c.notNull())
    .addColumn('requirement_count', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .execute();
  await refuseChanges(db, 'baseline');

  await db.schema
    .alterTable('review_round')
    .addColumn('baseline_id', 'integer', (c) => c.references('baseline.id').onDelete('restrict'))
    .execute();
  await db.schema
    .alterTable('consultation_round')
    .addColumn('baseline_id', 'integer', (c) => c.references('baseline.id').onDelete('restrict'))
    .execute();
  await db.schema.createIndex('review_round_baseline_idx').on('review_round').column('baseline_id').execute();
  await db.schema.createIndex('consultation_round_baseline_idx').on('consultation_round').column('baseline_id').execute();
}

/** As `refuseUpdateAndDelete` in portable.ts, frozen here with a baseline's own message. */
async function refuseChanges(db: Kysely<any>, table: string): Promise<void> {
  const message = `${table} is frozen: a baseline cannot be changed or deleted`;
  if (isPostgres(db)) {
    const fn = sql.id(`${table}_frozen`);
    await sql`create function ${fn}() returns trigger language plpgsql as ${sql.lit(`begin raise exception '${message}'; end`)}`.execute(db);
    await sql`create trigger ${sql.id(`${table}_no_change`)} before update or delete on ${sql.table(table)} for each row execute function ${fn}()`.execute(db);
    await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)} for each statement execute function ${fn}()`.execute(db);
    return;
  }
  for (const [name, event] of [[`${table}_no_update`, 'update'], [`${table}_no_delete`, 'delete']] as const) {
    await sql`create trigger ${sql.id(name)} before ${sql.raw(event)} on ${sql.table(table)} begin select raise(abort, ${sql.lit(message)}); end`.execute(db);
  }
  await sql`create trigger ${sql.id(`${table}_no_replace`)} before insert on ${sql.table(table)}
    when exists (select 1 from ${sql.table(table)} where id = new.id)
    begin select raise(abort, ${sql.lit(message)}); end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['consultation_round_baseline_idx', 'review_round_baseline_idx']) await db.schema.dropIndex(index).execute();
  await db.schema.alterTable('consultation_round').dropColumn('baseline_id').execute();
  await db.schema.alterTable('review_round').dropColumn('baseline_id').execute();
  await db.schema.dropTable('baseline').execute();
  if (isPostgres(db)) await sql`drop function if exists baseline_frozen()`.execute(db);
  await db.schema.dropTable('requirement_lost_link').execute();
  await db.schema.dropTable('requirement_relation').execute();
  for (const index of ['requirement_source_comment_idx', 'requirement_priority_idx', 'requirement_status_idx', 'requirement_type_idx', 'requirement_chapter_idx']) {
    await db.schema.dropIndex(index).execute();
  }
  for (const column of ['source_comment_id', 'tags', 'verification_method', 'acceptance_criteria', 'type_key', 'chapter_id']) {
    await db.schema.alterTable('requirement').dropColumn(column).execute();
  }
  await db.schema.dropTable('requirement_type').execute();
  await db.schema.dropTable('requirement_chapter').execute();
}
