import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { loginInputSchema, municipalityNumberSchema } from '../../../model/accounts.ts';
import { pageNumberSchema } from '../../../model/filters.ts';
import { roundIdSchema } from '../../../model/review/schemas.ts';
import type { FieldErrors } from '../../../views/components/form.tsx';
import { AnswerSignedOut } from '../../../views/pages/review/answer.tsx';
import { SignedOutReviewPage, type CarriedAnswer } from '../../../views/pages/review/signed-out.tsx';
import { auditActor, callerOf } from '../../auth/context.ts';
import { readSessionToken, writeSessionCookie } from '../../auth/cookie.ts';
import { paramsOf, type SignedOutAnswers } from '../../auth/middleware.tsx';
import { grantFor, ownershipHolds } from '../../auth/policy.ts';
import { recordRefusedRequest } from '../../commands/refused-requests.ts';
import { resumeSession } from '../../commands/sessions.ts';
import { signIn } from '../../commands/sign-in.ts';
import { throttledText } from '../../../views/pages/login.tsx';
import { municipalityByNumber } from '../../db/queries/review/intentions.ts';
import { frozenServices, roundById } from '../../db/queries/review/rounds.ts';
import type { AppDeps } from '../../deps.ts';
import { fieldErrors, formInput } from '../../http/forms.ts';
import { respond, respondError } from '../../http/render.tsx';
import { holds, roundMunicipalityParam } from './common.ts';
import { municipalityReview } from './municipality.tsx';

/**
 * When a session times out, what the municipality typed must not be lost. A review form posted
 * without a session comes back with everything in it and a way to sign in again; signing in there
 * saves it in the draft. An answer saved on its own (htmx) says so in its status line and offers
 * the same way. CSRF is checked before any of this, and the ownership check after signing in is
 * the same as for the form itself.
 */

const reviewPattern = '/vurdering/runder/:id/kommuner/:kommune';
const reviewParams = z.object({ id: roundIdSchema, kommune: municipalityNumberSchema });
const answerField = /^(standpunkt|kommentar|vist)-(\d{1,9})$/;

/** The review's own fields from a posted form (never a password or anything else), to be posted again. */
function carriedFields(form: Record<string, string>): Record<string, string> {
  const fields: Record<string, string> = {};
  if (form.handling === 'lagre' || form.handling === 'send') fields.handling = form.handling;
  for (const [name, value] of Object.entries(form)) if (answerField.test(name)) fields[name] = value;
  return fields;
}

/** «Lagre og gå til side N» (`?videre=N`) of the post that timed out, carried through signing in again; nothing when not a page number. */
function onwardOf(c: Context): number | undefined {
  const parsed = pageNumberSchema.optional().safeParse(c.req.query('videre'));
  return parsed.success ? parsed.data : undefined;
}

interface Shown {
  status: 401 | 422 | 429;
  email?: string | undefined;
  errors?: FieldErrors | undefined;
  problem?: string | undefined;
}

