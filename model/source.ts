import type { SourceRef } from './schemas.ts';

export interface SourceExcerpt {
  lines: Array<{ number: number; text: string }>;
}

/** The lines a source reference points at (at most 200), from a document's text. */
export function excerpt(body: string, source: SourceRef): SourceExcerpt {
  const all = body.split('\n');
  const last = Math.min(source.toLine, all.length, source.fromLine + 199);
  const lines = [];
  for (let n = source.fromLine; n <= last; n++) lines.push({ number: n, text: all[n - 1] ?? '' });
  return { lines };
}
