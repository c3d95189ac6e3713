import { Hono } from 'hono';
import type { Db } from './db/index.ts';
import type { AppDeps } from './deps.ts';
import { notFound, respondError } from './http/render.tsx';
import { apiRoutes } from './routes/api.ts';
import { assetRoutes } from './routes/assets.ts';
import { diagramRoutes } from './routes/diagrams.tsx';
import { healthRoutes } from './routes/health.ts';
import { scopeRoutes } from './routes/scope.tsx';

export interface CreateAppOptions {
  db: Db;
  now?: () => Date;
  /** Where unexpected errors are reported; the user only ever sees a friendly page. */
  logError?: (error: unknown) => void;
}

/** Builds the whole application from its parts. `server.ts` only starts it. */
export function createApp(options: CreateAppOptions): Hono {
  const deps: AppDeps = { db: options.db, now: options.now ?? (() => new Date()) };
  const logError = options.logError ?? ((error: unknown) => console.error(error));
  const app = new Hono();

  app.route('/', assetRoutes());
  app.route('/', healthRoutes(deps));
  app.route('/', apiRoutes(deps));
  // Before the scope routes, whose `/:kindPath/:key` would otherwise take /diagrammer/….
  app.route('/', diagramRoutes(deps));
  app.route('/', scopeRoutes(deps));

  app.notFound((c) => notFound(c, 'Det finnes ingen side med den adressen.'));
  app.onError((error, c) => {
    logError(error);
    if (c.req.path.startsWith('/api/')) return c.json({ error: 'Noe gikk galt på serveren. Prøv igjen senere.' }, 500);
    return respondError(c, {
      status: 500,
      title: 'Noe gikk galt',
      message: 'Det oppstod en feil på serveren. Feilen er logget. Prøv igjen, eller gå tilbake til oversikten.',
    });
  });
  return app;
}
