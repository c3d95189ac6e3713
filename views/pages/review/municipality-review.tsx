import type { SnapshotDiff } from '../../../model/review/diff.ts';
import { commentField, commentMaxLength, reviewStatusLabel, stanceField, stanceLabel, stances, type Stance } from '../../../model/review/schemas.ts';
import { roundState } from '../../../model/review/rounds.ts';
import type { FrozenService, MunicipalityReview, ReviewRound, StoredEntry } from '../../../model/review/types.ts';
import type { Municipality } from '../../../model/schemas.ts';
import { ErrorSummary, Notice, SelectField, TextAreaField, type FieldErrors } from '../../components/form.tsx';
import { ReviewHeader, RoundStateText, StanceTag, TimeText, type ReviewAbilities } from './common.tsx';
import { AddedServices, CategoryGroups, DiffSummary, ServiceSummary, type Marks } from './list.tsx';

/**
 * - `edit`: the municipality's own open review;
 * - `read`: a submitted review, or the municipality's own once the round has closed;
 * - `private-draft`: someone else's view of a draft (its content is the municipality's alone);
 * - `not-started`: nothing saved yet, and the viewer cannot start it.
 */
export type ReviewMode = 'edit' | 'read' | 'private-draft' | 'not-started';

export interface MunicipalityReviewProps {
  round: ReviewRound;
  municipality: Municipality;
  services: FrozenService[];
  diff: SnapshotDiff<FrozenService>;
  marks: Marks;
  now: Date;
  abilities: ReviewAbilities;
  review: MunicipalityReview | undefined;
  entries: StoredEntry[];
  mode: ReviewMode;
  /** The form as posted, when it comes back with errors. */
  values?: Record<string, string> | undefined;
  errors?: FieldErrors | undefined;
  notice?: string | undefined;
}

/** Form values from what is stored, for the first showing of the form. */
export function storedValues(entries: StoredEntry[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const e of entries) {
    values[stanceField(e.roundServiceId)] = e.stance;
    values[commentField(e.roundServiceId)] = e.comment;
  }
  return values;
}

export function MunicipalityReviewPage(props: MunicipalityReviewProps) {
  const { round, municipality, services, diff, now, abilities, review, mode } = props;
  const own = abilities.municipalityNumber === municipality.number;
  const title = `${municipality.name}: vurdering`;
  return (
    <>
      <ReviewHeader
        title={title}
        abilities={abilities}
        crumbs={[{ href: `/vurdering/runder/${round.id}`, label: round.title }]}
        lead={
          <>
            {municipality.name} kommunes vurdering av de {services.length} informasjonstjenestene i runden «{round.title}». <RoundStateText round={round} now={now} />
          </>
        }
      />
      {props.notice ? <Notice color="success">{props.notice}</Notice> : null}
      <StatusLine review={review} own={own} open={roundState(round, now).open} canReopen={abilities.manage} roundId={round.id} municipalityNumber={municipality.number} />
      <DiffSummary diff={diff} />
      {mode === 'edit' ? <ReviewForm {...props} /> : null}
      {mode === 'read' ? <ReviewAnswers {...props} /> : null}
      {mode === 'private-draft' || mode === 'not-started' ? (
        <CategoryGroups services={services} item={(s) => <ServiceSummary service={s} mark={props.marks.get(s)} />} />
      ) : null}
      <AddedServices diff={diff} />
    </>
  );
}

