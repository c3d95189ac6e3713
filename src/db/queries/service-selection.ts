import type { Transaction } from 'kysely';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';
import type { IdSet } from './model.ts';

type Executor = Db | Transaction<Database>;

/** Which services a list or matrix shows, by the keys in its address (an unknown key selects nothing). */
export interface ServiceKeys {
  tier?: string | undefined;
  category?: string | undefined;
  /** One service, by its key (the service page's link into a matrix). */
  service?: string | undefined;
}

/** The selected services' ids, in the order people read the first-delivery slide (as `selectServices`). */
function selected(db: Executor, keys: ServiceKeys) {
  let q = db
    .selectFrom('information_service as s')
    .innerJoin('element as e', 'e.id', 's.element_id')
    .leftJoin('element as c', 'c.id', 's.category_id')
    .leftJoin('element as t', 't.id', 's.tier_id');
  if (keys.tier) q = q.where('t.key', '=', keys.tier).where('t.kind', '=', 'deliveryTier');
  if (keys.category) q = q.where('c.key', '=', keys.category).where('c.kind', '=', 'informationCategory');
  if (keys.service) q = q.where('e.key', '=', keys.service);
  return q;
}

function ordered(db: Executor, keys: ServiceKeys) {
  return selected(db, keys)
    .select('s.element_id as id')
    .orderBy((eb) => eb.case().when('s.category_id', 'is', null).then(1).else(0).end())
    .orderBy('c.position')
    .orderBy('s.category_id')
    .orderBy((eb) => eb.case().when('s.tier_id', 'is', null).then(1).else(0).end())
    .orderBy('t.position')
    .orderBy('e.position')
    .orderBy('e.id');
}

/** How many services the keys select. */
export async function countServices(db: Executor, keys: ServiceKeys): Promise<number> {
  const row = await selected(db, keys).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * One page of the selected services, as a set for `loadModelSlice`: in the slide's order (the
 * matrices, as `selectServices`) or in the services' own order (the list, as `byPosition`). Both
 * end on the id, so a page holds the same services however often it is asked for.
 */
export function servicePage(keys: ServiceKeys, page: number, pageSize: number, order: 'slide' | 'position' = 'slide'): IdSet {
  const rows = (db: Executor) => (order === 'slide' ? ordered(db, keys) : selected(db, keys).select('s.element_id as id').orderBy('e.position').orderBy('e.id'));
  return (db) => rows(db).limit(pageSize).offset((page - 1) * pageSize);
}

/** The ids of one page of the selected services, read once (see `servicePage` for the orders). */
export async function servicePageIds(db: Executor, keys: ServiceKeys, page: number, pageSize: number, order: 'slide' | 'position' = 'slide'): Promise<number[]> {
  const rows = await (servicePage(keys, page, pageSize, order) as (db: Executor) => ReturnType<typeof ordered>)(db).execute();
  return rows.map((r) => r.id);
}

/** The number of pages `total` rows fill (at least one, so an empty list has a page 1). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export interface Coverage {
  /** Services selected. */
  services: number;
  /** Of them, linked to at least one column. */
  linked: number;
  /** Per column (personnel group or actor): how many selected services it is linked to. */
  perColumn: Map<number, number>;
}

/** How much of a matrix is filled, over every selected service (not only the page shown), counted in SQL. */
export async function matrixCoverage(db: Executor, keys: ServiceKeys, matrix: 'personnel' | 'actors'): Promise<Coverage> {
  const ids = (q: Executor) => selected(q, keys).select('s.element_id');
  const [total, columns, linked] = await Promise.all([
    countServices(db, keys),
    matrix === 'personnel'
      ? db
          .selectFrom('service_personnel')
          .select(['personnel_group_id as column', (eb) => eb.fn.count<number>('service_id').distinct().as('n')])
          .where('service_id', 'in', ids(db))
          .groupBy('personnel_group_id')
          .execute()
      : db
          .selectFrom('service_exchange')
          .select(['actor_id as column', (eb) => eb.fn.count<number>('service_id').distinct().as('n')])
          .where('service_id', 'in', ids(db))
          .groupBy('actor_id')
          .execute(),
    matrix === 'personnel'
      ? db.selectFrom('service_personnel').select((eb) => eb.fn.count<number>('service_id').distinct().as('n')).where('service_id', 'in', ids(db)).executeTakeFirstOrThrow()
      : db.selectFrom('service_exchange').select((eb) => eb.fn.count<number>('service_id').distinct().as('n')).where('service_id', 'in', ids(db)).executeTakeFirstOrThrow(),
  ]);
  return { services: total, linked: Number(linked.n), perColumn: new Map(columns.map((c) => [c.column, Number(c.n)])) };
}
