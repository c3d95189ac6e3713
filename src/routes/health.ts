import { Hono } from 'hono';
import { isMigrated } from '../db/index.ts';
import type { AppDeps } from '../deps.ts';

export function healthRoutes({ db }: AppDeps): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    const ready = await isMigrated(db).catch(() => false);
    return ready ? c.json({ status: 'ok' }) : c.json({ status: 'starting' }, 503);
  });
  return app;
}
