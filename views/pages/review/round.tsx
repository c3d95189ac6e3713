import type { SnapshotDiff } from '../../../model/review/diff.ts';
import { reviewStatusLabel } from '../../../model/review/schemas.ts';
import { roundState } from '../../../model/review/rounds.ts';
import type { FrozenService, MunicipalityReview, ReviewRound } from '../../../model/review/types.ts';
import type { Municipality } from '../../../model/schemas.ts';
import { Empty, formatNumber } from '../../components/common.tsx';
import { ErrorSummary, Notice, TextField, type FieldErrors } from '../../components/form.tsx';
import { ReviewHeader, RoundStateText, countOf, type ReviewAbilities } from './common.tsx';
import { AddedServices, CategoryGroups, DiffSummary, ServiceSummary, type Marks } from './list.tsx';
import { DateText, DateTimeText } from '../../components/dates.tsx';

export interface RoundPageProps {
  round: ReviewRound;
  services: FrozenService[];
  diff: SnapshotDiff<FrozenService>;
  marks: Marks;
  now: Date;
  abilities: ReviewAbilities;
  /** Every review started, for those who manage rounds. */
  reviews?: Array<MunicipalityReview & { municipality: Municipality }> | undefined;
  notice?: string | undefined;
  reopenValues?: { deadline?: string | undefined };
  reopenErrors?: FieldErrors | undefined;
}

export function RoundPage(props: RoundPageProps) {
  const { round, services, diff, marks, now, abilities } = props;
  const state = roundState(round, now);
  const own = abilities.municipalityNumber;
  return (
    <>
      <ReviewHeader
        title={round.title}
        abilities={abilities}
        lead={
          <>
            Første leveranse slik den var da runden åpnet <DateTimeText at={round.openedAt} />: {countOf(services.length, 'informasjonstjeneste', 'informasjonstjenester')}.{' '}
            <RoundStateText round={round} now={now} />
          </>
        }
      />
      {props.notice ? <Notice color="success">{props.notice}</Notice> : null}
      <ul class="link-list round-links">
        {own ? (
          <li>
            <a class="ds-link" href={`/vurdering/runder/${round.id}/kommuner/${own}`}>
              {state.open ? 'Vurder listen for kommunen din' : 'Kommunens vurdering'}
            </a>
          </li>
        ) : null}
        <li>
          <a class="ds-link" href={`/vurdering/dashbord?runde=${round.id}`}>
            Standpunktene så langt, på dashbordet
          </a>{' '}
          ({countOf(round.submittedCount, 'kommune', 'kommuner')} har sendt inn)
        </li>
        {abilities.results ? (
          <li>
            <a class="ds-link" href={`/vurdering/runder/${round.id}/eksport.csv`} download>
              Last ned alle svar i runden (CSV)
            </a>
          </li>
        ) : null}
      </ul>
      {abilities.manage ? <ManageRound {...props} /> : null}
      <section aria-labelledby="listen">
        <h2 class="ds-heading" data-size="md" id="listen">
          Listen
        </h2>
        <DiffSummary diff={diff} />
      </section>
      <CategoryGroups services={services} item={(s, show) => <ServiceSummary service={s} mark={marks.get(s)} show={show} />} />
      <AddedServices diff={diff} />
    </>
  );
}

