import type { ChainReport } from '../../../model/audit.ts';
import { fieldChanges, type AuditEvent, type AuditQuery } from '../../../model/audit.ts';
import { actionLabel, auditField, auditValue, eventKind } from '../../components/audit-words.ts';
import type { UserSummary } from '../../../model/accounts.ts';
import { Empty } from '../../components/common.tsx';
import { SelectField, TextField } from '../../components/form.tsx';
import { AdminHeader, Time } from './common.tsx';

export const auditPageLimit = 200;

/** The query string for the same filter, for the CSV link. */
export function auditSearch(query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** An event's changed fields by their labels, with options' labels rather than codes. */
function Changes({ event }: { event: AuditEvent }) {
  const changes = fieldChanges(event.before, event.after);
  if (changes.length === 0) return <span class="muted">–</span>;
  const kind = eventKind(event);
  const nameOf = () => undefined;
  return (
    <ul class="cell-list">
      {changes.map((ch) => (
        <li>
          <strong>{auditField(kind, event.action, ch.field, nameOf)}</strong>: {auditValue(kind, event.action, ch.field, ch.before, nameOf)} →{' '}
          {auditValue(kind, event.action, ch.field, ch.after, nameOf)}
        </li>
      ))}
    </ul>
  );
}

export function AuditPage({ events, query, actions, users, chain }: { events: AuditEvent[]; query: AuditQuery; actions: string[]; users: UserSummary[]; chain: ChainReport }) {
  return (
    <>
      <AdminHeader
        title="Revisjonslogg"
        current="/admin/logg"
        lead="Innlogginger, mislykkede innlogginger, avviste forespørsler og alle endringer i data. Loggen kan bare legges til i; databasen nekter å endre eller slette rader."
      />
      <ChainStatus chain={chain} />
      <form class="filter-form" method="get" action="/admin/logg" role="search" aria-label="Filtrer revisjonsloggen">
        <SelectField name="handling" label="Handling" value={query.handling} empty="Alle handlinger" options={actions.map((a) => ({ value: a, label: actionLabel(a) }))} />
        <SelectField name="bruker" label="Bruker" value={query.bruker === undefined ? '' : String(query.bruker)} empty="Alle brukere" options={users.map((u) => ({ value: String(u.id), label: `${u.name} (${u.email})` }))} />
        <TextField name="tabell" label="Tabell" value={query.tabell} />
        <TextField name="element" label="Element-id" type="number" value={query.element === undefined ? '' : String(query.element)} />
        <TextField name="fra" label="Fra dato" type="date" value={query.fra} />
        <TextField name="til" label="Til dato" type="date" value={query.til} />
        <button class="ds-button" data-variant="secondary" type="submit">
          Vis
        </button>
      </form>
      <p class="ds-paragraph">
        Viser høyst {auditPageLimit} hendelser, nyeste først.{' '}
        <a class="ds-link" href={`/admin/logg.csv${auditSearch(query)}`} download>
          Last ned alle som passer filteret (CSV)
        </a>
      </p>
      {events.length === 0 ? (
        <Empty>Ingen hendelser passer filteret.</Empty>
      ) : (
        <section class="table-scroll" tabindex={0} aria-label="Hendelser i revisjonsloggen">
          <table class="ds-table" data-border data-zebra>
            <caption class="ds-sr-only">Hendelser i revisjonsloggen</caption>
            <thead>
              <tr>
                <th scope="col">Tid</th>
                <th scope="col">Bruker</th>
                <th scope="col">Handling</th>
                <th scope="col">Gjelder</th>
                <th scope="col">Endring</th>
                <th scope="col">Adresse</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr>
                  <td>
                    <Time iso={e.at} />
                  </td>
                  <td>{e.userName ?? (e.userId === null ? <span class="muted">Ukjent</span> : `#${e.userId}`)}</td>
                  <th scope="row">
                    {actionLabel(e.action)}
                    {e.details ? <span class="audit-details">{e.details}</span> : null}
                  </th>
                  <td>
                    {e.entity ? `${e.entity} ${e.entityId ?? ''}` : <span class="muted">–</span>}
                    {e.elementId !== null ? <span class="audit-details">element {e.elementId}</span> : null}
                  </td>
                  <td>
                    <Changes event={e} />
                  </td>
                  <td>{e.clientAddress ?? <span class="muted">–</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

/** Whether the log's hash chain is whole: any row changed, removed or slipped in breaks it. */
function ChainStatus({ chain }: { chain: ChainReport }) {
  if (!chain.whole) {
    return (
      <div class="ds-alert" data-color="danger" role="alert">
        <h2 class="ds-heading" data-size="xs">
          Hash-kjeden er brutt ved hendelse {chain.brokenAt}
        </h2>
        <p class="ds-paragraph">
          Hendelse {chain.brokenAt} {chain.reason}. Noen har skrevet i databasefilen utenom appen. Sammenlign med en sikkerhetskopi og den siste hashen dere tok
          vare på.
        </p>
      </div>
    );
  }
  return (
    <div class="ds-alert" data-color="success" role="status">
      <p class="ds-paragraph">
        Hash-kjeden er hel: {chain.entries} hendelser kontrollert.
        {chain.latest ? (
          <>
            {' '}
            Siste hash (ta vare på den et annet sted): <code>{`${chain.latest.id}:${chain.latest.hash}`}</code>
          </>
        ) : null}
      </p>
    </div>
  );
}
