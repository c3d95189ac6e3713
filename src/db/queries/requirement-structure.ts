import { numberChapters, type RequirementChapter } from '../../../model/requirements.ts';
import type { RefOptions } from '../../../model/editing.ts';
import type { Db } from '../index.ts';

/** Chapters and requirement types (issue 13): what their pages and the requirement form read. */

export interface RequirementTypeRow {
  key: string;
  label: string;
  position: number;
  /** How many requirements have this type. */
  used: number;
}

export async function loadChapters(db: Db): Promise<RequirementChapter[]> {
  const rows = await db.selectFrom('requirement_chapter').selectAll().orderBy('parent_id').orderBy('position').orderBy('id').execute();
  return rows.map((c) => ({ id: c.id, parentId: c.parent_id, name: c.name, position: c.position, version: c.version }));
}

/** Each chapter's number of requirements (directly in it), in one query. */
export async function chapterCounts(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('requirement')
    .select(['chapter_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('chapter_id', 'is not', null)
    .groupBy('chapter_id')
    .execute();
  return new Map(rows.map((r) => [r.chapter_id!, Number(r.n)]));
}

export async function loadRequirementTypes(db: Db): Promise<RequirementTypeRow[]> {
  const rows = await db
    .selectFrom('requirement_type')
    .leftJoin('requirement', 'requirement.type_key', 'requirement_type.key')
    .select(['requirement_type.key', 'requirement_type.label', 'requirement_type.position', (eb) => eb.fn.count<number>('requirement.element_id').as('used')])
    .groupBy(['requirement_type.key', 'requirement_type.label', 'requirement_type.position'])
    .orderBy('requirement_type.position')
    .orderBy('requirement_type.key')
    .execute();
  return rows.map((r) => ({ key: r.key, label: r.label, position: r.position, used: Number(r.used) }));
}

/** The requirement form's chapter and type lists, numbered and indented as the chapter page shows them. */
export async function requirementChoices(db: Db): Promise<NonNullable<RefOptions['lists']>> {
  const [chapters, types] = await Promise.all([loadChapters(db), loadRequirementTypes(db)]);
  return {
    chapter: numberChapters(chapters).map((c) => ({ key: String(c.id), name: `${c.number} ${c.name}`, depth: c.depth })),
    requirementType: types.map((t) => ({ key: t.key, name: t.label })),
  };
}
