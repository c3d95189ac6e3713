import type { ElementKind } from '../../../model/kinds.ts';
import { indexModel, type ModelIndex } from '../../../model/lookup.ts';
import type { ScopeElement, ScopeModel } from '../../../model/schemas.ts';
import type { Db } from '../index.ts';
import { loadModelSlice, type IdSet, type ModelSlice } from './model.ts';

/**
 * What one element's page shows: the element, the frame (the kinds that do not grow with the
 * content), the information services it is linked to (with their links), the requirements
 * about it and, for a requirement, what it is about. Reads nothing of other services or
 * requirements, in a fixed number of queries for every kind.
 */
export async function loadNeighbourhood(
  db: Db,
  kind: ElementKind,
  key: string,
): Promise<{ element: ScopeElement; model: ScopeModel; index: ModelIndex } | undefined> {
  const found = await db.selectFrom('element').select('id').where('kind', '=', kind).where('key', '=', key).executeTakeFirst();
  if (!found) return undefined;
  const model = await loadModelSlice(db, neighbourhoodOf(kind, found.id));
  const index = indexModel(model);
  const element = index.byId.get(found.id);
  return element ? { element, model, index } : undefined;
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
        q
          .withRecursive('subtree(id)', (r) =>
            r
              .selectFrom('capability')
              .select('element_id as id')
              .where('element_id', '=', id)
              .unionAll((u) => u.selectFrom('capability').innerJoin('subtree', 'subtree.id', 'capability.parent_id').select('capability.element_id as id')),
          )
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
