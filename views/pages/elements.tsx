import type { Child } from 'hono/jsx';
import type { ServiceFilter } from '../../model/filters.ts';
import { elementKinds, elementHref, kindInfo, unhandledKind, type ElementKind } from '../../model/kinds.ts';
import { orderedKinds } from '../../model/editing.ts';
import { byPosition, type ModelIndex } from '../../model/lookup.ts';
import { type ElementOfKind, type ScopeElement, type ScopeModel } from '../../model/schemas.ts';
import { ElementLink, Empty, PageHeader, ProvenanceTag, SourceLink, TentativeTag } from '../components/common.tsx';
import { ServiceFilterForm } from '../components/service-filter.tsx';
import { Pager } from '../components/pager.tsx';
import { i18nFor, useI18n } from '../i18n/index.ts';
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
  const { t, language, number } = useI18n();
  // The kinds' names in the other language beside them: English in bokmål, bokmål in English.
  const other = i18nFor(language.code === 'en' ? 'nb' : 'en');
  return (
    <>
      <PageHeader
        title={t('scope.kinds.title')}
        lead={t('scope.kinds.lead')}
        crumbs={[{ href: '/', label: t('scope.crumb.overview') }, { label: t('scope.kinds.title') }]}
      />
      <section class="table-scroll" tabindex={0} aria-label={t('scope.kinds.caption')}>
      <table class="ds-table" data-border>
        <caption class="ds-sr-only">{t('scope.kinds.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('scope.kinds.type')}</th>
            <th scope="col">{t('scope.kinds.otherLanguage')}</th>
            <th scope="col" class="num">
              {t('scope.kinds.count')}
            </th>
            <th scope="col">{t('scope.kinds.about')}</th>
          </tr>
        </thead>
        <tbody>
          {elementKinds.map((kind) => (
            <tr>
              <th scope="row">
                <a class="ds-link" href={`/${kindInfo[kind].path}`}>
                  {t(`kinds.${kind}.plural`)}
                </a>
              </th>
              <td lang={other.language.htmlLang}>{other.t(`kinds.${kind}.plural`)}</td>
              <td class="num">{number(counts.get(kind) ?? 0)}</td>
              <td>{t(`kinds.${kind}.intro`)}</td>
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
  const { t, number, date } = useI18n();
  const n = (id: number) => number(counts.get(id) ?? 0);
  switch (kind) {
    case 'informationService':
      return [
        { header: t('scope.column.category'), cell: (e) => <ElementLink element={index.get('informationCategory', (e as ElementOfKind['informationService']).categoryId)} /> },
        { header: t('scope.column.tier'), cell: (e) => <ElementLink element={index.get('deliveryTier', (e as ElementOfKind['informationService']).tierId)} /> },
      ] as Column<K>[];
    case 'informationCategory':
      return [{ header: t('scope.column.services'), numeric: true, cell: (e) => n(e.id) }] as Column<K>[];
    case 'deliveryTier':
      return [
        { header: t('scope.column.firstDelivery'), cell: (e) => ((e as ElementOfKind['deliveryTier']).firstDelivery ? t('common.yes') : t('common.no')) },
        { header: t('scope.column.services'), numeric: true, cell: (e) => n(e.id) },
      ] as Column<K>[];
    case 'personnelGroup':
      return [{ header: t('scope.column.servicesFirstDelivery'), numeric: true, cell: (e) => n(e.id) }] as Column<K>[];
    case 'actor':
      return [{ header: t('scope.column.services'), numeric: true, cell: (e) => n(e.id) }] as Column<K>[];
    case 'collaborationMode':
      return [{ header: t('scope.column.links'), numeric: true, cell: (e) => n(e.id) }] as Column<K>[];
    case 'needLevel':
      return [{ header: t('scope.column.rank'), numeric: true, cell: (e) => (e as ElementOfKind['needLevel']).rank }] as Column<K>[];
    case 'goal':
      return [{ header: t('scope.column.services'), numeric: true, cell: (e) => n(e.id) }] as Column<K>[];
    case 'solutionPart':
      return [{ header: t('scope.column.capabilities'), numeric: true, cell: (e) => n(e.id) }] as Column<K>[];
    case 'roadmapPhase':
      return [
        { header: t('scope.column.from'), cell: (e) => date((e as ElementOfKind['roadmapPhase']).startsOn) },
        { header: t('scope.column.to'), cell: (e) => { const end = (e as ElementOfKind['roadmapPhase']).endsOn; return end ? date(end) : t('common.none'); } },
      ] as Column<K>[];
    case 'milestone':
      return [
        { header: t('scope.column.date'), cell: (e) => date((e as ElementOfKind['milestone']).startsOn) },
        { header: t('scope.column.phase'), cell: (e) => <ElementLink element={index.get('roadmapPhase', (e as ElementOfKind['milestone']).phaseId)} /> },
      ] as Column<K>[];
    case 'decisionPoint':
      return [
        { header: t('scope.column.trackNumber'), cell: (e) => t('scope.column.trackNumberValue', { track: (e as ElementOfKind['decisionPoint']).track, number: (e as ElementOfKind['decisionPoint']).number }) },
        { header: t('scope.column.by'), cell: (e) => date((e as ElementOfKind['decisionPoint']).startsOn) },
      ] as Column<K>[];
    case 'journalInterface':
    case 'nationalSolution':
    case 'risk':
      return [{ header: kind === 'risk' ? t('scope.column.threatens') : t('scope.column.services'), numeric: true, cell: (e) => n(e.id) }] as Column<K>[];
    case 'region':
      return [{ header: t('scope.column.recordSolution'), cell: (e) => t(`domain.recordSolution.${(e as ElementOfKind['region']).recordSolution}`) }] as Column<K>[];
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
  const { t } = useI18n();
  const plural = t(`kinds.${props.kind}.plural`);
  return (
    <>
      <PageHeader
        title={plural}
        lead={t(`kinds.${props.kind}.intro`)}
        crumbs={[{ href: '/', label: t('scope.crumb.overview') }, { label: plural }]}
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
  const { t, name } = useI18n();
  const plural = t(`kinds.${kind}.plural`);
  const columns = columnsFor(kind, index, counts);
  const sorted = [...elements].sort(byPosition);
  const reorder = canEdit === true && orderedKinds.has(kind) && kind !== 'informationService';
  const select = canEdit === true && kind === 'informationService';
  return (
    <section
      id="elementliste"
      class="table-scroll"
      tabindex={0}
      aria-label={plural}
      hx-get={selfUrl}
      hx-trigger={selfUrl ? 'scopeChanged from:body' : undefined}
      hx-swap="outerHTML"
    >
      {sorted.length === 0 ? (
        <Empty>{t('scope.list.empty')}</Empty>
      ) : (
        <table class="ds-table" data-border data-zebra>
          <caption class="ds-sr-only">
            {t('scope.list.caption', { kind: plural, count: paging ? paging.total : sorted.length })}
          </caption>
          <thead>
            <tr>
              {select ? (
                <th scope="col">
                  <input class="ds-input" type="checkbox" data-select-all="flytt-tjenester" id="velg-alle" aria-label={t('scope.list.selectAll')} />
                </th>
              ) : null}
              <th scope="col">{t('scope.list.name')}</th>
              {columns.map((c) => (
                <th scope="col" class={c.numeric ? 'num' : undefined}>
                  {c.header}
                </th>
              ))}
              <th scope="col">{t('scope.list.source')}</th>
              {reorder ? <th scope="col">{t('scope.list.order')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {sorted.map((e, i) => (
              <tr>
                {select ? (
                  <td>
                    <input class="ds-input" type="checkbox" name="services" value={`${e.key}:${e.version}`} form="flytt-tjenester" id={`velg-${e.key}`} aria-label={t('scope.list.select', { name: name(e) })} />
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
          <Pager page={paging.page} pageSize={paging.pageSize} total={paging.total} href={paging.href} target="#elementliste" label={t('scope.list.pages', { kind: plural })} idPrefix="liste-side" />
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
  element: { key: string; name: string; nameEn?: string | null; position: number };
  direction: 'up' | 'down';
  disabled: boolean;
  focus: boolean;
  target?: string;
}) {
  const { t, name } = useI18n();
  const action = `${elementHref(kind, element.key)}/flytt`;
  const label = t(direction === 'up' ? 'scope.list.moveUp' : 'scope.list.moveDown', { name: name(element) });
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
  const { t, name } = useI18n();
  return (
    <form id="flytt-tjenester" class="filter-form bulk-form" method="post" action="/informasjonstjenester/flytt" hx-post="/informasjonstjenester/flytt" hx-target="#flytt-status" hx-swap="innerHTML">
      <fieldset class="ds-fieldset">
        <legend class="ds-label">{t('scope.bulk.legend')}</legend>
        <div class="filter-form">
          <div class="ds-field">
            <label class="ds-label" for="flytt-tier">
              {t('scope.bulk.tier')}
            </label>
            <select class="ds-input" id="flytt-tier" name="tier">
              <option value="">{t('scope.bulk.keepTier')}</option>
              <option value="-">{t('scope.bulk.noTier')}</option>
              {tiers.map((tier) => (
                <option value={tier.key}>{name(tier)}</option>
              ))}
            </select>
          </div>
          <div class="ds-field">
            <label class="ds-label" for="flytt-category">
              {t('scope.bulk.category')}
            </label>
            <select class="ds-input" id="flytt-category" name="category">
              <option value="">{t('scope.bulk.keepCategory')}</option>
              {categories.map((c) => (
                <option value={c.key}>{name(c)}</option>
              ))}
            </select>
          </div>
          <button class="ds-button" type="submit">
            {t('scope.bulk.submit')}
          </button>
        </div>
      </fieldset>
      <div id="flytt-status" role="status" aria-live="polite"></div>
    </form>
  );
}

export { elementHref };
