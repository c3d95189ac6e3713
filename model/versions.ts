import { z } from 'zod';
import type { UserSummary } from './accounts.ts';
import { say } from './messages.ts';

/**
 * The version a form showed, for records without a version counter of their own (an intention
 * declaration, a consultation round, an organisation, a user): a fingerprint of exactly the values
 * the form edits. A save whose fingerprint no longer matches what is stored was made from a stale
 * page and writes nothing. Two FNV-1a passes (different offsets) over canonical JSON, with the
 * length: plenty to tell one record's successive states apart.
 */
export function contentVersion(values: Record<string, unknown>): string {
  const text = JSON.stringify(Object.keys(values).sort().map((k) => [k, values[k] ?? null]));
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x01000193) >>> 0;
    b = (b ^ (b >>> 13)) >>> 0;
  }
  return `${text.length.toString(36)}-${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

/** The hidden field every versioned form carries. */
export const versionField = 'version';

/** Why a form without the version it showed is refused (422): saving it could overwrite a newer change unseen (a catalogue message, see `say`). */
export const missingVersionMessage = say('validation.version.missing');

/**
 * The posted version. Required: a form without it (made by hand, or opened before versions
 * existed) could overwrite a newer change unseen, so it is refused with 422 and nothing is
 * written; every form the app renders carries it, and a stale one gets 409.
 */
export const shownVersionSchema = z
  .string({ error: missingVersionMessage })
  .min(1, missingVersionMessage)
  .regex(/^[0-9a-z]{1,8}-[0-9a-f]{16}$/, say('validation.element.notThisPage'));

/** The version of a municipality's intention declaration as its form shows it (none yet counts as "undecided"). */
export function intentionVersion(d: { status: string; decidedOn: string | null; reference: string } | undefined): string {
  return contentVersion({ status: d?.status ?? 'undecided', date: d?.decidedOn ?? '', reference: d?.reference ?? '' });
}

/** One field where the form and the stored record differ, as the 409 shows it. */
export interface StaleField {
  label: string;
  mine: string;
  theirs: string;
}

/** The fields (by label) whose values differ between what was posted and what is stored now. */
export function staleFields(labels: Record<string, string>, mine: Record<string, string>, theirs: Record<string, string>): StaleField[] {
  return Object.entries(labels)
    .filter(([name]) => (mine[name] ?? '') !== (theirs[name] ?? ''))
    .map(([name, label]) => ({ label, mine: mine[name] ?? '', theirs: theirs[name] ?? '' }));
}

/** The version of a user an administrator's edit form shows: the fields it changes (never the password). */
export function userVersion(u: Pick<UserSummary, 'email' | 'name' | 'role' | 'municipalityNumber' | 'organisationId' | 'disabledAt'>): string {
  return contentVersion({ email: u.email, name: u.name, role: u.role, municipalityNumber: u.municipalityNumber, organisationId: u.organisationId, active: u.disabledAt === null });
}
