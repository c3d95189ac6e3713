import { staleFields, userVersion, type StaleField } from '../../../model/versions.ts';
import { StaleNotice, VersionField } from '../../components/stale.tsx';
import { roleLabel, roleSchema, type Invite, type MunicipalityOption, type Organisation, type UserSummary } from '../../../model/accounts.ts';
import { CheckboxField, ErrorSummary, Notice, TextField, type FieldErrors } from '../../components/form.tsx';
import { BindingFields } from './binding.tsx';
import { AdminHeader, Time } from './common.tsx';
import { userFieldLabels } from './users.tsx';

export interface UserFormValues {
  name?: string | undefined;
  email?: string | undefined;
  role?: string | undefined;
  municipality?: string | undefined;
  organisation?: string | undefined;
  active: boolean;
  /** The version of the user the form showed (`model/versions.ts`). */
  version?: string | undefined;
}

export function userFormValues(u: UserSummary): UserFormValues {
  return {
    name: u.name,
    email: u.email,
    role: u.role,
    municipality: u.municipalityNumber ?? '',
    organisation: u.organisationId === null ? '' : String(u.organisationId),
    active: u.disabledAt === null,
    version: userVersion(u),
  };
}


const userStaleLabels = { name: 'Navn', email: 'E-postadresse', role: 'Rolle', municipality: 'Kommune', organisation: 'Organisasjon', active: 'Aktiv' };

/** The fields where the posted form and the stored user differ, as a person reads them (the 409's table). */
export function userStaleFields(mine: UserFormValues, stored: UserFormValues, organisations: Organisation[]): StaleField[] {
  const readable = (v: UserFormValues) => ({
    name: v.name ?? '',
    email: v.email ?? '',
    role: roleSchema.safeParse(v.role).success ? roleLabel[roleSchema.parse(v.role)] : (v.role ?? ''),
    municipality: v.role === 'municipality' ? (v.municipality ?? '') : '',
    organisation: v.role === 'organisation' ? (organisations.find((o) => String(o.id) === v.organisation)?.name ?? v.organisation ?? '') : '',
    active: v.active ? 'Ja' : 'Nei',
  });
  return staleFields(userStaleLabels, readable(mine), readable(stored));
}

export const userPath = (id: number) => `/admin/brukere/${id}`;
export const passwordResetAction = (id: number) => `/admin/brukere/${id}/nytt-passord`;

export interface UserEditPageProps {
  user: UserSummary;
  values: UserFormValues;
  errors?: FieldErrors | undefined;
  municipalities: MunicipalityOption[];
  organisations: Organisation[];
  /** The user's reset link that still works, if any (never its token). */
  pendingReset?: Invite | undefined;
  /** A reset link just made: shown this once, never stored. */
  resetLink?: { link: string; email: string; expiresAt: string } | undefined;
  /** Why no reset link was made. */
  resetRefused?: string | undefined;
  resetHours: number;
  /** A save from a stale page: the fields that differ from what is stored now. */
  stale?: StaleField[] | undefined;
}

export function UserEditPage({ user, values, errors, municipalities, organisations, pendingReset, resetLink, resetRefused, resetHours, stale }: UserEditPageProps) {
  return (
    <>
      <AdminHeader title={user.name} current="/admin/brukere" crumbs={[{ href: '/admin/brukere', label: 'Brukere' }]} />
      {resetLink ? <ResetLinkCreated {...resetLink} /> : null}
      {resetRefused ? <Notice color="danger">{resetRefused}</Notice> : null}
      <dl class="facts">
        <dt>Opprettet</dt>
        <dd>
          <Time iso={user.createdAt} />
        </dd>
        <dt>Sist aktiv</dt>
        <dd>
          <Time iso={user.lastSeenAt} />
        </dd>
      </dl>
      {stale ? <StaleNotice what="brukeren" fields={stale} reload={userPath(user.id)} /> : null}
      <ErrorSummary errors={errors} labels={userFieldLabels} />
      <form method="post" action={userPath(user.id)} class="form-narrow">
        <VersionField version={values.version} />
        <TextField name="name" label="Navn" value={values.name} errors={errors} required />
        <TextField name="email" label="E-postadresse" type="email" value={values.email} errors={errors} required />
        <BindingFields refreshUrl={userPath(user.id)} values={values} errors={errors} municipalities={municipalities} organisations={organisations} />
        <CheckboxField
          name="active"
          label="Aktiv"
          checked={values.active}
          description="En deaktivert bruker kan ikke logge inn, og alle øktene brukeren har, avsluttes med en gang."
        />
        <button class="ds-button" type="submit">
          Lagre
        </button>
      </form>
      <PasswordReset user={user} pending={resetLink ? undefined : pendingReset} hours={resetHours} />
    </>
  );
}

function ResetLinkCreated({ link, email, expiresAt }: { link: string; email: string; expiresAt: string }) {
  return (
    <div class="ds-alert notice" data-color="success" role="status">
      <h2 class="ds-heading" data-size="xs">
        Lenken for nytt passord til {email} er laget
      </h2>
      <p class="ds-paragraph">
        Send lenken til {email} på en trygg måte. Den vises bare nå, virker én gang og til <Time iso={expiresAt} />.
      </p>
      <div class="ds-field">
        <label class="ds-label" for="passordlenke">
          Lenke for nytt passord
        </label>
        <input class="ds-input" id="passordlenke" type="text" readonly value={link} />
      </div>
    </div>
  );
}

/** A forgotten password: the administrator makes a one-time link the user chooses a new password with. */
function PasswordReset({ user, pending, hours }: { user: UserSummary; pending: Invite | undefined; hours: number }) {
  return (
    <section aria-labelledby="nytt-passord">
      <h2 class="ds-heading" data-size="sm" id="nytt-passord">
        Nytt passord
      </h2>
      {user.disabledAt ? (
        <p class="ds-paragraph">Brukeren er deaktivert. Gjør brukeren aktiv først, om den skal kunne logge inn igjen med et nytt passord.</p>
      ) : (
        <>
          <p class="ds-paragraph">
            Har brukeren glemt passordet, lager du en lenke som du sender til brukeren. Med den velger brukeren et nytt passord selv. Lenken virker én gang i {hours}{' '}
            timer. Når det nye passordet er valgt, avsluttes alle øktene brukeren har.
          </p>
          {pending ? (
            <p class="ds-paragraph">
              Det finnes en ubrukt lenke{pending.createdByName ? `, laget av ${pending.createdByName}` : ''}, som virker til <Time iso={pending.expiresAt} />. Lager
              du en ny, slutter den å virke.
            </p>
          ) : null}
          <form method="post" action={passwordResetAction(user.id)}>
            <button class="ds-button" data-variant="secondary" type="submit">
              Lag lenke for nytt passord
            </button>
          </form>
        </>
      )}
    </section>
  );
}
