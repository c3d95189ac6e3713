import { byPosition, type ModelIndex } from './lookup.ts';
import type {
  Actor,
  CollaborationMode,
  InformationService,
  NeedLevel,
  PersonnelGroup,
  ScopeModel,
  Usage,
} from './schemas.ts';

export interface ServiceSelection {
  tierId?: number;
  categoryId?: number;
  /** Only services this actor exchanges, in any mode. */
  actorId?: number;
  /** Only services this personnel group reads or records. */
  personnelGroupId?: number;
}

/**
 * The services a selection picks, ordered as people read the first-delivery slide: by category,
 * then tier, then the services' own order.
 */
export function selectServices(model: ScopeModel, index: ModelIndex, selection: ServiceSelection): InformationService[] {
  const position = (id: number | null) => (id === null ? Number.MAX_SAFE_INTEGER : (index.byId.get(id)?.position ?? 0));
  const exchangedWith = selection.actorId === undefined ? undefined : new Set(model.links.serviceExchanges.filter((l) => l.actorId === selection.actorId).map((l) => l.serviceId));
  const usedBy =
    selection.personnelGroupId === undefined
      ? undefined
      : new Set(model.links.servicePersonnelGroups.filter((l) => l.personnelGroupId === selection.personnelGroupId).map((l) => l.serviceId));
  return model.elements.informationService
    .filter((s) => selection.tierId === undefined || s.tierId === selection.tierId)
    .filter((s) => selection.categoryId === undefined || s.categoryId === selection.categoryId)
    .filter((s) => exchangedWith === undefined || exchangedWith.has(s.id))
    .filter((s) => usedBy === undefined || usedBy.has(s.id))
    .sort(
      (a, b) =>
        position(a.categoryId) - position(b.categoryId) ||
        (a.categoryId ?? 0) - (b.categoryId ?? 0) ||
        position(a.tierId) - position(b.tierId) ||
        byPosition(a, b),
    );
}

export interface PersonnelMatrix {
  services: InformationService[];
  groups: PersonnelGroup[];
  usage(serviceId: number, groupId: number): Usage | undefined;
  /** How many of the selected services each group uses. */
  groupTotals: Map<number, number>;
  /** How many groups use each service. */
  serviceTotals: Map<number, number>;
}

export function personnelMatrix(model: ScopeModel, services: InformationService[]): PersonnelMatrix {
  const selected = new Set(services.map((s) => s.id));
  const cells = new Map<string, Usage>();
  const groupTotals = new Map<number, number>();
  const serviceTotals = new Map<number, number>();
  for (const link of model.links.servicePersonnelGroups) {
    if (!selected.has(link.serviceId)) continue;
    cells.set(`${link.serviceId}:${link.personnelGroupId}`, link.usage);
    groupTotals.set(link.personnelGroupId, (groupTotals.get(link.personnelGroupId) ?? 0) + 1);
    serviceTotals.set(link.serviceId, (serviceTotals.get(link.serviceId) ?? 0) + 1);
  }
  return {
    services,
    groups: [...model.elements.personnelGroup].sort(byPosition),
    usage: (serviceId, groupId) => cells.get(`${serviceId}:${groupId}`),
    groupTotals,
    serviceTotals,
  };
}

export interface ExchangeCell {
  mode: CollaborationMode;
  needLevel: NeedLevel | undefined;
}

export interface ActorMatrix {
  services: InformationService[];
  actors: Actor[];
  modes: CollaborationMode[];
  needLevels: NeedLevel[];
  exchanges(serviceId: number, actorId: number): ExchangeCell[];
  actorTotals: Map<number, number>;
  serviceTotals: Map<number, number>;
}

export function actorMatrix(model: ScopeModel, index: ModelIndex, services: InformationService[]): ActorMatrix {
  const selected = new Set(services.map((s) => s.id));
  const cells = new Map<string, ExchangeCell[]>();
  const actorServices = new Map<number, Set<number>>();
  const serviceActors = new Map<number, Set<number>>();
  for (const link of model.links.serviceExchanges) {
    if (!selected.has(link.serviceId)) continue;
    const mode = index.get('collaborationMode', link.modeId);
    if (!mode) continue;
    const key = `${link.serviceId}:${link.actorId}`;
    const list = cells.get(key) ?? [];
    list.push({ mode, needLevel: index.get('needLevel', link.needLevelId) });
    cells.set(key, list);
    (actorServices.get(link.actorId) ?? actorServices.set(link.actorId, new Set()).get(link.actorId)!).add(link.serviceId);
    (serviceActors.get(link.serviceId) ?? serviceActors.set(link.serviceId, new Set()).get(link.serviceId)!).add(link.actorId);
  }
  for (const list of cells.values()) list.sort((a, b) => byPosition(a.mode, b.mode));
  return {
    services,
    actors: [...model.elements.actor].sort(byPosition),
    modes: [...model.elements.collaborationMode].sort(byPosition),
    needLevels: [...model.elements.needLevel].sort((a, b) => a.rank - b.rank),
    exchanges: (serviceId, actorId) => cells.get(`${serviceId}:${actorId}`) ?? [],
    actorTotals: new Map([...actorServices].map(([id, set]) => [id, set.size])),
    serviceTotals: new Map([...serviceActors].map(([id, set]) => [id, set.size])),
  };
}
