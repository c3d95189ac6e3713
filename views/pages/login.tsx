import { PageHeader } from '../components/common.tsx';
import { ErrorSummary, Notice, TextField, type FieldErrors } from '../components/form.tsx';
import type { I18n } from '../i18n/index.ts';

/** "Too many attempts: wait 40 seconds / 3 minutes", in the reader's language. */
export function throttledText(t: I18n['t'], until: Date, now: Date): string {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return t('auth.throttled', { seconds, minutes: seconds < 60 ? 0 : Math.ceil(seconds / 60) });
}

export interface LoginPageProps {
  /** Where to go after signing in; without it the user lands where the role starts. */
  next: string | undefined;
  email?: string;
  errors?: FieldErrors;
  /** What happened: a failed attempt, the limit, having signed out. */
  notice?: { color: 'success' | 'info' | 'warning' | 'danger'; text: string } | undefined;
  signedInAs?: string | undefined;
}

const labels = { email: 'E-postadresse', password: 'Passord' };

export function LoginPage({ next, email, errors, notice, signedInAs }: LoginPageProps) {
  return (
    <>
      <PageHeader title="Logg inn" lead="Arkitekter, kommuner, organisasjoner og administratorer logger inn med e-postadressen sin." />
      {signedInAs ? <Notice color="info">Du er allerede logget inn som {signedInAs}. Logger du inn på nytt, blir du logget ut først.</Notice> : null}
      {notice ? <Notice color={notice.color}>{notice.text}</Notice> : null}
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action="/login" class="form-narrow">
        {next ? <input type="hidden" name="neste" value={next} /> : null}
        <TextField name="email" label={labels.email} type="email" autocomplete="username" value={email} errors={errors} required />
        <TextField name="password" label={labels.password} type="password" autocomplete="current-password" errors={errors} required />
        <button class="ds-button" type="submit">
          Logg inn
        </button>
      </form>
      <p class="ds-paragraph muted">Har du fått en invitasjon, bruker du lenken i den for å lage passord. Glemt passordet? Be en administrator om en lenke for nytt passord. Lenken virker én gang, og der velger du et nytt passord selv.</p>
    </>
  );
}
