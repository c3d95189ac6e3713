import { loadExcelJS } from '../exchange/exceljs.ts';
import { Hono, type Context } from 'hono';
import { toArchimateXml } from '../../model/exchange/archimate.ts';
import { requirementSheetColumns, requirementSheetCsv, requirementSheetRow, type RequirementSheetRow } from '../../model/exchange/requirement-sheet.ts';
import { toReqif } from '../../model/exchange/reqif.ts';
import { requirementSetOf } from '../../model/exchange/requirement-set.ts';
import { requirementSheetSourcesOf } from '../../model/exchange/requirement-sheet-baseline.ts';
import { filterOf, requirementFilterKeys, requirementListQuerySchema } from '../../model/requirement-list.ts';
import { currentSnapshot, loadBaseline } from '../db/queries/baselines.ts';
import { isFilterProblem, loadRequirementListChoices, resolveRequirementFilter, type ResolvedRequirementFilter } from '../db/queries/requirement-list.ts';
import { notFound, respondError } from '../http/render.tsx';
import { loadScopeModel } from '../db/queries/model.ts';
import { requirementSheetSources } from '../db/queries/requirement-sheet.ts';
import type { AppDeps } from '../deps.ts';
import { issueText } from '../../views/i18n/issues.ts';

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

  /**
   * Which requirements a spreadsheet holds: a baseline's as frozen (`?grunnlinje=ID`), those the
   * requirement list's filter shows (its own query parameters, parsed by its schema), or all.
   * A parameter that names nothing is a 400 (or 404 for a baseline) with what is wrong.
   */
  const sheetRows = async (c: Context): Promise<{ rows: RequirementSheetRow[]; name: string } | Response> => {
    const { grunnlinje, ...rest } = c.req.query();
    const t = c.var.i18n.t;
    if (grunnlinje !== undefined) {
      if (Object.keys(rest).length > 0) return respondError(c, { status: 400, title: t('exchange.sheet.badRequest'), message: t('exchange.sheet.baselineWithFilter') });
      if (!/^[1-9]\d{0,9}$/.test(grunnlinje)) return notFound(c, t('exchange.sheet.noBaseline'));
      const found = await loadBaseline(db, Number(grunnlinje));
      if (!found) return notFound(c, t('exchange.sheet.noBaseline'));
      return { rows: requirementSheetSourcesOf(found.snapshot).map((r) => requirementSheetRow(r, c.var.i18n.logTime)), name: `akson-krav-grunnlinje-${grunnlinje}` };
    }
    const query = requirementListQuerySchema.safeParse(rest);
    if (!query.success) return respondError(c, { status: 400, title: t('exchange.sheet.badRequest'), message: query.error.issues[0] ? issueText(query.error.issues[0], c.var.i18n) : '' });
    const filter = filterOf(query.data);
    const filtered = requirementFilterKeys.some((k) => filter[k] !== undefined);
    let resolved: ResolvedRequirementFilter | undefined;
    if (filtered) {
      const found = await resolveRequirementFilter(db, filter, await loadRequirementListChoices(db));
      if (isFilterProblem(found)) return respondError(c, { status: 400, title: t('exchange.sheet.badRequest'), message: found.message });
      resolved = found;
    }
    const rows = (await requirementSheetSources(db, resolved)).map((r) => requirementSheetRow(r, c.var.i18n.logTime));
    return { rows, name: `akson-krav${filtered ? '-utvalg' : ''}-${stamp()}` };
  };

  app.get('/eksport/krav.csv', async (c) => {
    const sheet = await sheetRows(c);
    if (sheet instanceof Response) return sheet;
    const { rows } = sheet;
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${sheet.name}.csv"`);
    c.header('Cache-Control', 'no-store');
    return c.body(requirementSheetCsv(rows));
  });

  app.get('/eksport/krav.xlsx', async (c) => {
    const sheet = await sheetRows(c);
    if (sheet instanceof Response) return sheet;
    const file = await requirementsWorkbook(sheet.rows);
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', `attachment; filename="${sheet.name}.xlsx"`);
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
  const workbook = new (await loadExcelJS()).Workbook();
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
