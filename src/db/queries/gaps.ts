import { sql } from 'kysely';
import { linkTargetKinds, type GapReport, type InferredLinkCount } from '../../../model/gaps.ts';
import { linkTypeNames, linkTypes, type LinkType } from '../../../model/link-types.ts';
import { provenanceColumns } from './link-provenance.ts';
import { elementKinds } from '../../../model/kinds.ts';
import { allElements, indexModel, subtreeIds } from '../../../model/lookup.ts';
import type { Capability, InformationService, ScopeElement, ScopeModel } from '../../../model/schemas.ts';
import type { Db } from '../index.ts';
import { loadModelSlice } from './model.ts';

/** How many entries each of the report's lists has in all (the lists themselves are cut short). */
export type GapCounts = { [K in keyof GapReport]: number };

/** How many of each list the gap analysis page names, and the panel beside a matrix. */
export const gapListLimit = 200;
export const gapPanelLimit = 12;

export interface LoadedGaps {
  /** The report, each list cut to its first `limit` entries in the model's order. */
  gaps: GapReport;
  counts: GapCounts;
  limit: number;
  /** The frame and the services and requirements named in the lists. */
  model: ScopeModel;
  /** The links that are inferred, by type, and how many of them lack a reason. */
  inferredLinks: InferredLinkCount[];
}

