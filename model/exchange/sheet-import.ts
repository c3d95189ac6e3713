import { createHash } from 'node:crypto';
import type { ImportReport as CommonImportReport } from './import-report.ts';
import { z } from 'zod';
import { elementInputSchemas } from '../editing.ts';
import { tagListSchema } from '../requirements.ts';
import {
  requirementPriorities,
  requirementPriorityLabel,
  requirementStatuses,
  requirementStatusLabel,
  verificationMethodLabel,
  verificationMethods,
  type RequirementPriority,
  type RequirementStatus,
  type VerificationMethod,
} from '../schemas.ts';
import { textRule } from '../text.ts';
import { say, type MessageKey } from '../messages.ts';
import { issueSaid, type IssueLike } from '../../views/i18n/issues.ts';
import { defaultLanguage, i18nFor } from '../../views/i18n/index.ts';
import { requirementSheetColumns, type RequirementSheetColumn } from './requirement-sheet.ts';

/*
 * Reading the requirement spreadsheet back in (issue 15): the rows of a file in the export's
 * layout, checked cell by cell and compared with the requirements as they are, give a plan: what
 * would be created, changed (field by field, old → new), left alone, what conflicts with a newer
 * version, and every problem by row and column. Pure: the file reading is in src/exchange, the
 * database reading and writing in src/commands/requirement-import.ts.
 */

/** The most data rows one import takes; a larger file is refused before any row is checked (README). */
export const MAX_IMPORT_ROWS = 20_000;

/** One data row of the file: its row number as the spreadsheet shows it (the header is row 1). */
export interface SheetRow {
  row: number;
  cells: string[];
}

/** A file read into a table of text cells, with how it was read. */
export interface SheetTable {
  format: 'xlsx' | 'csv';
  /** For CSV: 'utf-8', 'utf-8-bom', 'utf-16le', 'windows-1252'. */
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  rows: SheetRow[];
}

/** The fields an import writes. `source` and `updatedAt` are the export's, never read back. */
export const importedFields = [
  'chapter',
  'name',
  'text',
  'type',
  'priority',
  'status',
  'acceptanceCriteria',
  'verificationMethod',
  'rationale',
  'linkedElements',
  'tags',
] as const satisfies readonly RequirementSheetColumn[];
export type ImportedField = (typeof importedFields)[number];

export const headerOf = Object.fromEntries(requirementSheetColumns.map((c) => [c.key, c.header])) as Record<RequirementSheetColumn, string>;

/** A requirement's values as an import compares and writes them. */
export interface RequirementValues {
  name: string;
  text: string;
  chapterId: number | null;
  typeKey: string | null;
  priority: RequirementPriority;
  status: RequirementStatus;
  acceptanceCriteria: string;
  verificationMethod: VerificationMethod | null;
  rationale: string;
  /** `kind:key` of every element the requirement governs, sorted. */
  linked: string[];
  tags: string[];
}

/** What the database holds, as the plan needs it. */
export interface ImportState {
  requirements: ReadonlyMap<string, { id: number; version: number; values: RequirementValues }>;
  /** Each chapter with its numbered label ("2.1 Legemidler"), as the export writes it. */
  chapters: ReadonlyArray<{ id: number; label: string; name: string }>;
  types: ReadonlyArray<{ key: string; label: string }>;
  /** Every element's id by `kind:key`. */
  elements: ReadonlyMap<string, number>;
}

/**
 * A cell's validation message as the report stores it: the catalogue message (`say`) with its
 * values, said in the reader's language when the report is shown (`problemMessage`); a message
 * that is not in the catalogue as it is.
 */
function issueCode(issue: IssueLike): string {
  const said = issueSaid(issue, i18nFor(defaultLanguage));
  return said ? say(said.key, said.values) : issue.message;
}

export type ProblemCode =
  | 'required'
  | 'invalid'
  | 'priority'
  | 'status'
  | 'verification'
  | 'type'
  | 'chapter'
  | 'chapterAmbiguous'
  | 'elementFormat'
  | 'unknownElement'
  | 'selfLink'
  | 'duplicate'
  | 'version'
  | 'versionMissing';

/** A problem in one cell (or a whole row when `column` is null), with the values its message needs. */
export interface RowProblem {
  row: number;
  column: string | null;
  code: ProblemCode;
  values: Record<string, string | number>;
}

export interface FieldDiff {
  field: ImportedField;
  column: string;
  before: string;
  after: string;
}

