import { roleLabel } from '../../model/accounts.ts';
import { PageHeader } from '../components/common.tsx';
import { ErrorSummary, TextField, type FieldErrors } from '../components/form.tsx';

export interface AcceptInvitePageProps {
  action: string;
  /** The setup link asks for the e-mail address; an invitation already has one. */
  setup: boolean;
  email: string | null;
  role: keyof typeof roleLabel;
  boundTo: string | null;
  values?: { email?: string | undefined; name?: string | undefined };
  errors?: FieldErrors;
}

const labels = { email: 'E-postadresse', name: 'Navn', password: 'Passord', passwordRepeat: 'Gjenta passordet' };

export function AcceptInvitePage({ action, setup, email, role, boundTo, values, errors }: AcceptInvitePageProps) {
  return (
    <>
      <PageHeader
        title={setup ? 'Opprett den første administratoren' : 'Velkommen til Akson omfang'}
        lead={
          setup
            ? 'Ingen administrator finnes ennå. Den som har denne lenken, oppretter den første. Lenken kan brukes én gang.'
            : `Du er invitert med rollen ${roleLabel[role]}${boundTo ? ` for ${boundTo}` : ''}. Skriv navnet ditt og velg et passord.`
        }
      />
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={action} class="form-narrow">
        {setup ? (
          <TextField name="email" label={labels.email} type="email" autocomplete="username" value={values?.email} errors={errors} required />
        ) : (
          <p class="ds-paragraph">
            E-postadresse: <strong>{email}</strong>
          </p>
        )}
        <TextField name="name" label={labels.name} autocomplete="name" value={values?.name} errors={errors} required />
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
        <button class="ds-button" type="submit">
          {setup ? 'Opprett administrator og logg inn' : 'Lag bruker og logg inn'}
        </button>
      </form>
    </>
  );
}
