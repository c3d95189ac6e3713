import { itemLabelIn, reportTextIn, type ImportReport } from '../../model/exchange/import-report.ts';
import { PageHeader, TabLinks } from '../components/common.tsx';
import { Notice } from '../components/form.tsx';
import { Pager } from '../components/pager.tsx';
import { useI18n, type MessageKey } from '../i18n/index.ts';
import { REPORT_PAGE_SIZE } from './import.tsx';

/*
 * The dry-run report and the result of a document import on `/import` (issue 15): a JSON model,
 * ReqIF or ArchiMate. The report has the shape every importer answers (`model/exchange/import-report.ts`):
 * what would be created, changed field by field and left alone, every problem, and notes.
 */

export type DocumentSection = 'problemer' | 'endret' | 'nye' | 'uendret';
export const documentSections: readonly DocumentSection[] = ['problemer', 'endret', 'nye', 'uendret'];

const sizeOf = (report: ImportReport, s: DocumentSection) =>
  s === 'problemer' ? report.problems.length : s === 'endret' ? report.changed.length : s === 'nye' ? report.created.length : report.unchanged.length;

export function defaultDocumentSection(report: ImportReport): DocumentSection {
  return documentSections.find((s) => sizeOf(report, s) > 0) ?? 'nye';
}

const crumbsOf = (t: (k: MessageKey) => string, fileName: string) => [
  { href: '/', label: t('layout.nav.overview') },
  { href: '/import', label: t('import.title') },
  { label: fileName },
];

export interface DocumentReportPageProps {
  id: string;
  kind: 'model' | 'reqif' | 'archimate';
  report: ImportReport;
  fingerprint: string;
  section: DocumentSection;
  page: number;
  expiresAt: string;
  notice?: 'replanned' | 'stale' | 'notAll' | undefined;
}

