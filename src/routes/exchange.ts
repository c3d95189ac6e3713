import ExcelJS from 'exceljs';
import { Hono } from 'hono';
import { toArchimateXml } from '../../model/exchange/archimate.ts';
import { requirementSheetColumns, requirementSheetCsv, requirementSheetRow, type RequirementSheetRow } from '../../model/exchange/requirement-sheet.ts';
import { toReqif } from '../../model/exchange/reqif.ts';
import { requirementSetOf } from '../../model/exchange/requirement-set.ts';
import { currentSnapshot } from '../db/queries/baselines.ts';
import { loadScopeModel } from '../db/queries/model.ts';
import { requirementSheetSources } from '../db/queries/requirement-sheet.ts';
import type { AppDeps } from '../deps.ts';

/** Files for other tools: the whole scope, so these are the routes that may read all of it. */
export function exchangeRoutes({ db, now }: AppDeps): Hono {
  const app = new Hono();
  const stamp = () => now().toISOString().slice(0, 10);

  app.get('/eksport/archimate.xml', async (c) => {
    const model = await loadScopeModel(db);
    c.header('Content-Type', 'application/xml; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="akson-omfang-${stamp()}.archimate.xml"`);
    c.header('Cache-Control', 'no-store');
    return c.body(toArchimateXml(model, { title: 'Akson: løsningsomfang', exportedAt: now() }));
  });

  // ReqIF 1.2 for requirement tools (DOORS, Polarion, Jama, StrictDoc): the requirement set with its chapters and links.
  app.get('/eksport/krav.reqif', async (c) => {
    const set = requirementSetOf(await currentSnapshot(db, now()));
    c.header('Content-Type', 'application/xml; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="akson-krav-${stamp()}.reqif"`);
    c.header('Cache-Control', 'no-store');
    return c.body(toReqif(set, { title: 'Akson: krav', exportedAt: now() }));
  });

  const sheetRows = async (logTime: (at: string) => string) => (await requirementSheetSources(db)).map((r) => requirementSheetRow(r, logTime));

  app.get('/eksport/krav.csv', async (c) => {
    const rows = await sheetRows(c.var.i18n.logTime);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="akson-krav-${stamp()}.csv"`);
    c.header('Cache-Control', 'no-store');
    return c.body(requirementSheetCsv(rows));
  });

  app.get('/eksport/krav.xlsx', async (c) => {
    const rows = await sheetRows(c.var.i18n.logTime);
    const file = await requirementsWorkbook(rows);
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', `attachment; filename="akson-krav-${stamp()}.xlsx"`);
    c.header('Cache-Control', 'no-store');
    return c.body(new Uint8Array(file));
  });
  return app;
}

/**
 * A real workbook: a bold header row frozen in place with the requirement number, filters on
 * every column, widths that fit, wrapped text. Every cell is a text cell: a value that starts
 * with `=`, `+`, `-` or `@` is stored as text and never runs as a formula.
 */
export async function requirementsWorkbook(rows: readonly RequirementSheetRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'akson-scope';
  const sheet = workbook.addWorksheet('Krav', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.columns = requirementSheetColumns.map((col) => ({ header: col.header, key: col.key, width: col.width }));
  for (const row of rows) {
    const added = sheet.addRow(row);
    added.eachCell((cell) => {
      cell.numFmt = '@';
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: requirementSheetColumns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
