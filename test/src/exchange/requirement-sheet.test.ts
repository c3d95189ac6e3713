import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { requirementSheetColumns } from '../../../model/exchange/requirement-sheet.ts';
import { testApp, type TestContext } from '../../helpers.ts';

async function requirementCount(ctx: TestContext): Promise<number> {
  return (await ctx.db.selectFrom('requirement').select('ref').execute()).length;
}

/** A requirement whose text a spreadsheet would run as a formula, if it were careless. */
async function plantFormula(ctx: TestContext): Promise<void> {
  await ctx.db.updateTable('requirement').set({ text: '=HYPERLINK("http://evil.example","klikk")' }).where('ref', '=', 'AKS-0001').execute();
}

describe('the requirement spreadsheet', () => {
  it('is a real workbook: one row per requirement, a frozen bold header with filters, text cells only', async () => {
    const ctx = await testApp();
    await plantFormula(ctx);
    const res = await ctx.app.request('/eksport/krav.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="akson-krav-\d{4}-\d{2}-\d{2}\.xlsx"/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('Krav')!;
    expect(sheet.rowCount).toBe(1 + (await requirementCount(ctx)));
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(requirementSheetColumns.map((c) => c.header));
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(4).width).toBeGreaterThan(40);

    // Every data cell is text; the planted formula is stored as text, not as a formula.
    const refColumn = requirementSheetColumns.findIndex((c) => c.key === 'ref') + 1;
    const textColumn = requirementSheetColumns.findIndex((c) => c.key === 'text') + 1;
    let planted = false;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      row.eachCell((cell) => {
        expect(cell.type).toBe(ExcelJS.ValueType.String);
      });
      if (row.getCell(refColumn).value === 'AKS-0001') {
        planted = true;
        expect(row.getCell(textColumn).value).toBe('=HYPERLINK("http://evil.example","klikk")');
      }
    });
    expect(planted).toBe(true);
  });

  it('has the same columns and rows as CSV, with labels not codes and formulas defused', async () => {
    const ctx = await testApp();
    await plantFormula(ctx);
    const res = await ctx.app.request('/eksport/krav.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(body.startsWith('\uFEFF')).toBe(true);
    const lines = body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(requirementSheetColumns.map((c) => c.header).join(','));
    expect(lines.length).toBe(1 + (await requirementCount(ctx)));
    const first = lines.find((l) => l.startsWith('AKS-0001,'))!;
    expect(first).toContain(`"'=HYPERLINK(""http://evil.example"",""klikk"")"`);
    // Labels, not codes.
    expect(body).not.toMatch(/,(must|should|draft|approved),/);
  });
});
