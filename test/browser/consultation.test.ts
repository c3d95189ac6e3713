import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { norwegianDate } from '../../model/consultation.ts';
import { makeRound } from '../consultation-fixtures.ts';
import { axeViolations, browserAvailable, cspViolations, launch, signInPage, startApp, watchCsp, watchProblems, type RunningApp } from './harness.ts';

const day = 24 * 3600 * 1000;

describe.skipIf(!browserAvailable)('consultation in Chromium: an organisation comments, an architect answers', () => {
  let app: RunningApp;
  let browser: Browser;
  let roundId: number;

  beforeAll(async () => {
    app = await startApp(async (db) => {
      // Open today, whatever day the test runs (the app runs on the real clock here).
      const now = Date.now();
      roundId = (await makeRound(db, { title: 'Høring om kravene', opensOn: norwegianDate(new Date(now - day)), closesOn: norwegianDate(new Date(now + 30 * day)) }, new Date(now))).id;
    });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function pageAs(role: 'organisation' | 'architect', path: string) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await watchCsp(page);
    const problems = watchProblems(page);
    await signInPage(page, app, role, path);
    // Let the landing page finish loading (favicon and all) before anything navigates away.
    await page.waitForLoadState('networkidle');
    return { page, problems, close: () => context.close() };
  }

  async function clean(page: Page, problems: string[], where: string) {
    expect(await cspViolations(page), where).toEqual([]);
    expect(await axeViolations(page), where).toEqual([]);
    expect(problems, where).toEqual([]);
  }

  it('carries a change proposal with its word diff to an answer the organisation reads', async () => {
    const org = await pageAs('organisation', `/horing/${roundId}`);
    await clean(org.page, org.problems, 'round page (organisation)');

    await Promise.all([org.page.waitForURL(/\/kommentarer\/ny\?punkt=/), org.page.getByRole('link', { name: 'Kommenter AKS-0005 Stegvis gjennomføring' }).click()]);
    await clean(org.page, org.problems, 'comment form');
    await org.page.getByLabel('Type kommentar').selectOption('endringsforslag');
    await org.page.getByLabel('Kommentar', { exact: true }).fill('Stegene bør ha milepæler, så kommunene kan planlegge.');
    await org.page.getByLabel('Foreslått tekst').fill('Tiltaket skal gjennomføres stegvis, med tydelige milepæler.');

    await Promise.all([org.page.waitForLoadState('networkidle'), org.page.getByRole('button', { name: 'Vis endringen ord for ord' }).click()]);
    await org.page.waitForSelector('.word-diff ins');
    expect(await org.page.locator('.word-diff ins').allTextContents()).toEqual(['[lagt til: , med tydelige milepæler]']);
    expect(await org.page.locator('.word-diff').textContent()).toContain('Tiltaket skal gjennomføres stegvis');
    await clean(org.page, org.problems, 'comment form with the word diff');

    await Promise.all([org.page.waitForURL(/\/kommentarer\/\d+\?lagret=kommentar$/), org.page.getByRole('button', { name: 'Send kommentaren' }).click()]);
    const commentUrl = org.page.url().replace(/\?.*$/, '');
    await expect(org.page.locator('.word-diff ins').textContent()).resolves.toContain('med tydelige milepæler');
    await expect(org.page.locator('.answer').textContent()).resolves.toContain('Ikke besvart ennå.');
    await clean(org.page, org.problems, 'the comment (organisation)');

    const architect = await pageAs('architect', new URL(commentUrl).pathname);
    await clean(architect.page, architect.problems, 'the comment (architect)');
    await architect.page.getByLabel('Status', { exact: true }).selectOption('delvis-tatt-til-folge');
    await architect.page.getByLabel('Prosjektets svar').fill('Milepælene kommer i veikartet; kravteksten beholdes.');
    await Promise.all([architect.page.waitForURL(/\?lagret=behandling$/), architect.page.getByRole('button', { name: 'Lagre status og svar' }).click()]);
    await expect(architect.page.locator('.notice').textContent()).resolves.toContain('Status og svar er lagret.');
    await clean(architect.page, architect.problems, 'the answered comment (architect)');

    await org.page.reload({ waitUntil: 'networkidle' });
    await expect(org.page.locator('main .element-meta').textContent()).resolves.toContain('Delvis tatt til følge');
    await expect(org.page.locator('.answer').textContent()).resolves.toContain('Milepælene kommer i veikartet; kravteksten beholdes.');
    await clean(org.page, org.problems, 'the answer, as the organisation sees it');

    // On the round page, the status filter swaps the list in place (htmx) and keeps comment, status and answer together.
    await org.page.goto(`${app.url}/horing/${roundId}`, { waitUntil: 'networkidle' });
    await org.page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
    await org.page.focus('#filter-status'); // as a keyboard user would be
    await org.page.selectOption('#filter-status', 'delvis-tatt-til-folge');
    await org.page.waitForFunction(() => document.querySelector('#kommentarer')?.textContent?.includes('1 kommentar passer filteret'));
    expect(await org.page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
    // The filter was replaced with the list; htmx puts focus back on the control with the same id.
    expect(await org.page.evaluate(() => document.activeElement?.id)).toBe('filter-status');
    const card = await org.page.locator('#kommentarer article').textContent();
    expect(card).toContain('Endringsforslag fra Testforeningen');
    expect(card).toContain('Delvis tatt til følge');
    expect(card).toContain('Milepælene kommer i veikartet');
    await clean(org.page, org.problems, 'round page after filtering');

    await org.page.goto(`${app.url}/horing/${roundId}/rapport`, { waitUntil: 'networkidle' });
    await expect(org.page.locator('main').textContent()).resolves.toContain('Milepælene kommer i veikartet');
    await clean(org.page, org.problems, 'the report');

    await org.close();
    await architect.close();
  }, 120_000); // a dozen pages, each checked with axe, on a shared machine

  it('keeps the other consultation pages free of violations and axe-clean', async () => {
    const architect = await pageAs('architect', '/horing');
    for (const path of ['/horing', '/horing/ny', `/horing/${roundId}/rediger`, `/horing/${roundId}?vis=organisasjon`]) {
      await architect.page.goto(app.url + path, { waitUntil: 'networkidle' });
      await clean(architect.page, architect.problems, path);
    }
    await architect.close();
    const org = await pageAs('organisation', '/horing');
    await clean(org.page, org.problems, '/horing (organisation)');
    await Promise.all([org.page.waitForURL(/\/horing\/organisasjon\/\d+$/), org.page.getByRole('link', { name: /Alle kommentarene fra din organisasjon/ }).click()]);
    await clean(org.page, org.problems, 'the organisation page');
    await org.close();
  }, 120_000);
});
