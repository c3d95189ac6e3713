import { sql, type Kysely } from 'kysely';
import { allOrNothing, isPostgres, trackModelChanges } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen against Kysely<any> */

/**
 * One counter that every change to what the pages show moves forward, kept by triggers in the
 * database itself so that it holds whichever process (or tool) writes: the version behind the
 * pages' ETags and the cache of rendered pages for anonymous readers. Sessions, the sign-in limit,
 * invitations, "seen" marks and the audit log are left out: they change on every sign-in or
 * refused request and no cached page shows them.
 */
const tracked = [
  'source_document',
  'element',
  'capability',
  'information_service',
  'delivery_tier',
  'need_level',
  'roadmap_item',
  'national_project',
  'requirement',
  'service_capability',
  'service_goal',
  'service_dependency',
  'service_exchange',
  'service_personnel',
  'requirement_element',
  'municipality',
  'counter',
  'meta',
  'organisation',
  'app_user',
  'consultation_round',
  'consultation_item',
  'consultation_comment',
  'consultation_comment_version',
  'consultation_reply',
  'review_round',
  'review_round_service',
  'municipality_review',
  'review_stance',
  'intention_declaration',
];

export async function up(db: Kysely<any>): Promise<void> {
  await allOrNothing(db, async (trx) => {
    await trx.schema
      .createTable('model_change')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('counter', 'bigint', (c) => c.notNull())
      .execute();
    await trx.insertInto('model_change').values({ id: 1, counter: 0 }).execute();
    if (isPostgres(trx)) {
      await sql`create function model_change_bump() returns trigger language plpgsql as ${sql.lit(
        'begin update model_change set counter = counter + 1 where id = 1; return null; end',
      )}`.execute(trx);
    }
    for (const table of tracked) await trackModelChanges(trx, table);
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await allOrNothing(db, async (trx) => {
    for (const table of tracked) {
      if (isPostgres(trx)) await sql`drop trigger ${sql.id(`${table}_model_change`)} on ${sql.table(table)}`.execute(trx);
      else for (const event of ['insert', 'update', 'delete']) await sql`drop trigger ${sql.id(`${table}_model_change_${event}`)}`.execute(trx);
    }
    if (isPostgres(trx)) await sql`drop function model_change_bump()`.execute(trx);
    await trx.schema.dropTable('model_change').execute();
  });
}
