import { PageHeader } from '../components/common.tsx';
import { ErrorSummary, TextField, type FieldErrors } from '../components/form.tsx';

export interface NewPasswordPageProps {
  action: string;
  name: string;
  email: string;
  errors?: FieldErrors | undefined;
}

const labels = { password: 'Nytt passord', passwordRepeat: 'Gjenta passordet' };

/** Choosing a new password with the link an administrator made. */
export function NewPasswordPage({ action, name, email, errors }: NewPasswordPageProps) {
  return (
    <>
      <PageHeader
        title="Velg nytt passord"
        lead={`En administrator har laget denne lenken for at ${name} skal kunne velge et nytt passord. Lenken virker én gang.`}
      />
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={action} class="form-narrow">
        <p class="ds-paragraph">
          E-postadresse: <strong>{email}</strong>
        </p>
        {/* Lets a password manager store the new password under the right account. */}
        <input type="hidden" name="username" autocomplete="username" value={email} />
        <TextField
          name="password"
          label={labels.password}
          type="password"
          autocomplete="new-password"
          description="Minst 12 tegn. En setning du husker, er et godt passord."
          errors={errors}
          required
        />
        <TextField name="passwordRepeat" label={labels.passwordRepeat} type="password" autocomplete="new-password" errors={errors} required />
        <p class="ds-paragraph muted">Når du lagrer, blir du logget ut overalt ellers der du er logget inn som {email}.</p>
        <button class="ds-button" type="submit">
          Lagre nytt passord og logg inn
        </button>
      </form>
    </>
  );
}
