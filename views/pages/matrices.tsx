import type { ServiceFilter } from '../../model/filters.ts';
import type { ModelIndex } from '../../model/lookup.ts';
import type { ActorMatrix, PersonnelMatrix } from '../../model/matrix.ts';
import type { InformationService, ScopeModel } from '../../model/schemas.ts';
import type { Child } from 'hono/jsx';
import { BarList } from '../components/bars.tsx';
import { ElementLink, Empty, PageHeader, TabLinks } from '../components/common.tsx';
import { ExchangeCellView, modeAbbreviation, PersonnelCell } from '../components/matrix-cells.tsx';
import { ServiceFilterForm } from '../components/service-filter.tsx';
import { Pager } from '../components/pager.tsx';
import { useI18n, type MessageKey } from '../i18n/index.ts';
import type { Coverage } from '../../src/db/queries/service-selection.ts';

export const matrixTabs = [
  { href: '/matriser/personellgrupper', label: 'matrix.personnel.title' },
  { href: '/matriser/aktorer', label: 'matrix.actors.title' },
] as const satisfies ReadonlyArray<{ href: string; label: MessageKey }>;

/** The coverage summary's own address: the matrix's, with `/dekning` before the query. */
export function coverageUrl(selfUrl: string): string {
  const [path, query] = selfUrl.split('?');
  return `${path}/dekning${query ? `?${query}` : ''}`;
}

