import { byPosition, firstDeliveryTierIds, type ModelIndex } from '../lookup.ts';
import { selectServices, type ServiceSelection } from '../matrix.ts';
import type { InformationService, PortfolioStatus, ScopeModel } from '../schemas.ts';
import { capabilityPartId, groupBy } from './common.ts';

/**
 * What a diagram counts over every service its filter selects. On a large model a diagram draws
 * groups (tiers, categories, parts) with these counts and only the services of one expanded group:
 * the server counts in SQL (`src/db/queries/diagrams.ts`) and reads just the services drawn.
 * `figuresOf` counts the same over a whole model in memory: the reference the SQL is tested
 * against, and what the generators use when they are given a whole model (the model tests).
 */
export interface DiagramFigures {
  /** How many services the filter selects. */
  selected: number;
  /** Per delivery tier and category (null: none): services, and how many are placed tentatively. */
  tierCategory: Array<{ tierId: number | null; categoryId: number | null; services: number; tentative: number }>;
  /**
   * Per category and solution part: services carried by the part (their own part, or that of a
   * capability supporting them). `partId` null counts the services in no part at all.
   */
  categoryParts: Array<{ categoryId: number | null; partId: number | null; services: number }>;
  /** Per actor, the solution part of the service (null: none), mode and need: services exchanged. */
  exchanges: Array<{ actorId: number; partId: number | null; modeId: number; needLevelId: number | null; services: number }>;
  dependencies: DependencyFigures;
}

export interface DependencyFigures {
  /** Per project: the selected services that depend on it, and how many of them are at risk. */
  perProject: Array<{ projectId: number; services: number; atRisk: number }>;
  /** Per category: the dependent services, those at risk, and per project status how many depend on a project with it. */
  perCategory: Array<{ categoryId: number | null; services: number; atRisk: number; perStatus: Array<{ status: PortfolioStatus | null; services: number }> }>;
  /** Dependent services in all; of them at risk (first delivery, on a yellow or red project). */
  dependent: number;
  atRisk: number;
  /** The first services at risk, in the services' order, for the sentence that names them. */
  riskyFirst: Array<{ name: string; nameEn: string | null }>;
}

/** How many names of services at risk the notes give before "and N more". */
export const RISKY_NAMED = 10;

const byNullableId = (a: number | null, b: number | null) => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER);

/** A first-delivery service that depends on a yellow or red project. */
export function atRiskTest(model: ScopeModel, index: ModelIndex): (service: InformationService) => boolean {
  const firstTiers = firstDeliveryTierIds(model);
  const projectsOf = groupBy(model.links.serviceDependencies, (l) => l.serviceId);
  return (s) =>
    s.tierId !== null &&
    firstTiers.has(s.tierId) &&
    (projectsOf.get(s.id) ?? []).some((l) => ['Gul', 'Rød'].includes(index.get('nationalProject', l.projectId)?.status ?? ''));
}

