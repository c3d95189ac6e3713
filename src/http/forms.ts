import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import type { FieldErrors } from '../../views/components/form.tsx';
import { issueText } from '../../views/i18n/issues.ts';
import type { MessageKey } from '../../views/i18n/keys.ts';

/** The posted body, or a 400 for a body that is not a well-formed form (never a 500). */
async function parseForm(c: Context, all: boolean): Promise<Record<string, string | File | Array<string | File>>> {
  try {
    return await c.req.parseBody({ all });
  } catch {
    throw new HTTPException(400, { message: 'errors.form.unreadable' satisfies MessageKey });
  }
}

/** A form post's text fields; a repeated field keeps its last value, files are ignored. */
export async function formInput(c: Context): Promise<Record<string, string>> {
  const body = await parseForm(c, false);
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) if (typeof value === 'string') fields[name] = value;
  return fields;
}

/**
 * The first message for each field a zod error names, for the form to show beside the field, in
 * the request's language (a model's message is a catalogue key: see `say` in model/messages.ts).
 */
export function fieldErrors(error: { issues: readonly z.core.$ZodIssue[] }): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'skjema');
    errors[field] ??= issueText(issue);
  }
  return errors;
}

/** One zod issue's message in the request's language (empty for none), e.g. for a form-wide refusal. */
export function issueMessage(issue: z.core.$ZodIssue | undefined): string {
  return issue ? issueText(issue) : '';
}

export type FormBody = Record<string, string | string[]>;

/** The posted form with repeated fields (checkbox groups) as lists; files are ignored. */
export async function readForm(c: Context): Promise<FormBody> {
  const body = await parseForm(c, true);
  const out: FormBody = {};
  for (const [name, value] of Object.entries(body)) {
    if (Array.isArray(value)) out[name] = value.filter((v): v is string => typeof v === 'string');
    else if (typeof value === 'string') out[name] = value;
  }
  return out;
}

/** Single-valued view of a form: the last value of a repeated field, as `formInput` keeps. */
export function singleValues(form: FormBody): Record<string, string> {
  return Object.fromEntries(Object.entries(form).map(([k, v]) => [k, Array.isArray(v) ? (v.at(-1) ?? '') : v]));
}
