import type { Context } from 'hono';
import type { z } from 'zod';
import type { FieldErrors } from '../../views/components/form.tsx';

/** A form post's text fields (files and repeated fields are not used by any form here). */
export async function formInput(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) if (typeof value === 'string') fields[name] = value;
  return fields;
}

/** The first message for each field a zod error names, for the form to show beside the field. */
export function fieldErrors(error: { issues: readonly z.core.$ZodIssue[] }): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'skjema');
    errors[field] ??= issue.message;
  }
  return errors;
}
