import { exchangeCellVersion } from '../../model/editing.ts';
import type { ExchangeCell } from '../../model/matrix.ts';
import { usageLabel, type CollaborationMode, type NeedLevel, type Usage } from '../../model/schemas.ts';

export const usageShort: Record<Usage, string> = { reads: 'L', records: 'D', both: 'L+D' };

/** A mode's name up to its first "og": "Slå opp" for "Slå opp og tilgjengeliggjøre". */
export function modeAbbreviation(name: string): string {
  const words = name.trim().split(/\s+/);
  const cut = words.indexOf('og');
  return cut > 0 ? words.slice(0, Math.min(cut, 2)).join(' ') : words.slice(0, 2).join(' ');
}

interface Named {
  key: string;
  name: string;
}

const personnelCellUrl = (service: Named, group: Named, show = false) =>
  `/matriser/personellgrupper/celle?service=${encodeURIComponent(service.key)}&group=${encodeURIComponent(group.key)}${show ? '&vis=1' : ''}`;
const exchangeCellUrl = (service: Named, actor: Named, show = false) =>
  `/matriser/aktorer/celle?service=${encodeURIComponent(service.key)}&actor=${encodeURIComponent(actor.key)}${show ? '&vis=1' : ''}`;

/** One cell of the personnel matrix; for architects a button that opens the cell's editor. */
export function PersonnelCell({ service, group, usage, canEdit, focus = false }: { service: Named; group: Named; usage: Usage | undefined; canEdit: boolean; focus?: boolean }) {
  const content = usage ? (
    <abbr title={usageLabel[usage]}>{usageShort[usage]}</abbr>
  ) : (
    <>
      <span aria-hidden="true">–</span>
      <span class="ds-sr-only">ingen</span>
    </>
  );
  const cls = `matrix__cell matrix__cell--${usage ?? 'empty'}`;
  if (!canEdit) return <td class={cls}>{content}</td>;
  // The name starts with what the button shows ("L+D"), so speech input users can say what they see (WCAG 2.5.3).
  const label = `${usage ? `${usageShort[usage]}: ` : ''}${service.name} × ${group.name}: ${usage ? usageLabel[usage].toLowerCase() : 'ingen kobling'}. Endre.`;
  return (
    <td class={cls}>
      <button class="cell-button" type="button" hx-get={personnelCellUrl(service, group)} aria-label={label} autofocus={focus}>
        <span aria-hidden="true">{usage ? usageShort[usage] : '–'}</span>
      </button>
    </td>
  );
}

/** The editor that replaces a personnel cell: no link, reads, records or both. */
export function PersonnelCellEditor({ service, group, usage, error }: { service: Named; group: Named; usage: Usage | undefined; error?: string | undefined }) {
  const id = `celle-${service.key}-${group.key}`;
  return (
    <td class="matrix__cell matrix__cell--editing">
      <form hx-post="/matriser/personellgrupper/celle" hx-target="closest td" hx-swap="outerHTML" class="cell-editor">
        <input type="hidden" name="service" value={service.key} />
        <input type="hidden" name="group" value={group.key} />
        <input type="hidden" name="vist" value={usage ?? ''} />
        <fieldset class="ds-fieldset">
          <legend class="ds-label" data-size="sm">
            {service.name} × {group.name}
          </legend>
          {([['', 'Ingen kobling'], ['reads', usageLabel.reads], ['records', usageLabel.records], ['both', usageLabel.both]] as const).map(([value, label]) => (
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
  const list =
    cell.length === 0 ? (
      <>
        <span aria-hidden="true">–</span>
        <span class="ds-sr-only">ingen</span>
      </>
    ) : (
      <ul class="cell-list">
        {cell.map((x) => (
          <li class={`need need--${x.needLevel?.rank ?? 0}`}>
            <abbr title={x.mode.name}>{modeAbbreviation(x.mode.name)}</abbr>
            <span class="ds-sr-only">, {x.needLevel ? x.needLevel.name.toLowerCase() : 'behov ikke vurdert'}</span>
          </li>
        ))}
      </ul>
    );
  const cls = cell.length === 0 ? 'matrix__cell matrix__cell--empty' : 'matrix__cell';
  if (!canEdit) return <td class={cls}>{list}</td>;
  const summary = cell.length === 0 ? 'ingen kobling' : cell.map((x) => `${x.mode.name.toLowerCase()} (${x.needLevel ? x.needLevel.name.toLowerCase() : 'behov ikke vurdert'})`).join(', ');
  const shown = cell.map((x) => modeAbbreviation(x.mode.name)).join(' ');
  const label = `${shown ? `${shown}: ` : ''}${service.name} × ${actor.name}: ${summary}. Endre.`;
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
  const id = `celle-${service.key}-${actor.key}`;
  return (
    <td class="matrix__cell matrix__cell--editing">
      <form hx-post="/matriser/aktorer/celle" hx-target="closest td" hx-swap="outerHTML" class="cell-editor">
        <input type="hidden" name="service" value={service.key} />
        <input type="hidden" name="actor" value={actor.key} />
        <input type="hidden" name="version" value={exchangeCellVersion(cell.map((x) => [x.mode.key, x.needLevel?.key ?? null] as const))} />
        <fieldset class="ds-fieldset">
          <legend class="ds-label" data-size="sm">
            {service.name} × {actor.name}
          </legend>
          {modes.map((mode, i) => {
            const current = cell.find((x) => x.mode.id === mode.id);
            const value = current ? (current.needLevel?.key ?? 'uvurdert') : '';
            return (
              <div class="ds-field">
                <label class="ds-label" data-size="sm" for={`${id}-${mode.key}`}>
                  {mode.name}
                </label>
                <select class="ds-input" data-size="sm" id={`${id}-${mode.key}`} name={`mode-${mode.key}`} autofocus={i === 0}>
                  <option value="" selected={value === ''}>
                    Ingen kobling
                  </option>
                  <option value="uvurdert" selected={value === 'uvurdert'}>
                    Koblet, behov ikke vurdert
                  </option>
                  {needLevels.map((n) => (
                    <option value={n.key} selected={value === n.key}>
                      {n.name}
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
  return (
    <div class="cell-editor__actions">
      <button class="ds-button" data-size="sm" type="submit">
        Lagre
      </button>
      <button class="ds-button" data-size="sm" data-variant="tertiary" type="button" data-cancel hx-get={cancelUrl} hx-target="closest td" hx-swap="outerHTML">
        Avbryt
      </button>
    </div>
  );
}
