import { numberChapters, traceHref, type RequirementChapter, type TraceQuery } from '../../model/requirements.ts';
import { requirementPriorities, requirementStatuses } from '../../model/schemas.ts';
import type { CoverageFigures, TracePage } from '../../src/db/queries/traceability.ts';
import { requirementListSearch, type RequirementListQuery } from '../../model/requirement-list.ts';
import { Empty, PageHeader } from '../components/common.tsx';
import { Pager } from '../components/pager.tsx';
import { FilterSelect } from '../components/form.tsx';
import { useI18n } from '../i18n/index.ts';
import { StructureNav } from './requirement-structure.tsx';

/*
 * The traceability view (issue 13): the coverage figures, then requirements by information
 * service (or by capability), filtered by chapter, type, priority, status and tier, a page at a
 * time with the filters and the page in the URL. The filter form swaps the table in place.
 */

export interface TraceViewProps {
  query: TraceQuery;
  coverage: CoverageFigures;
  page: TracePage;
  pageSize: number;
  chapters: RequirementChapter[];
  types: Array<{ key: string; label: string }>;
  tiers: Array<{ key: string; name: string }>;
}

function CoverageSection({ coverage }: { coverage: CoverageFigures }) {
  const { t } = useI18n();
  const more = (shown: number, count: number) => (count > shown ? <li class="muted">{t('requirement.trace.more', { count: count - shown })}</li> : null);
  return (
    <section id="dekning" aria-labelledby="dekning-tittel" class="detail-section">
      <h2 id="dekning-tittel" class="ds-heading" data-size="sm">
        {t('requirement.trace.coverage')}
      </h2>
      <dl class="figures">
        <div>
          <dt>{t('requirement.trace.withoutRequirement')}</dt>
          <dd id="dekning-uten-krav">
            {t('requirement.trace.ofFirstDelivery', { count: coverage.firstDeliveryWithoutRequirement.count, total: coverage.firstDeliveryServices })}
          </dd>
        </div>
        <div>
          <dt>{t('requirement.trace.governingNothing')}</dt>
          <dd id="dekning-gjelder-ingenting">{t('requirement.trace.ofRequirements', { count: coverage.governingNothing.count, total: coverage.requirements })}</dd>
        </div>
        <div>
          <dt>{t('requirement.trace.deletedElement')}</dt>
          <dd id="dekning-slettet">{t('requirement.trace.ofRequirements', { count: coverage.withDeletedElement.count, total: coverage.requirements })}</dd>
        </div>
      </dl>
      {coverage.firstDeliveryWithoutRequirement.count > 0 ? (
        <details>
          <summary>{t('requirement.trace.withoutRequirement')}</summary>
          <ul class="link-list">
            {coverage.firstDeliveryWithoutRequirement.first.map((s) => (
              <li>
                <a class="ds-link" href={`/informasjonstjenester/${s.key}`}>
                  {s.name}
                </a>
              </li>
            ))}
            {more(coverage.firstDeliveryWithoutRequirement.first.length, coverage.firstDeliveryWithoutRequirement.count)}
          </ul>
        </details>
      ) : null}
      {coverage.governingNothing.count > 0 ? (
        <details>
          <summary>{t('requirement.trace.governingNothing')}</summary>
          <ul class="link-list">
            {coverage.governingNothing.first.map((r) => (
              <li>
                <a class="ds-link" href={`/krav/${r.key}`}>
                  {r.ref} {r.name}
                </a>
              </li>
            ))}
            {more(coverage.governingNothing.first.length, coverage.governingNothing.count)}
          </ul>
        </details>
      ) : null}
      {coverage.withDeletedElement.count > 0 ? (
        <details>
          <summary>{t('requirement.trace.deletedElement')}</summary>
          <ul class="link-list">
            {coverage.withDeletedElement.first.map((r) => (
              <li>
                <a class="ds-link" href={`/krav/${r.key}`}>
                  {r.ref} {r.name}
                </a>{' '}
                <span class="muted">{t('requirement.trace.deletedName', { name: r.lost })}</span>
              </li>
            ))}
            {more(coverage.withDeletedElement.first.length, coverage.withDeletedElement.count)}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** The requirement list's query for every requirement of one row, with the view's requirement filters. */
function allOf(query: TraceQuery, kind: 'informationService' | 'capability', key: string): Partial<RequirementListQuery> {
  return { element: { kind, key }, chapter: query.kapittel, type: query.type, priority: query.prioritet, status: query.status };
}

export function TraceTable(props: TraceViewProps) {
  const { t } = useI18n();
  const { query, page } = props;
  const byService = query.etter === 'tjenester';
  return (
    <div id="sporingstabell">
      <p class="ds-paragraph" role="status">
        {t(byService ? 'requirement.trace.servicesShown' : 'requirement.trace.capabilitiesShown', { count: page.total })}
      </p>
      {page.rows.length === 0 ? (
        <Empty>{t('requirement.trace.noRows')}</Empty>
      ) : (
        <section class="table-scroll" tabindex={0} aria-label={t('requirement.trace.tableLabel')}>
          <table class="ds-table" data-border data-zebra>
            <caption class="ds-sr-only">{t('requirement.trace.tableLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(byService ? 'requirement.trace.service' : 'requirement.trace.capability')}</th>
                <th scope="col">{t(byService ? 'requirement.trace.category' : 'requirement.trace.parent')}</th>
                {byService ? <th scope="col">{t('requirement.trace.tier')}</th> : null}
                <th scope="col">{t('requirement.trace.requirements')}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr>
                  <th scope="row">
                    <a class="ds-link" href={`/${byService ? 'informasjonstjenester' : 'funksjonsomrader'}/${row.key}`}>
                      {row.name}
                    </a>
                  </th>
                  <td>{row.group ?? '–'}</td>
                  {byService ? <td>{row.tier ?? '–'}</td> : null}
                  <td>
                    {row.requirementCount === 0 ? (
                      <span class="muted">{t('requirement.trace.none')}</span>
                    ) : (
                      <ul class="cell-list">
                        {row.requirements.map((r) => (
                          <li>
                            <a class="ds-link" href={`/krav/${r.key}`}>
                              {r.ref} {r.name}
                            </a>{' '}
                            <span class="muted">
                              ({t(`requirementList.priority.${r.priority}`)}, {t(`requirementList.status.${r.status}`)})
                            </span>
                          </li>
                        ))}
                        {row.requirementCount > row.requirements.length ? (
                          <li>
                            <a class="ds-link" href={`/krav${requirementListSearch(allOf(query, byService ? 'informationService' : 'capability', row.key))}`}>
                              {t('requirement.trace.allOfRow', { count: row.requirementCount, name: row.name })}
                            </a>
                          </li>
                        ) : null}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <Pager page={query.side} pageSize={props.pageSize} total={page.total} href={(p) => traceHref(query, p)} target="#sporingstabell" label={t('requirement.trace.pages')} />
    </div>
  );
}

export function TraceabilityPage(props: TraceViewProps) {
  const { t } = useI18n();
  const { query } = props;
  const chapters = numberChapters(props.chapters);
  return (
    <>
      <PageHeader
        title={t('requirement.trace.title')}
        lead={t('requirement.trace.lead')}
        crumbs={[{ href: '/', label: t('requirement.crumb.home') }, { href: '/krav', label: t('requirement.crumb.requirements') }, { label: t('requirement.trace.title') }]}
      />
      <StructureNav />
      <CoverageSection coverage={props.coverage} />
      <form
        class="filter-form"
        method="get"
        action="/krav/sporbarhet"
        hx-get="/krav/sporbarhet"
        hx-target="#sporingstabell"
        hx-swap="outerHTML"
        hx-trigger="change"
        hx-push-url="true"
        role="search"
        aria-label={t('requirement.trace.filterLabel')}
      >
        <FilterSelect
          id="sporing-etter"
          name="etter"
          label={t('requirement.trace.by')}
          all={t('requirement.trace.byService')}
          options={[{ value: 'funksjonsomrader', label: t('requirement.trace.byCapability') }]}
          value={query.etter === 'tjenester' ? '' : query.etter}
        />
        <FilterSelect
          id="sporing-kapittel"
          name="kapittel"
          label={t('requirement.trace.chapter')}
          all={t('requirement.trace.all')}
          options={chapters.map((c) => ({ value: String(c.id), label: `${'– '.repeat(c.depth)}${c.number} ${c.name}` }))}
          value={query.kapittel}
        />
        <FilterSelect id="sporing-type" name="type" label={t('requirement.trace.type')} all={t('requirement.trace.all')} options={props.types.map((x) => ({ value: x.key, label: x.label }))} value={query.type} />
        <FilterSelect
          id="sporing-prioritet"
          name="prioritet"
          label={t('requirement.trace.priority')}
          all={t('requirement.trace.all')}
          options={requirementPriorities.map((p) => ({ value: p, label: t(`requirementList.priority.${p}`) }))}
          value={query.prioritet}
        />
        <FilterSelect
          id="sporing-status"
          name="status"
          label={t('requirement.trace.status')}
          all={t('requirement.trace.all')}
          options={requirementStatuses.map((s) => ({ value: s, label: t(`requirementList.status.${s}`) }))}
          value={query.status}
        />
        <FilterSelect id="sporing-trinn" name="trinn" label={t('requirement.trace.tier')} all={t('requirement.trace.all')} options={props.tiers.map((x) => ({ value: x.key, label: x.name }))} value={query.trinn} />
        <button class="ds-button" data-variant="secondary" type="submit">
          {t('requirement.trace.show')}
        </button>
      </form>
      <TraceTable {...props} />
    </>
  );
}
