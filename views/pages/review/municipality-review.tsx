import { commentField, commentMaxLength, stanceField, type Stance } from '../../../model/review/schemas.ts';
import { roundState } from '../../../model/review/rounds.ts';
import type { MunicipalityReview, ReviewRound, StoredEntry } from '../../../model/review/types.ts';
import type { Municipality } from '../../../model/schemas.ts';
import { ErrorSummary, Notice, type FieldErrors } from '../../components/form.tsx';
import { ReviewHeader, RoundStateText, StanceTag, type ReviewAbilities } from './common.tsx';
import { AddedServices, CategoryGroups, DiffSummary, ServiceSummary, type RoundList } from './list.tsx';
import { AnswerFields, Progress, reviewFormId, sessionAlertId } from './answer.tsx';
import { DateTimeText } from '../../components/dates.tsx';
import { useI18n } from '../../i18n/index.ts';
import { Pager } from '../../components/pager.tsx';
import { roundListPageSize } from './round.tsx';

/**
 * - `edit`: the municipality's own open review;
 * - `read`: a submitted review, or the municipality's own once the round has closed;
 * - `private-draft`: someone else's view of a draft (its content is the municipality's alone);
 * - `not-started`: nothing saved yet, and the viewer cannot start it.
 */
export type ReviewMode = 'edit' | 'read' | 'private-draft' | 'not-started';

/** Services on one page of a municipality's review: as many as on a page of the round page. */
export const reviewPageSize = roundListPageSize;

/** The review's address for a page of it (page 1 has none), with a notice's flag if any. */
export const reviewHref = (roundId: number, municipalityNumber: string, page: number, notice?: string) => {
  const query = [...(page > 1 ? [`side=${page}`] : []), ...(notice ? [notice] : [])].join('&');
  return `/vurdering/runder/${roundId}/kommuner/${municipalityNumber}${query ? `?${query}` : ''}`;
};

export interface MunicipalityReviewProps {
  round: ReviewRound;
  municipality: Municipality;
  /** The page of the frozen list shown, with what it says about the whole list. */
  list: RoundList;
  /** Which page of the list is shown (1-based). */
  page?: number | undefined;
  now: Date;
  abilities: ReviewAbilities;
  review: MunicipalityReview | undefined;
  /** The stored answers to the services on this page. */
  entries: StoredEntry[];
  /** How many services of the whole list the review answers (counted in SQL). */
  answered: number;
  mode: ReviewMode;
  /** The form as posted, when it comes back with errors. */
  values?: Record<string, string> | undefined;
  errors?: FieldErrors | undefined;
  notice?: string | undefined;
}

/** Form values from what is stored, for the first showing of the form. */
export function storedValues(entries: StoredEntry[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const e of entries) {
    values[stanceField(e.roundServiceId)] = e.stance;
    values[commentField(e.roundServiceId)] = e.comment;
  }
  return values;
}


export function MunicipalityReviewPage(props: MunicipalityReviewProps) {
  const { round, municipality, list, now, abilities, review, mode, page = 1 } = props;
  const own = abilities.municipalityNumber === municipality.number;
  const { t } = useI18n();
  const title = t('review.municipality.title', { name: municipality.name });
  return (
    <>
      <ReviewHeader
        title={title}
        abilities={abilities}
        crumbs={[{ href: `/vurdering/runder/${round.id}`, label: round.title }]}
        lead={
          <>
            {t('review.municipality.lead', { name: municipality.name, count: list.total, round: round.title })} <RoundStateText round={round} now={now} />
          </>
        }
      />
      {props.notice ? <Notice color="success">{props.notice}</Notice> : null}
      <StatusLine
        review={review}
        own={own}
        open={roundState(round, now).open}
        canReopen={abilities.manage}
        roundId={round.id}
        municipalityNumber={municipality.number}
        progress={mode === 'edit' || mode === 'read' ? { answered: props.answered, total: list.total } : undefined}
      />
      <DiffSummary list={list} />
      {list.total > reviewPageSize ? (
        <p class="ds-paragraph" id="listeutsnitt">
          {t('review.round.window', { from: (page - 1) * reviewPageSize + 1, to: (page - 1) * reviewPageSize + list.shown.length, total: list.total })}
        </p>
      ) : null}
      {mode === 'edit' ? <ReviewForm {...props} /> : null}
      {mode === 'read' ? <ReviewAnswers {...props} /> : null}
      {mode === 'private-draft' || mode === 'not-started' ? (
        <CategoryGroups services={list.shown} whole={list.whole} item={(s, show) => <ServiceSummary service={s} mark={list.marks.get(s.id)} show={show} />} />
      ) : null}
      {mode === 'edit' ? null : <ReviewPager {...props} />}
      <AddedServices added={list.added} />
    </>
  );
}

