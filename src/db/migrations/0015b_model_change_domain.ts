import { sql, type Kysely } from 'kysely';
import { allOrNothing, isPostgres, trackModelChanges } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen against Kysely<any> */

/**
 * The tables 0014 added (regions, their counties, relations between elements) count
 * towards the model's change counter of 0010 too: the element and region pages show them.
 */
const tracked = ['region', 'region_county', 'element_relation'];

export async function up(db: Kysely<any>): Promise<void> {
  await allOrNothing(db, async (trx) => {
    for (const table of tracked) await trackModelChanges(trx, table);
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await allOrNothing(db, async (trx) => {
    for (const table of tracked) {
      if (isPostgres(trx)) await sql`drop trigger ${sql.id(`${table}_model_change`)} on ${sql.table(table)}`.execute(trx);
      else for (const event of ['insert', 'update', 'delete']) await sql`drop trigger ${sql.id(`${table}_model_change_${event}`)}`.execute(trx);
    }
  });
}
