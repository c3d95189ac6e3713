import type { MessageKey } from '../views/i18n/keys.ts';

export type { MessageKey };

/**
 * Something the interface tells the user, as the model decides it: the catalogue key and the
 * values the message needs. The model says *what* to tell; the view or route says it in the
 * reader's language with `t(message.key, message.values)`.
 */
export interface Message {
  key: MessageKey;
  values?: Record<string, string | number>;
}

/**
 * A zod message that the interface translates: zod carries a message as a string, so the model
 * gives the catalogue key as that string (`.min(1, say('validation.key.empty'))`), and
 * `fieldErrors` (src/http/forms.ts) turns it into the reader's language (`issueText`,
 * views/i18n/issues.ts). Values for the message go in a custom issue's `params`, or, for a check
 * that has none (`.max`, `.regex`), in `values`: they travel in the string after the key, and a
 * value that is itself a catalogue key is said too, e.g. the field a message names:
 * `say('validation.field.required', { subject: 'validation.subject.name' })` is «Navnet må fylles ut.»
 */
export function say(key: MessageKey, values?: Record<string, string | number>): string {
  return values ? `${key} ${JSON.stringify(values)}` : key;
}

/** The key and values of a message made by `say`; undefined for any other text. */
export function unsay(message: string): { key: string; values: Record<string, string | number> } | undefined {
  const space = message.indexOf(' ');
  if (space < 0) return { key: message, values: {} };
  if (message[space + 1] !== '{') return undefined;
  try {
    const values: unknown = JSON.parse(message.slice(space + 1));
    if (typeof values !== 'object' || values === null || Array.isArray(values)) return undefined;
    const kept: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(values)) if (typeof value === 'string' || typeof value === 'number') kept[name] = value;
    return { key: message.slice(0, space), values: kept };
  } catch {
    return undefined;
  }
}