/** One query over every link table: the inferred links by type, and those without a reason. */
async function countInferredLinksInSql(db: Db): Promise<InferredLinkCount[]> {
  const parts = linkTypeNames.map((type) => {
    const c = provenanceColumns(type);
    const placed = type === 'capabilitySolutionPart' ? sql`and solution_part_id is not null` : sql``;
    return sql`select ${sql.lit(type)} as type, count(*) as total,
      coalesce(sum(case when trim(${sql.ref(c.note)}) = '' then 1 else 0 end), 0) as without_reason
      from ${sql.table(linkTypes[type].table)} where ${sql.ref(c.level)} = 'inferred' ${placed}`;
  });
  const { rows } = await sql<{ type: LinkType; total: number | string; without_reason: number | string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  const byType = new Map(rows.map((r) => [r.type, r]));
  return linkTypeNames.map((type) => ({ type, total: Number(byType.get(type)?.total ?? 0), withoutReason: Number(byType.get(type)?.without_reason ?? 0) }));
}

/**
 * The gap analysis (`analyseGaps`) counted in SQL: the lists over services and requirements are
 * counted and cut to their first `limit` entries in the database, the ones over the frame (the
 * kinds that do not grow) are worked out from the frame and the distinct ids links point at.
 * A fixed number of queries whatever the model's size.
 */
export async function loadGapReport(db: Db, limit = 100): Promise<LoadedGaps> {
  const services = () =>
    db
      .selectFrom('information_service as s')
      .innerJoin('element as e', 'e.id', 's.element_id')
      .leftJoin('delivery_tier as t', 't.element_id', 's.tier_id');
  const firstDelivery = () => services().where('t.first_delivery', '<>', 0);
  const kindRank = sql<number>`case e.kind ${sql.join(
    elementKinds.map((k, i) => sql`when ${sql.lit(k)} then ${sql.lit(i)}`),
    sql` `,
  )} end`;

  const listed = {
    servicesWithoutExchange: firstDelivery().where((eb) => eb.not(eb.exists(eb.selectFrom('service_exchange as x').select('x.service_id').whereRef('x.service_id', '=', 's.element_id')))),
    servicesWithoutPersonnel: firstDelivery().where((eb) => eb.not(eb.exists(eb.selectFrom('service_personnel as p').select('p.service_id').whereRef('p.service_id', '=', 's.element_id')))),
    servicesWithoutTier: services().where('s.tier_id', 'is', null),
    servicesWithoutCategory: services().where('s.category_id', 'is', null),
    tentativeTierAssignments: services().where('s.tier_id', 'is not', null).where('s.tier_tentative', '<>', 0),
  };
  const lists = Object.entries(listed) as Array<[keyof typeof listed, (typeof listed)[keyof typeof listed]]>;
  const tentativeQuery = () => db.selectFrom('element as e').where('e.tentative', '=', 1);
  const inferredQuery = () => db.selectFrom('element as e').where('e.provenance', '=', 'inferred');

  const [pages, totals, tentativeIds, tentativeTotal, inferredIds, inferredTotal, groupsInUse, supported, referenced, inferredLinks] = await Promise.all([
    Promise.all(lists.map(([, q]) => q.select('e.id').orderBy('e.position').orderBy('e.id').limit(limit).execute())),
    Promise.all(lists.map(([, q]) => q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow())),
    tentativeQuery().select('e.id').orderBy(kindRank).orderBy('e.position').orderBy('e.id').limit(limit).execute(),
    tentativeQuery().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    inferredQuery().select('e.id').orderBy(kindRank).orderBy('e.position').orderBy('e.id').limit(limit).execute(),
    inferredQuery().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    firstDelivery().innerJoin('service_personnel as p', 'p.service_id', 's.element_id').select('p.personnel_group_id as id').distinct().execute(),
    db.selectFrom('service_capability').select('capability_id as id').distinct().execute(),
    // Every frame element something points at (links, services' places, requirements).
    sql<{ id: number }>`
      select category_id as id from information_service where category_id is not null
      union select tier_id from information_service where tier_id is not null
      union select solution_part_id from information_service where solution_part_id is not null
      union select capability_id from service_capability
      union select goal_id from service_goal
      union select project_id from service_dependency
      union select actor_id from service_exchange
      union select mode_id from service_exchange
      union select need_level_id from service_exchange where need_level_id is not null
      union select personnel_group_id from service_personnel
      union select r.element_id from requirement_element r inner join element e on e.id = r.element_id where e.kind not in ('informationService', 'requirement')`.execute(db),
    countInferredLinksInSql(db),
  ]);

  const wanted = new Set([...pages.flatMap((rows) => rows.map((r) => r.id)), ...tentativeIds.map((r) => r.id), ...inferredIds.map((r) => r.id)]);
  const ids = wanted.size > 0 ? [...wanted] : [-1];
  const model = await loadModelSlice(db, {
    services: (q) => q.selectFrom('element').select('id').where('id', 'in', ids),
    requirements: (q) => q.selectFrom('element').select('id').where('id', 'in', ids),
    municipalities: false,
  });
  const index = indexModel(model);
  const service = (id: number) => index.get('informationService', id);
  const listOf = (i: number) => pages[i]!.map((r) => service(r.id)).filter((s): s is InformationService => s !== undefined);
  const countOf = (i: number) => Number(totals[i]!.n);
  const at = (name: keyof typeof listed) => lists.findIndex(([n]) => n === name);

  // The frame's own gaps, from the frame and the ids the links point at.
  const usedGroups = new Set(groupsInUse.map((r) => r.id));
  const directlySupported = new Set(supported.map((r) => r.id));
  const pointedAt = new Set(referenced.rows.map((r) => Number(r.id)));
  for (const c of model.elements.capability) {
    if (c.parentId !== null) pointedAt.add(c.parentId);
    if (c.solutionPartId !== null) pointedAt.add(c.solutionPartId);
  }
  for (const m of [...model.elements.milestone, ...model.elements.decisionPoint]) if (m.phaseId !== null) pointedAt.add(m.phaseId);
  const personnelGroupsWithoutService = model.elements.personnelGroup.filter((g) => !usedGroups.has(g.id));
  const capabilitiesWithoutService: Capability[] = model.elements.capability.filter((c) => !subtreeIds(index, c.id).some((id) => directlySupported.has(id)));
  const unlinked = linkTargetKinds.flatMap((kind) => (model.elements[kind] as ScopeElement[]).filter((e) => !pointedAt.has(e.id)));
  const tentativeOrder = new Map(tentativeIds.map((r, i) => [r.id, i]));
  const tentative = allElements(model)
    .filter((e) => tentativeOrder.has(e.id))
    .sort((a, b) => tentativeOrder.get(a.id)! - tentativeOrder.get(b.id)!);
  const inferredOrder = new Map(inferredIds.map((r, i) => [r.id, i]));
  const inferred = allElements(model)
    .filter((e) => inferredOrder.has(e.id))
    .sort((a, b) => inferredOrder.get(a.id)! - inferredOrder.get(b.id)!);

  const gaps: GapReport = {
    servicesWithoutExchange: listOf(at('servicesWithoutExchange')),
    servicesWithoutPersonnel: listOf(at('servicesWithoutPersonnel')),
    personnelGroupsWithoutService,
    capabilitiesWithoutService,
    servicesWithoutTier: listOf(at('servicesWithoutTier')),
    servicesWithoutCategory: listOf(at('servicesWithoutCategory')),
    unlinked,
    tentative,
    tentativeTierAssignments: listOf(at('tentativeTierAssignments')),
    inferred,
  };
  const counts: GapCounts = {
    servicesWithoutExchange: countOf(at('servicesWithoutExchange')),
    servicesWithoutPersonnel: countOf(at('servicesWithoutPersonnel')),
    personnelGroupsWithoutService: personnelGroupsWithoutService.length,
    capabilitiesWithoutService: capabilitiesWithoutService.length,
    servicesWithoutTier: countOf(at('servicesWithoutTier')),
    servicesWithoutCategory: countOf(at('servicesWithoutCategory')),
    unlinked: unlinked.length,
    tentative: Number(tentativeTotal.n),
    tentativeTierAssignments: countOf(at('tentativeTierAssignments')),
    inferred: Number(inferredTotal.n),
  };
  return { gaps, counts, limit, model, inferredLinks };
}
