import { sql, type Kysely, type Transaction } from 'kysely';
import { markOf, type ServiceMark } from '../../../../model/review/diff.ts';
import type { ListFacts, SnapshotService } from '../../../../model/review/snapshot.ts';
import type { FrozenService } from '../../../../model/review/types.ts';
import type { Database } from '../../schema.ts';
import { frozenServiceOf } from './rounds.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * A round's frozen list a page at a time, with what changed in the live scope since it was frozen,
 * without reading the whole list or the live catalogue: the marks for the page's services, and
 * the counts and facts of the whole list, come from SQL (`diffSnapshot` in `model/` is the
 * reference: the same marks and counts, from every row).
 */

/** The live first-delivery list, as `firstDeliverySnapshot` takes it: every service in a tier marked first delivery. */
function liveList(db: Executor) {
  return db
    .selectFrom('information_service as s')
    .innerJoin('element as e', 'e.id', 's.element_id')
    .innerJoin('delivery_tier as t', 't.element_id', 's.tier_id')
    .innerJoin('element as te', 'te.id', 't.element_id')
    .leftJoin('element as c', 'c.id', 's.category_id')
    .where('t.first_delivery', '<>', 0)
    .select([
      'e.id as element_id',
      'e.key',
      'e.name',
      'e.description',
      'e.position',
      'c.id as category_id',
      'c.key as category_key',
      'c.name as category_name',
      'c.position as category_position',
      'te.key as tier_key',
      'te.name as tier_name',
      sql<number>`case when e.tentative <> 0 or s.tier_tentative <> 0 then 1 else 0 end`.as('tentative'),
    ]);
}

/**
 * The round's frozen services, each joined to its live version where it is on the live
 * first-delivery list (`t` present), row by row through the keys: the live list itself is
 * not read whole.
 */
function frozenWithLive(db: Executor, roundId: number) {
  return db
    .selectFrom('review_round_service as rs')
    .leftJoin('information_service as s', 's.element_id', 'rs.element_id')
    .leftJoin('delivery_tier as t', (j) => j.onRef('t.element_id', '=', 's.tier_id').on('t.first_delivery', '<>', 0))
    .leftJoin('element as e', 'e.id', 's.element_id')
    .leftJoin('element as te', 'te.id', 't.element_id')
    .leftJoin('element as c', 'c.id', 's.category_id')
    .where('rs.round_id', '=', roundId);
}

/** The live version's tentative mark, as `firstDeliverySnapshot` sets it. */
const liveTentative = sql<number>`case when e.tentative <> 0 or s.tier_tentative <> 0 then 1 else 0 end`;

/** A frozen service on the live list whose live version differs in a compared field (`comparedFields`), in SQL. */
const changedSql = sql<boolean>`(t.element_id is not null and (rs.name <> e.name or rs.description <> e.description or rs.category_name is distinct from c.name or rs.tier_name is distinct from te.name or rs.tentative <> ${liveTentative}))`;

export interface RoundListPage {
  /** The services on the page, in the list's order. */
  shown: FrozenService[];
  /** What changed for each of them, by frozen service id (none: unchanged). */
  marks: Map<number, ServiceMark>;
}

/** One page of the frozen list with its marks (one query). */
export async function roundListPage(db: Executor, roundId: number, page: { offset: number; limit: number }): Promise<RoundListPage> {
  const rows = await frozenWithLive(db, roundId)
    .selectAll('rs')
    .select([
      't.element_id as live_tier',
      'e.name as live_name',
      'e.description as live_description',
      'c.name as live_category_name',
      'te.name as live_tier_name',
      liveTentative.as('live_tentative'),
      's.element_id as still_a_service',
    ])
    .orderBy('rs.position')
    .orderBy('rs.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const marks = new Map<number, ServiceMark>();
  const shown = rows.map((r) => {
    const service = frozenServiceOf(r);
    const live =
      r.live_tier === null
        ? undefined
        : { name: r.live_name!, description: r.live_description!, categoryName: r.live_category_name, tierName: r.live_tier_name, tentative: Number(r.live_tentative) === 1 };
    const mark = markOf(service, live, r.still_a_service !== null);
    if (mark) marks.set(service.id, mark);
    return service;
  });
  return { shown, marks };
}

export interface RoundListSummary {
  /** The whole list's services per category and tier. */
  whole: ListFacts;
  /** How many frozen services changed in the live scope, and how many left the live list. */
  changed: number;
  removed: number;
  /** The services on the live list the round's list does not have, in the live list's order. */
  added: SnapshotService[];
}

/** The whole list's facts and what changed since it was frozen, counted in SQL (two queries). */
export async function roundListSummary(db: Executor, roundId: number): Promise<RoundListSummary> {
  const [groups, added] = await Promise.all([
    frozenWithLive(db, roundId)
      .groupBy(['rs.category_key', 'rs.tier_key'])
      .select((eb) => [
        'rs.category_key',
        'rs.tier_key',
        eb.fn.countAll<number>().as('n'),
        eb.fn.min('rs.tentative').as('all_tentative'),
        eb.fn.sum<number>(eb.case().when('t.element_id', 'is', null).then(1).else(0).end()).as('removed'),
        eb.fn.sum<number>(eb.case().when(changedSql).then(1).else(0).end()).as('changed'),
      ])
      .execute(),
    liveList(db)
      .where('s.element_id', 'not in', db.selectFrom('review_round_service as f').select('f.element_id as id').where('f.round_id', '=', roundId).where('f.element_id', 'is not', null).$narrowType<{ id: number }>())
      // As firstDeliverySnapshot orders: by category (services without one last), then by position.
      .orderBy(sql`case when c.id is null then 1 else 0 end`)
      .orderBy('c.position')
      .orderBy('c.id')
      .orderBy('e.position')
      .orderBy('e.id')
      .execute(),
  ]);
  return {
    whole: { groups: groups.map((g) => ({ categoryKey: g.category_key, tierKey: g.tier_key, count: Number(g.n), allTentative: Number(g.all_tentative) === 1 })) },
    changed: groups.reduce((n, g) => n + Number(g.changed), 0),
    removed: groups.reduce((n, g) => n + Number(g.removed), 0),
    added: added.map((s) => ({
      elementId: s.element_id,
      key: s.key,
      name: s.name,
      description: s.description,
      categoryKey: s.category_key,
      categoryName: s.category_name,
      tierKey: s.tier_key,
      tierName: s.tier_name,
      tentative: Number(s.tentative) === 1,
    })),
  };
}
