import { Hono } from 'hono';
import { toModelExport } from '../../model/export.ts';
import { loadScopeModel } from '../db/queries/model.ts';
import type { AppDeps } from '../deps.ts';

/** Read-only JSON. The shape is documented in README.md and validated by `modelExportSchema`. */
export function apiRoutes({ db, now }: AppDeps): Hono {
  const app = new Hono();
  app.get('/api/model', async (c) => {
    const model = await loadScopeModel(db);
    return c.json(toModelExport(model, now()));
  });
  return app;
}
