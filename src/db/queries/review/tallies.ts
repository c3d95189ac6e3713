import { sql, type Kysely, type Transaction } from 'kysely';
import { stances, type Stance } from '../../../../model/review/schemas.ts';
import type { Answer, ServiceTally, TallySort } from '../../../../model/review/tallies.ts';
import type { FrozenService } from '../../../../model/review/types.ts';
import type { Database } from '../../schema.ts';
import type { ReviewRoundServiceRow } from '../../tables/review.ts';

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
 * The stances of the round's submitted reviews per frozen service, from the tallies the database
 * keeps (`review_tally`, migration 0025: the same figures as `stanceTallies` in `model/`, which
 * counts in memory): one row per service, with a count and a population per stance. Its cost
 * grows with the round's services, not with the stances of every municipality.
 */
function aggregated(db: Executor, roundId: number, only?: { offset: number; limit: number }) {
  let tallies = db
    .selectFrom('review_tally as g')
    .innerJoin('review_round_service as rs', 'rs.id', 'g.round_service_id')
    .where('rs.round_id', '=', roundId);
  // In the list's order a page needs only its own services' tallies.
  if (only) tallies = tallies.where('g.round_service_id', 'in', db.selectFrom('review_round_service').select('id').where('round_id', '=', roundId).orderBy('position').orderBy('id').limit(only.limit).offset(only.offset));
  return tallies.groupBy('g.round_service_id').select((eb) => [
    'g.round_service_id',
    ...stances.flatMap((stance) => [
      eb.fn.sum<number>(eb.case().when('g.stance', '=', stance).then(eb.ref('g.n')).else(0).end()).as(`n_${columns(stance)}`),
      eb.fn.sum<number>(eb.case().when('g.stance', '=', stance).then(eb.ref('g.p')).else(0).end()).as(`p_${columns(stance)}`),
    ]),
  ]);
}

function frozen(r: ReviewRoundServiceRow): FrozenService {
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

/** The SQL expression a sort orders by (largest first), with its tie-breaker, as in `sortTallies`. */
function sortKeys(sort: TallySort): [string, string] | undefined {
  switch (sort) {
    case 'liste':
      return undefined;
    case 'omstridt':
      return ['coalesce(t.p_opposes, 0) + coalesce(t.p_supports_with_changes, 0)', 'coalesce(t.n_opposes, 0) + coalesce(t.n_supports_with_changes, 0)'];
    case 'mot':
      return ['coalesce(t.p_opposes, 0)', 'coalesce(t.n_opposes, 0)'];
    case 'endringer':
      return ['coalesce(t.p_supports_with_changes, 0)', 'coalesce(t.n_supports_with_changes, 0)'];
    case 'stotter':
      return ['coalesce(t.p_supports, 0)', 'coalesce(t.n_supports, 0)'];
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
  let query = db
    .selectFrom('review_round_service as rs')
    .leftJoin(
      aggregated(db, roundId, options.sort === 'liste' && options.limit !== undefined ? { offset: options.offset ?? 0, limit: options.limit } : undefined).as('t'),
      't.round_service_id',
      'rs.id',
    )
    .selectAll('rs')
    .select(stances.flatMap((stance) => [`t.n_${columns(stance)}` as 't.n_supports', `t.p_${columns(stance)}` as 't.p_supports']))
    .where('rs.round_id', '=', roundId);
  const keys = sortKeys(options.sort);
  if (keys) query = query.orderBy(sql.raw(keys[0]), 'desc').orderBy(sql.raw(keys[1]), 'desc');
  query = query.orderBy('rs.position').orderBy('rs.id');
  if (options.limit !== undefined) query = query.limit(options.limit).offset(options.offset ?? 0);
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
    return { service: frozen(r), counts, population, contested: population.opposes + population['supports-with-changes'] };
  });
}

/** One service of the round's frozen list, if the list holds it (one query). */
export async function roundServiceById(db: Executor, roundId: number, roundServiceId: number): Promise<FrozenService | undefined> {
  const r = await db.selectFrom('review_round_service').selectAll().where('round_id', '=', roundId).where('id', '=', roundServiceId).executeTakeFirst();
  return r ? frozen(r) : undefined;
}

/** How many services the round's list holds (one query). */
export async function roundServiceCount(db: Executor, roundId: number): Promise<number> {
  const row = await db.selectFrom('review_round_service').where('round_id', '=', roundId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
