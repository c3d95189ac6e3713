import type { ServiceFilter } from '../../model/filters.ts';
import type { ModelIndex } from '../../model/lookup.ts';
import type { ActorMatrix, PersonnelMatrix } from '../../model/matrix.ts';
import { usageLabel, type InformationService, type ScopeModel } from '../../model/schemas.ts';
import type { Child } from 'hono/jsx';
import { BarList } from '../components/bars.tsx';
import { countOf, ElementLink, Empty, PageHeader, TabLinks } from '../components/common.tsx';
import { ExchangeCellView, modeAbbreviation, PersonnelCell } from '../components/matrix-cells.tsx';
import { ServiceFilterForm } from '../components/service-filter.tsx';
import { Pager } from '../components/pager.tsx';
import { useI18n } from '../i18n/index.ts';
import type { Coverage } from '../../src/db/queries/service-selection.ts';

export const matrixTabs = [
  { href: '/matriser/personellgrupper', label: 'Informasjonstjenester × tjenesteområder' },
  { href: '/matriser/aktorer', label: 'Informasjonstjenester × aktører' },
] as const;

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
  return <TabLinks label="Matriser" links={matrixTabs.map((t) => ({ href: `${t.href}${filterQuery({ tier: filter.tier, category: filter.category, service: filter.service })}`, label: t.label, current: t.href === current }))} />;
}

function ServiceRowHeader({ service, index }: { service: InformationService; index: ModelIndex }) {
  return (
    <th scope="row" class="matrix__service">
      <ElementLink element={service} />
      <span class="muted matrix__tier">{index.get('deliveryTier', service.tierId)?.name ?? 'Uten trinn'}</span>
    </th>
  );
}

