import { Hono, type Context } from 'hono';
import { exportFormat } from '../../../model/export-format.ts';
import { roundResultsCsv } from '../../../model/review/csv.ts';
import { osloDate, roundState } from '../../../model/review/rounds.ts';
import { reopenRoundSchema, roundInputSchema } from '../../../model/review/schemas.ts';
import type { FieldErrors } from '../../../views/components/form.tsx';
import { ReviewOverviewPage, type RoundFormValues } from '../../../views/pages/review/overview.tsx';
import { CloseRoundConfirm, RoundPage } from '../../../views/pages/review/round.tsx';
import { callerOf } from '../../auth/context.ts';
import { parseBaselineChoice } from '../../../views/components/baseline-choice.tsx';
import { closeReviewRound, openReviewRound, recordReviewExport, reopenReviewRound } from '../../commands/review.ts';
import { declarationOf, municipalityByNumber } from '../../db/queries/review/intentions.ts';
import { reviewStatusesOf, roundReviews, submittedEntries } from '../../db/queries/review/reviews.ts';
import { frozenServices, listRounds, roundById } from '../../db/queries/review/rounds.ts';
import type { AppDeps } from '../../deps.ts';
import { fieldErrors, formInput } from '../../http/forms.ts';
import { notFound, respond, respondError } from '../../http/render.tsx';
import { countOf } from '../../../views/pages/review/common.tsx';
import { abilitiesOf, loadRoundPage, noRound, roundPageQuery, roundParam } from './common.ts';
import { pageCount } from '../../db/queries/service-selection.ts';
import { roundListPageSize } from '../../../views/pages/review/round.tsx';

const notices = {
  apnet: 'review.notice.roundOpened',
  lukket: 'review.notice.roundClosed',
  gjenapnet: 'review.notice.roundReopened',
} as const;

const closedAlready = (c: Context) =>
  respondError(c, { status: 409, title: c.var.i18n.t('review.error.alreadyClosedTitle'), message: c.var.i18n.t('review.error.alreadyClosedMessage') });

