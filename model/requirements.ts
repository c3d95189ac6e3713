import { z } from 'zod';
import { say } from './messages.ts';
import { elementKindSchema, type ElementKind } from './kinds.ts';
import { firstDeliveryTierIds } from './lookup.ts';
import {
  elementKeySchema,
  requirementPriorities,
  requirementRefSchema,
  requirementStatuses,
  type Requirement,
  type RequirementPriority,
  type RequirementStatus,
  type ScopeModel,
} from './schemas.ts';

/*
 * The requirement set's structure and traceability (issue 13): chapters as an ordered tree,
 * links between requirements, and the coverage figures of the traceability view. Pure.
 */

// Tags ---------------------------------------------------------------------------------------

/** Tags are stored as "|a|b|" so that one tag is found with LIKE '%|a|%' in any database. */
export function parseTags(stored: string): string[] {
  return stored.split('|').filter((t) => t !== '');
}

export function storeTags(tags: readonly string[]): string {
  return tags.length === 0 ? '' : `|${tags.join('|')}|`;
}

/** "a, b ,c" → ["a", "b", "c"], lower case, unique, in the order typed. */
export const tagListSchema = z
  .string()
  .optional()
  .transform((v) => [...new Set((v ?? '').split(',').map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))])
  .pipe(
    z
      .array(z.string().max(40, say('validation.tag.tooLong')).regex(/^[^|]+$/, say('validation.tag.pipe')))
      .max(20, say('validation.tag.tooMany')),
  );

// Chapters -----------------------------------------------------------------------------------

export interface RequirementChapter {
  id: number;
  parentId: number | null;
  name: string;
  position: number;
  version: number;
}

export const requirementChapterSchema = z.object({
  id: z.number().int().positive(),
  parentId: z.number().int().positive().nullable(),
  name: z.string(),
  position: z.number().int(),
  version: z.number().int(),
});

/** A chapter in reading order, with its number ("2.1") and depth. */
export interface NumberedChapter extends RequirementChapter {
  number: string;
  depth: number;
}

/** The chapter tree in reading order, numbered 1, 1.1, 1.2, 2, … */
export function numberChapters(chapters: readonly RequirementChapter[]): NumberedChapter[] {
  const children = new Map<number | null, RequirementChapter[]>();
  for (const c of chapters) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.id - b.id);
  const out: NumberedChapter[] = [];
  const seen = new Set<number>();
  const walk = (parentId: number | null, prefix: string, depth: number) => {
    (children.get(parentId) ?? []).forEach((c, i) => {
      if (seen.has(c.id)) return;
      seen.add(c.id);
      const number = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      out.push({ ...c, number, depth });
      walk(c.id, number, depth + 1);
    });
  };
  walk(null, '', 0);
  return out;
}

/** The ids of a chapter and every chapter below it. */
export function chapterSubtree(chapters: readonly RequirementChapter[], id: number): Set<number> {
  const result = new Set<number>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of chapters) {
      if (c.parentId !== null && result.has(c.parentId) && !result.has(c.id)) {
        result.add(c.id);
        grew = true;
      }
    }
  }
  return result;
}

export const chapterNameSchema = z
  .string({ error: say('validation.field.missing', { subject: 'validation.subject.name' }) })
  .transform((s) => s.trim())
  .pipe(z.string().min(1, say('validation.field.required', { subject: 'validation.subject.name' })).max(300, say('validation.field.tooLong', { subject: 'validation.subject.name' })));

export const chapterInputSchema = z.object({
  name: chapterNameSchema,
  parent: z
    .union([z.literal(''), z.string().regex(/^\d+$/, say('validation.requirement.chapterFromList'))], { error: say('validation.requirement.chapterFromList') })
    .optional()
    .transform((v) => (v ? Number(v) : null)),
});

// Links --------------------------------------------------------------------------------------

