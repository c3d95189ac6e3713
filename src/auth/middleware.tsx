import type { Child } from 'hono/jsx';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { OwnershipDenied } from '../commands/errors.ts';
import { apiError, isApiPath } from '../http/api-error.ts';
import { recordApiTokenUse } from '../commands/api-tokens.ts';
import { recordRefusedRequest } from '../commands/refused-requests.ts';
import { resumeSession } from '../commands/sessions.ts';
import { bearerToken, lookupApiToken } from './api-tokens.ts';
import type { AppDeps } from '../deps.ts';
import { i18nOf, isFragmentRequest, respondError } from '../http/render.tsx';
import { clientAddressOf, unsafeMethod } from '../http/security.ts';
import { viewerLanguage } from '../http/language.ts';
import { auditActor, callerOf } from './context.ts';
import { clearSessionCookie, readSessionToken } from './cookie.ts';
import { actionFor, grantFor, municipalityParam, ownershipHolds, type Action, type Owner } from './policy.ts';

/** The route that will answer this request (its method and Hono path pattern), if any does. */
export function answeringRoute(c: Context): { method: string; path: string } | undefined {
  return matchedRoutes(c).find((r) => r.method !== 'ALL');
}

/** A path segment decoded; one that is not valid percent-encoding stays as it is (and matches nothing). */
function decodeOrKeep(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The values of a pattern's `:name` segments in a concrete path. */
export function paramsOf(pattern: string, path: string): Record<string, string> {
  const names = pattern.split('/');
  const values = path.split('/');
  const params: Record<string, string> = {};
  names.forEach((segment, i) => {
    const name = /^:(\w+)/.exec(segment)?.[1];
    const value = values[i];
    if (name && value !== undefined) params[name] = decodeOrKeep(value);
  });
  return params;
}

/** Sets what every later step reads: the clock, the client address, nobody signed in yet. */
export function requestContext({ config, now }: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    c.set('clock', now);
    c.set('clientAddress', clientAddressOf(c, config));
    c.set('viewer', null);
    c.set('policy', undefined);
    await next();
  };
}

/** Finds the signed-in user from the session cookie; a dead session's cookie is cleared. */
export function loadViewer({ db, config }: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    const route = answeringRoute(c);
    const action = route && actionFor(route.method, route.path);
    // Scripts send a personal API token instead of a cookie, to the JSON API only.
    const bearer = isApiPath(c.req.path) ? bearerToken(c.req.header('Authorization')) : undefined;
    if (bearer !== undefined) {
      const viewer = await lookupApiToken(db, bearer);
      if (!viewer?.apiToken) {
        await recordRefusedRequest(db, callerOf(c), c.req, 'api-token');
        // Answered before the language middleware: in the language the script asks for (Accept-Language).
        return apiError(c, 401, 'unauthorized', i18nOf(c).t('errors.api.unknownToken'));
      }
      c.set('viewer', viewer);
      if (viewer.apiToken.readOnly && unsafeMethod(c.req.method)) {
        await recordRefusedRequest(db, callerOf(c), c.req, 'read-only token');
        // The token's user is known: their saved language first, as the API's other errors (requestLanguage).
        return apiError(c, 403, 'read_only', viewerLanguage(c).t('errors.api.readOnlyToken'));
      }
      await recordApiTokenUse(db, callerOf(c), viewer.apiToken, { method: c.req.method, path: c.req.path });
      await next();
      return;
    }
    const token = action === 'static' ? undefined : readSessionToken(c, config);
    if (token) {
      const found = await resumeSession(db, token, auditActor(c), config);
      if ('viewer' in found) c.set('viewer', found.viewer);
      else clearSessionCookie(c, config);
    }
    await next();
    // What a signed-in user sees is theirs, and a page at a secret link (invitation, new password)
    // names its owner: no copy left in a shared computer's cache or a proxy.
    const secretLink = route?.path.includes(':token') ?? false;
    if ((c.var.viewer || secretLink) && !c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  };
}

/**
 * Answers for a visitor who is not (or no longer) signed in, by `METHOD /pattern`, in place of the
 * plain 401: e.g. a form posted after the session timed out, answered with what was typed and a
 * way to sign in again, so nothing typed is lost. The refusal is recorded as any other.
 */
export type SignedOutAnswers = Record<string, (c: Context) => Response | Promise<Response>>;

