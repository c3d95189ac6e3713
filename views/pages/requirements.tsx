import type { Child } from 'hono/jsx';
import {
  requirementListUrl,
  requirementPageCount,
  requirementPageSize,
  type RequirementListQuery,
  type RequirementSortKey,
} from '../../model/requirement-list.ts';
import { requirementPriorities, requirementStatuses } from '../../model/schemas.ts';
import type { RequirementListChoices, RequirementListPage } from '../../src/db/queries/requirement-list.ts';
import { ElementLink, Empty, PageHeader, TentativeTag } from '../components/common.tsx';
import { FilterSelect } from '../components/form.tsx';
import { Pager } from '../components/pager.tsx';
import { useI18n } from '../i18n/index.ts';
import { BulkForm } from './requirement-bulk.tsx';

/*
 * The requirement list (issue 13): filter, sort and page in the URL, 50 rows a page whatever the
 * size of the set. The filter form and every link carry the whole state, so the page works
 * without JavaScript; with it, htmx swaps the list region (#kravliste) and pushes the same URL.
 */

export interface RequirementListProps {
  query: RequirementListQuery;
  page: RequirementListPage;
  choices: RequirementListChoices;
  /** Architects and administrators get the checkboxes and the bulk form. */
  canEdit: boolean;
  createPanel?: Child;
  /** A message above the list (after a bulk change). */
  notice?: string;
}

const governsShown = 5;

export function RequirementsPage(props: RequirementListProps) {
  const { t } = useI18n();
  const { query, choices } = props;
  return (
    <>
      <PageHeader title={t('requirementList.title')} lead={t('requirementList.lead')} crumbs={[{ href: '/', label: t('requirementList.crumbHome') }, { label: t('requirementList.title') }]} />
      <p class="ds-paragraph">
        <a class="ds-link" href="/baselines">
          {t('requirementList.baselinesLink')}
        </a>
        {props.canEdit ? (
          <>
            {' · '}
            <a class="ds-link" href="/import">
              {t('import.nav')}
            </a>
          </>
        ) : null}
      </p>
      {props.createPanel}
      <form
        class="filter-form"
        id="kravfilter"
        method="get"
        action="/krav"
        hx-get="/krav"
        hx-target="#kravliste"
        hx-swap="outerHTML"
        hx-trigger="change delay:400ms, submit"
        hx-push-url="true"
        role="search"
        aria-label={t('requirementList.filter.label')}
      >
        <FilterSelect
          id="filter-chapter"
          name="chapter"
          label={t('requirementList.filter.chapter')}
          all={t('requirementList.filter.all')}
          options={[...choices.chapters.map((c) => ({ value: String(c.id), label: `${c.number} ${c.name}` })), { value: 'none', label: t('requirementList.noChapter') }]}
          value={query.chapter}
        />
        <FilterSelect
          id="filter-type"
          name="type"
          label={t('requirementList.filter.type')}
          all={t('requirementList.filter.all')}
          options={[...choices.types.map((ty) => ({ value: ty.key, label: ty.label })), { value: 'none', label: t('requirementList.noType') }]}
          value={query.type}
        />
        <FilterSelect
          id="filter-priority"
          name="priority"
          label={t('requirementList.filter.priority')}
          all={t('requirementList.filter.all')}
          options={requirementPriorities.map((p) => ({ value: p, label: t(`requirementList.priority.${p}`) }))}
          value={query.priority}
        />
        <FilterSelect
          id="filter-status"
          name="status"
          label={t('requirementList.filter.status')}
          all={t('requirementList.filter.all')}
          options={requirementStatuses.map((s) => ({ value: s, label: t(`requirementList.status.${s}`) }))}
          value={query.status}
        />
        <FilterSelect id="filter-tier" name="tier" label={t('requirementList.filter.tier')} all={t('requirementList.filter.all')} options={choices.tiers.map((ti) => ({ value: ti.key, label: ti.name }))} value={query.tier} />
        <div class="ds-field">
          <label class="ds-label" for="filter-element">
            {t('requirementList.filter.element')}
          </label>
          <div class="ds-field__description" id="filter-element-hint">
            {t('requirementList.filter.elementHint')}
          </div>
          <input class="ds-input" type="text" id="filter-element" name="element" value={query.element ? `${query.element.kind}:${query.element.key}` : ''} aria-describedby="filter-element-hint" />
        </div>
        <div class="ds-field">
          <label class="ds-label" for="filter-q">
            {t('requirementList.filter.q')}
          </label>
          <input class="ds-input" type="search" id="filter-q" name="q" value={query.q ?? ''} />
        </div>
        {query.sort !== 'id' ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.dir !== 'asc' ? <input type="hidden" name="dir" value={query.dir} /> : null}
        <button class="ds-button" data-variant="secondary" type="submit">
          {t('requirementList.filter.show')}
        </button>
        <a class="ds-link" href="/krav">
          {t('requirementList.filter.reset')}
        </a>
      </form>
      <RequirementListRegion {...props} />
    </>
  );
}

const columns: Array<{ sort?: RequirementSortKey; key: 'id' | 'requirement' | 'chapter' | 'type' | 'priority' | 'status' | 'governs' | 'changed' }> = [
  { sort: 'id', key: 'id' },
  { key: 'requirement' },
  { sort: 'chapter', key: 'chapter' },
  { key: 'type' },
  { sort: 'priority', key: 'priority' },
  { sort: 'status', key: 'status' },
  { key: 'governs' },
  { sort: 'changed', key: 'changed' },
];

