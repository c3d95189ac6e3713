import { unhandledKind, type ElementKind } from '../../../model/kinds.ts';
import type { Db } from '../index.ts';

/** Counts per element id, for the figure column of a kind's list page. */
export type ListCounts = ReadonlyMap<number, number>;

const toMap = (rows: Array<{ id: number | null; n: number | string | bigint }>): ListCounts =>
  new Map(rows.flatMap((r) => (r.id === null ? [] : [[r.id, Number(r.n)] as const])));

/**
 * The figure a kind's list page shows beside each element (how many services sit in a category,
 * use a personnel group, …), counted in SQL with GROUP BY, so the list does not read the services
 * or their links. Kinds whose list has no such column get an empty map.
 */
export async function listCounts(db: Db, kind: ElementKind): Promise<ListCounts> {
  switch (kind) {
    case 'informationCategory':
      return toMap(await db.selectFrom('information_service').select(['category_id as id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('category_id').execute());
    case 'deliveryTier':
      return toMap(await db.selectFrom('information_service').select(['tier_id as id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('tier_id').execute());
    case 'personnelGroup':
      // Only services in a tier of the first delivery, as the list's heading says.
      return toMap(
        await db
          .selectFrom('service_personnel as sp')
          .innerJoin('information_service as s', 's.element_id', 'sp.service_id')
          .innerJoin('delivery_tier as t', 't.element_id', 's.tier_id')
          .where('t.first_delivery', '!=', 0)
          .select(['sp.personnel_group_id as id', (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy('sp.personnel_group_id')
          .execute(),
      );
    case 'actor':
      return toMap(
        await db
          .selectFrom('service_exchange')
          .select(['actor_id as id', (eb) => eb.fn.count<number>('service_id').distinct().as('n')])
          .groupBy('actor_id')
          .execute(),
      );
    case 'collaborationMode':
      return toMap(await db.selectFrom('service_exchange').select(['mode_id as id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('mode_id').execute());
    case 'goal':
      return toMap(await db.selectFrom('service_goal').select(['goal_id as id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('goal_id').execute());
    case 'solutionPart':
      return toMap(await db.selectFrom('capability').select(['solution_part_id as id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('solution_part_id').execute());
    case 'journalInterface':
    case 'nationalSolution':
      return toMap(
        await db
          .selectFrom('element_relation')
          .where('relation', '=', kind === 'journalInterface' ? 'usesInterface' : 'deliveredBy')
          .select(['to_id as id', (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy('to_id')
          .execute(),
      );
    case 'risk':
      return toMap(
        await db
          .selectFrom('element_relation')
          .where('relation', '=', 'threatens')
          .select(['from_id as id', (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy('from_id')
          .execute(),
      );
    case 'informationService':
    case 'task':
    case 'capability':
    case 'needLevel':
    case 'roadmapPhase':
    case 'milestone':
    case 'decisionPoint':
    case 'stakeholder':
    case 'nationalProject':
    case 'requirement':
    case 'region':
    case 'guideline':
      return new Map();
    default:
      return unhandledKind(kind);
  }
}

/** How many elements of each kind exist, for the index of kinds. */
export async function kindCounts(db: Db): Promise<ReadonlyMap<string, number>> {
  const rows = await db.selectFrom('element').select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('kind').execute();
  return new Map(rows.map((r) => [r.kind, Number(r.n)]));
}

/**
 * How many distinct services each capability supports, itself or through anything below it in
 * the tree: a recursive walk down from every capability, joined to the links, counted in SQL.
 */
export async function capabilityServiceCounts(db: Db): Promise<ListCounts> {
  const rows = await db
    .withRecursive('subtree(root, id)', (qb) =>
      qb
        .selectFrom('capability')
        .select(['element_id as root', 'element_id as id'])
        .union((qb2) => qb2.selectFrom('capability as c').innerJoin('subtree', 'subtree.id', 'c.parent_id').select(['subtree.root as root', 'c.element_id as id'])),
    )
    .selectFrom('subtree')
    .innerJoin('service_capability as sc', 'sc.capability_id', 'subtree.id')
    .select(['subtree.root as id', (eb) => eb.fn.count<number>('sc.service_id').distinct().as('n')])
    .groupBy('subtree.root')
    .execute();
  return toMap(rows);
}