export function signedOutReview(deps: AppDeps) {
  const { db, config } = deps;

  /** The form's answers and a way to sign in; the round's list only for a visitor who may read it. */
  const page = async (c: Context, id: number, kommune: string, form: Record<string, string>, shown: Shown) => {
    const fields = carriedFields(form);
    const visible = holds(c, deps, 'review.read');
    const [round, services, municipality] = visible ? await Promise.all([roundById(db, id), frozenServices(db, id), municipalityByNumber(db, kommune)]) : [undefined, [], undefined];
    const byId = new Map(services.map((s) => [s.id, s]));
    const ids = [...new Set(Object.keys(fields).flatMap((k) => answerField.exec(k)?.[2] ?? []).map(Number))];
    const position = (n: number) => byId.get(n)?.position ?? Number.MAX_SAFE_INTEGER;
    const answers: CarriedAnswer[] = ids
      .sort((a, b) => position(a) - position(b) || a - b)
      .map((n) => ({ serviceName: byId.get(n)?.name ?? null, stance: fields[`standpunkt-${n}`] ?? '', comment: fields[`kommentar-${n}`] ?? '' }))
      .filter((a) => a.stance !== '' || a.comment.trim() !== '');
    return respond(c, {
      title: c.var.i18n.t('review.signedOut.title'),
      status: shown.status,
      body: (
        <SignedOutReviewPage
          action={`/vurdering/runder/${id}/kommuner/${kommune}/logg-inn${onwardOf(c) === undefined ? '' : `?videre=${onwardOf(c)}`}`}
          round={round ?? null}
          municipalityName={municipality?.name ?? null}
          idleMinutes={config.SESSION_IDLE_MINUTES}
          fields={fields}
          answers={answers}
          submitting={fields.handling === 'send'}
          email={shown.email}
          errors={shown.errors}
          problem={shown.problem}
        />
      ),
    });
  };

  /** For the middleware: what a review post without a session gets instead of a bare 401. */
  const answers: SignedOutAnswers = {
    [`POST ${reviewPattern}`]: async (c) => {
      const params = reviewParams.safeParse(paramsOf(reviewPattern, c.req.path));
      if (!params.success) return respondError(c, { status: 401, title: c.var.i18n.t('review.signedOut.mustSignIn'), message: c.var.i18n.t('review.signedOut.mustSignInMessage') });
      return page(c, params.data.id, params.data.kommune, await formInput(c), { status: 401 });
    },
    [`POST ${reviewPattern}/tjenester/:tjeneste`]: (c) => c.html(<AnswerSignedOut minutes={config.SESSION_IDLE_MINUTES} />, 401),
  };

  return { page, answers };
}

/** Signing in again from the page a timed-out review post got, and saving what it carried. */
export function signedOutRoutes(deps: AppDeps): Hono {
  const { db, config } = deps;
  const app = new Hono();
  const { page } = signedOutReview(deps);
  const { save } = municipalityReview(deps);

  app.post(`${reviewPattern}/logg-inn`, roundMunicipalityParam, async (c) => {
    const { id, kommune } = c.req.valid('param');
    const form = await formInput(c);
    const parsed = loginInputSchema.safeParse(form);
    if (!parsed.success) return page(c, id, kommune, form, { status: 422, email: form.email, errors: fieldErrors(parsed.error) });
    const actor = callerOf(c);
    const result = await signIn(db, config, actor, { ...parsed.data, previousToken: readSessionToken(c, config) });
    if (result.kind === 'limited') {
      c.header('Retry-After', String(Math.ceil((result.until.getTime() - actor.at.getTime()) / 1000)));
      const problem = throttledText(c.var.i18n.t, result.until, actor.at);
      return page(c, id, kommune, form, { status: 429, email: parsed.data.email, problem });
    }
    if (result.kind === 'failed') {
      return page(c, id, kommune, form, { status: 401, email: parsed.data.email, problem: c.var.i18n.t('auth.wrongCredentials') });
    }
    writeSessionCookie(c, config, result.token);
    const session = await resumeSession(db, result.token, auditActor(c), config);
    if (!('viewer' in session)) throw new Error('Økten som nettopp ble startet, finnes ikke.');
    const viewer = session.viewer;
    c.set('viewer', viewer);
    // The same rule as for posting the form itself: a municipality's own review, and no one else's.
    const grant = grantFor('review.write', viewer.role, { publicRead: config.PUBLIC_READ });
    if (!grant || !ownershipHolds(grant, viewer, { municipalityNumber: kommune })) {
      await recordRefusedRequest(db, callerOf(c), c.req, 'ownership:review.write');
      return respondError(c, {
        status: 403,
        title: c.var.i18n.t('review.signedOut.noAccess'),
        message: c.var.i18n.t('review.signedOut.notOwn', { name: viewer.name }),
      });
    }
    return save(c, id, kommune, carriedFields(form), 'innlogget', onwardOf(c));
  });

  return app;
}
