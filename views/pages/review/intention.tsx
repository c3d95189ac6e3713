import { intentionStatusKey, intentionStatuses, type IntentionStatus } from '../../../model/review/schemas.ts';
import type { IntentionDeclaration } from '../../../model/review/types.ts';
import type { Municipality } from '../../../model/schemas.ts';
import { Empty, formatNumber } from '../../components/common.tsx';
import { intentionVersion, type StaleField } from '../../../model/versions.ts';
import { StaleNotice, VersionField } from '../../components/stale.tsx';
import { ErrorSummary, Notice, SelectField, TextField, type FieldErrors } from '../../components/form.tsx';
import { ReviewHeader, type ReviewAbilities } from './common.tsx';
import { DateText, DateTimeText } from '../../components/dates.tsx';
import { useI18n, type I18n } from '../../i18n/index.ts';

export interface IntentionFormValues {
  status?: string | undefined;
  date?: string | undefined;
  reference?: string | undefined;
  /** The version of the declaration the form showed (`model/versions.ts`). */
  version?: string | undefined;
}

/** The form's field labels, for the error summary and the 409's side-by-side table. */
export const intentionLabels = (t: I18n['t']) => ({ status: t('review.intention.status'), date: t('review.intention.date'), reference: t('review.intention.reference') });

/** What the form shows for a declaration (none yet: undecided), with the version those values are. */
export function intentionFormValues(d: IntentionDeclaration | undefined): IntentionFormValues & { version: string } {
  const values = { status: d?.status ?? 'undecided', date: d?.decidedOn ?? '', reference: d?.reference ?? '' };
  return { ...values, version: intentionVersion(d) };
}

/** The declaration's values as a person reads them, for the 409's side-by-side table. */
export function intentionReadable(v: IntentionFormValues, t: I18n['t']): Record<string, string> {
  const status = intentionStatuses.find((s) => s === v.status);
  return { status: status ? t(intentionStatusKey(status)) : (v.status ?? ''), date: v.date ?? '', reference: v.reference ?? '' };
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
  const { t } = useI18n();
  const labels = intentionLabels(t);
  return (
    <>
      <ReviewHeader
        title={t('review.intention.title', { name: municipality.name })}
        current={own ? `/vurdering/intensjon/${municipality.number}` : undefined}
        crumbs={abilities.intentions ? [{ href: '/vurdering/intensjon', label: t('review.intentions.title') }] : []}
        abilities={abilities}
        lead={t('review.intention.lead', { name: municipality.name, population: municipality.population, county: municipality.countyName })}
      />
      {notice ? <Notice color="success">{notice}</Notice> : null}
      <p class="ds-paragraph">
        <strong>{t('review.intention.now')}</strong> <DeclarationState declaration={declaration} />
      </p>
      {stale ? <StaleNotice what={t('review.intention.staleWhat')} fields={stale} reload={`/vurdering/intensjon/${municipality.number}`} /> : null}
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={`/vurdering/intensjon/${municipality.number}`} class="form-narrow">
        <VersionField version={values.version} />
        <SelectField name="status" label={labels.status} value={values.status} errors={errors} options={intentionStatuses.map((s) => ({ value: s, label: t(intentionStatusKey(s)) }))} />
        <TextField name="date" label={labels.date} type="date" description={t('review.intention.dateHint')} value={values.date} errors={errors} />
        <TextField
          name="reference"
          label={labels.reference}
          description={t('review.intention.referenceHint')}
          value={values.reference}
          errors={errors}
        />
        <button class="ds-button" type="submit">
          {t('review.intention.save')}
        </button>
      </form>
    </>
  );
}

/** Where the declaration stands now, when it was decided and who recorded it, as one sentence. */
function DeclarationState({ declaration: d }: { declaration: IntentionDeclaration | undefined }) {
  const { t, tx, language } = useI18n();
  const status = t(intentionStatusKey(d?.status ?? 'undecided'));
  if (!d) return <>{t('review.intention.nothingYet', { status })}</>;
  const parts = { status, date: () => <DateText date={d.decidedOn} />, time: () => <DateTimeText at={d.updatedAt} /> };
  const on = d.decidedOn ? 'On' : '';
  if (d.updatedByName && d.updatedByRole) {
    const role = t(`auth.role.${d.updatedByRole}`).toLocaleLowerCase(language.locale);
    return <>{tx(on ? 'review.intention.recordedOnByRole' : 'review.intention.recordedByRole', { ...parts, name: d.updatedByName, role })}</>;
  }
  if (d.updatedByName) return <>{tx(on ? 'review.intention.recordedOnBy' : 'review.intention.recordedBy', { ...parts, name: d.updatedByName })}</>;
  return <>{tx(on ? 'review.intention.recordedOn' : 'review.intention.recorded', parts)}</>;
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
  const { t } = useI18n();
  return (
    <>
      <ReviewHeader title={t('review.intentions.title')} current="/vurdering/intensjon" abilities={abilities} lead={t('review.intentions.lead')} />
      <form class="filter-form" method="get" action="/vurdering/intensjon" role="search" aria-label={t('review.intentions.filter')}>
        <SelectField
          name="status"
          label={t('review.intention.status')}
          value={filter.status ?? ''}
          empty={t('review.intentions.all')}
          options={intentionStatuses.map((s) => ({ value: s, label: t(intentionStatusKey(s)) }))}
        />
        <SelectField
          name="fylke"
          label={t('review.intentions.county')}
          value={filter.fylke ?? ''}
          empty={t('review.intentions.all')}
          options={counties.map((c) => ({ value: c.number, label: t('review.intentions.countyOption', { name: c.name, number: c.number }) }))}
        />
        <button class="ds-button" data-variant="secondary" type="submit">
          {t('review.intentions.show')}
        </button>
      </form>
      <p class="ds-paragraph" role="status">
        {t('review.intention.count', { count: rows.length })}
      </p>
      {rows.length === 0 ? (
        <Empty>{t('review.intentions.none')}</Empty>
      ) : (
        <div class="table-scroll">
          <table class="ds-table" data-border data-zebra>
            <caption class="ds-sr-only">{t('review.intentions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('review.manage.col.municipality')}</th>
                <th scope="col">{t('review.manage.col.county')}</th>
                <th scope="col" class="num">
                  {t('review.manage.col.population')}
                </th>
                <th scope="col">{t('review.intention.status')}</th>
                <th scope="col">{t('review.intention.date')}</th>
                <th scope="col">{t('review.intentions.col.reference')}</th>
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
                  <td>{t(intentionStatusKey(d?.status ?? 'undecided'))}</td>
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