function StatusLine({
  review,
  own,
  open,
  canReopen,
  roundId,
  municipalityNumber,
}: {
  review: MunicipalityReview | undefined;
  own: boolean;
  open: boolean;
  canReopen: boolean;
  roundId: number;
  municipalityNumber: string;
}) {
  if (!review) {
    return (
      <p class="ds-paragraph review-status">
        <strong>Status:</strong> {reviewStatusLabel['not-started']}.{' '}
        {own && open ? 'Velg et standpunkt for tjenestene dere vil vurdere, lagre som utkast underveis og send inn når dere er ferdige.' : ''}
      </p>
    );
  }
  if (review.status === 'draft') {
    return (
      <p class="ds-paragraph review-status">
        <strong>Status:</strong> Utkast, sist lagret <TimeText iso={review.updatedAt} />
        {review.updatedByName ? ` av ${review.updatedByName}` : ''}.{' '}
        {own ? (review.reopenedAt ? 'Vurderingen er åpnet for endringer igjen; send den inn på nytt når dere er ferdige.' : '') : 'Innholdet i et utkast vises bare for kommunen selv.'}
      </p>
    );
  }
  return (
    <div class="review-status">
      <p class="ds-paragraph">
        <strong>Status:</strong> Sendt inn <TimeText iso={review.submittedAt} />
        {review.submittedByName ? ` av ${review.submittedByName}` : ''}.{' '}
        {own && open ? 'Vil dere endre noe, be prosjektet om å åpne vurderingen igjen.' : ''}
      </p>
      {canReopen && open ? (
        <form method="post" action={`/vurdering/runder/${roundId}/kommuner/${municipalityNumber}/gjenapne`} class="inline-form">
          <button class="ds-button" data-variant="secondary" type="submit">
            Åpne vurderingen for endringer
          </button>
        </form>
      ) : null}
    </div>
  );
}

const stanceOptions = stances.map((s) => ({ value: s, label: stanceLabel[s] }));

function ReviewForm({ round, municipality, services, marks, entries, values, errors }: MunicipalityReviewProps) {
  const shown = values ?? storedValues(entries);
  const labels: Record<string, string> = {};
  for (const s of services) {
    labels[stanceField(s.id)] = `Standpunkt til «${s.name}»`;
    labels[commentField(s.id)] = `Kommentar til «${s.name}»`;
  }
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={`/vurdering/runder/${round.id}/kommuner/${municipality.number}`} class="review-form">
        <CategoryGroups
          services={services}
          item={(s) => (
            <div class="review-item__body">
              <ServiceSummary service={s} mark={marks.get(s)} />
              <div class="review-item__fields">
                <SelectField name={stanceField(s.id)} label={labels[stanceField(s.id)]!} value={shown[stanceField(s.id)]} errors={errors} empty="Ikke vurdert ennå" options={stanceOptions} />
                <TextAreaField
                  name={commentField(s.id)}
                  label={labels[commentField(s.id)]!}
                  description={`Valgfritt, men påkrevd ved «Støtter med endringer». Høyst ${commentMaxLength} tegn.`}
                  value={shown[commentField(s.id)]}
                  errors={errors}
                  rows={2}
                />
              </div>
            </div>
          )}
        />
        <div class="review-actions">
          <p class="ds-paragraph">
            Et utkast kan endres så lenge runden er åpen. Når vurderingen er sendt inn, teller den i tallene, og endringer krever at prosjektet åpner den igjen. Tjenester uten
            standpunkt telles som ikke besvart.
          </p>
          <button class="ds-button" data-variant="secondary" type="submit" name="handling" value="lagre">
            Lagre utkast
          </button>
          <button class="ds-button" type="submit" name="handling" value="send">
            Send inn vurderingen
          </button>
        </div>
      </form>
    </>
  );
}

function ReviewAnswers({ services, marks, entries }: MunicipalityReviewProps) {
  const entryOf = new Map(entries.map((e) => [e.roundServiceId, e]));
  return (
    <CategoryGroups
      services={services}
      item={(s) => {
        const entry = entryOf.get(s.id);
        return (
          <div class="review-item__body">
            <ServiceSummary service={s} mark={marks.get(s)} />
            <dl class="facts review-answer">
              <dt>Standpunkt</dt>
              <dd>
                <StanceTag stance={(entry?.stance ?? null) as Stance | null} />
              </dd>
              <dt>Kommentar</dt>
              <dd class="review-comment">{entry?.comment ? entry.comment : <span class="muted">Ingen kommentar</span>}</dd>
            </dl>
          </div>
        );
      }}
    />
  );
}
