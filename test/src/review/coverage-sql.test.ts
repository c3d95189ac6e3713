import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageOfCounts, intentionTally, intentionTallyOfCounts, populationCoverage } from '../../../model/review/coverage.ts';
import type { IntentionStatus } from '../../../model/review/schemas.ts';
import { allDeclarations, countiesOutsideSharedRecord, countyStatusCountsOf, listMunicipalities } from '../../../src/db/queries/review/intentions.ts';
import type { Db } from '../../../src/db/index.ts';
import { testDb } from '../../helpers.ts';

/**
 * The dashboard counts the municipalities per county and intention status in SQL (GROUP BY)
 * instead of reading every municipality and declaration. Its coverage and tallies must be those
 * the model's reference gives from every municipality and declaration, counted one by one.
 */
let db: Db;
beforeAll(async () => {
  db = await testDb();
  const at = '2026-11-20T12:00:00.000Z';
  const municipalities = await listMunicipalities(db);
  // Declarations in every status, in counties in and out of scope, and most municipalities with none.
  const statuses: IntentionStatus[] = ['signed', 'considering', 'declined', 'undecided'];
  const declared = municipalities.filter((_, i) => i % 3 === 0).map((m, i) => ({ municipality_number: m.number, status: statuses[i % 4]!, decided_on: null, reference: '', updated_at: at, updated_by: null }));
  await db.insertInto('intention_declaration').values(declared).execute();
});
afterAll(() => db.destroy());

describe('the coverage of intention declarations counted in SQL', () => {
  it('equals the count over every municipality and declaration: overall, in scope, per county and per status', async () => {
    const [municipalities, declarations, outside, counts] = await Promise.all([listMunicipalities(db), allDeclarations(db), countiesOutsideSharedRecord(db), countyStatusCountsOf(db)]);
    const statusOf = new Map(declarations.map((d) => [d.municipalityNumber, d.status]));
    const options = { excludedCounties: outside.map((c) => c.countyNumber) };
    expect(options.excludedCounties.length).toBeGreaterThan(0);
    const coverage = coverageOfCounts(counts, options);
    expect(coverage).toEqual(populationCoverage(municipalities, statusOf, options));
    expect(coverage.all.signedMunicipalities).toBeGreaterThan(0);
    expect(coverage.counties.length).toBe(new Set(municipalities.map((m) => m.countyNumber)).size);
    expect(intentionTallyOfCounts(counts)).toEqual(intentionTally(municipalities, statusOf));
    // Counted one by one, without the model's help.
    const signed = municipalities.filter((m) => statusOf.get(m.number) === 'signed');
    expect(coverage.all.signedPopulation).toBe(signed.reduce((n, m) => n + m.population, 0));
    expect(intentionTallyOfCounts(counts).undecided.municipalities).toBe(municipalities.filter((m) => (statusOf.get(m.number) ?? 'undecided') === 'undecided').length);
  });
});
