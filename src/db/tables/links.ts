/** Links between elements. Every link table cascades when either end is deleted. */
export interface ServiceCapabilityTable {
  service_id: number;
  capability_id: number;
}

export interface ServiceGoalTable {
  service_id: number;
  goal_id: number;
}

export interface ServiceDependencyTable {
  service_id: number;
  project_id: number;
}

export interface ServiceExchangeTable {
  service_id: number;
  actor_id: number;
  mode_id: number;
  need_level_id: number | null;
}

export interface ServicePersonnelTable {
  service_id: number;
  personnel_group_id: number;
  usage: string;
}

export interface RequirementElementTable {
  requirement_id: number;
  element_id: number;
}
