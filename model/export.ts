import { z } from 'zod';
import { referenceProblems } from './integrity.ts';
import { scopeModelSchema, type ScopeModel } from './schemas.ts';

export const MODEL_EXPORT_FORMAT = 'akson-scope/model';
export const MODEL_EXPORT_VERSION = 1;

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
  })
  .superRefine((value, ctx) => {
    for (const message of referenceProblems(value)) ctx.addIssue({ code: 'custom', message });
  });
export type ModelExport = z.infer<typeof modelExportSchema>;

export function toModelExport(model: ScopeModel, exportedAt: Date): ModelExport {
  return {
    format: MODEL_EXPORT_FORMAT,
    formatVersion: MODEL_EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    ...model,
  };
}
