import { roleLabel } from '../../../model/accounts.ts';
import { intentionStatusLabel, intentionStatuses, type IntentionStatus } from '../../../model/review/schemas.ts';
import type { IntentionDeclaration } from '../../../model/review/types.ts';
import type { Municipality } from '../../../model/schemas.ts';
import { Empty, formatNumber } from '../../components/common.tsx';
import { intentionVersion, type StaleField } from '../../../model/versions.ts';
import { StaleNotice, VersionField } from '../../components/stale.tsx';
import { ErrorSummary, Notice, SelectField, TextField, type FieldErrors } from '../../components/form.tsx';
import { ReviewHeader, type ReviewAbilities } from './common.tsx';
import { DateText, DateTimeText } from '../../components/dates.tsx';
import { useI18n } from '../../i18n/index.ts';

export interface IntentionFormValues {
  status?: string | undefined;
  date?: string | undefined;
  reference?: string | undefined;
  /** The version of the declaration the form showed (`model/versions.ts`). */
  version?: string | undefined;
}

export const intentionLabels = { status: 'Status', date: 'Dato', reference: 'Dokumentreferanse' };
const labels = intentionLabels;

/** What the form shows for a declaration (none yet: undecided), with the version those values are. */
export function intentionFormValues(d: IntentionDeclaration | undefined): IntentionFormValues & { version: string } {
  const values = { status: d?.status ?? 'undecided', date: d?.decidedOn ?? '', reference: d?.reference ?? '' };
  return { ...values, version: intentionVersion(d) };
}

/** The declaration's values as a person reads them, for the 409's side-by-side table. */
export function intentionReadable(v: IntentionFormValues): Record<string, string> {
  const status = intentionStatuses.find((s) => s === v.status);
  return { status: status ? intentionStatusLabel[status] : (v.status ?? ''), date: v.date ?? '', reference: v.reference ?? '' };
}

export function IntentionPage({
  municipality,
  declaration,
  abilities,
  values,
  errors,
  notice,
  stale,
}: {
  municipality: Municipality;
  declaration: IntentionDeclaration | undefined;
  abilities: ReviewAbilities;
  values: IntentionFormValues;
  errors?: FieldErrors | undefined;
  notice?: string | undefined;
  /** A save from a stale page: the fields that differ from what is stored now. */
  stale?: StaleField[] | undefined;
}) {
  const own = abilities.municipalityNumber === municipality.number;
  return (
    <>
      <ReviewHeader
        title={`${municipality.name}: intensjonserklæring`}
        current={own ? `/vurdering/intensjon/${municipality.number}` : undefined}
        crumbs={abilities.intentions ? [{ href: '/vurdering/intensjon', label: 'Intensjonserklæringer' }] : []}
        abilities={abilities}
        lead={`Om ${municipality.name} kommune (${formatNumber(municipality.population)} innbyggere, ${municipality.countyName}) vil slutte seg til Akson. Signerte erklæringer teller i dekningen på dashbordet.`}
      />
      {notice ? <Notice color="success">{notice}</Notice> : null}
      <p class="ds-paragraph">
        <strong>Nå:</strong> {intentionStatusLabel[declaration?.status ?? 'undecided']}
        {declaration?.decidedOn ? (
          <>
            {' '}
            (<DateText date={declaration.decidedOn} />)
          </>
        ) : null}
        {declaration ? (
          <>
            , registrert <DateTimeText at={declaration.updatedAt} />
            {declaration.updatedByName ? ` av ${declaration.updatedByName}` : ''}
            {declaration.updatedByRole ? ` (${roleLabel[declaration.updatedByRole].toLowerCase()})` : ''}.
          </>
        ) : (
          '. Ingenting er registrert ennå.'
        )}
      </p>
      {stale ? <StaleNotice what="erklæringen" fields={stale} reload={`/vurdering/intensjon/${municipality.number}`} /> : null}
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={`/vurdering/intensjon/${municipality.number}`} class="form-narrow">
        <VersionField version={values.version} />
        <SelectField name="status" label={labels.status} value={values.status} errors={errors} options={intentionStatuses.map((s) => ({ value: s, label: intentionStatusLabel[s] }))} />
        <TextField name="date" label={labels.date} type="date" description="Datoen erklæringen ble signert eller avslått. Påkrevd for «Signert» og «Takket nei»." value={values.date} errors={errors} />
        <TextField
          name="reference"
          label={labels.reference}
          description="Valgfritt: saksnummer, arkivreferanse eller adressen til dokumentet."
          value={values.reference}
          errors={errors}
        />
        <button class="ds-button" type="submit">
          Lagre erklæringen
        </button>
      </form>
    </>
  );
}

export interface IntentionRow {
  municipality: Municipality;
  declaration: IntentionDeclaration | undefined;
}

export function IntentionListPage({
  rows,
  abilities,
  filter,
  counties,
}: {
  rows: IntentionRow[];
  abilities: ReviewAbilities;
  filter: { status?: IntentionStatus | undefined; fylke?: string | undefined };
  counties: Array<{ number: string; name: string }>;
}) {
  return (
    <>
      <ReviewHeader
        title="Intensjonserklæringer"
        current="/vurdering/intensjon"
        abilities={abilities}
        lead="Hver kommunes status. Velg en kommune for å registrere erklæringen på dens vegne."
      />
      <form class="filter-form" method="get" action="/vurdering/intensjon" role="search" aria-label="Filtrer kommunene">
        <SelectField name="status" label="Status" value={filter.status ?? ''} empty="Alle" options={intentionStatuses.map((s) => ({ value: s, label: intentionStatusLabel[s] }))} />
        <SelectField name="fylke" label="Fylke" value={filter.fylke ?? ''} empty="Alle" options={counties.map((c) => ({ value: c.number, label: `${c.name} (${c.number})` }))} />
        <button class="ds-button" data-variant="secondary" type="submit">
          Vis
        </button>
      </form>
      <p class="ds-paragraph" role="status">
        {useI18n().t('review.intention.count', { count: rows.length })}
      </p>
      {rows.length === 0 ? (
        <Empty>Ingen kommuner passer med filteret.</Empty>
      ) : (
        <div class="table-scroll">
          <table class="ds-table" data-border data-zebra>
            <caption class="ds-sr-only">Kommunenes intensjonserklæringer</caption>
            <thead>
              <tr>
                <th scope="col">Kommune</th>
                <th scope="col">Fylke</th>
                <th scope="col" class="num">
                  Innbyggere
                </th>
                <th scope="col">Status</th>
                <th scope="col">Dato</th>
                <th scope="col">Referanse</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ municipality: m, declaration: d }) => (
                <tr>
                  <th scope="row">
                    <a class="ds-link" href={`/vurdering/intensjon/${m.number}`}>
                      {m.name} ({m.number})
                    </a>
                  </th>
                  <td>{m.countyName}</td>
                  <td class="num">{formatNumber(m.population)}</td>
                  <td>{intentionStatusLabel[d?.status ?? 'undecided']}</td>
                  <td>
                    <DateText date={d?.decidedOn ?? null} />
                  </td>
                  <td>{d?.reference ? d.reference : <span class="muted">–</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
