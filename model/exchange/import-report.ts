import { createHash } from 'node:crypto';
import { i18nFor, type I18n } from '../../views/i18n/index.ts';
import { messageText } from '../../views/i18n/issues.ts';
import type { Message, MessageKey } from '../messages.ts';

/**
 * What every importer (spreadsheet, ReqIF, ArchiMate, JSON) answers before it writes anything:
 * the dry-run report. The same shape for every file type, so that one page and one CLI print
 * them all, and applying a file is "the same report, then write". Pure data, no I/O.
 */

/**
 * What a report says about the file: `message` in bokmål (the command line prints it, the audit and
 * the tests read it) and, where the importer gives one, `said`, the catalogue message the page says
 * in the reader's language. A report is stored as it was planned, so it holds no reader's language.
 */
export interface ImportText {
  message: string;
  said?: Message;
}

/** A catalogue message as report text (`ImportText`): the message and its bokmål wording. */
export function reportText(said: Message): ImportText {
  return { message: messageText(said, i18nFor('nb')), said };
}

/** An item's name in the reader's language: its catalogue name where the importer gave one, else its label as written. */
export function itemLabelIn(item: Pick<ImportItem, 'label' | 'said'>, i18n: I18n): string {
  if (item.said === undefined) return item.label;
  return typeof item.said === 'string' ? i18n.t(item.said) : messageText(item.said, i18n);
}

/** Report text in the reader's language: its catalogue message, else its bokmål as written (a report stored before it had one: a plain string). */
export function reportTextIn(text: ImportText | string, i18n: I18n): string {
  if (typeof text === 'string') return text;
  return text.said ? messageText(text.said, i18n) : text.message;
}

/** A problem in the file, placed as precisely as the format allows. */
export interface ImportProblem extends ImportText {
  /** Spreadsheets: the row number as the spreadsheet shows it (header is row 1). */
  row?: number;
  /** Spreadsheets: the column's header as written in the file. */
  column?: string;
  /** XML and JSON: where in the file (an element's identifier, a JSON path). */
  at?: string;
}

/** One field of one record, before and after (texts as people read them). */
export interface ImportFieldChange {
  /** The field's name in bokmål (CLI, audit). */
  field: string;
  /** The field's name as a catalogue key, said in the reader's language on the report page; a report without it shows `field`. */
  said?: MessageKey;
  before: string;
  after: string;
}

/** One record the import would touch: a requirement (by its number), an element (kind:key), a chapter. */
export interface ImportItem {
  /** What the record is, e.g. "AKS-0012" or "capability:legemidler" or "kapittel 2.1". */
  ref: string;
  /** Its name, for people (in bokmål where the importer names it itself: CLI, audit). */
  label: string;
  /**
   * Where the importer names the record itself (a link's kind, an element's kind before its name):
   * that name as a catalogue key or message, said in the reader's language on the report page; a
   * report without it shows `label`.
   */
  said?: MessageKey | Message;
  /** Spreadsheets: the row it comes from. */
  row?: number;
}

export interface ImportReport {
  format: 'xlsx' | 'csv' | 'reqif' | 'archimate' | 'json';
  fileName: string;
  /** Records the file would create. */
  created: ImportItem[];
  /** Records the file would change, field by field. */
  changed: Array<ImportItem & { fields: ImportFieldChange[] }>;
  /** Records the file has that are already as the file says: left alone. */
  unchanged: ImportItem[];
  /** What stops the file (or a row) from being imported. An import with problems writes nothing unless only valid rows are asked for. */
  problems: ImportProblem[];
  /** What the import keeps or drops without stopping, e.g. unknown attributes kept as tags. */
  notes: ImportText[];
}

export function emptyImportReport(format: ImportReport['format'], fileName: string): ImportReport {
  return { format, fileName, created: [], changed: [], unchanged: [], problems: [], notes: [] };
}

/** The counts an applied import is audited with. */
export function importCounts(report: ImportReport): { created: number; changed: number; unchanged: number; problems: number } {
  return { created: report.created.length, changed: report.changed.length, unchanged: report.unchanged.length, problems: report.problems.length };
}

/** What a dry run showed, as a short hash: applying writes only if planning again gives the same. */
export function reportFingerprint(report: ImportReport): string {
  return createHash('sha256').update(JSON.stringify(report)).digest('base64url').slice(0, 32);
}
