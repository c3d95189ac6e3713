import { Hono } from 'hono';
import { z } from 'zod';
import { helseplattformenCounties, intentionTally, populationCoverage } from '../../../model/review/coverage.ts';
import { dashboardCsv } from '../../../model/review/csv.ts';
import { roundIdSchema, type IntentionStatus } from '../../../model/review/schemas.ts';
import { sortTallies, stanceTallies, tallySorts } from '../../../model/review/tallies.ts';
import type { StoredEntry } from '../../../model/review/types.ts';
import { DashboardPage, TallyTable } from '../../../views/pages/review/dashboard.tsx';
import type { ServiceComments } from '../../../views/pages/review/dashboard-parts.tsx';
import { allDeclarations, listMunicipalities } from '../../db/queries/review/intentions.ts';
import { roundReviews, submittedEntries, submittedStances } from '../../db/queries/review/reviews.ts';
import { frozenServices, listRounds } from '../../db/queries/review/rounds.ts';
import type { AppDeps } from '../../deps.ts';
import { isFragmentRequest, notFound, respond } from '../../http/render.tsx';
import { validParams } from '../../http/validate.ts';
import { abilitiesOf, noRound } from './common.ts';

const dashboardQuery = validParams(
  'query',
  z.strictObject(
    {
      runde: z.preprocess((v) => (v === '' ? undefined : v), roundIdSchema.optional()),
      sorter: z.enum(tallySorts, { error: `Sortering må være en av ${tallySorts.join(', ')}.` }).default('liste'),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `Ukjent parameter: ${issue.keys.join(', ')}.` : undefined) },
  ),
);

/** The programme's dashboard: coverage of signed declarations, and the chosen round's stances. */
export function dashboardRoutes(deps: AppDeps): Hono {
  const { db, config } = deps;
  const app = new Hono();

  /** Everything the dashboard counts, in six queries; a seventh for the comments when asked. */
  const figures = async (roundId: number | undefined, withComments: boolean) => {
    const [rounds, municipalities, declarations] = await Promise.all([listRounds(db), listMunicipalities(db), allDeclarations(db)]);
    const round = roundId === undefined ? rounds[0] : rounds.find((r) => r.id === roundId);
    if (roundId !== undefined && !round) return undefined;
    const [services, reviews, stances, comments] = await Promise.all([
      round ? frozenServices(db, round.id) : [],
      round ? roundReviews(db, round.id) : [],
      round ? submittedStances(db, round.id) : [],
      round && withComments ? submittedEntries(db, round.id, { commented: true }) : [],
    ]);
    const statusOf = new Map<string, IntentionStatus>(declarations.map((d) => [d.municipalityNumber, d.status]));
    const submitted = reviews.filter((r) => r.status === 'submitted');
    return {
      rounds,
      round,
      municipalities,
      services,
      comments,
      coverage: populationCoverage(municipalities, statusOf, { excludedCounties: config.EXCLUDE_HELSEPLATTFORMEN_REGION ? helseplattformenCounties : [] }),
      intentions: intentionTally(municipalities, statusOf),
      reviewed: {
        municipalities: submitted.length,
        population: submitted.reduce((n, r) => n + r.municipality.population, 0),
        drafts: reviews.length - submitted.length,
      },
      tallies: stanceTallies(services, submitted.map((r) => r.municipalityNumber), stances, municipalities),
    };
  };

  app.get('/vurdering/dashbord', dashboardQuery, async (c) => {
    const { runde, sorter } = c.req.valid('query');
    const abilities = abilitiesOf(c, deps);
    const f = await figures(runde, abilities.results && !isFragmentRequest(c));
    if (!f) return notFound(c, noRound);
    const tallies = sortTallies(f.tallies, sorter);
    let comments: ServiceComments[] | undefined;
    if (abilities.results) {
      const municipality = new Map(f.municipalities.map((m) => [m.number, m]));
      const byService = new Map<number, Array<StoredEntry & { municipalityNumber: string }>>();
      for (const e of f.comments) {
        const list = byService.get(e.roundServiceId);
        if (list) list.push(e);
        else byService.set(e.roundServiceId, [e]);
      }
      comments = f.services.map((service) => ({
        service,
        comments: (byService.get(service.id) ?? []).map((e) => ({ municipality: municipality.get(e.municipalityNumber)!, stance: e.stance, comment: e.comment })),
      }));
    }
    return respond(c, {
      title: 'Dashbord',
      body: (
        <DashboardPage
          abilities={abilities}
          rounds={f.rounds}
          round={f.round}
          coverage={f.coverage}
          intentions={f.intentions}
          reviewed={f.reviewed}
          tallies={tallies}
          sort={sorter}
          comments={comments}
        />
      ),
      fragment: <TallyTable tallies={tallies} reviewed={f.reviewed} sort={sorter} />,
    });
  });

  app.get('/vurdering/dashbord/eksport.csv', dashboardQuery, async (c) => {
    const { runde, sorter } = c.req.valid('query');
    const f = await figures(runde, false);
    if (!f) return notFound(c, noRound);
    const body = dashboardCsv({
      coverage: f.coverage,
      intentions: f.intentions,
      round: f.round ?? null,
      reviewed: f.reviewed,
      tallies: sortTallies(f.tallies, sorter),
    });
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="dashbord-${c.var.clock().toISOString().slice(0, 10)}.csv"`);
    return c.body(body);
  });

  return app;
}
