import type { Child } from 'hono/jsx';
import { RoundBaselineNote } from '../../components/round-baseline.tsx';
import {
  acceptsComments,
  commentStatuses,
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
import { CommentCard, ItemName, RoundStateTag, UserText, type Markup } from '../../components/consultation.tsx';
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

export function RoundPage(props: RoundPageProps) {
  const { round, state, items, figures, can } = props;
  const { t, tx } = useI18n();
  return (
    <>
      <PageHeader title={round.title} crumbs={[{ href: '/', label: t('consultation.crumb.home') }, { href: '/horing', label: t('consultation.crumb.consultation') }, { label: round.title }]}>
        <p class="element-meta">
          <RoundStateTag state={state} />
          <span>{t(`consultation.phase.${round.phase}`)}</span>
          <span>{tx('consultation.round.period', { opens: () => <DateText date={round.opensOn} />, closes: () => <DateText date={round.closesOn} /> })}</span>
        </p>
        <RoundBaselineNote baseline={props.baseline} about="round" />
      </PageHeader>
      {props.saved === 'runde' ? <Notice color="success">{t('consultation.round.saved')}</Notice> : null}
      {round.description ? <UserText text={round.description} /> : null}
      <StateNotice state={state} round={round} can={can} />
      <ul class="link-list actions-list">
        <li>
          <a class="ds-link" href={`/horing/${round.id}/rapport`}>
            {t('consultation.round.reportLink')}
          </a>
        </li>
        {can.manage ? (
          <li>
            <a class="ds-link" href={`/horing/${round.id}/rediger`}>
              {t('consultation.round.edit')}
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
                {t('consultation.round.markSeen')}
              </button>
            </form>
          </noscript>
        </>
      ) : null}
      <section aria-labelledby="til-horing">
        <h2 class="ds-heading" data-size="sm" id="til-horing">
          {t('consultation.round.items', { count: items.length })}
        </h2>
        <ItemTable round={round} items={items} tallies={new Map(figures.byItem.map((t) => [t.itemId, t]))} canComment={can.comment && acceptsComments(state)} />
      </section>
      <section aria-labelledby="tall">
        <h2 class="ds-heading" data-size="sm" id="tall">
          {t('consultation.round.figures')}
        </h2>
        <FigureTables roundId={round.id} figures={figures} />
      </section>
      <CommentList {...props} />
    </>
  );
}

function StateNotice({ state, round, can }: { state: RoundState; round: Round; can: RoundAbilities }) {
  const { tx } = useI18n();
  if (state === 'planned') return <Notice color="info">{tx('consultation.round.planned', { date: () => <DateText date={round.opensOn} /> })}</Notice>;
  if (state === 'closed') return <Notice color="info">{tx('consultation.round.closed', { date: () => <DateText date={round.closesOn} /> })}</Notice>;
  return can.comment ? <Notice color="info">{tx('consultation.round.open', { date: () => <DateText date={round.closesOn} /> })}</Notice> : null;
}

function VisitSummary({ signedIn, since, summary }: Pick<RoundPageProps['visit'], 'signedIn' | 'since' | 'summary'>) {
  const { t, tx, list, dateTime } = useI18n();
  if (!signedIn) return null;
  if (since === null || summary === null) {
    return <p class="ds-paragraph muted visit-summary">{t('consultation.visit.first')}</p>;
  }
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
        {tx('consultation.visit.since', {
          at: dateTime(since),
          time: (chunks) => <time datetime={since}>{chunks}</time>,
          news: any ? list(parts.filter(([n]) => n > 0).map(([count, key]) => t(key, { count }))) : t('consultation.visit.nothing'),
        })}
      </p>
    </div>
  );
}

