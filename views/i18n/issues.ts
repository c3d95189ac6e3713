import { unsay, type Message } from '../../model/messages.ts';
import { catalogues, defaultLanguage } from './catalogues.ts';
import { useI18n, type I18n, type MessageKey, type MessageValues } from './index.ts';

const reference = catalogues.get(defaultLanguage)!.messages;

/** Whether a text is a catalogue key (as a model's zod message is, see `say` in model/messages.ts). */
export function isMessageKey(text: string): text is MessageKey {
  return reference.has(text);
}

/** What of a zod issue a message may use: a custom issue's `params`, a size check's limit, unexpected keys, an enum's values. */
export interface IssueLike {
  message: string;
  params?: Record<string, unknown> | undefined;
  maximum?: unknown;
  minimum?: unknown;
  /** The fields a strict object did not expect. */
  keys?: unknown;
  /** The values an enum allows. */
  values?: unknown;
}

/**
 * A validation message in the reader's language: a zod issue whose message is a catalogue key is
 * translated, with the custom issue's `params`, a size check's `maximum`/`minimum` and an unknown
 * key's `keys` (as a list) as the message's values; any other message is shown as it is.
 */
export function issueText(issue: IssueLike, i18n: I18n = useI18n()): string {
  const said = issueSaid(issue, i18n);
  return said ? messageText(said, i18n) : issue.message;
}

/** The catalogue message of a zod issue (see `issueText`) with its values, for saying later; undefined for any other message. `i18n` lists an array value. */
export function issueSaid(issue: IssueLike, i18n: I18n = useI18n()): Message | undefined {
  const said = unsay(issue.message);
  if (!said || !isMessageKey(said.key)) return undefined;
  const values: Record<string, string | number> = {};
  for (const limit of ['maximum', 'minimum'] as const) {
    const value = issue[limit];
    if (typeof value === 'number' || typeof value === 'bigint') values[limit] = Number(value);
  }
  // A strict object's unexpected fields as `{keys}`, an enum's allowed values as `{options}`: codes, listed as they are.
  if (Array.isArray(issue.keys)) values.keys = issue.keys.join(', ');
  if (Array.isArray(issue.values)) values.options = issue.values.join(', ');
  for (const [name, value] of Object.entries(issue.params ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') values[name] = value;
    else if (Array.isArray(value)) values[name] = i18n.list(value.map(String));
  }
  // Values given with `say` (model/messages.ts); one that is a catalogue key (the field's name) is said in the reader's language by `messageText`.
  return { key: said.key, values: { ...values, ...said.values } };
}

/**
 * A message the model or a use case decided (its key and values) in the reader's language; a
 * value that is itself a catalogue key (a field's, a kind's or a relation's name) is said in that
 * language too: `{ key: 'errors.refused.relationFrom', values: { relation: 'links.relation.threatens', kind: 'kinds.goal.singular' } }`.
 */
export function messageText(message: Message, i18n: I18n = useI18n()): string {
  const values: MessageValues = {};
  for (const [name, value] of Object.entries(message.values ?? {})) values[name] = typeof value === 'string' && isMessageKey(value) ? i18n.t(value) : value;
  return i18n.t(message.key, values);
}
