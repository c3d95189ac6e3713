import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Booleans are stored as 0/1 so the schema is the same on SQLite and PostgreSQL. */
export type Flag = 0 | 1;

export interface SourceDocumentTable {
  id: Generated<number>;
  key: string;
  title: string;
  published_on: string;
  publisher: string;
  body: string;
  line_count: number;
}

/** The one identity every scope element has; kind-specific columns live in the tables below. */
export interface ElementTable {
  id: Generated<number>;
  kind: string;
  key: string;
  name: string;
  name_en: string | null;
  description: string;
  source_document_id: number | null;
  source_from: number | null;
  source_to: number | null;
  tentative: Flag;
  /** 'stated' | 'tentative' | 'inferred' (migration 0014). */
  provenance: Generated<string>;
  provenance_note: Generated<string>;
  source_quote: string | null;
  position: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CapabilityTable {
  element_id: number;
  parent_id: number | null;
  solution_part_id: number | null;
  solution_part_provenance: Generated<string>;
  solution_part_note: Generated<string>;
  solution_part_source_from: number | null;
  solution_part_source_to: number | null;
}

export interface RegionTable {
  element_id: number;
  record_solution: string;
}

export interface InformationServiceTable {
  element_id: number;
  category_id: number | null;
  tier_id: number | null;
  tier_tentative: Flag;
  solution_part_id: number | null;
}

export interface DeliveryTierTable {
  element_id: number;
  first_delivery: Flag;
}

export interface NeedLevelTable {
  element_id: number;
  rank: number;
}

/** Phases, milestones and decision points share one table. */
export interface RoadmapItemTable {
  element_id: number;
  starts_on: string;
  ends_on: string | null;
  phase_id: number | null;
  track: string | null;
  decision_no: number | null;
}

export interface NationalProjectTable {
  element_id: number;
  project_no: number;
  priority_category: number;
  owner_organisation: string;
  owner: string;
  phase: string;
  strategic_area: string;
  focus_area: string;
  status: string | null;
  budget_mnok: number | null;
}

export interface RequirementTable {
  element_id: number;
  ref: string;
  text: string;
  rationale: string;
  priority: string;
  status: string;
  /** Migration 0013. */
  chapter_id: number | null;
  type_key: string | null;
  acceptance_criteria: Generated<string>;
  verification_method: string | null;
  /** "|a|b|", or "" for none. */
  tags: Generated<string>;
  source_comment_id: number | null;
}

export type ElementRow = Selectable<ElementTable>;
export type NewElement = Insertable<ElementTable>;
export type ElementUpdate = Updateable<ElementTable>;