function ManageRound({ round, now, reviews = [], reopenValues = {}, reopenErrors }: RoundPageProps) {
  const state = roundState(round, now);
  return (
    <section aria-labelledby="styring" class="manage-round">
      <h2 class="ds-heading" data-size="md" id="styring">
        Styring av runden
      </h2>
      {state.open ? (
        <div class="inline-form">
          <p class="ds-paragraph">Lukker du runden nå, kan ingen kommune lagre eller sende inn mer i den. Du får se hva det betyr før den lukkes.</p>
          <a class="ds-button" data-variant="secondary" href={`/vurdering/runder/${round.id}/lukk`}>
            Lukk runden nå …
          </a>
        </div>
      ) : (
        <>
          <ErrorSummary errors={reopenErrors} labels={{ deadline: 'Ny frist' }} />
          <form method="post" action={`/vurdering/runder/${round.id}/gjenapne`} class="form-narrow">
            <TextField
              name="deadline"
              label="Ny frist"
              type="date"
              description="Åpner runden igjen med samme liste, til og med denne dagen. Bare én runde kan være åpen om gangen."
              value={reopenValues.deadline}
              errors={reopenErrors}
              required
            />
            <button class="ds-button" data-variant="secondary" type="submit">
              Åpne runden igjen
            </button>
          </form>
        </>
      )}
      <h3 class="ds-heading" data-size="sm">
        Kommunenes vurderinger
      </h3>
      {reviews.length === 0 ? (
        <Empty>Ingen kommune har begynt på vurderingen ennå.</Empty>
      ) : (
        <div class="table-scroll">
          <table class="ds-table" data-border data-zebra>
            <caption class="ds-sr-only">Kommuner som har begynt på eller sendt inn vurderingen</caption>
            <thead>
              <tr>
                <th scope="col">Kommune</th>
                <th scope="col">Fylke</th>
                <th scope="col" class="num">
                  Innbyggere
                </th>
                <th scope="col">Status</th>
                <th scope="col">Sendt inn</th>
                <th scope="col">Handling</th>
              </tr>
            </thead>
            <tbody>
              {reviews.map((r) => (
                <tr>
                  <th scope="row">
                    <a class="ds-link" href={`/vurdering/runder/${round.id}/kommuner/${r.municipalityNumber}`}>
                      {r.municipality.name} ({r.municipalityNumber})
                    </a>
                  </th>
                  <td>{r.municipality.countyName}</td>
                  <td class="num">{formatNumber(r.municipality.population)}</td>
                  <td>{reviewStatusLabel[r.status]}</td>
                  <td>
                    <DateTimeText at={r.status === 'submitted' ? r.submittedAt : null} />
                  </td>
                  <td>
                    {r.status === 'submitted' && state.open ? (
                      <form method="post" action={`/vurdering/runder/${round.id}/kommuner/${r.municipalityNumber}/gjenapne`} class="inline-form">
                        <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit">
                          Åpne for endringer<span class="ds-sr-only"> for {r.municipality.name}</span>
                        </button>
                      </form>
                    ) : (
                      <span class="muted">–</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="ds-paragraph muted">
        Frist: <DateText date={round.deadlineOn} />. Utkast vises bare for kommunen selv; tallene teller bare innsendte vurderinger.
      </p>
    </section>
  );
}

/** Shown before an architect closes a round early: who has not submitted, and that nobody can after; nothing closes until confirmed. */
export function CloseRoundConfirm({ round, now, abilities }: { round: ReviewRound; now: Date; abilities: ReviewAbilities }) {
  const path = `/vurdering/runder/${round.id}`;
  return (
    <>
      <ReviewHeader title="Lukke runden nå?" abilities={abilities} crumbs={[{ href: path, label: round.title }]} lead={<RoundStateText round={round} now={now} />} />
      <section class="submit-confirm" aria-labelledby="lukk-tittel">
        <div class="ds-alert" data-color="warning">
          <h2 class="ds-heading" data-size="xs" id="lukk-tittel">
            Lukker du «{round.title}» nå, før fristen <DateText date={round.deadlineOn} />:
          </h2>
          <ul class="ds-list">
            <li>Ingen kommune kan lagre eller sende inn mer i runden.</li>
            <li>
              {countOf(round.submittedCount, 'kommune', 'kommuner')} har sendt inn vurderingen; bare de teller i tallene.
            </li>
            <li>
              {round.draftCount === 0
                ? 'Ingen kommune har et utkast som ikke er sendt inn.'
                : `${countOf(round.draftCount, 'kommune', 'kommuner')} har et utkast som ikke er sendt inn. ${round.draftCount === 1 ? 'Det' : 'De'} blir ikke sendt inn og teller ikke.`}
            </li>
            <li>Du kan åpne runden igjen senere, med en ny frist.</li>
          </ul>
        </div>
        <div class="form-actions">
          <form method="post" action={`${path}/lukk`}>
            <input type="hidden" name="bekreft" value="ja" />
            <button class="ds-button" data-color="danger" type="submit">
              Lukk runden
            </button>
          </form>
          <a class="ds-button" data-variant="secondary" href={path}>
            Avbryt
          </a>
        </div>
      </section>
    </>
  );
}
