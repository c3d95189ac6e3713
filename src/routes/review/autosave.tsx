import { Hono } from 'hono';
import { z } from 'zod';
import { municipalityNumberSchema } from '../../../model/accounts.ts';
import { roundState } from '../../../model/review/rounds.ts';
import { roundIdSchema, roundServiceIdSchema, serviceAnswerSchema } from '../../../model/review/schemas.ts';
import { AnswerNotSaved, AnswerSaved, AnswerStale } from '../../../views/pages/review/answer.tsx';
import { callerOf } from '../../auth/context.ts';
import { saveOneAnswer } from '../../commands/review.ts';
import { frozenServices, roundById } from '../../db/queries/review/rounds.ts';
import type { AppDeps } from '../../deps.ts';
import { formInput, issueMessage } from '../../http/forms.ts';
import { validParams } from '../../http/validate.ts';

const answerParam = validParams('param', z.object({ id: roundIdSchema, kommune: municipalityNumberSchema, tjeneste: roundServiceIdSchema }));

/**
 * One service's answer, saved as the municipality changes it (htmx, from the review page). The
 * answer is a fragment for the service's status line, never an error page that would replace
 * the form: whatever happens, what is typed stays where it is.
 */
export function autosaveRoutes(deps: AppDeps): Hono {
  const { db } = deps;
  const app = new Hono();

  app.post('/vurdering/runder/:id/kommuner/:kommune/tjenester/:tjeneste', answerParam, async (c) => {
    const { id, kommune, tjeneste } = c.req.valid('param');
    const [round, services, form] = await Promise.all([roundById(db, id), frozenServices(db, id), formInput(c)]);
    const service = services.find((s) => s.id === tjeneste);
    const { t } = c.var.i18n;
    if (!round || !service) return c.html(<>{t('review.autosave.noService')}</>, 404);
    const now = c.var.clock();
    if (!roundState(round, now).open) return c.html(<AnswerNotSaved service={service} message={t('review.autosave.closed')} />, 409);
    const parsed = serviceAnswerSchema(service.id).safeParse(form);
    if (!parsed.success) return c.html(<AnswerNotSaved service={service} message={issueMessage(parsed.error.issues[0]) || t('review.autosave.unreadable')} pending />, 422);
    const { basis, ...entry } = parsed.data;
    const outcome = await saveOneAnswer(db, callerOf(c), { roundId: id, municipalityNumber: kommune }, service, entry, basis);
    if (outcome.kind === 'closed') return c.html(<AnswerNotSaved service={service} message={t('review.autosave.closed')} />, 409);
    if (outcome.kind === 'submitted') return c.html(<AnswerNotSaved service={service} message={t('review.autosave.submitted')} />, 409);
    if (outcome.kind === 'stale') return c.html(<AnswerStale service={service} mine={entry} theirs={outcome.stored} />, 409);
    // Saved before, exactly so: the status line already says so.
    if (outcome.kind === 'unchanged') return c.body(null, 204);
    return c.html(<AnswerSaved service={service} at={now} saved={entry} progress={{ answered: outcome.answered, total: services.length }} />);
  });

  return app;
}
