import { Hono } from 'hono';
import { z } from 'zod';
import { apiRequirementLinkSchema } from '../../model/exchange/api-tokens.ts';
import { elementKeySchema } from '../../model/schemas.ts';
import { elementKindSchema } from '../../model/kinds.ts';
import { auditActor } from '../auth/context.ts';
import { changeLinkFromRequirement } from '../commands/requirement-links.ts';
import type { AppDeps } from '../deps.ts';
import { apiError } from '../http/api-error.ts';

/** Changes through the JSON API: the same use cases as the pages, JSON in and out. */
export function apiWriteRoutes({ db }: AppDeps): Hono {
  const app = new Hono();

  app.post('/api/requirements/:key/links', async (c) => {
    const key = elementKeySchema.safeParse(c.req.param('key'));
    if (!key.success) return apiError(c, 404, 'not_found', 'Det finnes ikke noe slikt krav.');
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return apiError(c, 400, 'bad_request', 'Innholdet må være JSON.');
    }
    const parsed = apiRequirementLinkSchema.safeParse(body);
    if (!parsed.success) return apiError(c, 422, 'validation', 'Noen felt er ugyldige.', fieldsOf(parsed.error));
    const kind = elementKindSchema.safeParse(parsed.data.target.kind);
    const targetKey = elementKeySchema.safeParse(parsed.data.target.key);
    if (!kind.success || !targetKey.success) return apiError(c, 422, 'validation', 'Noen felt er ugyldige.', { target: 'Ukjent elementtype eller nøkkel.' });
    const result = await changeLinkFromRequirement(
      db,
      { op: parsed.data.op, requirementKey: key.data, version: parsed.data.version, linkKind: parsed.data.linkKind, target: { kind: kind.data, key: targetKey.data } },
      auditActor(c),
    );
    if (result.ok) return c.json({ changed: result.changed });
    switch (result.reason) {
      case 'not-found':
        return apiError(c, 404, 'not_found', 'Det finnes ikke noe slikt krav.');
      case 'invalid':
        return apiError(c, 422, 'validation', 'Koblingen kan ikke lages.', result.errors);
      case 'conflict':
        return apiError(c, 409, 'conflict', `Kravet er endret siden versjon ${result.seenVersion} (nå versjon ${result.currentVersion}). Ingenting er endret.`);
    }
  });
  return app;
}

function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.') || 'body'] ??= issue.message;
  return fields;
}
