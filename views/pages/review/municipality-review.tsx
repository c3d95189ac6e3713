import type { SnapshotDiff } from '../../../model/review/diff.ts';
import { commentField, commentMaxLength, reviewStatusLabel, stanceField, type Stance } from '../../../model/review/schemas.ts';
import { roundState } from '../../../model/review/rounds.ts';
import type { FrozenService, MunicipalityReview, ReviewRound, StoredEntry } from '../../../model/review/types.ts';
import type { Municipality } from '../../../model/schemas.ts';
import { ErrorSummary, Notice, type FieldErrors } from '../../components/form.tsx';
import { ReviewHeader, RoundStateText, StanceTag, type ReviewAbilities } from './common.tsx';
import { AddedServices, CategoryGroups, DiffSummary, ServiceSummary, type Marks } from './list.tsx';
import { AnswerFields, Progress, reviewFormId, sessionAlertId } from './answer.tsx';
import { DateTimeText } from '../../components/dates.tsx';

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
            {municipality.name} kommunes vurdering av {services.length === 1 ? 'den ene informasjonstjenesten' : `de ${services.length} informasjonstjenestene`} i runden «{round.title}». <RoundStateText round={round} now={now} />
          </>
        }
      />
      {props.notice ? <Notice color="success">{props.notice}</Notice> : null}
      <StatusLine
        review={review}
        own={own}
        open={roundState(round, now).open}
        canReopen={abilities.manage}
        roundId={round.id}
        municipalityNumber={municipality.number}
        progress={mode === 'edit' || mode === 'read' ? { answered: props.entries.length, total: services.length } : undefined}
      />
      <DiffSummary diff={diff} />
      {mode === 'edit' ? <ReviewForm {...props} /> : null}
      {mode === 'read' ? <ReviewAnswers {...props} /> : null}
      {mode === 'private-draft' || mode === 'not-started' ? (
        <CategoryGroups services={services} item={(s, show) => <ServiceSummary service={s} mark={props.marks.get(s)} show={show} />} />
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
  progress,
}: {
  review: MunicipalityReview | undefined;
  own: boolean;
  open: boolean;
  canReopen: boolean;
  roundId: number;
  municipalityNumber: string;
  progress: { answered: number; total: number } | undefined;
}) {
  const count = progress ? (
    <>
      {' '}
      <Progress id="fremdrift" {...progress} />.
    </>
  ) : null;
  if (!review) {
    return (
      <p class="ds-paragraph review-status">
        <strong>Status:</strong> <span id="vurderingsstatus">{reviewStatusLabel['not-started']}.</span>{count}
      </p>
    );
  }
  if (review.status === 'draft') {
    return (
      <p class="ds-paragraph review-status">
        <strong>Status:</strong>{' '}
        <span id="vurderingsstatus">
          Utkast, sist lagret <DateTimeText at={review.updatedAt} />
          {review.updatedByName ? ` av ${review.updatedByName}.` : '.'}
        </span>
        {own ? count : null}{' '}
        {own ? (review.reopenedAt ? 'Vurderingen er åpnet for endringer igjen; send den inn på nytt når dere er ferdige.' : '') : 'Innholdet i et utkast vises bare for kommunen selv.'}
      </p>
    );
  }
  return (
    <div class="review-status">
      <p class="ds-paragraph">
        <strong>Status:</strong> Sendt inn <DateTimeText at={review.submittedAt} />
        {review.submittedByName ? ` av ${review.submittedByName}` : ''}.{count} {own && open ? 'Vil dere endre noe, be prosjektet om å åpne vurderingen igjen.' : ''}
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

function ReviewForm({ round, municipality, services, marks, entries, values, errors }: MunicipalityReviewProps) {
  const stored = storedValues(entries);
  const shown = values ?? stored;
  const labels: Record<string, string> = {};
  for (const s of services) {
    labels[stanceField(s.id)] = `Standpunkt til «${s.name}»`;
    labels[commentField(s.id)] = `Kommentar til «${s.name}»`;
  }
  const path = `/vurdering/runder/${round.id}/kommuner/${municipality.number}`;
  return (
    <>
      <section class="review-help" aria-labelledby="slik-gjor-dere">
        <h2 class="ds-heading" data-size="xs" id="slik-gjor-dere">
          Slik vurderer dere listen
        </h2>
        <p class="ds-paragraph">
          Velg et standpunkt for hver tjeneste dere vil si noe om, og skriv gjerne en kommentar (høyst {commentMaxLength} tegn). Velger dere «Støtter med endringer», må
          kommentaren si hvilke endringer dere ønsker. Hvert svar lagres i utkastet så snart dere har endret det, og utkastet vises bare for kommunen. Knappene for å lagre og
          sende inn står nederst i vinduet; før noe sendes inn, får dere se over hva som ikke er besvart. Tjenester uten standpunkt telles som ikke besvart.
        </p>
      </section>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={path} class="review-form" id={reviewFormId}>
        <CategoryGroups
          services={services}
          item={(s, show) => (
            <div class="review-item__body">
              <ServiceSummary service={s} mark={marks.get(s)} show={show} />
              <AnswerFields path={path} service={s} values={shown} stored={stored} errors={errors} />
            </div>
          )}
        />
        <section class="review-actions" aria-label="Lagre og sende inn">
          <p class="ds-paragraph review-actions__progress">
            <strong>
              <Progress id="fremdrift-handlinger" answered={entries.length} total={services.length} />
            </strong>
          </p>
          <div id={sessionAlertId} class="review-actions__alert"></div>
          <button class="ds-button" data-variant="secondary" type="submit" name="handling" value="lagre">
            Lagre utkast
          </button>
          <button class="ds-button" type="submit" name="handling" value="send">
            Send inn vurderingen …
          </button>
        </section>
      </form>
    </>
  );
}

function ReviewAnswers({ services, marks, entries }: MunicipalityReviewProps) {
  const entryOf = new Map(entries.map((e) => [e.roundServiceId, e]));
  return (
    <CategoryGroups
      services={services}
      item={(s, show) => {
        const entry = entryOf.get(s.id);
        return (
          <div class="review-item__body">
            <ServiceSummary service={s} mark={marks.get(s)} show={show} />
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
