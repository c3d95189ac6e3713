import { z } from 'zod';

/**
 * One rule for text people type, applied by the zod schemas before anything is stored or searched:
 * - Unicode is normalised to NFC, so «Å» typed as A + ring and «Å» as one character are the same
 *   text when stored, compared and searched;
 * - control characters (NUL, escape, bell, …, and C1) are refused with a message beside the field;
 * - a multi-line field (a description, a comment) keeps tab and newline (CRLF becomes LF);
 *   a one-line field (a name, a title) refuses newlines too.
 */
export type TextLines = 'one-line' | 'multi-line';

const oneLineForbidden = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const multiLineForbidden = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** NFC, and a browser's CRLF line ends as LF. */
export function normaliseText(value: string): string {
  return value.normalize('NFC').replace(/\r\n/g, '\n');
}

/** What is wrong with `value` under the rule, if anything: the message for the field. */
export function textProblem(value: string, lines: TextLines, label: string): string | undefined {
  if (lines === 'one-line' && /[\n\r\u2028\u2029]/.test(value)) return `${label} må stå på én linje (uten linjeskift).`;
  if ((lines === 'one-line' ? oneLineForbidden : multiLineForbidden).test(value)) return `${label} kan ikke inneholde kontrolltegn.`;
  return undefined;
}

/**
 * `schema` with the text rule in front: the posted string is normalised, then refused if it breaks
 * the rule, then handed to `schema` (trim, length, …). Non-strings pass to `schema` untouched.
 */
export function textRule<T extends z.ZodType>(lines: TextLines, label: string, schema: T) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? normaliseText(v) : v),
    z
      .unknown()
      .superRefine((v, ctx) => {
        const problem = typeof v === 'string' ? textProblem(v, lines, label) : undefined;
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .pipe(schema),
  );
}
