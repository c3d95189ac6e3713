import { reviewStatusKey } from '../../../model/review/schemas.ts';
import { roundState } from '../../../model/review/rounds.ts';
import type { MunicipalityReview, ReviewRound } from '../../../model/review/types.ts';
import type { Municipality } from '../../../model/schemas.ts';
import { Empty, formatNumber } from '../../components/common.tsx';
import { ErrorSummary, Notice, TextField, type FieldErrors } from '../../components/form.tsx';
import { ReviewHeader, RoundStateText, type ReviewAbilities } from './common.tsx';
import { AddedServices, CategoryGroups, DiffSummary, ServiceSummary, type RoundList } from './list.tsx';
import { DateText, DateTimeText } from '../../components/dates.tsx';
import { useI18n } from '../../i18n/index.ts';
import { Pager } from '../../components/pager.tsx';

/** Services of the frozen list on one page of the round page. */
export const roundListPageSize = 100;

/** The round page's address for a page of its list (page 1 has none). */
export const roundHref = (id: number, page: number) => `/vurdering/runder/${id}${page > 1 ? `?side=${page}` : ''}`;

export interface RoundPageProps {
  round: ReviewRound;
  /** The page of the frozen list shown, with what it says about the whole list. */
  list: RoundList;
  /** Which page of the list is shown (1-based). */
  page?: number | undefined;
  now: Date;
  abilities: ReviewAbilities;
  /** Every review started, for those who manage rounds. */
  reviews?: Array<MunicipalityReview & { municipality: Municipality }> | undefined;
  notice?: string | undefined;
  reopenValues?: { deadline?: string | undefined };
  reopenErrors?: FieldErrors | undefined;
}

export function RoundPage(props: RoundPageProps) {
  const { round, list, now, abilities, page = 1 } = props;
  const { shown, marks } = list;
  const state = roundState(round, now);
  const own = abilities.municipalityNumber;
  const { t, tx } = useI18n();
  return (
    <>
      <ReviewHeader
        title={round.title}
        abilities={abilities}
        lead={
          <>
            {tx('review.round.lead', { count: list.total, time: () => <DateTimeText at={round.openedAt} /> })} <RoundStateText round={round} now={now} />
          </>
        }
      />
      {props.notice ? <Notice color="success">{props.notice}</Notice> : null}
      <ul class="link-list round-links">
        {own ? (
          <li>
            <a class="ds-link" href={`/vurdering/runder/${round.id}/kommuner/${own}`}>
              {state.open ? t('review.round.reviewOwn') : t('review.round.ownReview')}
            </a>
          </li>
        ) : null}
        <li>
          {tx('review.round.dashboardLink', {
            count: round.submittedCount,
            link: (chunks) => (
              <a class="ds-link" href={`/vurdering/dashbord?runde=${round.id}`}>
                {chunks}
              </a>
            ),
          })}
        </li>
        {abilities.results ? (
          <li>
            <a class="ds-link" href={`/vurdering/runder/${round.id}/eksport.csv`} download>
              {t('review.round.download')}
            </a>
          </li>
        ) : null}
      </ul>
      {abilities.manage ? <ManageRound {...props} /> : null}
      <section aria-labelledby="listen">
        <h2 class="ds-heading" data-size="md" id="listen">
          {t('review.round.list')}
        </h2>
        <DiffSummary list={list} />
        {list.total > roundListPageSize ? (
          <p class="ds-paragraph" id="listeutsnitt">
            {t('review.round.window', { from: (page - 1) * roundListPageSize + 1, to: (page - 1) * roundListPageSize + shown.length, total: list.total })}
          </p>
        ) : null}
      </section>
      <CategoryGroups services={shown} whole={list.whole} item={(s, show) => <ServiceSummary service={s} mark={marks.get(s.id)} show={show} />} />
      <Pager page={page} pageSize={roundListPageSize} total={list.total} href={(p) => roundHref(round.id, p)} label={t('review.round.pages')} idPrefix="liste-side" />
      <AddedServices added={list.added} />
    </>
  );
}

