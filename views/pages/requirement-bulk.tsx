import { groupBulkChange, pinnedValue, type BulkChange, type BulkItem } from '../../model/requirement-bulk.ts';
import { requirementListParams, requirementListUrl, type RequirementListQuery } from '../../model/requirement-list.ts';
import { requirementStatuses, type RequirementStatus } from '../../model/schemas.ts';
import type { RequirementListChoices } from '../../src/db/queries/requirement-list.ts';
import { ElementLink } from '../components/common.tsx';
import type { FieldErrors } from '../components/form.tsx';
import { useI18n } from '../i18n/index.ts';

/*
 * Bulk actions on the requirement list (issue 13): the form under the filter, the preview that
 * says exactly what will change, and the outcome. All three are the list region (#kravliste), so
 * htmx swaps one for the other; without JavaScript each is a page of its own.
 */

/** The list's whole state as hidden fields, so the preview and the outcome lead back to it. */
function ListStateFields({ query }: { query: RequirementListQuery }) {
  return (
    <>
      {[...requirementListParams(query).entries()].map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <div class="ds-validation-message" data-color="danger" id={id}>
      {message}
    </div>
  );
}

export interface BulkFormValues {
  action?: string;
  newStatus?: string;
  newChapter?: string;
  linkElement?: string;
  scope?: string;
}

/** Under the filter: what to change, on which requirements; "Forhåndsvis" shows what it will do. */
export function BulkForm({ query, choices, total, values = {}, errors = {} }: { query: RequirementListQuery; choices: RequirementListChoices; total: number; values?: BulkFormValues; errors?: FieldErrors }) {
  const { t } = useI18n();
  const action = values.action ?? 'status';
  const scope = values.scope ?? 'selected';
  return (
    <details class="bulk-form" open={Object.keys(errors).length > 0 || undefined}>
      <summary>{t('requirementList.bulk.heading')}</summary>
      <form id="masseendring" method="get" action="/krav/masse" hx-get="/krav/masse" hx-target="#kravliste" hx-swap="outerHTML" hx-push-url="true">
        <ListStateFields query={query} />
        <fieldset class="ds-fieldset">
          <legend class="ds-label">{t('requirementList.bulk.action')}</legend>
          {(['status', 'chapter', 'link'] as const).map((a) => (
            <div class="ds-field">
              <input class="ds-input" type="radio" name="action" value={a} id={`masse-handling-${a}`} checked={action === a} />
              <label class="ds-label" for={`masse-handling-${a}`}>
                {t(`requirementList.bulk.action.${a}`)}
              </label>
            </div>
          ))}
          <FieldError id="masse-action-feil" message={errors.action} />
        </fieldset>
        <div class="ds-field">
          <label class="ds-label" for="masse-status">
            {t('requirementList.bulk.newStatus')}
          </label>
          <select class="ds-input" id="masse-status" name="newStatus" aria-describedby={errors.newStatus ? 'masse-status-feil' : undefined}>
            <option value="">–</option>
            {requirementStatuses.map((s) => (
              <option value={s} selected={values.newStatus === s}>
                {t(`requirementList.status.${s}`)}
              </option>
            ))}
          </select>
          <FieldError id="masse-status-feil" message={errors.newStatus} />
        </div>
        <div class="ds-field">
          <label class="ds-label" for="masse-kapittel">
            {t('requirementList.bulk.newChapter')}
          </label>
          <select class="ds-input" id="masse-kapittel" name="newChapter" aria-describedby={errors.newChapter ? 'masse-kapittel-feil' : undefined}>
            <option value="">–</option>
            {choices.chapters.map((c) => (
              <option value={String(c.id)} selected={values.newChapter === String(c.id)}>
                {`${c.number} ${c.name}`}
              </option>
            ))}
            <option value="none" selected={values.newChapter === 'none'}>
              {t('requirementList.noChapter')}
            </option>
          </select>
          <FieldError id="masse-kapittel-feil" message={errors.newChapter} />
        </div>
        <div class="ds-field">
          <label class="ds-label" for="masse-element">
            {t('requirementList.bulk.linkElement')}
          </label>
          <div class="ds-field__description" id="masse-element-hint">
            {t('requirementList.filter.elementHint')}
          </div>
          <input
            class="ds-input"
            type="text"
            id="masse-element"
            name="linkElement"
            value={values.linkElement ?? ''}
            aria-describedby={errors.linkElement ? 'masse-element-hint masse-element-feil' : 'masse-element-hint'}
          />
          <FieldError id="masse-element-feil" message={errors.linkElement} />
        </div>
        <fieldset class="ds-fieldset">
          <legend class="ds-label">{t('requirementList.bulk.scope')}</legend>
          <div class="ds-field">
            <input class="ds-input" type="radio" name="scope" value="selected" id="masse-valgte" checked={scope === 'selected'} />
            <label class="ds-label" for="masse-valgte">
              {t('requirementList.bulk.scope.selected')}
            </label>
          </div>
          <div class="ds-field">
            <input class="ds-input" type="radio" name="scope" value="filtered" id="masse-alle" checked={scope === 'filtered'} />
            <label class="ds-label" for="masse-alle">
              {t('requirementList.bulk.scope.filtered', { count: total })}
            </label>
          </div>
          <FieldError id="masse-valgte-feil" message={errors.selected ?? errors.scope} />
        </fieldset>
        <button class="ds-button" data-variant="secondary" type="submit" id="masse-forhandsvis">
          {t('requirementList.bulk.preview')}
        </button>
      </form>
    </details>
  );
}

/** A value of the changed field as the reader knows it: a status's label, a chapter's number and name, linked or not. */
function useValueLabel(change: BulkChange, choices: RequirementListChoices, elementName: string) {
  const { t } = useI18n();
  const chapters = new Map(choices.chapters.map((c) => [String(c.id), `${c.number} ${c.name}`]));
  return (value: string): string => {
    switch (change.action) {
      case 'status':
        return t(`requirementList.status.${value as RequirementStatus}`);
      case 'chapter':
        return value === 'none' ? t('requirementList.noChapter') : (chapters.get(value) ?? value);
      case 'link':
        return value === 'linked' ? t('requirementList.bulk.linked', { name: elementName }) : t('requirementList.bulk.unlinked', { name: elementName });
    }
  };
}

export const previewRowsShown = 500;

export interface BulkPreviewProps {
  query: RequirementListQuery;
  change: BulkChange;
  items: BulkItem[];
  choices: RequirementListChoices;
  /** The linked element's name, for a link action. */
  elementName: string;
  /** After a 409: the requirements that moved since the preview the user confirmed. */
  stale?: Array<{ ref: string; seen: number; now: number | null }>;
}

/** Exactly what the change will do: to how many, from what to what, each requirement; then confirm or go back. */
export function BulkPreview({ query, change, items, choices, elementName, stale }: BulkPreviewProps) {
  const { t, number } = useI18n();
  const label = useValueLabel(change, choices, elementName);
  const changed = items.filter((i) => i.changes).length;
  const listUrl = requirementListUrl(query);
  const what =
    change.action === 'status'
      ? t('requirementList.bulk.what.status', { value: label(change.status) })
      : change.action === 'chapter'
        ? t('requirementList.bulk.what.chapter', { value: label(String(change.chapterId ?? 'none')) })
        : t('requirementList.bulk.what.link', { value: elementName });
  return (
    <div id="kravliste">
      <h2 class="ds-heading" data-size="sm" id="masse-forhandsvisning" tabindex={-1}>
        {t('requirementList.bulk.previewHeading', { what })}
      </h2>
      {stale && stale.length > 0 ? (
        <div class="ds-alert" data-color="warning" role="alert">
          <h3 class="ds-heading" data-size="xs">
            {t('requirementList.bulk.stale.title')}
          </h3>
          <p class="ds-paragraph">{t('requirementList.bulk.stale.text', { count: stale.length })}</p>
          <table class="ds-table conflict" data-border>
            <caption>{t('requirementList.bulk.stale.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('requirementList.column.id')}</th>
                <th scope="col">{t('requirementList.bulk.stale.seen')}</th>
                <th scope="col">{t('requirementList.bulk.stale.now')}</th>
              </tr>
            </thead>
            <tbody>
              {stale.map((s) => (
                <tr>
                  <th scope="row">{s.ref}</th>
                  <td>{s.seen}</td>
                  <td>{s.now === null ? t('requirementList.bulk.stale.deleted') : s.now}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p class="ds-paragraph" id="masse-oppsummering">
        {t('requirementList.bulk.summary', { count: items.length, changed, unchanged: items.length - changed })}
      </p>
      <ul class="bulk-groups">
        {groupBulkChange(items).map((g) => (
          <li>{g.changes ? t('requirementList.bulk.group', { from: label(g.from), to: label(g.to), count: g.count }) : t('requirementList.bulk.groupUnchanged', { value: label(g.from), count: g.count })}</li>
        ))}
      </ul>
      {items.length > 0 ? (
        <section class="table-scroll" tabindex={0} aria-label={t('requirementList.bulk.table')}>
          <table class="ds-table" data-border data-zebra id="masse-tabell">
            <caption class="ds-sr-only">{t('requirementList.bulk.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('requirementList.column.id')}</th>
                <th scope="col">{t('requirementList.column.requirement')}</th>
                <th scope="col">{t('requirementList.bulk.column.now')}</th>
                <th scope="col">{t('requirementList.bulk.column.after')}</th>
              </tr>
            </thead>
            <tbody>
              {items.slice(0, previewRowsShown).map((i) => (
                <tr class={i.changes ? undefined : 'muted'}>
                  <td class="nowrap">{i.row.ref}</td>
                  <th scope="row">
                    <ElementLink element={{ kind: 'requirement', key: i.row.key, name: i.row.name }} />
                  </th>
                  <td>{label(i.from)}</td>
                  <td>{i.changes ? label(i.to) : t('requirementList.bulk.column.unchanged')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {items.length > previewRowsShown ? <p class="ds-paragraph">{t('requirementList.bulk.truncated', { shown: number(previewRowsShown), count: items.length })}</p> : null}
      {changed > 0 ? (
        <form method="post" action="/krav/masse" hx-post="/krav/masse" hx-target="#kravliste" hx-swap="outerHTML">
          <input type="hidden" name="action" value={change.action} />
          {change.action === 'status' ? <input type="hidden" name="newStatus" value={change.status} /> : null}
          {change.action === 'chapter' ? <input type="hidden" name="newChapter" value={String(change.chapterId ?? 'none')} /> : null}
          {change.action === 'link' ? <input type="hidden" name="linkElement" value={`${change.element.kind}:${change.element.key}`} /> : null}
          <input type="hidden" name="pinned" value={pinnedValue(items.map((i) => i.row))} />
          <input type="hidden" name="list" value={requirementListParams(query).toString()} />
          <button class="ds-button" data-variant="primary" type="submit" id="masse-utfor">
            {t('requirementList.bulk.confirm', { count: changed })}
          </button>
        </form>
      ) : (
        <p class="ds-paragraph">{t('requirementList.bulk.nothing')}</p>
      )}
      <p class="ds-paragraph">
        <a class="ds-link" href={listUrl} hx-get={listUrl} hx-target="#kravliste" hx-swap="outerHTML" hx-push-url="true" id="masse-tilbake">
          {t('requirementList.bulk.back')}
        </a>
      </p>
    </div>
  );
}

/** Without JavaScript, after the change: what was done, and the way back to the list. */
export function BulkDone({ query, notice }: { query: RequirementListQuery; notice: string }) {
  const { t } = useI18n();
  return (
    <div id="kravliste">
      <div class="ds-alert" data-color="success" role="status">
        <p class="ds-paragraph">{notice}</p>
      </div>
      <p class="ds-paragraph">
        <a class="ds-link" href={requirementListUrl(query)} id="masse-tilbake">
          {t('requirementList.bulk.back')}
        </a>
      </p>
    </div>
  );
}

