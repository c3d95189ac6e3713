import type { Invite, MunicipalityOption, Organisation } from '../../../model/accounts.ts';
import { Empty } from '../../components/common.tsx';
import { ErrorSummary, Notice, TextField, type FieldErrors } from '../../components/form.tsx';
import { useI18n } from '../../i18n/index.ts';
import { AdminHeader, Time } from './common.tsx';
import { BindingFields } from './binding.tsx';
import { boundTo, userFieldLabels } from './users.tsx';

export interface InvitesPageProps {
  pending: Invite[];
  municipalities: MunicipalityOption[];
  organisations: Organisation[];
  values?: { email?: string; role?: string; municipality?: string; organisation?: string };
  errors?: FieldErrors | undefined;
  /** The link just made: shown this once, never stored. */
  created?: { link: string; email: string; expiresAt: string } | undefined;
  revoked?: boolean;
  inviteHours: number;
}

export function InvitesPage({ pending, municipalities, organisations, values = {}, errors, created, revoked, inviteHours }: InvitesPageProps) {
  const { t, tx } = useI18n();
  const labels = userFieldLabels(t);
  return (
    <>
      <AdminHeader title={t('admin.nav.invites')} current="/admin/invitasjoner" lead={t('admin.invites.lead', { hours: inviteHours })} />
      {created ? (
        <div class="ds-alert notice" data-color="success" role="status">
          <h2 class="ds-heading" data-size="xs">
            {t('admin.invites.createdTitle', { email: created.email })}
          </h2>
          <p class="ds-paragraph">{tx('admin.invites.createdText', { email: created.email, time: () => <Time iso={created.expiresAt} /> })}</p>
          <div class="ds-field">
            <label class="ds-label" for="invitasjonslenke">
              {t('admin.invites.link')}
            </label>
            <input class="ds-input" id="invitasjonslenke" type="text" readonly value={created.link} />
          </div>
        </div>
      ) : null}
      {revoked ? <Notice color="success">{t('admin.invites.revoked')}</Notice> : null}
      <section aria-labelledby="ny-invitasjon">
        <h2 class="ds-heading" data-size="sm" id="ny-invitasjon">
          {t('admin.invites.new')}
        </h2>
        <ErrorSummary errors={errors} labels={labels} />
        <form method="post" action="/admin/invitasjoner" class="form-narrow">
          <TextField name="email" label={labels.email} type="email" value={values.email} errors={errors} required />
          <BindingFields refreshUrl="/admin/invitasjoner" values={values} errors={errors} municipalities={municipalities} organisations={organisations} />
          <button class="ds-button" type="submit">
            {t('admin.invites.create')}
          </button>
        </form>
      </section>
      <section aria-labelledby="ventende">
        <h2 class="ds-heading" data-size="sm" id="ventende">
          {t('admin.invites.pending')}
        </h2>
        {pending.length === 0 ? (
          <Empty>{t('admin.invites.none')}</Empty>
        ) : (
          <div class="table-scroll">
            <table class="ds-table" data-border data-zebra>
              <caption class="ds-sr-only">{t('admin.invites.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.col.email')}</th>
                  <th scope="col">{t('admin.col.role')}</th>
                  <th scope="col">{t('admin.col.boundTo')}</th>
                  <th scope="col">{t('admin.col.invitedBy')}</th>
                  <th scope="col">{t('admin.col.expires')}</th>
                  <th scope="col">
                    <span class="ds-sr-only">{t('admin.col.action')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {pending.map((i) => (
                  <tr>
                    <th scope="row">{i.email}</th>
                    <td>{t(`auth.role.${i.role}`)}</td>
                    <td>{boundTo(i) || <span class="muted">–</span>}</td>
                    <td>{i.createdByName ?? <span class="muted">–</span>}</td>
                    <td>
                      <Time iso={i.expiresAt} />
                    </td>
                    <td>
                      <form method="post" action={`/admin/invitasjoner/${i.id}/trekk-tilbake`}>
                        <button class="ds-button" data-variant="secondary" data-size="sm" type="submit">
                          {tx('admin.invites.revoke', { email: i.email ?? '', sr: (text) => <span class="ds-sr-only">{text}</span> })}
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
