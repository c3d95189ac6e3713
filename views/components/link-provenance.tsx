import { linkEndsToken, provenanceFingerprint, type LinkType } from '../../model/link-types.ts';
import { provenanceLevels, type LinkProvenance } from '../../model/provenance.ts';
import { relationAccepts, relationsFrom, type RelationInfo } from '../../model/relations.ts';
import type { ModelIndex } from '../../model/lookup.ts';
import type { ScopeElement, ScopeModel } from '../../model/schemas.ts';
import { useI18n, type I18n } from '../i18n/index.ts';
import { ProvenanceTag } from './common.tsx';
import type { FieldErrors } from './form.tsx';

/** Which link a provenance belongs to, for the architect's editor beside it. */
export interface LinkEdit {
  type: LinkType;
  ends: ReadonlyArray<number | string>;
  /** The element at the other end as the page shows it, for the editor's accessible name. */
  otherName: string;
  /** The page to return to after a save without JavaScript. */
  back: string;
}

/** What the editor shows after a save: the values posted, what was wrong, and a message. */
export interface LinkEditState {
  values: { level: string; note: string; fromLine: string; toLine: string };
  errors: FieldErrors;
  message?: { tone: 'success' | 'warning' | 'danger'; text: string };
  /** The provenance stored now (after a conflict, the form carries its version). */
  stored: LinkProvenance;
}

/** The element of the DOM the editor's htmx swaps: one per link on the page. */
export function linkDomId(type: LinkType, ends: ReadonlyArray<number | string>): string {
  return `kobling-${type}-${linkEndsToken(ends).replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function linesText(p: LinkProvenance, t: I18n['t']): string {
  if (p.fromLine === null || p.toLine === null) return '';
  return ` (${t('links.provenance.lines', { from: p.fromLine === p.toLine ? 'same' : String(p.fromLine), to: p.toLine })})`;
}

/** A link's level and reason, in words beside the link (not only in a tooltip), and for architects the editor. */
export function LinkProvenanceNote({ provenance, edit, state }: { provenance: LinkProvenance | undefined; edit?: LinkEdit | undefined; state?: LinkEditState }) {
  const { t } = useI18n();
  if (!provenance) return null;
  const shown = state?.stored ?? provenance;
  const lines = linesText(shown, t);
  const body = (
    <>
      {' '}
      <ProvenanceTag level={shown.level} note={shown.note} />
      {shown.note.trim() !== '' || lines ? (
        <div class="muted provenance-note">
          {shown.note}
          {lines}
        </div>
      ) : null}
    </>
  );
  if (!edit) return body;
  return (
    <div class="link-provenance" id={linkDomId(edit.type, edit.ends)}>
      {body}
      <LinkProvenanceEditor edit={edit} provenance={shown} state={state} />
    </div>
  );
}

function LinkProvenanceEditor({ edit, provenance, state }: { edit: LinkEdit; provenance: LinkProvenance; state: LinkEditState | undefined }) {
  const { t } = useI18n();
  const id = linkDomId(edit.type, edit.ends);
  const values = state?.values ?? {
    level: provenance.level,
    note: provenance.note,
    fromLine: provenance.fromLine === null ? '' : String(provenance.fromLine),
    toLine: provenance.toLine === null ? '' : String(provenance.toLine),
  };
  const errors = state?.errors ?? {};
  return (
    <details class="ds-details link-provenance__edit" open={state !== undefined && state.message?.tone !== 'success'}>
      <summary>
        {t('links.provenance.edit')}
        <span class="ds-sr-only"> – {edit.otherName}</span>
      </summary>
      <div>
        {state?.message ? (
          <p class="ds-alert" data-color={state.message.tone} data-size="sm" role={state.message.tone === 'success' ? 'status' : 'alert'}>
            {state.message.text}
          </p>
        ) : null}
        <form method="post" action="/koblinger/kildegrunnlag" hx-post="/koblinger/kildegrunnlag" hx-target={`#${id}`} hx-swap="outerHTML" class="link-provenance__form">
          <input type="hidden" name="kobling" value={edit.type} />
          <input type="hidden" name="ender" value={linkEndsToken(edit.ends)} />
          <input type="hidden" name="navn" value={edit.otherName} />
          <input type="hidden" name="tilbake" value={edit.back} />
          <input type="hidden" name="version" value={provenanceFingerprint(provenance)} />
          <ProvenanceFields id={id} values={values} errors={errors} />
          <button class="ds-button" data-variant="secondary" data-size="sm" type="submit">
            {t('links.provenance.save')}
          </button>
        </form>
      </div>
    </details>
  );
}

