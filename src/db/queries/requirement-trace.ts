import type { LostLink, RequirementChapter, RequirementRelation } from '../../../model/requirements.ts';
import type { ElementKind } from '../../../model/kinds.ts';
import type { Db } from '../index.ts';
import type { ScopeModel } from '../../../model/schemas.ts';

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

/**
 * Five queries, whatever the size of the requirement set. Given the requirements a page shows
 * (a slice's), only their links between requirements, lost links and source comments are read;
 * without, every one (a baseline's snapshot).
 */
export async function loadTraceContext(db: Db, shown?: readonly number[]): Promise<TraceContext> {
  const ids = shown === undefined ? undefined : shown.length === 0 ? [0] : [...shown];
  let relations = db.selectFrom('requirement_relation').selectAll();
  let lostLinks = db.selectFrom('requirement_lost_link').selectAll();
  let sources = db.selectFrom('requirement').select('source_comment_id').where('source_comment_id', 'is not', null);
  if (ids) {
    relations = relations.where((eb) => eb.or([eb('from_id', 'in', ids), eb('to_id', 'in', ids)]));
    lostLinks = lostLinks.where('requirement_id', 'in', ids);
    sources = sources.where('element_id', 'in', ids);
  }
  const [chapters, relationRows, lostRows, types, sourceComments] = await Promise.all([
    db.selectFrom('requirement_chapter').selectAll().orderBy('parent_id').orderBy('position').orderBy('id').execute(),
    relations.orderBy('from_id').orderBy('kind').orderBy('to_id').execute(),
    lostLinks.orderBy('requirement_id').orderBy('id').execute(),
    db.selectFrom('requirement_type').selectAll().orderBy('position').execute(),
    db.selectFrom('consultation_comment').select(['id', 'round_id']).where('id', 'in', sources).execute(),
  ]);
  return {
    chapters: chapters.map((c) => ({ id: c.id, parentId: c.parent_id, name: c.name, position: c.position, version: c.version })),
    relations: relationRows.map((r) => ({ fromId: r.from_id, toId: r.to_id, kind: r.kind })),
    lostLinks: lostRows.map((l) => ({
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

/** The trace context for what a slice shows: its requirements' links, lost links and source comments. */
export function loadTraceContextFor(db: Db, model: ScopeModel): Promise<TraceContext> {
  return loadTraceContext(
    db,
    model.elements.requirement.map((r) => r.id),
  );
}
