import { fieldChanges, labelOfAction, type AuditEvent } from '../../model/audit.ts';
import { fieldsByKind } from '../../model/editing.ts';
import { elementKindSchema, kindInfo, type ElementKind } from '../../model/kinds.ts';
import { usageLabel, type Usage } from '../../model/schemas.ts';
import { Empty } from './common.tsx';
import { DateTimeText } from './dates.tsx';
import { useI18n } from '../i18n/index.ts';

const linkFieldLabel: Record<string, string> = {
  capabilities: 'Funksjonsområder',
  goals: 'Mål',
  projects: 'Avhengigheter',
  tier: 'Leveransetrinn',
  category: 'Informasjonskategori',
  position: 'Plassering i rekkefølgen',
  kind: 'Type',
  key: 'Nøkkel',
  ref: 'Kravnummer',
};

const show = (value: unknown) => {
  if (value === null || value === undefined || value === '') return '–';
  if (value === 'on') return 'Ja';
  return typeof value === 'string' ? value : JSON.stringify(value);
};

/** An element's name by kind and key, for values the audit log keeps as keys. */
export type NameOf = (kind: ElementKind, key: string) => string | undefined;

/**
 * A changed value as the rest of the page says it: an option's label, not its code ("Skal", not
 * "must"); the referenced element's name, not its key; the kind's name, not "requirement".
 */
export function historyValue(kind: ElementKind, action: string, field: string, value: unknown, nameOf: NameOf): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value !== 'string') return show(value);
  if (action === 'link.personnel') return usageLabel[value as Usage] ?? value;
  if (field === 'kind') {
    const parsed = elementKindSchema.safeParse(value);
    return parsed.success ? kindInfo[parsed.data].singular : value;
  }
  const spec = fieldsByKind[kind].find((f) => f.name === field);
  if (spec?.type === 'enum') return spec.options.find(([code]) => code === value)?.[1] ?? value;
  if (spec?.type === 'ref') return nameOf(spec.kind, value) ?? value;
  if (spec?.type === 'checkbox') return value === 'on' ? 'Ja' : value;
  return show(value);
}

/** A changed field's name: the form's label, or for a personnel link the service area's name. */
function historyField(kind: ElementKind, action: string, field: string, nameOf: NameOf): string {
  if (action === 'link.personnel') return nameOf('personnelGroup', field) ?? field;
  return fieldsByKind[kind].find((f) => f.name === field)?.label ?? linkFieldLabel[field] ?? field;
}

/** An element's changes from the audit log, newest first: who, when, which field, before and after. */
export function ElementHistory({ events, kind, limit, nameOf = () => undefined }: { events: AuditEvent[]; kind: ElementKind; limit: number; nameOf?: NameOf }) {
  const { t } = useI18n();
  const rows = events.flatMap((e) => {
    const changes = fieldChanges(e.before, e.after);
    const who = e.userName ?? t('history.system');
    if (changes.length === 0) return [{ e, who, field: '', before: '', after: '' }];
    return changes.map((ch) => ({
      e,
      who,
      field: historyField(kind, e.action, ch.field, nameOf),
      before: historyValue(kind, e.action, ch.field, ch.before, nameOf),
      after: historyValue(kind, e.action, ch.field, ch.after, nameOf),
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
                    {labelOfAction(r.e.action)}
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
