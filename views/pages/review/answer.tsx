import type { Child } from 'hono/jsx';
import { answerBasis, basisField, commentField, stanceField, stanceKey, stances, type Stance } from '../../../model/review/schemas.ts';
import type { FrozenService } from '../../../model/review/types.ts';
import type { FieldErrors } from '../../components/form.tsx';
import { Announce } from '../../components/common.tsx';
import { DateTimeText } from '../../components/dates.tsx';
import { useI18n, type I18n } from '../../i18n/index.ts';

/**
 * One service's answer on the review form, and the fragments its autosave answers with. Each
 * answer saves itself (htmx) when it changes; the response fills the answer's status line and,
 * out of band, the page's progress counts and its screen-reader announcement. The fields
 * themselves are never swapped, so typing is never interrupted.
 */

export const reviewFormId = 'vurderingsskjema';
/** Where the page says the session has ended, in the action bar that is always in view. */
export const sessionAlertId = 'okt-varsel';

const statusId = (service: FrozenService) => `lagret-${service.id}`;
const inputId = (name: string) => `felt-${name}`;
const errorId = (name: string) => `felt-${name}-feil`;

/** "3 av 34 besvart": how many services have a saved stance. */
export function Progress({ id, answered, total }: { id: string; answered: number; total: number }) {
  return <span id={id}>{useI18n().t('review.progress', { answered, total })}</span>;
}

export function AnswerFields({
  path,
  service,
  values,
  stored,
  errors,
}: {
  path: string;
  service: FrozenService;
  values: Record<string, string>;
  stored: Record<string, string>;
  errors?: FieldErrors | undefined;
}) {
  const stance = stanceField(service.id);
  const comment = commentField(service.id);
  const status = statusId(service);
  const describedBy = (name: string) => [status, errors?.[name] ? errorId(name) : null].filter(Boolean).join(' ');
  const hasStored = stored[stance] !== undefined;
  const unsaved = (values[stance] ?? '') !== (stored[stance] ?? '') || (values[comment] ?? '') !== (stored[comment] ?? '');
  // What this page's answer starts from: the whole form's save changes only what differs from it.
  const basis = values[basisField(service.id)] ?? answerBasis((stored[stance] as Stance | undefined) ?? null, stored[comment] ?? '');
  const { t } = useI18n();
  return (
    <div
      class="review-item__fields"
      data-autosave=""
      hx-post={`${path}/tjenester/${service.id}`}
      hx-trigger="change, input changed delay:2s"
      hx-params={`${stance},${comment},${basisField(service.id)}`}
      hx-target={`#${status}`}
      hx-swap="innerHTML"
      hx-sync="this:queue last"
    >
      <div class="ds-field">
        <label class="ds-label" for={inputId(stance)}>
          {t('review.form.stanceFor', { name: service.name })}
        </label>
        <select class="ds-input" id={inputId(stance)} name={stance} aria-invalid={errors?.[stance] ? 'true' : undefined} aria-describedby={describedBy(stance)}>
          <option value="">{t('review.form.notAssessed')}</option>
          {stances.map((s) => (
            <option value={s} selected={s === values[stance]}>
              {t(stanceKey(s))}
            </option>
          ))}
        </select>
        <FieldError name={stance} errors={errors} />
      </div>
      <div class="ds-field">
        <label class="ds-label" for={inputId(comment)}>
          {t('review.form.commentFor', { name: service.name })}
        </label>
        <textarea class="ds-input" id={inputId(comment)} name={comment} rows={2} aria-invalid={errors?.[comment] ? 'true' : undefined} aria-describedby={describedBy(comment)}>
          {values[comment] ?? ''}
        </textarea>
        <FieldError name={comment} errors={errors} />
      </div>
      <BasisField serviceId={service.id} basis={basis} />
      <p class="review-item__saved" id={status}>
        {unsaved ? t('review.form.unsaved') : hasStored ? t('review.form.saved') : ''}
      </p>
    </div>
  );
}

/** The answer the page last showed or saved, for the whole form's save; the autosave's answer replaces it out of band. */
function BasisField({ serviceId, basis, oob = false }: { serviceId: number; basis: string; oob?: boolean }) {
  const name = basisField(serviceId);
  return <input type="hidden" id={inputId(name)} name={name} value={basis} hx-swap-oob={oob ? 'true' : undefined} />;
}

function FieldError({ name, errors }: { name: string; errors?: FieldErrors | undefined }) {
  const message = errors?.[name];
  if (!message) return null;
  return (
    <div class="ds-validation-message" data-field="validation" id={errorId(name)}>
      {message}
    </div>
  );
}

