import { basename } from 'node:path';
import { readFile } from 'node:fs/promises';
import { asImportReport, rowsLeftOut, type ImportReport as SheetReport } from '../../model/exchange/sheet-import.ts';
import { i18nFor, type MessageKey } from '../../views/i18n/index.ts';
import { problemMessage, refusalText } from '../../views/pages/import.tsx';
import { importFromCommandLine, type ApplyMode } from '../commands/requirement-import.ts';
import type { Db } from '../db/index.ts';
import { MAX_IMPORT_BYTES, readSheetFile } from '../exchange/sheet-file.ts';
import { isReqifFile, printImportReport, runModelImport, runReqifImport } from './import-reqif.ts';

export const importUsage = 'Bruk: npm run import -- FIL [--dry-run] [--bare-gyldige]   (FIL: .xlsx eller .csv for krav, .reqif for ReqIF, .xml for ArchiMate, .json for en modelleksport fra /api/model)';

/**
 * `npm run import -- FILE [--dry-run] [--bare-gyldige]`: the web import's reading, checks, plan
 * and writes (the same code), with the dry-run report printed. Without `--dry-run` the file is
 * applied all or nothing; `--bare-gyldige` applies only the valid rows and lists the rest.
 * Exit 0 when applied (or a dry run without problems), 1 when rows have problems and nothing was
 * written, 2 for a file that cannot be read or a wrong command.
 */
export async function runImportCommand(
  args: string[],
  io: { db: Db; now: () => Date; out: (line: string) => void; err: (line: string) => void },
): Promise<number> {
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const files = args.filter((a) => !a.startsWith('--'));
  const known = new Set(['--dry-run', '--bare-gyldige']);
  if (files.length !== 1 || [...flags].some((f) => !known.has(f))) {
    io.err(importUsage);
    return 2;
  }
  const i18n = i18nFor('nb');
  const t = (key: MessageKey, values?: Record<string, string | number>) => i18n.t(key, values);
  const path = files[0]!;
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    io.err(`Fant ikke filen ${path}.`);
    return 2;
  }
  if (isReqifFile(path)) return runReqifImport(bytes, basename(path), flags, io);
  if (/\.json$/i.test(path)) return runModelImport(bytes, basename(path), flags, io);
  const read = await readSheetFile(new Uint8Array(bytes));
  if (!read.ok) {
    const { code, ...values } = read.refusal;
    io.err(refusalText(t, { code, values: code === 'too-large' ? { megabytes: MAX_IMPORT_BYTES / (1024 * 1024) } : (values as Record<string, number>) }));
    return 2;
  }
  const mode: ApplyMode = flags.has('--bare-gyldige') ? 'valid' : 'all';
  const { plan, applied } = await importFromCommandLine(io.db, { table: read.table, fileName: basename(path), dryRun: flags.has('--dry-run'), mode, at: io.now() });
  if ('refusal' in plan) {
    io.err(refusalText(t, { code: plan.refusal.code, values: plan.refusal.code === 'missing-columns' ? { columns: plan.refusal.columns } : {} }));
    return 2;
  }
  printReport(plan.report, t, io.out);
  if (applied === null) {
    io.out('Prøvekjøring: ingenting er lagret.');
    return rowsLeftOut(plan.report).length > 0 ? 1 : 0;
  }
  if (applied.outcome !== 'applied') {
    io.err(t('import.notAll'));
    io.err('Ingenting er lagret. Bruk --bare-gyldige for å lagre bare de gyldige radene.');
    return 1;
  }
  const r = applied.result;
  io.out(t('import.resultText', { created: r.created.length, changed: r.changed.length, unchanged: r.unchanged }));
  for (const c of r.created) io.out(`  Ny: ${c.ref} ${c.name} (rad ${c.row})`);
  if (r.leftOut.length > 0) io.out(t('import.resultLeftOut', { count: r.leftOut.length, rows: r.leftOut.join(', ') }));
  return 0;
}

function printReport(report: SheetReport, t: (key: MessageKey, values?: Record<string, string | number>) => string, out: (line: string) => void) {
  out(
    report.format === 'csv'
      ? t('import.readCsv', { encoding: report.encoding ?? '', delimiter: report.delimiter === '\t' ? 'tab' : (report.delimiter ?? ''), rows: report.rowCount })
      : t('import.read', { format: 'XLSX', rows: report.rowCount }),
  );
  printImportReport(
    asImportReport(report, {
      problem: (p) => problemMessage(i18nFor('nb'), p),
      conflict: (c) => `${c.ref}: ${t('import.conflictText', { file: c.fileVersion, current: c.currentVersion })}`,
      newRef: (fileRef) => (fileRef === '' ? t('import.newRef') : t('import.newRefFrom', { ref: fileRef })),
      ignored: (columns) => t('import.ignored', { columns }),
    }),
    out,
  );
}
