import { roleLabel, roles, type MunicipalityOption, type Organisation, type Role, type UserSummary } from '../../../model/accounts.ts';
import { Empty } from '../../components/common.tsx';
import { CheckboxField, ErrorSummary, Notice, SelectField, TextField, type FieldErrors } from '../../components/form.tsx';
import { AdminHeader, Time } from './common.tsx';

export function boundTo(u: { role: Role; municipalityName: string | null; municipalityNumber: string | null; organisationName: string | null }): string {
  if (u.role === 'municipality') return `${u.municipalityName ?? ''} (${u.municipalityNumber ?? ''})`;
  if (u.role === 'organisation') return u.organisationName ?? '';
  return '';
}

export function UsersPage({ users, saved }: { users: UserSummary[]; saved?: string | undefined }) {
  return (
    <>
      <AdminHeader title="Brukere" current="/admin/brukere" lead="Hver bruker har én rolle. Kommunebrukere hører til én kommune, organisasjonsbrukere til én organisasjon." />
      {saved ? <Notice color="success">Endringene for {saved} er lagret.</Notice> : null}
      <p class="ds-paragraph">
        Nye brukere inviteres med en lenke: <a class="ds-link" href="/admin/invitasjoner">Inviter en bruker</a>.
      </p>
      {users.length === 0 ? (
        <Empty>Ingen brukere ennå.</Empty>
      ) : (
        <div class="table-scroll">
          <table class="ds-table" data-border data-zebra>
            <caption class="ds-sr-only">Alle brukere</caption>
            <thead>
              <tr>
                <th scope="col">Navn</th>
                <th scope="col">E-post</th>
                <th scope="col">Rolle</th>
                <th scope="col">Tilhører</th>
                <th scope="col">Status</th>
                <th scope="col">Sist aktiv</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr>
                  <th scope="row">
                    <a class="ds-link" href={`/admin/brukere/${u.id}`}>
                      {u.name}
                    </a>
                  </th>
                  <td>{u.email}</td>
                  <td>{roleLabel[u.role]}</td>
                  <td>{boundTo(u) || <span class="muted">–</span>}</td>
                  <td>
                    {u.disabledAt ? (
                      <span class="ds-tag" data-color="danger" data-size="sm">
                        Deaktivert
                      </span>
                    ) : (
                      'Aktiv'
                    )}
                  </td>
                  <td>
                    <Time iso={u.lastSeenAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The role with what it is bound to; shared by the user form and the invitation form. */
export function BindingFields({
  values,
  errors,
  municipalities,
  organisations,
}: {
  values: { role?: string | undefined; municipality?: string | undefined; organisation?: string | undefined };
  errors?: FieldErrors | undefined;
  municipalities: MunicipalityOption[];
  organisations: Organisation[];
}) {
  return (
    <>
      <SelectField name="role" label="Rolle" value={values.role ?? 'reader'} errors={errors} options={roles.map((r) => ({ value: r, label: roleLabel[r] }))} />
      <SelectField
        name="municipality"
        label="Kommune"
        description="Bare for rollen Kommune: brukeren handler for denne kommunen."
        value={values.municipality}
        errors={errors}
        empty="Ingen kommune"
        options={municipalities.map((m) => ({ value: m.number, label: `${m.name} (${m.number})` }))}
      />
      <SelectField
        name="organisation"
        label="Organisasjon"
        description="Bare for rollen Organisasjon: brukeren skriver på vegne av denne organisasjonen."
        value={values.organisation}
        errors={errors}
        empty="Ingen organisasjon"
        options={organisations.map((o) => ({ value: String(o.id), label: o.name }))}
      />
    </>
  );
}

export const userFieldLabels = { name: 'Navn', email: 'E-postadresse', role: 'Rolle', municipality: 'Kommune', organisation: 'Organisasjon', active: 'Aktiv', skjema: 'Skjema' };

export interface UserFormValues {
  name?: string | undefined;
  email?: string | undefined;
  role?: string | undefined;
  municipality?: string | undefined;
  organisation?: string | undefined;
  active: boolean;
}

export function userFormValues(u: UserSummary): UserFormValues {
  return {
    name: u.name,
    email: u.email,
    role: u.role,
    municipality: u.municipalityNumber ?? '',
    organisation: u.organisationId === null ? '' : String(u.organisationId),
    active: u.disabledAt === null,
  };
}

export function UserEditPage({
  user,
  values,
  errors,
  municipalities,
  organisations,
}: {
  user: UserSummary;
  values: UserFormValues;
  errors?: FieldErrors | undefined;
  municipalities: MunicipalityOption[];
  organisations: Organisation[];
}) {
  return (
    <>
      <AdminHeader title={user.name} current="/admin/brukere" crumbs={[{ href: '/admin/brukere', label: 'Brukere' }]} />
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
      <ErrorSummary errors={errors} labels={userFieldLabels} />
      <form method="post" action={`/admin/brukere/${user.id}`} class="form-narrow">
        <TextField name="name" label="Navn" value={values.name} errors={errors} required />
        <TextField name="email" label="E-postadresse" type="email" value={values.email} errors={errors} required />
        <BindingFields values={values} errors={errors} municipalities={municipalities} organisations={organisations} />
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
    </>
  );
}
