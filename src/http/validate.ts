import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { respondError } from './render.tsx';

/** Zod issues as sentences a person can act on, naming the parameter at fault. */
export function describeIssues(error: { issues: readonly z.core.$ZodIssue[] }): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'forespørselen';
    return `${where}: ${issue.message}`;
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
      return respondError(c, {
        status: 400,
        title: 'Ugyldig forespørsel',
        message: target === 'query' ? 'Adressen har en parameter med en verdi som ikke kan brukes.' : 'Adressen er ugyldig.',
        details: describeIssues(result.error),
      });
    }
    return undefined;
  });
}
