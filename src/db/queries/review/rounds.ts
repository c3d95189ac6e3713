import type { Kysely, Transaction } from 'kysely';
import type { FrozenService, ReviewRound } from '../../../../model/review/types.ts';
import type { Database } from '../../schema.ts';
import type { ReviewRoundServiceRow } from '../../tables/review.ts';

type Executor = Kysely<Database> | Transaction<Database>;

function roundQuery(db: Executor) {
  return db
    .selectFrom('review_round as r')
    .leftJoin('app_user as o', 'o.id', 'r.opened_by')
    .leftJoin('app_user as c', 'c.id', 'r.closed_by')
    .select((eb) => [
      'r.id',
      'r.title',
      'r.deadline_on',
      'r.closes_at',
      'r.opened_at',
      'o.name as opened_by_name',
      'r.closed_at',
      'c.name as closed_by_name',
      eb.selectFrom('review_round_service as s').select((s) => s.fn.countAll<number>().as('n')).whereRef('s.round_id', '=', 'r.id').as('service_count'),
      eb
        .selectFrom('municipality_review as m')
        .select((s) => s.fn.countAll<number>().as('n'))
        .whereRef('m.round_id', '=', 'r.id')
        .where('m.status', '=', 'submitted')
        .as('submitted_count'),
      eb
        .selectFrom('municipality_review as m')
        .select((s) => s.fn.countAll<number>().as('n'))
        .whereRef('m.round_id', '=', 'r.id')
        .where('m.status', '=', 'draft')
        .as('draft_count'),
    ]);
}

type RoundRow = Awaited<ReturnType<ReturnType<typeof roundQuery>['executeTakeFirstOrThrow']>>;

const toRound = (r: RoundRow): ReviewRound => ({
  id: r.id,
  title: r.title,
  deadlineOn: r.deadline_on,
  closesAt: r.closes_at,
  openedAt: r.opened_at,
  openedByName: r.opened_by_name,
  closedAt: r.closed_at,
  closedByName: r.closed_by_name,
  serviceCount: Number(r.service_count ?? 0),
  submittedCount: Number(r.submitted_count ?? 0),
  draftCount: Number(r.draft_count ?? 0),
});

/** Every round, newest first, in one query. */
export async function listRounds(db: Executor): Promise<ReviewRound[]> {
  return (await roundQuery(db).orderBy('r.id', 'desc').execute()).map(toRound);
}

export async function roundById(db: Executor, id: number): Promise<ReviewRound | undefined> {
  const row = await roundQuery(db).where('r.id', '=', id).executeTakeFirst();
  return row && toRound(row);
}

/** A round that has not been closed and whose deadline has not passed, if there is one. */
export async function openRoundId(db: Executor, now: Date): Promise<number | undefined> {
  const row = await db.selectFrom('review_round').select('id').where('closed_at', 'is', null).where('closes_at', '>', now.toISOString()).executeTakeFirst();
  return row?.id;
}

/** The round's frozen list, in its order. */
export async function frozenServices(db: Executor, roundId: number): Promise<FrozenService[]> {
  const rows = await db.selectFrom('review_round_service').selectAll().where('round_id', '=', roundId).orderBy('position').execute();
  return rows.map(frozenServiceOf);
}

/** A frozen service as the pages know it, from its row (the list, the tallies and a page of the list read it so). */
export function frozenServiceOf(r: ReviewRoundServiceRow): FrozenService {
  return {
    id: r.id,
    position: r.position,
    elementId: r.element_id,
    key: r.key,
    name: r.name,
    description: r.description,
    categoryKey: r.category_key,
    categoryName: r.category_name,
    tierKey: r.tier_key,
    tierName: r.tier_name,
    tentative: r.tentative === 1,
  };
}
