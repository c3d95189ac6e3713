import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { pageNumberSchema } from '../../../model/filters.ts';
import { validParams } from '../../http/validate.ts';
import { roundState } from '../../../model/review/rounds.ts';
import { commentField, reviewFormSchema, stanceField } from '../../../model/review/schemas.ts';
import type { FieldErrors } from '../../../views/components/form.tsx';
import { MunicipalityReviewPage, reviewHref, reviewPageSize, type ReviewMode } from '../../../views/pages/review/municipality-review.tsx';
import { callerOf } from '../../auth/context.ts';
import { reopenSubmittedReview, saveReviewDraft } from '../../commands/review.ts';
import { municipalityByNumber } from '../../db/queries/review/intentions.ts';
import { answeredOutside, reviewWindowOf } from '../../db/queries/review/reviews.ts';
import { pageCount } from '../../db/queries/service-selection.ts';
import type { AppDeps } from '../../deps.ts';
import { fieldErrors, formInput } from '../../http/forms.ts';
import { notFound, respond, respondError } from '../../http/render.tsx';
import { abilitiesOf, loadRound, loadRoundPage, noMunicipality, noRound, roundMunicipalityParam, roundPageQuery } from './common.ts';
import type { FrozenService } from '../../../model/review/types.ts';

const notices = {
  lagret: 'review.notice.draftSaved',
  innlogget: 'review.notice.signedInAgain',
  sendt: 'review.notice.submitted',
  gjenapnet: 'review.notice.reviewReopened',
} as const;

/** Field errors for the form; a missing or foreign `vist-N` is about the whole form, so it is said at the top. */
function formErrors(error: Parameters<typeof fieldErrors>[0]): FieldErrors {
  const errors = fieldErrors(error);
  for (const name of Object.keys(errors)) {
    if (!/^vist-/.test(name)) continue;
    errors.skjema ??= errors[name]!;
    delete errors[name];
  }
  return errors;
}


/** The page of the form a posted form came from: the page of the first service it answers (page 1 when it answers none). */
function pageOfForm(services: readonly FrozenService[], form: Record<string, string>): number {
  const posted = new Set(Object.keys(form).flatMap((name) => /^(?:standpunkt|kommentar|vist)-(\d+)$/.exec(name)?.[1] ?? []).map(Number));
  const index = services.findIndex((s) => posted.has(s.id));
  return index === -1 ? 1 : Math.floor(index / reviewPageSize) + 1;
}

/** «Lagre og gå til side N»: the page to go on to once the form is saved (`videre`). */
const onwardQuery = validParams('query', z.object({ videre: pageNumberSchema.optional() }));

/** The posted form without what it was based on, so the page shows it against what is stored now. */
const withoutBasis = (form: Record<string, string>) => Object.fromEntries(Object.entries(form).filter(([name]) => !/^vist-/.test(name)));

