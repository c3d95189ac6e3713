import { BaselineChoice } from '../../components/baseline-choice.tsx';
import type { StaleField } from '../../../model/versions.ts';
import { StaleNotice, VersionField } from '../../components/stale.tsx';
import { roundPhaseLabel, roundPhases, roundState, type Round } from '../../../model/consultation.ts';
import { kindInfo, type ElementKind } from '../../../model/kinds.ts';
import type { RoundSummary } from '../../../src/db/queries/consultation-rounds.ts';
import { Empty, PageHeader } from '../../components/common.tsx';
import { RoundStateTag } from '../../components/consultation.tsx';
import { ErrorSummary, SelectField, TextAreaField, TextField, type FieldErrors } from '../../components/form.tsx';
import { DateText } from '../../components/dates.tsx';
import { useI18n } from '../../i18n/index.ts';

export interface RoundsPageProps {
  rounds: RoundSummary[];
  now: Date;
  mayManage: boolean;
  /** The signed-in organisation user's organisation, for the link to its own page. */
  organisationId: number | null;
  signedIn: boolean;
}

export function RoundsPage({ rounds, now, mayManage, organisationId, signedIn }: RoundsPageProps) {
  return (
    <>
      <PageHeader
        title="Høring"
        lead="I høringsrunder kommenterer fag-, profesjons- og pasientorganisasjoner kravene og elementene i omfanget. Prosjektet svarer på hver kommentar, og alle som kan lese høringen, ser kommentar, status og svar sammen."
        crumbs={[{ href: '/', label: 'Oversikt' }, { label: 'Høring' }]}
      />
      <ul class="link-list actions-list">
        {mayManage ? (
          <li>
            <a class="ds-link" href="/horing/ny">
              Opprett en ny høringsrunde
            </a>
          </li>
        ) : null}
        {organisationId !== null ? (
          <li>
            <a class="ds-link" href={`/horing/organisasjon/${organisationId}`}>
              Alle kommentarene fra din organisasjon, med svar
            </a>
          </li>
        ) : null}
      </ul>
      {rounds.length === 0 ? (
        <Empty>Ingen høringsrunder ennå.</Empty>
      ) : (
        <div class="table-scroll">
          <table class="ds-table" data-border data-zebra>
            <caption class="ds-sr-only">Høringsrunder</caption>
            <thead>
              <tr>
                <th scope="col">Høring</th>
                <th scope="col">Fase</th>
                <th scope="col">Høringsperiode</th>
                <th scope="col">Status</th>
                <th scope="col" class="num">
                  Elementer
                </th>
                <th scope="col" class="num">
                  Kommentarer
                </th>
                <th scope="col" class="num">
                  Besvart
                </th>
                {signedIn ? <th scope="col">Nytt siden forrige besøk</th> : null}
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
                  <td>{roundPhaseLabel[r.phase]}</td>
                  <td>
                    <DateText date={r.opensOn} />–<DateText date={r.closesOn} />
                  </td>
                  <td>
                    <RoundStateTag state={roundState(r, now)} />
                  </td>
                  <td class="num">{r.itemCount}</td>
                  <td class="num">{r.commentCount}</td>
                  <td class="num">{r.answeredCount}</td>
                  {signedIn ? <td>{r.lastSeenAt === null ? <span class="muted">Ikke åpnet før</span> : useI18n().t('consultation.rounds.newCount', { count: r.newCount })}</td> : null}
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
}

export interface ElementChoice {
  id: number;
  label: string;
}

export interface ElementGroup {
  kind: ElementKind;
  elements: ElementChoice[];
}

export const roundLabels = { title: 'Tittel', description: 'Beskrivelse', phase: 'Fase', opensOn: 'Åpner', closesOn: 'Frist', elements: 'Krav og elementer til høring' };
const labels = roundLabels;

/** A round's form values as a person reads them, for the 409's side-by-side table. */
export function roundReadable(v: RoundFormValues, groups: ElementGroup[]): Record<string, string> {
  const names = new Map(groups.flatMap((g) => g.elements.map((e) => [e.id, e.label] as const)));
  const phase = roundPhases.find((p) => p === v.phase);
  return {
    title: v.title ?? '',
    description: v.description ?? '',
    phase: phase ? roundPhaseLabel[phase] : (v.phase ?? ''),
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
}: {
  round?: Round | undefined;
  /** A new round chooses the baseline it opens on (issue 13). */
  baselines?: Array<{ id: number; name: string }>;
  values: RoundFormValues;
  errors?: FieldErrors | undefined;
  groups: ElementGroup[];
  /** A save from a stale page: the fields that differ from what is stored now. */
  stale?: StaleField[] | undefined;
}) {
  const title = round ? `Endre «${round.title}»` : 'Ny høringsrunde';
  const chosen = new Set(values.elements);
  const crumbs = [{ href: '/', label: 'Oversikt' }, { href: '/horing', label: 'Høring' }, ...(round ? [{ href: `/horing/${round.id}`, label: round.title }] : []), { label: round ? 'Endre' : 'Ny' }];
  return (
    <>
      <PageHeader title={title} crumbs={crumbs} />
      {stale && round ? <StaleNotice what="høringsrunden" fields={stale} reload={`/horing/${round.id}/rediger`} /> : null}
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={round ? `/horing/${round.id}` : '/horing'} class="form-narrow form-wide">
        <VersionField version={values.version} />
        {round ? null : <BaselineChoice baselines={baselines} value={values.baseline} error={errors?.baseline} />}
        <TextField name="title" label={labels.title} value={values.title} errors={errors} required />
        <TextAreaField name="description" label={labels.description} description="Hva høringen gjelder og hva prosjektet særlig vil ha innspill på." value={values.description} errors={errors} rows={4} />
        <SelectField name="phase" label={labels.phase} value={values.phase} errors={errors} options={roundPhases.map((p) => ({ value: p, label: roundPhaseLabel[p] }))} />
        <TextField name="opensOn" type="date" label={labels.opensOn} description="Organisasjonene kan kommentere fra og med denne dagen (norsk tid)." value={values.opensOn} errors={errors} required />
        <TextField name="closesOn" type="date" label={labels.closesOn} description="Siste dag for kommentarer. Etter fristen kan ingen skrive eller endre, men prosjektet kan svare." value={values.closesOn} errors={errors} required />
        <fieldset class="ds-fieldset" id="felt-elements" aria-describedby={errors?.elements ? 'felt-elements-feil' : undefined}>
          <legend class="ds-label">{labels.elements}</legend>
          <p class="ds-paragraph muted" data-size="sm">
            Velg kravene og elementene organisasjonene kan kommentere. Et element som allerede har kommentarer, kan ikke tas ut.
          </p>
          {errors?.elements ? (
            <div class="ds-validation-message" data-field="validation" id="felt-elements-feil">
              {errors.elements}
            </div>
          ) : null}
          {groups.map((g, i) => {
            const selected = g.elements.filter((e) => chosen.has(e.id)).length;
            return (
              <details class="ds-details element-choice" open={i === 0 || selected > 0}>
                <summary>
                  {kindInfo[g.kind].plural} ({selected} av {g.elements.length} valgt)
                </summary>
                <div>
                  <ul class="choice-list">
                    {g.elements.map((e) => (
                      <li class="ds-field">
                        <input class="ds-input" type="checkbox" name="elements" value={String(e.id)} id={`element-${e.id}`} checked={chosen.has(e.id)} />
                        <label class="ds-label" for={`element-${e.id}`}>
                          {e.label}
                        </label>
                      </li>
                    ))}
                  </ul>
                </div>
              </details>
            );
          })}
        </fieldset>
        <button class="ds-button" type="submit">
          {round ? 'Lagre endringene' : 'Opprett høringsrunden'}
        </button>
      </form>
    </>
  );
}
