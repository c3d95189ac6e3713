import type { Coverage } from '../../../model/review/coverage.ts';
import { answerKey } from '../../../model/review/csv.ts';
import { intentionStatusKey, intentionStatuses, type IntentionStatus } from '../../../model/review/schemas.ts';
import { answers, tallySorts, type ServiceTally, type TallySort } from '../../../model/review/tallies.ts';
import type { FrozenService, ReviewRound } from '../../../model/review/types.ts';
import { Empty, formatNumber } from '../../components/common.tsx';
import { Comments, CountyTable, RoundPicker, type CommentList } from './dashboard-parts.tsx';
import { CoverageBar, ReviewHeader, formatCount, formatShare, type ReviewAbilities } from './common.tsx';
import { useI18n } from '../../i18n/index.ts';
import { Pager } from '../../components/pager.tsx';
import type { ListPaging } from '../elements.tsx';

export interface DashboardProps {
  abilities: ReviewAbilities;
  rounds: ReviewRound[];
  round: ReviewRound | undefined;
  coverage: Coverage;
  /** The counties outside the shared record, from the modelled regions (issue 16). */
  outside?: Array<{ countyNumber: string; regionName: string; regionKey: string; level: string; note: string }> | undefined;
  intentions: Record<IntentionStatus, { municipalities: number; population: number }>;
  reviewed: { municipalities: number; population: number; drafts: number };
  /** One page of the services' tallies, in the chosen order. */
  tallies: Array<ServiceTally<FrozenService>>;
  paging: ListPaging;
  sort: TallySort;
  /** One page of the comments, only for those who may read every comment. */
  comments?: CommentList | undefined;
}

export const dashboardHref = (round: number | undefined, sort: TallySort, page = 1) => {
  const params = new URLSearchParams();
  if (round !== undefined) params.set('runde', String(round));
  if (sort !== 'liste') params.set('sorter', sort);
  if (page > 1) params.set('tjenesteside', String(page));
  const q = params.toString();
  return q ? `/vurdering/dashbord?${q}` : '/vurdering/dashbord';
};