/**
 * Consults the policy table for the route that will answer. A route without an entry is refused
 * (and reported), so forgetting the table fails closed. Ownership grants on routes with a
 * `:kommune` parameter are checked here. On other routes a change is checked by its use case
 * (`src/commands/`), which refuses before it writes; a page that only shows the owner's thing
 * calls `requireOwnership`. That either happened is verified after the handler ran.
 */
export function enforcePolicy(deps: AppDeps, signedOut: SignedOutAnswers = {}): MiddlewareHandler {
  return async (c, next) => {
    const route = answeringRoute(c);
    if (!route) return next(); // nothing answers: the not-found page
    const action: Action | undefined = actionFor(route.method, route.path);
    if (!action) {
      deps.logError(new Error(`Ruten ${route.method} ${route.path} mangler i tilgangstabellen (src/auth/policy.ts).`));
      return denyRequest(c, deps, 'no-policy');
    }
    const viewer = c.var.viewer;
    const grant = grantFor(action, viewer?.role ?? 'anonymous', { publicRead: deps.config.PUBLIC_READ });
    if (!grant) return denyRequest(c, deps, `policy:${action}`, signedOut[`${route.method} ${route.path}`]);

    let ownershipChecked = grant === 'allow' || grant === 'public-read';
    const municipality = paramsOf(route.path, c.req.path)[municipalityParam];
    if (!ownershipChecked && grant === 'own-municipality' && municipality !== undefined) {
      if (!ownershipHolds(grant, viewer, { municipalityNumber: municipality })) return denyRequest(c, deps, `ownership:${action}`);
      ownershipChecked = true;
    }
    const policy = { action, grant, ownershipChecked, route: `${route.method} ${route.path}` };
    c.set('policy', policy);
    await next();
    if (!policy.ownershipChecked) {
      throw new Error(`${route.method} ${route.path} har eierskapsregel (${grant}), men handleren kalte aldri requireOwnership.`);
    }
  };
}

/** Thrown by `requireOwnership`; the app answers it as a refused request, as it does a use case's refusal. */
export class AccessDenied extends OwnershipDenied {}

/**
 * For routes whose grant depends on ownership: call once the resource's owner is known.
 * Refuses (403, recorded) unless the signed-in user owns it; roles granted `allow` always pass.
 */
export function requireOwnership(c: Context, owner: Owner): void {
  const policy = c.var.policy;
  if (!policy) throw new Error('requireOwnership brukt utenfor en rute i tilgangstabellen.');
  policy.ownershipChecked = true;
  if (!ownershipHolds(policy.grant, c.var.viewer, owner)) throw new AccessDenied(`ownership:${policy.action}`);
}

/**
 * Answers a refused request and records it. Anonymous visitors are sent to sign in (a page
 * request) or told to (anything else); signed-in users are told their role does not reach.
 */
export async function denyRequest(c: Context, { db }: Pick<AppDeps, 'db'>, reason: string, signedOut?: SignedOutAnswers[string]): Promise<Response> {
  await recordRefusedRequest(db, callerOf(c), c.req, reason);
  const viewer = c.var.viewer;
  const api = c.req.path.startsWith('/api/');
  const { t, tx } = i18nOf(c);
  if (reason.startsWith('csrf')) {
    const message = t('errors.csrf.message');
    if (api) return apiError(c, 403, 'forbidden', message);
    return respondError(c, { status: 403, title: t('errors.csrf.title'), message });
  }
  if (!viewer) {
    if (api) return apiError(c, 401, 'unauthorized', t('errors.api.signIn'));
    if (signedOut) return signedOut(c);
    // The front page is no page to come back to: without a return path each role lands on its own start.
    // As sent (percent-encoded), so that a path with æ, ø or å is still a valid return path.
    const url = new URL(c.req.url);
    const back = url.pathname + url.search;
    const login = back === '/' ? '/login' : `/login?neste=${encodeURIComponent(back)}`;
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && !isFragmentRequest(c)) return c.redirect(login, 303);
    if (isFragmentRequest(c)) c.header('HX-Redirect', login);
    return respondError(c, {
      status: 401,
      message: tx<Child>('errors.signInNeeded', {
        login: (text) => (
          <a class="ds-link" href={login}>
            {text}
          </a>
        ),
      }),
    });
  }
  const message = t(reason.startsWith('ownership') ? 'errors.forbidden.ownership' : 'errors.forbidden.role');
  if (api) return apiError(c, 403, 'forbidden', message);
  return respondError(c, { status: 403, message });
}
