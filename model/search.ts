import { z } from 'zod';
import { say } from './messages.ts';

export const searchQuerySchema = z.strictObject(
  {
    q: z
      .string({ error: say('validation.search.text') })
      .max(200, say('validation.search.tooLong'))
      .optional()
      .transform((v) => (v ?? '').trim()),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? say('validation.unknownParameter') : undefined) },
);

/**
 * The words of a search, each matched as a prefix: "multi dose" finds "Multidose" and "dose".
 * Only letters and digits reach the search engine, so no query syntax can be injected.
 */
export function searchTerms(query: string): string[] {
  const words = query.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, 8).map((w) => w.slice(0, 40));
}

/**
 * The part of a search word every form of it shares, matched as a prefix on both engines: a word
 * of seven letters or more loses its last three, since Norwegian inflection changes the end of the
 * stem too («legemiddel», «legemidler», «legemidlene» all start «legemid»); a shorter word is kept
 * whole («mål» finds «målene»). PostgreSQL adds its `norwegian` stemmer's form; SQLite's FTS5 has
 * no Norwegian stemmer, so this rule is what finds word forms there, alike on both.
 */
export function wordFormPrefix(term: string): string {
  return term.length >= 7 ? term.slice(0, term.length - 3) : term;
}

/** Markers the search engine puts around matches in a snippet; the view turns them into <mark>. */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

/** A snippet split into plain and matched parts, so the view can escape every part. */
export function snippetParts(snippet: string): Array<{ text: string; match: boolean }> {
  const parts: Array<{ text: string; match: boolean }> = [];
  let rest = snippet;
  while (rest.length > 0) {
    const start = rest.indexOf(MATCH_START);
    if (start < 0) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    const end = rest.indexOf(MATCH_END, start);
    const stop = end < 0 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), match: true });
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  return parts.filter((p) => p.text.length > 0);
}
