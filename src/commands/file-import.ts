import { randomBytes } from 'node:crypto';
import { readArchimate } from '../../model/exchange/archimate-read.ts';
import { importCounts, reportFingerprint, type ImportReport } from '../../model/exchange/import-report.ts';
import { readReqif } from '../../model/exchange/reqif-read.ts';
import type { Db } from '../db/index.ts';
import { importArchimate } from './archimate-import.ts';
import { NotFound, RuleRefused } from './errors.ts';
import { importModelDocument } from './model-import.ts';
import { IMPORT_FILE_HOURS } from './requirement-import.ts';
import { importRequirementSet } from './requirement-set-import.ts';
import { change, type Caller, type Tx } from './run.ts';

/*
 * Use cases: the `/import` page's files that are documents rather than rows (issue 15): a JSON
 * model (`/api/model` or a baseline's), ReqIF, or an ArchiMate exchange file. As for
 * spreadsheets, the upload is kept for its owner until it expires; its dry run stores the report
 * and the report's fingerprint; applying plans again inside the importer's own transaction and
 * writes only if the report is still the one the architect saw. Each importer audits itself.
 */

export const documentKinds = ['model', 'reqif', 'archimate'] as const;
export type DocumentKind = (typeof documentKinds)[number];
export type DocumentApplyMode = 'all' | 'valid';

/**
 * Which importer reads a file, from its first bytes (never its name, as for spreadsheets): a JSON
 * object is a model document, XML with a REQ-IF root is ReqIF, XML in the ArchiMate exchange
 * namespace is ArchiMate; anything else goes to the spreadsheet reader (which refuses other markup).
 */
export function documentKindOf(head: string): DocumentKind | null {
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'model';
  if (!start.startsWith('<')) return null;
  if (/<(\w+:)?REQ-IF[\s>]/.test(start)) return 'reqif';
  if (/<(\w+:)?model[\s>]/.test(start) && /opengroup\.org\/xsd\/archimate\//.test(start)) return 'archimate';
  return null;
}

export interface DocumentUpload {
  id: string;
  kind: DocumentKind;
  fileName: string;
  text: string;
  report: ImportReport | null;
  fingerprint: string | null;
  /** What applying wrote (the report's counts), once applied. */
  result: { mode: DocumentApplyMode; created: number; changed: number; unchanged: number; problems: number } | null;
  expiresAt: string;
}

/** Runs the importer of `kind` on the text, as `mode` says. */
function runImporter(db: Db, caller: Caller, upload: { kind: DocumentKind; fileName: string; text: string }, mode: 'dry-run' | DocumentApplyMode, expectReport?: string) {
  const extra = expectReport === undefined ? {} : { expectReport };
  switch (upload.kind) {
    case 'model':
      if (mode === 'valid') throw new RuleRefused({ key: 'errors.refused.jsonWhole' });
      return importModelDocument(db, caller, { fileName: upload.fileName, text: upload.text, mode, ...extra });
    case 'reqif':
      return importRequirementSet(db, caller, { format: 'reqif', fileName: upload.fileName, read: readReqif(upload.text), mode, ...extra });
    case 'archimate':
      return importArchimate(db, caller, { fileName: upload.fileName, read: readArchimate(upload.text), mode, ...extra });
  }
}

/** Stores an uploaded document for its dry run and apply; returns its id (secret, random). */
export function storeDocumentUpload(db: Db, caller: Caller, input: { kind: DocumentKind; fileName: string; text: string }): Promise<{ id: string }> {
  return change(db, caller, 'exchange.import', {
    load: async () => caller.user!,
    write: async (trx, user) => {
      const now = caller.at.toISOString();
      await trx.deleteFrom('import_file').where('expires_at', '<', now).execute();
      const id = randomBytes(18).toString('base64url');
      await trx
        .insertInto('import_file')
        .values({ id, user_id: user.id, kind: input.kind, file_name: input.fileName, content: input.text, created_at: now, expires_at: new Date(caller.at.getTime() + IMPORT_FILE_HOURS * 3_600_000).toISOString() })
        .execute();
      return { id };
    },
  });
}

/** The caller's own document upload that has not expired, or null when the id is a spreadsheet's; anyone else's is "not found". */
export async function loadDocumentUpload(db: Db | Tx, caller: Caller, id: string): Promise<DocumentUpload | null> {
  const row = await db.selectFrom('import_file').selectAll().where('id', '=', id).where('user_id', '=', caller.user?.id ?? -1).executeTakeFirst();
  if (!row || (row.applied_at === null && row.expires_at < caller.at.toISOString())) {
    throw new NotFound({ key: 'errors.refused.importGone' });
  }
  if (!(documentKinds as readonly string[]).includes(row.kind)) return null;
  return {
    id: row.id,
    kind: row.kind as DocumentKind,
    fileName: row.file_name,
    text: row.content,
    report: row.report === null ? null : (JSON.parse(row.report) as ImportReport),
    fingerprint: row.fingerprint,
    result: row.result === null ? null : (JSON.parse(row.result) as DocumentUpload['result']),
    expiresAt: row.expires_at,
  };
}

async function keep(db: Db, caller: Caller, id: string, values: { report?: string; fingerprint?: string; result?: string; applied_at?: string }): Promise<void> {
  await change(db, caller, 'exchange.import', {
    load: (trx) => loadDocumentUpload(trx, caller, id),
    write: async (trx) => {
      await trx.updateTable('import_file').set(values).where('id', '=', id).execute();
    },
  });
}

/** The dry run of a stored document: its report, kept with the upload with its fingerprint. */
export async function dryRunDocumentUpload(db: Db, caller: Caller, upload: DocumentUpload): Promise<{ report: ImportReport; fingerprint: string }> {
  const { report } = await runImporter(db, caller, upload, 'dry-run');
  const fingerprint = reportFingerprint(report);
  await keep(db, caller, upload.id, { report: JSON.stringify(report), fingerprint });
  return { report, fingerprint };
}

export type DocumentApplyOutcome = 'applied' | 'replanned' | 'refused';

/**
 * Applies a stored document whose dry run the caller saw (`fingerprint`): written only if the
 * report is still that one; otherwise the new report is kept and nothing is written.
 */
export async function applyDocumentUpload(db: Db, caller: Caller, upload: DocumentUpload, mode: DocumentApplyMode, fingerprint: string): Promise<DocumentApplyOutcome> {
  if (upload.result) throw new RuleRefused({ key: 'errors.refused.alreadyImported' }, { key: 'errors.refused.alreadyImported.title' });
  if (fingerprint !== upload.fingerprint) return 'replanned';
  const outcome = await runImporter(db, caller, upload, mode, fingerprint);
  if (outcome.replanned) {
    await keep(db, caller, upload.id, { report: JSON.stringify(outcome.report), fingerprint: reportFingerprint(outcome.report) });
    return 'replanned';
  }
  if (!outcome.applied) return 'refused';
  await keep(db, caller, upload.id, { result: JSON.stringify({ mode, ...importCounts(outcome.report) }), applied_at: caller.at.toISOString() });
  return 'applied';
}
