import { Hono, type Context } from 'hono';
import { roundState } from '../../../model/review/rounds.ts';
import { commentField, mergeAnswers, reviewFormSchema } from '../../../model/review/schemas.ts';
import type { FrozenService, StoredEntry } from '../../../model/review/types.ts';
import type { FieldErrors } from '../../../views/components/form.tsx';
import { MunicipalityReviewPage, type ReviewMode } from '../../../views/pages/review/municipality-review.tsx';
import { auditActor } from '../../auth/context.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { municipalityByNumber } from '../../db/queries/review/intentions.ts';
import { reopenReview, reviewOf, saveReview } from '../../db/queries/review/reviews.ts';
import { roundById } from '../../db/queries/review/rounds.ts';
import type { AppDeps } from '../../deps.ts';
import { fieldErrors, formInput } from '../../http/forms.ts';
import { notFound, respond, respondError } from '../../http/render.tsx';
import { abilitiesOf, loadRound, noMunicipality, noRound, roundMunicipalityParam } from './common.ts';

const notices: Record<string, string> = {
  lagret: 'Utkastet er lagret. Det vises bare for kommunen til det er sendt inn.',
  innlogget: 'Du er logget inn igjen, og det du skrev er lagret i utkastet.',
  sendt: 'Vurderingen er sendt inn. Takk!',
  gjenapnet: 'Vurderingen er åpnet for endringer. Kommunen må sende den inn på nytt.',
};

/** The stored review as its audit record keeps it: each stance by the service's key. */
export function auditRecord(status: string | null, entries: readonly StoredEntry[], services: readonly FrozenService[]) {
  const keyOf = new Map(services.map((s) => [s.id, s.key]));
  return { status, stances: Object.fromEntries(entries.map((e) => [keyOf.get(e.roundServiceId) ?? String(e.roundServiceId), { stance: e.stance, comment: e.comment }])) };
}

const conflictMessage =
  'Noen andre i kommunen har lagret et annet svar på denne tjenesten mens du skrev. Se over svaret ditt: lagrer du igjen, erstatter det det lagrede.';

/** The posted form without what it was based on, so the page shows it against what is stored now. */
const withoutBasis = (form: Record<string, string>) => Object.fromEntries(Object.entries(form).filter(([name]) => !/^vist-/.test(name)));

const sameEntries = (a: readonly StoredEntry[], b: readonly StoredEntry[]) => {
  const key = (e: StoredEntry) => `${e.roundServiceId}\u0000${e.stance}\u0000${e.comment}`;
  const left = new Set(a.map(key));
  return a.length === b.length && b.every((e) => left.has(key(e)));
};

