import { expect } from 'vitest';
import { normaliseLabel, shorten } from '../../../model/diagrams/mermaid.ts';

/** Text Mermaid reads literally: letters, digits, spaces, non-ASCII, and entity codes. */
const SAFE = String.raw`(?:[A-Za-z0-9 \u0080-\u{10FFFF}]|#\d+;)*`;
/** How a Gantt name starts: never with an ASCII letter or digit, which could begin a keyword. */
const START = String.raw`(?:#\d+;|[\u0080-\u{10FFFF}])`;
const STYLE = String.raw`[a-z0-9:#,.\- ]+`;

/** Every line a generated flowchart may have. Anything else is a bug (or an injection). */
const flowchartLines = [
  String.raw`flowchart (?:LR|TB)`,
  String.raw`accTitle: ${SAFE}`,
  String.raw`accDescr: ${SAFE}`,
  String.raw`n\d+(?:\["${SAFE}"\]|\("${SAFE}"\)|\(\["${SAFE}"\]\)|\[\["${SAFE}"\]\]|\{\{"${SAFE}"\}\})`,
  String.raw`subgraph g\d+\["${SAFE}"\]`,
  'end',
  String.raw`[ng]\d+ (?:-->|---)(?:\|"${SAFE}"\|)? [ng]\d+`,
  String.raw`classDef [a-zA-Z]+ ${STYLE}`,
  String.raw`class n\d+(?:,n\d+)* [a-zA-Z]+`,
  String.raw`linkStyle \d+(?:,\d+)* ${STYLE}`,
].map((l) => new RegExp(`^\\s*${l}$`, 'u'));

const ganttLines = [
  'gantt',
  String.raw`accTitle: ${SAFE}`,
  String.raw`accDescr: ${SAFE}`,
  'dateFormat YYYY-MM-DD',
  'axisFormat %Y',
  'tickInterval 1year',
  'inclusiveEndDates',
  'todayMarker off',
  String.raw`section ${START}${SAFE}`,
  // A task: a name that starts with an entity code or a non-ASCII letter (never a keyword), then its data.
  String.raw`${START}${SAFE}:(?:(?:crit|active|milestone), )*t\d+, \d{4}-\d{2}-\d{2}, (?:\d{4}-\d{2}-\d{2}|\d+d)`,
].map((l) => new RegExp(`^\\s*${l}$`, 'u'));

function check(source: string, allowed: RegExp[]) {
  const lines = source.trimEnd().split('\n');
  const bad = lines.filter((line) => !allowed.some((re) => re.test(line)));
  expect(bad, 'lines outside the safe subset of Mermaid').toEqual([]);
  expect(source).not.toMatch(/%%/);
}

export const expectSafeFlowchart = (source: string) => check(source, flowchartLines);
export const expectSafeGantt = (source: string) => check(source, ganttLines);

/** What Mermaid shows for escaped text: entity codes decoded, word joiners invisible. */
export function shown(escaped: string): string {
  return escaped.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))).replace(/\u2060/g, '');
}

/** The label a name gets in a diagram: whitespace normalised, shortened, never empty. */
export function expectedLabel(name: string): string {
  return normaliseLabel(name) === '' ? '(uten navn)' : shorten(name);
}
