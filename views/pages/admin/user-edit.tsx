import { staleFields, userVersion, type StaleField } from '../../../model/versions.ts';
import { StaleNotice, VersionField } from '../../components/stale.tsx';
import { roleSchema, type Invite, type MunicipalityOption, type Organisation, type UserSummary } from '../../../model/accounts.ts';
import { CheckboxField, ErrorSummary, Notice, TextField, type FieldErrors } from '../../components/form.tsx';
import { useI18n, type I18n } from '../../i18n/index.ts';
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


/** The fields where the posted form and the stored user differ, as a person reads them (the 409's table). */
export function userStaleFields(mine: UserFormValues, stored: UserFormValues, organisations: Organisation[], { t }: I18n = useI18n()): StaleField[] {
  const { skjema: _form, ...labels } = userFieldLabels(t);
  const readable = (v: UserFormValues) => {
    const role = roleSchema.safeParse(v.role);
    return {
      name: v.name ?? '',
      email: v.email ?? '',
      role: role.success ? t(`auth.role.${role.data}`) : (v.role ?? ''),
      municipality: v.role === 'municipality' ? (v.municipality ?? '') : '',
      organisation: v.role === 'organisation' ? (organisations.find((o) => String(o.id) === v.organisation)?.name ?? v.organisation ?? '') : '',
      active: t(v.active ? 'common.yes' : 'common.no'),
    };
  };
  return staleFields(labels, readable(mine), readable(stored));
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
  const { t } = useI18n();
  const labels = userFieldLabels(t);
  return (
    <>
      <AdminHeader title={user.name} current="/admin/brukere" crumbs={[{ href: '/admin/brukere', label: t('admin.nav.users') }]} />
      {resetLink ? <ResetLinkCreated {...resetLink} /> : null}
      {resetRefused ? <Notice color="danger">{resetRefused}</Notice> : null}
      <dl class="facts">
        <dt>{t('admin.user.created')}</dt>
        <dd>
          <Time iso={user.createdAt} />
        </dd>
        <dt>{t('admin.col.lastSeen')}</dt>
        <dd>
          <Time iso={user.lastSeenAt} />
        </dd>
      </dl>
      {stale ? <StaleNotice what={t('admin.user.staleWhat')} fields={stale} reload={userPath(user.id)} /> : null}
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={userPath(user.id)} class="form-narrow">
        <VersionField version={values.version} />
        <TextField name="name" label={labels.name} value={values.name} errors={errors} required />
        <TextField name="email" label={labels.email} type="email" value={values.email} errors={errors} required />
        <BindingFields refreshUrl={userPath(user.id)} values={values} errors={errors} municipalities={municipalities} organisations={organisations} />
        <CheckboxField name="active" label={labels.active} checked={values.active} description={t('admin.user.activeHelp')} />
        <button class="ds-button" type="submit">
          {t('admin.save')}
        </button>
      </form>
      <PasswordReset user={user} pending={resetLink ? undefined : pendingReset} hours={resetHours} />
    </>
  );
}

function ResetLinkCreated({ link, email, expiresAt }: { link: string; email: string; expiresAt: string }) {
  const { t, tx } = useI18n();
  return (
    <div class="ds-alert notice" data-color="success" role="status">
      <h2 class="ds-heading" data-size="xs">
        {t('admin.reset.createdTitle', { email })}
      </h2>
      <p class="ds-paragraph">{tx('admin.reset.createdText', { email, time: () => <Time iso={expiresAt} /> })}</p>
      <div class="ds-field">
        <label class="ds-label" for="passordlenke">
          {t('admin.reset.link')}
        </label>
        <input class="ds-input" id="passordlenke" type="text" readonly value={link} />
      </div>
    </div>
  );
}

/** A forgotten password: the administrator makes a one-time link the user chooses a new password with. */
function PasswordReset({ user, pending, hours }: { user: UserSummary; pending: Invite | undefined; hours: number }) {
  const { t, tx } = useI18n();
  return (
    <section aria-labelledby="nytt-passord">
      <h2 class="ds-heading" data-size="sm" id="nytt-passord">
        {t('admin.reset.title')}
      </h2>
      {user.disabledAt ? (
        <p class="ds-paragraph">{t('admin.reset.disabled')}</p>
      ) : (
        <>
          <p class="ds-paragraph">{t('admin.reset.text', { hours })}</p>
          {pending ? (
            <p class="ds-paragraph">
              {pending.createdByName
                ? tx('admin.reset.pendingBy', { name: pending.createdByName, time: () => <Time iso={pending.expiresAt} /> })
                : tx('admin.reset.pending', { time: () => <Time iso={pending.expiresAt} /> })}
            </p>
          ) : null}
          <form method="post" action={passwordResetAction(user.id)}>
            <button class="ds-button" data-variant="secondary" type="submit">
              {t('admin.reset.create')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
