import type { ImportReport } from '../../model/exchange/import-report.ts';
import { readArchimate } from '../../model/exchange/archimate-read.ts';
import { readReqif } from '../../model/exchange/reqif-read.ts';
import { importArchimate } from '../commands/archimate-import.ts';
import { importModelDocument } from '../commands/model-import.ts';
import { MAX_MODEL_JSON_BYTES } from '../../model/exchange/model-import.ts';
import { MAX_XML_BYTES } from '../../model/exchange/xml.ts';
import { importRequirementSetFromCommandLine, type ImportMode } from '../commands/requirement-set-import.ts';
import type { Db } from '../db/index.ts';

/** The file types `npm run import` reads as XML (ReqIF or ArchiMate) rather than as a spreadsheet. */
export const isReqifFile = (path: string): boolean => /\.(reqif|xml)$/i.test(path);

/**
 * `npm run import -- FILE.reqif|FILE.xml [--dry-run] [--bare-gyldige]`: the ReqIF or ArchiMate import with its report
 * printed. Exit codes as for spreadsheets: 0 applied (or a clean dry run), 1 problems and nothing
 * written, 2 a file that cannot be read.
 */
export async function runReqifImport(
  bytes: Buffer,
  fileName: string,
  flags: ReadonlySet<string>,
  io: { db: Db; now: () => Date; out: (line: string) => void; err: (line: string) => void },
): Promise<number> {
  if (bytes.length > MAX_XML_BYTES) {
    io.err(`Filen er større enn ${MAX_XML_BYTES / 1024 / 1024} MB, som er det største som kan importeres.`);
    return 2;
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const mode: ImportMode = flags.has('--dry-run') ? 'dry-run' : flags.has('--bare-gyldige') ? 'valid' : 'all';
  // An ArchiMate exchange file (its root is <model>) or ReqIF (<REQ-IF>, possibly with a prefix).
  const archimate = /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<model[\s>]/.test(text);
  const { report, applied } = archimate
    ? await importArchimate(io.db, 'command-line', { fileName, read: readArchimate(text), mode, at: io.now() })
    : await importRequirementSetFromCommandLine(io.db, { format: 'reqif', fileName, read: readReqif(text), mode, at: io.now() });
  printImportReport(report, io.out);
  if (mode === 'dry-run') {
    io.out('Prøvekjøring: ingenting er lagret.');
    return report.problems.length > 0 ? 1 : 0;
  }
  if (!applied) {
    io.err('Ingenting er lagret. Bruk --bare-gyldige for å lagre bare de gyldige delene.');
    return 1;
  }
  io.out('Importert.');
  return 0;
}

/** `npm run import -- FILE.json [--dry-run]`: a `/api/model` or baseline document, all or nothing. */
export async function runModelImport(
  bytes: Buffer,
  fileName: string,
  flags: ReadonlySet<string>,
  io: { db: Db; now: () => Date; out: (line: string) => void; err: (line: string) => void },
): Promise<number> {
  if (flags.has('--bare-gyldige')) {
    io.err('En JSON-modell importeres helt eller ikke i det hele tatt: --bare-gyldige gjelder ikke her.');
    return 2;
  }
  if (bytes.length > MAX_MODEL_JSON_BYTES) {
    io.err(`Filen er større enn ${MAX_MODEL_JSON_BYTES / 1024 / 1024} MB, som er det største som kan importeres.`);
    return 2;
  }
  const dryRun = flags.has('--dry-run');
  const { report, applied } = await importModelDocument(io.db, 'command-line', { fileName, text: bytes.toString('utf8'), mode: dryRun ? 'dry-run' : 'all', at: io.now() });
  printImportReport(report, io.out);
  if (dryRun) {
    io.out('Prøvekjøring: ingenting er lagret.');
    return report.problems.length > 0 ? 1 : 0;
  }
  if (!applied) {
    io.err('Ingenting er lagret.');
    return 1;
  }
  io.out('Importert.');
  return 0;
}

/** Every importer's dry-run report, printed the same way: counts, problems where they are, notes, what would be created and changed. */
export function printImportReport(report: ImportReport, out: (line: string) => void): void {
  out(`${report.fileName}: ${report.created.length} nye, ${report.changed.length} endret, ${report.unchanged.length} uendret, ${report.problems.length} problemer.`);
  for (const p of report.problems) {
    if (p.row !== undefined) out(`${p.column ? `Rad ${p.row}, kolonne «${p.column}»` : `Rad ${p.row}`}: ${p.message}`);
    else out(`Problem${p.at ? ` (${p.at})` : ''}: ${p.message}`);
  }
  for (const n of report.notes) out(`Merk: ${n.message}`);
  for (const c of report.changed) for (const f of c.fields) out(`${c.row !== undefined ? `Rad ${c.row}: ` : ''}${c.ref} «${f.field}»: «${f.before}» → «${f.after}»`);
  for (const c of report.created) out(c.row !== undefined ? `Rad ${c.row}: ${c.ref}: ${c.label}` : `Ny: ${c.label}${c.ref.startsWith('AKS-') ? ` (${c.ref})` : ''}`);
}
