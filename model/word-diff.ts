/**
 * A word diff between a text and a proposed rewording: what a change proposal keeps, deletes and
 * inserts. Words are runs of letters and digits in any script (æ, ø, å, é, ...), joined by
 * inner hyphens or apostrophes ("e-helse", "pasient's"); every punctuation mark is a token of
 * its own and whitespace runs are kept, so that joining the segments gives back both texts.
 */

export type DiffOp = 'same' | 'del' | 'ins';
export interface DiffSegment {
  op: DiffOp;
  text: string;
}

const tokenPattern = /[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*|\s+|[^\s\p{L}\p{N}\p{M}]/gu;

export function tokenize(text: string): string[] {
  return text.match(tokenPattern) ?? [];
}

/** Beyond this many cells the exact comparison would take too long: the changed middle is shown as replaced. */
const maxCells = 4_000_000;

/** The word diff of `before` → `after`, as segments in reading order (deletions before insertions). */
export function diffWords(before: string, after: string): DiffSegment[] {
  const a = tokenize(before);
  const b = tokenize(after);
  // Common start and end first: a proposal usually changes a few words in the middle.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Array<{ op: DiffOp; token: string }> = [];
  for (const token of a.slice(0, start)) ops.push({ op: 'same', token });
  ops.push(...middle(a.slice(start, endA), b.slice(start, endB)));
  for (const token of a.slice(endA)) ops.push({ op: 'same', token });
  return tidy(ops);
}

/** The longest common subsequence of two token lists, as a sequence of operations. */
function middle(a: string[], b: string[]): Array<{ op: DiffOp; token: string }> {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > maxCells) {
    return [...a.map((token) => ({ op: 'del' as const, token })), ...b.map((token) => ({ op: 'ins' as const, token }))];
  }
  // lengths[i][j]: the LCS length of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const ops: Array<{ op: DiffOp; token: string }> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ op: 'same', token: a[i]! });
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      ops.push({ op: 'del', token: a[i++]! });
    } else {
      ops.push({ op: 'ins', token: b[j++]! });
    }
  }
  while (i < n) ops.push({ op: 'del', token: a[i++]! });
  while (j < m) ops.push({ op: 'ins', token: b[j++]! });
  return ops;
}

/**
 * Readable segments: a lone space kept between two changes joins the change (so "a b" → "c d"
 * reads as one replacement, not two), each run of changes shows its deletion before its
 * insertion, and neighbouring segments of the same kind are merged.
 */
function tidy(ops: Array<{ op: DiffOp; token: string }>): DiffSegment[] {
  const absorbed: Array<{ op: DiffOp; token: string }> = [];
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!;
    const prev = ops[k - 1];
    const next = ops[k + 1];
    if (op.op === 'same' && /^\s+$/.test(op.token) && prev && next && prev.op !== 'same' && next.op !== 'same') {
      absorbed.push({ op: 'del', token: op.token }, { op: 'ins', token: op.token });
    } else {
      absorbed.push(op);
    }
  }
  const segments: DiffSegment[] = [];
  let dels = '';
  let inss = '';
  const flush = () => {
    if (dels) push('del', dels);
    if (inss) push('ins', inss);
    dels = '';
    inss = '';
  };
  const push = (op: DiffOp, text: string) => {
    const last = segments.at(-1);
    if (last && last.op === op) last.text += text;
    else segments.push({ op, text });
  };
  for (const { op, token } of absorbed) {
    if (op === 'del') dels += token;
    else if (op === 'ins') inss += token;
    else {
      flush();
      push('same', token);
    }
  }
  flush();
  return mergeWhitespaceOnly(slideToWordStart(segments));
}

/**
 * A change of white space alone ("skal  være" → "skal være", "mulig ." → "mulig.") is no change a
 * reader can see as its own deletion or insertion: it is shown with the word before it (or after
 * it, at the start), as that word deleted and inserted with its new spacing.
 */
function mergeWhitespaceOnly(segments: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (let k = 0; k < segments.length; k++) {
    if (segments[k]!.op === 'same') {
      out.push({ ...segments[k]! });
      continue;
    }
    let end = k;
    while (end + 1 < segments.length && segments[end + 1]!.op !== 'same') end++;
    const run = segments.slice(k, end + 1);
    if (!run.every((s) => /^\s*$/.test(s.text))) {
      out.push(...run.map((s) => ({ ...s })));
      k = end;
      continue;
    }
    const dels = run.filter((s) => s.op === 'del').map((s) => s.text).join('');
    const inss = run.filter((s) => s.op === 'ins').map((s) => s.text).join('');
    const prev = out.at(-1);
    const next = segments[end + 1];
    const before = prev ? /\S+\s*$/.exec(prev.text)?.[0] : undefined;
    const after = !before && next ? /^\s*\S+/.exec(next.text)?.[0] : undefined;
    if (before) {
      prev!.text = prev!.text.slice(0, -before.length);
      out.push({ op: 'del', text: before + dels }, { op: 'ins', text: before + inss });
    } else if (after) {
      out.push({ op: 'del', text: dels + after }, { op: 'ins', text: inss + after });
      segments = [...segments.slice(0, end + 1), { op: 'same', text: next!.text.slice(after.length) }, ...segments.slice(end + 2)];
    } else {
      out.push(...run.map((s) => ({ ...s })));
    }
    k = end;
  }
  return out.filter((s) => s.text !== '');
}

/**
 * A lone deletion or insertion that starts with a space, before text that starts with the same
 * space, reads better moved one step right: "lokale [-kliniske -]behov", not "lokale[- kliniske-] behov".
 */
function slideToWordStart(segments: DiffSegment[]): DiffSegment[] {
  for (let k = 0; k < segments.length; k++) {
    const change = segments[k]!;
    const prev = segments[k - 1];
    const next = segments[k + 1];
    if (change.op === 'same' || prev?.op !== 'same' || next?.op !== 'same') continue;
    const space = /^\s+/.exec(change.text)?.[0];
    if (!space || !next.text.startsWith(space) || change.text.length === space.length) continue;
    prev.text += space;
    change.text = change.text.slice(space.length) + space;
    next.text = next.text.slice(space.length);
  }
  return segments.filter((s) => s.text !== '');
}

/** The text on one side of a diff: `before` from same + del, `after` from same + ins. */
export function sideOf(segments: DiffSegment[], side: 'before' | 'after'): string {
  const drop: DiffOp = side === 'before' ? 'ins' : 'del';
  return segments
    .filter((s) => s.op !== drop)
    .map((s) => s.text)
    .join('');
}

export const hasChanges = (segments: DiffSegment[]) => segments.some((s) => s.op !== 'same');

/**
 * The diff as plain text, for exports and screen-reader-free contexts: deletions as [-…-] and
 * insertions as {+…+}, the notation of wdiff.
 */
export function diffAsText(segments: DiffSegment[]): string {
  return segments.map((s) => (s.op === 'same' ? s.text : s.op === 'del' ? `[-${s.text}-]` : `{+${s.text}+}`)).join('');
}