/** Between requirements: `from` is derived from `to` (a tree), or `from` supersedes `to`. */
export const requirementRelationKinds = ['derived_from', 'supersedes'] as const;
export type RequirementRelationKind = (typeof requirementRelationKinds)[number];
export const requirementRelationLabel: Record<RequirementRelationKind, { outgoing: string; incoming: string }> = {
  derived_from: { outgoing: 'Avledet fra', incoming: 'Avledet til' },
  supersedes: { outgoing: 'Erstatter', incoming: 'Erstattet av' },
};
export interface RequirementRelation {
  fromId: number;
  toId: number;
  kind: RequirementRelationKind;
}
export const requirementRelationSchema = z.object({
  fromId: z.number().int().positive(),
  toId: z.number().int().positive(),
  kind: z.enum(requirementRelationKinds),
});

/** The link kinds a form offers: *gjelder* to any element, or a link to another requirement. */
export const traceLinkKinds = ['governs', ...requirementRelationKinds] as const;
export type TraceLinkKind = (typeof traceLinkKinds)[number];
export const traceLinkKindLabel: Record<TraceLinkKind, string> = {
  governs: 'Gjelder',
  derived_from: 'Avledet fra',
  supersedes: 'Erstatter',
};

/** What the requirement page's link form posts: the kind and the element as "kind:key". */
export const requirementLinkInputSchema = z.object({
  version: z.string({ error: say('validation.requirement.versionMissing') }).regex(/^\d+$/, say('validation.requirement.versionMissing')).transform(Number),
  linkKind: z.enum(traceLinkKinds, { error: say('validation.requirement.linkKind') }).optional().transform((v) => v ?? 'governs'),
  target: z
    .string({ error: say('validation.requirement.chooseElement') })
    .min(1, say('validation.requirement.chooseElement'))
    .transform((v, ctx) => {
      const [kind, key] = v.trim().split(':');
      const k = elementKindSchema.safeParse(kind);
      const kk = elementKeySchema.safeParse(key);
      if (!k.success || !kk.success) {
        ctx.addIssue({ code: 'custom', message: say('validation.requirement.elementCode') });
        return z.NEVER;
      }
      return { kind: k.data as ElementKind, key: kk.data };
    }),
});

/** What an element's "Krav" section posts: the requirement by its number. */
export const elementRequirementInputSchema = z.object({
  version: z.string({ error: say('validation.requirement.versionMissing') }).regex(/^\d+$/, say('validation.requirement.versionMissing')).transform(Number),
  requirement: z
    .string({ error: say('validation.requirement.refMissing') })
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.string().min(1, say('validation.requirement.refExample')).pipe(requirementRefSchema)),
});

/**
 * Whether adding "from is derived from to" would close a cycle: it does when `from` is already
 * among the ancestors-by-derivation of `to` (or is `to`).
 */
export function derivationWouldCycle(relations: readonly RequirementRelation[], fromId: number, toId: number): boolean {
  if (fromId === toId) return true;
  const parents = new Map<number, number[]>();
  for (const r of relations) if (r.kind === 'derived_from') parents.set(r.fromId, [...(parents.get(r.fromId) ?? []), r.toId]);
  const stack = [toId];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === fromId) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(parents.get(id) ?? []));
  }
  return false;
}

// Coverage -----------------------------------------------------------------------------------

export interface LostLink {
  requirementId: number;
  elementKind: string;
  elementKey: string;
  elementName: string;
  deletedAt: string;
}

export interface RequirementCoverage {
  firstDeliveryServices: number;
  /** Services in a first-delivery tier that no requirement governs. */
  firstDeliveryWithoutRequirement: Array<{ id: number; key: string; name: string }>;
  /** Requirements that govern no element. */
  governingNothing: Requirement[];
  /** Requirements that governed an element that has since been deleted (kept by name). */
  withDeletedElement: Array<{ requirement: Requirement; lost: LostLink[] }>;
  requirements: number;
}

