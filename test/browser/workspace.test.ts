import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, launch, signInPage, startApp, watchProblems, type RunningApp } from './harness.ts';

describe.skipIf(!browserAvailable)('the architect’s workspace in Chromium', () => {
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
    // Shorter than the test's own limit, so a wait that never ends names its step.
    page.setDefaultTimeout(15_000);
    problems = watchProblems(page);
    await signInPage(page, app, 'architect', path);
    // Survives partial updates, not a page load.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  };
  const samePage = () => page.evaluate(() => (window as unknown as { marker?: number }).marker === 1);
  const gapCount = async () => Number(await page.locator('#gap-panel .gap-panel__count').first().textContent());

  it('adds a service, links it in the matrix and sees the gap list change, without a full page load', async () => {
    await open('/matriser/personellgrupper?tier=2023');
    const before = await gapCount();

    await page.getByRole('link', { name: 'Ny informasjonstjeneste' }).click();
    await page.getByLabel('Navn (må fylles ut)').fill('Vaksinasjonsstatus');
    await page.getByLabel('Informasjonskategori (må fylles ut)').selectOption('legemidler-og-vaksiner');
    await page.locator('#ny-informasjonstjenester').getByLabel('Leveransetrinn').selectOption('2023');
    await page.getByRole('button', { name: 'Opprett' }).click();
    await page.waitForFunction(() => document.querySelector('#matrise')?.textContent?.includes('Vaksinasjonsstatus'));
    await page.waitForFunction((n) => document.querySelector('#gap-panel .gap-panel__count')?.textContent === String(n), before + 1);
    expect(await page.getByRole('status').first().textContent()).toContain('Opprettet Vaksinasjonsstatus');

    await page.getByRole('button', { name: /^Vaksinasjonsstatus × Legevakt: ingen kobling/ }).click();
    await page.getByLabel('Leser og dokumenterer').check();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.waitForFunction((n) => document.querySelector('#gap-panel .gap-panel__count')?.textContent === String(n), before);
    // The cell shows the link, and focus is back on it.
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(focused).toBe('L+D: Vaksinasjonsstatus × Legevakt: leser og dokumenterer. Endre.');
    expect(await page.locator('#gap-panel').textContent()).not.toContain('Vaksinasjonsstatus');
    expect(await samePage()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('edits an element in place and shows a field message for bad input', async () => {
    await open('/informasjonstjenester/multidose');
    // Where focus is at the moment the form appears: keys typed from then on must stay in the
    // field they go to, so the heading must already have taken its autofocus by then.
    await page.evaluate(() => {
      const w = window as unknown as { focusWhenFormAppeared?: string };
      new MutationObserver((_, observer) => {
        if (!document.getElementById('rediger-name')) return;
        w.focusWhenFormAppeared = document.activeElement?.tagName;
        observer.disconnect();
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole('link', { name: 'Rediger', exact: true }).click();
    await page.waitForSelector('#rediger-name');
    expect(await page.evaluate(() => (window as unknown as { focusWhenFormAppeared?: string }).focusWhenFormAppeared)).toBe('H1');
    await page.getByLabel('Navn (må fylles ut)').fill('');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.waitForSelector('.ds-error-summary');
    expect(await page.locator('#rediger-name-feil').textContent()).toBe('Navnet må fylles ut.');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Navn (må fylles ut)').fill('Multidose (dosepakket)');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.waitForSelector('text=Endringene er lagret.');
    expect(await page.locator('h1').textContent()).toBe('Multidose (dosepakket)');
    expect(await samePage()).toBe(true);
    // The 422 answer shows in the console as a failed request; nothing else may.
    expect(problems.filter((p) => !p.includes('422'))).toEqual([]);
    await page.close();
  });

  it('searches as you type', async () => {
    await open('/sok');
    await page.getByLabel('Søkeord').pressSequentially('vergem', { delay: 30 });
    await page.waitForFunction(() => document.querySelector('#sokeresultater')?.textContent?.includes('Vergemål og samtykkekompetanse'));
    expect(await page.locator('#sokeresultater mark').first().textContent()).toMatch(/^vergem/i);
    expect(await samePage()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
