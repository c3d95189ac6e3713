import { chapterSubtree, type RequirementChapter, type TraceQuery } from '../../../model/requirements.ts';
import type { RequirementPriority, RequirementStatus } from '../../../model/schemas.ts';
import { sql } from 'kysely';
import type { Db } from '../index.ts';

/*
 * The traceability view (issue 13): coverage figures and requirements by information service or
 * by capability, a page at a time. Everything is counted and filtered in SQL; the number of
 * queries is fixed whatever the size of the model.
 */

export const tracePageSize = 50;
/** How many requirements a row names (the row counts them all and links to the whole filtered list). */
export const traceRowLimit = 10;
/** How many of each coverage list the page names (the figure counts them all). */
export const coverageListLimit = 25;

interface Named {
  key: string;
  name: string;
}
interface NamedRequirement extends Named {
  ref: string;
}

export interface CoverageFigures {
  requirements: number;
  firstDeliveryServices: number;
  firstDeliveryWithoutRequirement: { count: number; first: Named[] };
  governingNothing: { count: number; first: NamedRequirement[] };
  withDeletedElement: { count: number; first: Array<NamedRequirement & { lost: string }> };
}

/** The three coverage figures, each a count in SQL and the first few by name. Seven queries. */
export async function loadCoverageFigures(db: Db): Promise<CoverageFigures> {
  const firstDelivery = () =>
    db
      .selectFrom('information_service as s')
      .innerJoin('delivery_tier as t', 't.element_id', 's.tier_id')
      .innerJoin('element as e', 'e.id', 's.element_id')
      .where('t.first_delivery', '=', 1);
  const ungoverned = () =>
    firstDelivery().where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('requirement_element as re').select('re.element_id').whereRef('re.element_id', '=', 's.element_id'))),
    );
  const idle = () =>
    db
      .selectFrom('requirement as r')
      .innerJoin('element as e', 'e.id', 'r.element_id')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('requirement_element as re').select('re.requirement_id').whereRef('re.requirement_id', '=', 'r.element_id'))),
      );
  const [requirements, firstTotal, ungovernedCount, ungovernedFirst, idleCount, idleFirst, lostCount, lostFirst] = await Promise.all([
    db.selectFrom('requirement').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    firstDelivery().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ungoverned().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ungoverned().select(['e.key', 'e.name']).orderBy('e.name').orderBy('e.id').limit(coverageListLimit).execute(),
    idle().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    idle().select(['e.key', 'e.name', 'r.ref']).orderBy('r.ref').limit(coverageListLimit).execute(),
    db.selectFrom('requirement_lost_link').select((eb) => eb.fn.count<number>('requirement_id').distinct().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('requirement_lost_link as l')
      .innerJoin('requirement as r', 'r.element_id', 'l.requirement_id')
      .innerJoin('element as e', 'e.id', 'r.element_id')
      .select(['e.key', 'e.name', 'r.ref', 'l.element_name'])
      .orderBy('r.ref')
      .orderBy('l.id')
      .limit(coverageListLimit)
      .execute(),
  ]);
  return {
    requirements: Number(requirements.n),
    firstDeliveryServices: Number(firstTotal.n),
    firstDeliveryWithoutRequirement: { count: Number(ungovernedCount.n), first: ungovernedFirst },
    governingNothing: { count: Number(idleCount.n), first: idleFirst },
    withDeletedElement: { count: Number(lostCount.n), first: lostFirst.map((l) => ({ key: l.key, name: l.name, ref: l.ref, lost: l.element_name })) },
  };
}

export interface TraceRequirement {
  ref: string;
  key: string;
  name: string;
  priority: RequirementPriority;
  status: RequirementStatus;
}

export interface TraceRow {
  id: number;
  key: string;
  name: string;
  /** The service's category and tier, or the capability's parent, by name. */
  group: string | null;
  tier: string | null;
  /** The first `traceRowLimit` requirements, by number. */
  requirements: TraceRequirement[];
  /** How many requirements the row has in all. */
  requirementCount: number;
}

export interface TracePage {
  total: number;
  rows: TraceRow[];
}

/**
 * One page of services (or capabilities) with the requirements that govern them, filtered.
 * A capability's requirements are those that govern it and those that govern a service it
 * supports. Three queries.
 */
