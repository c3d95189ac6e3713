import { csvLine } from './audit.ts';
import { exportFormat, type ExportFormat } from './export-format.ts';
import {
  answersEarlierVersion,
  commentKindLabel,
  commentStatuses,
  commentStatusLabel,
  roundPhaseLabel,
  roundState,
  roundStateLabel,
  type Comment,
  type CommentStatus,
  type Reply,
  type Round,
  type RoundItem,
  type RoundState,
} from './consultation.ts';
import { appliedLabel } from './consultation-proposals.ts';
import { diffAsText, diffWords } from './word-diff.ts';

/** Comments counted by status, with the total and how many of them are hidden. */
export interface Tally {
  total: number;
  hidden: number;
  byStatus: Record<CommentStatus, number>;
}

export interface OrganisationTally extends Tally {
  organisationId: number;
  name: string;
}

export interface ItemTally extends Tally {
  itemId: number;
}

/** One group of comments as the database counts them (`count` comments with these values). */
export interface TallyRow {
  itemId: number;
  organisationId: number;
  organisationName: string;
  status: CommentStatus;
  hidden: boolean;
  count: number;
}

export interface Figures {
  all: Tally;
  byOrganisation: OrganisationTally[];
  byItem: ItemTally[];
}

const emptyTally = (): Tally => ({ total: 0, hidden: 0, byStatus: Object.fromEntries(commentStatuses.map((s) => [s, 0])) as Record<CommentStatus, number> });

function add(tally: Tally, row: Pick<TallyRow, 'status' | 'hidden' | 'count'>) {
  tally.total += row.count;
  if (row.hidden) tally.hidden += row.count;
  tally.byStatus[row.status] += row.count;
}

/** Figures per status, per organisation (by name) and per item (in the round's order), hidden comments included. */
export function tally(rows: TallyRow[], items: Pick<RoundItem, 'id'>[]): Figures {
  const all = emptyTally();
  const organisations = new Map<number, OrganisationTally>();
  const byItem = new Map<number, ItemTally>(items.map((i) => [i.id, { itemId: i.id, ...emptyTally() }]));
  for (const row of rows) {
    add(all, row);
    let org = organisations.get(row.organisationId);
    if (!org) organisations.set(row.organisationId, (org = { organisationId: row.organisationId, name: row.organisationName, ...emptyTally() }));
    add(org, row);
    const item = byItem.get(row.itemId);
    if (item) add(item, row);
  }
  return {
    all,
    byOrganisation: [...organisations.values()].sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.organisationId - b.organisationId),
    byItem: [...byItem.values()],
  };
}

/** A comment in the report, with its thread: the replies ("innlegg") in full, oldest first. */
export type ReportComment = Comment & { replies: Reply[] };

export interface ReportGroup {
  item: RoundItem;
  comments: ReportComment[];
}

/** The consultation report of a round: grouped by element, every comment with its status and answer. */
export interface ConsultationReport {
  round: Round;
  state: RoundState;
  generatedAt: string;
  figures: Figures;
  groups: ReportGroup[];
}

/**
 * Builds the report from the round's items and its comments (already redacted for the viewer:
 * hidden comments stay in the report, marked as hidden, whether or not their words are shown).
 */
export function buildReport(round: Round, items: RoundItem[], comments: Comment[], now: Date, replies: Reply[] = []): ConsultationReport {
  const threads = new Map<number, Reply[]>();
  for (const r of replies) threads.set(r.commentId, [...(threads.get(r.commentId) ?? []), r]);
  const byItem = new Map<number, ReportComment[]>(items.map((i) => [i.id, []]));
  for (const c of comments) byItem.get(c.itemId)?.push({ ...c, replies: threads.get(c.id) ?? [] });
  const rows: TallyRow[] = comments.map((c) => ({ itemId: c.itemId, organisationId: c.organisationId, organisationName: c.organisationName, status: c.status, hidden: c.hidden, count: 1 }));
  return {
    round,
    state: roundState(round, now),
    generatedAt: now.toISOString(),
    figures: tally(rows, items),
    groups: items.map((item) => ({ item, comments: (byItem.get(item.id) ?? []).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id) })),
  };
}

