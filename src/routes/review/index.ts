import { Hono } from 'hono';
import type { SignedOutAnswers } from '../../auth/middleware.tsx';
import type { AppDeps } from '../../deps.ts';
import { autosaveRoutes } from './autosave.tsx';
import { dashboardRoutes } from './dashboard.tsx';
import { intentionRoutes } from './intention.tsx';
import { municipalityReviewRoutes } from './municipality.tsx';
import { roundRoutes } from './rounds.tsx';
import { signedOutReview, signedOutRoutes } from './signed-out.tsx';
import { submitRoutes } from './submit.tsx';

/** Everything under /vurdering: rounds, municipalities' reviews, intention declarations and the dashboard. */
export function reviewRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.route('/', roundRoutes(deps));
  app.route('/', municipalityReviewRoutes(deps));
  app.route('/', autosaveRoutes(deps));
  app.route('/', submitRoutes(deps));
  app.route('/', signedOutRoutes(deps));
  app.route('/', intentionRoutes(deps));
  app.route('/', dashboardRoutes(deps));
  return app;
}

/** What the review's form posts get when the session has ended: the typed answers back, with a way to sign in (see `signed-out.tsx`). */
export function reviewSignedOutAnswers(deps: AppDeps): SignedOutAnswers {
  return signedOutReview(deps).answers;
}
