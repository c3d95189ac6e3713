import type { ElementKind } from '../../../model/kinds.ts';
import { indexModel, type ModelIndex } from '../../../model/lookup.ts';
import type { ScopeElement, ScopeModel } from '../../../model/schemas.ts';
import type { Db } from '../index.ts';
import { capabilitySubtree } from './capability-tree.ts';
import { loadModelSlice, type IdSet, type ModelSlice } from './model.ts';

/** How many services an element's page lists at a time (a tier or an actor can have thousands). */
export const neighbourServicePageSize = 100;

/** Which page of an element's services its page shows, of how many (counted in SQL). */
export interface ServicePaging {
  page: number;
  pageSize: number;
  total: number;
}

/** What one element's page shows (`services` when it lists them a page at a time; a page past the last comes back empty). */
export interface Neighbourhood {
  element: ScopeElement;
  model: ScopeModel;
  index: ModelIndex;
  services: ServicePaging | undefined;
}

/**
 * What one element's page shows: the element, the frame (the kinds that do not grow with the
 * content), one page of the information services it is linked to (with their links; the count
 * of all of them from SQL), the requirements about it and, for a requirement, what it is about.
 * Reads nothing of other services or requirements, in a fixed number of queries for every kind.
 */
export async function loadNeighbourhood(db: Db, kind: ElementKind, key: string, page = 1): Promise<Neighbourhood | undefined> {
  const found = await db.selectFrom('element').select('id').where('kind', '=', kind).where('key', '=', key).executeTakeFirst();
  if (!found) return undefined;
  const slice = neighbourhoodOf(kind, found.id);
  const order = serviceListOrder[kind];
  let services: ServicePaging | undefined;
  if (order !== null && typeof slice.services === 'function') {
    const [total, ids] = await Promise.all([countIn(db, slice.services), servicePageOf(db, slice.services, order, page)]);
    slice.services = ids;
    services = { page, pageSize: neighbourServicePageSize, total };
  }
  const model = await loadModelSlice(db, slice);
  const index = indexModel(model);
  const element = index.byId.get(found.id);
  return element ? { element, model, index, services } : undefined;
}

/**
 * How an element's page lists its services, when it lists them (paged): grouped by tier, by
 * category, or in the services' own order. `null`: the page shows no list of services of its own
 * (a service's or requirement's page, or kinds whose few services show among their relations).
 */
const serviceListOrder = {
  informationCategory: 'tier',
  deliveryTier: 'category',
  solutionPart: 'position',
  capability: 'position',
  personnelGroup: 'position',
  actor: 'position',
  collaborationMode: 'position',
  needLevel: 'position',
  goal: 'position',
  nationalProject: 'position',
  informationService: null,
  requirement: null,
  task: null,
  stakeholder: null,
  roadmapPhase: null,
  milestone: null,
  decisionPoint: null,
  region: null,
  guideline: null,
  risk: null,
  journalInterface: null,
  nationalSolution: null,
} satisfies Record<ElementKind, 'tier' | 'category' | 'position' | null>;

type Executor = Parameters<Extract<IdSet, (db: never) => unknown>>[0];

async function countIn(db: Db, set: Extract<IdSet, (db: never) => unknown>): Promise<number> {
  const row = await db
    .selectFrom('element')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', 'in', set(db as Executor))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One page of the set's services, in a stable order (the group's place, then the service's, then its id). */
async function servicePageOf(db: Db, set: Extract<IdSet, (db: never) => unknown>, order: 'tier' | 'category' | 'position', page: number): Promise<number[]> {
  let q = db
    .selectFrom('element as e')
    .innerJoin('information_service as s', 's.element_id', 'e.id')
    .select('e.id')
    .where('e.id', 'in', set(db as Executor));
  if (order !== 'position') {
    q = q
      .leftJoin('element as g', 'g.id', order === 'tier' ? 's.tier_id' : 's.category_id')
      .orderBy((eb) => eb.case().when('g.id', 'is', null).then(1).else(0).end())
      .orderBy('g.position')
      .orderBy('g.id');
  }
  const rows = await q
    .orderBy('e.position')
    .orderBy('e.id')
    .limit(neighbourServicePageSize)
    .offset((page - 1) * neighbourServicePageSize)
    .execute();
  return rows.map((r) => r.id);
}

/** The services and requirements an element's page shows, as subqueries. */
export function neighbourhoodOf(kind: ElementKind, id: number): ModelSlice {
  const about: IdSet = (q) => q.selectFrom('requirement_element').select('requirement_id as id').where('element_id', '=', id);
  const services = servicesOf(kind, id);
  if (kind === 'requirement') {
    return {
      services: (q) => q.selectFrom('requirement_element').select('element_id as id').where('requirement_id', '=', id),
      // Itself and the requirements it is derived from, supersedes, or is derived from / superseded by.
      requirements: (q) =>
        q
          .selectFrom('element')
          .select('id')
          .where((eb) =>
            eb.or([
              eb('id', '=', id),
              eb('id', 'in', eb.selectFrom('requirement_relation').select('to_id').where('from_id', '=', id)),
              eb('id', 'in', eb.selectFrom('requirement_relation').select('from_id').where('to_id', '=', id)),
            ]),
          ),
      municipalities: false,
    };
  }
  // A region's page counts the municipalities in its counties.
  return { services, requirements: about, municipalities: kind === 'region' };
}

function servicesOf(kind: ElementKind, id: number): IdSet {
  switch (kind) {
    case 'informationService':
      return (q) => q.selectFrom('element').select('id').where('id', '=', id);
    case 'informationCategory':
      return (q) => q.selectFrom('information_service').select('element_id as id').where('category_id', '=', id);
    case 'deliveryTier':
      return (q) => q.selectFrom('information_service').select('element_id as id').where('tier_id', '=', id);
    case 'solutionPart':
      return (q) => q.selectFrom('information_service').select('element_id as id').where('solution_part_id', '=', id);
    case 'capability':
      // Services supported by the capability or anything below it.
      return (q) =>
        capabilitySubtree(q, id)
          .selectFrom('service_capability')
          .select('service_id as id')
          .where('capability_id', 'in', (s) => s.selectFrom('subtree').select('id')) as never;
    case 'personnelGroup':
      return (q) => q.selectFrom('service_personnel').select('service_id as id').where('personnel_group_id', '=', id);
    case 'actor':
      return (q) => q.selectFrom('service_exchange').select('service_id as id').where('actor_id', '=', id);
    case 'collaborationMode':
      return (q) => q.selectFrom('service_exchange').select('service_id as id').where('mode_id', '=', id);
    case 'needLevel':
      return (q) => q.selectFrom('service_exchange').select('service_id as id').where('need_level_id', '=', id);
    case 'goal':
      return (q) => q.selectFrom('service_goal').select('service_id as id').where('goal_id', '=', id);
    case 'nationalProject':
      return (q) => q.selectFrom('service_dependency').select('service_id as id').where('project_id', '=', id);
    case 'requirement':
    case 'task':
    case 'stakeholder':
    case 'roadmapPhase':
    case 'milestone':
    case 'decisionPoint':
    case 'region':
    case 'guideline':
      return 'none';
    case 'risk':
      // The services a risk threatens (its other relations go to the frame, which every page has).
      return (q) => q.selectFrom('element_relation').select('to_id as id').where('from_id', '=', id);
    case 'journalInterface':
    case 'nationalSolution':
      // The services that go through the interface, or that the solution delivers.
      return (q) => q.selectFrom('element_relation').select('from_id as id').where('to_id', '=', id);
  }
}
