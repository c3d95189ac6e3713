import type { Coverage } from '../../../model/review/coverage.ts';
import type { TallySort } from '../../../model/review/tallies.ts';
import { commentPageSize, type CommentPaging } from '../../../model/review/comment-list.ts';
import { stanceKey, stances } from '../../../model/review/schemas.ts';
import type { FrozenService, ReviewRound } from '../../../model/review/types.ts';
import type { CommentFilter, RoundComment } from '../../../src/db/queries/review/comments.ts';
import { Empty, formatNumber } from '../../components/common.tsx';
import { StanceTag, formatShare } from './common.tsx';
import { FilterSelect } from '../../components/form.tsx';
import { Pager } from '../../components/pager.tsx';
import { useI18n } from '../../i18n/index.ts';

/** The dashboard's coverage per county, with a bar against the goal and the figures in words. */
export function CountyTable({ coverage }: { coverage: Coverage }) {
  const { t } = useI18n();
  return (
    <div class="table-scroll">
      <table class="ds-table" data-border data-zebra>
        <caption>{t('review.county.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('review.county.col.county')}</th>
            <th scope="col">{t('review.county.col.inScope')}</th>
            <th scope="col" class="num">
              {t('review.county.col.signed')}
            </th>
            <th scope="col" class="num">
              {t('review.county.col.population')}
            </th>
            <th scope="col">{t('review.county.col.share')}</th>
          </tr>
        </thead>
        <tbody>
          {coverage.counties.map((c) => (
            <tr>
              <th scope="row">
                {t('review.county.name', { name: c.countyName, number: c.countyNumber })}
              </th>
              <td>{c.inScope ? t('review.county.yes') : t('review.county.no')}</td>
              <td class="num">{t('review.county.of', { part: c.signedMunicipalities, whole: c.municipalities })}</td>
              <td class="num">{t('review.county.of', { part: c.signedPopulation, whole: c.population })}</td>
              <td>
                <span class="county-share">
                  <svg class="county-share__bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect class="coverage__track" x="0" y="0" width="100" height="8" />
                    <rect class={`coverage__fill${c.goalMet ? ' coverage__fill--met' : ''}`} x="0" y="0" width={String(Math.round(c.share * 1000) / 10)} height="8" />
                    <line class="coverage__goal" x1="50" x2="50" y1="0" y2="8" />
                  </svg>
                  <span class="county-share__value">{c.goalMet ? t('review.county.overGoal', { share: formatShare(c.share) }) : formatShare(c.share)}</span>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Choose another round to show; the order stays. */
export function RoundPicker({ rounds, round, sort }: { rounds: ReviewRound[]; round: ReviewRound | undefined; sort: TallySort }) {
  const { t } = useI18n();
  return (
    <form class="filter-form" method="get" action="/vurdering/dashbord" aria-label={t('review.picker.label')}>
      <input type="hidden" name="sorter" value={sort} />
      <div class="ds-field">
        <label class="ds-label" for="runde">
          {t('review.picker.other')}
        </label>
        <select class="ds-input" id="runde" name="runde">
          {rounds.map((r) => (
            <option value={String(r.id)} selected={r.id === round?.id}>
              {r.title}
            </option>
          ))}
        </select>
      </div>
      <button class="ds-button" data-variant="secondary" type="submit">
        {t('review.picker.show')}
      </button>
    </form>
  );
}

/** One page of the comments from submitted reviews, filtered as the architect chose; for architects only. */
export interface CommentList {
  comments: RoundComment[];
  /** How many comments the filter lets through, on every page. */
  total: number;
  paging: CommentPaging;
  filter: CommentFilter;
  services: FrozenService[];
}

/** The dashboard's address with its round and order kept, and the comment list's filter and page. */
function commentsHref(round: ReviewRound, sort: TallySort, filter: CommentFilter, page: number): string {
  const params = new URLSearchParams({ runde: String(round.id) });
  if (sort !== 'liste') params.set('sorter', sort);
  if (filter.roundServiceId !== undefined) params.set('tjeneste', String(filter.roundServiceId));
  if (filter.stance !== undefined) params.set('standpunkt', filter.stance);
  if (page > 1) params.set('side', String(page));
  return `/vurdering/dashbord?${params.toString()}#kommentarer`;
}

export function Comments({ list, round, sort }: { list: CommentList; round: ReviewRound; sort: TallySort }) {
  const { comments, total, paging, filter } = list;
  const filtered = filter.roundServiceId !== undefined || filter.stance !== undefined;
  const { t } = useI18n();
  // Rows come in the list's order: a heading where the service changes.
  const groups: Array<{ name: string; comments: RoundComment[] }> = [];
  for (const c of comments) {
    const last = groups.at(-1);
    if (last && last.name === c.serviceName) last.comments.push(c);
    else groups.push({ name: c.serviceName, comments: [c] });
  }
  return (
    <section aria-labelledby="kommentarer">
      <h2 class="ds-heading" data-size="md" id="kommentarer">
        {t('review.comments.heading', { count: total })}
      </h2>
      <p class="ds-paragraph muted">{t('review.comments.lead')}</p>
      <form class="filter-form" method="get" action="/vurdering/dashbord#kommentarer" aria-label={t('review.comments.filter')}>
        <input type="hidden" name="runde" value={String(round.id)} />
        {sort !== 'liste' ? <input type="hidden" name="sorter" value={sort} /> : null}
        <FilterSelect
          id="kommentar-tjeneste"
          name="tjeneste"
          label={t('review.comments.service')}
          all={t('review.comments.allServices')}
          options={list.services.map((s) => ({ value: String(s.id), label: s.name }))}
          value={filter.roundServiceId}
        />
        <FilterSelect
          id="kommentar-standpunkt"
          name="standpunkt"
          label={t('review.comments.stance')}
          all={t('review.comments.allStances')}
          options={stances.map((s) => ({ value: s, label: t(stanceKey(s)) }))}
          value={filter.stance}
        />
        <button class="ds-button" data-variant="secondary" type="submit">
          {t('review.comments.show')}
        </button>
        {filtered ? (
          <a class="ds-link" href={commentsHref(round, sort, {}, 1)}>
            {t('review.comments.showAll')}
          </a>
        ) : null}
      </form>
      {total === 0 ? (
        <Empty>{filtered ? t('review.comments.noneMatch') : t('review.comments.none')}</Empty>
      ) : (
        <>
          <p class="ds-paragraph">{t(filtered ? 'review.comments.rangeFiltered' : 'review.comments.range', { first: paging.first, last: paging.last, total })}</p>
          {groups.map((g) => (
            <div class="review-comment-group">
              <h3 class="ds-heading" data-size="xs">
                {g.name}
              </h3>
              <ul class="review-comment-list">
                {g.comments.map((k) => (
                  <li>
                    <strong>
                      {t('review.comments.who', { name: k.municipality.name, population: k.municipality.population })}
                    </strong>{' '}
                    <StanceTag stance={k.stance} />
                    <p class="ds-paragraph review-comment">{k.comment}</p>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <Pager
            page={paging.page}
            pageSize={commentPageSize}
            total={total}
            href={(p) => commentsHref(round, sort, filter, p)}
            label={t('review.comments.pages')}
            idPrefix="kommentarer-side"
          />
        </>
      )}
    </section>
  );
}
