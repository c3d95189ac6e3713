import { Hono } from 'hono';
import { toArchimateXml } from '../../model/exchange/archimate.ts';
import { loadScopeModel } from '../db/queries/model.ts';
import type { AppDeps } from '../deps.ts';

/** Files for other tools: the whole scope, so these are the routes that may read all of it. */
export function exchangeRoutes({ db, now }: AppDeps): Hono {
  const app = new Hono();
  app.get('/eksport/archimate.xml', async (c) => {
    const model = await loadScopeModel(db);
    const at = now();
    c.header('Content-Type', 'application/xml; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="akson-omfang-${at.toISOString().slice(0, 10)}.archimate.xml"`);
    c.header('Cache-Control', 'no-store');
    return c.body(toArchimateXml(model, { title: 'Akson: løsningsomfang', exportedAt: at }));
  });
  return app;
}
