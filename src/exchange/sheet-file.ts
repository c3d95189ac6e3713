import type ExcelJS from 'exceljs';
import { loadExcelJS } from './exceljs.ts';
import { refuseDoctype } from '../../model/exchange/xml.ts';
import { MAX_IMPORT_ROWS, type SheetRow, type SheetTable } from '../../model/exchange/sheet-import.ts';
import { checkZip, looksLikeZip, type ZipRefusal } from './zip-guard.ts';

/**
 * Reads an uploaded spreadsheet into a table of text cells, deciding by its content (never its
 * name) what it is: an XLSX workbook (a zip, checked by `zip-guard.ts` before exceljs sees it) or
 * a CSV text (UTF-8 with or without byte-order mark, UTF-16 with one, or Windows-1252 as Excel
 * writes it; `;`, `,` or tab). Everything else is refused with the reason, before anything is
 * stored: old binary Excel, HTML or XML dressed up as a spreadsheet, an unknown text encoding,
 * more rows than one import takes.
 */

/** The largest file the import reads (the route's body limit; README). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type FileRefusal =
  | ZipRefusal
  | { code: 'empty' }
  | { code: 'too-large'; max: number }
  | { code: 'xls' }
  | { code: 'markup' }
  | { code: 'doctype' }
  | { code: 'encoding' }
  | { code: 'not-spreadsheet' }
  | { code: 'no-sheet' }
  | { code: 'too-many-rows'; rows: number; max: number };

export type SheetRead = { ok: true; table: SheetTable } | { ok: false; refusal: FileRefusal };

export async function readSheetFile(bytes: Uint8Array, limits: { maxRows?: number } = {}): Promise<SheetRead> {
  const maxRows = limits.maxRows ?? MAX_IMPORT_ROWS;
  if (bytes.length === 0) return { ok: false, refusal: { code: 'empty' } };
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, refusal: { code: 'too-large', max: MAX_IMPORT_BYTES } };
  if (looksLikeZip(bytes)) return readWorkbook(bytes, maxRows);
  // The compound-file signature of .xls, .doc and other old Office files.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return { ok: false, refusal: { code: 'xls' } };
  const decoded = decodeText(bytes);
  if (!decoded) return { ok: false, refusal: { code: 'encoding' } };
  if (looksLikeMarkup(decoded.text)) return { ok: false, refusal: { code: 'markup' } };
  const records = parseCsv(decoded.text);
  if (records.delimiter === null) return { ok: false, refusal: { code: 'not-spreadsheet' } };
  const [header, ...data] = records.rows;
  const rows = data.map((cells, i) => ({ row: i + 2, cells: cells.map(undefuse) })).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (rows.length > maxRows) return { ok: false, refusal: { code: 'too-many-rows', rows: rows.length, max: maxRows } };
  return { ok: true, table: { format: 'csv', encoding: decoded.encoding, delimiter: records.delimiter, headers: header ?? [], rows } };
}

// XLSX --------------------------------------------------------------------------------------

async function readWorkbook(bytes: Uint8Array, maxRows: number): Promise<SheetRead> {
  const zip = checkZip(bytes);
  if (!zip.ok) return { ok: false, refusal: zip.refusal };
  let sheetRows = 0;
  for (const [name, content] of zip.entries) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const text = content.toString('utf8');
    // No part of a workbook needs a DTD; one that has it could define entities (XXE, expansion).
    if (refuseDoctype(text)) return { ok: false, refusal: { code: 'doctype' } };
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) sheetRows = Math.max(sheetRows, text.match(/<row[\s>]/g)?.length ?? 0);
  }
  if (!zip.entries.has('xl/workbook.xml')) return { ok: false, refusal: { code: 'not-spreadsheet' } };
  // Counted in the sheet's XML, so a workbook with too many rows is refused before it is parsed.
  if (sheetRows - 1 > maxRows) return { ok: false, refusal: { code: 'too-many-rows', rows: sheetRows - 1, max: maxRows } };

  const workbook = new (await loadExcelJS()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, refusal: { code: 'not-spreadsheet' } };
  }
  const sheet = workbook.getWorksheet('Krav') ?? workbook.worksheets[0];
  if (!sheet) return { ok: false, refusal: { code: 'no-sheet' } };
  const width = sheet.columnCount;
  let headers: string[] = [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
    if (n === 1) headers = cells;
    else if (cells.some((c) => c.trim() !== '')) rows.push({ row: n, cells });
  });
  if (rows.length > maxRows) return { ok: false, refusal: { code: 'too-many-rows', rows: rows.length, max: maxRows } };
  return { ok: true, table: { format: 'xlsx', encoding: null, delimiter: null, headers, rows } };
}

/**
 * A cell as text. A formula is kept as its text ("=SUM(A1:A3)"), never its computed result and
 * never run: the import stores what was typed.
 */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('formula' in value && typeof value.formula === 'string') return `=${value.formula}`;
    if ('sharedFormula' in value && typeof value.sharedFormula === 'string') return `=${value.sharedFormula}`;
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((p) => p.text).join('');
    if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return '';
}

