import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { contextStorage } from 'hono/context-storage';
import { HTTPException } from 'hono/http-exception';
import { denyRequest, enforcePolicy, loadViewer, requestContext } from './auth/middleware.tsx';
import { loadConfig, type Config } from './config.ts';
import type { Db } from './db/index.ts';
import { isRetryable, isUnavailable } from './db/errors.ts';
import type { AppDeps } from './deps.ts';
import { NotFound, PermissionDenied, RuleRefused, spoken, StaleVersion } from './commands/errors.ts';
import { databaseFault } from './http/faults.ts';
import { apiError, isApiPath } from './http/api-error.ts';
import { keptPages, versionedPages } from './http/page-cache.ts';
import { i18nOf, notFound, respondError } from './http/render.tsx';
import { isMessageKey } from '../views/i18n/issues.ts';
import { compression } from './http/compression.ts';
import { browserLanguage, requestLanguage } from './http/language.ts';
import { sameOriginWrites, securityHeaders } from './http/security.ts';
import { adminRoutes } from './routes/admin/index.ts';
import { apiRoutes } from './routes/api.ts';
import { apiDocsRoutes } from './routes/api-docs.tsx';
import { apiTokenRoutes } from './routes/api-tokens.tsx';
import { apiWriteRoutes } from './routes/api-writes.ts';
import { assetRoutes } from './routes/assets.ts';
import { authRoutes } from './routes/auth.tsx';
import { consultationRoutes } from './routes/consultation/index.ts';
import { diagramRoutes } from './routes/diagrams.tsx';
import { healthRoutes } from './routes/health.ts';
import { languageRoutes } from './routes/language.tsx';
import { editRoutes } from './routes/edit.tsx';
import { elementLinkRoutes } from './routes/element-links.tsx';
import { exchangeRoutes } from './routes/exchange.ts';
import { importRoutes } from './routes/import.tsx';
import { linkRoutes } from './routes/links.tsx';
import { requirementRoutes } from './routes/requirements.tsx';
import { requirementStructureRoutes } from './routes/requirement-structure.tsx';
import { requirementListRoutes } from './routes/requirement-list.tsx';
import { traceabilityRoutes } from './routes/traceability.tsx';
import { baselineRoutes } from './routes/baselines.tsx';
import { reviewRoutes, reviewSignedOutAnswers } from './routes/review/index.ts';
import { scopeRoutes } from './routes/scope.tsx';
import { linkTargetRoutes } from './routes/link-targets.tsx';
import { searchRoutes } from './routes/search.tsx';
import { localiseZodMessages } from './http/zod-messages.ts';

export interface CreateAppOptions {
  db: Db;
  /** Settings; the defaults (as for an empty environment) when left out. */
  config?: Config;
  /** The clock sessions, expiry, invitations and the sign-in limit use; tests pass their own. */
  now?: () => Date;
  /** Where unexpected errors are reported; the user only ever sees a friendly page. */
  logError?: (error: unknown) => void;
}

