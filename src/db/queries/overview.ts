import { sql } from 'kysely';
import { indexModel, type ModelIndex } from '../../../model/lookup.ts';
import type { ScopeModel } from '../../../model/schemas.ts';
import type { Db } from '../index.ts';
import { loadModelSlice } from './model.ts';

/** How many services of each cell of the overview's tier × category table are named in it. */
export const servicesPerCell = 5;

export interface Overview {
  /** The frame, and the first `servicesPerCell` services of each tier × category cell. */
  model: ScopeModel;
  index: ModelIndex;
  /** Elements per kind, counted in SQL. */
  kindCounts: Map<string, number>;
  municipalities: number;
  /** Services per `tierId:categoryId` and per tier. */
  cellCounts: Map<string, number>;
  tierCounts: Map<number, number>;
}

/** The front page's figures, counted in SQL (GROUP BY), and the few services it names. */
export async function loadOverview(db: Db): Promise<Overview> {
  const [kinds, municipalities, cells, model] = await Promise.all([
    db.selectFrom('element').select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('kind').execute(),
    db.selectFrom('municipality').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('information_service')
      .select(['tier_id', 'category_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('tier_id', 'is not', null)
      .groupBy(['tier_id', 'category_id'])
      .execute(),
    loadModelSlice(db, {
      // The first few of each cell, in the services' own order (a window function: SQLite 3.25+ and PostgreSQL).
      services: (q) =>
        q
          .selectFrom(
            q
              .selectFrom('information_service as s')
              .innerJoin('element as e', 'e.id', 's.element_id')
              .select([
                's.element_id as id',
                sql<number>`row_number() over (partition by s.tier_id, s.category_id order by e.position, e.id)`.as('rank'),
              ])
              .where('s.tier_id', 'is not', null)
              .as('ranked'),
          )
          .select('ranked.id')
          .where('ranked.rank', '<=', servicesPerCell),
      requirements: 'none',
      municipalities: false,
    }),
  ]);
  const cellCounts = new Map<string, number>();
  const tierCounts = new Map<number, number>();
  for (const c of cells) {
    cellCounts.set(`${c.tier_id}:${c.category_id}`, Number(c.n));
    tierCounts.set(c.tier_id!, (tierCounts.get(c.tier_id!) ?? 0) + Number(c.n));
  }
  return {
    model,
    index: indexModel(model),
    kindCounts: new Map(kinds.map((k) => [k.kind, Number(k.n)])),
    municipalities: Number(municipalities.n),
    cellCounts,
    tierCounts,
  };
}