export async function loadTracePage(db: Db, query: TraceQuery, chapters: readonly RequirementChapter[]): Promise<TracePage> {
  const offset = (query.side - 1) * tracePageSize;
  const chapterIds = query.kapittel === undefined ? undefined : [...chapterSubtree(chapters, query.kapittel)];

  let targets: Array<{ id: number; key: string; name: string; group: string | null; tier: string | null }>;
  let total: number;
  if (query.etter === 'tjenester') {
    const services = () => {
      let q = db
        .selectFrom('information_service as s')
        .innerJoin('element as e', 'e.id', 's.element_id')
        .leftJoin('element as cat', 'cat.id', 's.category_id')
        .leftJoin('element as tier', 'tier.id', 's.tier_id');
      if (query.trinn) q = q.where('tier.key', '=', query.trinn);
      return q;
    };
    const [count, page] = await Promise.all([
      services().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      services()
        .select(['e.id', 'e.key', 'e.name', 'cat.name as group', 'tier.name as tier'])
        .orderBy('cat.position')
        .orderBy('e.position')
        .orderBy('e.id')
        .limit(tracePageSize)
        .offset(offset)
        .execute(),
    ]);
    total = Number(count.n);
    targets = page;
  } else {
    const capabilities = () => db.selectFrom('capability as c').innerJoin('element as e', 'e.id', 'c.element_id').leftJoin('element as parent', 'parent.id', 'c.parent_id');
    const [count, page] = await Promise.all([
      capabilities().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      capabilities()
        .select(['e.id', 'e.key', 'e.name', 'parent.name as group'])
        .orderBy('e.position')
        .orderBy('e.id')
        .limit(tracePageSize)
        .offset(offset)
        .execute(),
    ]);
    total = Number(count.n);
    targets = page.map((p) => ({ ...p, tier: null }));
  }

  // An empty page still asks (for no id), so the page's query count never depends on the data.
  const ids = targets.length > 0 ? targets.map((t) => t.id) : [-1];
  // What governs the page's elements directly, or (for a capability) through a service it supports.
  const governing = (via: 'direct' | 'service') => {
    const target = via === 'direct' ? 're.element_id' : 'sc.capability_id';
    let q = db
      .selectFrom('requirement_element as re')
      .innerJoin('requirement as r', 'r.element_id', 're.requirement_id')
      .innerJoin('element as e', 'e.id', 'r.element_id')
      .$if(via === 'service', (q) => q.innerJoin('service_capability as sc', 'sc.service_id', 're.element_id'))
      .select([sql<number>`${sql.ref(target)}`.as('target'), 'r.ref', 'e.key', 'e.name', 'r.priority', 'r.status'])
      .where(sql.ref(target), 'in', ids);
    if (chapterIds) q = q.where('r.chapter_id', 'in', chapterIds.length > 0 ? chapterIds : [-1]);
    if (query.type) q = q.where('r.type_key', '=', query.type);
    if (query.prioritet) q = q.where('r.priority', '=', query.prioritet);
    if (query.status) q = q.where('r.status', '=', query.status);
    return q;
  };
  // Each row's first requirements by number and its count, in SQL: a row governed by thousands reads ten (UNION drops a requirement found both ways).
  const governed = query.etter === 'tjenester' ? governing('direct') : governing('direct').union(governing('service'));
  const numbered = db
    .selectFrom(governed.as('g'))
    .selectAll('g')
    .select([sql<number>`row_number() over (partition by g.target order by g.ref)`.as('rn'), sql<number>`count(*) over (partition by g.target)`.as('n')]);
  const rows = await db.selectFrom(numbered.as('w')).selectAll('w').where('w.rn', '<=', traceRowLimit).orderBy('w.target').orderBy('w.rn').execute();
  const byTarget = new Map<number, TraceRequirement[]>();
  const countOf = new Map<number, number>();
  for (const r of rows) {
    const target = Number(r.target);
    byTarget.set(target, [...(byTarget.get(target) ?? []), { ref: r.ref, key: r.key, name: r.name, priority: r.priority as RequirementPriority, status: r.status as RequirementStatus }]);
    countOf.set(target, Number(r.n));
  }
  return { total, rows: targets.map((t) => ({ ...t, requirements: byTarget.get(t.id) ?? [], requirementCount: countOf.get(t.id) ?? 0 })) };
}
