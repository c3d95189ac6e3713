import type { ServiceFilter } from '../../model/filters.ts';
import type { ModelIndex } from '../../model/lookup.ts';
import type { ActorMatrix, PersonnelMatrix } from '../../model/matrix.ts';
import { usageLabel, type InformationService, type ScopeModel } from '../../model/schemas.ts';
import type { Child } from 'hono/jsx';
import { ElementLink, Empty, PageHeader, TabLinks } from '../components/common.tsx';
import { ExchangeCellView, modeAbbreviation, PersonnelCell } from '../components/matrix-cells.tsx';
import { ServiceFilterForm } from '../components/service-filter.tsx';

export const matrixTabs = [
  { href: '/matriser/personellgrupper', label: 'Tjenester × helsepersonellgrupper' },
  { href: '/matriser/aktorer', label: 'Tjenester × aktører' },
] as const;

export function filterQuery(filter: ServiceFilter): string {
  const params = new URLSearchParams();
  if (filter.tier) params.set('tier', filter.tier);
  if (filter.category) params.set('category', filter.category);
  const s = params.toString();
  return s ? `?${s}` : '';
}

function MatrixTabs({ current, filter }: { current: string; filter: ServiceFilter }) {
  return <TabLinks label="Matriser" links={matrixTabs.map((t) => ({ href: `${t.href}${filterQuery(filter)}`, label: t.label, current: t.href === current }))} />;
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

export function PersonnelMatrixPage(props: { model: ScopeModel; index: ModelIndex; matrix: PersonnelMatrix; filter: ServiceFilter } & MatrixPageExtras) {
  return (
    <>
      <PageHeader
        title="Informasjonstjenester × helsepersonellgrupper"
        lead="Hvilke kommunale tjenester og helsepersonellgrupper som leser og dokumenterer hver informasjonstjeneste."
        crumbs={[{ href: '/', label: 'Oversikt' }, { label: 'Matriser' }]}
      />
      <MatrixTabs current="/matriser/personellgrupper" filter={props.filter} />
      <ServiceFilterForm model={props.model} value={props.filter} action="/matriser/personellgrupper" target="#matrise" />
      <p class="ds-paragraph legend" id="tegnforklaring-personell">
        Tegnforklaring: <abbr title={usageLabel.reads}>L</abbr> = leser, <abbr title={usageLabel.records}>D</abbr> = dokumenterer,{' '}
        <abbr title={usageLabel.both}>L+D</abbr> = leser og dokumenterer, – = ingen kobling.
      </p>
      <div class="matrix-layout">
        <PersonnelMatrixTable {...props} />
        {props.gapPanel}
      </div>
      {props.createPanel}
    </>
  );
}

export interface MatrixRegionProps {
  index: ModelIndex;
  canEdit?: boolean;
  /** The matrix's own address, so it can redraw itself when services are added or moved. */
  selfUrl: string;
}

export function PersonnelMatrixTable({ index, matrix, canEdit = false, selfUrl }: MatrixRegionProps & { matrix: PersonnelMatrix }) {
  const groups = groupByCategory(matrix.services, index);
  const linked = matrix.services.filter((s) => (matrix.serviceTotals.get(s.id) ?? 0) > 0).length;
  return (
    <div id="matrise" class="matrix-region" hx-get={selfUrl} hx-trigger="scopeChanged from:body" hx-swap="outerHTML">
      <p class="ds-paragraph">
        {matrix.services.length} informasjonstjenester, {linked} av dem koblet til minst én gruppe.
      </p>
      {matrix.services.length === 0 ? (
        <Empty>Ingen informasjonstjenester passer filteret.</Empty>
      ) : (
        <div class="table-scroll" tabindex={0} role="region" aria-label="Matrise: informasjonstjenester og helsepersonellgrupper">
          <table class="ds-table matrix" data-border data-sticky-header aria-describedby="tegnforklaring-personell">
            <caption class="ds-sr-only">Informasjonstjenester (rader) og helsepersonellgrupper (kolonner), med bruk i cellene</caption>
            <thead>
              <tr>
                <th scope="col">Informasjonstjeneste</th>
                {matrix.groups.map((g) => (
                  <th scope="col" class="matrix__col">
                    <ElementLink element={g} />
                  </th>
                ))}
                <th scope="col" class="num">
                  Grupper
                </th>
              </tr>
            </thead>
            {groups.map((group) => (
              <tbody>
                <tr class="matrix__group">
                  <th scope="colgroup" colspan={matrix.groups.length + 2}>
                    {group.name}
                  </th>
                </tr>
                {group.services.map((s) => (
                  <tr>
                    <ServiceRowHeader service={s} index={index} />
                    {matrix.groups.map((g) => (
                      <PersonnelCell service={s} group={g} usage={matrix.usage(s.id, g.id)} canEdit={canEdit} />
                    ))}
                    <td class="num">{matrix.serviceTotals.get(s.id) ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            ))}
            <tfoot>
              <tr>
                <th scope="row">Tjenester per gruppe</th>
                {matrix.groups.map((g) => (
                  <td class="num">{matrix.groupTotals.get(g.id) ?? 0}</td>
                ))}
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </div>
  );
}

export function ActorMatrixPage(props: { model: ScopeModel; index: ModelIndex; matrix: ActorMatrix; filter: ServiceFilter } & MatrixPageExtras) {
  const { matrix } = props;
  return (
    <>
      <PageHeader
        title="Informasjonstjenester × aktører"
        lead="Hvilke aktører som utveksler hver informasjonstjeneste, i hvilken samhandlingsform, og hvor stort behovet for utvidelse er."
        crumbs={[{ href: '/', label: 'Oversikt' }, { label: 'Matriser' }]}
      />
      <MatrixTabs current="/matriser/aktorer" filter={props.filter} />
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
      {props.createPanel}
    </>
  );
}

export function ActorMatrixTable({ index, matrix, canEdit = false, selfUrl }: MatrixRegionProps & { matrix: ActorMatrix }) {
  const groups = groupByCategory(matrix.services, index);
  const linked = matrix.services.filter((s) => (matrix.serviceTotals.get(s.id) ?? 0) > 0).length;
  return (
    <div id="matrise" class="matrix-region" hx-get={selfUrl} hx-trigger="scopeChanged from:body" hx-swap="outerHTML">
      <p class="ds-paragraph">
        {matrix.services.length} informasjonstjenester, {linked} av dem koblet til minst én aktør.
      </p>
      {matrix.services.length === 0 ? (
        <Empty>Ingen informasjonstjenester passer filteret.</Empty>
      ) : (
        <div class="table-scroll" tabindex={0} role="region" aria-label="Matrise: informasjonstjenester og aktører">
          <table class="ds-table matrix" data-border data-sticky-header aria-describedby="tegnforklaring-aktorer">
            <caption class="ds-sr-only">Informasjonstjenester (rader) og aktører (kolonner), med samhandlingsform og behov i cellene</caption>
            <thead>
              <tr>
                <th scope="col">Informasjonstjeneste</th>
                {matrix.actors.map((a) => (
                  <th scope="col" class="matrix__col">
                    <ElementLink element={a} />
                  </th>
                ))}
                <th scope="col" class="num">
                  Aktører
                </th>
              </tr>
            </thead>
            {groups.map((group) => (
              <tbody>
                <tr class="matrix__group">
                  <th scope="colgroup" colspan={matrix.actors.length + 2}>
                    {group.name}
                  </th>
                </tr>
                {group.services.map((s) => (
                  <tr>
                    <ServiceRowHeader service={s} index={index} />
                    {matrix.actors.map((a) => (
                      <ExchangeCellView service={s} actor={a} cell={matrix.exchanges(s.id, a.id)} canEdit={canEdit} />
                    ))}
                    <td class="num">{matrix.serviceTotals.get(s.id) ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            ))}
            <tfoot>
              <tr>
                <th scope="row">Tjenester per aktør</th>
                {matrix.actors.map((a) => (
                  <td class="num">{matrix.actorTotals.get(a.id) ?? 0}</td>
                ))}
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </div>
  );
}
