import { BaselineChoice } from '../../components/baseline-choice.tsx';
import { intentionStatusLabel, reviewStatusLabel, type ReviewStatus } from '../../../model/review/schemas.ts';
import { roundState } from '../../../model/review/rounds.ts';
import type { IntentionDeclaration, ReviewRound } from '../../../model/review/types.ts';
import type { Municipality } from '../../../model/schemas.ts';
import { Empty } from '../../components/common.tsx';
import { ErrorSummary, Notice, TextField, type FieldErrors } from '../../components/form.tsx';
import { ReviewHeader, RoundStateTag, type ReviewAbilities } from './common.tsx';
import { DateText } from '../../components/dates.tsx';

export interface RoundFormValues {
  title?: string | undefined;
  deadline?: string | undefined;
  baseline?: string | undefined;
}

const roundLabels = { title: 'Tittel', deadline: 'Frist (siste dag)', baseline: 'Baseline' };

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
  return (
    <>
      <ReviewHeader
        title="Kommunevurdering av første leveranse"
        current="/vurdering"
        abilities={abilities}
        lead="Kommunene vurderer hva første leveranse i Akson skal inneholde: for hver informasjonstjeneste tar de stilling og kommenterer. I hver runde fryses listen, så alle vurderer den samme. Kommunene erklærer også om de vil være med (intensjonserklæring); målet er avtaler med kommuner som dekker over halvparten av innbyggerne."
      />
      {own ? <OwnTasks own={own} rounds={rounds} now={now} /> : null}
      {abilities.manage ? <OpenRoundForm open={open} values={values} errors={errors} baselines={baselines} /> : null}
      <section aria-labelledby="runder">
        <h2 class="ds-heading" data-size="md" id="runder">
          Runder
        </h2>
        {rounds.length === 0 ? (
          <Empty>Ingen runde er åpnet ennå.</Empty>
        ) : (
          <div class="table-scroll">
            <table class="ds-table" data-border data-zebra>
              <caption class="ds-sr-only">Alle vurderingsrunder, nyeste først</caption>
              <thead>
                <tr>
                  <th scope="col">Runde</th>
                  <th scope="col">Status</th>
                  <th scope="col">Frist</th>
                  <th scope="col" class="num">
                    Tjenester
                  </th>
                  <th scope="col" class="num">
                    Kommuner som har sendt inn
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
          <a class="ds-link" href="/vurdering/dashbord">
            Se dashbordet
          </a>
          : dekningen av intensjonserklæringene og standpunktene per tjeneste.
        </p>
      </section>
    </>
  );
}

function OwnTasks({ own, rounds, now }: { own: OwnMunicipality; rounds: ReviewRound[]; now: Date }) {
  const newest = rounds[0];
  const number = own.municipality.number;
  const status = newest ? own.reviewStatus.get(newest.id) : undefined;
  return (
    <section class="ds-card own-tasks" aria-labelledby="min-kommune">
      <h2 class="ds-heading" data-size="sm" id="min-kommune">
        {own.municipality.name} kommune
      </h2>
      <ul class="link-list">
        {newest ? (
          <li>
            <a class="ds-link" href={`/vurdering/runder/${newest.id}/kommuner/${number}`}>
              Kommunens vurdering i «{newest.title}»
            </a>
            : {reviewStatusLabel[status ?? 'not-started']}
            {roundState(newest, now).open ? '' : ' (runden er lukket)'}.
          </li>
        ) : (
          <li>Ingen runde er åpnet ennå.</li>
        )}
        <li>
          <a class="ds-link" href={`/vurdering/intensjon/${number}`}>
            Kommunens intensjonserklæring
          </a>
          : {intentionStatusLabel[own.declaration?.status ?? 'undecided']}.
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
  return (
    <section aria-labelledby="ny-runde">
      <h2 class="ds-heading" data-size="md" id="ny-runde">
        Åpne en ny runde
      </h2>
      {errors?.skjema ? <Notice color="danger">{errors.skjema} Ingenting er endret.</Notice> : null}
      {open ? (
        <Notice color="info">
          Runden «{open.title}» er åpen til og med <DateText date={open.deadlineOn} />. Lukk den før du åpner en ny.
        </Notice>
      ) : (
        <>
          <p class="ds-paragraph">Når runden åpnes, fryses første leveranse slik den er nå. Senere endringer i omfanget merkes for kommunene, men endrer ikke listen.</p>
          <ErrorSummary errors={fieldsOnly(errors)} labels={roundLabels} />
          <form method="post" action="/vurdering/runder" class="form-narrow">
            <TextField name="title" label={roundLabels.title} value={values.title} errors={errors} required />
            <TextField
              name="deadline"
              label={roundLabels.deadline}
              type="date"
              description="Runden lukkes ved midnatt etter denne dagen (norsk tid), eller når en arkitekt lukker den."
              value={values.deadline}
              errors={errors}
              required
            />
            <BaselineChoice baselines={baselines} value={values.baseline} error={errors?.baseline} />
            <button class="ds-button" type="submit">
              Åpne runden
            </button>
          </form>
        </>
      )}
    </section>
  );
}
