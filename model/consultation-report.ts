import type { MessageKey } from '../views/i18n/keys.ts';
import { csvLine } from './audit.ts';
import type { ExportFormat } from './export-format.ts';
import {
  answersEarlierVersion,
  commentStatuses,
  roundState,
  type Comment,
  type CommentStatus,
  type ConsultationMessage,
  type Reply,
  type Round,
  type RoundItem,
  type RoundState,
} from './consultation.ts';
import { appliedMessage } from './consultation-proposals.ts';
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

/**
 * The language an export is written in: its messages, its dates as a reader of it writes them,
 * and its local times and numbers as a spreadsheet in it reads them (`ExportFormat`). The route
 * builds it from the request's language; bokmål is the default.
 */
export interface ReportLanguage extends ExportFormat {
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** A calendar date (YYYY-MM-DD) in words: "15. mars 2027". */
  date(date: string): string;
  /** An instant in Norwegian time, in words: "15. mars 2027 kl. 13:05". */
  dateTime(at: string): string;
}

/** A model message in the export's language, a comment status among its values in words. */
function say(lang: ReportLanguage, message: ConsultationMessage): string {
  return lang.t(message.key, { ...message.values, ...(message.status ? { status: lang.t(`consultation.statusInText.${message.status}`) } : {}) });
}

/** A comment's change proposal as a word diff in text form ([-slettet-] {+lagt til+}), or empty. */
export function proposalAsText(c: Pick<Comment, 'proposal' | 'baseText'>): string {
  if (c.proposal === null) return '';
  return diffAsText(diffWords(c.baseText ?? '', c.proposal));
}

// CSV --------------------------------------------------------------------------------------------

export const csvColumns = [
  'round',
  'ref',
  'element',
  'commentId',
  'organisation',
  'kind',
  'comment',
  'proposal',
  'diff',
  'status',
  'answer',
  'answeredVersion',
  'answeredStatus',
  'answeredAt',
  'hidden',
  'hiddenReason',
  'thread',
  'createdAt',
  'updatedAt',
  'version',
  'applied',
  'createdAtIso',
  'answeredAtIso',
] as const;

/**
 * The report as CSV: one line per comment, grouped by element, with a byte-order mark so that
 * spreadsheets read it as UTF-8. Headers, labels and times are for people, in the export's
 * language and as a clock in Norway shows them; the last two columns keep the exact instants
 * (UTC, ISO 8601) for a program that sorts or joins on them. Every cell goes through `csvCell`
 * (no formula can run).
 */
