import type { Role, UserSummary } from '../../../model/accounts.ts';
import { Empty } from '../../components/common.tsx';
import { Notice } from '../../components/form.tsx';
import { useI18n, type I18n } from '../../i18n/index.ts';
import { AdminHeader, Time } from './common.tsx';

export function boundTo(u: { role: Role; municipalityName: string | null; municipalityNumber: string | null; organisationName: string | null }): string {
  if (u.role === 'municipality') return `${u.municipalityName ?? ''} (${u.municipalityNumber ?? ''})`;
  if (u.role === 'organisation') return u.organisationName ?? '';
  return '';
}

export function UsersPage({ users, saved }: { users: UserSummary[]; saved?: string | undefined }) {
  const { t, tx } = useI18n();
  return (
    <>
      <AdminHeader title={t('admin.nav.users')} current="/admin/brukere" lead={t('admin.users.lead')} />
      {saved ? <Notice color="success">{t('admin.users.saved', { name: saved })}</Notice> : null}
      <p class="ds-paragraph">
        {tx('admin.users.inviteText', {
          invite: (text) => (
            <a class="ds-link" href="/admin/invitasjoner">
              {text}
            </a>
          ),
        })}
      </p>
      {users.length === 0 ? (
        <Empty>{t('admin.users.none')}</Empty>
      ) : (
        <div class="table-scroll">
          <table class="ds-table" data-border data-zebra>
            <caption class="ds-sr-only">{t('admin.users.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.col.name')}</th>
                <th scope="col">{t('admin.col.email')}</th>
                <th scope="col">{t('admin.col.role')}</th>
                <th scope="col">{t('admin.col.boundTo')}</th>
                <th scope="col">{t('admin.col.status')}</th>
                <th scope="col">{t('admin.col.lastSeen')}</th>
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
                  <td>{t(`auth.role.${u.role}`)}</td>
                  <td>{boundTo(u) || <span class="muted">–</span>}</td>
                  <td>
                    {u.disabledAt ? (
                      <span class="ds-tag" data-color="danger" data-size="sm">
                        {t('admin.users.disabled')}
                      </span>
                    ) : (
                      t('admin.users.active')
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

/** The user and invitation forms' fields by their labels, for the error summary and the 409's table. */
export const userFieldLabels = (t: I18n['t']) => ({
  name: t('admin.field.name'),
  email: t('admin.field.email'),
  role: t('admin.field.role'),
  municipality: t('admin.field.municipality'),
  organisation: t('admin.field.organisation'),
  active: t('admin.field.active'),
  skjema: t('admin.field.form'),
});
