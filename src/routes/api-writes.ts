import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { apiRequirementInputSchema, apiRequirementUpdateSchema, requirementFormValues } from '../../model/exchange/api-requirements.ts';
import { apiRequirementLinkSchema } from '../../model/exchange/api-tokens.ts';
import { elementInputSchemas } from '../../model/editing.ts';
import { elementKeySchema } from '../../model/schemas.ts';
import { elementKindSchema } from '../../model/kinds.ts';
import { callerOf } from '../auth/context.ts';
import { changeLinkFromRequirement } from '../commands/requirement-links.ts';
import { createElement, updateElement } from '../commands/scope.ts';
import type { AppDeps } from '../deps.ts';
import { apiError } from '../http/api-error.ts';
import { issueText, messageText } from '../../views/i18n/issues.ts';

/** Changes through the JSON API: the same use cases as the pages, JSON in and out. */
export function apiWriteRoutes({ db }: AppDeps): Hono {
  const app = new Hono();

  /** The body as JSON checked against `schema`, then against the page's own form schema; or the 400/422 answer. */
  const requirementInput = async <S extends typeof apiRequirementInputSchema | typeof apiRequirementUpdateSchema>(c: Context, schema: S) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return { answer: apiError(c, 400, 'bad_request', c.var.i18n.t('errors.api.notJson')) };
    }
    const api = schema.safeParse(body);
    if (!api.success) return { answer: apiError(c, 422, 'validation', c.var.i18n.t('errors.api.invalidFields'), fieldsOf(api.error)) };
    const form = elementInputSchemas.requirement.safeParse(requirementFormValues(api.data));
    if (!form.success) return { answer: apiError(c, 422, 'validation', c.var.i18n.t('errors.api.invalidFields'), fieldsOf(form.error)) };
    return { api: api.data as z.infer<S>, input: form.data };
  };

  // Create and update a requirement: the element editor's use cases (createElement, updateElement), JSON in and out.
  app.post('/api/requirements', async (c) => {
    const parsed = await requirementInput(c, apiRequirementInputSchema);
    if ('answer' in parsed) return parsed.answer;
    const result = await createElement(db, callerOf(c), 'requirement', parsed.input);
    if (!result.ok) {
      if (result.reason === 'invalid') return apiError(c, 422, 'validation', c.var.i18n.t('errors.api.invalidFields'), Object.fromEntries(Object.entries(result.errors).map(([field, message]) => [field, issueText({ message }, c.var.i18n)])));
      return apiError(c, 500, 'server_error', c.var.i18n.t('errors.api.notCreated'));
    }
    c.header('Location', `/krav/${result.key}`);
    return c.json({ key: result.key, ref: result.key.toUpperCase(), version: 1 }, 201);
  });

  app.put('/api/requirements/:key', async (c) => {
    const key = elementKeySchema.safeParse(c.req.param('key'));
    if (!key.success) return apiError(c, 404, 'not_found', c.var.i18n.t('errors.api.noRequirement'));
    const parsed = await requirementInput(c, apiRequirementUpdateSchema);
    if ('answer' in parsed) return parsed.answer;
    const result = await updateElement(db, callerOf(c), 'requirement', key.data, parsed.api.version, parsed.input);
    if (result.ok) return c.json({ key: result.key, ref: result.key.toUpperCase(), version: parsed.api.version + 1 });
    switch (result.reason) {
      case 'not-found':
        return apiError(c, 404, 'not_found', c.var.i18n.t('errors.api.noRequirement'));
      case 'invalid':
        return apiError(c, 422, 'validation', c.var.i18n.t('errors.api.invalidFields'), Object.fromEntries(Object.entries(result.errors).map(([field, message]) => [field, issueText({ message }, c.var.i18n)])));
      case 'conflict':
        return apiError(c, 409, 'conflict', c.var.i18n.t('errors.api.requirementChanged', { seen: String(parsed.api.version), current: String(result.current.version) }));
    }
  });

  app.post('/api/requirements/:key/links', async (c) => {
    const key = elementKeySchema.safeParse(c.req.param('key'));
    if (!key.success) return apiError(c, 404, 'not_found', c.var.i18n.t('errors.api.noRequirement'));
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return apiError(c, 400, 'bad_request', c.var.i18n.t('errors.api.notJson'));
    }
    const parsed = apiRequirementLinkSchema.safeParse(body);
    if (!parsed.success) return apiError(c, 422, 'validation', c.var.i18n.t('errors.api.invalidFields'), fieldsOf(parsed.error));
    const kind = elementKindSchema.safeParse(parsed.data.target.kind);
    const targetKey = elementKeySchema.safeParse(parsed.data.target.key);
    if (!kind.success || !targetKey.success) return apiError(c, 422, 'validation', c.var.i18n.t('errors.api.invalidFields'), { target: c.var.i18n.t('errors.api.unknownTarget') });
    const result = await changeLinkFromRequirement(
      db,
      callerOf(c),
      { op: parsed.data.op, requirementKey: key.data, version: parsed.data.version, linkKind: parsed.data.linkKind, target: { kind: kind.data, key: targetKey.data } },
    );
    if (result.ok) return c.json({ changed: result.changed });
    switch (result.reason) {
      case 'not-found':
        return apiError(c, 404, 'not_found', c.var.i18n.t('errors.api.noRequirement'));
      case 'invalid':
        return apiError(c, 422, 'validation', c.var.i18n.t('errors.link.invalid'), Object.fromEntries(Object.entries(result.errors).map(([field, message]) => [field, messageText(message, c.var.i18n)])));
      case 'conflict':
        return apiError(c, 409, 'conflict', c.var.i18n.t('errors.api.requirementChanged', { seen: String(result.seenVersion), current: String(result.currentVersion) }));
    }
  });
  return app;
}

function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.') || 'body'] ??= issueText(issue);
  return fields;
}
