import type { Coverage } from '../../../model/review/coverage.ts';
import type { TallySort } from '../../../model/review/tallies.ts';
import type { Stance } from '../../../model/review/schemas.ts';
import type { FrozenService, ReviewRound } from '../../../model/review/types.ts';
import type { Municipality } from '../../../model/schemas.ts';
import { Empty, formatNumber } from '../../components/common.tsx';
import { StanceTag, formatShare } from './common.tsx';

export interface ServiceComments {
  service: FrozenService;
  comments: Array<{ municipality: Municipality; stance: Stance; comment: string }>;
}

/** The dashboard's coverage per county, with a bar against the goal and the figures in words. */
export function CountyTable({ coverage }: { coverage: Coverage }) {
  return (
    <div class="table-scroll">
      <table class="ds-table" data-border data-zebra>
        <caption>Dekning per fylke</caption>
        <thead>
          <tr>
            <th scope="col">Fylke</th>
            <th scope="col">I omfanget</th>
            <th scope="col" class="num">
              Kommuner som har signert
            </th>
            <th scope="col" class="num">
              Innbyggere i dem
            </th>
            <th scope="col">Andel av fylkets innbyggere</th>
          </tr>
        </thead>
        <tbody>
          {coverage.counties.map((c) => (
            <tr>
              <th scope="row">
                {c.countyName} ({c.countyNumber})
              </th>
              <td>{c.inScope ? 'Ja' : 'Nei'}</td>
              <td class="num">
                {formatNumber(c.signedMunicipalities)} av {formatNumber(c.municipalities)}
              </td>
              <td class="num">
                {formatNumber(c.signedPopulation)} av {formatNumber(c.population)}
              </td>
              <td>
                <span class="county-share">
                  <svg class="county-share__bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect class="coverage__track" x="0" y="0" width="100" height="8" />
                    <rect class={`coverage__fill${c.goalMet ? ' coverage__fill--met' : ''}`} x="0" y="0" width={String(Math.round(c.share * 1000) / 10)} height="8" />
                    <line class="coverage__goal" x1="50" x2="50" y1="0" y2="8" />
                  </svg>
                  <span class="county-share__value">
                    {formatShare(c.share)}
                    {c.goalMet ? ' (over målet)' : ''}
                  </span>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Choose another round to show; the order stays. */
export function RoundPicker({ rounds, round, sort }: { rounds: ReviewRound[]; round: ReviewRound | undefined; sort: TallySort }) {
  return (
    <form class="filter-form" method="get" action="/vurdering/dashbord" aria-label="Velg runde">
      <input type="hidden" name="sorter" value={sort} />
      <div class="ds-field">
        <label class="ds-label" for="runde">
          Vis en annen runde
        </label>
        <select class="ds-input" id="runde" name="runde">
          {rounds.map((r) => (
            <option value={String(r.id)} selected={r.id === round?.id}>
              {r.title}
            </option>
          ))}
        </select>
      </div>
      <button class="ds-button" data-variant="secondary" type="submit">
        Vis runden
      </button>
    </form>
  );
}

/** Every comment from submitted reviews, by service, with its municipality: for architects. */
export function Comments({ comments }: { comments: ServiceComments[] }) {
  const count = comments.reduce((n, c) => n + c.comments.length, 0);
  return (
    <section aria-labelledby="kommentarer">
      <h2 class="ds-heading" data-size="md" id="kommentarer">
        Kommentarer ({count})
      </h2>
      <p class="ds-paragraph muted">Fra innsendte vurderinger. Bare arkitekter ser kommentarene.</p>
      {count === 0 ? (
        <Empty>Ingen kommentarer ennå.</Empty>
      ) : (
        comments
          .filter((c) => c.comments.length > 0)
          .map((c) => (
            <div class="review-comment-group">
              <h3 class="ds-heading" data-size="xs">
                {c.service.name}
              </h3>
              <ul class="review-comment-list">
                {c.comments.map((k) => (
                  <li>
                    <strong>
                      {k.municipality.name} ({formatNumber(k.municipality.population)} innb.)
                    </strong>{' '}
                    <StanceTag stance={k.stance} />
                    <p class="ds-paragraph review-comment">{k.comment}</p>
                  </li>
                ))}
              </ul>
            </div>
          ))
      )}
    </section>
  );
}
