import { sql, type Kysely } from 'kysely';
import { allOrNothing } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen against Kysely<any> */

/**
 * Provenance on every element and link (issue 16): `stated` (the source says it, at its lines),
 * `tentative` (the source says it and marks it so) or `inferred` (the editors' reading, with a
 * one-line reason and the lines it rests on). Elements keep their lines in `source_from/to`;
 * links get their own. Also the tables for the concepts the first seed left out: regions with
 * their record solution and the counties that tie municipalities to them, and one table of
 * typed relations between elements (a service that goes through an interface of the record, a
 * service delivered by a national solution, a risk and what it threatens, …).
 *
 * Rows that exist already get a level from what they have: an element marked tentative is
 * `tentative`, one with source lines `stated`, anything else `inferred`; existing links are
 * `inferred` with a note saying they predate the levels.
 */
export const linkTables = [
  'service_capability',
  'service_goal',
  'service_dependency',
  'service_exchange',
  'service_personnel',
  'requirement_element',
] as const;

const PREDATES = 'Registrert før kildegrunnlaget fikk nivåer (migrering 0014).';

export async function up(db: Kysely<any>): Promise<void> {
  // All or nothing, as 0006: the migrator does not wrap migrations in a transaction on SQLite.
  await allOrNothing(db, addProvenance);
}

async function addProvenance(db: Kysely<any>): Promise<void> {
  const level = (c: any) => c.notNull().defaultTo('inferred').check(sql`provenance in ('stated', 'tentative', 'inferred')`);
  await db.schema.alterTable('element').addColumn('provenance', 'varchar(12)', level).execute();
  await db.schema.alterTable('element').addColumn('provenance_note', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('element').addColumn('source_quote', 'text').execute();
  await db.updateTable('element').set({ provenance: 'tentative' }).where('tentative', '=', 1).execute();
  await db
    .updateTable('element')
    .set({ provenance: 'stated' })
    .where('tentative', '=', 0)
    .where('source_from', 'is not', null)
    .execute();
  await db.updateTable('element').set({ provenance_note: PREDATES }).where('provenance', '=', 'inferred').execute();

  for (const table of linkTables) {
    await db.schema.alterTable(table).addColumn('provenance', 'varchar(12)', level).execute();
    await db.schema.alterTable(table).addColumn('provenance_note', 'text', (c) => c.notNull().defaultTo('')).execute();
    await db.schema.alterTable(table).addColumn('source_from', 'integer').execute();
    await db.schema.alterTable(table).addColumn('source_to', 'integer').execute();
    await db.updateTable(table).set({ provenance_note: PREDATES }).execute();
  }

  // A capability's placement in a solution part is a link of its own.
  await db.schema
    .alterTable('capability')
    .addColumn('solution_part_provenance', 'varchar(12)', (c) =>
      c.notNull().defaultTo('inferred').check(sql`solution_part_provenance in ('stated', 'tentative', 'inferred')`),
    )
    .execute();
  await db.schema.alterTable('capability').addColumn('solution_part_note', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.updateTable('capability').set({ solution_part_note: PREDATES }).where('solution_part_id', 'is not', null).execute();

  const elementRef = (c: any) => c.references('element.id').onDelete('cascade').notNull();
  await db.schema
    .createTable('region')
    .addColumn('element_id', 'integer', (c) => elementRef(c).primaryKey())
    .addColumn('record_solution', 'varchar(30)', (c) =>
      c.notNull().check(sql`record_solution in ('felles-kommunal-journal', 'helseplattformen')`),
    )
    .execute();
  await db.schema
    .createTable('region_county')
    .addColumn('region_id', 'integer', elementRef)
    .addColumn('county_number', 'varchar(2)', (c) => c.notNull())
    .addColumn('provenance', 'varchar(12)', level)
    .addColumn('provenance_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source_from', 'integer')
    .addColumn('source_to', 'integer')
    .addPrimaryKeyConstraint('region_county_pk', ['region_id', 'county_number'])
    .execute();
  // A county belongs to one region.
  await db.schema.createIndex('region_county_county_idx').on('region_county').column('county_number').unique().execute();

  await db.schema
    .createTable('element_relation')
    .addColumn('from_id', 'integer', elementRef)
    .addColumn('to_id', 'integer', elementRef)
    .addColumn('relation', 'varchar(30)', (c) => c.notNull())
    .addColumn('provenance', 'varchar(12)', level)
    .addColumn('provenance_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source_from', 'integer')
    .addColumn('source_to', 'integer')
    .addPrimaryKeyConstraint('element_relation_pk', ['from_id', 'to_id', 'relation'])
    .execute();
  await db.schema.createIndex('element_relation_to_idx').on('element_relation').columns(['to_id', 'relation']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('element_relation').execute();
  await db.schema.dropTable('region_county').execute();
  await db.schema.dropTable('region').execute();
  for (const column of ['solution_part_note', 'solution_part_provenance']) {
    await db.schema.alterTable('capability').dropColumn(column).execute();
  }
  for (const table of linkTables) {
    for (const column of ['source_to', 'source_from', 'provenance_note', 'provenance']) {
      await db.schema.alterTable(table).dropColumn(column).execute();
    }
  }
  for (const column of ['source_quote', 'provenance_note', 'provenance']) {
    await db.schema.alterTable('element').dropColumn(column).execute();
  }
}
