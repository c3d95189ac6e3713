import { BaselineChoice } from '../../components/baseline-choice.tsx';
import type { StaleField } from '../../../model/versions.ts';
import { StaleNotice, VersionField } from '../../components/stale.tsx';
import { roundPhases, roundState, type Round } from '../../../model/consultation.ts';
import type { ElementKind } from '../../../model/kinds.ts';
import type { RoundSummary } from '../../../src/db/queries/consultation-rounds.ts';
import { Empty, PageHeader } from '../../components/common.tsx';
import { RoundStateTag } from '../../components/consultation.tsx';
import { ErrorSummary, SelectField, TextAreaField, TextField, type FieldErrors } from '../../components/form.tsx';
import { DateText } from '../../components/dates.tsx';
import { useI18n, type I18n } from '../../i18n/index.ts';
import { TargetPicker } from '../../components/target-picker.tsx';

export interface RoundsPageProps {
  rounds: RoundSummary[];
  now: Date;
  mayManage: boolean;
  /** The signed-in organisation user's organisation, for the link to its own page. */
  organisationId: number | null;
  signedIn: boolean;
}

export function RoundsPage({ rounds, now, mayManage, organisationId, signedIn }: RoundsPageProps) {
  const { t, number } = useI18n();
  return (
    <>
      <PageHeader title={t('consultation.rounds.title')} lead={t('consultation.rounds.lead')} crumbs={[{ href: '/', label: t('consultation.crumb.home') }, { label: t('consultation.crumb.consultation') }]} />
      <ul class="link-list actions-list">
        {mayManage ? (
          <li>
            <a class="ds-link" href="/horing/ny">
              {t('consultation.rounds.create')}
            </a>
          </li>
        ) : null}
        {organisationId !== null ? (
          <li>
            <a class="ds-link" href={`/horing/organisasjon/${organisationId}`}>
              {t('consultation.rounds.own')}
            </a>
          </li>
        ) : null}
      </ul>
      {rounds.length === 0 ? (
        <Empty>{t('consultation.rounds.none')}</Empty>
      ) : (
        <div class="table-scroll">
          <table class="ds-table" data-border data-zebra>
            <caption class="ds-sr-only">{t('consultation.rounds.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('consultation.rounds.col.round')}</th>
                <th scope="col">{t('consultation.rounds.col.phase')}</th>
                <th scope="col">{t('consultation.rounds.col.period')}</th>
                <th scope="col">{t('consultation.list.status')}</th>
                <th scope="col" class="num">
                  {t('consultation.rounds.col.elements')}
                </th>
                <th scope="col" class="num">
                  {t('consultation.round.col.comments')}
                </th>
                <th scope="col" class="num">
                  {t('consultation.round.col.answered')}
                </th>
                {signedIn ? <th scope="col">{t('consultation.rounds.col.new')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr>
                  <th scope="row">
                    <a class="ds-link" href={`/horing/${r.id}`}>
                      {r.title}
                    </a>
                  </th>
                  <td>{t(`consultation.phase.${r.phase}`)}</td>
                  <td>
                    <DateText date={r.opensOn} />–<DateText date={r.closesOn} />
                  </td>
                  <td>
                    <RoundStateTag state={roundState(r, now)} />
                  </td>
                  <td class="num">{number(r.itemCount)}</td>
                  <td class="num">{number(r.commentCount)}</td>
                  <td class="num">{number(r.answeredCount)}</td>
                  {signedIn ? <td>{r.lastSeenAt === null ? <span class="muted">{t('consultation.rounds.notOpened')}</span> : t('consultation.rounds.newCount', { count: r.newCount })}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** What the round form holds: the fields as typed, the chosen elements as ids. */
export interface RoundFormValues {
  title?: string | undefined;
  description?: string | undefined;
  phase?: string | undefined;
  opensOn?: string | undefined;
  closesOn?: string | undefined;
  elements: number[];
  /** The version of the round the form showed (`model/versions.ts`); an edit only. */
  version?: string | undefined;
  /** A new round's baseline: empty to freeze one now. */
  baseline?: string | undefined;
  /** What the picker's field holds: a requirement's number or an element as `kind:key`, to add. */
  add?: string | undefined;
}

export interface ElementChoice {
  id: number;
  label: string;
}

export interface ElementGroup {
  kind: ElementKind;
  elements: ElementChoice[];
}

/** The round form's field labels, in the reader's language (also for the 409's side-by-side table). */
export function roundLabels(i18n: I18n) {
  const { t } = i18n;
  return {
    title: t('consultation.form.title'),
    description: t('consultation.form.description'),
    phase: t('consultation.rounds.col.phase'),
    opensOn: t('consultation.form.opensOn'),
    closesOn: t('consultation.form.closesOn'),
    elements: t('consultation.form.elements'),
  };
}

/** A round's form values as a person reads them, for the 409's side-by-side table. */
export function roundReadable(i18n: I18n, v: RoundFormValues, groups: ElementGroup[]): Record<string, string> {
  const names = new Map(groups.flatMap((g) => g.elements.map((e) => [e.id, e.label] as const)));
  const phase = roundPhases.find((p) => p === v.phase);
  return {
    title: v.title ?? '',
    description: v.description ?? '',
    phase: phase ? i18n.t(`consultation.phase.${phase}`) : (v.phase ?? ''),
    opensOn: v.opensOn ?? '',
    closesOn: v.closesOn ?? '',
    elements: [...v.elements].sort((a, b) => a - b).map((id) => names.get(id) ?? `#${id}`).join('; '),
  };
}

export function RoundFormPage({
  round,
  values,
  errors,
  stale,
  groups,
  baselines = [],
  added,
}: {
  round?: Round | undefined;
  /** What «Legg til» just did, said beside the picker. */
  added?: string | undefined;
  /** A new round chooses the baseline it opens on (issue 13). */
  baselines?: Array<{ id: number; name: string }>;
  values: RoundFormValues;
  errors?: FieldErrors | undefined;
  /** The chosen elements (and, on a stale save, those stored), named and grouped by kind. */
  groups: ElementGroup[];
  /** A save from a stale page: the fields that differ from what is stored now. */
  stale?: StaleField[] | undefined;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = roundLabels(i18n);
  const title = round ? t('consultation.form.editTitle', { title: round.title }) : t('consultation.form.newTitle');
  const crumbs = [
    { href: '/', label: t('consultation.crumb.home') },
    { href: '/horing', label: t('consultation.crumb.consultation') },
    ...(round ? [{ href: `/horing/${round.id}`, label: round.title }] : []),
    { label: round ? t('consultation.form.crumbEdit') : t('consultation.form.crumbNew') },
  ];
  return (
    <>
      <PageHeader title={title} crumbs={crumbs} />
      {stale && round ? <StaleNotice what={t('consultation.form.staleWhat')} fields={stale} reload={`/horing/${round.id}/rediger`} /> : null}
      <ErrorSummary errors={errors} labels={{ ...labels, add: t('consultation.form.add') }} />
      <form method="post" action={round ? `/horing/${round.id}` : '/horing'} class="form-narrow form-wide">
        {/* The form's default button, so Enter in a field saves rather than pressing «Legg til» (the
            first visible one): hidden from sight, from Tab and from assistive technology, which
            reach the real save button at the end. */}
        <button class="ds-sr-only" type="submit" tabindex={-1} aria-hidden="true">
          {round ? t('consultation.form.save') : t('consultation.form.create')}
        </button>
        <VersionField version={values.version} />
        {round ? null : <BaselineChoice baselines={baselines} value={values.baseline} error={errors?.baseline} />}
        <TextField name="title" label={labels.title} value={values.title} errors={errors} required />
        <TextAreaField name="description" label={labels.description} description={t('consultation.form.descriptionHint')} value={values.description} errors={errors} rows={4} />
        <SelectField name="phase" label={labels.phase} value={values.phase} errors={errors} options={roundPhases.map((p) => ({ value: p, label: t(`consultation.phase.${p}`) }))} />
        <TextField name="opensOn" type="date" label={labels.opensOn} description={t('consultation.form.opensOnHint')} value={values.opensOn} errors={errors} required />
        <TextField name="closesOn" type="date" label={labels.closesOn} description={t('consultation.form.closesOnHint')} value={values.closesOn} errors={errors} required />
        <ElementChoiceFields values={values} errors={errors} groups={groups} addAction={round ? `/horing/${round.id}/rediger` : '/horing/ny'} added={added} />
        <button class="ds-button" type="submit">
          {round ? t('consultation.form.save') : t('consultation.form.create')}
        </button>
      </form>
    </>
  );
}

/**
 * The elements a round opens for comment: those chosen so far, each a ticked checkbox (untick to
 * take it out), and a picker to add one more by number, name or code. «Legg til» posts the whole
 * form to `addAction`, which shows it again with the element added and everything typed kept;
 * with JavaScript, htmx swaps this fieldset alone. The form never lists every element: at 100×
 * that was 1.7 MB (issue 10).
 */
export function ElementChoiceFields({
  values,
  errors,
  groups,
  addAction,
  added,
}: {
  values: RoundFormValues;
  errors?: FieldErrors | undefined;
  groups: ElementGroup[];
  addAction: string;
  /** What «Legg til» just did (for the page without JavaScript; htmx announces it). */
  added?: string | undefined;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = roundLabels(i18n);
  const chosen = new Set(values.elements);
  const shown = groups.map((g) => ({ kind: g.kind, elements: g.elements.filter((e) => chosen.has(e.id)) })).filter((g) => g.elements.length > 0);
  return (
    <fieldset class="ds-fieldset" id="felt-elements" aria-describedby={errors?.elements ? 'felt-elements-feil' : undefined}>
      <legend class="ds-label">{labels.elements}</legend>
      <p class="ds-paragraph muted" data-size="sm">
        {t('consultation.form.elementsHint')}
      </p>
      {errors?.elements ? (
        <div class="ds-validation-message" data-field="validation" id="felt-elements-feil">
          {errors.elements}
        </div>
      ) : null}
      {shown.length === 0 ? (
        <p class="ds-paragraph" id="valgte-elementer">
          {t('consultation.form.noneChosen')}
        </p>
      ) : (
        <div id="valgte-elementer">
          {shown.map((g) => (
            <details class="ds-details element-choice" open>
              <summary>{t('consultation.form.chosenKind', { kind: t(`kinds.${g.kind}.plural`), count: g.elements.length })}</summary>
              <div>
                <ul class="choice-list">
                  {g.elements.map((e) => (
                    <li class="ds-field">
                      <input class="ds-input" type="checkbox" name="elements" value={String(e.id)} id={`element-${e.id}`} checked />
                      <label class="ds-label" for={`element-${e.id}`}>
                        {e.label}
                      </label>
                    </li>
                  ))}
                </ul>
              </div>
            </details>
          ))}
        </div>
      )}
      {added ? (
        <p class="ds-paragraph" id="lagt-til">
          {added}
        </p>
      ) : null}
      <div class="element-add">
        <TargetPicker
          id="felt-add"
          name="add"
          scope="element"
          label={t('consultation.form.add')}
          hint={t('consultation.form.addHint')}
          value={values.add ?? ''}
          error={errors?.add}
          back={addAction}
        />
        <button
          class="ds-button"
          data-variant="secondary"
          type="submit"
          id="legg-til"
          formaction={addAction}
          formnovalidate
          hx-post={addAction}
          hx-target="#felt-elements"
          hx-swap="outerHTML"
        >
          {t('consultation.form.addButton')}
        </button>
      </div>
    </fieldset>
  );
}
