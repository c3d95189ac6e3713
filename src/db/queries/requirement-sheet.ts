import { numberChapters, parseTags } from '../../../model/requirements.ts';
import { requirementPrioritySchema, requirementStatusSchema, verificationMethodSchema } from '../../../model/schemas.ts';
import type { RequirementSheetSource } from '../../../model/exchange/requirement-sheet.ts';
import type { Db } from '../index.ts';
import { filteredRequirementIds, whereRequirementFilter, type ResolvedRequirementFilter } from './requirement-list.ts';

/**
 * Every requirement as the spreadsheet export shows it, in requirement-number order. Three
 * set-based queries whatever the number of requirements: the requirements with their element row,
 * type and source document; the chapters (for "2.1 Legemidler"); the links they govern.
 */
export async function requirementSheetSources(db: Db, filter?: ResolvedRequirementFilter): Promise<RequirementSheetSource[]> {
  const [rows, chapters, links] = await Promise.all([
    db
      .selectFrom('requirement as r')
      .innerJoin('element as e', 'e.id', 'r.element_id')
      .leftJoin('requirement_type as t', 't.key', 'r.type_key')
      .leftJoin('source_document as d', 'd.id', 'e.source_document_id')
      .select([
        'e.id',
        'r.ref',
        'e.name',
        'r.text',
        'r.rationale',
        'r.priority',
        'r.status',
        'r.chapter_id',
        't.label as type_label',
        'r.acceptance_criteria',
        'r.verification_method',
        'r.tags',
        'r.source_comment_id',
        'd.key as source_document',
        'e.source_from',
        'e.source_to',
        'e.version',
        'e.updated_at',
      ])
      .$if(filter !== undefined, (q) => q.where((eb) => whereRequirementFilter(eb, filter!)))
      .orderBy('r.ref')
      .execute(),
    db.selectFrom('requirement_chapter').select(['id', 'parent_id', 'name', 'position', 'version']).execute(),
    db
      .selectFrom('requirement_element as l')
      .innerJoin('element as e', 'e.id', 'l.element_id')
      .select(['l.requirement_id', 'e.kind', 'e.key'])
      .$if(filter !== undefined, (q) => q.where('l.requirement_id', 'in', filteredRequirementIds(db, filter!)))
      .orderBy('l.requirement_id')
      .orderBy('e.kind')
      .orderBy('e.key')
      .execute(),
  ]);
  const chapterLabel = new Map(
    numberChapters(chapters.map((c) => ({ id: c.id, parentId: c.parent_id, name: c.name, position: c.position, version: c.version }))).map((c) => [
      c.id,
      `${c.number} ${c.name}`,
    ]),
  );
  const linked = new Map<number, string[]>();
  for (const l of links) linked.set(l.requirement_id, [...(linked.get(l.requirement_id) ?? []), `${l.kind}:${l.key}`]);
  return rows.map((r) => ({
    ref: r.ref,
    name: r.name,
    text: r.text,
    rationale: r.rationale,
    priority: requirementPrioritySchema.parse(r.priority),
    status: requirementStatusSchema.parse(r.status),
    chapter: r.chapter_id === null ? null : (chapterLabel.get(r.chapter_id) ?? null),
    typeLabel: r.type_label,
    acceptanceCriteria: r.acceptance_criteria,
    verificationMethod: r.verification_method === null ? null : verificationMethodSchema.parse(r.verification_method),
    linkedElements: linked.get(r.id) ?? [],
    source:
      r.source_document && r.source_from !== null
        ? `${r.source_document}:${r.source_from}-${r.source_to ?? r.source_from}`
        : r.source_comment_id !== null
          ? `kommentar:${r.source_comment_id}`
          : null,
    tags: parseTags(r.tags),
    version: r.version,
    updatedAt: r.updated_at,
  }));
}
