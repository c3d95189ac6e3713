import { csvLine } from '../audit.ts';
import type { ExportFormat } from '../export-format.ts';
import type { Municipality } from '../schemas.ts';
import type { Coverage, CoverageFigure } from './coverage.ts';
import type { MessageKey } from '../../views/i18n/keys.ts';
import { intentionStatuses, intentionStatusKey, stanceKey, type IntentionStatus, type Stance } from './schemas.ts';
import type { SnapshotService } from './snapshot.ts';
import { answers, type Answer, type ServiceTally } from './tallies.ts';

/**
 * A CSV file as spreadsheets open it: a byte-order mark so æøå read as UTF-8, CRLF line ends,
 * and every cell through `csvLine` (quoted where needed, formulas defused).
 */
export function csvDocument(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return `\uFEFF${[csvLine([...header]), ...rows.map((r) => csvLine([...r]))].join('\r\n')}\r\n`;
}

/**
 * The words of an export in the reader's language (`I18n['t']`): column names and labels come
 * from the catalogues (`review.csv.*`), so a bokmål reader gets "standpunkt", an English one "stance".
 */
export type ExportWords = (key: MessageKey, values?: Record<string, string | number>) => string;

export const roundResultsColumns = [
  'roundId',
  'round',
  'municipalityNumber',
  'municipality',
  'countyNumber',
  'county',
  'population',
  'serviceKey',
  'service',
  'category',
  'tier',
  'stance',
  'comment',
  'submitted',
  'submittedUtc',
] as const;

/** The column names of a round's results, in the reader's language. */
export const roundResultsHeader = (t: ExportWords) => roundResultsColumns.map((c) => t(`review.csv.${c}`));

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
  t: ExportWords,
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
        t(entry?.stance ? stanceKey(entry.stance) : 'review.stance.unanswered'),
        entry?.comment ?? '',
        format.localTime(submittedAt),
        submittedAt ?? '',
      ];
    }),
  );
  return csvDocument(roundResultsHeader(t), rows);
}

export const dashboardColumns = ['section', 'key', 'name', 'category', 'municipalities', 'population', 'ofMunicipalities', 'ofPopulation', 'sharePercent'] as const;

/** The dashboard export's column names, in the reader's language. */
export const dashboardHeader = (t: ExportWords) => dashboardColumns.map((c) => t(`review.csv.dashboard.${c}`));

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
export function dashboardCsv(f: DashboardFigures, format: ExportFormat, t: ExportWords): string {
  const percent = format.percent;
  const total = f.coverage.all;
  const coverageRow = (key: string, name: string, c: CoverageFigure) => [
    'dekning',
    key,
    name,
    t(intentionStatusKey('signed')),
    c.signedMunicipalities,
    c.signedPopulation,
    c.municipalities,
    c.population,
    percent(c.signedPopulation, c.population),
  ];
  const rows: unknown[][] = [
    coverageRow('alle', t('review.csv.allMunicipalities'), f.coverage.all),
    coverageRow('i-omfang', t('review.csv.inScope'), f.coverage.inScope),
    ...f.coverage.counties.map((c) => coverageRow(`fylke-${c.countyNumber}`, c.inScope ? c.countyName : t('review.csv.countyOutside', { county: c.countyName }), c)),
    ...intentionStatuses.map((s) => [
      'intensjon',
      s,
      t(intentionStatusKey(s)),
      t(intentionStatusKey(s)),
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
      t('review.reviewStatus.submitted'),
      f.reviewed.municipalities,
      f.reviewed.population,
      total.municipalities,
      total.population,
      percent(f.reviewed.population, total.population),
    ]);
    for (const tally of f.tallies) {
      for (const a of answers) rows.push(['tjeneste', tally.service.key, tally.service.name, t(answerKey(a)), tally.counts[a], tally.population[a], f.reviewed.municipalities, f.reviewed.population, percent(tally.population[a], f.reviewed.population)]);
    }
  }
  return csvDocument(dashboardHeader(t), rows);
}

/** A tally column's label in the interface: a stance, or "not answered". */
export const answerKey = (a: Answer): MessageKey => (a === 'unanswered' ? 'review.stance.unanswered' : stanceKey(a));
