import { Hono } from 'hono';
import { AdminOverviewPage } from '../../../views/pages/admin/common.tsx';
import { respond } from '../../http/render.tsx';

export function adminOverviewRoutes(): Hono {
  const app = new Hono();
  app.get('/admin', (c) => respond(c, { title: c.var.i18n.t('admin.title'), body: <AdminOverviewPage /> }));
  return app;
}
