import { sql, type Kysely, type Transaction } from 'kysely';
import { stances, type Stance } from '../../../../model/review/schemas.ts';
import type { Answer, ServiceTally, TallySort } from '../../../../model/review/tallies.ts';
import type { FrozenService } from '../../../../model/review/types.ts';
import type { Database } from '../../schema.ts';
import { frozenServiceOf } from './rounds.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** Who has submitted in the round: how many municipalities and how many inhabitants they hold. */
export interface Reviewers {
  municipalities: number;
  population: number;
  /** Reviews begun and not submitted. */
  drafts: number;
}

const columns = (stance: Stance) => stance.replace(/-/g, '_');


/**
 * The SQL a sort orders by (largest first), with its tie-breaker, as in `sortTallies`: the very
 * expressions of the indexes on `review_service_tally` (migration 0027), so a page is read from one.
 */
function sortKeys(sort: TallySort): [string, string] | undefined {
  switch (sort) {
    case 'liste':
      return undefined;
    case 'omstridt':
      return ['(t.p_opposes + t.p_supports_with_changes)', '(t.n_opposes + t.n_supports_with_changes)'];
    case 'mot':
      return ['t.p_opposes', 't.n_opposes'];
    case 'endringer':
      return ['t.p_supports_with_changes', 't.n_supports_with_changes'];
    case 'stotter':
      return ['t.p_supports', 't.n_supports'];
  }
}

/** How many municipalities have submitted in the round, and their inhabitants (one query). */
export async function roundReviewers(db: Executor, roundId: number): Promise<Reviewers> {
  const row = await db
    .selectFrom('municipality_review as r')
    .innerJoin('municipality as m', 'm.number', 'r.municipality_number')
    .where('r.round_id', '=', roundId)
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>(eb.case().when('r.status', '=', 'submitted').then(1).else(0).end()), sql<number>`0`).as('n'),
      eb.fn.coalesce(eb.fn.sum<number>(eb.case().when('r.status', '=', 'submitted').then(eb.ref('m.population')).else(0).end()), sql<number>`0`).as('p'),
      eb.fn.countAll<number>().as('all'),
    ])
    .executeTakeFirstOrThrow();
  return { municipalities: Number(row.n), population: Number(row.p), drafts: Number(row.all) - Number(row.n) };
}

/**
 * The tallies of the round's services in the chosen order, `limit` from `offset` (all when no
 * limit is given: the CSV export). Ties keep the list's order. A municipality that submitted
 * without a stance on a service counts as unanswered there.
 */
export async function stanceTallyPage(
  db: Executor,
  roundId: number,
  reviewers: Reviewers,
  options: { sort: TallySort; offset?: number; limit?: number },
): Promise<Array<ServiceTally<FrozenService>>> {
  // The tallies per service (`review_service_tally`, kept by triggers: the figures of `review_tally`,
  // which `stanceTallies` in `model/` counts in memory), in the order's index: a page reads its own
  // rows, whatever the round's size. Ordered and cut on the narrow rows, then joined to the services.
  const keys = sortKeys(options.sort);
  const order = sql.raw(`${keys ? `${keys[0]} desc, ${keys[1]} desc, ` : ''}t.position, t.round_service_id`);
  let page = db.selectFrom('review_service_tally as t').selectAll('t').where('t.round_id', '=', roundId).orderBy(order);
  if (options.limit !== undefined) page = page.limit(options.limit).offset(options.offset ?? 0);
  const query = db
    .selectFrom(page.as('t'))
    .innerJoin('review_round_service as rs', 'rs.id', 't.round_service_id')
    .selectAll('rs')
    .select(stances.flatMap((stance) => [`t.n_${columns(stance)}` as 't.n_supports', `t.p_${columns(stance)}` as 't.p_supports']))
    .orderBy(order);
  const rows = (await query.execute()) as Array<Record<string, unknown> & Awaited<ReturnType<typeof query.executeTakeFirstOrThrow>>>;
  return rows.map((r) => {
    const counts = { unanswered: 0 } as Record<Answer, number>;
    const population = { unanswered: 0 } as Record<Answer, number>;
    for (const stance of stances) {
      counts[stance] = Number(r[`n_${columns(stance)}`] ?? 0);
      population[stance] = Number(r[`p_${columns(stance)}`] ?? 0);
    }
    counts.unanswered = reviewers.municipalities - stances.reduce((n, s) => n + counts[s], 0);
    population.unanswered = reviewers.population - stances.reduce((n, s) => n + population[s], 0);
    return { service: frozenServiceOf(r), counts, population, contested: population.opposes + population['supports-with-changes'] };
  });
}

/** One service of the round's frozen list, if the list holds it (one query). */
export async function roundServiceById(db: Executor, roundId: number, roundServiceId: number): Promise<FrozenService | undefined> {
  const r = await db.selectFrom('review_round_service').selectAll().where('round_id', '=', roundId).where('id', '=', roundServiceId).executeTakeFirst();
  return r ? frozenServiceOf(r) : undefined;
}

/** How many services the round's list holds (one query). */
export async function roundServiceCount(db: Executor, roundId: number): Promise<number> {
  const row = await db.selectFrom('review_round_service').where('round_id', '=', roundId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
