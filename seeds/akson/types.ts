import type {
  PortfolioStatus,
  RequirementPriority,
  RequirementStatus,
} from '../../model/schemas.ts';
import type { ElementKind } from '../../model/kinds.ts';

/** An inclusive line range in the seed document. */
export type Lines = readonly [from: number, to: number];

/** What every seeded element carries: its key, its words, where in the source it comes from. */
export interface ElementSeed {
  key: string;
  name: string;
  nameEn?: string;
  description?: string;
  lines: Lines;
  /** The document marks it TENTATIVT or UNDER ARBEID (or a tentative timeline). */
  tentative?: boolean;
}

export interface CapabilitySeed extends ElementSeed {
  /** Key of the solution part the slide places it under, where the slide says so. */
  solutionPart?: string;
  children?: CapabilitySeed[];
}

export interface CategorySeed extends ElementSeed {}

export interface TierSeed extends ElementSeed {
  firstDelivery: boolean;
}

export interface ServiceSeed extends ElementSeed {
  category: string;
  tier: string;
}

export interface NeedLevelSeed extends ElementSeed {
  rank: number;
}

export interface RoadmapPhaseSeed extends ElementSeed {
  startsOn: string;
  endsOn: string;
}

export interface MilestoneSeed extends ElementSeed {
  on: string;
  phase?: string;
}

export interface DecisionPointSeed extends ElementSeed {
  on: string;
  phase: string;
  track: 'journal' | 'samhandling';
  number: number;
}

export interface NationalProjectSeed {
  key: string;
  projectNo: number;
  priorityCategory: number;
  name: string;
  ownerOrganisation: string;
  owner: string;
  phase: 'Konsept' | 'Planlegging' | 'Gjennomføring';
  strategicArea: string;
  focusArea: string;
  status: PortfolioStatus | null;
  budgetMnok: number | null;
  lines: Lines;
}

export interface RequirementSeed extends ElementSeed {
  text: string;
  rationale: string;
  priority: RequirementPriority;
  status: RequirementStatus;
  /** The elements the requirement is about, as kind and key. */
  about: ReadonlyArray<readonly [ElementKind, string]>;
}