export const itemLabel = (item: Pick<RoundItem, 'ref' | 'name'>) => (item.ref ? `${item.ref} ${item.name}` : item.name);

const hiddenMark = 'Skjult av prosjektet';
const hiddenText = '(Teksten er skjult.)';

/** A comment's change proposal as a word diff in text form ([-slettet-] {+lagt til+}), or empty. */
export function proposalAsText(c: Pick<Comment, 'proposal' | 'baseText'>): string {
  if (c.proposal === null) return '';
  return diffAsText(diffWords(c.baseText ?? '', c.proposal));
}

// CSV --------------------------------------------------------------------------------------------

export const csvColumns = [
  'Høring',
  'Nr.',
  'Element',
  'Kommentar-id',
  'Organisasjon',
  'Type',
  'Kommentar',
  'Foreslått tekst',
  'Endring (ord for ord)',
  'Status',
  'Svar',
  'Svaret gjelder versjon',
  'Status da svaret ble gitt',
  'Besvart',
  'Skjult',
  'Skjult fordi',
  'Innlegg i tråden',
  'Skrevet',
  'Sist endret',
  'Versjon',
  'Innarbeidet',
];

/**
 * The report as CSV: one line per comment, grouped by element, with a byte-order mark so that
 * spreadsheets read it as UTF-8. Every cell goes through `csvCell` (no formula can run).
 */
