import { sql, type Kysely } from 'kysely';
import { autoId } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen against Kysely<any> */

const kindTables = [
  'capability',
  'information_service',
  'delivery_tier',
  'need_level',
  'roadmap_item',
  'national_project',
  'requirement',
] as const;

const linkTables = [
  'service_capability',
  'service_goal',
  'service_dependency',
  'service_exchange',
  'service_personnel',
  'requirement_element',
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('source_document')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('key', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('published_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('publisher', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('element')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('key', 'varchar(80)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source_document_id', 'integer', (c) => c.references('source_document.id').onDelete('set null'))
    .addColumn('source_from', 'integer')
    .addColumn('source_to', 'integer')
    .addColumn('tentative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('element_kind_key_unique', ['kind', 'key'])
    .execute();
  await db.schema.createIndex('element_kind_position_idx').on('element').columns(['kind', 'position']).execute();
  await db.schema.createIndex('element_source_document_idx').on('element').column('source_document_id').execute();

  const elementRef = (c: any) => c.references('element.id').onDelete('cascade').notNull();
  const optionalRef = (c: any) => c.references('element.id').onDelete('set null');

  await db.schema
    .createTable('capability')
    .addColumn('element_id', 'integer', (c) => elementRef(c).primaryKey())
    .addColumn('parent_id', 'integer', (c) => c.references('element.id').onDelete('restrict'))
    .addColumn('solution_part_id', 'integer', optionalRef)
    .execute();

  await db.schema
    .createTable('information_service')
    .addColumn('element_id', 'integer', (c) => elementRef(c).primaryKey())
    .addColumn('category_id', 'integer', optionalRef)
    .addColumn('tier_id', 'integer', optionalRef)
    .addColumn('tier_tentative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('solution_part_id', 'integer', optionalRef)
    .execute();

  await db.schema
    .createTable('delivery_tier')
    .addColumn('element_id', 'integer', (c) => elementRef(c).primaryKey())
    .addColumn('first_delivery', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('need_level')
    .addColumn('element_id', 'integer', (c) => elementRef(c).primaryKey())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('roadmap_item')
    .addColumn('element_id', 'integer', (c) => elementRef(c).primaryKey())
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)')
    .addColumn('phase_id', 'integer', optionalRef)
    .addColumn('track', 'varchar(20)')
    .addColumn('decision_no', 'integer')
    .execute();

  await db.schema
    .createTable('national_project')
    .addColumn('element_id', 'integer', (c) => elementRef(c).primaryKey())
    .addColumn('project_no', 'integer', (c) => c.notNull().unique())
    .addColumn('priority_category', 'integer', (c) => c.notNull())
    .addColumn('owner_organisation', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('phase', 'varchar(20)', (c) => c.notNull())
    .addColumn('strategic_area', 'text', (c) => c.notNull())
    .addColumn('focus_area', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(10)')
    .addColumn('budget_mnok', 'real')
    .execute();

  await db.schema
    .createTable('requirement')
    .addColumn('element_id', 'integer', (c) => elementRef(c).primaryKey())
    .addColumn('ref', 'varchar(20)', (c) => c.notNull().unique())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('priority', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .execute();

  await db.schema.createIndex('capability_parent_idx').on('capability').column('parent_id').execute();
  await db.schema.createIndex('capability_solution_part_idx').on('capability').column('solution_part_id').execute();
  await db.schema.createIndex('information_service_category_idx').on('information_service').column('category_id').execute();
  await db.schema.createIndex('information_service_tier_idx').on('information_service').column('tier_id').execute();
  await db.schema
    .createIndex('information_service_solution_part_idx')
    .on('information_service')
    .column('solution_part_id')
    .execute();
  await db.schema.createIndex('roadmap_item_phase_idx').on('roadmap_item').column('phase_id').execute();
  await db.schema.createIndex('national_project_status_idx').on('national_project').column('status').execute();
  await db.schema
    .createIndex('national_project_strategic_area_idx')
    .on('national_project')
    .column('strategic_area')
    .execute();

  await db.schema
    .createTable('service_capability')
    .addColumn('service_id', 'integer', elementRef)
    .addColumn('capability_id', 'integer', elementRef)
    .addPrimaryKeyConstraint('service_capability_pk', ['service_id', 'capability_id'])
    .execute();
  await db.schema
    .createTable('service_goal')
    .addColumn('service_id', 'integer', elementRef)
    .addColumn('goal_id', 'integer', elementRef)
    .addPrimaryKeyConstraint('service_goal_pk', ['service_id', 'goal_id'])
    .execute();
  await db.schema
    .createTable('service_dependency')
    .addColumn('service_id', 'integer', elementRef)
    .addColumn('project_id', 'integer', elementRef)
    .addPrimaryKeyConstraint('service_dependency_pk', ['service_id', 'project_id'])
    .execute();
  await db.schema
    .createTable('service_exchange')
    .addColumn('service_id', 'integer', elementRef)
    .addColumn('actor_id', 'integer', elementRef)
    .addColumn('mode_id', 'integer', elementRef)
    .addColumn('need_level_id', 'integer', optionalRef)
    .addPrimaryKeyConstraint('service_exchange_pk', ['service_id', 'actor_id', 'mode_id'])
    .execute();
  await db.schema
    .createTable('service_personnel')
    .addColumn('service_id', 'integer', elementRef)
    .addColumn('personnel_group_id', 'integer', elementRef)
    .addColumn('usage', 'varchar(10)', (c) => c.notNull().check(sql`usage in ('reads', 'records', 'both')`))
    .addPrimaryKeyConstraint('service_personnel_pk', ['service_id', 'personnel_group_id'])
    .execute();
  await db.schema
    .createTable('requirement_element')
    .addColumn('requirement_id', 'integer', elementRef)
    .addColumn('element_id', 'integer', elementRef)
    .addPrimaryKeyConstraint('requirement_element_pk', ['requirement_id', 'element_id'])
    .execute();

  // The primary keys index the first column; these index the other end of each link.
  await db.schema.createIndex('service_capability_capability_idx').on('service_capability').column('capability_id').execute();
  await db.schema.createIndex('service_goal_goal_idx').on('service_goal').column('goal_id').execute();
  await db.schema.createIndex('service_dependency_project_idx').on('service_dependency').column('project_id').execute();
  await db.schema.createIndex('service_exchange_actor_idx').on('service_exchange').columns(['actor_id', 'mode_id']).execute();
  await db.schema.createIndex('service_exchange_mode_idx').on('service_exchange').column('mode_id').execute();
  await db.schema.createIndex('service_exchange_need_level_idx').on('service_exchange').column('need_level_id').execute();
  await db.schema
    .createIndex('service_personnel_group_idx')
    .on('service_personnel')
    .column('personnel_group_id')
    .execute();
  await db.schema.createIndex('requirement_element_element_idx').on('requirement_element').column('element_id').execute();

  await db.schema
    .createTable('municipality')
    .addColumn('number', 'varchar(4)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('county_number', 'varchar(2)', (c) => c.notNull())
    .addColumn('county_name', 'text', (c) => c.notNull())
    .addColumn('population', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('municipality_county_idx').on('municipality').column('county_number').execute();

  await db.schema
    .createTable('counter')
    .addColumn('name', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', 'varchar(80)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['meta', 'counter', 'municipality', ...linkTables, ...kindTables, 'element', 'source_document']) {
    await db.schema.dropTable(table).execute();
  }
}
