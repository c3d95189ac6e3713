import { describe, expect, it } from 'vitest';
import { sortTallies, stanceTallies } from '../../../model/review/tallies.ts';

const services = [
  { id: 1, name: 'A' },
  { id: 2, name: 'B' },
  { id: 3, name: 'C' },
];
/** Small (10), middle (20) and large (70); only small and large have submitted. */
const municipalities = [
  { number: '0001', population: 10 },
  { number: '0002', population: 20 },
  { number: '0003', population: 70 },
];
const stances = [
  { municipalityNumber: '0001', roundServiceId: 1, stance: 'supports' as const },
  { municipalityNumber: '0003', roundServiceId: 1, stance: 'opposes' as const },
  { municipalityNumber: '0001', roundServiceId: 2, stance: 'supports-with-changes' as const },
  { municipalityNumber: '0003', roundServiceId: 2, stance: 'supports' as const },
  { municipalityNumber: '0003', roundServiceId: 3, stance: 'no-opinion' as const },
];

describe('stance tallies per service', () => {
  const tallies = stanceTallies(services, ['0001', '0003'], stances, municipalities);

  it('counts each submitting municipality once per service and weights it by its population', () => {
    expect(tallies.map((t) => [t.service.name, t.counts, t.population, t.contested])).toEqual([
      ['A', { supports: 1, 'supports-with-changes': 0, opposes: 1, 'no-opinion': 0, unanswered: 0 }, { supports: 10, 'supports-with-changes': 0, opposes: 70, 'no-opinion': 0, unanswered: 0 }, 70],
      ['B', { supports: 1, 'supports-with-changes': 1, opposes: 0, 'no-opinion': 0, unanswered: 0 }, { supports: 70, 'supports-with-changes': 10, opposes: 0, 'no-opinion': 0, unanswered: 0 }, 10],
      // The small municipality submitted without a stance on C: unanswered, not "no opinion".
      ['C', { supports: 0, 'supports-with-changes': 0, opposes: 0, 'no-opinion': 1, unanswered: 1 }, { supports: 0, 'supports-with-changes': 0, opposes: 0, 'no-opinion': 70, unanswered: 10 }, 0],
    ]);
  });

  it('ignores stances of municipalities that have not submitted', () => {
    const withDraft = stanceTallies(services, ['0001'], [...stances, { municipalityNumber: '0002', roundServiceId: 3, stance: 'opposes' }], municipalities);
    expect(withDraft[2]!.counts.opposes).toBe(0);
    expect(withDraft[2]!.counts.unanswered).toBe(1);
  });

  it('sorts to find the most contested, by population first and count second, ties in list order', () => {
    const reversed = [...tallies].reverse(); // C, B, A
    expect(sortTallies(reversed, 'omstridt').map((t) => t.service.name)).toEqual(['A', 'B', 'C']);
    expect(sortTallies(reversed, 'stotter').map((t) => t.service.name)).toEqual(['B', 'A', 'C']);
    expect(sortTallies(reversed, 'endringer').map((t) => t.service.name)).toEqual(['B', 'C', 'A']);
    expect(sortTallies(reversed, 'mot').map((t) => t.service.name)).toEqual(['A', 'C', 'B']);
    expect(sortTallies([...tallies].reverse(), 'liste').map((t) => t.service.name)).toEqual(['C', 'B', 'A']);
  });
});
