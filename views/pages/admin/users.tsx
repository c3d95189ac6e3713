import { roleLabel, type Role, type UserSummary } from '../../../model/accounts.ts';
import { Empty } from '../../components/common.tsx';
import { Notice } from '../../components/form.tsx';
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

export const userFieldLabels = { name: 'Navn', email: 'E-postadresse', role: 'Rolle', municipality: 'Kommune', organisation: 'Organisasjon', active: 'Aktiv', skjema: 'Skjema' };
