import { exchangeCellVersion } from '../../model/editing.ts';
import type { ExchangeCell } from '../../model/matrix.ts';
import type { CollaborationMode, NeedLevel, Usage } from '../../model/schemas.ts';
import { useI18n, type I18n } from '../i18n/index.ts';

/**
 * A mode's name (in the reader's language) up to its first "og" or "and": "Slå opp" for "Slå opp og
 * tilgjengeliggjøre", "Look up" for "Look up and make available".
 */
export function modeAbbreviation(name: string): string {
  const words = name.trim().split(/\s+/);
  const cut = words.findIndex((w) => w === 'og' || w === 'and');
  return cut > 0 ? words.slice(0, Math.min(cut, 2)).join(' ') : words.slice(0, 2).join(' ');
}

interface Named {
  key: string;
  name: string;
  nameEn?: string | null | undefined;
}

/** A need level as the cells say it, lower case: "lite behov for utvidelse", or "behov ikke vurdert". */
function needText(i18n: I18n, need: NeedLevel | undefined): string {
  return need ? i18n.name(need).toLowerCase() : i18n.t('matrix.need.unassessedLower');
}

const personnelCellUrl = (service: Named, group: Named, show = false) =>
  `/matriser/personellgrupper/celle?service=${encodeURIComponent(service.key)}&group=${encodeURIComponent(group.key)}${show ? '&vis=1' : ''}`;
const exchangeCellUrl = (service: Named, actor: Named, show = false) =>
  `/matriser/aktorer/celle?service=${encodeURIComponent(service.key)}&actor=${encodeURIComponent(actor.key)}${show ? '&vis=1' : ''}`;

/** One cell of the personnel matrix; for architects a button that opens the cell's editor. */
export function PersonnelCell({ service, group, usage, canEdit, focus = false }: { service: Named; group: Named; usage: Usage | undefined; canEdit: boolean; focus?: boolean }) {
  const { t, name } = useI18n();
  const shown = t('matrix.cell.usage', { usage: usage ?? 'none' });
  const content = usage ? (
    <abbr title={t(`domain.usage.${usage}`)}>{shown}</abbr>
  ) : (
    <>
      <span aria-hidden="true">–</span>
      <span class="ds-sr-only">{t('matrix.cell.none')}</span>
    </>
  );
  const cls = `matrix__cell matrix__cell--${usage ?? 'empty'}`;
  if (!canEdit) return <td class={cls}>{content}</td>;
  // The name starts with what the button shows ("L+D"), so speech input users can say what they see (WCAG 2.5.3).
  const label = t('matrix.cell.personnel.button', { usage: usage ?? 'none', service: name(service), group: name(group) });
  return (
    <td class={cls}>
      <button class="cell-button" type="button" hx-get={personnelCellUrl(service, group)} aria-label={label} autofocus={focus}>
        <span aria-hidden="true">{shown}</span>
      </button>
    </td>
  );
}

/** The editor that replaces a personnel cell: no link, reads, records or both. */
export function PersonnelCellEditor({ service, group, usage, error }: { service: Named; group: Named; usage: Usage | undefined; error?: string | undefined }) {
  const { t, name } = useI18n();
  const id = `celle-${service.key}-${group.key}`;
  return (
    <td class="matrix__cell matrix__cell--editing">
      <form hx-post="/matriser/personellgrupper/celle" hx-target="closest td" hx-swap="outerHTML" class="cell-editor">
        <input type="hidden" name="service" value={service.key} />
        <input type="hidden" name="group" value={group.key} />
        <input type="hidden" name="vist" value={usage ?? ''} />
        <fieldset class="ds-fieldset">
          <legend class="ds-label" data-size="sm">
            {name(service)} × {name(group)}
          </legend>
          {([['', t('matrix.editor.noLink')], ['reads', t('domain.usage.reads')], ['records', t('domain.usage.records')], ['both', t('domain.usage.both')]] as const).map(([value, label]) => (
            <div class="cell-editor__choice">
              <input class="ds-input" type="radio" name="usage" id={`${id}-${value || 'ingen'}`} value={value} checked={(usage ?? '') === value} autofocus={(usage ?? '') === value} />
              <label class="ds-label" data-weight="regular" for={`${id}-${value || 'ingen'}`}>
                {label}
              </label>
            </div>
          ))}
        </fieldset>
        {error ? <p class="ds-validation-message">{error}</p> : null}
        <EditorActions cancelUrl={personnelCellUrl(service, group, true)} />
      </form>
    </td>
  );
}

