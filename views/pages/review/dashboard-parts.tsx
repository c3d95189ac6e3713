import type { Coverage } from '../../../model/review/coverage.ts';
import type { TallySort } from '../../../model/review/tallies.ts';
import { commentPageSize, type CommentPaging } from '../../../model/review/comment-list.ts';
import { stanceLabel, stances } from '../../../model/review/schemas.ts';
import type { FrozenService, ReviewRound } from '../../../model/review/types.ts';
import type { CommentFilter, RoundComment } from '../../../src/db/queries/review/comments.ts';
import { Empty, formatNumber } from '../../components/common.tsx';
import { StanceTag, countOf, formatShare } from './common.tsx';
import { FilterSelect } from '../../components/form.tsx';
import { Pager } from '../../components/pager.tsx';

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

/** One page of the comments from submitted reviews, filtered as the architect chose; for architects only. */
export interface CommentList {
  comments: RoundComment[];
  /** How many comments the filter lets through, on every page. */
  total: number;
  paging: CommentPaging;
  filter: CommentFilter;
  services: FrozenService[];
}

/** The dashboard's address with its round and order kept, and the comment list's filter and page. */
function commentsHref(round: ReviewRound, sort: TallySort, filter: CommentFilter, page: number): string {
  const params = new URLSearchParams({ runde: String(round.id) });
  if (sort !== 'liste') params.set('sorter', sort);
  if (filter.roundServiceId !== undefined) params.set('tjeneste', String(filter.roundServiceId));
  if (filter.stance !== undefined) params.set('standpunkt', filter.stance);
  if (page > 1) params.set('side', String(page));
  return `/vurdering/dashbord?${params.toString()}#kommentarer`;
}

export function Comments({ list, round, sort }: { list: CommentList; round: ReviewRound; sort: TallySort }) {
  const { comments, total, paging, filter } = list;
  const filtered = filter.roundServiceId !== undefined || filter.stance !== undefined;
  // Rows come in the list's order: a heading where the service changes.
  const groups: Array<{ name: string; comments: RoundComment[] }> = [];
  for (const c of comments) {
    const last = groups.at(-1);
    if (last && last.name === c.serviceName) last.comments.push(c);
    else groups.push({ name: c.serviceName, comments: [c] });
  }
  return (
    <section aria-labelledby="kommentarer">
      <h2 class="ds-heading" data-size="md" id="kommentarer">
        Kommentarer ({formatNumber(total)})
      </h2>
      <p class="ds-paragraph muted">Fra innsendte vurderinger. Bare arkitekter ser kommentarene.</p>
      <form class="filter-form" method="get" action="/vurdering/dashbord#kommentarer" aria-label="Filtrer kommentarene">
        <input type="hidden" name="runde" value={String(round.id)} />
        {sort !== 'liste' ? <input type="hidden" name="sorter" value={sort} /> : null}
        <FilterSelect id="kommentar-tjeneste" name="tjeneste" label="Tjeneste" all="Alle tjenester" options={list.services.map((s) => ({ value: String(s.id), label: s.name }))} value={filter.roundServiceId} />
        <FilterSelect id="kommentar-standpunkt" name="standpunkt" label="Standpunkt" all="Alle standpunkter" options={stances.map((s) => ({ value: s, label: stanceLabel[s] }))} value={filter.stance} />
        <button class="ds-button" data-variant="secondary" type="submit">
          Vis kommentarene
        </button>
        {filtered ? (
          <a class="ds-link" href={commentsHref(round, sort, {}, 1)}>
            Vis alle kommentarene
          </a>
        ) : null}
      </form>
      {total === 0 ? (
        <Empty>{filtered ? 'Ingen kommentarer passer filteret.' : 'Ingen kommentarer ennå.'}</Empty>
      ) : (
        <>
          <p class="ds-paragraph">
            Viser {formatNumber(paging.first)}–{formatNumber(paging.last)} av {countOf(total, 'kommentar', 'kommentarer')}
            {filtered ? ' som passer filteret' : ''}.
          </p>
          {groups.map((g) => (
            <div class="review-comment-group">
              <h3 class="ds-heading" data-size="xs">
                {g.name}
              </h3>
              <ul class="review-comment-list">
                {g.comments.map((k) => (
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
          ))}
          <Pager
            page={paging.page}
            pageSize={commentPageSize}
            total={total}
            href={(p) => commentsHref(round, sort, filter, p)}
            label="Sider med kommentarer"
            idPrefix="kommentarer-side"
          />
        </>
      )}
    </section>
  );
}