/** Rounds: the overview, one round's frozen list, and what architects do with rounds. */
export function roundRoutes(deps: AppDeps): Hono {
  const { db } = deps;
  const app = new Hono();

  const overview = async (c: Context, form: { values?: RoundFormValues; errors?: FieldErrors; status?: 200 | 409 | 422 } = {}) => {
    const viewer = c.var.viewer;
    const number = viewer?.role === 'municipality' ? viewer.municipalityNumber : null;
    const abilities = abilitiesOf(c, deps);
    const [rounds, own, baselines] = await Promise.all([
      listRounds(db),
      number ? Promise.all([municipalityByNumber(db, number), reviewStatusesOf(db, number), declarationOf(db, number)]) : undefined,
      // The baselines a new round may open on, for those who open rounds.
      abilities.manage ? db.selectFrom('baseline').select(['id', 'name']).orderBy('id', 'desc').limit(200).execute() : [],
    ]);
    const ownTasks = own?.[0] ? { municipality: own[0], reviewStatus: own[1], declaration: own[2] } : undefined;
    return respond(c, {
      title: c.var.i18n.t('review.overview.pageTitle'),
      status: form.status ?? 200,
      body: <ReviewOverviewPage rounds={rounds} now={c.var.clock()} abilities={abilities} own={ownTasks} values={form.values} errors={form.errors} baselines={baselines} />,
    });
  };

  app.get('/vurdering', (c) => overview(c));

  app.post('/vurdering/runder', async (c) => {
    const form = await formInput(c);
    const now = c.var.clock();
    const parsed = roundInputSchema(osloDate(now)).safeParse(form);
    if (!parsed.success) return overview(c, { values: form, errors: fieldErrors(parsed.error), status: 422 });
    // The baseline the round opens on: one named by id, or (none named) the model frozen now.
    const baseline = parseBaselineChoice(form.baseline);
    if (baseline === undefined) return overview(c, { values: form, errors: { baseline: c.var.i18n.t('requirement.round.baselineMissing') }, status: 422 });
    const result = await openReviewRound(db, callerOf(c), { title: parsed.data.title, deadline: parsed.data.deadline, baseline });
    // A named baseline that is gone is told beside its field; another refusal (a round already open) above the form.
    if (result.kind === 'problem') {
      const message = c.var.i18n.t(result.message);
      return overview(c, result.field ? { values: form, errors: { [result.field]: message }, status: 422 } : { values: form, errors: { skjema: message }, status: 409 });
    }
    return c.redirect(`/vurdering/runder/${result.id}?apnet`, 303);
  });

  const roundPage = async (c: Context, id: number, reopen: { values?: { deadline?: string }; errors?: FieldErrors; status?: 422 | 409 } = {}, page = 1) => {
    const abilities = abilitiesOf(c, deps);
    const [loaded, reviews] = await Promise.all([loadRoundPage(db, id, page, roundListPageSize), abilities.manage ? roundReviews(db, id) : undefined]);
    if (!loaded) return notFound(c, noRound(c));
    // Past the last page there is nothing to show: said, not an empty list.
    const pages = pageCount(loaded.list.total, roundListPageSize);
    if (page > pages) return notFound(c, c.var.i18n.t('scope.list.pastEnd', { pages, page }));
    const notice = (Object.keys(notices) as Array<keyof typeof notices>).find((k) => c.req.query(k) !== undefined);
    return respond(c, {
      title: loaded.round.title,
      status: reopen.status ?? 200,
      body: (
        <RoundPage
          {...loaded}
          page={page}
          now={c.var.clock()}
          abilities={abilities}
          reviews={reviews}
          notice={notice ? c.var.i18n.t(notices[notice]) : undefined}
          reopenValues={reopen.values}
          reopenErrors={reopen.errors}
        />
      ),
    });
  };

  app.get('/vurdering/runder/:id', roundParam, roundPageQuery, (c) => roundPage(c, c.req.valid('param').id, {}, c.req.valid('query').side));

  /** The confirmation before closing: nothing closes without it. */
  const closeConfirm = async (c: Context, id: number) => {
    const round = await roundById(db, id);
    if (!round) return notFound(c, noRound(c));
    if (!roundState(round, c.var.clock()).open) return closedAlready(c);
    return respond(c, { title: c.var.i18n.t('review.close.title'), body: <CloseRoundConfirm round={round} now={c.var.clock()} abilities={abilitiesOf(c, deps)} /> });
  };

  app.get('/vurdering/runder/:id/lukk', roundParam, (c) => closeConfirm(c, c.req.valid('param').id));

  app.post('/vurdering/runder/:id/lukk', roundParam, async (c) => {
    const { id } = c.req.valid('param');
    if ((await formInput(c)).bekreft !== 'ja') return closeConfirm(c, id);
    const outcome = await closeReviewRound(db, callerOf(c), id);
    if (outcome === 'closed') return closedAlready(c);
    return c.redirect(`/vurdering/runder/${id}?lukket`, 303);
  });

  app.post('/vurdering/runder/:id/gjenapne', roundParam, async (c) => {
    const { id } = c.req.valid('param');
    const now = c.var.clock();
    const form = await formInput(c);
    const parsed = reopenRoundSchema(osloDate(now)).safeParse(form);
    if (!parsed.success) {
      if (!(await roundById(db, id))) return notFound(c, noRound(c));
      return roundPage(c, id, { values: form, errors: fieldErrors(parsed.error), status: 422 });
    }
    const outcome = await reopenReviewRound(db, callerOf(c), id, parsed.data.deadline);
    const { t } = c.var.i18n;
    if (outcome === 'open') return respondError(c, { status: 409, title: t('review.error.openTitle'), message: t('review.error.openMessage') });
    if (outcome === 'other-open') return roundPage(c, id, { values: form, errors: { deadline: t('review.error.otherOpen') }, status: 409 });
    return c.redirect(`/vurdering/runder/${id}?gjenapnet`, 303);
  });

  app.get('/vurdering/runder/:id/eksport.csv', roundParam, async (c) => {
    const { id } = c.req.valid('param');
    const [round, services, reviews, entries] = await Promise.all([roundById(db, id), frozenServices(db, id), roundReviews(db, id), submittedEntries(db, id)]);
    if (!round) return notFound(c, noRound(c));
    const submitted = reviews.filter((r) => r.status === 'submitted');
    // Who took a copy of every municipality's words is worth knowing.
    await recordReviewExport(db, callerOf(c), id, `${countOf(submitted.length, 'kommune', 'kommuner')}, ${countOf(services.length, 'tjeneste', 'tjenester')}`);
    const body = roundResultsCsv(round, services, submitted.map((r) => ({ municipality: r.municipality, submittedAt: r.submittedAt })), entries, exportFormat(c.var.i18n.language.locale), c.var.i18n.t);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="vurdering-runde-${id}.csv"`);
    c.header('Cache-Control', 'no-store');
    return c.body(body);
  });

  return app;
}
