import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen against Kysely<any> */

/**
 * Indexes for what the pages now ask the database instead of filtering in memory (issue 10):
 * - services by tier and category together: the overview's tier × category counts (GROUP BY)
 *   and its first few services per cell, and the matrices' and lists' filters;
 * - elements marked tentative, by kind and position: the gap analysis counts them and names the
 *   first ones in the model's order;
 * - stances by round service and stance: the review dashboard's tallies per service (GROUP BY)
 *   read the index alone.
 * Foreign keys and the other filters already had theirs (0001, 0004, 0005).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('information_service_tier_category_idx').on('information_service').columns(['tier_id', 'category_id']).execute();
  await db.schema.createIndex('element_tentative_idx').on('element').columns(['tentative', 'kind', 'position']).execute();
  await db.schema.createIndex('review_stance_service_stance_idx').on('review_stance').columns(['round_service_id', 'stance']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['review_stance_service_stance_idx', 'element_tentative_idx', 'information_service_tier_category_idx']) {
    await db.schema.dropIndex(index).execute();
  }
}
