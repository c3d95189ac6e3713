import { z } from 'zod';
import { say, type MessageKey } from './messages.ts';

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

/**
 * What is wrong with `value` under the rule, if anything: the message for the field (made by `say`,
 * naming the field by `subject`, e.g. 'validation.subject.name': «Navnet må stå på én linje …»).
 */
export function textProblem(value: string, lines: TextLines, subject: MessageKey): string | undefined {
  if (lines === 'one-line' && /[\n\r\u2028\u2029]/.test(value)) return say('validation.text.oneLine', { subject });
  if ((lines === 'one-line' ? oneLineForbidden : multiLineForbidden).test(value)) return say('validation.text.control', { subject });
  return undefined;
}

/**
 * `schema` with the text rule in front: the posted string is normalised, then refused if it breaks
 * the rule, then handed to `schema` (trim, length, …). Non-strings pass to `schema` untouched.
 */
export function textRule<T extends z.ZodType>(lines: TextLines, subject: MessageKey, schema: T) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? normaliseText(v) : v),
    z
      .unknown()
      .superRefine((v, ctx) => {
        const problem = typeof v === 'string' ? textProblem(v, lines, subject) : undefined;
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .pipe(schema),
  );
}
