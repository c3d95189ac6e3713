import { Hono } from 'hono';
import type { AppDeps } from '../../deps.ts';
import { dashboardRoutes } from './dashboard.tsx';
import { intentionRoutes } from './intention.tsx';
import { municipalityReviewRoutes } from './municipality.tsx';
import { roundRoutes } from './rounds.tsx';

/** Everything under /vurdering: rounds, municipalities' reviews, intention declarations and the dashboard. */
export function reviewRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.route('/', roundRoutes(deps));
  app.route('/', municipalityReviewRoutes(deps));
  app.route('/', intentionRoutes(deps));
  app.route('/', dashboardRoutes(deps));
  return app;
}
