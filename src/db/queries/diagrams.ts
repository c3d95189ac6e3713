import { sql, type Transaction } from 'kysely';
import { normaliseFigures, RISKY_NAMED, type DiagramFigures } from '../../../model/diagrams/figures.ts';
import type { PortfolioStatus } from '../../../model/schemas.ts';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';

type Executor = Db | Transaction<Database>;

/** The filter of a diagram over services, by the keys in its address (an unknown key selects nothing). */
export interface DiagramServiceKeys {
  tier?: string | undefined;
  category?: string | undefined;
  actor?: string | undefined;
  group?: string | undefined;
}

/** The ids of the services the keys select (as `selectServices` does over a model). */
export function selectedServiceIds(db: Executor, keys: DiagramServiceKeys) {
  const idOf = (kind: string, key: string) => db.selectFrom('element').select('id').where('kind', '=', kind).where('key', '=', key);
  let q = db.selectFrom('information_service as s').select('s.element_id as id');
  if (keys.tier) q = q.where('s.tier_id', 'in', idOf('deliveryTier', keys.tier));
  if (keys.category) q = q.where('s.category_id', 'in', idOf('informationCategory', keys.category));
  if (keys.actor) q = q.where('s.element_id', 'in', db.selectFrom('service_exchange').select('service_id').where('actor_id', 'in', idOf('actor', keys.actor)));
  if (keys.group) q = q.where('s.element_id', 'in', db.selectFrom('service_personnel').select('service_id').where('personnel_group_id', 'in', idOf('personnelGroup', keys.group)));
  return q;
}

export type FigureParts = 'categoryParts' | 'exchanges' | 'dependencies';

const num = (v: unknown) => Number(v ?? 0);
const id = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * The figures a diagram draws its groups with (see `DiagramFigures`), counted in SQL over every
 * selected service: a fixed number of queries (one per part asked for, plus one), whatever the
 * number of services. The tier and category counts (and so the number selected) are always read.
 */
export async function diagramFigures(db: Executor, keys: DiagramServiceKeys, parts: readonly FigureParts[]): Promise<DiagramFigures> {
  const selected = selectedServiceIds(db, keys);
  const want = new Set(parts);

  const tierCategory = sql<{ tier_id: unknown; category_id: unknown; services: unknown; tentative: unknown }>`
    select t.id as tier_id, c.id as category_id, count(*) as services, sum(case when s.tier_tentative = 1 then 1 else 0 end) as tentative
    from information_service s
    left join element t on t.id = s.tier_id and t.kind = 'deliveryTier'
    left join element c on c.id = s.category_id and c.kind = 'informationCategory'
    where s.element_id in (${selected})
    group by t.id, c.id`.execute(db);

  // Each capability's solution part: its own, or its nearest ancestor's (as `capabilityPartId`).
  const categoryParts = want.has('categoryParts')
    ? sql<{ category_id: unknown; part_id: unknown; services: unknown }>`
    with recursive up(capability_id, node_id, part_id, depth) as (
      select element_id, parent_id, solution_part_id, 0 from capability
      union all
      select up.capability_id, c.parent_id, c.solution_part_id, up.depth + 1
      from up join capability c on c.element_id = up.node_id
      where up.part_id is null and up.depth < 50
    ),
    service_part(service_id, part_id) as (
      select element_id, solution_part_id from information_service where solution_part_id is not null
      union
      select sc.service_id, up.part_id from service_capability sc join up on up.capability_id = sc.capability_id where up.part_id is not null
    ),
    placed(service_id, part_id) as (
      select sp.service_id, sp.part_id from service_part sp join element p on p.id = sp.part_id and p.kind = 'solutionPart'
    )
    select c.id as category_id, placed.part_id as part_id, count(distinct s.element_id) as services
    from information_service s
    left join element c on c.id = s.category_id and c.kind = 'informationCategory'
    left join placed on placed.service_id = s.element_id
    where s.element_id in (${selected})
    group by c.id, placed.part_id`.execute(db)
    : undefined;

  const exchanges = want.has('exchanges')
    ? sql<{ actor_id: unknown; part_id: unknown; mode_id: unknown; need_level_id: unknown; services: unknown }>`
    select x.actor_id, p.id as part_id, x.mode_id, n.id as need_level_id, count(distinct x.service_id) as services
    from service_exchange x
    join information_service s on s.element_id = x.service_id
    join element a on a.id = x.actor_id and a.kind = 'actor'
    join element m on m.id = x.mode_id and m.kind = 'collaborationMode'
    left join element p on p.id = s.solution_part_id and p.kind = 'solutionPart'
    left join element n on n.id = x.need_level_id and n.kind = 'needLevel'
    where x.service_id in (${selected})
    group by x.actor_id, p.id, x.mode_id, n.id`.execute(db)
    : undefined;

  const dependencies = want.has('dependencies') ? dependencyFigures(db, keys) : undefined;

  const [tc, cp, ex, dep] = await Promise.all([tierCategory, categoryParts, exchanges, dependencies]);
  return normaliseFigures({
    selected: tc.rows.reduce((n, r) => n + num(r.services), 0),
    tierCategory: tc.rows.map((r) => ({ tierId: id(r.tier_id), categoryId: id(r.category_id), services: num(r.services), tentative: num(r.tentative) })),
    categoryParts: (cp?.rows ?? []).map((r) => ({ categoryId: id(r.category_id), partId: id(r.part_id), services: num(r.services) })),
    exchanges: (ex?.rows ?? []).map((r) => ({ actorId: num(r.actor_id), partId: id(r.part_id), modeId: num(r.mode_id), needLevelId: id(r.need_level_id), services: num(r.services) })),
    dependencies: dep ?? { perProject: [], perCategory: [], dependent: 0, atRisk: 0, riskyFirst: [] },
  });
}

