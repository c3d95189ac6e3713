import type { Kysely, Transaction } from 'kysely';
import type { ImportState, RequirementValues } from '../../../model/exchange/sheet-import.ts';
import { numberChapters, parseTags } from '../../../model/requirements.ts';
import { requirementPrioritySchema, requirementStatusSchema, verificationMethodSchema } from '../../../model/schemas.ts';
import type { Database } from '../schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * What a requirement import compares its rows with, in five set-based queries whatever the size:
 * every requirement with its values and version, the links they govern, the chapters (numbered
 * as the export writes them), the types, and every element's `kind:key`.
 */
export async function loadImportState(db: Executor): Promise<ImportState> {
  const rows = await db
    .selectFrom('requirement as r')
    .innerJoin('element as e', 'e.id', 'r.element_id')
    .select([
      'e.id',
      'r.ref',
      'e.name',
      'r.text',
      'r.rationale',
      'r.priority',
      'r.status',
      'r.chapter_id',
      'r.type_key',
      'r.acceptance_criteria',
      'r.verification_method',
      'r.tags',
      'e.version',
    ])
    .execute();
  const links = await db
    .selectFrom('requirement_element as l')
    .innerJoin('element as e', 'e.id', 'l.element_id')
    .select(['l.requirement_id', 'e.kind', 'e.key'])
    .execute();
  const chapters = await db.selectFrom('requirement_chapter').select(['id', 'parent_id', 'name', 'position', 'version']).execute();
  const types = await db.selectFrom('requirement_type').select(['key', 'label']).orderBy('position').execute();
  const elements = await db.selectFrom('element').select(['id', 'kind', 'key']).execute();

  const linked = new Map<number, string[]>();
  for (const l of links) linked.set(l.requirement_id, [...(linked.get(l.requirement_id) ?? []), `${l.kind}:${l.key}`]);
  const requirements = new Map<string, { id: number; version: number; values: RequirementValues }>();
  for (const r of rows) {
    requirements.set(r.ref, {
      id: r.id,
      version: r.version,
      values: {
        name: r.name,
        text: r.text,
        chapterId: r.chapter_id,
        typeKey: r.type_key,
        priority: requirementPrioritySchema.parse(r.priority),
        status: requirementStatusSchema.parse(r.status),
        acceptanceCriteria: r.acceptance_criteria,
        verificationMethod: r.verification_method === null ? null : verificationMethodSchema.parse(r.verification_method),
        rationale: r.rationale,
        linked: (linked.get(r.id) ?? []).sort(),
        tags: parseTags(r.tags),
      },
    });
  }
  return {
    requirements,
    chapters: numberChapters(chapters.map((c) => ({ id: c.id, parentId: c.parent_id, name: c.name, position: c.position, version: c.version }))).map((c) => ({
      id: c.id,
      label: `${c.number} ${c.name}`,
      name: c.name,
    })),
    types,
    elements: new Map(elements.map((e) => [`${e.kind}:${e.key}`, e.id])),
  };
}
