import { createHash } from 'node:crypto';
/**
 * What every importer (spreadsheet, ReqIF, ArchiMate, JSON) answers before it writes anything:
 * the dry-run report. The same shape for every file type, so that one page and one CLI print
 * them all, and applying a file is "the same report, then write". Pure data, no I/O.
 */

/** A problem in the file, placed as precisely as the format allows. */
export interface ImportProblem {
  /** Spreadsheets: the row number as the spreadsheet shows it (header is row 1). */
  row?: number;
  /** Spreadsheets: the column's header as written in the file. */
  column?: string;
  /** XML and JSON: where in the file (an element's identifier, a JSON path). */
  at?: string;
  /** In Norwegian, a sentence that says what is wrong and what to do. */
  message: string;
}

/** One field of one record, before and after (texts as people read them). */
export interface ImportFieldChange {
  field: string;
  before: string;
  after: string;
}

/** One record the import would touch: a requirement (by its number), an element (kind:key), a chapter. */
export interface ImportItem {
  /** What the record is, e.g. "AKS-0012" or "capability:legemidler" or "kapittel 2.1". */
  ref: string;
  /** Its name, for people. */
  label: string;
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
  notes: string[];
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