/** One cell of the actor matrix: the modes used, coloured and labelled by need. */
export function ExchangeCellView({ service, actor, cell, canEdit, focus = false }: { service: Named; actor: Named; cell: ExchangeCell[]; canEdit: boolean; focus?: boolean }) {
  const i18n = useI18n();
  const { t, name } = i18n;
  const list =
    cell.length === 0 ? (
      <>
        <span aria-hidden="true">–</span>
        <span class="ds-sr-only">{t('matrix.cell.none')}</span>
      </>
    ) : (
      <ul class="cell-list">
        {cell.map((x) => (
          <li class={`need need--${x.needLevel?.rank ?? 0}`}>
            <abbr title={name(x.mode)}>{modeAbbreviation(name(x.mode))}</abbr>
            <span class="ds-sr-only">, {needText(i18n, x.needLevel)}</span>
          </li>
        ))}
      </ul>
    );
  const cls = cell.length === 0 ? 'matrix__cell matrix__cell--empty' : 'matrix__cell';
  if (!canEdit) return <td class={cls}>{list}</td>;
  // The name starts with the abbreviations the button shows, so speech input users can say what they see (WCAG 2.5.3).
  const summary = cell.map((x) => t('matrix.cell.exchange.item', { mode: name(x.mode).toLowerCase(), need: needText(i18n, x.needLevel) })).join(', ');
  const shown = cell.map((x) => modeAbbreviation(name(x.mode))).join(' ');
  const label = t('matrix.cell.exchange.button', { count: cell.length, shown, summary, service: name(service), actor: name(actor) });
  return (
    <td class={cls}>
      <button class="cell-button" type="button" hx-get={exchangeCellUrl(service, actor)} aria-label={label} autofocus={focus}>
        <span aria-hidden="true">{list}</span>
      </button>
    </td>
  );
}

/** The editor for an actor cell: for each collaboration mode, none, unassessed or a need level. */
export function ExchangeCellEditor({
  service,
  actor,
  cell,
  modes,
  needLevels,
  error,
}: {
  service: Named;
  actor: Named;
  cell: ExchangeCell[];
  modes: CollaborationMode[];
  needLevels: NeedLevel[];
  error?: string | undefined;
}) {
  const { t, name } = useI18n();
  const id = `celle-${service.key}-${actor.key}`;
  return (
    <td class="matrix__cell matrix__cell--editing">
      <form hx-post="/matriser/aktorer/celle" hx-target="closest td" hx-swap="outerHTML" class="cell-editor">
        <input type="hidden" name="service" value={service.key} />
        <input type="hidden" name="actor" value={actor.key} />
        <input type="hidden" name="version" value={exchangeCellVersion(cell.map((x) => [x.mode.key, x.needLevel?.key ?? null] as const))} />
        <fieldset class="ds-fieldset">
          <legend class="ds-label" data-size="sm">
            {name(service)} × {name(actor)}
          </legend>
          {modes.map((mode, i) => {
            const current = cell.find((x) => x.mode.id === mode.id);
            const value = current ? (current.needLevel?.key ?? 'uvurdert') : '';
            return (
              <div class="ds-field">
                <label class="ds-label" data-size="sm" for={`${id}-${mode.key}`}>
                  {name(mode)}
                </label>
                <select class="ds-input" data-size="sm" id={`${id}-${mode.key}`} name={`mode-${mode.key}`} autofocus={i === 0}>
                  <option value="" selected={value === ''}>
                    {t('matrix.editor.noLink')}
                  </option>
                  <option value="uvurdert" selected={value === 'uvurdert'}>
                    {t('matrix.editor.linkedUnassessed')}
                  </option>
                  {needLevels.map((n) => (
                    <option value={n.key} selected={value === n.key}>
                      {name(n)}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </fieldset>
        {error ? <p class="ds-validation-message">{error}</p> : null}
        <EditorActions cancelUrl={exchangeCellUrl(service, actor, true)} />
      </form>
    </td>
  );
}

/** Save, or cancel back to the cell as it was (Escape does the same, from app.js). */
function EditorActions({ cancelUrl }: { cancelUrl: string }) {
  const { t } = useI18n();
  return (
    <div class="cell-editor__actions">
      <button class="ds-button" data-size="sm" type="submit">
        {t('common.save')}
      </button>
      <button class="ds-button" data-size="sm" data-variant="tertiary" type="button" data-cancel hx-get={cancelUrl} hx-target="closest td" hx-swap="outerHTML">
        {t('common.cancel')}
      </button>
    </div>
  );
}
