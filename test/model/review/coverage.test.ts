import { describe, expect, it } from 'vitest';
import { helseplattformenCounties, intentionTally, populationCoverage } from '../../../model/review/coverage.ts';
import type { IntentionStatus } from '../../../model/review/schemas.ts';

const municipality = (number: string, countyNumber: string, population: number) => ({ number, countyNumber, countyName: `Fylke ${countyNumber}`, population });

/** Four municipalities, 1 000 inhabitants; county 15 (Helseplattformen's region) holds 300 of them. */
const four = [municipality('0301', '03', 100), municipality('1101', '11', 200), municipality('1501', '15', 300), municipality('4601', '46', 400)];
const statuses = (entries: Array<[string, IntentionStatus]>) => new Map(entries);

describe('population coverage of signed declarations', () => {
  it('weights by population, over all municipalities and over those in scope', () => {
    const coverage = populationCoverage(four, statuses([['0301', 'signed'], ['1501', 'signed'], ['4601', 'considering']]), { excludedCounties: ['15'] });
    expect(coverage.all).toEqual({ municipalities: 4, population: 1000, signedMunicipalities: 2, signedPopulation: 400, share: 0.4, goalMet: false });
    // In scope: 0301, 1101 and 4601 (700 inhabitants), of which only Oslo (100) has signed.
    expect(coverage.inScope).toMatchObject({ municipalities: 3, population: 700, signedMunicipalities: 1, signedPopulation: 100 });
    expect(coverage.inScope.share).toBeCloseTo(100 / 700, 12);
    expect(coverage.excludedCounties).toEqual(['15']);
  });

  it('gives each county its own figure, in county order, marked in scope or not', () => {
    const coverage = populationCoverage([...four].reverse(), statuses([['1501', 'signed']]), { excludedCounties: helseplattformenCounties });
    expect(coverage.counties.map((c) => [c.countyNumber, c.inScope, c.signedPopulation, c.population, c.share, c.goalMet])).toEqual([
      ['03', true, 0, 100, 0, false],
      ['11', true, 0, 200, 0, false],
      ['15', false, 300, 300, 1, true],
      ['46', true, 0, 400, 0, false],
    ]);
  });

  it('counts the goal as met only above one half, as the programme states it', () => {
    const half = populationCoverage([municipality('0001', '03', 50), municipality('0002', '03', 50)], statuses([['0001', 'signed']]), { excludedCounties: [] });
    expect(half.all.share).toBe(0.5);
    expect(half.all.goalMet).toBe(false);
    const more = populationCoverage([municipality('0001', '03', 51), municipality('0002', '03', 49)], statuses([['0001', 'signed']]), { excludedCounties: [] });
    expect(more.all.goalMet).toBe(true);
  });

  it('counts every municipality in scope when nothing is excluded, and a county with nobody as 0 %', () => {
    const coverage = populationCoverage([...four, municipality('9999', '99', 0)], statuses([['9999', 'signed']]), { excludedCounties: [] });
    expect(coverage.inScope).toEqual(coverage.all);
    expect(coverage.counties.at(-1)).toMatchObject({ countyNumber: '99', share: 0, signedMunicipalities: 1 });
  });
});

describe('declarations by status', () => {
  it('counts municipalities and inhabitants per status, without a declaration as not taken a position', () => {
    const tally = intentionTally(four, statuses([['0301', 'signed'], ['1101', 'declined'], ['1501', 'considering']]));
    expect(tally).toEqual({
      undecided: { municipalities: 1, population: 400 },
      considering: { municipalities: 1, population: 300 },
      signed: { municipalities: 1, population: 100 },
      declined: { municipalities: 1, population: 200 },
    });
  });
});
