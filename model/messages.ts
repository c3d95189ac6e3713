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
 * `fieldErrors` (src/http/forms.ts) turns it into the reader's language. Values for the message go
 * in a custom issue's `params`.
 */
export function say(key: MessageKey): string {
  return key;
}
