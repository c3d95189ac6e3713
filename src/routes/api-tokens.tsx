import { Hono } from 'hono';
import { z } from 'zod';
import { apiTokenInputSchema } from '../../model/exchange/api-tokens.ts';
import { ApiTokensPage } from '../../views/pages/api-tokens.tsx';
import { listApiTokens } from '../auth/api-tokens.ts';
import { callerOf } from '../auth/context.ts';
import { createApiToken, revokeApiToken } from '../commands/api-tokens.ts';
import type { AppDeps } from '../deps.ts';
import { fieldErrors, formInput } from '../http/forms.ts';
import { respond } from '../http/render.tsx';
import { validParams } from '../http/validate.ts';

/** The signed-in user's own API tokens (`/konto/tokener`). */
export function apiTokenRoutes({ db }: AppDeps): Hono {
  const app = new Hono();

  app.get('/konto/tokener', async (c) => {
    const tokens = await listApiTokens(db, c.var.viewer!.id);
    return respond(c, { title: c.var.i18n.t('api.tokens.title'), body: <ApiTokensPage tokens={tokens} /> });
  });

  app.post('/konto/tokener', async (c) => {
    const form = await formInput(c);
    const parsed = apiTokenInputSchema.safeParse(form);
    if (!parsed.success) {
      const tokens = await listApiTokens(db, c.var.viewer!.id);
      return respond(c, {
        title: c.var.i18n.t('api.tokens.title'),
        status: 422,
        body: <ApiTokensPage tokens={tokens} form={{ name: form.name ?? '', readOnly: form.readOnly === 'on' }} errors={fieldErrors(parsed.error)} />,
      });
    }
    const created = await createApiToken(db, callerOf(c), parsed.data);
    const tokens = await listApiTokens(db, c.var.viewer!.id);
    // The secret is in this one answer and nowhere else: no caching, no redirect that loses it.
    c.header('Cache-Control', 'no-store');
    return respond(c, { title: c.var.i18n.t('api.tokens.title'), status: 201, body: <ApiTokensPage tokens={tokens} created={{ name: parsed.data.name, secret: created.secret }} /> });
  });

  app.post('/konto/tokener/:id/trekk-tilbake', validParams('param', z.object({ id: z.coerce.number().int().positive() })), async (c) => {
    const revoked = await revokeApiToken(db, callerOf(c), c.req.valid('param').id);
    const tokens = await listApiTokens(db, c.var.viewer!.id);
    return respond(c, { title: c.var.i18n.t('api.tokens.title'), body: <ApiTokensPage tokens={tokens} revoked={revoked.name} /> });
  });
  return app;
}