/** A link's level, reason and lines as form fields, with their messages beside them; ids under `id`. */
function ProvenanceFields({ id, values, errors }: { id: string; values: { level: string; note: string; fromLine: string; toLine: string }; errors: FieldErrors }) {
  const { t } = useI18n();
  const field = (name: 'level' | 'note' | 'fromLine' | 'toLine') => ({
    id: `${id}-${name}`,
    name,
    'aria-invalid': errors[name] ? 'true' : undefined,
    'aria-describedby': errors[name] ? `${id}-${name}-feil` : undefined,
  });
  const label = (name: string, text: string) => (
    <label class="ds-label" for={`${id}-${name}`}>
      {text}
    </label>
  );
  const error = (name: string) =>
    errors[name] ? (
      <div class="ds-validation-message" data-field="validation" id={`${id}-${name}-feil`}>
        {errors[name]}
      </div>
    ) : null;
  return (
    <>
      <div class="ds-field">
        {label('level', t('links.provenance.level'))}
        <select class="ds-input" {...field('level')}>
          {provenanceLevels.map((level) => (
            <option value={level} selected={values.level === level}>
              {t(`domain.provenance.${level}`)}
            </option>
          ))}
        </select>
        {error('level')}
      </div>
      <div class="ds-field">
        {label('note', t('links.provenance.note'))}
        <input class="ds-input" type="text" maxlength={1000} value={values.note} {...field('note')} />
        {error('note')}
      </div>
      <div class="link-provenance__lines">
        <div class="ds-field">
          {label('fromLine', t('links.provenance.fromLine'))}
          <input class="ds-input" type="text" inputmode="numeric" size={6} value={values.fromLine} {...field('fromLine')} />
          {error('fromLine')}
        </div>
        <div class="ds-field">
          {label('toLine', t('links.provenance.toLine'))}
          <input class="ds-input" type="text" inputmode="numeric" size={6} value={values.toLine} {...field('toLine')} />
          {error('toLine')}
        </div>
      </div>
    </>
  );
}

/** The typed relations that can start at an element of this kind, with the elements each may go to. */
export function relationCandidates(element: ScopeElement, model: ScopeModel): Array<{ info: RelationInfo; targets: ScopeElement[]; byKey: boolean }> {
  return relationsFrom(element.kind).map((info) => {
    const targets = (Object.values(model.elements).flat() as ScopeElement[])
      .filter((e) => e.id !== element.id && relationAccepts(info.relation, e.kind) && e.kind !== 'informationService' && e.kind !== 'requirement')
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.position - b.position);
    // Services grow with the model: they are named by key rather than listed.
    return { info, targets, byKey: relationAccepts(info.relation, 'informationService') };
  });
}

export interface RelationFormState {
  relation: string;
  errors: FieldErrors;
  values: { target: string; targetKey: string; level: string; note: string; fromLine: string; toLine: string };
}

/** The architect's form for a new typed relation from this element. */
export function RelationAddForm({
  element,
  info,
  targets,
  byKey,
  href,
  state,
}: {
  element: ScopeElement;
  info: RelationInfo;
  targets: ScopeElement[];
  byKey: boolean;
  href: string;
  state?: RelationFormState | undefined;
}) {
  const { t, name } = useI18n();
  const id = `ny-kobling-${info.relation}`;
  const mine = state?.relation === info.relation ? state : undefined;
  const values = mine?.values ?? { target: '', targetKey: '', level: 'inferred', note: '', fromLine: '', toLine: '' };
  const errors = mine?.errors ?? {};
  const field = (fieldName: keyof typeof values) => ({
    id: `${id}-${fieldName}`,
    name: fieldName,
    'aria-invalid': errors[fieldName] ? 'true' : undefined,
    'aria-describedby': errors[fieldName] ? `${id}-${fieldName}-feil` : undefined,
  });
  const error = (fieldName: string) =>
    errors[fieldName] ? (
      <div class="ds-validation-message" data-field="validation" id={`${id}-${fieldName}-feil`}>
        {errors[fieldName]}
      </div>
    ) : null;
  const kinds = [...new Set(targets.map((e) => e.kind))];
  return (
    <details class="ds-details relation-add" open={mine !== undefined}>
      <summary>{t('links.relations.add', { relation: t(`links.relation.${info.relation}`) })}</summary>
      <div>
        {errors.form ? (
          <p class="ds-alert" data-color="warning" data-size="sm" role="alert">
            {errors.form}
          </p>
        ) : null}
        <form method="post" action={`${href}/relasjoner`} hx-post={`${href}/relasjoner`} hx-target="#element-innhold" hx-swap="outerHTML">
          <input type="hidden" name="relation" value={info.relation} />
          <input type="hidden" name="version" value={String(element.version)} />
          <div class="ds-field">
            <label class="ds-label" for={`${id}-target`}>
              {t('links.relations.target')}
            </label>
            <select class="ds-input" {...field('target')}>
              <option value="">{t('links.relations.choose')}</option>
              {kinds.map((kind) => (
                <optgroup label={t(`kinds.${kind}.plural`)}>
                  {targets
                    .filter((e) => e.kind === kind)
                    .map((e) => (
                      <option value={String(e.id)} selected={values.target === String(e.id)}>
                        {name(e)}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            {error('target')}
          </div>
          {byKey ? (
            <div class="ds-field">
              <label class="ds-label" for={`${id}-targetKey`}>
                {t('links.relations.targetKey')}
              </label>
              <input class="ds-input" type="text" value={values.targetKey} {...field('targetKey')} />
              {error('targetKey')}
            </div>
          ) : null}
          <ProvenanceFields id={id} values={values} errors={errors} />
          <button class="ds-button" data-variant="secondary" data-size="sm" type="submit">
            {t('links.relations.addButton')}
          </button>
        </form>
      </div>
    </details>
  );
}