/** The figures over a whole model held in memory (see `DiagramFigures`). */
export function figuresOf(model: ScopeModel, index: ModelIndex, selection: ServiceSelection): DiagramFigures {
  const services = selectServices(model, index, selection);
  const selected = new Set(services.map((s) => s.id));

  const tierCategory = new Map<string, DiagramFigures['tierCategory'][number]>();
  for (const s of services) {
    const tierId = index.get('deliveryTier', s.tierId) ? s.tierId : null;
    const categoryId = index.get('informationCategory', s.categoryId) ? s.categoryId : null;
    const row = tierCategory.get(`${tierId}|${categoryId}`) ?? { tierId, categoryId, services: 0, tentative: 0 };
    row.services++;
    if (s.tierTentative) row.tentative++;
    tierCategory.set(`${tierId}|${categoryId}`, row);
  }

  const capabilitiesOf = groupBy(model.links.serviceCapabilities, (l) => l.serviceId);
  const categoryParts = new Map<string, DiagramFigures['categoryParts'][number]>();
  for (const s of services) {
    const parts = new Set<number>();
    if (s.solutionPartId !== null && index.get('solutionPart', s.solutionPartId)) parts.add(s.solutionPartId);
    for (const link of capabilitiesOf.get(s.id) ?? []) {
      const capability = index.get('capability', link.capabilityId);
      const part = capability ? capabilityPartId(index, capability) : null;
      if (part !== null && index.get('solutionPart', part)) parts.add(part);
    }
    const categoryId = index.get('informationCategory', s.categoryId) ? s.categoryId : null;
    for (const partId of parts.size > 0 ? parts : [null]) {
      const row = categoryParts.get(`${categoryId}|${partId}`) ?? { categoryId, partId, services: 0 };
      row.services++;
      categoryParts.set(`${categoryId}|${partId}`, row);
    }
  }

  const exchanges = new Map<string, { actorId: number; partId: number | null; modeId: number; needLevelId: number | null; ids: Set<number> }>();
  for (const l of model.links.serviceExchanges) {
    if (!selected.has(l.serviceId) || !index.get('actor', l.actorId) || !index.get('collaborationMode', l.modeId)) continue;
    const service = index.get('informationService', l.serviceId)!;
    const partId = index.get('solutionPart', service.solutionPartId) ? service.solutionPartId : null;
    const needLevelId = index.get('needLevel', l.needLevelId) ? l.needLevelId : null;
    const key = `${l.actorId}|${partId}|${l.modeId}|${needLevelId}`;
    const row = exchanges.get(key) ?? { actorId: l.actorId, partId, modeId: l.modeId, needLevelId, ids: new Set<number>() };
    row.ids.add(l.serviceId);
    exchanges.set(key, row);
  }

  const atRisk = atRiskTest(model, index);
  const links = model.links.serviceDependencies.filter((l) => selected.has(l.serviceId) && index.get('nationalProject', l.projectId));
  const perProject = [...groupBy(links, (l) => l.projectId).entries()].map(([projectId, list]) => {
    const ids = new Set(list.map((l) => l.serviceId));
    return { projectId, services: ids.size, atRisk: [...ids].filter((id) => atRisk(index.get('informationService', id)!)).length };
  });
  const dependent = services.filter((s) => links.some((l) => l.serviceId === s.id));
  const statusesOf = (s: InformationService) => new Set(links.filter((l) => l.serviceId === s.id).map((l) => index.get('nationalProject', l.projectId)!.status));
  const perCategory = [...groupBy(dependent, (s) => (index.get('informationCategory', s.categoryId) ? s.categoryId : null)).entries()].map(([categoryId, list]) => {
    const perStatus = new Map<PortfolioStatus | null, number>();
    for (const s of list) for (const status of statusesOf(s)) perStatus.set(status, (perStatus.get(status) ?? 0) + 1);
    return { categoryId, services: list.length, atRisk: list.filter(atRisk).length, perStatus: [...perStatus].map(([status, n]) => ({ status, services: n })) };
  });
  const risky = dependent.filter(atRisk).sort(byPosition);

  return normaliseFigures({
    selected: services.length,
    tierCategory: [...tierCategory.values()],
    categoryParts: [...categoryParts.values()],
    exchanges: [...exchanges.values()].map(({ ids, ...row }) => ({ ...row, services: ids.size })),
    dependencies: {
      perProject,
      perCategory,
      dependent: dependent.length,
      atRisk: risky.length,
      riskyFirst: risky.slice(0, RISKY_NAMED).map((s) => ({ name: s.name, nameEn: s.nameEn ?? null })),
    },
  });
}

const statusOrder = (s: PortfolioStatus | null) => (s === null ? 9 : ['Grønn', 'Gul', 'Rød'].indexOf(s));

/** Figures in one order (by ids, nulls last), so two ways of counting compare equal. */
export function normaliseFigures(f: DiagramFigures): DiagramFigures {
  return {
    selected: f.selected,
    tierCategory: [...f.tierCategory].sort((a, b) => byNullableId(a.tierId, b.tierId) || byNullableId(a.categoryId, b.categoryId)),
    categoryParts: [...f.categoryParts].sort((a, b) => byNullableId(a.categoryId, b.categoryId) || byNullableId(a.partId, b.partId)),
    exchanges: [...f.exchanges].sort(
      (a, b) => a.actorId - b.actorId || byNullableId(a.partId, b.partId) || a.modeId - b.modeId || byNullableId(a.needLevelId, b.needLevelId),
    ),
    dependencies: {
      ...f.dependencies,
      perProject: [...f.dependencies.perProject].sort((a, b) => a.projectId - b.projectId),
      perCategory: [...f.dependencies.perCategory]
        .map((c) => ({ ...c, perStatus: [...c.perStatus].sort((a, b) => statusOrder(a.status) - statusOrder(b.status)) }))
        .sort((a, b) => byNullableId(a.categoryId, b.categoryId)),
    },
  };
}
