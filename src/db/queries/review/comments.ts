import type { Kysely, Transaction } from 'kysely';
import type { Stance } from '../../../../model/review/schemas.ts';
import type { Municipality } from '../../../../model/schemas.ts';
import type { Database } from '../../schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** Which of a round's comments to show: one service's, one stance's, or both. */
export interface CommentFilter {
  roundServiceId?: number | undefined;
  stance?: Stance | undefined;
}

export interface RoundComment {
  roundServiceId: number;
  serviceName: string;
  municipality: Municipality;
  stance: Stance;
  comment: string;
}

/** The comments in a round's submitted reviews that the filter lets through. */
function commentQuery(db: Executor, roundId: number, filter: CommentFilter) {
  let query = db
    .selectFrom('review_stance as s')
    .innerJoin('municipality_review as r', 'r.id', 's.review_id')
    .where('r.round_id', '=', roundId)
    .where('r.status', '=', 'submitted')
    .where('s.comment', '<>', '');
  if (filter.roundServiceId !== undefined) query = query.where('s.round_service_id', '=', filter.roundServiceId);
  if (filter.stance !== undefined) query = query.where('s.stance', '=', filter.stance);
  return query;
}

/**
 * One page of the comments, in the list's order and by municipality number within a service
 * (one query, whatever the round's size).
 */
export async function commentPage(db: Executor, roundId: number, filter: CommentFilter, page: { offset: number; limit: number }): Promise<RoundComment[]> {
  const rows = await commentQuery(db, roundId, filter)
    .innerJoin('review_round_service as rs', 'rs.id', 's.round_service_id')
    .innerJoin('municipality as m', 'm.number', 'r.municipality_number')
    .select(['s.round_service_id', 'rs.name as service_name', 's.stance', 's.comment', 'm.number', 'm.name', 'm.county_number', 'm.county_name', 'm.population'])
    .orderBy('rs.position')
    .orderBy('m.number')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({
    roundServiceId: r.round_service_id,
    serviceName: r.service_name,
    municipality: { number: r.number, name: r.name, countyNumber: r.county_number, countyName: r.county_name, population: r.population },
    stance: r.stance as Stance,
    comment: r.comment,
  }));
}

/** How many comments the filter lets through (one query). */
export async function commentCount(db: Executor, roundId: number, filter: CommentFilter): Promise<number> {
  const row = await commentQuery(db, roundId, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