function Summary({ report, kind }: { report: ImportReport; kind: DocumentReportPageProps['kind'] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <p class="ds-paragraph">{t('import.doc.readAs', { kind: t(`import.doc.kind.${kind}`) })}</p>
      <ul class="ds-list import-summary">
        <li>{t('import.doc.count.created', { count: report.created.length })}</li>
        <li>{t('import.doc.count.changed', { count: report.changed.length })}</li>
        <li>{t('import.doc.count.unchanged', { count: report.unchanged.length })}</li>
        <li>{t('import.doc.count.problems', { count: report.problems.length })}</li>
      </ul>
      {report.notes.length > 0 ? (
        <>
          <h3 class="ds-heading" data-size="2xs">
            {t('import.doc.notes')}
          </h3>
          <ul class="ds-list">
            {report.notes.map((n) => (
              <li>{reportTextIn(n, i18n)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export function DocumentReportPage({ id, kind, report, fingerprint, section, page, expiresAt, notice }: DocumentReportPageProps) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const size = sizeOf(report, section);
  const pages = Math.max(1, Math.ceil(size / REPORT_PAGE_SIZE));
  const at = Math.min(Math.max(1, page), pages);
  const slice = <T,>(list: T[]) => list.slice((at - 1) * REPORT_PAGE_SIZE, at * REPORT_PAGE_SIZE);
  const href = (s: DocumentSection, p = 1) => `/import/${id}?vis=${s}${p > 1 ? `&side=${p}` : ''}#rapport`;
  const willWrite = report.created.length + report.changed.length;
  const problems = report.problems.length > 0;
  return (
    <>
      <PageHeader title={t('import.reportTitle', { file: report.fileName })} lead={t('import.reportLead')} crumbs={crumbsOf(t, report.fileName)} />
      {notice ? <Notice color="warning">{t(`import.${notice}`)}</Notice> : null}
      <section aria-labelledby="import-sammendrag">
        <h2 class="ds-heading" data-size="sm" id="import-sammendrag">
          {t('import.summary')}
        </h2>
        <Summary report={report} kind={kind} />
        <p class="ds-paragraph muted">{t('import.expires', { at: dateTime(expiresAt) })}</p>
      </section>

      <section aria-labelledby="import-bruk">
        <h2 class="ds-heading" data-size="sm" id="import-bruk">
          {t('import.applyTitle')}
        </h2>
        {problems && kind === 'model' ? (
          <p class="ds-paragraph">{t('import.doc.cannotApply')}</p>
        ) : willWrite === 0 ? (
          <p class="ds-paragraph">{t('import.applyNothing')}</p>
        ) : (
          <form method="post" action={`/import/${id}/bruk`}>
            <input type="hidden" name="plan" value={fingerprint} />
            {problems ? (
              <>
                <p class="ds-paragraph">{t('import.notAll')}</p>
                <p class="ds-paragraph">{t('import.doc.applyValidText')}</p>
                <button class="ds-button" type="submit" name="mode" value="valid">
                  {t('import.doc.applyValid')}
                </button>
              </>
            ) : (
              <>
                <p class="ds-paragraph">{t('import.applyAllText')}</p>
                <button class="ds-button" type="submit" name="mode" value="all">
                  {t('import.applyAll')}
                </button>
              </>
            )}
          </form>
        )}
      </section>

      <section aria-labelledby="rapport" class="import-report">
        <h2 class="ds-heading" data-size="sm" id="rapport">
          {t('import.sections')}
        </h2>
        <TabLinks
          label={t('import.sections')}
          links={documentSections.map((s) => ({ href: href(s), label: t(`import.section.${s}`, { count: sizeOf(report, s) }), current: s === section }))}
        />
        {size === 0 ? (
          <p class="ds-paragraph muted">{t('import.empty')}</p>
        ) : section === 'problemer' ? (
          <ul class="ds-list import-problems">
            {slice(report.problems).map((p) => (
              <li>
                {p.at
                  ? t('import.problemPlace', { at: p.at, message: reportTextIn(p, i18n) })
                  : p.row
                    ? p.column
                      ? t('import.problemAt', { row: p.row, column: p.column, message: reportTextIn(p, i18n) })
                      : t('import.problemRow', { row: p.row, message: reportTextIn(p, i18n) })
                    : reportTextIn(p, i18n)}
              </li>
            ))}
          </ul>
        ) : section === 'endret' ? (
          <div class="table-scroll">
            <table class="ds-table import-diff" data-border>
              <thead>
                <tr>
                  <th scope="col">{t('import.doc.col.what')}</th>
                  <th scope="col">{t('import.doc.col.field')}</th>
                  <th scope="col">{t('import.col.before')}</th>
                  <th scope="col">{t('import.col.after')}</th>
                </tr>
              </thead>
              <tbody>
                {slice(report.changed).flatMap((c) =>
                  c.fields.map((f) => (
                    <tr>
                      <th scope="row">{c.said || c.label ? `${itemLabelIn(c, i18n)} (${c.ref})` : c.ref}</th>
                      <td>{f.said ? t(f.said) : f.field}</td>
                      <td class="import-diff__before">{f.before}</td>
                      <td class="import-diff__after">{f.after}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        ) : (
          <ItemTable items={slice(section === 'nye' ? report.created : report.unchanged)} />
        )}
        <Pager page={at} pageSize={REPORT_PAGE_SIZE} total={size} href={(p) => href(section, p)} label={t('import.pages')} idPrefix="rapport-side" />
      </section>
    </>
  );
}

function ItemTable({ items }: { items: ImportReport['created'] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div class="table-scroll">
      <table class="ds-table" data-border>
        <thead>
          <tr>
            <th scope="col">{t('import.doc.col.what')}</th>
            <th scope="col">{t('import.doc.col.name')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr>
              <th scope="row">{i.ref}</th>
              <td>{itemLabelIn(i, i18n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DocumentResultPage({ kind, report, result }: { kind: DocumentReportPageProps['kind']; report: ImportReport; result: { mode: 'all' | 'valid'; created: number; changed: number; unchanged: number } }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('import.resultTitle', { file: report.fileName })} crumbs={crumbsOf(t, report.fileName)} />
      <Notice color="success">{t('import.doc.resultText', { created: result.created, changed: result.changed, unchanged: result.unchanged })}</Notice>
      {result.mode === 'valid' ? <p class="ds-paragraph">{t('import.doc.resultValid')}</p> : null}
      <section aria-labelledby="import-sammendrag">
        <h2 class="ds-heading" data-size="sm" id="import-sammendrag">
          {t('import.summary')}
        </h2>
        <Summary report={report} kind={kind} />
      </section>
      <p class="ds-paragraph">
        <a class="ds-link" href="/import">
          {t('import.another')}
        </a>
      </p>
    </>
  );
}
