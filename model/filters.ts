import { z } from 'zod';
import { elementKeySchema, portfolioStatuses, requirementPriorities, requirementStatuses } from './schemas.ts';

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

export const requirementQuerySchema = z.strictObject(
  {
    status: z
      .union([z.literal(''), z.enum(requirementStatuses)], { error: `Status må være en av ${requirementStatuses.join(', ')}.` })
      .optional()
      .transform((v) => (v ? v : undefined)),
    priority: z
      .union([z.literal(''), z.enum(requirementPriorities)], {
        error: `Prioritet må være en av ${requirementPriorities.join(', ')}.`,
      })
      .optional()
      .transform((v) => (v ? v : undefined)),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Ukjent parameter: ${issue.keys.join(', ')}.` : undefined) },
);
export type RequirementQuery = z.infer<typeof requirementQuerySchema>;

/** Which lines of a source document to highlight. */
export const sourceQuerySchema = z
  .strictObject({
    fra: z.coerce.number({ error: 'fra må være et linjenummer.' }).int().positive().optional(),
    til: z.coerce.number({ error: 'til må være et linjenummer.' }).int().positive().optional(),
  })
  .refine((q) => q.fra === undefined || q.til === undefined || q.fra <= q.til, 'fra må være mindre enn eller lik til.');