export interface ImportReport {
  fileName: string;
  format: 'xlsx' | 'csv';
  encoding: string | null;
  delimiter: string | null;
  rowCount: number;
  created: Array<{ row: number; fileRef: string; name: string }>;
  changed: Array<{ row: number; ref: string; diffs: FieldDiff[] }>;
  unchanged: Array<{ row: number; ref: string }>;
  /** Known requirements whose file version is not the database's, where the row would change something. */
  conflicts: Array<{ row: number; ref: string; fileVersion: number; currentVersion: number; diffs: FieldDiff[] }>;
  problems: RowProblem[];
  /** Headers the import does not read (unknown, or the export's read-only ones). */
  ignoredColumns: string[];
}

export interface ImportPlan {
  report: ImportReport;
  creates: Array<{ row: number; values: RequirementValues }>;
  updates: Array<{ row: number; ref: string; id: number; version: number; values: RequirementValues; before: RequirementValues; diffs: FieldDiff[] }>;
  /** Over what the plan was made from and what it would do: the dry run and the apply must agree on it. */
  fingerprint: string;
}

export type HeaderRefusal = { code: 'missing-columns'; columns: string } | { code: 'no-rows' };

/** Which column holds which field; the export's read-only and unknown headers are ignored. */
export function mapHeaders(headers: readonly string[]): { ok: true; index: Partial<Record<RequirementSheetColumn, number>>; ignored: string[] } | { ok: false; refusal: HeaderRefusal } {
  const byHeader = new Map(requirementSheetColumns.map((c) => [c.header.toLowerCase(), c.key]));
  const index: Partial<Record<RequirementSheetColumn, number>> = {};
  const ignored: string[] = [];
  headers.forEach((h, i) => {
    const key = byHeader.get(h.trim().toLowerCase());
    if (key && index[key] === undefined && key !== 'source' && key !== 'updatedAt') index[key] = i;
    else if (h.trim() !== '') ignored.push(h.trim());
  });
  const missing = (['ref', 'name', 'text'] as const).filter((k) => index[k] === undefined).map((k) => `«${headerOf[k]}»`);
  if (missing.length > 0) return { ok: false, refusal: { code: 'missing-columns', columns: missing.join(', ') } };
  return { ok: true, index, ignored };
}

// Cell readers -------------------------------------------------------------------------------

const fold = (s: string) => s.trim().toLowerCase();
const priorityByWord = new Map<string, RequirementPriority>([
  ...requirementPriorities.map((p) => [p, p] as const),
  ...requirementPriorities.map((p) => [fold(requirementPriorityLabel[p]), p] as const),
  ['skal', 'must'],
]);
const statusByWord = new Map<string, RequirementStatus>([
  ...requirementStatuses.map((s) => [s, s] as const),
  ...requirementStatuses.map((s) => [fold(requirementStatusLabel[s]), s] as const),
]);
const methodByWord = new Map<string, VerificationMethod>([
  ...verificationMethods.map((m) => [m, m] as const),
  ...verificationMethods.map((m) => [fold(verificationMethodLabel[m]), m] as const),
]);

const multiLine = (subject: MessageKey, max: number) =>
  textRule('multi-line', subject, z.string().transform((s) => s.trim()).pipe(z.string().max(max, say('validation.field.tooLong', { subject }))));
const fieldSchemas = {
  name: elementInputSchemas.requirement.shape.name,
  text: elementInputSchemas.requirement.shape.text,
  rationale: multiLine('validation.subject.reason', 10_000),
  acceptanceCriteria: multiLine('validation.subject.acceptanceCriteria', 10_000),
};

/** The values the export writes for these values: what a diff shows, and what a round trip compares. */
export function displayValues(v: RequirementValues, state: Pick<ImportState, 'chapters' | 'types'>): Record<ImportedField, string> {
  return {
    chapter: v.chapterId === null ? '' : (state.chapters.find((c) => c.id === v.chapterId)?.label ?? ''),
    name: v.name,
    text: v.text,
    type: v.typeKey === null ? '' : (state.types.find((t) => t.key === v.typeKey)?.label ?? v.typeKey),
    priority: requirementPriorityLabel[v.priority],
    status: requirementStatusLabel[v.status],
    acceptanceCriteria: v.acceptanceCriteria,
    verificationMethod: v.verificationMethod ? verificationMethodLabel[v.verificationMethod] : '',
    rationale: v.rationale,
    linkedElements: v.linked.join(', '),
    tags: v.tags.join(', '),
  };
}

const emptyValues: Omit<RequirementValues, 'name' | 'text'> = {
  chapterId: null,
  typeKey: null,
  priority: 'should',
  status: 'draft',
  acceptanceCriteria: '',
  verificationMethod: null,
  rationale: '',
  linked: [],
  tags: [],
};

/**
 * The plan for the rows of a file against the database as it is. Each row is checked on its own
 * (every problem in it is reported), then as part of the file (an id twice).
 */