export function reportCsv(report: ConsultationReport, format: ExportFormat = exportFormat('nb-NO')): string {
  const lines = [csvLine(csvColumns)];
  for (const group of report.groups) {
    for (const c of group.comments) {
      lines.push(
        csvLine([
          report.round.title,
          group.item.ref ?? '',
          group.item.name,
          c.id,
          c.organisationName,
          commentKindLabel[c.kind],
          c.text ?? hiddenText,
          c.proposal ?? '',
          proposalAsText(c),
          commentStatusLabel[c.status],
          c.answer ?? '',
          c.answer !== null ? (c.answeredVersion ?? '') : '',
          c.answer !== null && c.answeredStatus !== null ? commentStatusLabel[c.answeredStatus] : '',
          format.localTime(c.answeredAt),
          c.hidden ? hiddenMark : '',
          c.hiddenReason ?? '',
          threadAsText(c.replies, format.localTime),
          format.localTime(c.createdAt),
          format.localTime(c.updatedAt),
          c.version,
          appliedLabel(c) ?? '',
        ]),
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Who wrote a reply: its organisation, or the programme for a reply by an architect. */
export const replyAuthor = (r: Pick<Reply, 'organisationId' | 'organisationName'>) => (r.organisationId === null ? 'Prosjektet' : (r.organisationName ?? 'Ukjent organisasjon'));

/** A thread in one CSV cell: each reply ("innlegg") with who wrote it and when, in full. */
export function threadAsText(replies: Reply[], localTime = exportFormat('nb-NO').localTime): string {
  return replies.map((r) => `${replyAuthor(r)} (${localTime(r.createdAt)}): ${r.text ?? hiddenText}`).join('\n\n');
}

// Markdown -----------------------------------------------------------------------------------------

/**
 * User text made inert in Markdown, escaped only where Markdown would act on it, so that it reads
 * as written ("AKS-0002", "helse- og", a full stop): the characters that make emphasis, code,
 * links and tables (`\\ ` * _ [ ] | ~ $`) anywhere; `#`, `-`, `+`, `=` and "1." at the start of a
 * line, where they make headings, lists and rules; the scheme, "www." and "@" of what GitHub would
 * link by itself; and `<`, `>` and `&` as entities, so no HTML gets in and no block is closed.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\\`*_[\]|~$@]/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/^([ \t]*)([#+=-])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2');
}

/** User text as a block quote, every line escaped and quoted. */
const quote = (text: string) =>
  escapeMarkdown(text)
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');

const cell = (text: string) => escapeMarkdown(text).replace(/\n/g, ' ');

function figureTable(title: string, rows: Array<{ label: string; tally: Tally }>): string[] {
  const header = ['', ...commentStatuses.map((s) => commentStatusLabel[s]), 'Skjult', 'I alt'];
  return [
    `| ${[title, ...header.slice(1)].join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map(({ label, tally }) => `| ${[cell(label), ...commentStatuses.map((s) => String(tally.byStatus[s])), String(tally.hidden), String(tally.total)].join(' | ')} |`),
  ];
}

const dateOf = (iso: string) => iso.slice(0, 10);

/** The answer under a comment; an answer to an earlier wording says which, and the status it was given then. */
function answerLines(c: Comment): string[] {
  if (c.answer === null) return ['Ikke besvart ennå.', ''];
  const date = dateOf(c.answeredAt ?? c.updatedAt);
  const version = c.version > 1 && c.answeredVersion !== null ? `, på versjon ${c.answeredVersion}` : '';
  const lines = [`Svar fra prosjektet (${date}${version}):`, ''];
  if (answersEarlierVersion(c)) {
    const then = c.answeredStatus ? ` (status da: ${commentStatusLabel[c.answeredStatus].toLowerCase()})` : '';
    lines.push(`**Svaret gjaldt versjon ${c.answeredVersion}**${then}. Kommentaren er endret etter svaret, og prosjektet har ikke svart på versjon ${c.version} ennå.`, '');
  }
  return [...lines, quote(c.answer), ''];
}

/** The thread under a comment: every reply ("innlegg") in full, each quoted under who wrote it. */
function threadLines(replies: Reply[]): string[] {
  if (replies.length === 0) return [];
  const lines = [`Innlegg i tråden (${replies.length}):`, ''];
  for (const r of replies) lines.push(`**${cell(replyAuthor(r))}**, ${dateOf(r.createdAt)}:`, '', r.text === null ? hiddenText : quote(r.text), '');
  return lines;
}

export function reportMarkdown(report: ConsultationReport): string {
  const { round, figures } = report;
  const out: string[] = [
    `# Høringsrapport: ${cell(round.title)}`,
    '',
    `- Fase: ${roundPhaseLabel[round.phase]}`,
    `- Høringsperiode: ${round.opensOn} til og med ${round.closesOn} (${roundStateLabel[report.state].toLowerCase()})`,
    `- Laget: ${report.generatedAt}`,
    `- Kommentarer: ${figures.all.total}, herav ${figures.all.hidden} skjult`,
    '',
  ];
  if (round.description.trim() !== '') out.push(quote(round.description), '');
  out.push('## Tall per status', '', ...figureTable('Alle', [{ label: 'Alle kommentarer', tally: figures.all }]), '');
  out.push('## Tall per organisasjon', '');
  if (figures.byOrganisation.length === 0) out.push('Ingen kommentarer.', '');
  else out.push(...figureTable('Organisasjon', figures.byOrganisation.map((o) => ({ label: o.name, tally: o }))), '');
  out.push('## Kommentarer per element', '');
  for (const group of report.groups) {
    out.push(`### ${cell(itemLabel(group.item))}`, '');
    if (group.item.currentText !== null) out.push('Gjeldende tekst:', '', quote(group.item.currentText), '');
    else out.push('Elementet er slettet fra omfanget.', '');
    if (group.comments.length === 0) out.push('Ingen kommentarer.', '');
    for (const c of group.comments) {
      const edited = c.version > 1 ? `, endret ${dateOf(c.updatedAt)} (versjon ${c.version})` : '';
      out.push(`#### Kommentar ${c.id}: ${commentKindLabel[c.kind]} fra ${cell(c.organisationName)}`, '');
      out.push(`- Skrevet: ${dateOf(c.createdAt)}${edited}`, `- Status: ${commentStatusLabel[c.status]}`);
      const applied = appliedLabel(c);
      if (applied) out.push(`- ${applied}`);
      if (c.hidden) out.push(`- **${hiddenMark}**${c.hiddenReason ? `: ${cell(c.hiddenReason)}` : ''}`);
      out.push('');
      out.push(c.text === null ? hiddenText : quote(c.text), '');
      if (c.proposal !== null) out.push('Foreslått endring ([-slettet-] {+lagt til+}):', '', quote(proposalAsText(c)), '');
      out.push(...answerLines(c));
      out.push(...threadLines(c.replies));
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
