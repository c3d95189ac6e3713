import type { Transaction } from 'kysely';
import type { ReviewEntry, Stance } from '../../../../model/review/schemas.ts';
import type { Database } from '../../../db/schema.ts';

/**
 * A municipality's review of a round as the use cases write it (issue 10: the reads stay in
 * `src/db/queries/review/reviews.ts`). Each runs in the use case's transaction, which audits it.
 */

export interface SaveReview {
  roundId: number;
  municipalityNumber: string;
  entries: readonly ReviewEntry[];
  at: Date;
  userId: number | null;
}

/** The draft's row, created on first save and touched on every later one; returns its id. */
async function touchDraft(trx: Transaction<Database>, save: Omit<SaveReview, 'entries'>): Promise<number> {
  const at = save.at.toISOString();
  const row = await trx
    .insertInto('municipality_review')
    .values({ round_id: save.roundId, municipality_number: save.municipalityNumber, status: 'draft', created_at: at, updated_at: at, updated_by: save.userId })
    .onConflict((oc) => oc.columns(['round_id', 'municipality_number']).doUpdateSet({ status: 'draft', updated_at: at, updated_by: save.userId }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const stanceRow = (reviewId: number, e: ReviewEntry & { stance: Stance }) => ({ review_id: reviewId, round_service_id: e.roundServiceId, stance: e.stance, comment: e.comment });

/**
 * Writes a municipality's whole draft: the review row (created on first save) and its stances,
 * which replace the earlier ones. Call inside the transaction that audits it, after checking that
 * the review is not submitted. Returns the review's id.
 */
export async function saveReview(trx: Transaction<Database>, save: SaveReview): Promise<number> {
  const reviewId = await touchDraft(trx, save);
  await trx.deleteFrom('review_stance').where('review_id', '=', reviewId).execute();
  const stances = save.entries.filter((e): e is ReviewEntry & { stance: Stance } => e.stance !== null).map((e) => stanceRow(reviewId, e));
  for (let i = 0; i < stances.length; i += 500) await trx.insertInto('review_stance').values(stances.slice(i, i + 500)).execute();
  return reviewId;
}

/**
 * Writes one service's answer into the municipality's draft (created on first save); an answer
 * without a stance removes the service's answer. Call inside the transaction that audits it,
 * after checking that the review is not submitted. Returns the review's id.
 */
export async function saveAnswer(trx: Transaction<Database>, save: Omit<SaveReview, 'entries'> & { entry: ReviewEntry }): Promise<number> {
  const reviewId = await touchDraft(trx, save);
  const { entry } = save;
  if (entry.stance === null) {
    await trx.deleteFrom('review_stance').where('review_id', '=', reviewId).where('round_service_id', '=', entry.roundServiceId).execute();
  } else {
    const row = stanceRow(reviewId, { ...entry, stance: entry.stance });
    await trx
      .insertInto('review_stance')
      .values(row)
      .onConflict((oc) => oc.columns(['review_id', 'round_service_id']).doUpdateSet({ stance: row.stance, comment: row.comment }))
      .execute();
  }
  return reviewId;
}

/** Submits a draft as it is stored. Call inside the transaction that audits it. */
export async function submitReview(trx: Transaction<Database>, reviewId: number, at: Date, userId: number | null): Promise<void> {
  const iso = at.toISOString();
  await trx
    .updateTable('municipality_review')
    .set({ status: 'submitted', updated_at: iso, updated_by: userId, submitted_at: iso, submitted_by: userId })
    .where('id', '=', reviewId)
    .execute();
}

/** Turns a submitted review back into a draft the municipality can change. */
export async function reopenReview(trx: Transaction<Database>, reviewId: number, at: Date, userId: number | null): Promise<void> {
  await trx.updateTable('municipality_review').set({ status: 'draft', reopened_at: at.toISOString(), reopened_by: userId }).where('id', '=', reviewId).execute();
}
