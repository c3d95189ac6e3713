import { BaselineChoice } from '../../components/baseline-choice.tsx';
import { intentionStatusKey, reviewStatusKey, type ReviewStatus } from '../../../model/review/schemas.ts';
import { roundState } from '../../../model/review/rounds.ts';
import type { IntentionDeclaration, ReviewRound } from '../../../model/review/types.ts';
import type { Municipality } from '../../../model/schemas.ts';
import { Empty } from '../../components/common.tsx';
import { ErrorSummary, Notice, TextField, type FieldErrors } from '../../components/form.tsx';
import { ReviewHeader, RoundStateTag, type ReviewAbilities } from './common.tsx';
import { DateText } from '../../components/dates.tsx';
import { useI18n, type I18n } from '../../i18n/index.ts';

export interface RoundFormValues {
  title?: string | undefined;
  deadline?: string | undefined;
  baseline?: string | undefined;
}

const roundLabels = (t: I18n['t']) => ({ title: t('review.open.title'), deadline: t('review.open.deadline'), baseline: t('review.open.baseline') });

/** What a municipality user has to do: its review of the newest round and its declaration. */
export interface OwnMunicipality {
  municipality: Municipality;
  reviewStatus: Map<number, ReviewStatus>;
  declaration: IntentionDeclaration | undefined;
}

export function ReviewOverviewPage({
  rounds,
  now,
  abilities,
  own,
  values = {},
  errors,
  baselines = [],
}: {
  rounds: ReviewRound[];
  /** The baselines a new round may open on (architects); none named freezes the model as it is. */
  baselines?: Array<{ id: number; name: string }>;
  now: Date;
  abilities: ReviewAbilities;
  own?: OwnMunicipality | undefined;
  values?: RoundFormValues;
  errors?: FieldErrors | undefined;
}) {
  const open = rounds.find((r) => roundState(r, now).open);
  const { t, tx } = useI18n();
  return (
    <>
      <ReviewHeader title={t('review.overview.title')} current="/vurdering" abilities={abilities} lead={t('review.overview.lead')} />
      {own ? <OwnTasks own={own} rounds={rounds} now={now} /> : null}
      {abilities.manage ? <OpenRoundForm open={open} values={values} errors={errors} baselines={baselines} /> : null}
      <section aria-labelledby="runder">
        <h2 class="ds-heading" data-size="md" id="runder">
          {t('review.overview.rounds')}
        </h2>
        {rounds.length === 0 ? (
          <Empty>{t('review.overview.noRound')}</Empty>
        ) : (
          <div class="table-scroll">
            <table class="ds-table" data-border data-zebra>
              <caption class="ds-sr-only">{t('review.overview.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('review.overview.col.round')}</th>
                  <th scope="col">{t('review.overview.col.status')}</th>
                  <th scope="col">{t('review.overview.col.deadline')}</th>
                  <th scope="col" class="num">
                    {t('review.overview.col.services')}
                  </th>
                  <th scope="col" class="num">
                    {t('review.overview.col.submitted')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rounds.map((r) => (
                  <tr>
                    <th scope="row">
                      <a class="ds-link" href={`/vurdering/runder/${r.id}`}>
                        {r.title}
                      </a>
                    </th>
                    <td>
                      <RoundStateTag round={r} now={now} />
                    </td>
                    <td>
                      <DateText date={r.deadlineOn} />
                    </td>
                    <td class="num">{r.serviceCount}</td>
                    <td class="num">{r.submittedCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p class="ds-paragraph">
          {tx('review.overview.dashboardLink', {
            link: (chunks) => (
              <a class="ds-link" href="/vurdering/dashbord">
                {chunks}
              </a>
            ),
          })}
        </p>
      </section>
    </>
  );
}

function OwnTasks({ own, rounds, now }: { own: OwnMunicipality; rounds: ReviewRound[]; now: Date }) {
  const newest = rounds[0];
  const number = own.municipality.number;
  const status = newest ? own.reviewStatus.get(newest.id) : undefined;
  const { t, tx } = useI18n();
  return (
    <section class="ds-card own-tasks" aria-labelledby="min-kommune">
      <h2 class="ds-heading" data-size="sm" id="min-kommune">
        {t('review.own.heading', { name: own.municipality.name })}
      </h2>
      <ul class="link-list">
        {newest ? (
          <li>
            {tx(roundState(newest, now).open ? 'review.own.review' : 'review.own.reviewClosed', {
              round: newest.title,
              status: t(reviewStatusKey(status ?? 'not-started')),
              link: (chunks) => (
                <a class="ds-link" href={`/vurdering/runder/${newest.id}/kommuner/${number}`}>
                  {chunks}
                </a>
              ),
            })}
          </li>
        ) : (
          <li>{t('review.overview.noRound')}</li>
        )}
        <li>
          {tx('review.own.intention', {
            status: t(intentionStatusKey(own.declaration?.status ?? 'undecided')),
            link: (chunks) => (
              <a class="ds-link" href={`/vurdering/intensjon/${number}`}>
                {chunks}
              </a>
            ),
          })}
        </li>
      </ul>
    </section>
  );
}

const fieldsOnly = (errors: FieldErrors | undefined) => (errors ? Object.fromEntries(Object.entries(errors).filter(([k]) => k !== 'skjema')) : undefined);

function OpenRoundForm({
  open,
  values,
  errors,
  baselines,
}: {
  open: ReviewRound | undefined;
  values: RoundFormValues;
  errors?: FieldErrors | undefined;
  baselines: Array<{ id: number; name: string }>;
}) {
  const { t, tx } = useI18n();
  const labels = roundLabels(t);
  return (
    <section aria-labelledby="ny-runde">
      <h2 class="ds-heading" data-size="md" id="ny-runde">
        {t('review.open.heading')}
      </h2>
      {errors?.skjema ? <Notice color="danger">{t('review.open.nothingChanged', { message: errors.skjema })}</Notice> : null}
      {open ? (
        <Notice color="info">{tx('review.open.isOpen', { title: open.title, date: () => <DateText date={open.deadlineOn} /> })}</Notice>
      ) : (
        <>
          <p class="ds-paragraph">{t('review.open.lead')}</p>
          <ErrorSummary errors={fieldsOnly(errors)} labels={labels} />
          <form method="post" action="/vurdering/runder" class="form-narrow">
            <TextField name="title" label={labels.title} value={values.title} errors={errors} required />
            <TextField
              name="deadline"
              label={labels.deadline}
              type="date"
              description={t('review.open.deadlineHint')}
              value={values.deadline}
              errors={errors}
              required
            />
            <BaselineChoice baselines={baselines} value={values.baseline} error={errors?.baseline} />
            <button class="ds-button" type="submit">
              {t('review.open.submit')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
