import { stanceKey, stances, type Stance } from '../../../model/review/schemas.ts';
import { ErrorSummary, Notice, TextField, type FieldErrors } from '../../components/form.tsx';
import { ReviewHeader, noAbilities } from './common.tsx';
import { useI18n } from '../../i18n/index.ts';

/** One service's answer as it was posted, with the service's name when the visitor may see the list. */
export interface CarriedAnswer {
  serviceName: string | null;
  stance: string;
  comment: string;
}

export interface SignedOutReviewProps {
  /** Where signing in goes: it signs in and saves what is carried. */
  action: string;
  round: { id: number; title: string } | null;
  municipalityName: string | null;
  idleMinutes: number;
  /** Every field as posted, to be posted again. */
  fields: Record<string, string>;
  answers: CarriedAnswer[];
  submitting: boolean;
  email?: string | undefined;
  errors?: FieldErrors | undefined;
  problem?: string | undefined;
}

const isStance = (v: string): v is Stance => (stances as readonly string[]).includes(v);

/**
 * The review form came in after the session ended: nothing is saved yet, and nothing is lost.
 * Signing in here posts everything again and saves it in the municipality's draft.
 */
export function SignedOutReviewPage(props: SignedOutReviewProps) {
  const { round, answers } = props;
  const { t } = useI18n();
  const labels = { email: t('review.signedOut.email'), password: t('review.signedOut.password') };
  return (
    <>
      <ReviewHeader
        title={t('review.signedOut.title')}
        abilities={noAbilities}
        crumbs={round ? [{ href: `/vurdering/runder/${round.id}`, label: round.title }] : []}
        lead={props.municipalityName ? t('review.signedOut.lead', { name: props.municipalityName }) : undefined}
      />
      <Notice color="warning">{t(props.submitting ? 'review.signedOut.noticeSubmitting' : 'review.signedOut.notice', { minutes: props.idleMinutes })}</Notice>
      {props.problem ? <Notice color="danger">{props.problem}</Notice> : null}
      <ErrorSummary errors={props.errors} labels={labels} />
      <form method="post" action={props.action} class="form-narrow">
        {Object.entries(props.fields).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <TextField name="email" label={labels.email} type="email" autocomplete="username" value={props.email} errors={props.errors} required />
        <TextField name="password" label={labels.password} type="password" autocomplete="current-password" errors={props.errors} required />
        <button class="ds-button" type="submit">
          {props.submitting ? t('review.signedOut.signInSubmit') : t('review.signedOut.signInSave')}
        </button>
      </form>
      {answers.length > 0 ? (
        <section aria-labelledby="det-du-skrev" class="carried-answers">
          <h2 class="ds-heading" data-size="sm" id="det-du-skrev">
            {t('review.signedOut.written', { count: answers.length })}
          </h2>
          <p class="ds-paragraph muted">{t('review.signedOut.writtenLead')}</p>
          <ul class="review-comment-list">
            {answers.map((a) => (
              <li>
                {a.serviceName ? <strong>{a.serviceName}: </strong> : null}
                {isStance(a.stance) ? t(stanceKey(a.stance)) : t('review.stance.none')}
                {a.comment.trim() !== '' ? <p class="ds-paragraph review-comment">{a.comment}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
