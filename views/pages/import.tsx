import type { ImportReport, RowProblem } from '../../model/exchange/sheet-import.ts';
import { PageHeader, TabLinks } from '../components/common.tsx';
import { Notice } from '../components/form.tsx';
import { Pager } from '../components/pager.tsx';
import { useI18n, type I18n, type MessageKey } from '../i18n/index.ts';
import { issueText } from '../i18n/issues.ts';

/*
 * The spreadsheet import (issue 15): the upload form, the progress of a running job, the dry-run
 * report with the choice to apply it, and the result.
 */

const crumbsOf = (t: (k: MessageKey) => string, current?: string) => [
  { href: '/', label: t('layout.nav.overview') },
  { href: '/krav', label: t('kinds.requirement.plural') },
  ...(current ? [{ href: '/import', label: t('import.title') }, { label: current }] : [{ label: t('import.title') }]),
];

export interface Refusal {
  code: string;
  values: Record<string, string | number>;
}

/** A refusal of the whole file in the reader's language. */
export function refusalText(t: (k: MessageKey, v?: Record<string, string | number>) => string, refusal: Refusal): string {
  return t(`import.refused.${refusal.code}` as MessageKey, refusal.values);
}

/** What is wrong in a problem's cell, in the reader's language (a field's own rule, stored as its catalogue message, too). */
export function problemMessage(i18n: I18n, p: RowProblem): string {
  const values = typeof p.values.message === 'string' ? { ...p.values, message: issueText({ message: p.values.message }, i18n) } : p.values;
  return i18n.t(`import.problem.${p.code}` as MessageKey, values);
}

/** One problem as "Rad 14, kolonne «Prioritet»: …". */
export function problemText(i18n: I18n, p: RowProblem): string {
  const { t } = i18n;
  const message = problemMessage(i18n, p);
  return p.column === null ? t('import.problemRow', { row: p.row, message }) : t('import.problemAt', { row: p.row, column: p.column, message });
}

export function ImportUploadPage({ refusal, limits }: { refusal?: Refusal | undefined; limits: { rows: number; megabytes: number } }) {
  const { t, tx } = useI18n();
  return (
    <>
      <PageHeader title={t('import.title')} lead={t('import.lead')} crumbs={crumbsOf(t)} />
      {refusal ? (
        <div class="ds-alert" data-color="danger" role="alert" tabindex={-1} autofocus>
          <h2 class="ds-heading" data-size="xs">
            {t('import.refusedTitle')}
          </h2>
          <p class="ds-paragraph">{refusalText(t, refusal)}</p>
        </div>
      ) : null}
      <section aria-labelledby="import-kolonner">
        <h2 class="ds-heading" data-size="sm" id="import-kolonner">
          {t('import.layoutTitle')}
        </h2>
        <p class="ds-paragraph">
          {tx('import.layoutText', {
            sheet: (text) => (
              <a class="ds-link" href="/eksport/krav.xlsx">
                {text}
              </a>
            ),
            csv: (text) => (
              <a class="ds-link" href="/eksport/krav.csv">
                {text}
              </a>
            ),
            // The export's file and column names are bokmål in every language.
            file: (text) => <span lang="nb">{text}</span>,
            col: (text) => <span lang="nb">{text}</span>,
          })}
        </p>
        <p class="ds-paragraph">{t('import.limits', limits)}</p>
      </section>
      <section aria-labelledby="import-dokumenter">
        <h2 class="ds-heading" data-size="sm" id="import-dokumenter">
          {t('import.documentsTitle')}
        </h2>
        <p class="ds-paragraph">{tx('import.documentsText', { prop: (text) => <code lang="nb">{text}</code> })}</p>
      </section>
      <form method="post" action="/import" enctype="multipart/form-data" class="import-upload">
        <div class="ds-field">
          <label class="ds-label" for="import-fil">
            {t('import.file')}
          </label>
          <div data-field="description" id="import-fil-hjelp">
            {t('import.fileHelp')}
          </div>
          <input
            class="ds-input"
            id="import-fil"
            name="fil"
            type="file"
            required
            accept=".xlsx,.csv,.reqif,.xml,.json,text/csv,application/json,application/xml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="import-fil-hjelp"
          />
        </div>
        <button class="ds-button" type="submit">
          {t('import.upload')}
        </button>
      </form>
    </>
  );
}

