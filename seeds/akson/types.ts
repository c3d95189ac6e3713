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
  /**
   * The element is the editors' reading, not something the lines say: the one-line reason.
   * Without it the element is `stated` (or `tentative` when the document marks it so).
   */
  inferred?: string;
  /** A note on a stated element, e.g. a spelling deliberately corrected. */
  note?: string;
  /** The source's own words where the name is the editors' (a tier's column heading). */
  quote?: string;
}

/** A link's provenance in the seed: like an element's, with the lines it rests on. */
export interface LinkSeedProvenance {
  lines: Lines;
  tentative?: boolean;
  inferred?: string;
}

export interface CapabilitySeed extends ElementSeed {
  /** Key of the solution part the slide places it under, where the slide says so. */
  solutionPart?: string;
  /** Why the placement in the solution part is read so (it is always a reading of the layout). */
  solutionPartReason?: string;
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
  /** A deliberate correction of the document's text, said as such. */
  note?: string;
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
  /** Why the priority and the "about" links are read so (both are the editors' reading). */
  reading?: string;
}

export interface RegionSeed extends ElementSeed {
  recordSolution: 'felles-kommunal-journal' | 'helseplattformen';
  /** The counties (2024 numbers) whose municipalities the region covers, with why. */
  counties: readonly string[];
  countiesReason: string;
}

/** A typed relation between two seeded elements. */
export interface RelationSeed extends LinkSeedProvenance {
  from: readonly [ElementKind, string];
  to: readonly [ElementKind, string];
  relation: 'usesInterface' | 'deliveredBy' | 'threatens' | 'builtBy' | 'preProjectOf' | 'issuedBy' | 'involvedIn';
}
