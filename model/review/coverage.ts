import type { Municipality } from '../schemas.ts';
import type { IntentionStatus } from './schemas.ts';

/**
 * The counties of Helseplattformen's region as seeded (Møre og Romsdal and Trøndelag). The
 * dashboard reads which counties are outside the shared record from the modelled regions
 * (`region`, `region_county`), not from this list; tests use it as the seeded expectation.
 */
export const helseplattformenCounties: readonly string[] = ['15', '50'];

/** The programme's goal: intention agreements covering more than half of the population. */
export const coverageGoal = 0.5;

export interface CoverageFigure {
  municipalities: number;
  population: number;
  signedMunicipalities: number;
  signedPopulation: number;
  /** signedPopulation / population, 0 when the group has no inhabitants. */
  share: number;
  /** Strictly more than the goal: "more than half". */
  goalMet: boolean;
}

export interface CountyCoverage extends CoverageFigure {
  countyNumber: string;
  countyName: string;
  inScope: boolean;
}

export interface Coverage {
  all: CoverageFigure;
  inScope: CoverageFigure;
  counties: CountyCoverage[];
  excludedCounties: readonly string[];
}

type Pop = Pick<Municipality, 'number' | 'countyNumber' | 'countyName' | 'population'>;

function figure(group: readonly Pop[], signed: (m: Pop) => boolean): CoverageFigure {
  let population = 0;
  let signedPopulation = 0;
  let signedMunicipalities = 0;
  for (const m of group) {
    population += m.population;
    if (signed(m)) {
      signedPopulation += m.population;
      signedMunicipalities++;
    }
  }
  const share = population === 0 ? 0 : signedPopulation / population;
  return { municipalities: group.length, population, signedMunicipalities, signedPopulation, share, goalMet: share > coverageGoal };
}

/**
 * The share of the population living in municipalities that have signed an intention
 * declaration: over all municipalities, over those in scope (all but the excluded counties), and
 * per county (in county number order).
 */
export function populationCoverage(
  municipalities: readonly Pop[],
  statusOf: ReadonlyMap<string, IntentionStatus>,
  options: { excludedCounties: readonly string[] },
): Coverage {
  const excluded = new Set(options.excludedCounties);
  const signed = (m: Pop) => statusOf.get(m.number) === 'signed';
  const counties = new Map<string, { name: string; members: Pop[] }>();
  for (const m of municipalities) {
    const county = counties.get(m.countyNumber) ?? { name: m.countyName, members: [] };
    county.members.push(m);
    counties.set(m.countyNumber, county);
  }
  return {
    all: figure(municipalities, signed),
    inScope: figure(municipalities.filter((m) => !excluded.has(m.countyNumber)), signed),
    counties: [...counties]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([countyNumber, c]) => ({ countyNumber, countyName: c.name, inScope: !excluded.has(countyNumber), ...figure(c.members, signed) })),
    excludedCounties: [...excluded].sort(),
  };
}

/** How many municipalities, and how many inhabitants, stand at each intention status (no declaration: undecided). */
export function intentionTally(municipalities: readonly Pop[], statusOf: ReadonlyMap<string, IntentionStatus>): Record<IntentionStatus, { municipalities: number; population: number }> {
  const tally: Record<IntentionStatus, { municipalities: number; population: number }> = {
    undecided: { municipalities: 0, population: 0 },
    considering: { municipalities: 0, population: 0 },
    signed: { municipalities: 0, population: 0 },
    declined: { municipalities: 0, population: 0 },
  };
  for (const m of municipalities) {
    const entry = tally[statusOf.get(m.number) ?? 'undecided'];
    entry.municipalities++;
    entry.population += m.population;
  }
  return tally;
}
