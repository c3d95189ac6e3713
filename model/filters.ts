import { z } from 'zod';
import type { ModelIndex } from './lookup.ts';
import type { ServiceSelection } from './matrix.ts';
import { decisionTracks, elementKeySchema, portfolioStatuses } from './schemas.ts';

/** An optional key filter from a query string; empty means "all". */
const optionalKey = z
  .union([z.literal(''), elementKeySchema])
  .optional()
  .transform((v) => (v ? v : undefined));

/** Which services a matrix or list shows: by delivery tier and by information category. */
export const serviceFilterSchema = z.strictObject(
  {
    tier: optionalKey,
    category: optionalKey,
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Ukjent parameter: ${issue.keys.join(', ')}.` : undefined) },
);
export type ServiceFilter = z.infer<typeof serviceFilterSchema>;

/** A page number from a query string: empty means the first page. */
export const pageNumberSchema = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.coerce.number({ error: 'Sidetallet må være et tall.' }).int('Sidetallet må være et heltall.').min(1, 'Sidetallet må være 1 eller mer.').max(100_000, 'Sidetallet er for stort.').default(1),
);

/** A paged list or matrix of services: the service filter and which page (`side`, from 1). */
export const servicePageQuerySchema = serviceFilterSchema.extend({ side: pageNumberSchema });
export type ServicePageQuery = z.infer<typeof servicePageQuerySchema>;

const unknownParameter = {
  error: (issue: z.core.$ZodRawIssue) => (issue.code === 'unrecognized_keys' ? `Ukjent parameter: ${issue.keys.join(', ')}.` : undefined),
};

/** A diagram's filters: the service filter plus actor and personnel group, and one group to expand. */
export const diagramFilterSchema = z.strictObject(
  {
    tier: optionalKey,
    category: optionalKey,
    actor: optionalKey,
    group: optionalKey,
    /** The key of the category (or top-level capability) to show in full in a collapsed diagram. */
    expand: optionalKey,
  },
  unknownParameter,
);
export type DiagramFilter = z.infer<typeof diagramFilterSchema>;

/** One service's context diagram: which actor and which personnel group to show. */
export const serviceDiagramFilterSchema = z.strictObject({ actor: optionalKey, group: optionalKey }, unknownParameter);
export type ServiceDiagramFilter = z.infer<typeof serviceDiagramFilterSchema>;

/** The roadmap diagram: by phase and by decision track. */
export const roadmapDiagramFilterSchema = z.strictObject(
  {
    phase: optionalKey,
    track: z
      .union([z.literal(''), z.enum(decisionTracks)], { error: `Spor må være en av ${decisionTracks.join(', ')}.` })
      .optional()
      .transform((v) => (v ? v : undefined)),
  },
  unknownParameter,
);
export type RoadmapDiagramFilter = z.infer<typeof roadmapDiagramFilterSchema>;

/** Turns filter keys into ids, or says in Norwegian which key is unknown. */
export function resolveServiceFilter(
  filter: { tier?: string; category?: string; actor?: string; group?: string },
  index: ModelIndex,
): ServiceSelection | string {
  const selection: ServiceSelection = {};
  if (filter.tier) {
    const tier = index.byKey('deliveryTier', filter.tier);
    if (!tier) return `Det finnes ikke noe leveransetrinn med nøkkelen «${filter.tier}».`;
    selection.tierId = tier.id;
  }
  if (filter.category) {
    const category = index.byKey('informationCategory', filter.category);
    if (!category) return `Det finnes ingen informasjonskategori med nøkkelen «${filter.category}».`;
    selection.categoryId = category.id;
  }
  if (filter.actor) {
    const actor = index.byKey('actor', filter.actor);
    if (!actor) return `Det finnes ingen aktør med nøkkelen «${filter.actor}».`;
    selection.actorId = actor.id;
  }
  if (filter.group) {
    const group = index.byKey('personnelGroup', filter.group);
    if (!group) return `Det finnes ikke noe tjenesteområde med nøkkelen «${filter.group}».`;
    selection.personnelGroupId = group.id;
  }
  return selection;
}

export const portfolioSortKeys = ['id', 'name', 'owner', 'phase', 'area', 'status', 'budget'] as const;

export const portfolioQuerySchema = z.strictObject(
  {
    status: z
      .union([z.literal(''), z.literal('ukjent'), z.enum(portfolioStatuses)], {
        error: 'Status må være Grønn, Gul, Rød eller ukjent.',
      })
      .optional()
      .transform((v) => (v ? v : undefined)),
    area: z
      .union([z.literal(''), z.string().regex(/^[1-9]$/, 'Strategisk område er et tall fra 1 til 9.')])
      .optional()
      .transform((v) => (v ? Number(v) : undefined)),
    sort: z.enum(portfolioSortKeys, { error: `Sortering må være en av ${portfolioSortKeys.join(', ')}.` }).default('id'),
    dir: z.enum(['asc', 'desc'], { error: 'Retning må være asc eller desc.' }).default('asc'),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Ukjent parameter: ${issue.keys.join(', ')}.` : undefined) },
);
export type PortfolioQuery = z.infer<typeof portfolioQuerySchema>;

/** Which lines of a source document to highlight. */
export const sourceQuerySchema = z
  .strictObject({
    fra: z.coerce.number({ error: 'fra må være et linjenummer.' }).int().positive().optional(),
    til: z.coerce.number({ error: 'til må være et linjenummer.' }).int().positive().optional(),
  })
  .refine((q) => q.fra === undefined || q.til === undefined || q.fra <= q.til, 'fra må være mindre enn eller lik til.');