/** The progress counts at the top and in the action bar, out of band. */
function ProgressUpdate({ answered, total, at }: { answered: number; total: number; at: Date }) {
  const { t, tx } = useI18n();
  return (
    <>
      {/* The status line at the top follows the autosave: a review not begun is now a draft. */}
      <span id="vurderingsstatus" hx-swap-oob="innerHTML">
        {tx('review.status.draft', { time: () => <DateTimeText at={at.toISOString()} /> })}
      </span>
      {['fremdrift', 'fremdrift-handlinger'].map((id) => (
        <span id={id} hx-swap-oob="innerHTML">
          {t('review.progress', { answered, total })}
        </span>
      ))}
    </>
  );
}

/** The autosave's answer when the answer is stored: the time in the status line, the counts, and a short announcement. */
export function AnswerSaved({
  service,
  at,
  saved,
  progress,
}: {
  service: FrozenService;
  at: Date;
  saved: { stance: Stance | null; comment: string };
  progress: { answered: number; total: number };
}) {
  const { t, clock } = useI18n();
  const time = clock(at);
  const cleared = saved.stance === null;
  return (
    <>
      <BasisField serviceId={service.id} basis={answerBasis(saved.stance, saved.comment)} oob />
      <time datetime={at.toISOString()}>{cleared ? t('review.autosave.clearedAt', { time }) : t('review.autosave.savedAt', { time })}</time>
      <ProgressUpdate {...progress} at={at} />
      <Announce text={t(cleared ? 'review.autosave.announceCleared' : 'review.autosave.announceSaved', { name: service.name, ...progress })} />
    </>
  );
}

/** The autosave's answer when nothing was stored, and why: `pending` when finishing the answer will save it. */
export function AnswerNotSaved({ service, message, pending = false }: { service: FrozenService; message: string; pending?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <strong class="review-item__unsaved">{pending ? t('review.autosave.notSavedYet') : t('review.autosave.notSaved')}</strong> {message}
      <Announce text={t('review.autosave.announceNotSaved', { name: service.name, message })} />
    </>
  );
}

/** An answer in words: "Støtter – «comment»", "Ikke vurdert". */
function sayAnswer(t: I18n['t'], a: { stance: Stance | null; comment: string }): string {
  const stance = a.stance ? t(stanceKey(a.stance)) : t('review.autosave.notAssessed');
  return a.comment ? t('review.autosave.answerWithComment', { stance, comment: a.comment }) : stance;
}

/**
 * The autosave's answer when someone else saved this service's answer since the page showed it:
 * nothing is written; both answers are shown, and the page's basis moves to the stored answer, so
 * changing the answer again deliberately replaces it.
 */
export function AnswerStale({ service, mine, theirs }: { service: FrozenService; mine: { stance: Stance | null; comment: string }; theirs: { stance: Stance | null; comment: string } }) {
  const { t } = useI18n();
  const say = (a: { stance: Stance | null; comment: string }) => sayAnswer(t, a);
  return (
    <>
      <BasisField serviceId={service.id} basis={answerBasis(theirs.stance, theirs.comment)} oob />
      <strong class="review-item__unsaved">{t('review.autosave.notSaved')}</strong> {t('review.autosave.stale')}
      <span class="review-item__stale"> {t('review.autosave.staleBoth', { theirs: say(theirs), mine: say(mine) })}</span>
      <Announce text={t('review.autosave.announceStale', { name: service.name })} />
    </>
  );
}

/**
 * The autosave's answer when the session has ended: nothing typed is lost, because the button
 * posts the whole form, which comes back with everything in it and a way to sign in again.
 */
export function AnswerSignedOut({ minutes }: { minutes: number }) {
  const { t } = useI18n();
  return (
    <>
      <strong class="review-item__unsaved">{t('review.autosave.notSaved')}</strong> {t('review.autosave.signedOut')}
      <div id={sessionAlertId} hx-swap-oob="innerHTML">
        <SessionEnded minutes={minutes} />
      </div>
    </>
  );
}

function SessionEnded({ minutes }: { minutes: number }): Child {
  const { t } = useI18n();
  return (
    <div class="ds-alert" data-color="warning" role="alert">
      <p class="ds-paragraph">
        {t('review.autosave.sessionEnded', { minutes })}{' '}
        <button class="ds-button" data-size="sm" type="submit" form={reviewFormId} name="handling" value="lagre">
          {t('review.autosave.signInAndSave')}
        </button>
      </p>
    </div>
  );
}
