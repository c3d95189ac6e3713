import { fieldChanges, type AuditEvent } from '../../model/audit.ts';
import type { ElementKind } from '../../model/kinds.ts';
import { Empty } from './common.tsx';
import { DateTimeText } from './dates.tsx';
import { useI18n } from '../i18n/index.ts';
import { actionLabel, auditField, auditValue, type NameOf } from './audit-words.ts';

export type { NameOf };

/** An element's changes from the audit log, newest first: who, when, which field, before and after. */
export function ElementHistory({ events, kind, limit, nameOf = () => undefined }: { events: AuditEvent[]; kind: ElementKind; limit: number; nameOf?: NameOf }) {
  const i18n = useI18n();
  const { t } = i18n;
  const rows = events.flatMap((e) => {
    const changes = fieldChanges(e.before, e.after);
    const who = e.userName ?? t('history.system');
    if (changes.length === 0) return [{ e, who, field: '', before: '', after: '' }];
    return changes.map((ch) => ({
      e,
      who,
      field: auditField(kind, e.action, ch.field, nameOf, i18n),
      before: auditValue(kind, e.action, ch.field, ch.before, nameOf, i18n),
      after: auditValue(kind, e.action, ch.field, ch.after, nameOf, i18n),
    }));
  });
  return (
    <section aria-labelledby="historikk-tittel" class="detail-section" id="historikk">
      <h2 id="historikk-tittel" class="ds-heading" data-size="sm">
        {t('history.title')}
      </h2>
      {events.length === 0 ? (
        <Empty>{t('history.empty')}</Empty>
      ) : (
        <section class="table-scroll" tabindex={0} aria-label={t('history.title')}>
          <table class="ds-table history" data-border>
            <caption class="ds-sr-only">{t('history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.when')}</th>
                <th scope="col">{t('history.who')}</th>
                <th scope="col">{t('history.what')}</th>
                <th scope="col">{t('history.field')}</th>
                <th scope="col">{t('history.before')}</th>
                <th scope="col">{t('history.after')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <DateTimeText at={r.e.at} />
                  </td>
                  <td>{r.who}</td>
                  <td>
                    {actionLabel(r.e.action, i18n)}
                    {r.e.details ? <span class="history__details muted">{r.e.details}</span> : null}
                  </td>
                  <td>{r.field}</td>
                  <td class="history__before">{r.before}</td>
                  <td class="history__after">{r.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {events.length >= limit ? <p class="ds-paragraph muted">{t('history.limited', { limit })}</p> : null}
        </section>
      )}
    </section>
  );
}
