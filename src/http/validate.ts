import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { useI18n, type I18n } from '../../views/i18n/index.ts';
import { issueText } from '../../views/i18n/issues.ts';
import { apiError, isApiPath } from './api-error.ts';
import { i18nOf, respondError } from './render.tsx';

/**
 * Zod issues as sentences a person can act on, naming the parameter at fault, in the request's
 * language: a message that is a catalogue key (`baselines.error.from`) is said through the
 * catalogue with the issue's values (`issueText`); any other message
 * (zod's own are in the catalogue already, see zod-messages.ts) is shown as it is.
 */
export function describeIssues(error: { issues: readonly z.core.$ZodIssue[] }, i18n: I18n = useI18n()): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : i18n.t('common.request.whole');
    return i18n.t('errors.issue', { where, message: issueText(issue, i18n) });
  });
}

/**
 * A validator for query or route parameters whose failure is a 400 page that says what was
 * wrong, inside the layout (or as a fragment for htmx).
 */
export function validParams<T extends z.ZodType, Target extends keyof Pick<ValidationTargets, 'query' | 'param'>>(
  target: Target,
  schema: T,
) {
  return zValidator(target, schema, (result, c) => {
    if (!result.success) {
      const i18n = i18nOf(c);
      const message = i18n.t(target === 'query' ? 'common.request.badQuery' : 'common.request.badAddress');
      if (isApiPath(c.req.path)) {
        const fields = Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.') || target, issueText(issue, i18n)]));
        return apiError(c, 400, 'validation', message, fields);
      }
      return respondError(c, {
        status: 400,
        message,
        details: describeIssues(result.error, i18n),
      });
    }
    return undefined;
  });
}