export interface JobView {
  id: string;
  phase: 'reading' | 'checking' | 'writing' | 'done' | 'failed';
  done: number;
  total: number;
  next: string;
  failure?: string | undefined;
}

/**
 * A running job's progress: a `<progress>` bar named by its label, and a line that says where it
 * is. htmx asks again shortly and swaps this in place; when the job is done the answer sends the
 * page on to the result. Without JavaScript, a link does the same.
 */
export function ImportProgress({ job }: { job: JobView }) {
  const { t, number } = useI18n();
  const running = job.phase !== 'done' && job.phase !== 'failed';
  const status =
    job.phase === 'writing'
      ? t('import.progress.writing', { done: job.done, total: job.total })
      : job.phase === 'failed'
        ? t('import.progress.failed', { reason: job.failure ?? '' })
        : t(`import.progress.${job.phase}`);
  return (
    <div
      id="import-fremdrift"
      class="import-progress"
      {...(running ? { 'hx-get': `/import/jobb/${job.id}`, 'hx-trigger': 'load delay:400ms', 'hx-target': 'this', 'hx-swap': 'outerHTML' } : {})}
    >
      <label class="ds-label" for="import-fremdrift-linje" id="import-fremdrift-navn">
        {t('import.progress.label')}
      </label>
      {job.phase === 'writing' && job.total > 0 ? (
        <progress id="import-fremdrift-linje" max={job.total} value={job.done} aria-valuetext={status}>
          {number(job.done)} / {number(job.total)}
        </progress>
      ) : job.phase === 'done' ? (
        <progress id="import-fremdrift-linje" max={1} value={1} aria-valuetext={status}></progress>
      ) : (
        <progress id="import-fremdrift-linje" aria-valuetext={status}></progress>
      )}
      <p class="ds-paragraph" role="status">
        {status}
      </p>
      {running ? (
        <noscript>
          <p class="ds-paragraph">
            <a class="ds-link" href={job.next}>
              {t('import.progress.refresh')}
            </a>
          </p>
        </noscript>
      ) : (
        <p class="ds-paragraph">
          <a class="ds-link" href={job.next}>
            {t('import.progress.see')}
          </a>
        </p>
      )}
    </div>
  );
}

export function ImportProgressPage({ job, fileName }: { job: JobView; fileName: string }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('import.progressTitle')} lead={fileName} crumbs={crumbsOf(t, fileName)} />
      <ImportProgress job={job} />
    </>
  );
}

export type ReportSection = 'problemer' | 'konflikter' | 'endret' | 'nye' | 'uendret';
export const reportSections: readonly ReportSection[] = ['problemer', 'konflikter', 'endret', 'nye', 'uendret'];
export const REPORT_PAGE_SIZE = 100;

export interface ImportReportPageProps {
  id: string;
  report: ImportReport;
  fingerprint: string;
  section: ReportSection;
  page: number;
  expiresAt: string;
  leftOut: number;
  notice?: 'replanned' | 'stale' | 'notAll' | undefined;
}

function sectionSize(report: ImportReport, s: ReportSection): number {
  switch (s) {
    case 'problemer':
      return report.problems.length;
    case 'konflikter':
      return report.conflicts.length;
    case 'endret':
      return report.changed.length;
    case 'nye':
      return report.created.length;
    case 'uendret':
      return report.unchanged.length;
  }
}

/** The section to open with: the first that has anything, problems first. */
export function defaultSection(report: ImportReport): ReportSection {
  return reportSections.find((s) => sectionSize(report, s) > 0) ?? 'nye';
}

