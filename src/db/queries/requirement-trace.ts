import type { LostLink, RequirementChapter, RequirementRelation } from '../../../model/requirements.ts';
import type { ElementKind } from '../../../model/kinds.ts';
import type { Db } from '../index.ts';

/** What the requirement pages need beside the scope model: chapters, links between requirements, lost links. */
export interface TraceContext {
  chapters: RequirementChapter[];
  relations: RequirementRelation[];
  lostLinks: LostLink[];
  types: Array<{ key: string; label: string }>;
  /** The consultation comments requirements came from, with their round (for the link). */
  sourceComments: Array<{ id: number; roundId: number }>;
}

/** An element a link form may name (found by `searchLinkTargets`, a bounded search). */
export interface LinkTarget {
  id: number;
  kind: ElementKind;
  key: string;
  name: string;
  ref: string | null;
}

/** Five queries, whatever the size of the requirement set. */
export async function loadTraceContext(db: Db): Promise<TraceContext> {
  const [chapters, relations, lostLinks, types, sourceComments] = await Promise.all([
    db.selectFrom('requirement_chapter').selectAll().orderBy('parent_id').orderBy('position').orderBy('id').execute(),
    db.selectFrom('requirement_relation').selectAll().orderBy('from_id').orderBy('kind').orderBy('to_id').execute(),
    db.selectFrom('requirement_lost_link').selectAll().orderBy('requirement_id').orderBy('id').execute(),
    db.selectFrom('requirement_type').selectAll().orderBy('position').execute(),
    db
      .selectFrom('consultation_comment')
      .select(['id', 'round_id'])
      .where('id', 'in', (eb) => eb.selectFrom('requirement').select('source_comment_id').where('source_comment_id', 'is not', null))
      .execute(),
  ]);
  return {
    chapters: chapters.map((c) => ({ id: c.id, parentId: c.parent_id, name: c.name, position: c.position, version: c.version })),
    relations: relations.map((r) => ({ fromId: r.from_id, toId: r.to_id, kind: r.kind })),
    lostLinks: lostLinks.map((l) => ({
      requirementId: l.requirement_id,
      elementKind: l.element_kind,
      elementKey: l.element_key,
      elementName: l.element_name,
      deletedAt: l.deleted_at,
    })),
    types: types.map((t) => ({ key: t.key, label: t.label })),
    sourceComments: sourceComments.map((s) => ({ id: s.id, roundId: s.round_id })),
  };
}