/** The filter (and, past the first, the page) as a query string: `?tier=…&category=…&side=…`. */
export function filterQuery(filter: { [K in keyof ServiceFilter]?: string | undefined } & { side?: number | undefined }): string {
  const params = new URLSearchParams();
  if (filter.tier) params.set('tier', filter.tier);
  if (filter.category) params.set('category', filter.category);
  if (filter.service) params.set('service', filter.service);
  if (filter.side !== undefined && filter.side > 1) params.set('side', String(filter.side));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The id of a service's row in either matrix, for a link straight to it. */
function matrixRowId(service: { key: string }): string {
  return `rad-${service.key}`;
}

/**
 * The personnel matrix narrowed to the service's own row (highlighted, and the target): where the
 * service page sends an architect to link the service (issue 11).
 */
export function matrixRowHref(service: InformationService): string {
  return `/matriser/personellgrupper${filterQuery({ service: service.key })}#${matrixRowId(service)}`;
}

function MatrixTabs({ current, filter }: { current: string; filter: ServiceFilter }) {
  const { t } = useI18n();
  return (
    <TabLinks
      label={t('matrix.tabs.label')}
      links={matrixTabs.map((tab) => ({ href: `${tab.href}${filterQuery({ tier: filter.tier, category: filter.category, service: filter.service })}`, label: t(tab.label), current: tab.href === current }))}
    />
  );
}

function ServiceRowHeader({ service, index }: { service: InformationService; index: ModelIndex }) {
  const { t, name } = useI18n();
  const tier = index.get('deliveryTier', service.tierId);
  return (
    <th scope="row" class="matrix__service">
      <ElementLink element={service} />
      <span class="muted matrix__tier">{tier ? name(tier) : t('matrix.row.noTier')}</span>
    </th>
  );
}

/** Rows are grouped by category with a heading row, so long matrices stay readable. */
function groupByCategory(services: InformationService[], index: ModelIndex) {
  const { t, name } = useI18n();
  const groups: Array<{ id: number; name: string; services: InformationService[] }> = [];
  for (const s of services) {
    const id = s.categoryId ?? 0;
    let group = groups.at(-1);
    if (!group || group.id !== id) {
      const category = index.get('informationCategory', s.categoryId);
      group = { id, name: category ? name(category) : t('matrix.row.noCategory'), services: [] };
      groups.push(group);
    }
    group.services.push(s);
  }
  return groups;
}

export interface MatrixPageExtras {
  canEdit?: boolean;
  selfUrl: string;
  /** The compact gap list that redraws when links change. */
  gapPanel?: Child;
  /** Adding a service from the matrix page (architects). */
  createPanel?: Child;
}

export function PersonnelMatrixPage(props: { model: ScopeModel; index: ModelIndex; matrix: PersonnelMatrix; coverage: Coverage; filter: ServiceFilter; paging: MatrixPaging } & MatrixPageExtras) {
  const { t, tx } = useI18n();
  const usage = (key: 'reads' | 'records' | 'both') => (chunks: Child[]) => <abbr title={t(`domain.usage.${key}`)}>{chunks}</abbr>;
  return (
    <>
      <PageHeader title={t('matrix.personnel.title')} lead={t('matrix.personnel.lead')} crumbs={[{ href: '/', label: t('matrix.crumb.overview') }, { label: t('matrix.crumb.matrices') }]} />
      <MatrixTabs current="/matriser/personellgrupper" filter={props.filter} />
      <OneServiceNote filter={props.filter} matrix={props.matrix} path="/matriser/personellgrupper" />
      <ServiceFilterForm model={props.model} value={props.filter} action="/matriser/personellgrupper" target="#matrise" />
      <p class="ds-paragraph legend" id="tegnforklaring-personell">
        {tx<Child>('matrix.personnel.legend', { reads: usage('reads'), records: usage('records'), both: usage('both') })}
      </p>
      <div class="matrix-layout">
        <PersonnelMatrixTable {...props} />
        {props.gapPanel}
      </div>
      <PersonnelCoverage coverage={props.coverage} groups={props.matrix.groups} url={coverageUrl(props.selfUrl)} />
      {props.createPanel}
    </>
  );
}

export interface MatrixRegionProps {
  index: ModelIndex;
  canEdit?: boolean;
  /** The matrix's own address, so it can redraw itself when services are added or moved. */
  selfUrl: string;
  /** Which page of rows is shown, of how many services in all. */
  paging: MatrixPaging;
  /** The key of a service whose row is highlighted (the matrix narrowed to it from its page). */
  highlight?: string | undefined;
}

/** Above a matrix narrowed to one service: which, and the way back to all of them. */
function OneServiceNote({ filter, matrix, path }: { filter: ServiceFilter; matrix: { services: InformationService[] }; path: string }) {
  const { t } = useI18n();
  if (!filter.service) return null;
  return (
    <p class="ds-paragraph">
      {t('scope.matrix.oneService', { name: matrix.services[0]?.name ?? filter.service })}{' '}
      <a class="ds-link" href={`${path}${filterQuery({ tier: filter.tier, category: filter.category })}`}>
        {t('scope.matrix.showAll')}
      </a>
    </p>
  );
}

export interface MatrixPaging {
  page: number;
  pageSize: number;
  total: number;
  /** The address of page `p` with the same filter. */
  href: (p: number) => string;
}

function MatrixPager({ paging }: { paging: MatrixPaging }) {
  const { t } = useI18n();
  return <Pager page={paging.page} pageSize={paging.pageSize} total={paging.total} href={paging.href} target="#matrise" label={t('matrix.pager')} idPrefix="matrise-side" />;
}

export function PersonnelMatrixTable({ index, matrix, canEdit = false, selfUrl, paging, highlight }: MatrixRegionProps & { matrix: PersonnelMatrix }) {
  const { t } = useI18n();
  const groups = groupByCategory(matrix.services, index);
  return (
    <div id="matrise" class="matrix-region" hx-get={selfUrl} hx-trigger="scopeChanged from:body" hx-swap="outerHTML">
      {matrix.services.length === 0 ? (
        <Empty>{t('matrix.empty')}</Empty>
      ) : (
        <section class="table-scroll" tabindex={0} aria-label={t('matrix.personnel.region')}>
          <table class="ds-table matrix" data-border aria-describedby="tegnforklaring-personell" hx-target="closest td" hx-swap="outerHTML">
            <caption class="ds-sr-only">{t('matrix.personnel.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('matrix.column.service')}</th>
                {matrix.groups.map((g) => (
                  <th scope="col" class="matrix__col">
                    <ElementLink element={g} />
                  </th>
                ))}
              </tr>
            </thead>
            {groups.map((group) => (
              <tbody>
                <tr class="matrix__group">
                  <th scope="colgroup" colspan={matrix.groups.length + 1}>
                    {group.name}
                  </th>
                </tr>
                {group.services.map((s) => (
                  <tr id={matrixRowId(s)} class={s.key === highlight ? 'matrix__row--current' : undefined} aria-current={s.key === highlight ? 'true' : undefined}>
                    <ServiceRowHeader service={s} index={index} />
                    {matrix.groups.map((g) => (
                      <PersonnelCell service={s} group={g} usage={matrix.usage(s.id, g.id)} canEdit={canEdit} />
                    ))}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </section>
      )}
      <MatrixPager paging={paging} />
    </div>
  );
}

export function ActorMatrixPage(props: { model: ScopeModel; index: ModelIndex; matrix: ActorMatrix; coverage: Coverage; filter: ServiceFilter; paging: MatrixPaging } & MatrixPageExtras) {
  const { matrix } = props;
  const { t, tx, name } = useI18n();
  const modes = matrix.modes.map((m, i) => (
    <>
      {i > 0 ? ', ' : ''}
      <abbr title={name(m)}>{modeAbbreviation(name(m))}</abbr> = {name(m).toLowerCase()}
    </>
  ));
  return (
    <>
      <PageHeader title={t('matrix.actors.title')} lead={t('matrix.actors.lead')} crumbs={[{ href: '/', label: t('matrix.crumb.overview') }, { label: t('matrix.crumb.matrices') }]} />
      <MatrixTabs current="/matriser/aktorer" filter={props.filter} />
      <OneServiceNote filter={props.filter} matrix={matrix} path="/matriser/aktorer" />
      <ServiceFilterForm model={props.model} value={props.filter} action="/matriser/aktorer" target="#matrise" />
      <div class="legend" id="tegnforklaring-aktorer">
        <p class="ds-paragraph">
          {tx<Child>('matrix.actors.legend', { modes: () => <>{modes}</> })}
        </p>
        <ul class="need-legend">
          {matrix.needLevels.map((n) => (
            <li>
              <span class={`need need--${n.rank}`}>{name(n)}</span>
            </li>
          ))}
          <li>
            <span class="need need--0">{t('matrix.need.unassessed')}</span>
          </li>
        </ul>
      </div>
      <div class="matrix-layout">
        <ActorMatrixTable {...props} />
        {props.gapPanel}
      </div>
      <ActorCoverage coverage={props.coverage} actors={props.matrix.actors} url={coverageUrl(props.selfUrl)} />
      {props.createPanel}
    </>
  );
}

export function ActorMatrixTable({ index, matrix, canEdit = false, selfUrl, paging, highlight }: MatrixRegionProps & { matrix: ActorMatrix }) {
  const { t } = useI18n();
  const groups = groupByCategory(matrix.services, index);
  return (
    <div id="matrise" class="matrix-region" hx-get={selfUrl} hx-trigger="scopeChanged from:body" hx-swap="outerHTML">
      {matrix.services.length === 0 ? (
        <Empty>{t('matrix.empty')}</Empty>
      ) : (
        <section class="table-scroll" tabindex={0} aria-label={t('matrix.actors.region')}>
          <table class="ds-table matrix" data-border aria-describedby="tegnforklaring-aktorer" hx-target="closest td" hx-swap="outerHTML">
            <caption class="ds-sr-only">{t('matrix.actors.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('matrix.column.service')}</th>
                {matrix.actors.map((a) => (
                  <th scope="col" class="matrix__col">
                    <ElementLink element={a} />
                  </th>
                ))}
              </tr>
            </thead>
            {groups.map((group) => (
              <tbody>
                <tr class="matrix__group">
                  <th scope="colgroup" colspan={matrix.actors.length + 1}>
                    {group.name}
                  </th>
                </tr>
                {group.services.map((s) => (
                  <tr id={matrixRowId(s)} class={s.key === highlight ? 'matrix__row--current' : undefined} aria-current={s.key === highlight ? 'true' : undefined}>
                    <ServiceRowHeader service={s} index={index} />
                    {matrix.actors.map((a) => (
                      <ExchangeCellView service={s} actor={a} cell={matrix.exchanges(s.id, a.id)} canEdit={canEdit} />
                    ))}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </section>
      )}
      <MatrixPager paging={paging} />
    </div>
  );
}

/**
 * How much of the matrix is filled: services linked, and a bar per column. It sits under the
 * matrix and redraws itself whenever a cell or the services change.
 */
export function MatrixCoverage({
  services,
  linked,
  columns,
  url,
  what,
  oob = false,
}: {
  services: number;
  linked: number;
  columns: Array<{ label: string; value: number; href: string }>;
  url: string;
  what: 'personnel' | 'actors';
  /** Sent beside a redrawn matrix, so a filter or a scope change updates the coverage too. */
  oob?: boolean;
}) {
  const { t } = useI18n();
  return (
    <section
      id="matrise-dekning"
      class="matrix-coverage"
      aria-labelledby="matrise-dekning-tittel"
      hx-get={url}
      hx-trigger="linksChanged from:body"
      hx-swap="outerHTML"
      hx-swap-oob={oob ? 'true' : undefined}
    >
      <h2 id="matrise-dekning-tittel" class="ds-heading" data-size="xs">
        {t('matrix.coverage.title')}
      </h2>
      <p class="ds-paragraph">{t(`matrix.coverage.${what}`, { services, linked })}</p>
      <BarList bars={columns} max={Math.max(1, services)} valueText={(count) => t('matrix.coverage.bar', { count })} />
    </section>
  );
}

export function PersonnelCoverage({ coverage, groups, url, oob }: { coverage: Coverage; groups: PersonnelMatrix['groups']; url: string; oob?: boolean }) {
  const { name } = useI18n();
  return (
    <MatrixCoverage
      services={coverage.services}
      linked={coverage.linked}
      columns={groups.map((g) => ({ label: name(g), value: coverage.perColumn.get(g.id) ?? 0, href: `/tjenesteomrader/${g.key}` }))}
      url={url}
      what="personnel"
      oob={oob}
    />
  );
}

export function ActorCoverage({ coverage, actors, url, oob }: { coverage: Coverage; actors: ActorMatrix['actors']; url: string; oob?: boolean }) {
  const { name } = useI18n();
  return (
    <MatrixCoverage
      services={coverage.services}
      linked={coverage.linked}
      columns={actors.map((a) => ({ label: name(a), value: coverage.perColumn.get(a.id) ?? 0, href: `/aktorer/${a.key}` }))}
      url={url}
      what="actors"
      oob={oob}
    />
  );
}
