import type { ChainReport } from '../../../model/audit.ts';
import { fieldChanges, type AuditEvent, type AuditQuery } from '../../../model/audit.ts';
import { actionLabel, auditField, auditValue, eventKind } from '../../components/audit-words.ts';
import type { UserSummary } from '../../../model/accounts.ts';
import { Empty } from '../../components/common.tsx';
import { SelectField, TextField } from '../../components/form.tsx';
import { catalogues, defaultLanguage } from '../../i18n/catalogues.ts';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { AdminHeader, Time } from './common.tsx';

export const auditPageLimit = 200;

const reference = catalogues.get(defaultLanguage)!.messages;
const known = (key: string): key is MessageKey => reference.has(key);

/** What a recorded row is ("Bruker 3", "Organisasjon 2"): the table's label, or its name when it has none. */
function EntityText({ entity, id }: { entity: string; id: string | null }) {
  const { t } = useI18n();
  const key = `admin.audit.entity.${entity}`;
  if (!known(key)) return <>{`${entity} ${id ?? ''}`}</>;
  return <>{id === null ? t(key) : t('admin.audit.entityWithId', { entity: t(key), id })}</>;
}

/**
 * What the log adds about an event. A refused request is recorded as "METHOD path (reason)": the
 * path as an address (it is in bokmål whatever the reader's language), the reason by its label.
 */
function Details({ action, details }: { action: string; details: string }) {
  const { t } = useI18n();
  const refused = action === 'request.denied' ? /^([A-Z]+) (\S+) \((.+)\)$/.exec(details) : null;
  if (!refused) return <span class="audit-details">{details}</span>;
  const [, method, path, reason = ''] = refused;
  const [kind = '', what = ''] = reason.split(':', 2);
  const reasonKey = `admin.audit.refused.${kind}`;
  return (
    <span class="audit-details">
      {method}{' '}
      <code lang="nb">{path}</code>
      {': '}
      {known(reasonKey) ? t(reasonKey, { action: what }) : reason}
    </span>
  );
}

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
  const { t } = useI18n();
  return (
    <>
      <AdminHeader title={t('admin.nav.audit')} current="/admin/logg" lead={t('admin.audit.lead')} />
      <ChainStatus chain={chain} />
      <form class="filter-form" method="get" action="/admin/logg" role="search" aria-label={t('admin.audit.filter')}>
        <SelectField
          name="handling"
          label={t('admin.col.action')}
          value={query.handling}
          empty={t('admin.audit.allActions')}
          options={actions.map((a) => ({ value: a, label: actionLabel(a) }))}
        />
        <SelectField
          name="bruker"
          label={t('admin.audit.user')}
          value={query.bruker === undefined ? '' : String(query.bruker)}
          empty={t('admin.audit.allUsers')}
          options={users.map((u) => ({ value: String(u.id), label: `${u.name} (${u.email})` }))}
        />
        <TextField name="tabell" label={t('admin.audit.table')} value={query.tabell} />
        <TextField name="element" label={t('admin.audit.elementId')} type="number" value={query.element === undefined ? '' : String(query.element)} />
        <TextField name="fra" label={t('admin.audit.from')} type="date" value={query.fra} />
        <TextField name="til" label={t('admin.audit.to')} type="date" value={query.til} />
        <button class="ds-button" data-variant="secondary" type="submit">
          {t('admin.audit.show')}
        </button>
      </form>
      <p class="ds-paragraph">
        {t('admin.audit.limit', { limit: auditPageLimit })}{' '}
        <a class="ds-link" href={`/admin/logg.csv${auditSearch(query)}`} download>
          {t('admin.audit.csv')}
        </a>
      </p>
      {events.length === 0 ? (
        <Empty>{t('admin.audit.none')}</Empty>
      ) : (
        <section class="table-scroll" tabindex={0} aria-label={t('admin.audit.events')}>
          <table class="ds-table" data-border data-zebra>
            <caption class="ds-sr-only">{t('admin.audit.events')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.col.time')}</th>
                <th scope="col">{t('admin.audit.user')}</th>
                <th scope="col">{t('admin.col.action')}</th>
                <th scope="col">{t('admin.audit.col.entity')}</th>
                <th scope="col">{t('admin.audit.col.change')}</th>
                <th scope="col">{t('admin.audit.col.address')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr>
                  <td>
                    <Time iso={e.at} />
                  </td>
                  <td>{e.userName ?? (e.userId === null ? <span class="muted">{t('admin.audit.unknownUser')}</span> : `#${e.userId}`)}</td>
                  <th scope="row">
                    {actionLabel(e.action)}
                    {e.details ? <Details action={e.action} details={e.details} /> : null}
                  </th>
                  <td>
                    {e.entity ? <EntityText entity={e.entity} id={e.entityId} /> : <span class="muted">–</span>}
                    {e.elementId !== null ? <span class="audit-details">{t('admin.audit.elementRef', { id: e.elementId })}</span> : null}
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
  const { t, tx } = useI18n();
  if (!chain.whole) {
    return (
      <div class="ds-alert" data-color="danger" role="alert">
        <h2 class="ds-heading" data-size="xs">
          {t('admin.audit.chain.brokenTitle', { id: chain.brokenAt })}
        </h2>
        <p class="ds-paragraph">{t('admin.audit.chain.broken', { id: chain.brokenAt, reason: chain.reason })}</p>
      </div>
    );
  }
  const { latest } = chain;
  return (
    <div class="ds-alert" data-color="success" role="status">
      <p class="ds-paragraph">
        {latest
          ? tx('admin.audit.chain.wholeLatest', { count: chain.entries, code: () => <code>{`${latest.id}:${latest.hash}`}</code> })
          : t('admin.audit.chain.whole', { count: chain.entries })}
      </p>
    </div>
  );
}