export function planImport(table: SheetTable, fileName: string, state: ImportState): ImportPlan | { refusal: HeaderRefusal } {
  const mapped = mapHeaders(table.headers);
  if (!mapped.ok) return { refusal: mapped.refusal };
  if (table.rows.length === 0) return { refusal: { code: 'no-rows' } };
  const { index } = mapped;
  const column = (key: RequirementSheetColumn) => table.headers[index[key]!]!.trim();
  const problems: RowProblem[] = [];
  const report: ImportReport = {
    fileName,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    rowCount: table.rows.length,
    created: [],
    changed: [],
    unchanged: [],
    conflicts: [],
    problems,
    ignoredColumns: mapped.ignored,
  };
  const creates: ImportPlan['creates'] = [];
  const updates: ImportPlan['updates'] = [];

  // Ids named more than once: every row that names one is refused, so no row silently wins.
  const rowsByRef = new Map<string, number[]>();
  for (const r of table.rows) {
    const ref = (r.cells[index.ref!] ?? '').trim().toUpperCase();
    if (ref !== '') rowsByRef.set(ref, [...(rowsByRef.get(ref) ?? []), r.row]);
  }

  const chapterByLabel = new Map(state.chapters.map((c) => [fold(c.label), c.id]));
  const chaptersByName = new Map<string, number[]>();
  for (const c of state.chapters) chaptersByName.set(fold(c.name), [...(chaptersByName.get(fold(c.name)) ?? []), c.id]);
  const typeByWord = new Map<string, string>([...state.types.map((t) => [fold(t.key), t.key] as const), ...state.types.map((t) => [fold(t.label), t.key] as const)]);

  for (const r of table.rows) {
    const rowProblems: RowProblem[] = [];
    const problem = (key: RequirementSheetColumn | null, code: ProblemCode, values: Record<string, string | number> = {}) =>
      rowProblems.push({ row: r.row, column: key === null ? null : column(key), code, values });
    const cell = (key: RequirementSheetColumn): string | undefined => (index[key] === undefined ? undefined : (r.cells[index[key]!] ?? ''));

    const ref = (cell('ref') ?? '').trim().toUpperCase();
    const existing = ref === '' ? undefined : state.requirements.get(ref);
    const base: RequirementValues = existing ? { ...existing.values } : { ...emptyValues, name: '', text: '' };
    const values: RequirementValues = { ...base };

    const duplicates = ref === '' ? [] : (rowsByRef.get(ref) ?? []);
    if (duplicates.length > 1) problem('ref', 'duplicate', { value: ref, rows: duplicates.join(', ') });

    for (const key of ['name', 'text', 'rationale', 'acceptanceCriteria'] as const) {
      const raw = cell(key);
      if (raw === undefined) continue;
      const parsed = fieldSchemas[key].safeParse(raw);
      if (!parsed.success) problem(key, raw.trim() === '' ? 'required' : 'invalid', { message: parsed.error.issues[0] ? issueCode(parsed.error.issues[0]) : '' });
      else values[key] = parsed.data;
    }

    const priority = cell('priority');
    if (priority !== undefined) {
      if (priority.trim() === '') problem('priority', 'required');
      else {
        const p = priorityByWord.get(fold(priority));
        if (p) values.priority = p;
        else problem('priority', 'priority', { value: priority.trim() });
      }
    } else if (!existing) problem('priority', 'required');

    const status = cell('status');
    if (status !== undefined && status.trim() !== '') {
      const s = statusByWord.get(fold(status));
      if (s) values.status = s;
      else problem('status', 'status', { value: status.trim() });
    } else if (status !== undefined && existing) problem('status', 'required');

    const method = cell('verificationMethod');
    if (method !== undefined) {
      if (method.trim() === '') values.verificationMethod = null;
      else {
        const m = methodByWord.get(fold(method));
        if (m) values.verificationMethod = m;
        else problem('verificationMethod', 'verification', { value: method.trim() });
      }
    }

    const type = cell('type');
    if (type !== undefined) {
      if (type.trim() === '') values.typeKey = null;
      else {
        const t = typeByWord.get(fold(type));
        if (t) values.typeKey = t;
        else problem('type', 'type', { value: type.trim(), types: state.types.map((x) => x.label).join(', ') });
      }
    }

    const chapter = cell('chapter');
    if (chapter !== undefined) {
      if (chapter.trim() === '') values.chapterId = null;
      else {
        const byLabel = chapterByLabel.get(fold(chapter));
        const byName = chaptersByName.get(fold(chapter)) ?? [];
        if (byLabel !== undefined) values.chapterId = byLabel;
        else if (byName.length === 1) values.chapterId = byName[0]!;
        else if (byName.length > 1) problem('chapter', 'chapterAmbiguous', { value: chapter.trim() });
        else problem('chapter', 'chapter', { value: chapter.trim() });
      }
    }

    const linked = cell('linkedElements');
    if (linked !== undefined) {
      const refs = [...new Set(linked.split(/[,;\n]/).map((s) => s.trim()).filter((s) => s !== ''))];
      const ok: string[] = [];
      for (const l of refs) {
        if (!/^[A-Za-z]+:[a-z0-9]+(?:-[a-z0-9]+)*$/.test(l)) problem('linkedElements', 'elementFormat', { value: l });
        else if (!state.elements.has(l)) problem('linkedElements', 'unknownElement', { value: l });
        else if (existing && state.elements.get(l) === existing.id) problem('linkedElements', 'selfLink', { value: l });
        else ok.push(l);
      }
      values.linked = ok.sort();
    }

    const tags = cell('tags');
    if (tags !== undefined) {
      const parsed = tagListSchema.safeParse(tags);
      if (parsed.success) values.tags = parsed.data;
      else problem('tags', 'invalid', { message: parsed.error.issues[0] ? issueCode(parsed.error.issues[0]) : '' });
    }

    let fileVersion: number | null = null;
    const version = cell('version');
    if (version !== undefined && version.trim() !== '') {
      if (/^\d{1,9}$/.test(version.trim())) fileVersion = Number(version.trim());
      else problem('version', 'version', { value: version.trim() });
    }
    if (existing && fileVersion === null && !rowProblems.some((p) => p.code === 'version')) {
      problem(index.version === undefined ? 'ref' : 'version', 'versionMissing', { ref });
    }

    problems.push(...rowProblems);
    if (rowProblems.length > 0) continue;

    if (!existing) {
      report.created.push({ row: r.row, fileRef: ref, name: values.name });
      creates.push({ row: r.row, values });
      continue;
    }
    const before = displayValues(existing.values, state);
    const after = displayValues(values, state);
    const diffs: FieldDiff[] = importedFields
      .filter((f) => before[f] !== after[f])
      .map((f) => ({ field: f, column: headerOf[f], before: before[f], after: after[f] }));
    if (diffs.length === 0) report.unchanged.push({ row: r.row, ref });
    else if (fileVersion !== existing.version) {
      // The file was made from another version: applying it would overwrite what someone saved since.
      report.conflicts.push({ row: r.row, ref, fileVersion: fileVersion!, currentVersion: existing.version, diffs });
    } else {
      report.changed.push({ row: r.row, ref, diffs });
      updates.push({ row: r.row, ref, id: existing.id, version: existing.version, values, before: existing.values, diffs });
    }
  }
  problems.sort((a, b) => a.row - b.row);

  const fingerprint = createHash('sha256')
    .update(JSON.stringify([creates, updates.map((u) => [u.row, u.id, u.version, u.values]), report.unchanged, report.conflicts, problems]))
    .digest('hex')
    .slice(0, 32);
  return { report, creates, updates, fingerprint };
}

