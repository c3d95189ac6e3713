import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, cspViolations, launch, signInPage, startApp, watchCsp, watchProblems, type RunningApp } from './harness.ts';

/**
 * Issue 13 in Chromium: an architect creates a chapter and a requirement, links it to a service
 * from the requirement page and to a second service from that service's page, freezes a
 * baseline, edits the requirement, and sees the change in the comparison with the baseline.
 * Every page on the way is axe-clean and reports no Content-Security-Policy violation.
 */
describe.skipIf(!browserAvailable)('requirements, traceability and baselines in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Accessibility and the security policy on the page as it stands. */
  const clean = async (where: string) => {
    expect(await axeViolations(page), where).toEqual([]);
    expect(await cspViolations(page), where).toEqual([]);
  };

  it('traces a new requirement both ways, freezes a baseline and shows the edit against it', { timeout: 120_000 }, async () => {
    page = await browser.newPage();
    await watchCsp(page);
    const problems = watchProblems(page);
    await signInPage(page, app, 'architect', '/krav/kapitler');

    // A chapter.
    await page.getByLabel('Navn', { exact: true }).fill('Legemiddelhåndtering');
    await page.getByRole('button', { name: 'Opprett kapittel' }).click();
    await expect.poll(() => page.locator('#kapitler .chapter-tree__title').allTextContents()).toEqual(['1 Legemiddelhåndtering']);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Kapitlet «Legemiddelhåndtering» er opprettet.');
    await clean('chapters');

    // A requirement in it.
    await page.goto(`${app.url}/krav/ny`);
    await page.getByLabel('Kort tittel (må fylles ut)').fill('Multidose i legemiddellisten');
    await page.getByLabel('Kravtekst («skal»-utsagn) (må fylles ut)').fill('Løsningen skal vise om pasienten får multidose.');
    await page.getByLabel('Prioritet (må fylles ut)').selectOption('must');
    await page.getByLabel('Status (må fylles ut)').selectOption('proposed');
    await page.getByLabel('Kapittel', { exact: true }).selectOption({ label: '1 Legemiddelhåndtering' });
    await page.getByLabel('Kravtype', { exact: true }).selectOption({ label: 'Funksjonelt' });
    await page.getByLabel('Akseptansekriterier').fill('Multidose vises i legemiddellisten.');
    await page.getByLabel('Verifikasjonsmetode').selectOption('test');
    await clean('new requirement form');
    await page.getByRole('button', { name: 'Opprett' }).click();
    const created = page.getByRole('link', { name: 'Multidose i legemiddellisten' });
    await created.waitFor();
    await created.click();
    await page.waitForURL(/\/krav\/aks-0011$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('AKS-0011 Multidose i legemiddellisten');

    // Linked to Multidose from the requirement's page.
    await page.getByLabel('Koblingstype').selectOption('governs');
    // The field suggests matches as one types (a bounded list fetched by htmx), and takes the chosen code.
    await page.locator('#kravsporing-mal').pressSequentially('Multid');
    await expect.poll(() => page.locator('#kravsporing-mal-valg option[value="informationService:multidose"]').count()).toBe(1);
    await page.locator('#kravsporing-mal').fill('informationService:multidose');
    await page.getByRole('button', { name: 'Koble' }).click();
    await expect.poll(() => page.locator('#kravsporing-melding').textContent()).toBe('Koblingen er lagret.');
    await expect.poll(() => page.locator('#kravsporing-gjelder').textContent()).toContain('Multidose');
    await clean('requirement page');

    // Linked to a second service from that service's "Krav" section.
    await page.goto(`${app.url}/informasjonstjenester/legemidler-i-bruk`);
    await page.getByLabel(/^Knytt et krav til/).fill('AKS-0011');
    await page.getByRole('button', { name: 'Knytt krav' }).click();
    await expect.poll(() => page.locator('#krav-melding').textContent()).toBe('AKS-0011 er knyttet til elementet.');
    await expect.poll(() => page.locator('#krav').textContent()).toContain('1 Legemiddelhåndtering');
    await clean('service page');

    // The requirement page shows both services.
    await page.goto(`${app.url}/krav/aks-0011`);
    await expect.poll(() => page.locator('#kravsporing-gjelder li').count()).toBe(2);

    // A baseline.
    await page.goto(`${app.url}/baselines`);
    await page.getByLabel('Navn', { exact: true }).fill('Høringsutkast 1');
    await page.getByRole('button', { name: 'Frys baseline' }).click();
    await page.getByRole('rowheader', { name: 'Høringsutkast 1' }).waitFor();
    await clean('baselines');

    // The requirement is edited after the freeze.
    await page.goto(`${app.url}/krav/aks-0011`);
    await page.getByRole('link', { name: 'Rediger', exact: true }).click();
    await page.getByLabel('Kravtekst («skal»-utsagn) (må fylles ut)').fill('Løsningen skal vise om pasienten får multidose, med dosepakkens innhold.');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Endringene er lagret.');

    // The comparison with the baseline shows the change, word by word.
    await page.goto(`${app.url}/baselines`);
    await page.getByRole('link', { name: /^Med nå\W*Høringsutkast 1$/ }).click();
    await page.waitForURL(/\/baselines\/sammenlign/);
    const report = page.locator('main');
    await expect.poll(() => report.textContent()).toContain('Multidose i legemiddellisten');
    await expect.poll(() => page.locator('main ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('dosepakkens')]));
    await clean('comparison');

    expect(problems).toEqual([]);
    await page.close();
  });
});
