import type { ReviewProgress } from '../../../model/review/progress.ts';
import { stanceField } from '../../../model/review/schemas.ts';
import type { FrozenService, ReviewRound } from '../../../model/review/types.ts';
import type { Municipality } from '../../../model/schemas.ts';
import { Notice } from '../../components/form.tsx';
import { ReviewHeader, type ReviewAbilities } from './common.tsx';
import { DateText } from '../../components/dates.tsx';
import { useI18n } from '../../i18n/index.ts';
import { reviewHref, reviewPageSize } from './municipality-review.tsx';

export interface SubmitConfirmProps {
  round: ReviewRound;
  municipality: Municipality;
  abilities: ReviewAbilities;
  progress: ReviewProgress<FrozenService>;
  /** What the confirmation is for: the stored draft as shown here. */
  fingerprint: string | null;
  /** The page of the review form a service is on. */
  pageOf: (service: FrozenService) => number;
  /** The draft changed after this was last shown, so nothing was submitted. */
  changed?: boolean;
  notice?: string | undefined;
}

/** Shown before a municipality submits: what is unanswered, what submitting means; nothing is sent until confirmed. */
export function SubmitConfirmPage({ round, municipality, abilities, progress, pageOf, fingerprint, changed, notice }: SubmitConfirmProps) {
  const reviewPath = `/vurdering/runder/${round.id}/kommuner/${municipality.number}`;
  /** A service's stance field, on the page of the form that has it. */
  const fieldHref = (service: FrozenService) => `${reviewHref(round.id, municipality.number, pageOf(service))}#felt-${stanceField(service.id)}`;
  const { answered, total, unanswered, problems } = progress;
  const { t, tx } = useI18n();
  return (
    <>
      <ReviewHeader
        title={t('review.submit.title')}
        abilities={abilities}
        crumbs={[
          { href: `/vurdering/runder/${round.id}`, label: round.title },
          { href: reviewPath, label: t('review.municipality.title', { name: municipality.name }) },
        ]}
        lead={t('review.submit.lead', { name: municipality.name, round: round.title })}
      />
      {notice ? <Notice color="success">{notice}</Notice> : null}
      {changed ? <Notice color="warning">{t('review.submit.changed')}</Notice> : null}
      <section class="submit-confirm" aria-labelledby="bekreft-tittel">
        <div class="ds-alert" data-color={problems.length > 0 ? 'danger' : 'warning'}>
          <h2 class="ds-heading" data-size="xs" id="bekreft-tittel">
            {t('review.submit.answered', { answered, total })}
          </h2>
          {unanswered.length > 0 ? (
            <p class="ds-paragraph">{tx('review.submit.countedUnanswered', { unanswered: unanswered.length, total, strong: (chunks) => <strong>{chunks}</strong> })}</p>
          ) : (
            <p class="ds-paragraph">{t('review.submit.allAnswered')}</p>
          )}
          {problems.length > 0 ? (
            <>
              <p class="ds-paragraph">{t('review.submit.mustFix')}</p>
              <ul class="ds-list">
                {problems.map((p) => (
                  <li>
                    {p.service ? (
                      <a class="ds-link" href={fieldHref(p.service)}>
                        {t('review.submit.problem', { name: p.service.name, message: t(p.message) })}
                      </a>
                    ) : (
                      t(p.message)
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <ul class="ds-list">
              <li>{t('review.submit.weighted', { population: municipality.population })}</li>
              <li>{tx('review.submit.after', { date: () => <DateText date={round.deadlineOn} /> })}</li>
            </ul>
          )}
        </div>
        {unanswered.length > 0 ? (
          <details class="ds-details">
            <summary>{t('review.submit.unansweredList', { count: unanswered.length })}</summary>
            <div>
              <ul class="ds-list">
                {/* At most a page of the form's worth: at 100× a list of every unanswered service was 500 KB. */}
                {unanswered.slice(0, reviewPageSize).map((s) => (
                  <li>
                    <a class="ds-link" href={fieldHref(s)}>
                      {s.name}
                    </a>
                  </li>
                ))}
              </ul>
              {unanswered.length > reviewPageSize ? <p class="ds-paragraph">{t('review.submit.moreUnanswered', { count: unanswered.length - reviewPageSize })}</p> : null}
            </div>
          </details>
        ) : null}
        <div class="form-actions">
          {problems.length === 0 && fingerprint ? (
            <form method="post" action={`${reviewPath}/send-inn`}>
              <input type="hidden" name="bekreft" value={fingerprint} />
              <button class="ds-button" type="submit">
                {t('review.submit.confirm')}
              </button>
            </form>
          ) : null}
          <a class="ds-button" data-variant="secondary" href={reviewPath}>
            {t('review.submit.back')}
          </a>
        </div>
      </section>
    </>
  );
}
