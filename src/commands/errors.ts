/**
 * What a use case refuses with. Each is thrown before anything is written (or inside the
 * transaction, which then rolls back), so a refused change leaves no row and no audit entry.
 * The app answers each the same way wherever it comes from (`src/app.tsx`); a route that has a
 * better page for one (a 409 with the form and what changed) catches it first.
 */

import type { Message } from '../../model/messages.ts';
import { i18nFor, type I18n } from '../../views/i18n/index.ts';
import { messageText } from '../../views/i18n/issues.ts';

/**
 * What a refusal says: a catalogue message (the interface says it in the reader's language) or,
 * where nothing better is written yet, bokmål text. The error's `message` is always the bokmål
 * wording, for the command line and the log.
 */
export type Said = string | Message;

const inBokmal = (said: Said): string => (typeof said === 'string' ? said : messageText(said, i18nFor('nb')));
const messageOf = (said: Said): Message | undefined => (typeof said === 'string' ? undefined : said);

/** A refusal's words in the reader's language (its catalogue message), else its text as written. */
export function spoken(error: Error & { said?: Message }, i18n: I18n): string {
  return error.said ? messageText(error.said, i18n) : error.message;
}

/** The caller's role may not take this action at all (403, recorded as a refused request). */
export class PermissionDenied extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The role may take the action, but not on what someone else owns (403, recorded). */
export class OwnershipDenied extends PermissionDenied {}

/** What the change acts on does not exist (404). */
export class NotFound extends Error {
  readonly said?: Message;
  constructor(said: Said = '') {
    super(inBokmal(said));
    this.said = messageOf(said);
  }
}

/**
 * The change was based on a version that is no longer current: someone saved first (409).
 * Nothing is written; the route shows what is there now.
 */
export class StaleVersion extends Error {
  readonly said?: Message;
  constructor(said: Said = { key: 'errors.stale.message' }) {
    super(inBokmal(said));
    this.said = messageOf(said);
  }
}

/** A rule from `model/` forbids the change as things stand (409, with the rule's Norwegian message). */
export class RuleRefused extends Error {
  readonly said?: Message;
  readonly title: string;
  readonly saidTitle?: Message;
  constructor(said: Said, title: Said = { key: 'errors.refused.title' }) {
    super(inBokmal(said));
    this.said = messageOf(said);
    this.title = inBokmal(title);
    this.saidTitle = messageOf(title);
  }

  /** The title in the reader's language. */
  titleIn(i18n: I18n): string {
    return this.saidTitle ? messageText(this.saidTitle, i18n) : this.title;
  }
}

/** The use case's result, or the `StaleVersion` it refused with, for a route that shows its own 409 page. */
export async function orStale<T>(work: Promise<T>): Promise<T | StaleVersion> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof StaleVersion) return error;
    throw error;
  }
}
