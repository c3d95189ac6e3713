import { z } from 'zod';
import { referenceProblems } from './integrity.ts';
import { say } from './messages.ts';
import { requirementChapterSchema, requirementRelationSchema, type RequirementChapter, type RequirementRelation } from './requirements.ts';
import { scopeModelSchema, type ScopeModel } from './schemas.ts';

export const MODEL_EXPORT_FORMAT = 'akson-scope/model';
export const MODEL_EXPORT_VERSION = 1;

export const requirementTypeSchema = z.object({
  key: z.string().min(1, say('validation.field.missing', { subject: 'validation.subject.requirementTypeKey' })).max(60, say('validation.field.tooLong', { subject: 'validation.subject.requirementTypeKey' })),
  label: z.string().min(1, say('validation.field.missing', { subject: 'validation.subject.requirementTypeLabel' })).max(200, say('validation.field.tooLong', { subject: 'validation.subject.requirementTypeLabel' })),
});

/**
 * The requirement structure beside the elements: the chapter tree (requirements refer to it by
 * `chapterId`), the editable requirement types in their order (by `typeKey`), and the links
 * between requirements. Optional when read, so that documents written before they were added
 * (format version 1 without them) still read; always written.
 */
export const requirementStructureShape = {
  requirementChapters: z.array(requirementChapterSchema).optional(),
  requirementTypes: z.array(requirementTypeSchema).optional(),
  requirementRelations: z.array(requirementRelationSchema).optional(),
};
export interface RequirementStructure {
  requirementChapters: RequirementChapter[];
  requirementTypes: Array<{ key: string; label: string }>;
  requirementRelations: RequirementRelation[];
}
export const emptyRequirementStructure = (): RequirementStructure => ({ requirementChapters: [], requirementTypes: [], requirementRelations: [] });

/**
 * The full-model JSON that `GET /api/model` returns. Stable: fields are only ever added, and a
 * change that removes or renames one bumps `formatVersion`. Elements are grouped by kind and
 * ordered by position; links refer to elements by id. The schema also checks that every
 * reference points at an element of the right kind.
 */
export const modelExportSchema = scopeModelSchema
  .extend({
    format: z.literal(MODEL_EXPORT_FORMAT),
    formatVersion: z.literal(MODEL_EXPORT_VERSION),
    exportedAt: z.iso.datetime(),
    ...requirementStructureShape,
  })
  .superRefine((value, ctx) => {
    for (const problem of referenceProblems(value)) ctx.addIssue({ code: 'custom', message: say(problem.key, problem.values) });
  });
export type ModelExport = z.infer<typeof modelExportSchema>;

/** The document; with `structure` (as `/api/model` writes it) the requirement structure too. */
export function toModelExport(model: ScopeModel, exportedAt: Date, structure?: RequirementStructure): ModelExport {
  return {
    format: MODEL_EXPORT_FORMAT,
    formatVersion: MODEL_EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    ...model,
    ...structure,
  };
}

/**
 * `GET /api/model?cursor=…`: the model a page at a time, for clients that cannot hold the whole
 * document. The first page (`cursor=` empty) carries the frame (every kind that does not grow
 * with the content, the sources, the municipalities and the links among them) and the first
 * information services; the next pages carry further services (by id) with their links, then
 * the requirements (by id) with what they are about. Merged by concatenating every array, the
 * pages give the whole document. `page.next` is the cursor of the next page, `null` on the last.
 */
export const modelPageSchema = scopeModelSchema.extend({
  format: z.literal(MODEL_EXPORT_FORMAT),
  formatVersion: z.literal(MODEL_EXPORT_VERSION),
  exportedAt: z.iso.datetime(),
  ...requirementStructureShape,
  page: z.object({
    cursor: z.string().describe('The cursor this page was asked for («» for the first).'),
    next: z.string().nullable().describe('The cursor of the next page; null on the last page.'),
    limit: z.number().int().describe('At most this many services or requirements on the page.'),
  }),
});
export type ModelPage = z.infer<typeof modelPageSchema>;

/** A cursor: empty (the first page), `s.<id>` (services after that id) or `r.<id>` (requirements after it). */
export const modelCursorSchema = z.string().regex(/^(|[sr]\.\d{1,12})$/, say('validation.api.cursor'));
export const modelPageQuerySchema = z.strictObject({
  cursor: modelCursorSchema.optional(),
  limit: z.coerce
    .number()
    .int(say('validation.field.notInteger', { subject: 'validation.subject.limit' }))
    .min(1, say('validation.field.atLeast', { subject: 'validation.subject.limit' }))
    .max(1000, say('validation.field.atMost', { subject: 'validation.subject.limit' }))
    // 50 keeps the first page (the frame and its services) near 230 KB at 100x the seed, not 470 KB.
    .default(50),
});
