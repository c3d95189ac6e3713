import { RoundBaselineNote } from '../../components/round-baseline.tsx';
import {
  acceptsComments,
  commentStatuses,
  commentStatusLabel,
  roundPhaseLabel,
  roundViewLabel,
  roundViews,
  type Comment,
  type Novelty,
  type Round,
  type RoundItem,
  type RoundQuery,
  type RoundState,
} from '../../../model/consultation.ts';
import { itemLabel, type Figures, type Tally } from '../../../model/consultation-report.ts';
import type { NewSummary } from '../../../src/db/queries/consultation-comments.ts';
import { Empty, PageHeader, TabLinks } from '../../components/common.tsx';
import { CommentCard, ItemName, RoundStateTag, UserText } from '../../components/consultation.tsx';
import { Pager } from '../../components/pager.tsx';
import { FilterSelect, Notice } from '../../components/form.tsx';
import { DateText, DateTimeText } from '../../components/dates.tsx';
import { useI18n } from '../../i18n/index.ts';

/** What the viewer may do in the round, decided by the route from the policy and the round's state. */
export interface RoundAbilities {
  comment: boolean;
  manage: boolean;
  /** The organisation whose comments the viewer may edit (while the round is open). */
  organisationId: number | null;
}

export interface RoundPageProps {
  /** The baseline the round opened on (issue 13). */
  baseline?: { id: number; name: string } | null;
  round: Round;
  state: RoundState;
  items: RoundItem[];
  figures: Figures;
  comments: Comment[];
  total: number;
  pageSize: number;
  query: RoundQuery;
  novelty: Map<number, Novelty>;
  /** `readAt`: when the page's data was read, which the page reports back as seen. */
  visit: { signedIn: boolean; since: string | null; summary: NewSummary | null; readAt: string };
  can: RoundAbilities;
  saved?: string | undefined;
}

/** The round's address with the list's settings, leaving out the defaults. */
export function roundHref(roundId: number, query: Partial<RoundQuery>): string {
  const params = new URLSearchParams();
  if (query.vis && query.vis !== 'element') params.set('vis', query.vis);
  if (query.punkt !== undefined) params.set('punkt', String(query.punkt));
  if (query.organisasjon !== undefined) params.set('organisasjon', String(query.organisasjon));
  if (query.status) params.set('status', query.status);
  if (query.nye) params.set('nye', query.nye);
  if (query.side && query.side > 1) params.set('side', String(query.side));
  const search = params.toString();
  return `/horing/${roundId}${search ? `?${search}` : ''}`;
}

const savedMessages: Record<string, string> = {
  runde: 'Høringsrunden er lagret.',
};

export function RoundPage(props: RoundPageProps) {
  const { round, state, items, figures, can } = props;
  return (
    <>
      <PageHeader title={round.title} crumbs={[{ href: '/', label: 'Oversikt' }, { href: '/horing', label: 'Høring' }, { label: round.title }]}>
        <p class="element-meta">
          <RoundStateTag state={state} />
          <span>{roundPhaseLabel[round.phase]}</span>
          <span>
            Høringsperiode: <DateText date={round.opensOn} /> til og med <DateText date={round.closesOn} />
          </span>
        </p>
        <RoundBaselineNote baseline={props.baseline} about="round" />
      </PageHeader>
      {props.saved && savedMessages[props.saved] ? <Notice color="success">{savedMessages[props.saved]}</Notice> : null}
      {round.description ? <UserText text={round.description} /> : null}
      <StateNotice state={state} round={round} can={can} />
      <ul class="link-list actions-list">
        <li>
          <a class="ds-link" href={`/horing/${round.id}/rapport`}>
            Høringsrapport (utskrift, CSV og Markdown)
          </a>
        </li>
        {can.manage ? (
          <li>
            <a class="ds-link" href={`/horing/${round.id}/rediger`}>
              Endre høringsrunden
            </a>
          </li>
        ) : null}
      </ul>
      <VisitSummary {...props.visit} />
      {props.visit.signedIn ? (
        // Reports the visit once the page has loaded: a same-origin POST, so that looking (a GET) changes nothing.
        <>
          <div class="visit-mark" hx-post={`/horing/${round.id}/besok`} hx-trigger="load" hx-swap="none" hx-vals={JSON.stringify({ sett: props.visit.readAt })} />
          <noscript>
            <form method="post" action={`/horing/${round.id}/besok`} class="visit-mark-form">
              <input type="hidden" name="sett" value={props.visit.readAt} />
              <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit">
                Merk alt som sett
              </button>
            </form>
          </noscript>
        </>
      ) : null}
      <section aria-labelledby="til-horing">
        <h2 class="ds-heading" data-size="sm" id="til-horing">
          Til høring ({items.length})
        </h2>
        <ItemTable round={round} items={items} tallies={new Map(figures.byItem.map((t) => [t.itemId, t]))} canComment={can.comment && acceptsComments(state)} />
      </section>
      <section aria-labelledby="tall">
        <h2 class="ds-heading" data-size="sm" id="tall">
          Tall
        </h2>
        <FigureTables roundId={round.id} figures={figures} />
      </section>
      <CommentList {...props} />
    </>
  );
}

