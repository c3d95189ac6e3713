import { csvDocument } from '../review/csv.ts';
import { requirementPriorityLabel, requirementStatusLabel, verificationMethodLabel, type RequirementPriority, type RequirementStatus, type VerificationMethod } from '../schemas.ts';

/**
 * The requirement set as a spreadsheet: one row per requirement, the same columns in CSV and
 * XLSX, in this order, so that a file exported, edited and imported again lines up column by
 * column. Values are the labels people read (priority "Skal", status "Godkjent"), never codes.
 */
export const requirementSheetColumns = [
  { key: 'ref', header: 'Kravnummer', width: 12 },
  { key: 'chapter', header: 'Kapittel', width: 30 },
  { key: 'name', header: 'Navn', width: 30 },
  { key: 'text', header: 'Kravtekst', width: 70 },
  { key: 'type', header: 'Type', width: 22 },
  { key: 'priority', header: 'Prioritet', width: 10 },
  { key: 'status', header: 'Status', width: 12 },
  { key: 'acceptanceCriteria', header: 'Akseptansekriterier', width: 50 },
  { key: 'verificationMethod', header: 'Verifikasjonsmetode', width: 16 },
  { key: 'rationale', header: 'Begrunnelse', width: 40 },
  { key: 'linkedElements', header: 'Koblede elementer', width: 40 },
  { key: 'source', header: 'Kilde', width: 18 },
  { key: 'tags', header: 'Etiketter', width: 20 },
  { key: 'version', header: 'Versjon', width: 8 },
  { key: 'updatedAt', header: 'Sist endret', width: 20 },
] as const;
export type RequirementSheetColumn = (typeof requirementSheetColumns)[number]['key'];

/** One requirement as the export query reads it. */
export interface RequirementSheetSource {
  ref: string;
  name: string;
  text: string;
  rationale: string;
  priority: RequirementPriority;
  status: RequirementStatus;
  chapter: string | null;
  typeLabel: string | null;
  acceptanceCriteria: string;
  verificationMethod: VerificationMethod | null;
  /** `kind:key` of each element the requirement governs. */
  linkedElements: string[];
  source: string | null;
  tags: string[];
  version: number;
  updatedAt: string;
}

export type RequirementSheetRow = Record<RequirementSheetColumn, string>;

/** The row a spreadsheet shows: labels, lists joined with a newline-free separator, text kept as typed. */
export function requirementSheetRow(r: RequirementSheetSource, formatTime: (iso: string) => string): RequirementSheetRow {
  return {
    ref: r.ref,
    chapter: r.chapter ?? '',
    name: r.name,
    text: r.text,
    type: r.typeLabel ?? '',
    priority: requirementPriorityLabel[r.priority],
    status: requirementStatusLabel[r.status],
    acceptanceCriteria: r.acceptanceCriteria,
    verificationMethod: r.verificationMethod ? verificationMethodLabel[r.verificationMethod] : '',
    rationale: r.rationale,
    linkedElements: r.linkedElements.join(', '),
    source: r.source ?? '',
    tags: r.tags.join(', '),
    version: String(r.version),
    updatedAt: formatTime(r.updatedAt),
  };
}

/** The CSV file: a byte-order mark for Excel, CRLF, every cell defused against formulas. */
export function requirementSheetCsv(rows: readonly RequirementSheetRow[]): string {
  return csvDocument(
    requirementSheetColumns.map((c) => c.header),
    rows.map((row) => requirementSheetColumns.map((c) => row[c.key])),
  );
}