function ItemTable({ round, items, tallies, canComment }: { round: Round; items: RoundItem[]; tallies: Map<number, Tally>; canComment: boolean }) {
  const { t, tx } = useI18n();
  if (items.length === 0) return <Empty>{t('consultation.round.noItems')}</Empty>;
  const sr = (chunks: Array<string | Markup>) => <span class="ds-sr-only">{chunks}</span>;
  return (
    <div class="table-scroll">
      <table class="ds-table" data-border data-zebra>
        <caption class="ds-sr-only">{t('consultation.round.itemsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('consultation.round.col.item')}</th>
            <th scope="col">{t('consultation.round.col.text')}</th>
            <th scope="col" class="num">
              {t('consultation.round.col.comments')}
            </th>
            <th scope="col" class="num">
              {t('consultation.round.col.answered')}
            </th>
            {canComment ? <th scope="col">{t('consultation.round.col.comment')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const tally = tallies.get(item.id);
            const total = tally?.total ?? 0;
            const open = tally ? tally.byStatus.mottatt + tally.byStatus['under-vurdering'] : 0;
            return (
              <tr>
                <th scope="row">
                  <ItemName item={{ ...item, deleted: item.currentText === null }} />
                </th>
                <td>{item.currentText === null ? <span class="muted">{t('consultation.round.deleted')}</span> : <span class="clamp">{item.currentText}</span>}</td>
                <td class="num">
                  {total > 0 ? (
                    <a class="ds-link" href={`${roundHref(round.id, { punkt: item.id })}#kommentarer`}>
                      {tx('consultation.round.commentsOn', { count: total, item: itemLabel(item), sr })}
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
                        {tx('consultation.round.commentOn', { item: itemLabel(item), sr })}
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
  const { t, number } = useI18n();
  const StatusCells = ({ tally }: { tally: Tally }) => (
    <>
      {commentStatuses.map((s) => (
        <td class="num">{number(tally.byStatus[s])}</td>
      ))}
      <td class="num">{number(tally.hidden)}</td>
      <td class="num">{number(tally.total)}</td>
    </>
  );
  const Head = ({ first }: { first: string }) => (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {commentStatuses.map((s) => (
          <th scope="col" class="num">
            {t(`consultation.status.${s}`)}
          </th>
        ))}
        <th scope="col" class="num">
          {t('consultation.figures.hidden')}
        </th>
        <th scope="col" class="num">
          {t('consultation.figures.total')}
        </th>
      </tr>
    </thead>
  );
  return (
    <div class="table-scroll">
      <table class="ds-table figures" data-border>
        <caption>{t('consultation.figures.caption')}</caption>
        <Head first={t('consultation.figures.organisation')} />
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
            <th scope="row">{t('consultation.figures.allOrganisations')}</th>
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
  const { t, tx } = useI18n();
  const sr = (chunks: Array<string | Markup>) => <span class="ds-sr-only">{chunks}</span>;
  let group = '';
  return (
    <section id="kommentarer" aria-labelledby="kommentarer-tittel">
      <h2 class="ds-heading" data-size="sm" id="kommentarer-tittel">
        {t('consultation.list.heading')}
      </h2>
      <TabLinks
        label={t('consultation.list.views')}
        links={roundViews.map((v) => ({ id: `vis-${v}`, href: href({ vis: v }), label: t(`consultation.view.${v}`), current: query.vis === v, attributes: hx(href({ vis: v })) }))}
      />
      <form class="filter-form" method="get" action={`/horing/${round.id}`} hx-get={`/horing/${round.id}`} hx-target="#kommentarer" hx-swap="outerHTML" hx-trigger="change" hx-push-url="true" role="search" aria-label={t('consultation.list.filter')}>
        {query.vis !== 'element' ? <input type="hidden" name="vis" value={query.vis} /> : null}
        <FilterSelect id="filter-punkt" name="punkt" label={t('consultation.round.col.item')} all={t('consultation.list.all')} options={items.map((i) => ({ value: String(i.id), label: itemLabel(i) }))} value={query.punkt} />
        <FilterSelect
          id="filter-organisasjon"
          name="organisasjon"
          label={t('consultation.figures.organisation')}
          all={t('consultation.list.all')}
          options={figures.byOrganisation.map((o) => ({ value: String(o.organisationId), label: o.name }))}
          value={query.organisasjon}
        />
        <FilterSelect id="filter-status" name="status" label={t('consultation.list.status')} all={t('consultation.list.all')} options={commentStatuses.map((s) => ({ value: s, label: t(`consultation.status.${s}`) }))} value={query.status} />
        {visit.signedIn && visit.since !== null ? (
          <div class="ds-field">
            <input class="ds-input" type="checkbox" id="filter-nye" name="nye" value="ja" checked={query.nye === 'ja'} />
            <label class="ds-label" for="filter-nye">
              {t('consultation.list.onlyNew')}
            </label>
          </div>
        ) : null}
        <button class="ds-button" data-variant="secondary" type="submit">
          {t('consultation.list.show')}
        </button>
      </form>
      <p class="ds-paragraph" aria-live="polite">
        {t('consultation.round.count', { total, filtered: filtered ? 'yes' : 'no' })}
        {filtered ? (
          <>
            {' '}
            <a class="ds-link" href={roundHref(round.id, { vis: query.vis })} {...hx(roundHref(round.id, { vis: query.vis }))}>
              {t('consultation.list.showAll')}
            </a>
          </>
        ) : null}
      </p>
      {comments.length === 0 ? (
        <Empty>{total === 0 ? t('consultation.list.none') : t('consultation.list.nonePage', { page: query.side })}</Empty>
      ) : (
        <div class="comment-list">
          {comments.map((c) => {
            const label = query.vis === 'element' ? itemLabel(c.item) : query.vis === 'organisasjon' ? c.organisationName : t(`consultation.status.${c.status}`);
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
                        {tx('consultation.list.editComment', { id: c.id, sr })}
                      </a>
                    ) : null
                  }
                />
              </>
            );
          })}
        </div>
      )}
      <Pager page={query.side} pageSize={pageSize} total={total} href={(side) => roundHref(round.id, { ...query, side })} target="#kommentarer" label={t('consultation.pager.comments')} />
    </section>
  );
}
