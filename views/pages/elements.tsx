import type { Child } from 'hono/jsx';
import type { ServiceFilter } from '../../model/filters.ts';
import { elementKinds, elementHref, kindInfo, unhandledKind, type ElementKind } from '../../model/kinds.ts';
import { orderedKinds } from '../../model/editing.ts';
import { byPosition, type ModelIndex } from '../../model/lookup.ts';
import { recordSolutionLabel, type ElementOfKind, type ScopeElement, type ScopeModel } from '../../model/schemas.ts';
import { ElementLink, Empty, PageHeader, ProvenanceTag, SourceLink, TentativeTag } from '../components/common.tsx';
import { ServiceFilterForm } from '../components/service-filter.tsx';
import { Pager } from '../components/pager.tsx';
import { useI18n } from '../i18n/index.ts';
import type { ListCounts } from '../../src/db/queries/element-lists.ts';

/** Which page of a long list is shown, of how many elements in all. */
export interface ListPaging {
  page: number;
  pageSize: number;
  total: number;
  /** The address of page `p` with the same filter. */
  href: (p: number) => string;
}

export function KindIndexPage({ counts }: { counts: ReadonlyMap<string, number> }) {
  return (
    <>
      <PageHeader
        title="Alle elementer"
        lead="Hver type element i omfangsmodellen, med antall."
        crumbs={[{ href: '/', label: 'Oversikt' }, { label: 'Alle elementer' }]}
      />
      <section class="table-scroll" tabindex={0} aria-label="Elementtyper">
      <table class="ds-table" data-border>
        <caption class="ds-sr-only">Elementtyper</caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">English</th>
            <th scope="col" class="num">
              Antall
            </th>
            <th scope="col">Om typen</th>
          </tr>
        </thead>
        <tbody>
          {elementKinds.map((kind) => (
            <tr>
              <th scope="row">
                <a class="ds-link" href={`/${kindInfo[kind].path}`}>
                  {kindInfo[kind].plural}
                </a>
              </th>
              <td lang="en">{kindInfo[kind].pluralEn}</td>
              <td class="num">{counts.get(kind) ?? 0}</td>
              <td>{kindInfo[kind].intro}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </section>
    </>
  );
}

interface Column<K extends ElementKind> {
  header: string;
  numeric?: boolean;
  cell: (element: ElementOfKind[K]) => Child;
}

/** The kind-specific columns of a list page; the figures come counted from the database (`listCounts`). */
function columnsFor<K extends ElementKind>(kind: K, index: ModelIndex, counts: ListCounts): Column<K>[] {
  const n = (id: number) => counts.get(id) ?? 0;
  switch (kind) {
    case 'informationService':
      return [
        { header: 'Kategori', cell: (e) => <ElementLink element={index.get('informationCategory', (e as ElementOfKind['informationService']).categoryId)} /> },
        { header: 'Leveransetrinn', cell: (e) => <ElementLink element={index.get('deliveryTier', (e as ElementOfKind['informationService']).tierId)} /> },
      ] as Column<K>[];
    case 'informationCategory':
      return [{ header: 'Tjenester', numeric: true, cell: (e) => n(e.id) }] as Column<K>[];
    case 'deliveryTier':
      return [
        { header: 'Første leveranse', cell: (e) => ((e as ElementOfKind['deliveryTier']).firstDelivery ? 'Ja' : 'Nei') },
        { header: 'Tjenester', numeric: true, cell: (e) => n(e.id) },
      ] as Column<K>[];
    case 'personnelGroup':
      return [{ header: 'Tjenester i første leveranse', numeric: true, cell: (e) => n(e.id) }] as Column<K>[];
    case 'actor':
      return [{ header: 'Tjenester', numeric: true, cell: (e) => n(e.id) }] as Column<K>[];
    case 'collaborationMode':
      return [{ header: 'Koblinger', numeric: true, cell: (e) => n(e.id) }] as Column<K>[];
    case 'needLevel':
      return [{ header: 'Rang', numeric: true, cell: (e) => (e as ElementOfKind['needLevel']).rank }] as Column<K>[];
    case 'goal':
      return [{ header: 'Tjenester', numeric: true, cell: (e) => n(e.id) }] as Column<K>[];
    case 'solutionPart':
      return [{ header: 'Funksjonsområder', numeric: true, cell: (e) => n(e.id) }] as Column<K>[];
    case 'roadmapPhase':
      return [
        { header: 'Fra', cell: (e) => (e as ElementOfKind['roadmapPhase']).startsOn },
        { header: 'Til', cell: (e) => (e as ElementOfKind['roadmapPhase']).endsOn ?? '–' },
      ] as Column<K>[];
    case 'milestone':
      return [
        { header: 'Dato', cell: (e) => (e as ElementOfKind['milestone']).startsOn },
        { header: 'Fase', cell: (e) => <ElementLink element={index.get('roadmapPhase', (e as ElementOfKind['milestone']).phaseId)} /> },
      ] as Column<K>[];
    case 'decisionPoint':
      return [
        { header: 'Spor og nummer', cell: (e) => `${(e as ElementOfKind['decisionPoint']).track === 'journal' ? 'Journal' : 'Samhandling'} ${(e as ElementOfKind['decisionPoint']).number}` },
        { header: 'Innen', cell: (e) => (e as ElementOfKind['decisionPoint']).startsOn },
      ] as Column<K>[];
    case 'journalInterface':
    case 'nationalSolution':
    case 'risk':
      return [{ header: kind === 'risk' ? 'Truer' : 'Tjenester', numeric: true, cell: (e) => n(e.id) }] as Column<K>[];
    case 'region':
      return [{ header: 'Journalløsning', cell: (e) => recordSolutionLabel[(e as ElementOfKind['region']).recordSolution] }] as Column<K>[];
    case 'task':
    case 'capability':
    case 'stakeholder':
    case 'nationalProject':
    case 'requirement':
    case 'guideline':
      return [];
    default:
      return unhandledKind(kind);
  }
}

export interface ElementListProps<K extends ElementKind> {
  kind: K;
  model: ScopeModel;
  index: ModelIndex;
  elements: Array<ElementOfKind[K]>;
  /** The figure column's counts, per element id (`listCounts`). */
  counts: ListCounts;
  /** Which page of a long list is shown (services); shorter lists show every element. */
  paging?: ListPaging;
  /** Filters, for the kinds that have them (services). */
  filter?: { value: ServiceFilter; action: string };
  /** Show the architect's controls: new, reorder, select for bulk moves. */
  canEdit?: boolean;
  /** The list's own address, so it can redraw itself when the scope changes. */
  selfUrl?: string;
  /** The element just moved, whose move button gets focus again. */
  moved?: { key: string; direction: 'up' | 'down' } | undefined;
  /** The region where a new element is added (architects only). */
  createPanel?: Child;
}

export function ElementListPage<K extends ElementKind>(props: ElementListProps<K>) {
  const info = kindInfo[props.kind];
  return (
    <>
      <PageHeader
        title={info.plural}
        lead={info.intro}
        crumbs={[{ href: '/', label: 'Oversikt' }, { label: info.plural }]}
      />
      {props.createPanel}
      {props.filter ? (
        <ServiceFilterForm model={props.model} value={props.filter.value} action={props.filter.action} target="#elementliste" />
      ) : null}
      {props.canEdit && props.kind === 'informationService' ? <BulkMoveForm model={props.model} /> : null}
      <ElementTable {...props} />
    </>
  );
}

export function ElementTable<K extends ElementKind>({ kind, index, elements, counts, paging, canEdit, selfUrl, moved }: ElementListProps<K>) {
  const info = kindInfo[kind];
  const { t } = useI18n();
  const columns = columnsFor(kind, index, counts);
  const sorted = [...elements].sort(byPosition);
  const reorder = canEdit === true && orderedKinds.has(kind) && kind !== 'informationService';
  const select = canEdit === true && kind === 'informationService';
  return (
    <section
      id="elementliste"
      class="table-scroll"
      tabindex={0}
      aria-label={info.plural}
      hx-get={selfUrl}
      hx-trigger={selfUrl ? 'scopeChanged from:body' : undefined}
      hx-swap="outerHTML"
    >
      {sorted.length === 0 ? (
        <Empty>Ingen {info.plural.toLowerCase()} her.</Empty>
      ) : (
        <table class="ds-table" data-border data-zebra>
          <caption class="ds-sr-only">
            {info.plural} ({paging ? paging.total : sorted.length})
          </caption>
          <thead>
            <tr>
              {select ? (
                <th scope="col">
                  <input class="ds-input" type="checkbox" data-select-all="flytt-tjenester" id="velg-alle" aria-label="Velg alle for flytting" />
                </th>
              ) : null}
              <th scope="col">Navn</th>
              {columns.map((c) => (
                <th scope="col" class={c.numeric ? 'num' : undefined}>
                  {c.header}
                </th>
              ))}
              <th scope="col">Kilde</th>
              {reorder ? <th scope="col">Rekkefølge</th> : null}
            </tr>
          </thead>
          <tbody>
            {sorted.map((e, i) => (
              <tr>
                {select ? (
                  <td>
                    <input class="ds-input" type="checkbox" name="services" value={`${e.key}:${e.version}`} form="flytt-tjenester" id={`velg-${e.key}`} aria-label={`Velg ${e.name}`} />
                  </td>
                ) : null}
                <th scope="row">
                  <ElementLink element={e as ScopeElement} /> <TentativeTag show={e.tentative} />
                  {e.description && e.description !== e.name ? <div class="muted clamp">{e.description}</div> : null}
                </th>
                {columns.map((c) => (
                  <td class={c.numeric ? 'num' : undefined}>{c.cell(e)}</td>
                ))}
                <td>
                  <SourceLink source={e.source} /> <ProvenanceTag level={e.provenance} note={e.provenanceNote} />
                </td>
                {reorder ? (
                  <td class="reorder">
                    <MoveButton kind={kind} element={e} direction="up" disabled={i === 0} focus={moved?.key === e.key && moved.direction === 'up'} />
                    <MoveButton kind={kind} element={e} direction="down" disabled={i === sorted.length - 1} focus={moved?.key === e.key && moved.direction === 'down'} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {paging && paging.total > sorted.length ? (
        <>
          <p class="ds-paragraph muted">{t('scope.list.range', { first: (paging.page - 1) * paging.pageSize + 1, last: (paging.page - 1) * paging.pageSize + sorted.length, total: paging.total })}</p>
          <Pager page={paging.page} pageSize={paging.pageSize} total={paging.total} href={paging.href} target="#elementliste" label={`Sider med ${info.plural.toLowerCase()}`} idPrefix="liste-side" />
        </>
      ) : (
        <p class="ds-paragraph muted">{t('scope.list.count', { count: paging ? paging.total : sorted.length })}</p>
      )}
    </section>
  );
}

/** Moves an element one place up or down; the list comes back with this button focused. */
export function MoveButton({
  kind,
  element,
  direction,
  disabled,
  focus,
  target = '#elementliste',
}: {
  kind: ElementKind;
  element: { key: string; name: string; position: number };
  direction: 'up' | 'down';
  disabled: boolean;
  focus: boolean;
  target?: string;
}) {
  const action = `${elementHref(kind, element.key)}/flytt`;
  const label = `Flytt «${element.name}» ${direction === 'up' ? 'opp' : 'ned'}`;
  return (
    <form class="move-form" method="post" action={action} hx-post={action} hx-target={target} hx-swap="outerHTML">
      <input type="hidden" name="retning" value={direction === 'up' ? 'opp' : 'ned'} />
      {/* The place the list showed: a move from a list someone else has reordered since is refused. */}
      <input type="hidden" name="plass" value={String(element.position)} />
      <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit" aria-label={label} title={label} disabled={disabled} autofocus={focus}>
        <span aria-hidden="true">{direction === 'up' ? '▲' : '▼'}</span>
      </button>
    </form>
  );
}

/** Moves the services ticked in the list to another tier and/or category in one step. */
export function BulkMoveForm({ model }: { model: ScopeModel }) {
  const tiers = [...model.elements.deliveryTier].sort(byPosition);
  const categories = [...model.elements.informationCategory].sort(byPosition);
  return (
    <form id="flytt-tjenester" class="filter-form bulk-form" method="post" action="/informasjonstjenester/flytt" hx-post="/informasjonstjenester/flytt" hx-target="#flytt-status" hx-swap="innerHTML">
      <fieldset class="ds-fieldset">
        <legend class="ds-label">Flytt de valgte tjenestene (kryss av i listen under)</legend>
        <div class="filter-form">
          <div class="ds-field">
            <label class="ds-label" for="flytt-tier">
              Til leveransetrinn
            </label>
            <select class="ds-input" id="flytt-tier" name="tier">
              <option value="">(behold trinn)</option>
              <option value="-">Ikke i noe trinn</option>
              {tiers.map((t) => (
                <option value={t.key}>{t.name}</option>
              ))}
            </select>
          </div>
          <div class="ds-field">
            <label class="ds-label" for="flytt-category">
              Til kategori
            </label>
            <select class="ds-input" id="flytt-category" name="category">
              <option value="">(behold kategori)</option>
              {categories.map((c) => (
                <option value={c.key}>{c.name}</option>
              ))}
            </select>
          </div>
          <button class="ds-button" type="submit">
            Flytt valgte
          </button>
        </div>
      </fieldset>
      <div id="flytt-status" role="status" aria-live="polite"></div>
    </form>
  );
}

export { elementHref };
