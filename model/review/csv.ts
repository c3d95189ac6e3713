import { csvLine } from '../audit.ts';
import type { ExportFormat } from '../export-format.ts';
import type { Municipality } from '../schemas.ts';
import type { Coverage, CoverageFigure } from './coverage.ts';
import { intentionStatuses, intentionStatusLabel, stanceLabel, unansweredLabel, type IntentionStatus, type Stance } from './schemas.ts';
import type { SnapshotService } from './snapshot.ts';
import { answers, type Answer, type ServiceTally } from './tallies.ts';

/**
 * A CSV file as spreadsheets open it: a byte-order mark so æøå read as UTF-8, CRLF line ends,
 * and every cell through `csvLine` (quoted where needed, formulas defused).
 */
export function csvDocument(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return `\uFEFF${[csvLine([...header]), ...rows.map((r) => csvLine([...r]))].join('\r\n')}\r\n`;
}

export const roundResultsHeader = [
  'runde_id',
  'runde',
  'kommunenummer',
  'kommune',
  'fylkesnummer',
  'fylke',
  'innbyggere',
  'tjeneste_nokkel',
  'tjeneste',
  'informasjonskategori',
  'leveransetrinn',
  'standpunkt',
  'kommentar',
  'sendt_inn',
  'sendt_inn_utc',
] as const;

export interface FrozenServiceRef extends SnapshotService {
  id: number;
}

/**
 * A round's results: one row per municipality that submitted and service on the round's list,
 * with the stance ("Ikke besvart" where it gave none), its comment, population and county.
 */
export function roundResultsCsv(
  round: { id: number; title: string },
  services: readonly FrozenServiceRef[],
  reviews: ReadonlyArray<{ municipality: Municipality; submittedAt: string | null }>,
  entries: ReadonlyArray<{ municipalityNumber: string; roundServiceId: number; stance: Stance | null; comment: string }>,
  format: ExportFormat,
): string {
  const entryOf = new Map(entries.map((e) => [`${e.municipalityNumber}:${e.roundServiceId}`, e]));
  const rows = reviews.flatMap(({ municipality: m, submittedAt }) =>
    services.map((s) => {
      const entry = entryOf.get(`${m.number}:${s.id}`);
      return [
        round.id,
        round.title,
        m.number,
        m.name,
        m.countyNumber,
        m.countyName,
        m.population,
        s.key,
        s.name,
        s.categoryName ?? '',
        s.tierName ?? '',
        entry?.stance ? stanceLabel[entry.stance] : unansweredLabel,
        entry?.comment ?? '',
        format.localTime(submittedAt),
        submittedAt ?? '',
      ];
    }),
  );
  return csvDocument(roundResultsHeader, rows);
}

export const dashboardHeader = ['seksjon', 'nokkel', 'navn', 'kategori', 'kommuner', 'innbyggere', 'av_kommuner', 'av_innbyggere', 'andel_innbyggere_prosent'] as const;

export interface DashboardFigures {
  coverage: Coverage;
  intentions: Record<IntentionStatus, { municipalities: number; population: number }>;
  /** The round the review figures are for, if any. */
  round: { id: number; title: string } | null;
  reviewed: { municipalities: number; population: number };
  tallies: ReadonlyArray<ServiceTally<{ key: string; name: string }>>;
}

/**
 * The dashboard's figures in one long table, one figure per row, so a spreadsheet can filter and
 * pivot it: coverage of signed declarations (all, in scope, per county), the declarations by
 * status, the municipalities that have reviewed, and each service's stances.
 */
export function dashboardCsv(f: DashboardFigures, format: ExportFormat): string {
  const percent = format.percent;
  const total = f.coverage.all;
  const coverageRow = (key: string, name: string, c: CoverageFigure) => [
    'dekning',
    key,
    name,
    intentionStatusLabel.signed,
    c.signedMunicipalities,
    c.signedPopulation,
    c.municipalities,
    c.population,
    percent(c.signedPopulation, c.population),
  ];
  const rows: unknown[][] = [
    coverageRow('alle', 'Alle kommuner', f.coverage.all),
    coverageRow('i-omfang', 'Kommuner i omfanget', f.coverage.inScope),
    ...f.coverage.counties.map((c) => coverageRow(`fylke-${c.countyNumber}`, `${c.countyName}${c.inScope ? '' : ' (utenfor omfanget)'}`, c)),
    ...intentionStatuses.map((s) => [
      'intensjon',
      s,
      intentionStatusLabel[s],
      intentionStatusLabel[s],
      f.intentions[s].municipalities,
      f.intentions[s].population,
      total.municipalities,
      total.population,
      percent(f.intentions[s].population, total.population),
    ]),
  ];
  if (f.round) {
    rows.push([
      'vurdert',
      `runde-${f.round.id}`,
      f.round.title,
      'Sendt inn',
      f.reviewed.municipalities,
      f.reviewed.population,
      total.municipalities,
      total.population,
      percent(f.reviewed.population, total.population),
    ]);
    for (const t of f.tallies) {
      for (const a of answers) rows.push(['tjeneste', t.service.key, t.service.name, answerLabel(a), t.counts[a], t.population[a], f.reviewed.municipalities, f.reviewed.population, percent(t.population[a], f.reviewed.population)]);
    }
  }
  return csvDocument(dashboardHeader, rows);
}

export const answerLabel = (a: Answer) => (a === 'unanswered' ? unansweredLabel : stanceLabel[a]);
