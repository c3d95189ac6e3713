import type { Generated, Selectable } from 'kysely';

/** Requirement structure, traceability and baselines (migration 0013). Times are ISO strings. */

/** A chapter or section of the requirement set: an ordered tree. */
export interface RequirementChapterTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  position: number;
  version: Generated<number>;
  created_at: string;
}

/** The editable list of requirement types. */
export interface RequirementTypeTable {
  key: string;
  label: string;
  position: number;
}

/** A link between two requirements: `from` is derived from, or supersedes, `to`. */
export interface RequirementRelationTable {
  from_id: number;
  to_id: number;
  kind: 'derived_from' | 'supersedes';
}

/** A requirement's link to an element that has since been deleted, kept by name. */
export interface RequirementLostLinkTable {
  id: Generated<number>;
  requirement_id: number;
  element_kind: string;
  element_key: string;
  element_name: string;
  deleted_at: string;
}

/** A frozen copy of the whole model. Refused UPDATE and DELETE by trigger. */
export interface BaselineTable {
  id: Generated<number>;
  name: string;
  description: Generated<string>;
  created_at: string;
  created_by: number | null;
  created_by_name: string;
  element_count: number;
  requirement_count: number;
  /** The snapshot as JSON (`baselineSnapshotSchema` in model/baselines.ts). */
  snapshot: string;
}

/** A baseline's compact form: one row per element with the links it owns (row 0: chapters and types). Frozen by trigger. */
export interface BaselineElementTable {
  baseline_id: number;
  element_id: number;
  fingerprint: string;
  data: string;
}

export type RequirementChapterRow = Selectable<RequirementChapterTable>;
export type BaselineRow = Selectable<BaselineTable>;
