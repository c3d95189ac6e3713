import type { Catalogue } from '../../../model/review/snapshot.ts';
import type { Db } from '../index.ts';

/**
 * The services, categories and delivery tiers in one query: all a round's snapshot and the marks
 * of what changed since need, without loading the rest of the model.
 */
export async function loadCatalogue(db: Db): Promise<Catalogue> {
  const rows = await db
    .selectFrom('element as e')
    .leftJoin('information_service as s', 's.element_id', 'e.id')
    .leftJoin('delivery_tier as t', 't.element_id', 'e.id')
    .select([
      'e.id',
      'e.kind',
      'e.key',
      'e.name',
      'e.description',
      'e.position',
      'e.version',
      'e.tentative',
      's.category_id',
      's.tier_id',
      's.tier_tentative',
      't.first_delivery',
    ])
    .where('e.kind', 'in', ['informationService', 'informationCategory', 'deliveryTier'])
    .orderBy('e.position')
    .orderBy('e.id')
    .execute();
  const catalogue: Catalogue = { services: [], categories: [], tiers: [] };
  for (const r of rows) {
    const base = { id: r.id, key: r.key, name: r.name, position: r.position };
    if (r.kind === 'informationCategory') catalogue.categories.push(base);
    else if (r.kind === 'deliveryTier') catalogue.tiers.push({ ...base, firstDelivery: r.first_delivery !== 0 });
    else
      catalogue.services.push({
        ...base,
        description: r.description,
        version: r.version,
        tentative: r.tentative === 1,
        categoryId: r.category_id ?? null,
        tierId: r.tier_id ?? null,
        tierTentative: r.tier_tentative === 1,
      });
  }
  return catalogue;
}
