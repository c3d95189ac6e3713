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

/**
 * The municipalities of one county at one intention status (no declaration: undecided), counted:
 * all the coverage figures need, so a database can count them (GROUP BY) instead of handing over
 * every municipality and declaration.
 */
export interface CountyStatusCount {
  countyNumber: string;
  countyName: string;
  status: IntentionStatus;
  municipalities: number;
  population: number;
}

/** The municipalities counted per county and status (the reference for the database's GROUP BY). */
export function countyStatusCounts(municipalities: readonly Pop[], statusOf: ReadonlyMap<string, IntentionStatus>): CountyStatusCount[] {
  const counts = new Map<string, CountyStatusCount>();
  for (const m of municipalities) {
    const status = statusOf.get(m.number) ?? 'undecided';
    const id = `${m.countyNumber}\u0000${status}`;
    const count = counts.get(id) ?? { countyNumber: m.countyNumber, countyName: m.countyName, status, municipalities: 0, population: 0 };
    count.municipalities++;
    count.population += m.population;
    counts.set(id, count);
  }
  return [...counts.values()];
}

function figure(group: readonly CountyStatusCount[]): CoverageFigure {
  let municipalities = 0;
  let population = 0;
  let signedPopulation = 0;
  let signedMunicipalities = 0;
  for (const g of group) {
    municipalities += g.municipalities;
    population += g.population;
    if (g.status === 'signed') {
      signedPopulation += g.population;
      signedMunicipalities += g.municipalities;
    }
  }
  const share = population === 0 ? 0 : signedPopulation / population;
  return { municipalities, population, signedMunicipalities, signedPopulation, share, goalMet: share > coverageGoal };
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
  return coverageOfCounts(countyStatusCounts(municipalities, statusOf), options);
}

/** `populationCoverage` from the municipalities counted per county and status. */
export function coverageOfCounts(counts: readonly CountyStatusCount[], options: { excludedCounties: readonly string[] }): Coverage {
  const excluded = new Set(options.excludedCounties);
  const counties = new Map<string, { name: string; members: CountyStatusCount[] }>();
  for (const g of counts) {
    const county = counties.get(g.countyNumber) ?? { name: g.countyName, members: [] };
    county.members.push(g);
    counties.set(g.countyNumber, county);
  }
  return {
    all: figure(counts),
    inScope: figure(counts.filter((g) => !excluded.has(g.countyNumber))),
    counties: [...counties]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([countyNumber, c]) => ({ countyNumber, countyName: c.name, inScope: !excluded.has(countyNumber), ...figure(c.members) })),
    excludedCounties: [...excluded].sort(),
  };
}

/** How many municipalities, and how many inhabitants, stand at each intention status (no declaration: undecided). */
export function intentionTally(municipalities: readonly Pop[], statusOf: ReadonlyMap<string, IntentionStatus>): Record<IntentionStatus, { municipalities: number; population: number }> {
  return intentionTallyOfCounts(countyStatusCounts(municipalities, statusOf));
}

/** `intentionTally` from the municipalities counted per county and status. */
export function intentionTallyOfCounts(counts: readonly CountyStatusCount[]): Record<IntentionStatus, { municipalities: number; population: number }> {
  const tally: Record<IntentionStatus, { municipalities: number; population: number }> = {
    undecided: { municipalities: 0, population: 0 },
    considering: { municipalities: 0, population: 0 },
    signed: { municipalities: 0, population: 0 },
    declined: { municipalities: 0, population: 0 },
  };
  for (const g of counts) {
    tally[g.status].municipalities += g.municipalities;
    tally[g.status].population += g.population;
  }
  return tally;
}