/** The rows the plan leaves out: those with a problem and those in conflict, each once, in order. */
export function rowsLeftOut(report: ImportReport): number[] {
  return [...new Set([...report.problems.map((p) => p.row), ...report.conflicts.map((c) => c.row)])].sort((a, b) => a - b);
}

/**
 * The spreadsheet's report in the shape every importer answers (`import-report.ts`), for the one
 * printer the command line uses for all of them: conflicts are rows that will not be applied, so
 * they count among the problems there; the words come from the caller's language.
 */
export function asImportReport(
  report: ImportReport,
  text: { problem: (p: RowProblem) => string; conflict: (c: ImportReport['conflicts'][number]) => string; newRef: (fileRef: string) => string; ignored: (columns: string) => string },
): CommonImportReport {
  return {
    format: report.format,
    fileName: report.fileName,
    created: report.created.map((c) => ({ ref: text.newRef(c.fileRef), label: c.name, row: c.row })),
    changed: report.changed.map((c) => ({ ref: c.ref, label: c.ref, row: c.row, fields: c.diffs.map((d) => ({ field: d.column, before: d.before, after: d.after })) })),
    unchanged: report.unchanged.map((u) => ({ ref: u.ref, label: u.ref, row: u.row })),
    problems: [
      ...report.problems.map((p) => ({ row: p.row, ...(p.column === null ? {} : { column: p.column }), message: text.problem(p) })),
      ...report.conflicts.map((c) => ({ row: c.row, message: text.conflict(c) })),
    ].sort((a, b) => a.row - b.row),
    notes: report.ignoredColumns.length > 0 ? [{ message: text.ignored(report.ignoredColumns.join(', ')) }] : [],
  };
}
