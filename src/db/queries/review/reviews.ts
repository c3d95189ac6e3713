import type { Kysely, Transaction } from 'kysely';
import type { Stance } from '../../../../model/review/schemas.ts';
import type { MunicipalityReview, StoredEntry } from '../../../../model/review/types.ts';
import type { Municipality } from '../../../../model/schemas.ts';
import type { Database } from '../../schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

function reviewQuery(db: Executor) {
  return db
    .selectFrom('municipality_review as r')
    .leftJoin('app_user as u', 'u.id', 'r.updated_by')
    .leftJoin('app_user as s', 's.id', 'r.submitted_by')
    .leftJoin('app_user as o', 'o.id', 'r.reopened_by')
    .select([
      'r.id',
      'r.round_id',
      'r.municipality_number',
      'r.status',
      'r.created_at',
      'r.updated_at',
      'u.name as updated_by_name',
      'r.submitted_at',
      's.name as submitted_by_name',
      'r.reopened_at',
      'o.name as reopened_by_name',
    ]);
}

type ReviewRow = Awaited<ReturnType<ReturnType<typeof reviewQuery>['executeTakeFirstOrThrow']>>;

const toReview = (r: ReviewRow): MunicipalityReview => ({
  id: r.id,
  roundId: r.round_id,
  municipalityNumber: r.municipality_number,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  updatedByName: r.updated_by_name,
  submittedAt: r.submitted_at,
  submittedByName: r.submitted_by_name,
  reopenedAt: r.reopened_at,
  reopenedByName: r.reopened_by_name,
});

/** One municipality's review of a round and its stances (two queries), or undefined if it has not started. */
export async function reviewOf(db: Executor, roundId: number, municipalityNumber: string): Promise<{ review: MunicipalityReview; entries: StoredEntry[] } | undefined> {
  const row = await reviewQuery(db).where('r.round_id', '=', roundId).where('r.municipality_number', '=', municipalityNumber).executeTakeFirst();
  if (!row) return undefined;
  const entries = await db.selectFrom('review_stance').select(['round_service_id', 'stance', 'comment']).where('review_id', '=', row.id).execute();
  return {
    review: toReview(row),
    entries: entries.map((e) => ({ roundServiceId: e.round_service_id, stance: e.stance as Stance, comment: e.comment })),
  };
}

/**
 * One municipality's review of a round with the stances of the services `roundServiceIds` only
 * (one page of the form) and how many it has answered in the whole round, counted in SQL (two
 * queries), or undefined if it has not started.
 */
export async function reviewWindowOf(
  db: Executor,
  roundId: number,
  municipalityNumber: string,
  roundServiceIds: readonly number[],
): Promise<{ review: MunicipalityReview; entries: StoredEntry[]; answered: number } | undefined> {
  const row = await reviewQuery(db)
    .select((eb) => eb.selectFrom('review_stance as a').whereRef('a.review_id', '=', 'r.id').select(eb.fn.countAll<number>().as('n')).as('answered'))
    .where('r.round_id', '=', roundId)
    .where('r.municipality_number', '=', municipalityNumber)
    .executeTakeFirst();
  if (!row) return undefined;
  const entries =
    roundServiceIds.length === 0
      ? []
      : await db.selectFrom('review_stance').select(['round_service_id', 'stance', 'comment']).where('review_id', '=', row.id).where('round_service_id', 'in', roundServiceIds).orderBy('round_service_id').execute();
  return {
    review: toReview(row),
    entries: entries.map((e) => ({ roundServiceId: e.round_service_id, stance: e.stance as Stance, comment: e.comment })),
    answered: Number(row.answered ?? 0),
  };
}

/** How many of a municipality's stored answers in a round are to services other than `roundServiceIds` (one query). */
export async function answeredOutside(db: Executor, roundId: number, municipalityNumber: string, roundServiceIds: readonly number[]): Promise<number> {
  let q = db
    .selectFrom('review_stance as a')
    .innerJoin('municipality_review as r', 'r.id', 'a.review_id')
    .where('r.round_id', '=', roundId)
    .where('r.municipality_number', '=', municipalityNumber)
    .select((eb) => eb.fn.countAll<number>().as('n'));
  if (roundServiceIds.length > 0) q = q.where('a.round_service_id', 'not in', roundServiceIds);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** How far one municipality has come in each round it has started (one query). */
export async function reviewStatusesOf(db: Executor, municipalityNumber: string): Promise<Map<number, MunicipalityReview['status']>> {
  const rows = await db.selectFrom('municipality_review').select(['round_id', 'status']).where('municipality_number', '=', municipalityNumber).execute();
  return new Map(rows.map((r) => [r.round_id, r.status]));
}

/** Every municipality that has started a review of the round, with the municipality (one query). */
export async function roundReviews(db: Executor, roundId: number): Promise<Array<MunicipalityReview & { municipality: Municipality }>> {
  const rows = await reviewQuery(db)
    .innerJoin('municipality as m', 'm.number', 'r.municipality_number')
    .select(['m.name as municipality_name', 'm.county_number', 'm.county_name', 'm.population'])
    .where('r.round_id', '=', roundId)
    .orderBy('m.county_number')
    .orderBy('m.name')
    .execute();
  return rows.map((r) => ({
    ...toReview(r),
    municipality: { number: r.municipality_number, name: r.municipality_name, countyNumber: r.county_number, countyName: r.county_name, population: r.population },
  }));
}

/** Every stance in the round's submitted reviews, without the comments (one query): what the tallies count. */
export async function submittedStances(db: Executor, roundId: number): Promise<Array<{ municipalityNumber: string; roundServiceId: number; stance: Stance }>> {
  const rows = await db
    .selectFrom('review_stance as s')
    .innerJoin('municipality_review as r', 'r.id', 's.review_id')
    .select(['r.municipality_number', 's.round_service_id', 's.stance'])
    .where('r.round_id', '=', roundId)
    .where('r.status', '=', 'submitted')
    .execute();
  return rows.map((r) => ({ municipalityNumber: r.municipality_number, roundServiceId: r.round_service_id, stance: r.stance as Stance }));
}

/** Every stance and comment in the round's submitted reviews (one query); `commented` leaves out those without a comment. */
export async function submittedEntries(db: Executor, roundId: number, options: { commented?: boolean } = {}): Promise<Array<StoredEntry & { municipalityNumber: string }>> {
  let query = db
    .selectFrom('review_stance as s')
    .innerJoin('municipality_review as r', 'r.id', 's.review_id')
    .select(['r.municipality_number', 's.round_service_id', 's.stance', 's.comment'])
    .where('r.round_id', '=', roundId)
    .where('r.status', '=', 'submitted');
  if (options.commented) query = query.where('s.comment', '<>', '');
  const rows = await query.orderBy('r.municipality_number').orderBy('s.round_service_id').execute();
  return rows.map((r) => ({ municipalityNumber: r.municipality_number, roundServiceId: r.round_service_id, stance: r.stance as Stance, comment: r.comment }));
}

/** How many services a review has a stance on (one query). */
export async function answeredCount(db: Executor, reviewId: number): Promise<number> {
  const row = await db.selectFrom('review_stance').select((eb) => eb.fn.countAll<number>().as('n')).where('review_id', '=', reviewId).executeTakeFirstOrThrow();
  return Number(row.n);
}
