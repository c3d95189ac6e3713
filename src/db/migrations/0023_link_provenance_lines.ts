import type { Kysely } from 'kysely';
import { allOrNothing } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen against Kysely<any> */

/**
 * A capability's placement in a solution part is a link with a provenance (migration 0014), but
 * unlike the link tables it had no place for the lines it rests on. Architects now set a link's
 * level, reason and lines from the pages (issue 16), so the placement gets its lines too.
 * The `capability` table already moves the model change counter (migration 0010).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await allOrNothing(db, async (trx) => {
    await trx.schema.alterTable('capability').addColumn('solution_part_source_from', 'integer').execute();
    await trx.schema.alterTable('capability').addColumn('solution_part_source_to', 'integer').execute();
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('capability').dropColumn('solution_part_source_to').execute();
  await db.schema.alterTable('capability').dropColumn('solution_part_source_from').execute();
}