/** Rows are grouped by category with a heading row, so long matrices stay readable. */
function groupByCategory(services: InformationService[], index: ModelIndex) {
  const groups: Array<{ id: number; name: string; services: InformationService[] }> = [];
  for (const s of services) {
    const id = s.categoryId ?? 0;
    let group = groups.at(-1);
    if (!group || group.id !== id) {
      group = { id, name: index.get('informationCategory', s.categoryId)?.name ?? 'Uten kategori', services: [] };
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
  return (
    <>
      <PageHeader
        title="Informasjonstjenester × tjenesteområder"
        lead="Hvilke kommunale tjenesteområder som leser og dokumenterer hver informasjonstjeneste. Journalen omfatter alle helsepersonellgrupper som jobber i dem; en gruppe kan jobbe i flere tjenesteområder."
        crumbs={[{ href: '/', label: 'Oversikt' }, { label: 'Matriser' }]}
      />
      <MatrixTabs current="/matriser/personellgrupper" filter={props.filter} />
      <OneServiceNote filter={props.filter} matrix={props.matrix} path="/matriser/personellgrupper" />
      <ServiceFilterForm model={props.model} value={props.filter} action="/matriser/personellgrupper" target="#matrise" />
      <p class="ds-paragraph legend" id="tegnforklaring-personell">
        Tegnforklaring: <abbr title={usageLabel.reads}>L</abbr> = leser, <abbr title={usageLabel.records}>D</abbr> = dokumenterer,{' '}
        <abbr title={usageLabel.both}>L+D</abbr> = leser og dokumenterer, – = ingen kobling.
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
  return <Pager page={paging.page} pageSize={paging.pageSize} total={paging.total} href={paging.href} target="#matrise" label="Sider i matrisen" idPrefix="matrise-side" />;
}

export function PersonnelMatrixTable({ index, matrix, canEdit = false, selfUrl, paging, highlight }: MatrixRegionProps & { matrix: PersonnelMatrix }) {
  const groups = groupByCategory(matrix.services, index);
  return (
    <div id="matrise" class="matrix-region" hx-get={selfUrl} hx-trigger="scopeChanged from:body" hx-swap="outerHTML">
      {matrix.services.length === 0 ? (
        <Empty>Ingen informasjonstjenester passer filteret.</Empty>
      ) : (
        <section class="table-scroll" tabindex={0} aria-label="Matrise: informasjonstjenester og tjenesteområder">
          <table class="ds-table matrix" data-border aria-describedby="tegnforklaring-personell" hx-target="closest td" hx-swap="outerHTML">
            <caption class="ds-sr-only">Informasjonstjenester (rader) og tjenesteområder (kolonner), med bruk i cellene</caption>
            <thead>
              <tr>
                <th scope="col">Informasjonstjeneste</th>
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
  return (
    <>
      <PageHeader
        title="Informasjonstjenester × aktører"
        lead="Hvilke aktører som utveksler hver informasjonstjeneste, i hvilken samhandlingsform, og hvor stort behovet for utvidelse er."
        crumbs={[{ href: '/', label: 'Oversikt' }, { label: 'Matriser' }]}
      />
      <MatrixTabs current="/matriser/aktorer" filter={props.filter} />
      <OneServiceNote filter={props.filter} matrix={matrix} path="/matriser/aktorer" />
      <ServiceFilterForm model={props.model} value={props.filter} action="/matriser/aktorer" target="#matrise" />
      <div class="legend" id="tegnforklaring-aktorer">
        <p class="ds-paragraph">
          Cellene viser samhandlingsformene:{' '}
          {matrix.modes.map((m, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <abbr title={m.name}>{modeAbbreviation(m.name)}</abbr> = {m.name.toLowerCase()}
            </>
          ))}
          . Fargen viser behovet:
        </p>
        <ul class="need-legend">
          {matrix.needLevels.map((n) => (
            <li>
              <span class={`need need--${n.rank}`}>{n.name}</span>
            </li>
          ))}
          <li>
            <span class="need need--0">Behov ikke vurdert</span>
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
  const groups = groupByCategory(matrix.services, index);
  return (
    <div id="matrise" class="matrix-region" hx-get={selfUrl} hx-trigger="scopeChanged from:body" hx-swap="outerHTML">
      {matrix.services.length === 0 ? (
        <Empty>Ingen informasjonstjenester passer filteret.</Empty>
      ) : (
        <section class="table-scroll" tabindex={0} aria-label="Matrise: informasjonstjenester og aktører">
          <table class="ds-table matrix" data-border aria-describedby="tegnforklaring-aktorer" hx-target="closest td" hx-swap="outerHTML">
            <caption class="ds-sr-only">Informasjonstjenester (rader) og aktører (kolonner), med samhandlingsform og behov i cellene</caption>
            <thead>
              <tr>
                <th scope="col">Informasjonstjeneste</th>
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
  what: 'gruppe' | 'aktør';
  /** Sent beside a redrawn matrix, so a filter or a scope change updates the coverage too. */
  oob?: boolean;
}) {
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
        Dekning
      </h2>
      <p class="ds-paragraph">
        {countOf(services, 'informasjonstjeneste', 'informasjonstjenester')} i matrisen, {linked} av dem koblet til minst én {what}.
      </p>
      <BarList bars={columns} max={Math.max(1, services)} unit=" tjenester" />
    </section>
  );
}

export function PersonnelCoverage({ coverage, groups, url, oob }: { coverage: Coverage; groups: PersonnelMatrix['groups']; url: string; oob?: boolean }) {
  return (
    <MatrixCoverage
      services={coverage.services}
      linked={coverage.linked}
      columns={groups.map((g) => ({ label: g.name, value: coverage.perColumn.get(g.id) ?? 0, href: `/tjenesteomrader/${g.key}` }))}
      url={url}
      what="gruppe"
      oob={oob}
    />
  );
}

export function ActorCoverage({ coverage, actors, url, oob }: { coverage: Coverage; actors: ActorMatrix['actors']; url: string; oob?: boolean }) {
  return (
    <MatrixCoverage
      services={coverage.services}
      linked={coverage.linked}
      columns={actors.map((a) => ({ label: a.name, value: coverage.perColumn.get(a.id) ?? 0, href: `/aktorer/${a.key}` }))}
      url={url}
      what="aktør"
      oob={oob}
    />
  );
}