function ManageRound({ round, now, reviews = [], reopenValues = {}, reopenErrors }: RoundPageProps) {
  const state = roundState(round, now);
  const { t, tx } = useI18n();
  return (
    <section aria-labelledby="styring" class="manage-round">
      <h2 class="ds-heading" data-size="md" id="styring">
        {t('review.manage.heading')}
      </h2>
      {state.open ? (
        <div class="inline-form">
          <p class="ds-paragraph">{t('review.manage.closeLead')}</p>
          <a class="ds-button" data-variant="secondary" href={`/vurdering/runder/${round.id}/lukk`}>
            {t('review.manage.close')}
          </a>
        </div>
      ) : (
        <>
          <ErrorSummary errors={reopenErrors} labels={{ deadline: t('review.manage.newDeadline') }} />
          <form method="post" action={`/vurdering/runder/${round.id}/gjenapne`} class="form-narrow">
            <TextField
              name="deadline"
              label={t('review.manage.newDeadline')}
              type="date"
              description={t('review.manage.newDeadlineHint')}
              value={reopenValues.deadline}
              errors={reopenErrors}
              required
            />
            <button class="ds-button" data-variant="secondary" type="submit">
              {t('review.manage.reopen')}
            </button>
          </form>
        </>
      )}
      <h3 class="ds-heading" data-size="sm">
        {t('review.manage.reviews')}
      </h3>
      {reviews.length === 0 ? (
        <Empty>{t('review.manage.noReviews')}</Empty>
      ) : (
        <div class="table-scroll">
          <table class="ds-table" data-border data-zebra>
            <caption class="ds-sr-only">{t('review.manage.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('review.manage.col.municipality')}</th>
                <th scope="col">{t('review.manage.col.county')}</th>
                <th scope="col" class="num">
                  {t('review.manage.col.population')}
                </th>
                <th scope="col">{t('review.manage.col.status')}</th>
                <th scope="col">{t('review.manage.col.submitted')}</th>
                <th scope="col">{t('review.manage.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {reviews.map((r) => (
                <tr>
                  <th scope="row">
                    <a class="ds-link" href={`/vurdering/runder/${round.id}/kommuner/${r.municipalityNumber}`}>
                      {r.municipality.name} ({r.municipalityNumber})
                    </a>
                  </th>
                  <td>{r.municipality.countyName}</td>
                  <td class="num">{formatNumber(r.municipality.population)}</td>
                  <td>{t(reviewStatusKey(r.status))}</td>
                  <td>
                    <DateTimeText at={r.status === 'submitted' ? r.submittedAt : null} />
                  </td>
                  <td>
                    {r.status === 'submitted' && state.open ? (
                      <form method="post" action={`/vurdering/runder/${round.id}/kommuner/${r.municipalityNumber}/gjenapne`} class="inline-form">
                        <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit">
                          {tx('review.manage.reopenReview', { name: r.municipality.name, sr: (chunks) => <span class="ds-sr-only">{chunks}</span> })}
                        </button>
                      </form>
                    ) : (
                      <span class="muted">–</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="ds-paragraph muted">
        {tx('review.manage.footer', { date: () => <DateText date={round.deadlineOn} /> })}
      </p>
    </section>
  );
}

/** Shown before an architect closes a round early: who has not submitted, and that nobody can after; nothing closes until confirmed. */
export function CloseRoundConfirm({ round, now, abilities }: { round: ReviewRound; now: Date; abilities: ReviewAbilities }) {
  const path = `/vurdering/runder/${round.id}`;
  const { t, tx } = useI18n();
  return (
    <>
      <ReviewHeader title={t('review.close.title')} abilities={abilities} crumbs={[{ href: path, label: round.title }]} lead={<RoundStateText round={round} now={now} />} />
      <section class="submit-confirm" aria-labelledby="lukk-tittel">
        <div class="ds-alert" data-color="warning">
          <h2 class="ds-heading" data-size="xs" id="lukk-tittel">
            {tx('review.close.heading', { title: round.title, date: () => <DateText date={round.deadlineOn} /> })}
          </h2>
          <ul class="ds-list">
            <li>{t('review.close.noMore')}</li>
            <li>{t('review.close.submitted', { count: round.submittedCount })}</li>
            <li>{t('review.close.drafts', { count: round.draftCount })}</li>
            <li>{t('review.close.later')}</li>
          </ul>
        </div>
        <div class="form-actions">
          <form method="post" action={`${path}/lukk`}>
            <input type="hidden" name="bekreft" value="ja" />
            <button class="ds-button" data-color="danger" type="submit">
              {t('review.close.confirm')}
            </button>
          </form>
          <a class="ds-button" data-variant="secondary" href={path}>
            {t('review.close.cancel')}
          </a>
        </div>
      </section>
    </>
  );
}
