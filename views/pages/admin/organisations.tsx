import type { StaleField } from '../../../model/versions.ts';
import { StaleNotice, VersionField } from '../../components/stale.tsx';
import { organisationKinds, type Organisation, type UserSummary } from '../../../model/accounts.ts';
import { Empty } from '../../components/common.tsx';
import { ErrorSummary, Notice, SelectField, TextAreaField, TextField, type FieldErrors } from '../../components/form.tsx';
import { useI18n, type I18n } from '../../i18n/index.ts';
import { AdminHeader } from './common.tsx';

export interface OrganisationFormValues {
  name?: string | undefined;
  kind?: string | undefined;
  contact?: string | undefined;
  /** The version of the organisation the edit form showed (`model/versions.ts`). */
  version?: string | undefined;
}

/** The organisation form's fields by their labels, for the error summary and the 409's table. */
export const organisationLabels = (t: I18n['t']) => ({ name: t('admin.field.name'), kind: t('admin.field.kind'), contact: t('admin.field.contact') });

/** An organisation's values as a person reads them, for the 409's side-by-side table. */
export function organisationReadable(v: OrganisationFormValues, { t }: I18n = useI18n()): Record<string, string> {
  const kind = organisationKinds.find((k) => k === v.kind);
  return { name: v.name ?? '', kind: kind ? t(`auth.kind.${kind}`) : (v.kind ?? ''), contact: v.contact ?? '' };
}

function OrganisationForm({ action, values, errors, submit }: { action: string; values: OrganisationFormValues; errors?: FieldErrors | undefined; submit: string }) {
  const { t } = useI18n();
  const labels = organisationLabels(t);
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={action} class="form-narrow">
        <VersionField version={values.version} />
        <TextField name="name" label={labels.name} value={values.name} errors={errors} required />
        <SelectField
          name="kind"
          label={labels.kind}
          value={values.kind}
          errors={errors}
          options={organisationKinds.map((k) => ({ value: k, label: t(`auth.kind.${k}`) }))}
        />
        <TextAreaField name="contact" label={labels.contact} description={t('admin.organisations.contactHelp')} value={values.contact} errors={errors} />
        <button class="ds-button" type="submit">
          {submit}
        </button>
      </form>
    </>
  );
}

export function OrganisationsPage({
  organisations,
  values = {},
  errors,
  saved,
}: {
  organisations: Organisation[];
  values?: OrganisationFormValues;
  errors?: FieldErrors | undefined;
  saved?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <>
      <AdminHeader title={t('admin.nav.organisations')} current="/admin/organisasjoner" lead={t('admin.organisations.lead')} />
      {saved ? <Notice color="success">{t('admin.organisations.saved', { name: saved })}</Notice> : null}
      {organisations.length === 0 ? (
        <Empty>{t('admin.organisations.none')}</Empty>
      ) : (
        <div class="table-scroll">
          <table class="ds-table" data-border data-zebra>
            <caption class="ds-sr-only">{t('admin.organisations.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.col.name')}</th>
                <th scope="col">{t('admin.col.kind')}</th>
                <th scope="col">{t('admin.col.contact')}</th>
                <th scope="col" class="num">
                  {t('admin.col.users')}
                </th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((o) => (
                <tr>
                  <th scope="row">
                    <a class="ds-link" href={`/admin/organisasjoner/${o.id}`}>
                      {o.name}
                    </a>
                  </th>
                  <td>{t(`auth.kind.${o.kind}`)}</td>
                  <td>{o.contact || <span class="muted">–</span>}</td>
                  <td class="num">{o.userCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="ny-organisasjon">
        <h2 class="ds-heading" data-size="sm" id="ny-organisasjon">
          {t('admin.organisations.new')}
        </h2>
        <OrganisationForm action="/admin/organisasjoner" values={values} errors={errors} submit={t('admin.organisations.create')} />
      </section>
    </>
  );
}

export function OrganisationEditPage({
  organisation,
  members,
  values,
  errors,
  stale,
}: {
  organisation: Organisation;
  members: UserSummary[];
  values: OrganisationFormValues;
  errors?: FieldErrors | undefined;
  stale?: StaleField[] | undefined;
}) {
  const { t, tx } = useI18n();
  return (
    <>
      <AdminHeader title={organisation.name} current="/admin/organisasjoner" crumbs={[{ href: '/admin/organisasjoner', label: t('admin.nav.organisations') }]} />
      {stale ? <StaleNotice what={t('admin.organisations.staleWhat')} fields={stale} reload={`/admin/organisasjoner/${organisation.id}`} /> : null}
      <OrganisationForm action={`/admin/organisasjoner/${organisation.id}`} values={values} errors={errors} submit={t('admin.save')} />
      <section aria-labelledby="medlemmer">
        <h2 class="ds-heading" data-size="sm" id="medlemmer">
          {t('admin.organisations.members')}
        </h2>
        {members.length === 0 ? (
          <Empty>{t('admin.organisations.noMembers')}</Empty>
        ) : (
          <ul class="link-list">
            {members.map((u) => (
              <li>
                {tx('admin.organisations.member', {
                  role: t(`auth.role.${u.role}`),
                  email: u.email,
                  name: u.name,
                  user: (text) => (
                    <a class="ds-link" href={`/admin/brukere/${u.id}`}>
                      {text}
                    </a>
                  ),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