/** The review page and the whole form's save, shared by the page's own routes and signing in again after a timeout. */
export function municipalityReview(deps: AppDeps) {
  const { db } = deps;

  const page = async (c: Context, id: number, number: string, form: { values?: Record<string, string>; errors?: FieldErrors; status?: 409 } = {}) => {
    const [loaded, municipality, stored] = await Promise.all([loadRound(db, id), municipalityByNumber(db, number), reviewOf(db, id, number)]);
    if (!loaded) return notFound(c, noRound);
    if (!municipality) return notFound(c, noMunicipality);
    const abilities = abilitiesOf(c, deps);
    const own = abilities.municipalityNumber === number;
    const open = roundState(loaded.round, c.var.clock()).open;
    const status = stored?.review.status;
    // Drafts belong to the municipality: nobody else sees what is in one.
    const mode: ReviewMode = own
      ? open && status !== 'submitted'
        ? 'edit'
        : 'read'
      : status === 'submitted'
        ? 'read'
        : status === 'draft'
          ? 'private-draft'
          : 'not-started';
    const notice = Object.keys(notices).find((k) => c.req.query(k) !== undefined);
    return respond(c, {
      title: `${municipality.name}: vurdering`,
      status: form.status ?? (form.errors ? 422 : 200),
      body: (
        <MunicipalityReviewPage
          {...loaded}
          municipality={municipality}
          now={c.var.clock()}
          abilities={abilities}
          review={stored?.review}
          entries={mode === 'private-draft' ? [] : (stored?.entries ?? [])}
          mode={mode}
          values={form.values}
          errors={form.errors}
          notice={notice ? notices[notice] : undefined}
        />
      ),
    });
  };

  /**
   * Saves the whole form as the draft; "send inn" saves it too and goes on to the confirmation,
   * so nothing is submitted unseen. Saving it unchanged writes and records nothing.
   */
  const save = async (c: Context, id: number, kommune: string, form: Record<string, string>, notice: 'lagret' | 'innlogget' = 'lagret') => {
    const [loaded, municipality] = await Promise.all([loadRound(db, id), municipalityByNumber(db, kommune)]);
    if (!loaded) return notFound(c, noRound);
    if (!municipality) return notFound(c, noMunicipality);
    const now = c.var.clock();
    const closed = () => respondError(c, { status: 409, title: 'Runden er lukket', message: 'Runden er lukket, så vurderingen kan ikke endres lenger. Ingenting er lagret.' });
    if (!roundState(loaded.round, now).open) return closed();
    const parsed = reviewFormSchema(loaded.services.map((s) => s.id)).safeParse(form);
    if (!parsed.success) return page(c, id, kommune, { values: form, errors: fieldErrors(parsed.error) });
    const { action, answers } = parsed.data;
    const actor = auditActor(c);
    const outcome = await db.transaction().execute(async (trx) => {
      // Read again inside the transaction: the round may have been closed since the check above.
      const round = await roundById(trx, id);
      if (!round || !roundState(round, now).open) return { kind: 'closed' } as const;
      const before = await reviewOf(trx, id, kommune);
      if (before?.review.status === 'submitted') return { kind: 'submitted' } as const;
      const merged = mergeAnswers(before?.entries ?? [], answers);
      if (merged.conflicts.length > 0) return { kind: 'conflict', conflicts: merged.conflicts } as const;
      if (before ? sameEntries(before.entries, merged.entries) : merged.entries.length === 0) return { kind: 'saved' } as const;
      const reviewId = await saveReview(trx, { roundId: id, municipalityNumber: kommune, entries: merged.entries, at: now, userId: actor.userId });
      await recordAudit(trx, {
        ...actor,
        action: 'review.save',
        entity: 'municipality_review',
        entityId: reviewId,
        before: before ? auditRecord(before.review.status, before.entries, loaded.services) : undefined,
        after: auditRecord('draft', merged.entries, loaded.services),
        details: `${municipality.name} (${kommune}), runde ${id}`,
      });
      return { kind: 'saved' } as const;
    });
    if (outcome.kind === 'closed') return closed();
    if (outcome.kind === 'submitted') {
      return respondError(c, {
        status: 409,
        title: 'Vurderingen er allerede sendt inn',
        message: 'Vurderingen er allerede sendt inn, så den kan ikke endres. Be prosjektet om å åpne den igjen. Ingenting er lagret.',
      });
    }
    if (outcome.kind === 'conflict') {
      // The form comes back with this user's answers; the stored ones become its new basis, so
      // saving again deliberately keeps these answers.
      const errors: Record<string, string> = {};
      for (const serviceId of outcome.conflicts) errors[commentField(serviceId)] = conflictMessage;
      return page(c, id, kommune, { values: withoutBasis(form), errors, status: 409 });
    }
    const path = `/vurdering/runder/${id}/kommuner/${kommune}`;
    return c.redirect(action === 'submit' ? `${path}/send-inn${notice === 'innlogget' ? '?innlogget' : ''}` : `${path}?${notice}`, 303);
  };

  return { page, save };
}

/** A municipality's review of a round: reading it, saving the whole form, and an architect reopening it. */
export function municipalityReviewRoutes(deps: AppDeps): Hono {
  const { db } = deps;
  const app = new Hono();
  const { page, save } = municipalityReview(deps);

  app.get('/vurdering/runder/:id/kommuner/:kommune', roundMunicipalityParam, (c) => {
    const { id, kommune } = c.req.valid('param');
    return page(c, id, kommune);
  });

  app.post('/vurdering/runder/:id/kommuner/:kommune', roundMunicipalityParam, async (c) => {
    const { id, kommune } = c.req.valid('param');
    return save(c, id, kommune, await formInput(c));
  });

  app.post('/vurdering/runder/:id/kommuner/:kommune/gjenapne', roundMunicipalityParam, async (c) => {
    const { id, kommune } = c.req.valid('param');
    const now = c.var.clock();
    const actor = auditActor(c);
    const outcome = await db.transaction().execute(async (trx) => {
      const round = await roundById(trx, id);
      if (!round) return 'no-round';
      const stored = await reviewOf(trx, id, kommune);
      if (!stored || stored.review.status !== 'submitted') return 'not-submitted';
      if (!roundState(round, now).open) return 'closed';
      await reopenReview(trx, stored.review.id, now, actor.userId);
      await recordAudit(trx, {
        ...actor,
        action: 'review.reopen',
        entity: 'municipality_review',
        entityId: stored.review.id,
        before: { status: 'submitted' },
        after: { status: 'draft' },
        details: `${kommune}, runde ${id}`,
      });
      return 'done';
    });
    if (outcome === 'no-round') return notFound(c, noRound);
    if (outcome === 'not-submitted') {
      return respondError(c, { status: 409, title: 'Ikke sendt inn', message: 'Kommunen har ikke sendt inn en vurdering i denne runden, så det er ingenting å åpne. Ingenting er endret.' });
    }
    if (outcome === 'closed') {
      return respondError(c, { status: 409, title: 'Runden er lukket', message: 'Runden er lukket. Åpne runden igjen først, så kan kommunens vurdering åpnes for endringer.' });
    }
    return c.redirect(`/vurdering/runder/${id}/kommuner/${kommune}?gjenapnet`, 303);
  });

  return app;
}
