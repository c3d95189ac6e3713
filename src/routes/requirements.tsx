import type { Context } from 'hono';
import { Hono } from 'hono';
import { kindByPath, kindPathParam, type ElementKind } from '../../model/kinds.ts';
import { elementRequirementInputSchema, requirementLinkInputSchema } from '../../model/requirements.ts';
import { elementKeySchema } from '../../model/schemas.ts';
import { ElementRequirementsSection, RequirementTraceSection, type SectionMessages } from '../../views/pages/requirement-trace.tsx';
import { callerOf } from '../auth/context.ts';
import { changeLinkFromElement, changeLinkFromRequirement, type LinkChangeResult } from '../commands/requirement-links.ts';
import { loadNeighbourhood } from '../db/queries/neighbourhood.ts';
import { loadTraceContextFor } from '../db/queries/requirement-trace.ts';
import type { AppDeps } from '../deps.ts';
import { readForm, singleValues } from '../http/forms.ts';
import { isFragmentRequest, notFound, respond } from '../http/render.tsx';
import { elementHref } from '../../model/kinds.ts';
import { issueText, messageText } from '../../views/i18n/issues.ts';

/** Zod issues as field → message, the first message per field. */
function fieldErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string; params?: Record<string, unknown> }>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'skjema');
    errors[field] ??= issueText(issue);
  }
  return errors;
}

function statusOf(result: LinkChangeResult): 200 | 409 | 422 {
  if (result.ok) return 200;
  return result.reason === 'conflict' ? 409 : 422;
}

function messagesOf(c: Context, result: LinkChangeResult, values: Record<string, string>, done: string): SectionMessages {
  if (result.ok) return { notice: result.changed ? done : c.var.i18n.t('requirement.link.alreadyRemoved') };
  if (result.reason === 'conflict') return { conflict: { seenVersion: result.seenVersion, currentVersion: result.currentVersion }, values };
  if (result.reason === 'invalid') return { errors: Object.fromEntries(Object.entries(result.errors).map(([field, message]) => [field, messageText(message, c.var.i18n)])), values };
  return {};
}

/** Traceability: linking requirements to elements and to each other, from both sides (issue 13). */
export function requirementRoutes({ db }: AppDeps): Hono {
  const app = new Hono();

  /** The requirement's traceability section as it is now, with the outcome of the request. */
  const requirementSection = async (c: Context, key: string, messages: SectionMessages, status: 200 | 409 | 422) => {
    // The requirement and its neighbourhood, as its page reads them: not the whole model.
    const found = await loadNeighbourhood(db, 'requirement', key);
    const requirement = found?.element.kind === 'requirement' ? found.element : undefined;
    if (!found || !requirement) return notFound(c, c.var.i18n.t('errors.requirement.missing', { key }));
    if (!isFragmentRequest(c) && status === 200) return c.redirect(`/krav/${key}#kravsporing`, 303);
    const trace = await loadTraceContextFor(db, found.model);
    const section = <RequirementTraceSection requirement={requirement} model={found.model} index={found.index} trace={trace} canEdit {...messages} />;
    return respond(c, { title: c.var.i18n.t('requirement.section.traceTitle', { ref: requirement.ref }), body: section, fragment: section, status });
  };

  const elementSection = async (c: Context, kind: ElementKind, key: string, messages: SectionMessages, status: 200 | 409 | 422) => {
    // The element and its neighbourhood (the requirements about it among them), as its page reads them.
    const found = await loadNeighbourhood(db, kind, key);
    if (!found) return notFound(c, c.var.i18n.t('scope.element.missing', { kind, key }));
    if (!isFragmentRequest(c) && status === 200) return c.redirect(`${elementHref(kind, key)}#krav`, 303);
    const element = found.element;
    const trace = await loadTraceContextFor(db, found.model);
    const section = <ElementRequirementsSection element={found.element} model={found.model} index={found.index} trace={trace} canEdit {...messages} />;
    return respond(c, { title: c.var.i18n.t('requirement.section.elementTitle', { name: c.var.i18n.name(element) }), body: section, fragment: section, status });
  };

  for (const op of ['link', 'unlink'] as const) {
    const suffix = op === 'link' ? '' : '/fjern';
    app.post(`/krav/:key/koblinger${suffix}`, async (c) => {
      const key = c.req.param('key');
      if (!elementKeySchema.safeParse(key).success) return notFound(c, c.var.i18n.t('errors.requirement.missing', { key }));
      const form = singleValues(await readForm(c));
      const parsed = requirementLinkInputSchema.safeParse(form);
      if (!parsed.success) return requirementSection(c, key, { errors: fieldErrors(parsed.error.issues), values: form }, 422);
      const result = await changeLinkFromRequirement(
        db,
        callerOf(c),
        { op, requirementKey: key, version: parsed.data.version, linkKind: parsed.data.linkKind, target: parsed.data.target },
      );
      if (!result.ok && result.reason === 'not-found') return notFound(c, c.var.i18n.t('errors.requirement.missing', { key }));
      return requirementSection(c, key, messagesOf(c, result, form, c.var.i18n.t(op === 'link' ? 'requirement.link.saved' : 'requirement.link.removed')), statusOf(result));
    });

    app.post(`/${kindPathParam}/:key/krav${suffix}`, async (c) => {
      const kind = kindByPath.get(c.req.param('kindPath') ?? '');
      const key = c.req.param('key');
      if (!kind || !elementKeySchema.safeParse(key).success) return notFound(c, c.var.i18n.t('errors.notFound.page'));
      const form = singleValues(await readForm(c));
      const parsed = elementRequirementInputSchema.safeParse(form);
      if (!parsed.success) return elementSection(c, kind, key, { errors: fieldErrors(parsed.error.issues), values: form }, 422);
      const result = await changeLinkFromElement(
        db,
        callerOf(c),
        { op, kind, key, version: parsed.data.version, requirementRef: parsed.data.requirement },
      );
      if (!result.ok && result.reason === 'not-found') return notFound(c, c.var.i18n.t('scope.element.missing', { kind, key }));
      return elementSection(
        c,
        kind,
        key,
        messagesOf(
          c,
          result,
          op === 'link' ? form : {},
          c.var.i18n.t(op === 'link' ? 'requirement.link.linkedToElement' : 'requirement.link.unlinkedFromElement', { ref: parsed.data.requirement }),
        ),
        statusOf(result),
      );
    });
  }

  return app;
}
