import type { Generated } from 'kysely';

/** Links between elements. Every link table cascades when either end is deleted. */

/** The provenance every link carries (migration 0014). */
export interface LinkProvenanceColumns {
  /** 'stated' | 'tentative' | 'inferred' */
  provenance: Generated<string>;
  provenance_note: Generated<string>;
  source_from: number | null;
  source_to: number | null;
}
export interface ServiceCapabilityTable extends LinkProvenanceColumns {
  service_id: number;
  capability_id: number;
}

export interface ServiceGoalTable extends LinkProvenanceColumns {
  service_id: number;
  goal_id: number;
}

export interface ServiceDependencyTable extends LinkProvenanceColumns {
  service_id: number;
  project_id: number;
}

export interface ServiceExchangeTable extends LinkProvenanceColumns {
  service_id: number;
  actor_id: number;
  mode_id: number;
  need_level_id: number | null;
}

export interface ServicePersonnelTable extends LinkProvenanceColumns {
  service_id: number;
  personnel_group_id: number;
  usage: string;
}

export interface RequirementElementTable extends LinkProvenanceColumns {
  requirement_id: number;
  element_id: number;
}

/** A typed relation between two elements (see `model/relations.ts`). */
export interface ElementRelationTable extends LinkProvenanceColumns {
  from_id: number;
  to_id: number;
  relation: string;
}

/** A region covers a county. */
export interface RegionCountyTable extends LinkProvenanceColumns {
  region_id: number;
  county_number: string;
}
