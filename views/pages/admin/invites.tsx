import { roleLabel, type Invite, type MunicipalityOption, type Organisation } from '../../../model/accounts.ts';
import { Empty } from '../../components/common.tsx';
import { ErrorSummary, Notice, TextField, type FieldErrors } from '../../components/form.tsx';
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
  return (
    <>
      <AdminHeader
        title="Invitasjoner"
        current="/admin/invitasjoner"
        lead={`En invitasjon er en lenke som virker én gang i ${inviteHours} timer. Den inviterte velger selv navn og passord.`}
      />
      {created ? (
        <div class="ds-alert notice" data-color="success" role="status">
          <h2 class="ds-heading" data-size="xs">
            Invitasjonen til {created.email} er laget
          </h2>
          <p class="ds-paragraph">
            Send lenken til {created.email} på en trygg måte. Den vises bare nå, og virker til <Time iso={created.expiresAt} />.
          </p>
          <div class="ds-field">
            <label class="ds-label" for="invitasjonslenke">
              Invitasjonslenke
            </label>
            <input class="ds-input" id="invitasjonslenke" type="text" readonly value={created.link} />
          </div>
        </div>
      ) : null}
      {revoked ? <Notice color="success">Invitasjonen er trukket tilbake; lenken virker ikke lenger.</Notice> : null}
      <section aria-labelledby="ny-invitasjon">
        <h2 class="ds-heading" data-size="sm" id="ny-invitasjon">
          Inviter en bruker
        </h2>
        <ErrorSummary errors={errors} labels={userFieldLabels} />
        <form method="post" action="/admin/invitasjoner" class="form-narrow">
          <TextField name="email" label="E-postadresse" type="email" value={values.email} errors={errors} required />
          <BindingFields refreshUrl="/admin/invitasjoner" values={values} errors={errors} municipalities={municipalities} organisations={organisations} />
          <button class="ds-button" type="submit">
            Lag invitasjonslenke
          </button>
        </form>
      </section>
      <section aria-labelledby="ventende">
        <h2 class="ds-heading" data-size="sm" id="ventende">
          Ventende invitasjoner
        </h2>
        {pending.length === 0 ? (
          <Empty>Ingen invitasjoner venter.</Empty>
        ) : (
          <div class="table-scroll">
            <table class="ds-table" data-border data-zebra>
              <caption class="ds-sr-only">Invitasjoner som ikke er brukt ennå</caption>
              <thead>
                <tr>
                  <th scope="col">E-post</th>
                  <th scope="col">Rolle</th>
                  <th scope="col">Tilhører</th>
                  <th scope="col">Invitert av</th>
                  <th scope="col">Utløper</th>
                  <th scope="col">
                    <span class="ds-sr-only">Handling</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {pending.map((i) => (
                  <tr>
                    <th scope="row">{i.email}</th>
                    <td>{roleLabel[i.role]}</td>
                    <td>{boundTo(i) || <span class="muted">–</span>}</td>
                    <td>{i.createdByName ?? <span class="muted">–</span>}</td>
                    <td>
                      <Time iso={i.expiresAt} />
                    </td>
                    <td>
                      <form method="post" action={`/admin/invitasjoner/${i.id}/trekk-tilbake`}>
                        <button class="ds-button" data-variant="secondary" data-size="sm" type="submit">
                          Trekk tilbake<span class="ds-sr-only"> invitasjonen til {i.email}</span>
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