/** The dry run's report: a summary, one part at a time (paged), and the choice to apply it. */
export function ImportReportPage({ id, report, fingerprint, section, page, expiresAt, leftOut, notice }: ImportReportPageProps) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const size = sectionSize(report, section);
  const pages = Math.max(1, Math.ceil(size / REPORT_PAGE_SIZE));
  const at = Math.min(Math.max(1, page), pages);
  const from = (at - 1) * REPORT_PAGE_SIZE;
  const slice = <T,>(list: T[]) => list.slice(from, from + REPORT_PAGE_SIZE);
  const problemRows = new Set(report.problems.map((p) => p.row)).size;
  const willWrite = report.created.length + report.changed.length;
  const href = (s: ReportSection, p = 1) => `/import/${id}?vis=${s}${p > 1 ? `&side=${p}` : ''}#rapport`;
  return (
    <>
      <PageHeader title={t('import.reportTitle', { file: report.fileName })} lead={t('import.reportLead')} crumbs={crumbsOf(t, report.fileName)} />
      {notice ? <Notice color="warning">{t(`import.${notice}`)}</Notice> : null}
      <section aria-labelledby="import-sammendrag">
        <h2 class="ds-heading" data-size="sm" id="import-sammendrag">
          {t('import.summary')}
        </h2>
        <p class="ds-paragraph">
          {report.format === 'csv'
            ? t('import.readCsv', { encoding: report.encoding ?? '', delimiter: report.delimiter === '\t' ? 'tab' : (report.delimiter ?? ''), rows: report.rowCount })
            : t('import.read', { format: 'XLSX', rows: report.rowCount })}
        </p>
        <ul class="ds-list import-summary">
          <li>{t('import.count.created', { count: report.created.length })}</li>
          <li>{t('import.count.changed', { count: report.changed.length })}</li>
          <li>{t('import.count.unchanged', { count: report.unchanged.length })}</li>
          <li>{t('import.count.conflicts', { count: report.conflicts.length })}</li>
          <li>{t('import.count.problems', { count: report.problems.length, rows: problemRows })}</li>
        </ul>
        {report.ignoredColumns.length > 0 ? <p class="ds-paragraph muted">{t('import.ignored', { columns: report.ignoredColumns.join(', ') })}</p> : null}
        <p class="ds-paragraph muted">{t('import.expires', { at: dateTime(expiresAt) })}</p>
      </section>

      <section aria-labelledby="import-bruk">
        <h2 class="ds-heading" data-size="sm" id="import-bruk">
          {t('import.applyTitle')}
        </h2>
        {willWrite === 0 ? (
          <p class="ds-paragraph">{t('import.applyNothing')}</p>
        ) : (
          <form method="post" action={`/import/${id}/bruk`} hx-post={`/import/${id}/bruk`} hx-target="#import-valg" hx-swap="innerHTML">
            <input type="hidden" name="plan" value={fingerprint} />
            <div id="import-valg">
              {leftOut === 0 ? (
                <>
                  <p class="ds-paragraph">{t('import.applyAllText')}</p>
                  <button class="ds-button" type="submit" name="mode" value="all">
                    {t('import.applyAll')}
                  </button>
                </>
              ) : (
                <>
                  <p class="ds-paragraph">{t('import.notAll')}</p>
                  <p class="ds-paragraph">{t('import.applyValidText', { count: leftOut })}</p>
                  <button class="ds-button" type="submit" name="mode" value="valid">
                    {t('import.applyValid')}
                  </button>
                </>
              )}
            </div>
          </form>
        )}
      </section>

      <section aria-labelledby="rapport" class="import-report">
        <h2 class="ds-heading" data-size="sm" id="rapport">
          {t('import.sections')}
        </h2>
        <TabLinks
          label={t('import.sections')}
          links={reportSections.map((s) => ({ href: href(s), label: t(`import.section.${s}`, { count: sectionSize(report, s) }), current: s === section }))}
        />
        {size === 0 ? (
          <p class="ds-paragraph muted">{t('import.empty')}</p>
        ) : section === 'problemer' ? (
          <ul class="ds-list import-problems">
            {slice(report.problems).map((p) => (
              <li>{problemText(i18n, p)}</li>
            ))}
          </ul>
        ) : section === 'konflikter' ? (
          <ReportTable
            rows={slice(report.conflicts).map((c) => ({ row: c.row, ref: c.ref, cells: [t('import.conflictText', { file: c.fileVersion, current: c.currentVersion })] }))}
          />
        ) : section === 'endret' ? (
          <DiffTable changes={slice(report.changed)} />
        ) : section === 'nye' ? (
          <ReportTable
            rows={slice(report.created).map((c) => ({
              row: c.row,
              ref: c.fileRef === '' ? t('import.newRef') : t('import.newRefFrom', { ref: c.fileRef }),
              cells: [c.name],
            }))}
            header={t('import.col.name')}
          />
        ) : (
          <ReportTable rows={slice(report.unchanged).map((u) => ({ row: u.row, ref: u.ref, cells: [t('import.unchangedText')] }))} />
        )}
        <Pager page={at} pageSize={REPORT_PAGE_SIZE} total={size} href={(p) => href(section, p)} label={t('import.pages')} idPrefix="rapport-side" />
      </section>
    </>
  );
}

