import type { MunicipalityOption, Organisation, UserSummary } from '../../../model/accounts.ts';
import { CheckboxField, ErrorSummary, TextField, type FieldErrors } from '../../components/form.tsx';
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

export const userPath = (id: number) => `/admin/brukere/${id}`;

export interface UserEditPageProps {
  user: UserSummary;
  values: UserFormValues;
  errors?: FieldErrors | undefined;
  municipalities: MunicipalityOption[];
  organisations: Organisation[];
}

export function UserEditPage({ user, values, errors, municipalities, organisations }: UserEditPageProps) {
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
      <form method="post" action={userPath(user.id)} class="form-narrow">
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
    </>
  );
}

