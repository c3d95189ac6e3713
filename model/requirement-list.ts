import { z } from 'zod';
import { say } from './messages.ts';
import { elementKindSchema, type ElementKind } from './kinds.ts';
import { pageNumberSchema } from './filters.ts';
import { elementKeySchema, requirementPriorities, requirementStatuses } from './schemas.ts';

/*
 * The requirement list's state in the URL (issue 13): filter, sort and page. One schema parses
 * it everywhere (the list, its bulk actions, the spreadsheet export of "the current filter"), and
 * `requirementListSearch` writes it back in one canonical form, so a link round-trips: parsing
 * what it wrote gives the same query, and defaults are left out.
 */

export const requirementSortKeys = ['id', 'chapter', 'priority', 'status', 'changed'] as const;
export type RequirementSortKey = (typeof requirementSortKeys)[number];

/** A chapter filter: a chapter's id (with the sections below it), or `none` for requirements in no chapter. */
const chapterFilter = z
  .union([z.literal(''), z.literal('none'), z.string().regex(/^[1-9]\d{0,9}$/)], { error: 'requirementList.query.error.chapter' })
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v === 'none' ? ('none' as const) : Number(v)));

const typeFilter = z
  .union([z.literal(''), z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(60)], { error: 'requirementList.query.error.type' })
  .optional()
  .transform((v) => (v ? v : undefined));

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, message: 'validation.list.priority' | 'validation.list.status') =>
  z
    .union([z.literal(''), z.enum(values)], { error: say(message, { options: values.join(', ') }) })
    .optional()
    .transform((v) => (v ? (v as T[number]) : undefined));

/** An element as "kind:key", the form the link forms use. */
export const elementRefFilter = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v.trim() === '') return undefined;
    const [kind, key, ...rest] = v.trim().split(':');
    const k = elementKindSchema.safeParse(kind);
    const kk = elementKeySchema.safeParse(key);
    if (!k.success || !kk.success || rest.length > 0) {
      ctx.addIssue({ code: 'custom', message: 'requirementList.query.error.element' });
      return z.NEVER;
    }
    return { kind: k.data as ElementKind, key: kk.data };
  });

/** The requirement list's query: filter (chapter, type, priority, status, tier, linked element, free text), sort and page. */
export const requirementListQuerySchema = z.strictObject(
  {
    chapter: chapterFilter,
    type: typeFilter,
    priority: optionalEnum(requirementPriorities, 'validation.list.priority'),
    status: optionalEnum(requirementStatuses, 'validation.list.status'),
    /** Requirements governing a service in this delivery tier (by the tier's key). */
    tier: z
      .union([z.literal(''), elementKeySchema])
      .optional()
      .transform((v) => (v ? v : undefined)),
    /** Requirements governing this element. */
    element: elementRefFilter,
    /** Free text in the number, the title or the text. */
    q: z
      .string()
      .max(200, 'requirementList.query.error.search')
      .optional()
      .transform((v) => (v?.trim() ? v.trim().replace(/\s+/g, ' ') : undefined)),
    sort: z
      .union([z.literal(''), z.enum(requirementSortKeys)], { error: say('validation.list.sort', { options: requirementSortKeys.join(', ') }) })
      .optional()
      .transform((v): RequirementSortKey => (v ? v : 'id')),
    dir: z
      .union([z.literal(''), z.enum(['asc', 'desc'])], { error: 'requirementList.query.error.direction' })
      .optional()
      .transform((v): 'asc' | 'desc' => (v ? v : 'asc')),
    side: pageNumberSchema,
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? say('validation.unknownParameter') : undefined) },
);
export type RequirementListQuery = z.infer<typeof requirementListQuerySchema>;

/** Only the filter: which requirements, whatever the order and page (what an export or a bulk action over "all filtered" takes). */
export type RequirementFilter = Pick<RequirementListQuery, 'chapter' | 'type' | 'priority' | 'status' | 'tier' | 'element' | 'q'>;

export const requirementFilterKeys = ['chapter', 'type', 'priority', 'status', 'tier', 'element', 'q'] as const satisfies ReadonlyArray<keyof RequirementFilter>;

/** The filter of a list query, without sort and page. */
export function filterOf(query: RequirementFilter): RequirementFilter {
  return { chapter: query.chapter, type: query.type, priority: query.priority, status: query.status, tier: query.tier, element: query.element, q: query.q };
}

/** The query as URL parameters, in one order, defaults left out (page 1, sort by id ascending). */
export function requirementListParams(query: Partial<RequirementListQuery>): URLSearchParams {
  const params = new URLSearchParams();
  if (query.chapter !== undefined) params.set('chapter', String(query.chapter));
  if (query.type) params.set('type', query.type);
  if (query.priority) params.set('priority', query.priority);
  if (query.status) params.set('status', query.status);
  if (query.tier) params.set('tier', query.tier);
  if (query.element) params.set('element', `${query.element.kind}:${query.element.key}`);
  if (query.q) params.set('q', query.q);
  if (query.sort && query.sort !== 'id') params.set('sort', query.sort);
  if (query.dir === 'desc') params.set('dir', 'desc');
  if (query.side !== undefined && query.side > 1) params.set('side', String(query.side));
  return params;
}

/** `?…` for the query, or '' when it is all defaults. */
export function requirementListSearch(query: Partial<RequirementListQuery>): string {
  const s = requirementListParams(query).toString();
  return s ? `?${s}` : '';
}

export const requirementListPath = '/krav';

export function requirementListUrl(query: Partial<RequirementListQuery>): string {
  return `${requirementListPath}${requirementListSearch(query)}`;
}

/** Rows per page of the requirement list. */
export const requirementPageSize = 50;

/** The number of pages for `total` rows (at least one, so an empty filter has a page 1). */
export function requirementPageCount(total: number): number {
  return Math.max(1, Math.ceil(total / requirementPageSize));
}

/** A LIKE pattern for free text, with LIKE's own wildcards escaped (with `\`). */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}
