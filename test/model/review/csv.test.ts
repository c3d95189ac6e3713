import { describe, expect, it } from 'vitest';
import { populationCoverage, intentionTally } from '../../../model/review/coverage.ts';
import { exportFormat } from '../../../model/export-format.ts';
import { dashboardCsv, dashboardHeader, roundResultsCsv, roundResultsHeader } from '../../../model/review/csv.ts';
import { stanceTallies } from '../../../model/review/tallies.ts';
import { parseCsv } from '../../csv.ts';
import { i18nFor } from '../../../views/i18n/index.ts';

const nb = i18nFor('nb').t;
const en = i18nFor('en').t;

const oslo = { number: '0301', name: 'Oslo', countyNumber: '03', countyName: 'Oslo', population: 717710 };
const utsira = { number: '1151', name: 'Utsira', countyNumber: '11', countyName: 'Rogaland', population: 212 };
const service = (id: number, name: string) => ({ id, elementId: id, key: `t-${id}`, name, description: '', categoryKey: 'k', categoryName: 'Kategori', tierKey: 'a', tierName: '2023', tentative: true });

describe('a round’s results as CSV', () => {
  const csv = roundResultsCsv(
    { id: 3, title: 'Runde, «vår»' },
    [service(1, 'Multidose'), service(2, 'Plan')],
    [
      { municipality: oslo, submittedAt: '2026-11-26T12:00:00.000Z' },
      { municipality: utsira, submittedAt: '2026-11-27T08:00:00.000Z' },
    ],
    [
      { municipalityNumber: '0301', roundServiceId: 1, stance: 'supports-with-changes', comment: '=HYPERLINK("http://x")\nlinje 2' },
      { municipalityNumber: '1151', roundServiceId: 2, stance: 'opposes', comment: 'Æ, ø og "å"' },
    ],
    exportFormat('nb-NO'),
    nb,
  );
  const rows = parseCsv(csv);

  it('has one row per municipality and service, with stance, comment, population and county', () => {
    expect(rows[0]).toEqual(['runde_id', 'runde', 'kommunenummer', 'kommune', 'fylkesnummer', 'fylke', 'innbyggere', 'tjeneste_nokkel', 'tjeneste', 'informasjonskategori', 'leveransetrinn', 'standpunkt', 'kommentar', 'sendt_inn', 'sendt_inn_utc']);
    expect(roundResultsHeader(en).slice(-4)).toEqual(['stance', 'comment', 'submitted', 'submitted_utc']);
    expect(rows).toHaveLength(1 + 2 * 2);
    expect(rows[1]).toEqual(['3', 'Runde, «vår»', '0301', 'Oslo', '03', 'Oslo', '717710', 't-1', 'Multidose', 'Kategori', '2023', 'Støtter med endringer', `'=HYPERLINK("http://x")\nlinje 2`, '2026-11-26 13:00:00', '2026-11-26T12:00:00.000Z']);
    expect(rows[2]!.slice(7, 13)).toEqual(['t-2', 'Plan', 'Kategori', '2023', 'Ikke besvart', '']);
    expect(rows[4]!.slice(2, 13)).toEqual(['1151', 'Utsira', '11', 'Rogaland', '212', 't-2', 'Plan', 'Kategori', '2023', 'Støtter ikke', 'Æ, ø og "å"']);
  });

  it('writes the time as a clock in Norway shows it, with the exact instant beside it for machines', () => {
    // 08:00 UTC on 27 November is 09:00 in Norway (winter time).
    expect(rows[3]!.slice(-2)).toEqual(['2026-11-27 09:00:00', '2026-11-27T08:00:00.000Z']);
  });

  it('defuses a comment a spreadsheet would run as a formula, and ends lines with CRLF', () => {
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")\nlinje 2"`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('the dashboard figures as CSV', () => {
  const municipalities = [oslo, utsira, { number: '5001', name: 'Trondheim', countyNumber: '50', countyName: 'Trøndelag', population: 214565 }];
  const statusOf = new Map([['0301', 'signed' as const], ['5001', 'signed' as const]]);
  const services = [service(1, 'Multidose')];
  const csv = dashboardCsv({
    coverage: populationCoverage(municipalities, statusOf, { excludedCounties: ['50'] }),
    intentions: intentionTally(municipalities, statusOf),
    round: { id: 1, title: 'R1' },
    reviewed: { municipalities: 1, population: 717710 },
    tallies: stanceTallies(services, ['0301'], [{ municipalityNumber: '0301', roundServiceId: 1, stance: 'supports' }], municipalities),
  }, exportFormat('nb-NO'), nb);
  const rows = parseCsv(csv);
  const find = (section: string, key: string, category?: string) => rows.find((r) => r[0] === section && r[1] === key && (category === undefined || r[3] === category));

  it('has one figure per row under the documented columns', () => {
    expect(rows[0]).toEqual(dashboardHeader(nb));
    expect(rows[0]).toEqual(['seksjon', 'nokkel', 'navn', 'kategori', 'kommuner', 'innbyggere', 'av_kommuner', 'av_innbyggere', 'andel_innbyggere_prosent']);
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
  });

  it('gives coverage over all, in scope and per county, with the share as a percentage', () => {
    expect(find('dekning', 'alle')).toEqual(['dekning', 'alle', 'Alle kommuner', 'Signert', '2', '932275', '3', '932487', '100,0']);
    expect(find('dekning', 'i-omfang')).toEqual(['dekning', 'i-omfang', 'Kommuner i omfanget', 'Signert', '1', '717710', '2', '717922', '100,0']);
    expect(find('dekning', 'fylke-50')?.[2]).toBe('Trøndelag (utenfor omfanget)');
    expect(find('intensjon', 'undecided')?.slice(4, 6)).toEqual(['1', '212']);
  });

  it('gives the reviewed municipalities and each service’s stances', () => {
    expect(find('vurdert', 'runde-1')?.slice(4, 6)).toEqual(['1', '717710']);
    expect(find('tjeneste', 't-1', 'Støtter')?.slice(4)).toEqual(['1', '717710', '1', '717710', '100,0']);
    expect(find('tjeneste', 't-1', 'Støtter ikke')?.slice(4)).toEqual(['0', '0', '1', '717710', '0,0']);
    expect(rows.filter((r) => r[0] === 'tjeneste')).toHaveLength(5);
  });

  it('writes shares with the language’s decimal separator, rounded to one decimal as the dashboard shows them', () => {
    const english = parseCsv(dashboardCsv({
      coverage: populationCoverage(municipalities, statusOf, { excludedCounties: ['50'] }),
      intentions: intentionTally(municipalities, statusOf),
      round: null,
      reviewed: { municipalities: 0, population: 0 },
      tallies: [],
    }, exportFormat('en-GB'), en));
    const oneIn = parseCsv(dashboardCsv({
      coverage: populationCoverage([oslo, utsira], new Map([['1151', 'signed' as const]]), { excludedCounties: [] }),
      intentions: intentionTally([oslo, utsira], new Map([['1151', 'signed' as const]])),
      round: null,
      reviewed: { municipalities: 0, population: 0 },
      tallies: [],
    }, exportFormat('nb-NO'), nb));
    expect(english.find((r) => r[0] === 'dekning' && r[1] === 'alle')?.[8]).toBe('100.0');
    // The English export speaks English: its column names and labels, not bokmål.
    expect(english[0]).toEqual(['section', 'key', 'name', 'category', 'municipalities', 'inhabitants', 'of_municipalities', 'of_inhabitants', 'share_of_inhabitants_percent']);
    expect(english.find((r) => r[0] === 'dekning' && r[1] === 'alle')?.slice(2, 4)).toEqual(['All municipalities', 'Signed']);
    // 212 of 717 922 is 0.0295 %: "0,0", never "0.03".
    expect(oneIn.find((r) => r[0] === 'dekning' && r[1] === 'alle')?.[8]).toBe('0,0');
  });
});