/** The largest request body the app reads: 1 MiB, far above any form's. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Builds the whole application from its parts. `server.ts` only starts it. */
export function createApp(options: CreateAppOptions): Hono {
  localiseZodMessages();
  const deps: AppDeps = {
    db: options.db,
    config: options.config ?? loadConfig({}),
    now: options.now ?? (() => new Date()),
    logError: options.logError ?? ((error: unknown) => console.error(error)),
  };
  const app = new Hono();

  // Every request that no kept page answers (see the end), in this order: keeping an anonymous
  // reader's page, compression (last to see the answer), headers, who is asking, its language,
  // same-origin writes, the policy.
  const kept = keptPages(deps, { cacheBytes: deps.config.PAGE_CACHE_MB * 1024 * 1024 });
  app.use('*', kept.keep);
  app.use('*', compression());
  // Makes the request reachable from views (`useI18n()` reads its language from it).
  app.use('*', contextStorage());
  app.use('*', securityHeaders());
  // No form here is near this size; a larger body is refused before anything reads it.
  const formLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => {
      // The rest of the body is never read, so the server drops the connection: say so, or the
      // client sends its next request into a closed socket.
      c.header('Connection', 'close');
      // Refused before the viewer and the language are known: answered in the language the browser asks for.
      c.set('i18n', browserLanguage(c));
      const { t } = i18nOf(c);
      return respondError(c, { status: 413, title: t('errors.title.413'), message: t('errors.tooLarge.message') });
    },
  });
  // The spreadsheet upload has its own, larger limit on its route (src/routes/import.tsx).
  app.use('*', (c, next) => (c.req.method === 'POST' && c.req.path === '/import' ? next() : formLimit(c, next)));
  app.use('*', requestContext(deps));
  app.use('*', loadViewer(deps));
  app.use('*', requestLanguage());
  app.use('*', sameOriginWrites(deps.config, (c, reason) => denyRequest(c, deps, `csrf:${reason}`)));
  app.use('*', enforcePolicy(deps, reviewSignedOutAnswers(deps)));
  // Only for what the policy let through: ETag/304 by the model's version; an anonymous reader's page offered to keptPages.
  app.use('*', versionedPages(deps));

  // The specific paths before scopeRoutes, whose `/:kindPath` would otherwise answer them.
  app.route('/', assetRoutes());
  app.route('/', healthRoutes(deps));
  app.route('/', authRoutes(deps));
  app.route('/', languageRoutes(deps));
  app.route('/', adminRoutes(deps));
  app.route('/', apiDocsRoutes(deps));
  app.route('/', apiTokenRoutes(deps));
  app.route('/', apiWriteRoutes(deps));
  app.route('/', apiRoutes(deps));
  app.route('/', exchangeRoutes(deps));
  app.route('/', importRoutes(deps));
  app.route('/', diagramRoutes(deps));
  app.route('/', reviewRoutes(deps));
  app.route('/', consultationRoutes(deps));
  app.route('/', searchRoutes(deps));
  app.route('/', linkTargetRoutes(deps));
  // Specific paths before the generic `/:kind/:key` patterns of the workspace and the pages.
  app.route('/', baselineRoutes(deps));
  app.route('/', requirementStructureRoutes(deps));
  app.route('/', requirementListRoutes(deps));
  app.route('/', traceabilityRoutes(deps));
  app.route('/', requirementRoutes(deps));
  app.route('/', linkRoutes(deps));
  app.route('/', elementLinkRoutes(deps));
  app.route('/', editRoutes(deps));
  app.route('/', scopeRoutes(deps));

  app.notFound((c) =>
    isApiPath(c.req.path) ? apiError(c, 404, 'not_found', i18nOf(c).t('errors.notFound.api')) : notFound(c, i18nOf(c).t('errors.notFound.page')),
  );
  app.onError((error, c) => {
    // A fault before the language middleware ran (e.g. while the session is read): the page around
    // the message speaks the browser's language too, not bokmål.
    if (!c.get('i18n')) c.set('i18n', browserLanguage(c));
    const { t } = i18nOf(c);
    // A use case's refusal, where the route had no better page for it: nothing was written.
    if (error instanceof PermissionDenied) return denyRequest(c, deps, error.reason);
    if (error instanceof NotFound) {
      const message = spoken(error, i18nOf(c)) || t('errors.notFound.gone');
      return isApiPath(c.req.path) ? apiError(c, 404, 'not_found', message) : notFound(c, message);
    }
    if (error instanceof StaleVersion && isApiPath(c.req.path)) return apiError(c, 409, 'conflict', spoken(error, i18nOf(c)));
    if (error instanceof RuleRefused && isApiPath(c.req.path)) return apiError(c, 409, 'conflict', spoken(error, i18nOf(c)));
    if (error instanceof StaleVersion) return respondError(c, { status: 409, title: t('errors.stale.title'), message: spoken(error, i18nOf(c)) });
    if (error instanceof RuleRefused) return respondError(c, { status: 409, title: error.titleIn(i18nOf(c)), message: spoken(error, i18nOf(c)) });
    // PostgreSQL kept reporting a lost race (serialization failure) after the retries: someone else saved at the same time.
    if (isRetryable(error)) {
      return respondError(c, { status: 409, title: t('errors.busy.title'), message: t('errors.busy.message') });
    }
    // The database could not do it (full, read-only, locked too long, connection lost): say which.
    const fault = databaseFault(error);
    if (fault) {
      deps.logError(new Error(`Databasefeil ved ${c.req.method} ${c.req.path}: ${fault.cause}`, { cause: error }));
      if (fault.retryAfter) c.header('Retry-After', String(fault.retryAfter));
      // The message alone says it all (what happened, that nothing was saved): no title glued on with «. ».
      if (isApiPath(c.req.path)) return apiError(c, fault.status, 'unavailable', t(fault.message));
      return respondError(c, { status: fault.status, title: t(fault.title), message: t(fault.message) });
    }
    // A request we refuse on purpose (e.g. a body that is not a form) is answered, not logged.
    if (error instanceof HTTPException && error.status < 500) {
      // A refusal thrown with a catalogue key as its message (src/http/forms.ts) is said in the reader's language.
      const message = isMessageKey(error.message) ? t(error.message) : error.message;
      if (isApiPath(c.req.path)) return apiError(c, error.status, 'bad_request', message);
      return respondError(c, { status: error.status, message });
    }
    if (isUnavailable(error)) {
      // The database is restarting or unreachable (the pool reconnects by itself): nothing was
      // saved, and trying again shortly works.
      deps.logError(error);
      const message = t('errors.unavailable.message');
      c.header('Retry-After', '2');
      if (isApiPath(c.req.path)) return apiError(c, 503, 'unavailable', message);
      return respondError(c, { status: 503, message });
    }
    deps.logError(error);
    if (isApiPath(c.req.path)) return apiError(c, 500, 'server_error', t('errors.server.message'));
    return respondError(c, { status: 500, message: t('errors.server.page') });
  });
  // A kept page goes to an anonymous reader before the router and any middleware run (src/http/page-cache.ts).
  const dispatch = app.fetch;
  app.fetch = (request, env, executionCtx) => {
    const answered = kept.answer(request, env);
    if (answered === undefined) return dispatch(request, env, executionCtx);
    if (answered instanceof Promise) return answered.then((res) => res ?? dispatch(request, env, executionCtx));
    return answered;
  };
  return app;
}