export function requirementCoverage(model: ScopeModel, lostLinks: readonly LostLink[]): RequirementCoverage {
  const firstTiers = firstDeliveryTierIds(model);
  const governed = new Set(model.links.requirementElements.map((l) => l.elementId));
  const governing = new Set(model.links.requirementElements.map((l) => l.requirementId));
  const firstDelivery = model.elements.informationService.filter((s) => s.tierId !== null && firstTiers.has(s.tierId));
  const lostBy = new Map<number, LostLink[]>();
  for (const l of lostLinks) lostBy.set(l.requirementId, [...(lostBy.get(l.requirementId) ?? []), l]);
  return {
    firstDeliveryServices: firstDelivery.length,
    firstDeliveryWithoutRequirement: firstDelivery.filter((s) => !governed.has(s.id)).map((s) => ({ id: s.id, key: s.key, name: s.name })),
    governingNothing: model.elements.requirement.filter((r) => !governing.has(r.id)),
    withDeletedElement: model.elements.requirement.flatMap((r) => (lostBy.has(r.id) ? [{ requirement: r, lost: lostBy.get(r.id)! }] : [])),
    requirements: model.elements.requirement.length,
  };
}

// The traceability view -----------------------------------------------------------------------

/** Requirements by information service, or by capability. */
export const traceViews = ['tjenester', 'funksjonsomrader'] as const;
export type TraceView = (typeof traceViews)[number];

/** The traceability view's filters and position, as they stand in its URL. */
export const traceQuerySchema = z.strictObject(
  {
    etter: z
      .union([z.literal(''), z.enum(traceViews)], { error: say('validation.trace.by') })
      .optional()
      .transform((v): TraceView => (v ? v : 'tjenester')),
    kapittel: z
      .union([z.literal(''), z.string().regex(/^\d{1,9}$/, say('validation.trace.chapter'))], { error: say('validation.trace.chapter') })
      .optional()
      .transform((v) => (v ? Number(v) : undefined)),
    type: z
      .union([z.literal(''), z.string().regex(/^[a-z0-9-]{1,60}$/, say('validation.trace.type'))], { error: say('validation.trace.type') })
      .optional()
      .transform((v) => (v ? v : undefined)),
    prioritet: z
      .union([z.literal(''), z.enum(requirementPriorities)], { error: say('validation.trace.priority', { options: requirementPriorities.join(', ') }) })
      .optional()
      .transform((v) => (v ? v : undefined)),
    status: z
      .union([z.literal(''), z.enum(requirementStatuses)], { error: say('validation.trace.status', { options: requirementStatuses.join(', ') }) })
      .optional()
      .transform((v) => (v ? v : undefined)),
    trinn: z
      .union([z.literal(''), z.string().max(80, say('validation.trace.tier')).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, say('validation.trace.tier'))], { error: say('validation.trace.tier') })
      .optional()
      .transform((v) => (v ? v : undefined)),
    side: z.coerce.number({ error: say('validation.trace.page') }).int().min(1).max(100_000).optional().default(1),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? say('validation.unknownParameter') : undefined) },
);
export type TraceQuery = z.infer<typeof traceQuerySchema>;

/** The view's URL for a query (with `side` changed when given), leaving out what is at its default. */
export function traceHref(query: TraceQuery, side = query.side): string {
  const params = new URLSearchParams();
  if (query.etter !== 'tjenester') params.set('etter', query.etter);
  if (query.kapittel !== undefined) params.set('kapittel', String(query.kapittel));
  if (query.type) params.set('type', query.type);
  if (query.prioritet) params.set('prioritet', query.prioritet);
  if (query.status) params.set('status', query.status);
  if (query.trinn) params.set('trinn', query.trinn);
  if (side > 1) params.set('side', String(side));
  return params.size > 0 ? `/krav/sporbarhet?${params}` : '/krav/sporbarhet';
}
