import { stanceLabel, stances, type Stance } from '../../../model/review/schemas.ts';
import { ErrorSummary, Notice, TextField, type FieldErrors } from '../../components/form.tsx';
import { ReviewHeader, noAbilities } from './common.tsx';

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

const labels = { email: 'E-postadresse', password: 'Passord' };
const isStance = (v: string): v is Stance => (stances as readonly string[]).includes(v);

/**
 * The review form came in after the session ended: nothing is saved yet, and nothing is lost.
 * Signing in here posts everything again and saves it in the municipality's draft.
 */
export function SignedOutReviewPage(props: SignedOutReviewProps) {
  const { round, answers } = props;
  return (
    <>
      <ReviewHeader
        title="Logg inn igjen for å lagre"
        abilities={noAbilities}
        crumbs={round ? [{ href: `/vurdering/runder/${round.id}`, label: round.title }] : []}
        lead={props.municipalityName ? `${props.municipalityName} kommunes vurdering.` : undefined}
      />
      <Notice color="warning">
        Du er ikke logget inn lenger: økten avsluttes etter {props.idleMinutes} minutter uten aktivitet. Det du sendte, er ikke lagret ennå, men det er ikke borte. Logg inn her,
        så lagres det i kommunens utkast{props.submitting ? ', og du kommer videre til innsendingen' : ''}.
      </Notice>
      {props.problem ? <Notice color="danger">{props.problem}</Notice> : null}
      <ErrorSummary errors={props.errors} labels={labels} />
      <form method="post" action={props.action} class="form-narrow">
        {Object.entries(props.fields).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <TextField name="email" label={labels.email} type="email" autocomplete="username" value={props.email} errors={props.errors} required />
        <TextField name="password" label={labels.password} type="password" autocomplete="current-password" errors={props.errors} required />
        <button class="ds-button" type="submit">
          {props.submitting ? 'Logg inn og gå videre til innsending' : 'Logg inn og lagre'}
        </button>
      </form>
      {answers.length > 0 ? (
        <section aria-labelledby="det-du-skrev" class="carried-answers">
          <h2 class="ds-heading" data-size="sm" id="det-du-skrev">
            Det du skrev ({answers.length})
          </h2>
          <p class="ds-paragraph muted">Dette blir med når du logger inn. Kan du ikke logge inn nå, kan du kopiere det herfra.</p>
          <ul class="review-comment-list">
            {answers.map((a) => (
              <li>
                {a.serviceName ? <strong>{a.serviceName}: </strong> : null}
                {isStance(a.stance) ? stanceLabel[a.stance] : 'Uten standpunkt'}
                {a.comment.trim() !== '' ? <p class="ds-paragraph review-comment">{a.comment}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