function StateNotice({ state, round, can }: { state: RoundState; round: Round; can: RoundAbilities }) {
  if (state === 'planned') {
    return (
      <Notice color="info">
        Høringen åpner <DateText date={round.opensOn} />. Da kan organisasjonene kommentere.
      </Notice>
    );
  }
  if (state === 'closed') {
    return (
      <Notice color="info">
        Fristen gikk ut <DateText date={round.closesOn} />. Ingen kan skrive eller endre kommentarer lenger; prosjektet svarer på dem som ikke er besvart.
      </Notice>
    );
  }
  return can.comment ? (
    <Notice color="info">
      Høringen er åpen til og med <DateText date={round.closesOn} />. Velg «Kommenter» ved kravet eller elementet du vil kommentere; kommentaren skrives på vegne av organisasjonen din.
    </Notice>
  ) : null;
}

function VisitSummary({ signedIn, since, summary }: Pick<RoundPageProps['visit'], 'signedIn' | 'since' | 'summary'>) {
  if (!signedIn) return null;
  if (since === null || summary === null) {
    return <p class="ds-paragraph muted visit-summary">Første gang du åpner denne høringen: neste gang viser vi hva som er nytt siden nå.</p>;
  }
  const { t, list } = useI18n();
  const parts = [
    [summary.comments, 'consultation.visit.comments'],
    [summary.edited, 'consultation.visit.edited'],
    [summary.answered, 'consultation.visit.answered'],
    [summary.replied, 'consultation.visit.replied'],
  ] as const;
  const any = parts.some(([n]) => n > 0);
  return (
    <div class="ds-alert visit-summary" data-color="info">
      <p class="ds-paragraph">
        Siden forrige besøk (<DateTimeText at={since} />):{' '}
        {any
          ? list(parts.filter(([n]) => n > 0).map(([count, key]) => t(key, { count })))
          : t('consultation.visit.nothing')}
        .
      </p>
    </div>
  );
}

