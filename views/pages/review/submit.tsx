import type { ReviewProgress } from '../../../model/review/progress.ts';
import { stanceField } from '../../../model/review/schemas.ts';
import type { FrozenService, ReviewRound } from '../../../model/review/types.ts';
import type { Municipality } from '../../../model/schemas.ts';
import { Notice } from '../../components/form.tsx';
import { ReviewHeader, countOf, formatCount, type ReviewAbilities } from './common.tsx';
import { DateText } from '../../components/dates.tsx';
import { useI18n } from '../../i18n/index.ts';

export interface SubmitConfirmProps {
  round: ReviewRound;
  municipality: Municipality;
  abilities: ReviewAbilities;
  progress: ReviewProgress<FrozenService>;
  /** What the confirmation is for: the stored draft as shown here. */
  fingerprint: string | null;
  /** The draft changed after this was last shown, so nothing was submitted. */
  changed?: boolean;
  notice?: string | undefined;
}

/** Shown before a municipality submits: what is unanswered, what submitting means; nothing is sent until confirmed. */
export function SubmitConfirmPage({ round, municipality, abilities, progress, fingerprint, changed, notice }: SubmitConfirmProps) {
  const reviewPath = `/vurdering/runder/${round.id}/kommuner/${municipality.number}`;
  const { answered, total, unanswered, problems } = progress;
  return (
    <>
      <ReviewHeader
        title="Sende inn vurderingen?"
        abilities={abilities}
        crumbs={[
          { href: `/vurdering/runder/${round.id}`, label: round.title },
          { href: reviewPath, label: `${municipality.name}: vurdering` },
        ]}
        lead={
          <>
            {municipality.name} kommunes vurdering i runden «{round.title}». Ingenting er sendt inn ennå.
          </>
        }
      />
      {notice ? <Notice color="success">{notice}</Notice> : null}
      {changed ? <Notice color="warning">Utkastet er endret etter at du så denne siden, så ingenting er sendt inn. Se over på nytt.</Notice> : null}
      <section class="submit-confirm" aria-labelledby="bekreft-tittel">
        <div class="ds-alert" data-color={problems.length > 0 ? 'danger' : 'warning'}>
          <h2 class="ds-heading" data-size="xs" id="bekreft-tittel">
            {useI18n().t('review.submit.answered', { answered, total })}
          </h2>
          {unanswered.length > 0 ? (
            <p class="ds-paragraph">
              <strong>
                {useI18n().t('review.submit.unanswered', { unanswered: unanswered.length, total })}
              </strong>{' '}
              og telles som «Ikke besvart» i tallene.
            </p>
          ) : (
            <p class="ds-paragraph">Alle tjenestene i listen er besvart.</p>
          )}
          {problems.length > 0 ? (
            <>
              <p class="ds-paragraph">Dette må rettes før vurderingen kan sendes inn:</p>
              <ul class="ds-list">
                {problems.map((p) => (
                  <li>
                    {p.service ? (
                      <a class="ds-link" href={`${reviewPath}#felt-${stanceField(p.service.id)}`}>
                        {p.service.name}: {p.message}
                      </a>
                    ) : (
                      p.message
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <ul class="ds-list">
              <li>Vurderingen teller i tallene på dashbordet, vektet med kommunens {countOf(municipality.population, 'innbygger', 'innbyggere')}.</li>
              <li>
                Etterpå kan dere ikke endre den selv. Bare prosjektet kan åpne den for endringer igjen, og bare mens runden er åpen (til og med{' '}
                <DateText date={round.deadlineOn} />
                ).
              </li>
            </ul>
          )}
        </div>
        {unanswered.length > 0 ? (
          <details class="ds-details">
            <summary>Tjenestene som ikke er besvart ({formatCount(unanswered.length)})</summary>
            <div>
              <ul class="ds-list">
                {unanswered.map((s) => (
                  <li>
                    <a class="ds-link" href={`${reviewPath}#felt-${stanceField(s.id)}`}>
                      {s.name}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          </details>
        ) : null}
        <div class="form-actions">
          {problems.length === 0 && fingerprint ? (
            <form method="post" action={`${reviewPath}/send-inn`}>
              <input type="hidden" name="bekreft" value={fingerprint} />
              <button class="ds-button" type="submit">
                Send inn vurderingen
              </button>
            </form>
          ) : null}
          <a class="ds-button" data-variant="secondary" href={reviewPath}>
            Tilbake til vurderingen
          </a>
        </div>
      </section>
    </>
  );
}
