import type { Context } from 'hono';

export type FormBody = Record<string, string | string[]>;

/** The posted form as strings (repeated fields as lists); uploaded files are ignored. */
export async function readForm(c: Context): Promise<FormBody> {
  const body = await c.req.parseBody({ all: true });
  const out: FormBody = {};
  for (const [name, value] of Object.entries(body)) {
    if (Array.isArray(value)) out[name] = value.filter((v): v is string => typeof v === 'string');
    else if (typeof value === 'string') out[name] = value;
  }
  return out;
}

/** Single-valued view of a form: the last value of a repeated field, as a browser would keep. */
export function singleValues(form: FormBody): Record<string, string> {
  return Object.fromEntries(Object.entries(form).map(([k, v]) => [k, Array.isArray(v) ? (v.at(-1) ?? '') : v]));
}
