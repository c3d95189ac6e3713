import { Hono } from 'hono';
import { z } from 'zod';
import { municipalityNumberSchema } from '../../../model/accounts.ts';
import { roundState } from '../../../model/review/rounds.ts';
import { answerBasis, roundIdSchema, roundServiceIdSchema, serviceAnswerSchema } from '../../../model/review/schemas.ts';
import { AnswerNotSaved, AnswerSaved, AnswerStale } from '../../../views/pages/review/answer.tsx';
import { auditActor } from '../../auth/context.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { answeredCount, reviewOf, saveAnswer } from '../../db/queries/review/reviews.ts';
import { frozenServices, roundById } from '../../db/queries/review/rounds.ts';
import type { AppDeps } from '../../deps.ts';
import { formInput } from '../../http/forms.ts';
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
    if (!round || !service) return c.html(<>Ikke lagret: tjenesten finnes ikke i runden. Last siden på nytt.</>, 404);
    const now = c.var.clock();
    if (!roundState(round, now).open) return c.html(<AnswerNotSaved service={service} message="Runden er lukket, så vurderingen kan ikke endres lenger." />, 409);
    const parsed = serviceAnswerSchema(service.id).safeParse(form);
    if (!parsed.success) return c.html(<AnswerNotSaved service={service} message={parsed.error.issues[0]?.message ?? 'Svaret kan ikke leses.'} pending />, 422);
    const { basis, ...entry } = parsed.data;
    const actor = auditActor(c);
    const outcome = await db.transaction().execute(async (trx) => {
      // Read again inside the transaction: the round may have been closed since the check above.
      const current = await roundById(trx, id);
      if (!current || !roundState(current, now).open) return { kind: 'closed' } as const;
      const before = await reviewOf(trx, id, kommune);
      if (before?.review.status === 'submitted') return { kind: 'submitted' } as const;
      const was = before?.entries.find((e) => e.roundServiceId === service.id);
      const same = was ? was.stance === entry.stance && was.comment === entry.comment : entry.stance === null;
      // Someone else saved a different answer since the page showed it: keep theirs, show both.
      const stored = { stance: was?.stance ?? null, comment: was?.comment ?? '' };
      if (basis !== undefined && !same && answerBasis(stored.stance, stored.comment) !== basis) return { kind: 'stale', stored } as const;
      // Unchanged, or clearing an answer the review never had: nothing to write, and no empty draft.
      if (same) return { kind: 'unchanged' } as const;
      const reviewId = await saveAnswer(trx, { roundId: id, municipalityNumber: kommune, entry, at: now, userId: actor.userId });
      await recordAudit(trx, {
        ...actor,
        action: 'review.save',
        entity: 'municipality_review',
        entityId: reviewId,
        before: { [service.key]: was ? { stance: was.stance, comment: was.comment } : null },
        after: { [service.key]: entry.stance === null ? null : { stance: entry.stance, comment: entry.comment } },
        details: `${kommune}, runde ${id}: ${service.name}`,
      });
      return { kind: 'saved', answered: await answeredCount(trx, reviewId) } as const;
    });
    if (outcome.kind === 'closed') return c.html(<AnswerNotSaved service={service} message="Runden er lukket, så vurderingen kan ikke endres lenger." />, 409);
    if (outcome.kind === 'submitted') {
      return c.html(<AnswerNotSaved service={service} message="Vurderingen er allerede sendt inn. Be prosjektet om å åpne den igjen." />, 409);
    }
    if (outcome.kind === 'stale') return c.html(<AnswerStale service={service} mine={entry} theirs={outcome.stored} />, 409);
    // Saved before, exactly so: the status line already says so.
    if (outcome.kind === 'unchanged') return c.body(null, 204);
    return c.html(<AnswerSaved service={service} at={now} saved={entry} progress={{ answered: outcome.answered, total: services.length }} />);
  });

  return app;
}
