import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, launch, startApp, visit, watchProblems, type RunningApp } from './harness.ts';

describe.skipIf(!browserAvailable)('browsing the scope in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    app = await startApp();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const open = async (path: string) => {
    page = await browser.newPage();
    problems = watchProblems(page);
    await visit(page, app.url + path);
  };

  it('filters the matrix by tier without a full page load', async () => {
    await open('/matriser/personellgrupper');
    // A marker on window survives partial updates but not a page load.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    expect(await page.locator('#matrise-dekning').textContent()).toContain('34 informasjonstjenester i matrisen');
    await page.selectOption('#filter-tier', '2023');
    await page.waitForFunction(() => /(^|\D)4 informasjonstjenester i matrisen/.test(document.querySelector('#matrise-dekning')?.textContent ?? ''));
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(page.url()).toContain('tier=2023');
    const rows = await page.locator('#matrise tbody tr:not(.matrix__group)').allTextContents();
    expect(rows.join(' ')).toContain('Multidose');
    expect(rows.join(' ')).not.toContain('Individuell plan');
    await page.selectOption('#filter-category', 'kritisk-informasjon');
    await page.waitForFunction(() => /(^|\D)1 informasjonstjeneste i matrisen/.test(document.querySelector('#matrise-dekning')?.textContent ?? ''));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sorts the portfolio by clicking a column heading', async () => {
    await open('/portefolje');
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
    await page.getByRole('link', { name: /Budsjett 2019/ }).click();
    await page.waitForFunction(() => location.search.includes('sort=budget'));
    await page.getByRole('link', { name: /Budsjett 2019/ }).click();
    await page.waitForFunction(() => location.search.includes('dir=desc'));
    const first = await page.locator('#portefolje tbody tr').first().textContent();
    expect(first).toContain('Heliks'); // 139 MNOK, the largest
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each([
    '/',
    '/informasjonstjenester',
    '/informasjonstjenester/multidose',
    '/matriser/personellgrupper',
    '/matriser/aktorer',
    '/gapanalyse',
    '/funksjonsomrader',
    '/veikart',
    '/portefolje',
    '/krav',
    '/krav/aks-0001',
    '/kommuner',
    '/elementer',
    '/finnes-ikke',
  ])('%s meets WCAG 2.1 AA as axe-core checks it', async (path) => {
    await open(path);
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    // The 404 page is itself a 404 response, which Chromium reports in the console.
    const expected = (p: string) => path === '/finnes-ikke' && (p.startsWith('404') || p.includes('status of 404'));
    expect(problems.filter((p) => !expected(p))).toEqual([]);
    await page.close();
  });
});
