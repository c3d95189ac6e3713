import { Hono, type Context } from 'hono';
import { reviewProgress } from '../../../model/review/progress.ts';
import { roundState } from '../../../model/review/rounds.ts';
import { SubmitConfirmPage } from '../../../views/pages/review/submit.tsx';
import { reviewPageSize } from '../../../views/pages/review/municipality-review.tsx';
import type { FrozenService } from '../../../model/review/types.ts';
import { callerOf } from '../../auth/context.ts';
import { draftFingerprint, submitReviewDraft } from '../../commands/review.ts';
import { municipalityByNumber } from '../../db/queries/review/intentions.ts';
import { reviewOf } from '../../db/queries/review/reviews.ts';
import type { AppDeps } from '../../deps.ts';
import { formInput } from '../../http/forms.ts';
import { notFound, respond, respondError } from '../../http/render.tsx';
import { abilitiesOf, loadRound, noMunicipality, noRound, roundMunicipalityParam } from './common.ts';


const closed = (c: Context) =>
  respondError(c, { status: 409, title: c.var.i18n.t('review.error.closedTitle'), message: c.var.i18n.t('review.error.closedSubmit') });

/**
 * Submitting a municipality's review, in two steps: a page that says what is unanswered and what
 * submitting means, and the confirmation, which submits the stored draft only if it is still
 * what the page showed.
 */
export function submitRoutes(deps: AppDeps): Hono {
  const { db } = deps;
  const app = new Hono();

  const confirmation = async (c: Context, id: number, kommune: string, shown: { changed?: boolean; status?: 200 | 409 | 422 } = {}) => {
    const [loaded, municipality, stored] = await Promise.all([loadRound(db, id), municipalityByNumber(db, kommune), reviewOf(db, id, kommune)]);
    if (!loaded) return notFound(c, noRound(c));
    if (!municipality) return notFound(c, noMunicipality(c));
    if (!roundState(loaded.round, c.var.clock()).open) return closed(c);
    if (stored?.review.status === 'submitted') return c.redirect(`/vurdering/runder/${id}/kommuner/${kommune}`, 303);
    const entries = stored?.entries ?? [];
    const progress = reviewProgress(loaded.services, entries);
    // The review form shows its services a page at a time: a link to a service goes to its page.
    const index = new Map(loaded.services.map((s, i) => [s.id, i]));
    const pageOf = (s: FrozenService) => Math.floor((index.get(s.id) ?? 0) / reviewPageSize) + 1;
    return respond(c, {
      title: c.var.i18n.t('review.submit.title'),
      status: shown.status ?? (progress.problems.length > 0 ? 422 : 200),
      body: (
        <SubmitConfirmPage
          round={loaded.round}
          municipality={municipality}
          abilities={abilitiesOf(c, deps)}
          progress={progress}
          pageOf={pageOf}
          fingerprint={stored ? draftFingerprint(entries) : null}
          changed={shown.changed}
          notice={c.req.query('innlogget') !== undefined ? c.var.i18n.t('review.notice.signedInAgain') : undefined}
        />
      ),
    });
  };

  app.get('/vurdering/runder/:id/kommuner/:kommune/send-inn', roundMunicipalityParam, (c) => {
    const { id, kommune } = c.req.valid('param');
    return confirmation(c, id, kommune);
  });

  app.post('/vurdering/runder/:id/kommuner/:kommune/send-inn', roundMunicipalityParam, async (c) => {
    const { id, kommune } = c.req.valid('param');
    const confirmed = (await formInput(c)).bekreft ?? '';
    const [loaded, municipality] = await Promise.all([loadRound(db, id), municipalityByNumber(db, kommune)]);
    if (!loaded) return notFound(c, noRound(c));
    if (!municipality) return notFound(c, noMunicipality(c));
    const now = c.var.clock();
    if (!roundState(loaded.round, now).open) return closed(c);
    const outcome = await submitReviewDraft(db, callerOf(c), { roundId: id, municipalityNumber: kommune }, loaded.services, confirmed);
    if (outcome === 'closed') return closed(c);
    // A second click on the button finds it submitted: the same outcome as the first.
    if (outcome === 'done' || outcome === 'already') return c.redirect(`/vurdering/runder/${id}/kommuner/${kommune}?sendt`, 303);
    return confirmation(c, id, kommune, outcome === 'changed' ? { changed: true, status: 409 } : { status: 422 });
  });

  return app;
}
