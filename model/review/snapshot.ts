import { byPosition } from '../lookup.ts';
import type { DeliveryTier, InformationCategory, InformationService, ScopeModel } from '../schemas.ts';

/**
 * What a snapshot is taken from: the services, their categories and the delivery tiers. A
 * loaded `ScopeModel` gives it (`catalogueOf`); a page that needs nothing else loads only these.
 */
export interface Catalogue {
  services: Array<Pick<InformationService, 'id' | 'key' | 'name' | 'description' | 'position' | 'version' | 'tentative' | 'categoryId' | 'tierId' | 'tierTentative'>>;
  categories: Array<Pick<InformationCategory, 'id' | 'key' | 'name' | 'position'>>;
  tiers: Array<Pick<DeliveryTier, 'id' | 'key' | 'name' | 'position' | 'firstDelivery'>>;
}

export function catalogueOf(model: ScopeModel): Catalogue {
  return { services: model.elements.informationService, categories: model.elements.informationCategory, tiers: model.elements.deliveryTier };
}

/**
 * One service of the first-delivery list as a reviewer sees it. A round stores these as they
 * were when it opened; names are copied so a later rename or deletion changes nothing already
 * reviewed, and `elementId` becomes null if the service is deleted.
 */
export interface SnapshotService {
  elementId: number | null;
  key: string;
  name: string;
  description: string;
  categoryKey: string | null;
  categoryName: string | null;
  tierKey: string | null;
  tierName: string | null;
  /** The service or its place in the tier is marked tentative. */
  tentative: boolean;
}

/**
 * The first-delivery list: every service in a tier marked `firstDelivery`, ordered by category
 * (in the categories' order, services without one last) and then by the service's own position.
 */
export function firstDeliverySnapshot(catalogue: Catalogue): SnapshotService[] {
  const tiers = new Map(catalogue.tiers.filter((t) => t.firstDelivery).map((t) => [t.id, t]));
  const categories = new Map(catalogue.categories.map((c) => [c.id, c]));
  const rank = (categoryId: number | null) => {
    const c = categoryId === null ? undefined : categories.get(categoryId);
    return c ? [0, c.position, c.id] : [1, 0, 0];
  };
  return catalogue.services
    .filter((s) => s.tierId !== null && tiers.has(s.tierId))
    .sort((a, b) => {
      const [ra, rb] = [rank(a.categoryId), rank(b.categoryId)];
      return ra[0]! - rb[0]! || ra[1]! - rb[1]! || ra[2]! - rb[2]! || byPosition(a, b);
    })
    .map((s) => {
      const category = s.categoryId === null ? undefined : categories.get(s.categoryId);
      const tier = tiers.get(s.tierId!)!;
      return {
        elementId: s.id,
        key: s.key,
        name: s.name,
        description: s.description,
        categoryKey: category?.key ?? null,
        categoryName: category?.name ?? null,
        tierKey: tier.key,
        tierName: tier.name,
        tentative: s.tentative || s.tierTentative,
      };
    });
}

export const noCategory = 'Uten informasjonskategori';

/** Services grouped by category, keeping the list's order of both. */
export function groupByCategory<T extends Pick<SnapshotService, 'categoryKey' | 'categoryName'>>(services: readonly T[]): Array<{ key: string | null; name: string; services: T[] }> {
  const groups = new Map<string | null, { key: string | null; name: string; services: T[] }>();
  for (const s of services) {
    const group = groups.get(s.categoryKey) ?? { key: s.categoryKey, name: s.categoryName ?? noCategory, services: [] };
    group.services.push(s);
    groups.set(s.categoryKey, group);
  }
  return [...groups.values()];
}

/**
 * What a page of a frozen list needs to know about the whole list to say things once (the tier
 * when there is only one, the tentative mark when every service has it) and to count each
 * category: the services per category and tier, and whether all of those are tentative.
 */
export interface ListFacts {
  groups: Array<{ categoryKey: string | null; tierKey: string | null; count: number; allTentative: boolean }>;
}

/** The facts of a whole list from its services. */
export function listFactsOf(services: ReadonlyArray<Pick<SnapshotService, 'categoryKey' | 'tierKey' | 'tentative'>>): ListFacts {
  const groups = new Map<string, ListFacts['groups'][number]>();
  for (const s of services) {
    const id = JSON.stringify([s.categoryKey, s.tierKey]);
    const group = groups.get(id) ?? { categoryKey: s.categoryKey, tierKey: s.tierKey, count: 0, allTentative: true };
    group.count++;
    group.allTentative &&= s.tentative;
    groups.set(id, group);
  }
  return { groups: [...groups.values()] };
}
