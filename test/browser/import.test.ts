import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requirementSheetColumns } from '../../model/exchange/requirement-sheet.ts';
import { axeViolations, browserAvailable, cspViolations, launch, signInPage, startApp, watchCsp, watchProblems, type RunningApp } from './harness.ts';

/*
 * Issue 15: an architect uploads a spreadsheet, reads the dry-run report, applies it, and sees
 * the progress and the result.
 */
describe.skipIf(!browserAvailable)('the spreadsheet import in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), 'akson-import-browser-'));

  beforeAll(async () => {
    app = await startApp();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('uploads the exported workbook with one change and 1,500 new rows, reads the report, applies it and sees the progress and the result', async () => {
    page = await browser.newPage();
    const problems = watchProblems(page);
    await watchCsp(page);
    await signInPage(page, app, 'architect', '/import');
    expect(await axeViolations(page)).toEqual([]);

    // The export as the architect downloads it, edited as in Excel: one name changed, rows added.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await (await page.request.get(`${app.url}/eksport/krav.xlsx`)).body()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Krav')!;
    const col = (key: string) => requirementSheetColumns.findIndex((c) => c.key === key) + 1;
    const first = sheet.getRow(2);
    const ref = String(first.getCell(col('ref')).value);
    const oldName = String(first.getCell(col('name')).value);
    first.getCell(col('name')).value = 'Navn endret i regnearket';
    for (let i = 1; i <= 1500; i++) {
      const values: Record<string, string> = { name: `Nytt krav ${i}`, text: `Løsningen skal støtte behov ${i}.`, priority: 'Bør', status: 'Utkast' };
      sheet.addRow(requirementSheetColumns.map((c) => values[c.key] ?? ''));
    }
    const file = join(dir, 'krav-redigert.xlsx');
    writeFileSync(file, new Uint8Array(await workbook.xlsx.writeBuffer()));

    await page.getByLabel('Fil', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Last opp og prøvekjør' }).click();
    // A long dry run shows its progress first; either way the report comes.
    await page.getByRole('heading', { level: 1, name: 'Prøvekjøring av «krav-redigert.xlsx»' }).waitFor();
    const summary = (await page.locator('.import-summary').textContent())!.replace(/\s/g, ' ');
    expect(summary).toContain('1 500 nye krav');
    expect(summary).toContain('1 endres');
    expect(summary).toContain('ingen feil');
    expect(await axeViolations(page)).toEqual([]);

    // The changed requirement, field by field: now → from the file.
    await page.getByRole('link', { name: 'Endres (1)' }).click();
    const diff = page.locator('table.import-diff tbody tr');
    await diff.first().waitFor();
    expect(await diff.count()).toBe(1);
    expect(await diff.first().locator('th').textContent()).toBe(ref);
    expect(await diff.first().locator('.import-diff__before').textContent()).toBe(oldName);
    expect(await diff.first().locator('.import-diff__after').textContent()).toBe('Navn endret i regnearket');

    // Applying shows the progress bar, then the result. (The apply form is htmx's once the page has
    // loaded; a click before that is the no-JavaScript post, which waits and shows the result only.)
    await page.waitForLoadState('load');
    // The progress shows only while the import runs (a second or so here), so every state of the
    // bar the page shows is recorded as it appears, kept in sessionStorage across the navigation
    // to the result, and read afterwards: what the user saw, without racing a short window.
    await page.evaluate(() => {
      const seen: string[] = [];
      new MutationObserver(() => {
        const bar = document.querySelector('progress');
        const state = bar && `${bar.labels?.[0]?.textContent ?? ''}: ${bar.getAttribute('aria-valuetext') ?? ''}`;
        if (state && seen.at(-1) !== state) {
          seen.push(state);
          sessionStorage.setItem('akson-progress', JSON.stringify(seen));
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole('button', { name: 'Bruk hele filen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import av «krav-redigert.xlsx» er lagret' }).waitFor();
    expect((await page.getByRole('status').first().textContent())!.replace(/\s/g, ' ')).toContain('1 500 nye krav, 1 endret');
    expect(await page.getByRole('link', { name: 'AKS-0011' }).count()).toBe(1);
    const seen = JSON.parse((await page.evaluate(() => sessionStorage.getItem('akson-progress'))) ?? '[]') as string[];
    expect(seen.length).toBeGreaterThan(0);
    for (const state of seen) expect(state.replace(/\s/g, ' ')).toMatch(/^Fremdrift: (Kontrollerer radene …|Lagrer rad [\d ]+ av 1 501)$/);
    expect(await axeViolations(page)).toEqual([]);

    const name = await app.db.selectFrom('element').select('name').where('key', '=', ref.toLowerCase()).executeTakeFirstOrThrow();
    expect(name.name).toBe('Navn endret i regnearket');
    expect((await app.db.selectFrom('requirement').select('ref').where('ref', '>=', 'AKS-0011').execute()).length).toBe(1500);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
