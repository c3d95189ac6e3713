import { Hono } from 'hono';
import { z } from 'zod';
import { intentionTally, populationCoverage } from '../../../model/review/coverage.ts';
import { exportFormat } from '../../../model/export-format.ts';
import { dashboardCsv } from '../../../model/review/csv.ts';
import { roundIdSchema, type IntentionStatus } from '../../../model/review/schemas.ts';
import { sortTallies, stanceTallies, tallySortShortLabel, tallySorts } from '../../../model/review/tallies.ts';
import type { FrozenService, ReviewRound } from '../../../model/review/types.ts';
import { commentListQuery, commentPageSize, commentPaging } from '../../../model/review/comment-list.ts';
import { DashboardPage, TallyTable } from '../../../views/pages/review/dashboard.tsx';
import type { CommentList } from '../../../views/pages/review/dashboard-parts.tsx';
import { commentCount, commentPage, type CommentFilter } from '../../db/queries/review/comments.ts';
import { allDeclarations, countiesOutsideSharedRecord, listMunicipalities } from '../../db/queries/review/intentions.ts';
import { roundReviews, submittedStances } from '../../db/queries/review/reviews.ts';
import { frozenServices, listRounds } from '../../db/queries/review/rounds.ts';
import type { AppDeps } from '../../deps.ts';
import { isFragmentRequest, notFound, respond } from '../../http/render.tsx';
import { validParams } from '../../http/validate.ts';
import { abilitiesOf, noRound } from './common.ts';

const dashboardShape = {
  runde: z.preprocess((v) => (v === '' ? undefined : v), roundIdSchema.optional()),
  sorter: z.enum(tallySorts, { error: `Sortering må være en av ${tallySorts.join(', ')}.` }).default('liste'),
};
const strictQuery = <S extends z.ZodRawShape>(shape: S) =>
  validParams('query', z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? `Ukjent parameter: ${issue.keys.join(', ')}.` : undefined) }));
/** The CSV has the figures only; the page also lists comments, filtered and paged. */
const dashboardQuery = strictQuery(dashboardShape);
const dashboardPageQuery = strictQuery({ ...dashboardShape, ...commentListQuery });

/** The programme's dashboard: coverage of signed declarations, and the chosen round's stances. */
export function dashboardRoutes(deps: AppDeps): Hono {
  const { db, config } = deps;
  const app = new Hono();

  /** Everything the dashboard counts, in six queries. */
  const figures = async (roundId: number | undefined) => {
    const [rounds, municipalities, declarations, outside] = await Promise.all([
      listRounds(db),
      listMunicipalities(db),
      allDeclarations(db),
      countiesOutsideSharedRecord(db),
    ]);
    const round = roundId === undefined ? rounds[0] : rounds.find((r) => r.id === roundId);
    if (roundId !== undefined && !round) return undefined;
    const [services, reviews, stances] = await Promise.all([
      round ? frozenServices(db, round.id) : [],
      round ? roundReviews(db, round.id) : [],
      round ? submittedStances(db, round.id) : [],
    ]);
    const statusOf = new Map<string, IntentionStatus>(declarations.map((d) => [d.municipalityNumber, d.status]));
    const submitted = reviews.filter((r) => r.status === 'submitted');
    return {
      rounds,
      round,
      municipalities,
      services,
      // Which counties are out of scope is modelled: the regions whose record is not the shared one.
      coverage: populationCoverage(municipalities, statusOf, { excludedCounties: outside.map((c) => c.countyNumber) }),
      outside,
      intentions: intentionTally(municipalities, statusOf),
      reviewed: {
        municipalities: submitted.length,
        population: submitted.reduce((n, r) => n + r.municipality.population, 0),
        drafts: reviews.length - submitted.length,
      },
      tallies: stanceTallies(services, submitted.map((r) => r.municipalityNumber), stances, municipalities),
    };
  };

  /** One page of the round's comments as filtered, in two queries whatever the round's size. */
  const commentList = async (round: ReviewRound, services: FrozenService[], filter: CommentFilter, page: number | undefined): Promise<CommentList> => {
    const total = await commentCount(db, round.id, filter);
    const paging = commentPaging(total, page);
    const comments = await commentPage(db, round.id, filter, { offset: paging.offset, limit: commentPageSize });
    return { comments, total, paging, filter, services };
  };

  app.get('/vurdering/dashbord', dashboardPageQuery, async (c) => {
    const { runde, sorter, tjeneste, standpunkt, side } = c.req.valid('query');
    const abilities = abilitiesOf(c, deps);
    const f = await figures(runde);
    if (!f) return notFound(c, noRound);
    if (tjeneste !== undefined && !f.services.some((s) => s.id === tjeneste)) return notFound(c, 'Tjenesten finnes ikke i rundens liste.');
    const tallies = sortTallies(f.tallies, sorter);
    const comments = abilities.results && f.round && !isFragmentRequest(c) ? await commentList(f.round, f.services, { roundServiceId: tjeneste, stance: standpunkt }, side) : undefined;
    return respond(c, {
      title: 'Dashbord',
      body: (
        <DashboardPage
          abilities={abilities}
          rounds={f.rounds}
          round={f.round}
          coverage={f.coverage}
          outside={f.outside}
          intentions={f.intentions}
          reviewed={f.reviewed}
          tallies={tallies}
          sort={sorter}
          comments={comments}
        />
      ),
      fragment: <TallyTable tallies={tallies} reviewed={f.reviewed} sort={sorter} />,
      announce: `Sortert etter ${tallySortShortLabel[sorter]}.`,
    });
  });

  app.get('/vurdering/dashbord/eksport.csv', dashboardQuery, async (c) => {
    const { runde, sorter } = c.req.valid('query');
    const f = await figures(runde);
    if (!f) return notFound(c, noRound);
    const body = dashboardCsv({
      coverage: f.coverage,
      intentions: f.intentions,
      round: f.round ?? null,
      reviewed: f.reviewed,
      tallies: sortTallies(f.tallies, sorter),
    }, exportFormat(c.var.i18n.language.locale));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="dashbord-${c.var.clock().toISOString().slice(0, 10)}.csv"`);
    return c.body(body);
  });

  return app;
}
