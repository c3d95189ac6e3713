import type { Transaction } from 'kysely';
import type { SnapshotService } from '../../../../model/review/snapshot.ts';
import type { Database } from '../../../db/schema.ts';

/**
 * Review rounds as the use cases write them (issue 10: the reads stay in
 * `src/db/queries/review/rounds.ts`). Each runs in the use case's transaction, which audits it.
 */

export interface NewRound {
  title: string;
  deadlineOn: string;
  closesAt: Date;
  openedAt: Date;
  openedBy: number | null;
  services: ReadonlyArray<SnapshotService & { version: number }>;
}

/** Stores a round and its frozen list; call inside the transaction that audits it. */
export async function insertRound(trx: Transaction<Database>, round: NewRound): Promise<number> {
  const { id } = await trx
    .insertInto('review_round')
    .values({
      title: round.title,
      deadline_on: round.deadlineOn,
      closes_at: round.closesAt.toISOString(),
      opened_at: round.openedAt.toISOString(),
      opened_by: round.openedBy,
      closed_at: null,
      closed_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows = round.services.map((s, position) => ({
    round_id: id,
    position,
    element_id: s.elementId,
    element_version: s.version,
    key: s.key,
    name: s.name,
    description: s.description,
    category_key: s.categoryKey,
    category_name: s.categoryName,
    tier_key: s.tierKey,
    tier_name: s.tierName,
    tentative: s.tentative ? (1 as const) : (0 as const),
  }));
  // In slices, to stay under the database's limit on parameters per statement.
  for (let i = 0; i < rows.length; i += 500) await trx.insertInto('review_round_service').values(rows.slice(i, i + 500)).execute();
  return id;
}

export async function closeRound(trx: Transaction<Database>, id: number, at: Date, userId: number | null): Promise<void> {
  await trx.updateTable('review_round').set({ closed_at: at.toISOString(), closed_by: userId }).where('id', '=', id).execute();
}

export async function reopenRound(trx: Transaction<Database>, id: number, deadlineOn: string, closesAt: Date): Promise<void> {
  await trx
    .updateTable('review_round')
    .set({ closed_at: null, closed_by: null, deadline_on: deadlineOn, closes_at: closesAt.toISOString() })
    .where('id', '=', id)
    .execute();
}
