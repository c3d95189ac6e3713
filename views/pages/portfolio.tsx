import type { Child } from 'hono/jsx';
import type { PortfolioQuery } from '../../model/filters.ts';
import { documentPortfolioTotal, strategicAreas, summarise } from '../../model/portfolio.ts';
import { portfolioStatuses, type NationalProject } from '../../model/schemas.ts';
import { BarList } from '../components/bars.tsx';
import { ElementLink, PageHeader, SourceLink, StatusTag, formatNumber } from '../components/common.tsx';
import { FilterSelect } from '../components/form.tsx';
import { useI18n } from '../i18n/index.ts';

const SOURCE_DOCUMENT = 'akson-arena-2019-10-24';

const columns: Array<{ sort: PortfolioQuery['sort']; numeric?: boolean }> = [
  { sort: 'id', numeric: true },
  { sort: 'name' },
  { sort: 'owner' },
  { sort: 'phase' },
  { sort: 'area' },
  { sort: 'status' },
  { sort: 'budget', numeric: true },
];

const statusKey = { Grønn: 'green', Gul: 'yellow', Rød: 'red' } as const;
const phaseKey = { Konsept: 'concept', Planlegging: 'planning', Gjennomføring: 'execution' } as const;

export function portfolioHref(query: PortfolioQuery, change: Partial<PortfolioQuery> = {}): string {
  const q = { ...query, ...change };
  const params = new URLSearchParams();
  if (q.status) params.set('status', q.status);
  if (q.area !== undefined) params.set('area', String(q.area));
  if (q.sort !== 'id') params.set('sort', q.sort);
  if (q.dir !== 'asc') params.set('dir', q.dir);
  const s = params.toString();
  return s ? `/portefolje?${s}` : '/portefolje';
}

export function PortfolioPage({ all, rows, query, createPanel }: { all: NationalProject[]; rows: NationalProject[]; query: PortfolioQuery; createPanel?: Child }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader
        title={t('portfolio.title')}
        lead={t('domain.portfolio.lead')}
        crumbs={[{ href: '/', label: t('layout.nav.overview') }, { label: t('portfolio.crumb') }]}
      />
      {createPanel}
      <form class="filter-form" method="get" action="/portefolje" hx-get="/portefolje" hx-target="#portefolje" hx-swap="outerHTML" hx-trigger="change delay:500ms" hx-push-url="true" role="search" aria-label={t('portfolio.filter')}>
        <FilterSelect
          id="filter-status"
          name="status"
          label={t('portfolio.status')}
          all={t('portfolio.all')}
          options={[...portfolioStatuses.map((s) => ({ value: s, label: t(`domain.portfolioStatus.${statusKey[s]}`) })), { value: 'ukjent', label: t('portfolio.notGiven') }]}
          value={query.status}
        />
        <FilterSelect id="filter-area" name="area" label={t('portfolio.area')} all={t('portfolio.all')} options={strategicAreas(all).map((a) => ({ value: String(a.number), label: a.name }))} value={query.area} />
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <button class="ds-button" data-variant="secondary" type="submit">
          {t('portfolio.show')}
        </button>
      </form>
      <PortfolioTable rows={rows} query={query} />
    </>
  );
}

export function PortfolioTable({ rows, query }: { rows: NationalProject[]; query: PortfolioQuery }) {
  const summary = summarise(rows);
  const { t, tx } = useI18n();
  const unfiltered = query.status === undefined && query.area === undefined;
  const total = documentPortfolioTotal;
  return (
    <div id="portefolje" hx-get={portfolioHref(query)} hx-trigger="scopeChanged from:body" hx-swap="outerHTML">
      {unfiltered ? (
        <>
          <p class="ds-paragraph" id="portefolje-total">
            {t('domain.portfolio.total', { count: summary.count, budget: formatNumber(total.budgetMnok, 0), line1: total.lines[0], line2: total.lines[1] })}{' '}
            <SourceLink source={{ document: SOURCE_DOCUMENT, fromLine: total.lines[1], toLine: total.footnoteLines[1] }} />
          </p>
          <p class="ds-paragraph" data-size="sm" id="portefolje-fotnote">
            {tx('domain.portfolio.footnote', {
              from: total.footnoteLines[0],
              to: total.footnoteLines[1],
              footnote: total.footnote,
              sum: formatNumber(summary.budgetMnok, 1),
              // The footnote is quoted from the (bokmål) source, in every interface language.
              quote: (chunks) => <span lang="nb">{chunks}</span>,
            })}
          </p>
        </>
      ) : (
        <p class="ds-paragraph">
          {t('domain.portfolio.filtered', { count: summary.count, sum: formatNumber(summary.budgetMnok, 1), budget: formatNumber(total.budgetMnok, 0) })}
        </p>
      )}
      <BarList
        bars={summary.byStatus.map((s) => ({
          label: s.status === 'Grønn' || s.status === 'Gul' || s.status === 'Rød' ? t(`domain.portfolioStatus.${statusKey[s.status]}`) : t('portfolio.notGiven'),
          value: s.count,
          tone: s.status === 'Grønn' ? 'bar--green' : s.status === 'Gul' ? 'bar--yellow' : s.status === 'Rød' ? 'bar--red' : 'bar--grey',
        }))}
        max={summary.count}
        valueText={(count) => t('common.count.projects', { count })}
      />
      <section class="table-scroll" tabindex={0} aria-label={t('portfolio.table')}>
        <table class="ds-table portfolio" data-border data-zebra>
          <caption class="ds-sr-only">{t('portfolio.caption')}</caption>
          <thead>
            <tr>
              {columns.map((col) => {
                const active = query.sort === col.sort;
                const next = active && query.dir === 'asc' ? 'desc' : 'asc';
                return (
                  <th scope="col" class={col.numeric ? 'num' : undefined} aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                    <a
                      class="sort-link"
                      href={portfolioHref(query, { sort: col.sort, dir: next })}
                      hx-get={portfolioHref(query, { sort: col.sort, dir: next })}
                      hx-target="#portefolje"
                      hx-swap="outerHTML"
                      hx-push-url="true"
                    >
                      {t(`portfolio.column.${col.sort}`)}
                      <span class="ds-sr-only">{active ? t(query.dir === 'asc' ? 'portfolio.sortedAsc' : 'portfolio.sortedDesc') : t('portfolio.sortable')}</span>
                    </a>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr>
                <td class="num">{p.projectNo}</td>
                <th scope="row">
                  <ElementLink element={p} />
                </th>
                <td>
                  {p.ownerOrganisation}
                  <div class="muted">{p.owner}</div>
                </td>
                <td>{t(`domain.portfolioPhase.${phaseKey[p.phase]}`)}</td>
                <td>{p.focusArea}</td>
                <td>
                  <StatusTag status={p.status} />
                </td>
                <td class="num">{p.budgetMnok === null ? '–' : formatNumber(p.budgetMnok, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
