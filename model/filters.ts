import { z } from 'zod';
import type { ModelIndex } from './lookup.ts';
import type { ServiceSelection } from './matrix.ts';
import { say, type Message } from './messages.ts';
import { decisionTracks, elementKeySchema, portfolioStatuses } from './schemas.ts';

/** A query's unknown parameters, named (the issue's `keys` fill the message). */
function unknownParameterError() {
  return { error: (issue: z.core.$ZodRawIssue) => (issue.code === 'unrecognized_keys' ? say('validation.unknownParameter') : undefined) };
}

/** An optional key filter from a query string; empty means "all". */
const optionalKey = z
  .union([z.literal(''), elementKeySchema])
  .optional()
  .transform((v) => (v ? v : undefined));

/** Which services a matrix or list shows: by delivery tier and by information category, or one service by its key. */
export const serviceFilterSchema = z.strictObject(
  {
    tier: optionalKey,
    category: optionalKey,
    service: optionalKey,
  },
  unknownParameterError(),
);
export type ServiceFilter = z.infer<typeof serviceFilterSchema>;

/** A page number from a query string: empty means the first page. */
export const pageNumberSchema = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.coerce
    .number({ error: say('validation.page.notNumber') })
    .int(say('validation.page.notInteger'))
    .min(1, say('validation.page.tooSmall'))
    .max(100_000, say('validation.page.tooLarge'))
    .default(1),
);

/** A paged list or matrix of services: the service filter and which page (`side`, from 1). */
export const servicePageQuerySchema = serviceFilterSchema.extend({ side: pageNumberSchema });
export type ServicePageQuery = z.infer<typeof servicePageQuerySchema>;

const unknownParameter = unknownParameterError();

/** A diagram's filters: the service filter plus actor and personnel group, and one group to expand. */
export const diagramFilterSchema = z.strictObject(
  {
    tier: optionalKey,
    category: optionalKey,
    actor: optionalKey,
    group: optionalKey,
    /** The key of the category (or top-level capability) to show in full in a collapsed diagram. */
    expand: optionalKey,
    /** Which page of the expanded category's services to draw (from 1). */
    side: pageNumberSchema.optional(),
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
      .union([z.literal(''), z.enum(decisionTracks)], { error: say('validation.filter.track') })
      .optional()
      .transform((v) => (v ? v : undefined)),
  },
  unknownParameter,
);
export type RoadmapDiagramFilter = z.infer<typeof roadmapDiagramFilterSchema>;

/** Turns filter keys into ids, or names the key that is unknown (a message for the interface to say). */
export function resolveServiceFilter(
  filter: { tier?: string; category?: string; actor?: string; group?: string },
  index: ModelIndex,
): ServiceSelection | Message {
  const selection: ServiceSelection = {};
  if (filter.tier) {
    const tier = index.byKey('deliveryTier', filter.tier);
    if (!tier) return { key: 'validation.filter.tier', values: { key: filter.tier } };
    selection.tierId = tier.id;
  }
  if (filter.category) {
    const category = index.byKey('informationCategory', filter.category);
    if (!category) return { key: 'validation.filter.category', values: { key: filter.category } };
    selection.categoryId = category.id;
  }
  if (filter.actor) {
    const actor = index.byKey('actor', filter.actor);
    if (!actor) return { key: 'validation.filter.actor', values: { key: filter.actor } };
    selection.actorId = actor.id;
  }
  if (filter.group) {
    const group = index.byKey('personnelGroup', filter.group);
    if (!group) return { key: 'validation.filter.group', values: { key: filter.group } };
    selection.personnelGroupId = group.id;
  }
  return selection;
}

export const portfolioSortKeys = ['id', 'name', 'owner', 'phase', 'area', 'status', 'budget'] as const;

export const portfolioQuerySchema = z.strictObject(
  {
    status: z
      .union([z.literal(''), z.literal('ukjent'), z.enum(portfolioStatuses)], {
        error: say('validation.filter.status'),
      })
      .optional()
      .transform((v) => (v ? v : undefined)),
    area: z
      .union([z.literal(''), z.string().regex(/^[1-9]$/, say('validation.filter.area'))])
      .optional()
      .transform((v) => (v ? Number(v) : undefined)),
    sort: z.enum(portfolioSortKeys, { error: say('validation.filter.sort') }).default('id'),
    dir: z.enum(['asc', 'desc'], { error: say('validation.filter.dir') }).default('asc'),
  },
  unknownParameterError(),
);
export type PortfolioQuery = z.infer<typeof portfolioQuerySchema>;

/** Which lines of a source document to highlight. */
export const sourceQuerySchema = z
  .strictObject({
    fra: z.coerce.number({ error: say('validation.source.from') }).int().positive().optional(),
    til: z.coerce.number({ error: say('validation.source.to') }).int().positive().optional(),
  })
  .refine((q) => q.fra === undefined || q.til === undefined || q.fra <= q.til, say('validation.source.order'));