function ReportTable({ rows, header }: { rows: Array<{ row: number; ref: string; cells: string[] }>; header?: string }) {
  const { t } = useI18n();
  return (
    <div class="table-scroll">
      <table class="ds-table" data-border>
        <thead>
          <tr>
            <th scope="col">{t('import.col.row')}</th>
            <th scope="col">{t('import.col.ref')}</th>
            <th scope="col">{header ?? ''}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>{r.row}</td>
              <th scope="row">{r.ref}</th>
              {r.cells.map((c) => (
                <td>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each changed field on its own line: the value now and the value from the file. */
function DiffTable({ changes }: { changes: ImportReport['changed'] }) {
  const { t } = useI18n();
  return (
    <div class="table-scroll">
      <table class="ds-table import-diff" data-border>
        <thead>
          <tr>
            <th scope="col">{t('import.col.row')}</th>
            <th scope="col">{t('import.col.ref')}</th>
            <th scope="col">{t('import.col.field')}</th>
            <th scope="col">{t('import.col.before')}</th>
            <th scope="col">{t('import.col.after')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.flatMap((c) =>
            c.diffs.map((d, i) => (
              <tr>
                <td>{i === 0 ? c.row : ''}</td>
                <th scope="row">{c.ref}</th>
                <td>{d.column}</td>
                <td class="import-diff__before">{d.before}</td>
                <td class="import-diff__after">{d.after}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}

export interface ImportResultView {
  fileName: string;
  created: Array<{ row: number; ref: string; name: string }>;
  changed: Array<{ row: number; ref: string }>;
  unchanged: number;
  leftOut: number[];
}

/** What applying did: the counts, the rows left out, and the requirements it created and changed (the first page of each). */
export function ImportResultPage({ result }: { result: ImportResultView }) {
  const { t } = useI18n();
  const link = (ref: string) => (
    <a class="ds-link" href={`/krav/${ref.toLowerCase()}`}>
      {ref}
    </a>
  );
  return (
    <>
      <PageHeader title={t('import.resultTitle', { file: result.fileName })} crumbs={crumbsOf(t, result.fileName)} />
      <Notice color="success">{t('import.resultText', { created: result.created.length, changed: result.changed.length, unchanged: result.unchanged })}</Notice>
      {result.leftOut.length > 0 ? (
        <p class="ds-paragraph">{t('import.resultLeftOut', { count: result.leftOut.length, rows: result.leftOut.slice(0, 500).join(', ') })}</p>
      ) : null}
      {result.created.length > 0 ? (
        <section aria-labelledby="import-nye">
          <h2 class="ds-heading" data-size="sm" id="import-nye">
            {t('import.resultCreated')}
          </h2>
          <ul class="ds-list">
            {result.created.slice(0, REPORT_PAGE_SIZE).map((c) => (
              <li>
                {link(c.ref)} {c.name}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {result.changed.length > 0 ? (
        <section aria-labelledby="import-endret">
          <h2 class="ds-heading" data-size="sm" id="import-endret">
            {t('import.resultChanged')}
          </h2>
          <ul class="ds-list">
            {result.changed.slice(0, REPORT_PAGE_SIZE).map((c) => (
              <li>{link(c.ref)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <p class="ds-paragraph">
        <a class="ds-link" href="/import">
          {t('import.another')}
        </a>
      </p>
    </>
  );
}
