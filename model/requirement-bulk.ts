import { z } from 'zod';
import type { ElementKind } from './kinds.ts';
import { elementRefFilter } from './requirement-list.ts';
import { requirementStatuses, type RequirementStatus } from './schemas.ts';

/*
 * Bulk actions on the requirement list (issue 13): set status, move to a chapter, link to an
 * element, on the selected requirements or on all the filter finds. A preview first says exactly
 * which requirements change from what to what; the confirmation carries the id and version of
 * every requirement the preview showed, and the change refuses (409) if any has moved since.
 */

export const bulkActions = ['status', 'chapter', 'link'] as const;
export type BulkAction = (typeof bulkActions)[number];

export type BulkChange =
  | { action: 'status'; status: RequirementStatus }
  | { action: 'chapter'; chapterId: number | null }
  | { action: 'link'; element: { kind: ElementKind; key: string } };

/** The bulk form's own fields (beside the list's filter, which says which requirements "all filtered" are). */
const bulkFields = {
  action: z.enum(bulkActions, { error: 'requirementList.bulk.error.action' }),
  newStatus: z
    .union([z.literal(''), z.enum(requirementStatuses)], { error: 'requirementList.bulk.error.status' })
    .optional(),
  newChapter: z
    .union([z.literal(''), z.literal('none'), z.string().regex(/^[1-9]\d{0,9}$/)], 'requirementList.bulk.error.chapter')
    .optional(),
  linkElement: elementRefFilter,
};

function changeOf(fields: { action: BulkAction; newStatus?: string | undefined; newChapter?: string | undefined; linkElement?: { kind: ElementKind; key: string } | undefined }, ctx: z.RefinementCtx): BulkChange {
  switch (fields.action) {
    case 'status':
      if (!fields.newStatus) {
        ctx.addIssue({ code: 'custom', path: ['newStatus'], message: 'requirementList.bulk.error.newStatus' });
        return z.NEVER;
      }
      return { action: 'status', status: fields.newStatus as RequirementStatus };
    case 'chapter':
      if (!fields.newChapter) {
        ctx.addIssue({ code: 'custom', path: ['newChapter'], message: 'requirementList.bulk.error.newChapter' });
        return z.NEVER;
      }
      return { action: 'chapter', chapterId: fields.newChapter === 'none' ? null : Number(fields.newChapter) };
    case 'link':
      if (!fields.linkElement) {
        ctx.addIssue({ code: 'custom', path: ['linkElement'], message: 'requirementList.bulk.error.element' });
        return z.NEVER;
      }
      if (fields.linkElement.kind === 'requirement') {
        ctx.addIssue({ code: 'custom', path: ['linkElement'], message: 'requirementList.bulk.error.requirementLink' });
        return z.NEVER;
      }
      return { action: 'link', element: fields.linkElement };
  }
}

const selectedIds = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.string().regex(/^[1-9]\d{0,9}$/, 'requirementList.bulk.error.selectedInvalid').transform(Number)).max(10_000, 'requirementList.bulk.error.tooMany'));

/** The preview's query: the bulk fields, which requirements (`scope`), and the ones ticked (`selected`). */
export const bulkPreviewInputSchema = z
  .object({
    ...bulkFields,
    scope: z.enum(['selected', 'filtered'], { error: 'requirementList.bulk.error.scope' }).default('selected'),
    selected: selectedIds,
  })
  .transform((v, ctx) => {
    const change = changeOf(v, ctx);
    if (v.scope === 'selected' && v.selected.length === 0) ctx.addIssue({ code: 'custom', path: ['selected'], message: 'requirementList.bulk.error.selectOne' });
    return { change, scope: v.scope, selected: [...new Set(v.selected)] };
  });
export type BulkPreviewInput = z.infer<typeof bulkPreviewInputSchema>;
export const bulkFieldNames = ['action', 'newStatus', 'newChapter', 'linkElement', 'scope', 'selected'] as const;

/** Every requirement the preview showed, with the version it showed: "id.version,id.version". */
export const pinnedSchema = z
  .string({ error: 'requirementList.bulk.error.preview' })
  .regex(/^\d{1,10}\.\d{1,10}(?:,\d{1,10}\.\d{1,10})*$/, 'requirementList.bulk.error.preview')
  .max(500_000)
  .transform((s) =>
    s.split(',').map((pair) => {
      const [id, version] = pair.split('.');
      return { id: Number(id), version: Number(version) };
    }),
  );

export function pinnedValue(rows: ReadonlyArray<{ id: number; version: number }>): string {
  return rows.map((r) => `${r.id}.${r.version}`).join(',');
}

/** What the confirmation posts: the change, the pinned requirements, and the list to go back to. */
export const bulkApplyInputSchema = z
  .object({ ...bulkFields, pinned: pinnedSchema, list: z.string().max(2000).optional() })
  .transform((v, ctx) => ({ change: changeOf(v, ctx), pinned: v.pinned, list: v.list ?? '' }));

/** A requirement as the bulk action finds it. */
export interface BulkRow {
  id: number;
  ref: string;
  key: string;
  name: string;
  version: number;
  status: RequirementStatus;
  chapterId: number | null;
  /** Whether it already governs the element a link action names. */
  linked: boolean;
}

export interface BulkItem {
  row: BulkRow;
  /** The value now and after, as codes (status), chapter ids (or null), or linked/not. */
  from: string;
  to: string;
  changes: boolean;
}

/** What the change does to each row: from what to what, and whether it changes anything. */
export function planBulkChange(rows: readonly BulkRow[], change: BulkChange): BulkItem[] {
  return rows.map((row) => {
    switch (change.action) {
      case 'status':
        return { row, from: row.status, to: change.status, changes: row.status !== change.status };
      case 'chapter':
        return { row, from: String(row.chapterId ?? 'none'), to: String(change.chapterId ?? 'none'), changes: row.chapterId !== change.chapterId };
      case 'link':
        return { row, from: row.linked ? 'linked' : 'unlinked', to: 'linked', changes: !row.linked };
    }
  });
}

/** The changes grouped by old → new value, with counts, in first-seen order. */
export function groupBulkChange(items: readonly BulkItem[]): Array<{ from: string; to: string; changes: boolean; count: number }> {
  const groups = new Map<string, { from: string; to: string; changes: boolean; count: number }>();
  for (const item of items) {
    const key = `${item.from}\u0000${item.to}`;
    const group = groups.get(key) ?? { from: item.from, to: item.to, changes: item.changes, count: 0 };
    group.count++;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Which pinned requirements are gone or at another version now. */
export function staleBulkRows(pinned: ReadonlyArray<{ id: number; version: number }>, current: ReadonlyArray<{ id: number; version: number }>): Array<{ id: number; seen: number; now: number | null }> {
  const now = new Map(current.map((r) => [r.id, r.version]));
  return pinned.flatMap((p) => {
    const v = now.get(p.id);
    return v === p.version ? [] : [{ id: p.id, seen: p.version, now: v ?? null }];
  });
}