export function reportCsv(report: ConsultationReport, lang: ReportLanguage): string {
  const lines = [csvLine(csvColumns.map((column) => lang.t(`consultation.csv.${column}`)))];
  const hiddenText = lang.t('consultation.report.hiddenText');
  for (const group of report.groups) {
    for (const c of group.comments) {
      const applied = appliedMessage(c);
      lines.push(
        csvLine([
          report.round.title,
          group.item.ref ?? '',
          group.item.name,
          c.id,
          c.organisationName,
          lang.t(`consultation.kind.${c.kind}`),
          c.text ?? hiddenText,
          c.proposal ?? '',
          proposalAsText(c),
          lang.t(`consultation.status.${c.status}`),
          c.answer ?? '',
          c.answer !== null ? (c.answeredVersion ?? '') : '',
          c.answer !== null && c.answeredStatus !== null ? lang.t(`consultation.status.${c.answeredStatus}`) : '',
          lang.localTime(c.answeredAt),
          c.hidden ? lang.t('consultation.report.hiddenMark') : '',
          c.hiddenReason ?? '',
          threadAsText(c.replies, lang),
          lang.localTime(c.createdAt),
          lang.localTime(c.updatedAt),
          c.version,
          applied ? say(lang, applied) : '',
          c.createdAt,
          c.answeredAt ?? '',
        ]),
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Who wrote a reply: its organisation, or the programme for a reply by an architect. */
export const replyAuthor = (r: Pick<Reply, 'organisationId' | 'organisationName'>, lang: Pick<ReportLanguage, 't'>) =>
  r.organisationId === null ? lang.t('consultation.report.programme') : (r.organisationName ?? lang.t('consultation.report.unknownOrganisation'));

/** A thread in one CSV cell: each reply ("innlegg") with who wrote it and when, in full. */
export function threadAsText(replies: Reply[], lang: ReportLanguage): string {
  return replies.map((r) => `${replyAuthor(r, lang)} (${lang.localTime(r.createdAt)}): ${r.text ?? lang.t('consultation.report.hiddenText')}`).join('\n\n');
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

function figureTable(lang: ReportLanguage, title: string, rows: Array<{ label: string; tally: Tally }>): string[] {
  const header = [title, ...commentStatuses.map((s) => lang.t(`consultation.status.${s}`)), lang.t('consultation.figures.hidden'), lang.t('consultation.figures.total')];
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map(({ label, tally }) => `| ${[cell(label), ...commentStatuses.map((s) => String(tally.byStatus[s])), String(tally.hidden), String(tally.total)].join(' | ')} |`),
  ];
}

/** The day of an instant as a calendar in Norway shows it, in words ("30. november 2026"). */
const dayOf = (lang: ReportLanguage, iso: string) => lang.date(lang.localTime(iso).slice(0, 10));

/** The answer under a comment; an answer to an earlier wording says which, and the status it was given then. */
function answerLines(lang: ReportLanguage, c: Comment): string[] {
  if (c.answer === null) return [lang.t('consultation.answer.none'), ''];
  const date = dayOf(lang, c.answeredAt ?? c.updatedAt);
  const heading = c.version > 1 && c.answeredVersion !== null ? lang.t('consultation.report.answerVersion', { date, version: c.answeredVersion }) : lang.t('consultation.report.answer', { date });
  const lines = [heading, ''];
  if (answersEarlierVersion(c)) {
    const values = { answered: c.answeredVersion ?? 0, version: c.version };
    lines.push(
      c.answeredStatus
        ? lang.t('consultation.report.earlierStatus', { ...values, status: lang.t(`consultation.statusInText.${c.answeredStatus}`) })
        : lang.t('consultation.report.earlier', values),
      '',
    );
  }
  return [...lines, quote(c.answer), ''];
}

/** The thread under a comment: every reply ("innlegg") in full, each quoted under who wrote it. */
function threadLines(lang: ReportLanguage, replies: Reply[]): string[] {
  if (replies.length === 0) return [];
  const lines = [lang.t('consultation.report.thread', { count: replies.length }), ''];
  for (const r of replies) {
    lines.push(lang.t('consultation.report.replyBy', { author: cell(replyAuthor(r, lang)), date: dayOf(lang, r.createdAt) }), '', r.text === null ? lang.t('consultation.report.hiddenText') : quote(r.text), '');
  }
  return lines;
}

export function reportMarkdown(report: ConsultationReport, lang: ReportLanguage): string {
  const { round, figures } = report;
  const { t } = lang;
  const out: string[] = [
    `# ${t('consultation.report.title', { title: cell(round.title) })}`,
    '',
    `- ${t('consultation.report.phase', { phase: t(`consultation.phase.${round.phase}`) })}`,
    `- ${t('consultation.report.period', { opens: lang.date(round.opensOn), closes: lang.date(round.closesOn), state: t(`consultation.stateInText.${report.state}`) })}`,
    `- ${t('consultation.report.generated', { at: lang.dateTime(report.generatedAt) })}`,
    `- ${t('consultation.report.comments', { count: figures.all.total, hidden: figures.all.hidden })}`,
    '',
  ];
  if (round.description.trim() !== '') out.push(quote(round.description), '');
  out.push(`## ${t('consultation.report.byStatus')}`, '', ...figureTable(lang, t('consultation.figures.all'), [{ label: t('consultation.figures.allComments'), tally: figures.all }]), '');
  out.push(`## ${t('consultation.report.byOrganisation')}`, '');
  if (figures.byOrganisation.length === 0) out.push(t('consultation.report.noComments'), '');
  else out.push(...figureTable(lang, t('consultation.figures.organisation'), figures.byOrganisation.map((o) => ({ label: o.name, tally: o }))), '');
  out.push(`## ${t('consultation.report.byElement')}`, '');
  for (const group of report.groups) {
    out.push(`### ${cell(itemLabel(group.item))}`, '');
    if (group.item.currentText !== null) out.push(t('consultation.report.currentText'), '', quote(group.item.currentText), '');
    else out.push(t('consultation.report.deleted'), '');
    if (group.comments.length === 0) out.push(t('consultation.report.noComments'), '');
    for (const c of group.comments) {
      const title = t('consultation.report.commentTitle', { id: c.id, kind: t(`consultation.kind.${c.kind}`), organisation: cell(c.organisationName) });
      out.push(`#### ${title}`, '');
      const written = dayOf(lang, c.createdAt);
      out.push(
        `- ${c.version > 1 ? t('consultation.report.writtenEdited', { written, edited: dayOf(lang, c.updatedAt), version: c.version }) : t('consultation.report.written', { written })}`,
        `- ${t('consultation.report.status', { status: t(`consultation.status.${c.status}`) })}`,
      );
      const applied = appliedMessage(c);
      if (applied) out.push(`- ${say(lang, applied)}`);
      if (c.hidden) out.push(`- **${t('consultation.report.hiddenMark')}**${c.hiddenReason ? `: ${cell(c.hiddenReason)}` : ''}`);
      out.push('');
      out.push(c.text === null ? t('consultation.report.hiddenText') : quote(c.text), '');
      if (c.proposal !== null) out.push(t('consultation.report.proposal'), '', quote(proposalAsText(c)), '');
      out.push(...answerLines(lang, c));
      out.push(...threadLines(lang, c.replies));
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
