import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { catalogues, defaultLanguage } from '../../views/i18n/catalogues.ts';
import { useI18n, type MessageKey } from '../../views/i18n/index.ts';
import { respondError } from './render.tsx';

const reference = catalogues.get(defaultLanguage)!.messages;

/**
 * Zod issues as sentences a person can act on, naming the parameter at fault, in the request's
 * language: a message that is a catalogue key (`baselines.error.from`) is said through the
 * catalogue; any other message is shown as it is.
 */
export function describeIssues(error: { issues: readonly z.core.$ZodIssue[] }): string[] {
  const { t } = useI18n();
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : t('common.request.whole');
    const message = reference.has(issue.message) ? t(issue.message as MessageKey) : issue.message;
    return `${where}: ${message}`;
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
      const { t } = c.var.i18n;
      return respondError(c, {
        status: 400,
        title: t('common.request.invalid'),
        message: target === 'query' ? t('common.request.badQuery') : t('common.request.badAddress'),
        details: describeIssues(result.error),
      });
    }
    return undefined;
  });
}
