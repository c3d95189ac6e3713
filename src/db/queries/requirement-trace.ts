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
  /** What the link forms offer (only for those who may link): every element, by kind and name. */
  targets?: LinkTarget[];
}

export interface LinkTarget {
  id: number;
  kind: ElementKind;
  key: string;
  name: string;
  ref: string | null;
}

/** Every element as a choice for a link form, in one query. */
export async function loadLinkTargets(db: Db): Promise<LinkTarget[]> {
  const rows = await db
    .selectFrom('element')
    .leftJoin('requirement', 'requirement.element_id', 'element.id')
    .select(['element.id', 'element.kind', 'element.key', 'element.name', 'requirement.ref'])
    .orderBy('element.kind')
    .orderBy('element.position')
    .orderBy('element.id')
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind as ElementKind, key: r.key, name: r.name, ref: r.ref }));
}

/** Five queries, whatever the size of the requirement set. */
export async function loadTraceContext(db: Db, options: { targets?: boolean } = {}): Promise<TraceContext> {
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
  const targets = options.targets ? await loadLinkTargets(db) : undefined;
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
    ...(targets ? { targets } : {}),
  };
}