/** The review page and the whole form's save, shared by the page's own routes and signing in again after a timeout. */
export function municipalityReview(deps: AppDeps) {
  const { db } = deps;

  /**
   * The review a page of its services at a time (`page`, from 1), as the round page shows the
   * list: the form on a page answers that page's services, and what the status line and the
   * actions count is the whole round's, counted in SQL.
   */
  const page = async (c: Context, id: number, number: string, form: { values?: Record<string, string>; errors?: FieldErrors; status?: 409 } = {}, side = 1) => {
    const [loaded, municipality] = await Promise.all([loadRoundPage(db, id, side, reviewPageSize), municipalityByNumber(db, number)]);
    if (!loaded) return notFound(c, noRound(c));
    if (!municipality) return notFound(c, noMunicipality(c));
    // Past the last page there is nothing to show: said, not an empty form.
    const pages = pageCount(loaded.list.total, reviewPageSize);
    if (side > pages) return notFound(c, c.var.i18n.t('scope.list.pastEnd', { pages, page: side }));
    const shown = loaded.list.shown;
    const stored = await reviewWindowOf(db, id, number, shown.map((s) => s.id));
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
    const notice = (Object.keys(notices) as Array<keyof typeof notices>).find((k) => c.req.query(k) !== undefined);
    return respond(c, {
      title: c.var.i18n.t('review.municipality.title', { name: municipality.name }),
      status: form.status ?? (form.errors ? 422 : 200),
      body: (
        <MunicipalityReviewPage
          {...loaded}
          page={side}
          answered={stored?.answered ?? 0}
          municipality={municipality}
          now={c.var.clock()}
          abilities={abilities}
          review={stored?.review}
          entries={mode === 'private-draft' ? [] : (stored?.entries ?? [])}
          mode={mode}
          values={form.values}
          errors={form.errors}
          notice={notice ? c.var.i18n.t(notices[notice]) : undefined}
        />
      ),
    });
  };

  /**
   * Saves the whole form as the draft; "send inn" saves it too and goes on to the confirmation,
   * so nothing is submitted unseen. Saving it unchanged writes and records nothing.
   */
  const save = async (c: Context, id: number, kommune: string, form: Record<string, string>, notice: 'lagret' | 'innlogget' = 'lagret', onward?: number) => {
    const [loaded, municipality] = await Promise.all([loadRound(db, id), municipalityByNumber(db, kommune)]);
    if (!loaded) return notFound(c, noRound(c));
    if (!municipality) return notFound(c, noMunicipality(c));
    const now = c.var.clock();
    const { t } = c.var.i18n;
    const closed = () => respondError(c, { status: 409, title: t('review.error.closedTitle'), message: t('review.error.closedSave') });
    if (!roundState(loaded.round, now).open) return closed();
    // The form is one page of the list: "send inn" needs a stance here or among those stored for
    // the services it does not post (which its save leaves as they are).
    const side = pageOfForm(loaded.services, form);
    const posted = loaded.services.map((s) => s.id).filter((s) => form[stanceField(s)] !== undefined || form[commentField(s)] !== undefined);
    const answeredElsewhere = form.handling === 'send' ? await answeredOutside(db, id, kommune, posted) : 0;
    const parsed = reviewFormSchema(loaded.services.map((s) => s.id), { answeredElsewhere }).safeParse(form);
    if (!parsed.success) return page(c, id, kommune, { values: form, errors: formErrors(parsed.error) }, side);
    const { action, answers } = parsed.data;
    const outcome = await saveReviewDraft(db, callerOf(c), { roundId: id, municipalityNumber: kommune }, loaded.services, answers);
    if (outcome.kind === 'closed') return closed();
    if (outcome.kind === 'submitted') {
      return respondError(c, {
        status: 409,
        title: t('review.error.submittedTitle'),
        message: t('review.error.submittedMessage'),
      });
    }
    if (outcome.kind === 'conflict') {
      // The form comes back with this user's answers; the stored ones become its new basis, so
      // saving again deliberately keeps these answers.
      const errors: Record<string, string> = {};
      for (const serviceId of outcome.conflicts) errors[commentField(serviceId)] = t('review.error.conflict');
      return page(c, id, kommune, { values: withoutBasis(form), errors, status: 409 }, side);
    }
    const path = `/vurdering/runder/${id}/kommuner/${kommune}`;
    // Saved, the form comes back on the page it was posted from, or goes on to the one asked for.
    const to = onward !== undefined && onward <= pageCount(loaded.services.length, reviewPageSize) ? onward : side;
    return c.redirect(action === 'submit' ? `${path}/send-inn${notice === 'innlogget' ? '?innlogget' : ''}` : reviewHref(id, kommune, to, notice), 303);
  };

  return { page, save };
}

/** A municipality's review of a round: reading it, saving the whole form, and an architect reopening it. */
export function municipalityReviewRoutes(deps: AppDeps): Hono {
  const { db } = deps;
  const app = new Hono();
  const { page, save } = municipalityReview(deps);

  app.get('/vurdering/runder/:id/kommuner/:kommune', roundMunicipalityParam, roundPageQuery, (c) => {
    const { id, kommune } = c.req.valid('param');
    return page(c, id, kommune, {}, c.req.valid('query').side);
  });

  app.post('/vurdering/runder/:id/kommuner/:kommune', roundMunicipalityParam, onwardQuery, async (c) => {
    const { id, kommune } = c.req.valid('param');
    return save(c, id, kommune, await formInput(c), 'lagret', c.req.valid('query').videre);
  });

  app.post('/vurdering/runder/:id/kommuner/:kommune/gjenapne', roundMunicipalityParam, async (c) => {
    const { id, kommune } = c.req.valid('param');
    const outcome = await reopenSubmittedReview(db, callerOf(c), { roundId: id, municipalityNumber: kommune });
    const { t } = c.var.i18n;
    if (outcome === 'not-submitted') return respondError(c, { status: 409, title: t('review.error.notSubmittedTitle'), message: t('review.error.notSubmittedMessage') });
    if (outcome === 'closed') return respondError(c, { status: 409, title: t('review.error.closedTitle'), message: t('review.error.closedReopen') });
    return c.redirect(`/vurdering/runder/${id}/kommuner/${kommune}?gjenapnet`, 303);
  });

  return app;
}
