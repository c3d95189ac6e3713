import { Hono } from 'hono';
import type { AppDeps } from '../../deps.ts';
import { applyProposalRoutes } from './apply-proposal.tsx';
import { commentChangeRoutes } from './comment-changes.tsx';
import { commentRoutes } from './comments.tsx';
import { reportRoutes } from './report.tsx';
import { roundRoutes } from './rounds.tsx';

/**
 * Consultation (høring) under /horing. The order matters where patterns overlap: the report and
 * the organisation page before `/horing/:id`, `…/kommentarer/ny` before `…/kommentarer/:kommentar`.
 */
export function consultationRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.route('/', reportRoutes(deps));
  app.route('/', commentRoutes(deps));
  app.route('/', commentChangeRoutes(deps));
  app.route('/', applyProposalRoutes(deps));
  app.route('/', roundRoutes(deps));
  return app;
}