function StatusLine({
  review,
  own,
  open,
  canReopen,
  roundId,
  municipalityNumber,
  progress,
}: {
  review: MunicipalityReview | undefined;
  own: boolean;
  open: boolean;
  canReopen: boolean;
  roundId: number;
  municipalityNumber: string;
  progress: { answered: number; total: number } | undefined;
}) {
  const { t, tx } = useI18n();
  const count = progress ? (
    <>
      {' '}
      <Progress id="fremdrift" {...progress} />.
    </>
  ) : null;
  if (!review) {
    return (
      <p class="ds-paragraph review-status">
        <strong>{t('review.status.label')}</strong> <span id="vurderingsstatus">{t('review.status.notStarted')}</span>
        {count}
      </p>
    );
  }
  if (review.status === 'draft') {
    return (
      <p class="ds-paragraph review-status">
        <strong>{t('review.status.label')}</strong>{' '}
        <span id="vurderingsstatus">
          {review.updatedByName
            ? tx('review.status.draftBy', { name: review.updatedByName, time: () => <DateTimeText at={review.updatedAt} /> })
            : tx('review.status.draft', { time: () => <DateTimeText at={review.updatedAt} /> })}
        </span>
        {own ? count : null} {own ? (review.reopenedAt ? t('review.status.reopened') : '') : t('review.status.private')}
      </p>
    );
  }
  return (
    <div class="review-status">
      <p class="ds-paragraph">
        <strong>{t('review.status.label')}</strong>{' '}
        {review.submittedByName
          ? tx('review.status.submittedBy', { name: review.submittedByName, time: () => <DateTimeText at={review.submittedAt} /> })
          : tx('review.status.submitted', { time: () => <DateTimeText at={review.submittedAt} /> })}
        {count} {own && open ? t('review.status.askReopen') : ''}
      </p>
      {canReopen && open ? (
        <form method="post" action={`/vurdering/runder/${roundId}/kommuner/${municipalityNumber}/gjenapne`} class="inline-form">
          <button class="ds-button" data-variant="secondary" type="submit">
            {t('review.status.reopenButton')}
          </button>
        </form>
      ) : null}
    </div>
  );
}

/** Links between the review's pages (nothing when the list fits on one). */
function ReviewPager({ round, municipality, list, page = 1, mode }: MunicipalityReviewProps) {
  const { t } = useI18n();
  const path = `/vurdering/runder/${round.id}/kommuner/${municipality.number}`;
  return (
    <Pager
      page={page}
      pageSize={reviewPageSize}
      total={list.total}
      href={(p) => reviewHref(round.id, municipality.number, p)}
      label={t('review.round.pages')}
      idPrefix="liste-side"
      // In the form, going to another page saves this one first (without JavaScript nothing else would).
      save={mode === 'edit' ? { name: 'handling', value: 'lagre', formaction: (p) => `${path}?videre=${p}`, hint: t('review.form.pagerSaves') } : undefined}
    />
  );
}

function ReviewForm(props: MunicipalityReviewProps) {
  const { round, municipality, list, entries, answered, values, errors, page = 1 } = props;
  const next = page * reviewPageSize < list.total ? page + 1 : undefined;
  const shownServices = list.shown;
  const stored = storedValues(entries);
  const shown = values ?? stored;
  const { t } = useI18n();
  const labels: Record<string, string> = {};
  for (const s of shownServices) {
    labels[stanceField(s.id)] = t('review.form.stanceFor', { name: s.name });
    labels[commentField(s.id)] = t('review.form.commentFor', { name: s.name });
  }
  const path = `/vurdering/runder/${round.id}/kommuner/${municipality.number}`;
  return (
    <>
      <section class="review-help" aria-labelledby="slik-gjor-dere">
        <h2 class="ds-heading" data-size="xs" id="slik-gjor-dere">
          {t('review.form.helpHeading')}
        </h2>
        <p class="ds-paragraph">{t('review.form.help', { max: commentMaxLength })}</p>
      </section>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={path} class="review-form" id={reviewFormId}>
        <CategoryGroups
          services={shownServices}
          whole={list.whole}
          item={(s, show) => (
            <div class="review-item__body">
              <ServiceSummary service={s} mark={list.marks.get(s.id)} show={show} />
              <AnswerFields path={path} service={s} values={shown} stored={stored} errors={errors} />
            </div>
          )}
        />
        <ReviewPager {...props} />
        <section class="review-actions" aria-label={t('review.form.actions')}>
          <p class="ds-paragraph review-actions__progress">
            <strong>
              <Progress id="fremdrift-handlinger" answered={answered} total={list.total} />
            </strong>
          </p>
          <div id={sessionAlertId} class="review-actions__alert"></div>
          <button class="ds-button" data-variant="secondary" type="submit" name="handling" value="lagre">
            {t('review.form.save')}
          </button>
          {/* Without JavaScript nothing saves itself: this saves the page and goes on to the next. */}
          {next ? (
            <button class="ds-button" data-variant="secondary" type="submit" name="handling" value="lagre" formaction={`${path}?videre=${next}`}>
              {t('review.form.saveNext', { page: next })}
            </button>
          ) : null}
          <button class="ds-button" type="submit" name="handling" value="send">
            {t('review.form.submit')}
          </button>
        </section>
      </form>
    </>
  );
}

function ReviewAnswers(props: MunicipalityReviewProps) {
  const { list, entries } = props;
  const entryOf = new Map(entries.map((e) => [e.roundServiceId, e]));
  const { t } = useI18n();
  return (
    <CategoryGroups
      services={list.shown}
      whole={list.whole}
      item={(s, show) => {
        const entry = entryOf.get(s.id);
        return (
          <div class="review-item__body">
            <ServiceSummary service={s} mark={list.marks.get(s.id)} show={show} />
            <dl class="facts review-answer">
              <dt>{t('review.answers.stance')}</dt>
              <dd>
                <StanceTag stance={(entry?.stance ?? null) as Stance | null} />
              </dd>
              <dt>{t('review.answers.comment')}</dt>
              <dd class="review-comment">{entry?.comment ? entry.comment : <span class="muted">{t('review.answers.noComment')}</span>}</dd>
            </dl>
          </div>
        );
      }}
    />
  );
}