/** The region htmx swaps: the count, the bulk form, the table and the pager. */
export function RequirementListRegion({ query, page, choices, canEdit, notice }: RequirementListProps) {
  const { t, number, dateTime } = useI18n();
  const selfUrl = requirementListUrl(query);
  const chapterOf = new Map(choices.chapters.map((c) => [c.id, c]));
  const typeOf = new Map(choices.types.map((ty) => [ty.key, ty.label]));
  const from = (page.page - 1) * page.pageSize + 1;
  const to = from + page.rows.length - 1;
  const hx = (href: string) => ({ 'hx-get': href, 'hx-target': '#kravliste', 'hx-swap': 'outerHTML', 'hx-push-url': 'true' });
  return (
    <div id="kravliste" hx-get={selfUrl} hx-trigger="scopeChanged from:body" hx-swap="outerHTML">
      {notice ? (
        <div class="ds-alert" data-color="success" role="status">
          <p class="ds-paragraph">{notice}</p>
        </div>
      ) : null}
      <p class="ds-paragraph" id="kravliste-antall">
        {page.total === 0 ? t('requirementList.empty') : t('requirementList.summary', { count: page.total, from: number(from), to: number(to) })}
      </p>
      {canEdit && page.total > 0 ? <BulkForm query={query} choices={choices} total={page.total} /> : null}
      {page.rows.length === 0 ? (
        <Empty>{t('requirementList.empty')}</Empty>
      ) : (
        <section class="table-scroll" tabindex={0} aria-label={t('requirementList.table')}>
          <table class="ds-table requirement-list" data-border data-zebra>
            <caption class="ds-sr-only">{t('requirementList.table')}</caption>
            <thead>
              <tr>
                {canEdit ? (
                  <th scope="col">
                    <span class="ds-sr-only">{t('requirementList.column.select')}</span>
                  </th>
                ) : null}
                {columns.map((col) => {
                  const label = t(`requirementList.column.${col.key}`);
                  if (!col.sort) return <th scope="col">{label}</th>;
                  const active = query.sort === col.sort;
                  const next = active && query.dir === 'asc' ? 'desc' : 'asc';
                  const href = requirementListUrl({ ...query, sort: col.sort, dir: next, side: 1 });
                  return (
                    <th scope="col" aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                      <a class="sort-link" href={href} {...hx(href)}>
                        {label}
                        <span class="ds-sr-only">
                          {', '}
                          {active ? t(query.dir === 'asc' ? 'requirementList.sortedAscending' : 'requirementList.sortedDescending') : t('requirementList.sortable')}
                        </span>
                      </a>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => {
                const chapter = r.chapterId === null ? undefined : chapterOf.get(r.chapterId);
                return (
                  <tr>
                    {canEdit ? (
                      <td>
                        <input type="checkbox" class="ds-input" form="masseendring" name="selected" value={String(r.id)} id={`velg-${r.id}`} aria-label={t('requirementList.selectRow', { ref: r.ref })} />
                      </td>
                    ) : null}
                    <td class="nowrap">{r.ref}</td>
                    <th scope="row">
                      <ElementLink element={{ kind: 'requirement', key: r.key, name: r.name }} /> <TentativeTag show={r.tentative} />
                      <div class="muted">{r.text.length > 240 ? `${r.text.slice(0, 239)}…` : r.text}</div>
                    </th>
                    <td>{chapter ? `${chapter.number} ${chapter.name}` : <span class="muted">{t('requirementList.noChapter')}</span>}</td>
                    <td>{r.typeKey ? (typeOf.get(r.typeKey) ?? r.typeKey) : <span class="muted">–</span>}</td>
                    <td>{t(`requirementList.priority.${r.priority}`)}</td>
                    <td>{t(`requirementList.status.${r.status}`)}</td>
                    <td>
                      <ul class="cell-list">
                        {r.governs.slice(0, governsShown).map((e) => (
                          <li>
                            <ElementLink element={e} />
                          </li>
                        ))}
                        {r.governs.length > governsShown ? <li class="muted">{t('requirementList.governsMore', { count: r.governs.length - governsShown })}</li> : null}
                      </ul>
                    </td>
                    <td class="nowrap">{dateTime(r.updatedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      <RequirementPager query={query} total={page.total} />
    </div>
  );
}

/** First, previous, the pages around this one, next and last; each a real link with the whole state. */
function RequirementPager({ query, total }: { query: RequirementListQuery; total: number }) {
  const { t } = useI18n();
  return (
    <Pager
      page={query.side}
      pageSize={requirementPageSize}
      total={total}
      href={(p) => requirementListUrl({ ...query, side: p })}
      target="#kravliste"
      label={t('requirementList.pager.label')}
      idPrefix="kravside"
      around={2}
    />
  );
}

/** Past the last page: what there is, and a link to the last page. */
export function RequirementPageMissing({ query, total }: { query: RequirementListQuery; total: number }) {
  const { t } = useI18n();
  const pages = requirementPageCount(total);
  return (
    <p class="ds-paragraph">
      {t('requirementList.pageMissing', { page: query.side, pages })}{' '}
      <a class="ds-link" href={requirementListUrl({ ...query, side: pages })} id="kravside-siste">
        {t('requirementList.lastPage')}
      </a>
    </p>
  );
}