// CSV ---------------------------------------------------------------------------------------

/**
 * The text of a CSV file and the encoding it was read in, or null when it is in none we know. A
 * byte-order mark decides; without one, strict UTF-8 is tried, then Windows-1252 (what Excel
 * writes for "CSV (semikolonseparert)"), which must look like Western text: no bytes that
 * Windows-1252 leaves undefined, no control characters, and letters outside ASCII only here and
 * there (text in Cyrillic, Greek or a multi-byte encoding read as Windows-1252 is mostly such).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strict('utf-8', bytes.subarray(3));
    return text === null ? null : { text, encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = strict('utf-16le', bytes.subarray(2));
    return text === null || controlCharacters.test(text) ? null : { text, encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = strict('utf-16be', bytes.subarray(2));
    return text === null || controlCharacters.test(text) ? null : { text, encoding: 'utf-16be' };
  }
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return controlCharacters.test(utf8) ? null : { text: utf8, encoding: 'utf-8' };
  // Bytes Windows-1252 does not define.
  for (const b of bytes) if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) return null;
  const text = decodeWindows1252(bytes);
  if (controlCharacters.test(text)) return null;
  // Western text has a letter outside ASCII here and there; text in another single-byte script
  // read as Windows-1252 has them in runs (whole words).
  const high = [...text.matchAll(/[^\u0000-\u007f]/g)].map((m) => m.index);
  const inRuns = high.filter((at, i) => i > 0 && high[i - 1] === at - 1).length;
  if (high.length >= 4 && inRuns / high.length > 0.5) return null;
  return { text, encoding: 'windows-1252' };
}

/** The bytes 0x80-0x9F where Windows-1252 differs from ISO-8859-1 (undefined ones are refused before). */
const cp1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Windows-1252 by hand: Node's TextDecoder reads it as ISO-8859-1 in some versions. */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? cp1252High.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

function strict(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** HTML or XML (a web page or an XML spreadsheet saved with an .xlsx or .csv name). */
function looksLikeMarkup(text: string): boolean {
  return /^\s*<(?:!doctype|\?xml|html|table|head|body|svg|!--|[a-z][\w:-]*[\s>])/i.test(text);
}

/** The export defuses a cell that starts like a formula with `'`: reading it back removes that again. */
function undefuse(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** RFC 4180 records; the delimiter is the one of `;`, `,` and tab the header line uses most. */
export function parseCsv(text: string): { delimiter: string | null; rows: string[][] } {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const).sort((a, b) => b[1] - a[1]);
  const delimiter = counts[0]![1] > 0 ? counts[0]![0] : null;
  if (delimiter === null) return { delimiter, rows: [] };
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return { delimiter, rows };
}
