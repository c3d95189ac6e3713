import { Hono } from 'hono';
import { say } from '../../../model/messages.ts';
import { z } from 'zod';
import { coverageOfCounts, intentionTallyOfCounts } from '../../../model/review/coverage.ts';
import { exportFormat } from '../../../model/export-format.ts';
import { dashboardCsv } from '../../../model/review/csv.ts';
import { roundIdSchema } from '../../../model/review/schemas.ts';
import { tallySorts, type TallySort } from '../../../model/review/tallies.ts';
import type { FrozenService, ReviewRound } from '../../../model/review/types.ts';
import { pageNumberSchema } from '../../../model/filters.ts';
import { commentListQuery, commentPageSize, commentPaging } from '../../../model/review/comment-list.ts';
import { DashboardPage, TallyTable, dashboardHref } from '../../../views/pages/review/dashboard.tsx';
import type { CommentList } from '../../../views/pages/review/dashboard-parts.tsx';
import { commentCount, commentPage, type CommentFilter } from '../../db/queries/review/comments.ts';
import { countiesOutsideSharedRecord, countyStatusCountsOf } from '../../db/queries/review/intentions.ts';
import { roundServiceById, roundReviewers, roundServiceCount, stanceTallyPage } from '../../db/queries/review/tallies.ts';
import { pageCount } from '../../db/queries/service-selection.ts';
import { listRounds } from '../../db/queries/review/rounds.ts';
import type { AppDeps } from '../../deps.ts';
import { isFragmentRequest, notFound, respond } from '../../http/render.tsx';
import { validParams } from '../../http/validate.ts';
import { abilitiesOf, noRound } from './common.ts';

const dashboardShape = {
  runde: z.preprocess((v) => (v === '' ? undefined : v), roundIdSchema.optional()),
  sorter: z.enum(tallySorts, { error: say('review.error.sort') }).default('liste'),
};
/** The services' figures come a page at a time (`tjenesteside`, from 1). */
const tallyPageSize = 100;
const strictQuery = <S extends z.ZodRawShape>(shape: S) =>
  validParams('query', z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? say('review.error.unknownParameter') : undefined) }));
/** The CSV has the figures only; the page also lists comments, filtered and paged. */
const dashboardQuery = strictQuery(dashboardShape);
const dashboardPageQuery = strictQuery({ ...dashboardShape, ...commentListQuery, tjenesteside: pageNumberSchema.optional() });

/** The programme's dashboard: coverage of signed declarations, and the chosen round's stances. */
export function dashboardRoutes(deps: AppDeps): Hono {
  const { db, config } = deps;
  const app = new Hono();

  /**
   * Everything the dashboard counts, aggregated in SQL: coverage over the municipalities and
   * declarations, who has submitted, and the stances per service (GROUP BY), for one page of
   * services in the chosen order (or every service, for the CSV).
   */
  const figures = async (roundId: number | undefined, sort: TallySort, page?: number) => {
    // Coverage from the municipalities counted per county and status (GROUP BY), not every one.
    const [rounds, counts, outside] = await Promise.all([listRounds(db), countyStatusCountsOf(db), countiesOutsideSharedRecord(db)]);
    const round = roundId === undefined ? rounds[0] : rounds.find((r) => r.id === roundId);
    if (roundId !== undefined && !round) return undefined;
    const [reviewers, serviceTotal] = await Promise.all([
      round ? roundReviewers(db, round.id) : { municipalities: 0, population: 0, drafts: 0 },
      round ? roundServiceCount(db, round.id) : 0,
    ]);
    const pages = pageCount(serviceTotal, tallyPageSize);
    if (page !== undefined && page > pages) return { outOfRange: pages } as const;
    const window = page === undefined ? {} : { offset: (page - 1) * tallyPageSize, limit: tallyPageSize };
    const tallies = round ? await stanceTallyPage(db, round.id, reviewers, { sort, ...window }) : [];
    return {
      rounds,
      round,
      serviceTotal,
      // Which counties are out of scope is modelled: the regions whose record is not the shared one.
      coverage: coverageOfCounts(counts, { excludedCounties: outside.map((c) => c.countyNumber) }),
      outside,
      intentions: intentionTallyOfCounts(counts),
      reviewed: reviewers,
      tallies,
    };
  };

  /** One page of the round's comments as filtered, in two queries whatever the round's size. */
  /** The service filter offers the services on the table's page (and the one chosen), not the whole list. */
  const commentList = async (round: ReviewRound, services: FrozenService[], filter: CommentFilter, page: number | undefined): Promise<CommentList> => {
    const total = await commentCount(db, round.id, filter);
    const paging = commentPaging(total, page);
    const comments = await commentPage(db, round.id, filter, { offset: paging.offset, limit: commentPageSize });
    return { comments, total, paging, filter, services };
  };

  app.get('/vurdering/dashbord', dashboardPageQuery, async (c) => {
    const { runde, sorter, tjeneste, standpunkt, side, tjenesteside } = c.req.valid('query');
    const abilities = abilitiesOf(c, deps);
    const page = tjenesteside ?? 1;
    const f = await figures(runde, sorter, page);
    if (!f) return notFound(c, noRound(c));
    if ('outOfRange' in f) return notFound(c, c.var.i18n.t('scope.list.pastEnd', { pages: f.outOfRange ?? 1, page }));
    const chosen = tjeneste !== undefined && f.round ? await roundServiceById(db, f.round.id, tjeneste) : undefined;
    if (tjeneste !== undefined && !chosen) return notFound(c, c.var.i18n.t('review.error.noServiceInRound'));
    const offered = f.tallies.map((t) => t.service);
    if (chosen && !offered.some((s) => s.id === chosen.id)) offered.unshift(chosen);
    const comments = abilities.results && f.round && !isFragmentRequest(c) ? await commentList(f.round, offered, { roundServiceId: tjeneste, stance: standpunkt }, side) : undefined;
    const href = (p: number) => dashboardHref(f.round?.id, sorter, p);
    const paging = { page, pageSize: tallyPageSize, total: f.serviceTotal, href };
    return respond(c, {
      title: c.var.i18n.t('review.dashboard.title'),
      body: (
        <DashboardPage
          abilities={abilities}
          rounds={f.rounds}
          round={f.round}
          coverage={f.coverage}
          outside={f.outside}
          intentions={f.intentions}
          reviewed={f.reviewed}
          tallies={f.tallies}
          paging={paging}
          sort={sorter}
          comments={comments}
        />
      ),
      fragment: <TallyTable tallies={f.tallies} reviewed={f.reviewed} sort={sorter} paging={paging} />,
      announce: c.var.i18n.t(`review.sorted.${sorter}`),
    });
  });

  app.get('/vurdering/dashbord/eksport.csv', dashboardQuery, async (c) => {
    const { runde, sorter } = c.req.valid('query');
    const f = await figures(runde, sorter);
    if (!f || 'outOfRange' in f) return notFound(c, noRound(c));
    const body = dashboardCsv({
      coverage: f.coverage,
      intentions: f.intentions,
      round: f.round ?? null,
      reviewed: f.reviewed,
      tallies: f.tallies,
    }, exportFormat(c.var.i18n.language.locale), c.var.i18n.t);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="dashbord-${c.var.clock().toISOString().slice(0, 10)}.csv"`);
    return c.body(body);
  });

  return app;
}
