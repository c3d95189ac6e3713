import { Hono } from 'hono';
import type { AppDeps } from '../../deps.ts';
import { auditRoutes } from './audit.tsx';
import { inviteRoutes } from './invites.tsx';
import { adminOverviewRoutes } from './overview.tsx';
import { organisationRoutes } from './organisations.tsx';
import { userRoutes } from './users.tsx';

/** The administrators' pages; who may reach them is decided in `src/auth/policy.ts`. */
export function adminRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.route('/', adminOverviewRoutes());
  app.route('/', userRoutes(deps));
  app.route('/', inviteRoutes(deps));
  app.route('/', organisationRoutes(deps));
  app.route('/', auditRoutes(deps));
  return app;
}