/** The dependency figures: per project, per category and status, the totals and the first services at risk. */
async function dependencyFigures(db: Executor, keys: DiagramServiceKeys): Promise<DiagramFigures['dependencies']> {
  const selected = selectedServiceIds(db, keys);
  // A first-delivery tier: a tier not marked as a later one.
  const risky = sql`
    select s.element_id from information_service s
    where s.element_id in (${selected})
      and s.tier_id in (select id from element where kind = 'deliveryTier')
      and not exists (select 1 from delivery_tier dt where dt.element_id = s.tier_id and dt.first_delivery = 0)
      and exists (
        select 1 from service_dependency d join national_project np on np.element_id = d.project_id
        where d.service_id = s.element_id and np.status in ('Gul', 'Rød')
      )`;
  const links = sql`
    service_dependency d
    join national_project np on np.element_id = d.project_id
    join information_service s on s.element_id = d.service_id
    left join element c on c.id = s.category_id and c.kind = 'informationCategory'`;
  const atRisk = sql`count(distinct case when s.element_id in (${risky}) then s.element_id end)`;
  const [perProject, perCategory, perStatus, totals, first] = await Promise.all([
    sql<{ project_id: unknown; services: unknown; at_risk: unknown }>`
      select d.project_id, count(distinct s.element_id) as services, ${atRisk} as at_risk
      from ${links} where s.element_id in (${selected}) group by d.project_id`.execute(db),
    sql<{ category_id: unknown; services: unknown; at_risk: unknown }>`
      select c.id as category_id, count(distinct s.element_id) as services, ${atRisk} as at_risk
      from ${links} where s.element_id in (${selected}) group by c.id`.execute(db),
    sql<{ category_id: unknown; status: string | null; services: unknown }>`
      select c.id as category_id, np.status, count(distinct s.element_id) as services
      from ${links} where s.element_id in (${selected}) group by c.id, np.status`.execute(db),
    sql<{ dependent: unknown; at_risk: unknown }>`
      select count(distinct s.element_id) as dependent, ${atRisk} as at_risk
      from ${links} where s.element_id in (${selected})`.execute(db),
    sql<{ name: string; name_en: string | null }>`
      select e.name, e.name_en from element e where e.id in (${risky})
      order by e.position, e.id limit ${RISKY_NAMED}`.execute(db),
  ]);
  return {
    perProject: perProject.rows.map((r) => ({ projectId: num(r.project_id), services: num(r.services), atRisk: num(r.at_risk) })),
    perCategory: perCategory.rows.map((r) => ({
      categoryId: id(r.category_id),
      services: num(r.services),
      atRisk: num(r.at_risk),
      perStatus: perStatus.rows
        .filter((s) => id(s.category_id) === id(r.category_id))
        .map((s) => ({ status: s.status as PortfolioStatus | null, services: num(s.services) })),
    })),
    dependent: num(totals.rows[0]?.dependent),
    atRisk: num(totals.rows[0]?.at_risk),
    riskyFirst: first.rows.map((r) => ({ name: r.name, nameEn: r.name_en })),
  };
}

/** How many delivery tiers the model has (a first-delivery diagram draws every one unfiltered). */
export async function countTiers(db: Executor): Promise<number> {
  const row = await db.selectFrom('element').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'deliveryTier').executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface DrawnServices {
  /** Only the services in this category (the group a collapsed diagram expands). */
  categoryKey?: string | undefined;
  /** Only services that depend on a national project. */
  dependent?: boolean;
  /** Only services exchanged with an actor. */
  exchanged?: boolean;
  /** How many to read (0: none) and from where. */
  limit: number;
  offset?: number;
}

/**
 * The ids of the selected services a diagram draws, one page of them, in the order the diagrams
 * group them (category, tier, then the services' own order; as `selectServices`). Always one
 * query, also when nothing is drawn, so a page issues the same queries on any model.
 */
export async function drawnServiceIds(db: Executor, keys: DiagramServiceKeys, drawn: DrawnServices): Promise<number[]> {
  let q = db
    .selectFrom('information_service as s')
    .innerJoin('element as e', 'e.id', 's.element_id')
    .leftJoin('element as c', (j) => j.onRef('c.id', '=', 's.category_id').on('c.kind', '=', 'informationCategory'))
    .leftJoin('element as t', (j) => j.onRef('t.id', '=', 's.tier_id').on('t.kind', '=', 'deliveryTier'))
    .select('s.element_id as id')
    .where('s.element_id', 'in', selectedServiceIds(db, keys));
  if (drawn.categoryKey) q = q.where('c.key', '=', drawn.categoryKey);
  if (drawn.dependent) q = q.where('s.element_id', 'in', db.selectFrom('service_dependency').innerJoin('national_project', 'national_project.element_id', 'service_dependency.project_id').select('service_dependency.service_id'));
  if (drawn.exchanged) q = q.where('s.element_id', 'in', db.selectFrom('service_exchange').select('service_exchange.service_id'));
  const rows = await q
    .orderBy((eb) => eb.case().when('c.id', 'is', null).then(1).else(0).end())
    .orderBy('c.position')
    .orderBy('c.id')
    .orderBy((eb) => eb.case().when('t.id', 'is', null).then(1).else(0).end())
    .orderBy('t.position')
    .orderBy('e.position')
    .orderBy('e.id')
    .limit(drawn.limit)
    .offset(drawn.offset ?? 0)
    .execute();
  return rows.map((r) => r.id);
}