export function DashboardPage(props: DashboardProps) {
  const { abilities, rounds, round, coverage } = props;
  const total = coverage.all;
  const excluded = coverage.counties.filter((c) => !c.inScope).map((c) => `${c.countyName} (${c.countyNumber})`);
  const { t, tx } = useI18n();
  const regions = [...new Map((props.outside ?? []).map((o) => [o.regionKey, o])).values()];
  return (
    <>
      <ReviewHeader title={t('review.dashboard.title')} current="/vurdering/dashbord" abilities={abilities} lead={t('review.dashboard.lead')} />
      <section aria-labelledby="dekning">
        <h2 class="ds-heading" data-size="md" id="dekning">
          {t('review.dashboard.coverage')}
        </h2>
        <CoverageBar label={t('domain.dashboard.allBar')} figure={coverage.all} />
        <CoverageBar label={t('domain.dashboard.inScopeBar')} figure={coverage.inScope} />
        <p class="ds-paragraph" id="kommunereformer">
          {t('domain.dashboard.reforms')}
        </p>
        <p class="ds-paragraph muted" id="omfang-grunnlag">
          {regions.length > 0
            ? tx('domain.dashboard.inScopeInferred', {
                counties: excluded.join(', '),
                regions: regions.map((r) => r.regionName).join(', '),
                region: (chunks) => <a href={`/regioner/${regions[0]!.regionKey}`}>{chunks}</a>,
              })
            : t('domain.dashboard.allInScope')}{' '}
          {regions.map((r) => r.note).filter((n, i, all) => n && all.indexOf(n) === i).join(' ')}
        </p>
        <div class="table-scroll">
          <table class="ds-table" data-border data-zebra>
            <caption>{t('review.dashboard.byStatus')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('review.dashboard.col.status')}</th>
                <th scope="col" class="num">
                  {t('review.dashboard.col.municipalities')}
                </th>
                <th scope="col" class="num">
                  {t('review.dashboard.col.population')}
                </th>
                <th scope="col" class="num">
                  {t('review.dashboard.col.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {intentionStatuses.map((s) => (
                <tr>
                  <th scope="row">{t(intentionStatusKey(s))}</th>
                  <td class="num">{formatNumber(props.intentions[s].municipalities)}</td>
                  <td class="num">{formatNumber(props.intentions[s].population)}</td>
                  <td class="num">{formatShare(total.population === 0 ? 0 : props.intentions[s].population / total.population)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CountyTable coverage={coverage} />
      </section>
      <section aria-labelledby="vurderinger">
        <h2 class="ds-heading" data-size="md" id="vurderinger">
          {t('review.dashboard.reviews')}
        </h2>
        {round ? <RoundFigures {...props} round={round} /> : <Empty>{t('review.overview.noRound')}</Empty>}
        {rounds.length > 1 ? <RoundPicker rounds={rounds} round={round} sort={props.sort} /> : null}
      </section>
      <section aria-labelledby="nedlasting">
        <h2 class="ds-heading" data-size="md" id="nedlasting">
          {t('review.dashboard.download')}
        </h2>
        <ul class="link-list">
          <li>
            <a class="ds-link" href={`/vurdering/dashbord/eksport.csv${round ? `?runde=${round.id}` : ''}`} download>
              {t('review.dashboard.downloadFigures')}
            </a>
          </li>
          {round && abilities.results ? (
            <li>
              <a class="ds-link" href={`/vurdering/runder/${round.id}/eksport.csv`} download>
                {t('review.dashboard.downloadAnswers')}
              </a>
            </li>
          ) : null}
        </ul>
      </section>
      {round && props.comments ? <Comments list={props.comments} round={round} sort={props.sort} /> : null}
    </>
  );
}

function RoundFigures(props: DashboardProps & { round: ReviewRound }) {
  const { round, reviewed, coverage, abilities, sort } = props;
  const { t, tx } = useI18n();
  return (
    <>
      <p class="ds-paragraph">
        {tx('review.dashboard.round', {
          title: round.title,
          link: (chunks) => (
            <a class="ds-link" href={`/vurdering/runder/${round.id}`}>
              {chunks}
            </a>
          ),
        })}{' '}
        {tx('review.dashboard.reviewed', {
          reviewed: reviewed.municipalities,
          total: coverage.all.municipalities,
          population: reviewed.population,
          share: formatShare(coverage.all.population === 0 ? 0 : reviewed.population / coverage.all.population),
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
        {abilities.manage ? <> {t('review.dashboard.drafts', { count: reviewed.drafts })}</> : null}
      </p>
      <form
        class="filter-form"
        method="get"
        action="/vurdering/dashbord"
        hx-get="/vurdering/dashbord"
        hx-target="#standpunkter"
        hx-swap="outerHTML"
        hx-trigger="change"
        hx-push-url="true"
        aria-label={t('review.dashboard.order')}
      >
        <input type="hidden" name="runde" value={String(round.id)} />
        <div class="ds-field">
          <label class="ds-label" for="sorter">
            {t('review.dashboard.sortLabel')}
          </label>
          <select class="ds-input" id="sorter" name="sorter">
            {tallySorts.map((s) => (
              <option value={s} selected={s === sort}>
                {t(`review.sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button class="ds-button" data-variant="secondary" type="submit">
          {t('review.dashboard.sort')}
        </button>
      </form>
      <TallyTable tallies={props.tallies} reviewed={reviewed} sort={sort} paging={props.paging} />
    </>
  );
}

const sortedColumn: Partial<Record<TallySort, string>> = { mot: 'opposes', endringer: 'supports-with-changes', stotter: 'supports' };

/** The stances per service, weighted by population: the region htmx swaps when the order changes. */
export function TallyTable({ tallies, reviewed, sort, paging }: { tallies: Array<ServiceTally<FrozenService>>; reviewed: { municipalities: number; population: number }; sort: TallySort; paging: ListPaging }) {
  const share = (population: number) => formatShare(reviewed.population === 0 ? 0 : population / reviewed.population);
  const { t } = useI18n();
  return (
    <div id="standpunkter" class="table-scroll" aria-live="polite">
      {reviewed.municipalities === 0 ? (
        <Empty>{t('review.dashboard.noReviews')}</Empty>
      ) : (
        <table class="ds-table tally-table" data-border data-zebra>
          <caption>{t('review.dashboard.tallyCaption', { count: reviewed.municipalities, order: t(`review.dashboard.sortedShort.${sort}`) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('review.dashboard.col.service')}</th>
              {answers.map((a) => (
                <th scope="col" class="num" aria-sort={sortedColumn[sort] === a ? 'descending' : undefined}>
                  {t(answerKey(a))}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tallies.map((tally) => (
              <tr>
                <th scope="row">
                  {tally.service.name}
                  <span class="tally-table__category">{tally.service.categoryName ?? ''}</span>
                </th>
                {answers.map((a) => (
                  <td class="num">
                    {formatCount(tally.counts[a])} <span class="muted">({share(tally.population[a])})</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {reviewed.municipalities > 0 && paging.total > paging.pageSize ? (
        <>
          <p class="ds-paragraph muted">{t('scope.list.range', { first: (paging.page - 1) * paging.pageSize + 1, last: (paging.page - 1) * paging.pageSize + tallies.length, total: paging.total })}</p>
          <Pager page={paging.page} pageSize={paging.pageSize} total={paging.total} href={paging.href} target="#standpunkter" label={t('review.dashboard.pages')} idPrefix="tjenester-side" />
        </>
      ) : null}
    </div>
  );
}