function ItemTable({ round, items, tallies, canComment }: { round: Round; items: RoundItem[]; tallies: Map<number, Tally>; canComment: boolean }) {
  if (items.length === 0) return <Empty>Ingen krav eller elementer er lagt ut på høring.</Empty>;
  return (
    <div class="table-scroll">
      <table class="ds-table" data-border data-zebra>
        <caption class="ds-sr-only">Krav og elementer til høring</caption>
        <thead>
          <tr>
            <th scope="col">Krav eller element</th>
            <th scope="col">Gjeldende tekst</th>
            <th scope="col" class="num">
              Kommentarer
            </th>
            <th scope="col" class="num">
              Besvart
            </th>
            {canComment ? <th scope="col">Kommenter</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const t = tallies.get(item.id);
            const total = t?.total ?? 0;
            const open = t ? t.byStatus.mottatt + t.byStatus['under-vurdering'] : 0;
            return (
              <tr>
                <th scope="row">
                  <ItemName item={{ ...item, deleted: item.currentText === null }} />
                </th>
                <td>{item.currentText === null ? <span class="muted">Slettet fra omfanget</span> : <span class="clamp">{item.currentText}</span>}</td>
                <td class="num">
                  {total > 0 ? (
                    <a class="ds-link" href={`${roundHref(round.id, { punkt: item.id })}#kommentarer`}>
                      {total}
                      <span class="ds-sr-only"> kommentarer til {itemLabel(item)}</span>
                    </a>
                  ) : (
                    0
                  )}
                </td>
                <td class="num">{total - open}</td>
                {canComment ? (
                  <td>
                    {item.currentText !== null ? (
                      <a class="ds-link" href={`/horing/${round.id}/kommentarer/ny?punkt=${item.id}`}>
                        Kommenter<span class="ds-sr-only"> {itemLabel(item)}</span>
                      </a>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Figures per status and per organisation; hidden comments are counted, and counted separately. */
export function FigureTables({ roundId, figures }: { roundId: number | null; figures: Figures }) {
  const StatusCells = ({ tally }: { tally: Tally }) => (
    <>
      {commentStatuses.map((s) => (
        <td class="num">{tally.byStatus[s]}</td>
      ))}
      <td class="num">{tally.hidden}</td>
      <td class="num">{tally.total}</td>
    </>
  );
  const Head = ({ first }: { first: string }) => (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {commentStatuses.map((s) => (
          <th scope="col" class="num">
            {commentStatusLabel[s]}
          </th>
        ))}
        <th scope="col" class="num">
          Skjult
        </th>
        <th scope="col" class="num">
          I alt
        </th>
      </tr>
    </thead>
  );
  return (
    <div class="table-scroll">
      <table class="ds-table figures" data-border>
        <caption>Kommentarer per status og per organisasjon</caption>
        <Head first="Organisasjon" />
        <tbody>
          {figures.byOrganisation.map((o) => (
            <tr>
              <th scope="row">
                <a class="ds-link" href={roundId === null ? `/horing/organisasjon/${o.organisationId}` : `${roundHref(roundId, { organisasjon: o.organisationId, vis: 'organisasjon' })}#kommentarer`}>
                  {o.name}
                </a>
              </th>
              <StatusCells tally={o} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Alle organisasjoner</th>
            <StatusCells tally={figures.all} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The comment list: its views, filters and pages. An htmx request gets only this section. */
export function CommentList({ round, state, items, figures, comments, total, pageSize, query, novelty, visit, can }: RoundPageProps) {
  const href = (changes: Partial<RoundQuery>) => roundHref(round.id, { ...query, side: 1, ...changes });
  const hx = (to: string) => ({ 'hx-get': to, 'hx-target': '#kommentarer', 'hx-swap': 'outerHTML', 'hx-push-url': 'true' });
  const filtered = query.punkt !== undefined || query.organisasjon !== undefined || query.status !== undefined || query.nye !== undefined;
  let group = '';
  return (
    <section id="kommentarer" aria-labelledby="kommentarer-tittel">
      <h2 class="ds-heading" data-size="sm" id="kommentarer-tittel">
        Kommentarer
      </h2>
      <TabLinks
        label="Ordne kommentarene"
        links={roundViews.map((v) => ({ id: `vis-${v}`, href: href({ vis: v }), label: roundViewLabel[v], current: query.vis === v, attributes: hx(href({ vis: v })) }))}
      />
      <form class="filter-form" method="get" action={`/horing/${round.id}`} hx-get={`/horing/${round.id}`} hx-target="#kommentarer" hx-swap="outerHTML" hx-trigger="change" hx-push-url="true" role="search" aria-label="Filtrer kommentarene">
        {query.vis !== 'element' ? <input type="hidden" name="vis" value={query.vis} /> : null}
        <FilterSelect id="filter-punkt" name="punkt" label="Krav eller element" all="Alle" options={items.map((i) => ({ value: String(i.id), label: itemLabel(i) }))} value={query.punkt} />
        <FilterSelect
          id="filter-organisasjon"
          name="organisasjon"
          label="Organisasjon"
          all="Alle"
          options={figures.byOrganisation.map((o) => ({ value: String(o.organisationId), label: o.name }))}
          value={query.organisasjon}
        />
        <FilterSelect id="filter-status" name="status" label="Status" all="Alle" options={commentStatuses.map((s) => ({ value: s, label: commentStatusLabel[s] }))} value={query.status} />
        {visit.signedIn && visit.since !== null ? (
          <div class="ds-field">
            <input class="ds-input" type="checkbox" id="filter-nye" name="nye" value="ja" checked={query.nye === 'ja'} />
            <label class="ds-label" for="filter-nye">
              Bare det som er nytt siden forrige besøk
            </label>
          </div>
        ) : null}
        <button class="ds-button" data-variant="secondary" type="submit">
          Vis
        </button>
      </form>
      <p class="ds-paragraph" aria-live="polite">
        {useI18n().t('consultation.round.count', { total, filtered: filtered ? 'yes' : 'no' })}
        {filtered ? (
          <>
            {' '}
            <a class="ds-link" href={roundHref(round.id, { vis: query.vis })} {...hx(roundHref(round.id, { vis: query.vis }))}>
              Vis alle
            </a>
          </>
        ) : null}
      </p>
      {comments.length === 0 ? (
        <Empty>{total === 0 ? 'Ingen kommentarer å vise.' : `Det er ingen kommentarer på side ${query.side}.`}</Empty>
      ) : (
        <div class="comment-list">
          {comments.map((c) => {
            const label = query.vis === 'element' ? itemLabel(c.item) : query.vis === 'organisasjon' ? c.organisationName : commentStatusLabel[c.status];
            const heading = label !== group;
            group = label;
            return (
              <>
                {heading ? (
                  <h3 class="ds-heading comment-group" data-size="xs">
                    {label}
                  </h3>
                ) : null}
                <CommentCard
                  comment={c}
                  href={`/horing/${round.id}/kommentarer/${c.id}`}
                  headingLevel={4}
                  showItem={query.vis !== 'element'}
                  novelty={novelty.get(c.id)}
                  actions={
                    can.organisationId === c.organisationId && acceptsComments(state) && !c.hidden ? (
                      <a class="ds-link" href={`/horing/${round.id}/kommentarer/${c.id}/rediger`}>
                        Endre kommentaren<span class="ds-sr-only"> {c.id}</span>
                      </a>
                    ) : null
                  }
                />
              </>
            );
          })}
        </div>
      )}
      <Pager page={query.side} pageSize={pageSize} total={total} href={(side) => roundHref(round.id, { ...query, side })} target="#kommentarer" label="Sider med kommentarer" />
    </section>
  );
}
