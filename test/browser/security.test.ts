import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../model/accounts.ts';
import { createSetupLink } from '../../src/commands/invites.ts';
import { configWith } from '../../src/config.ts';
import { createTestUser, testClock } from '../helpers.ts';
import { axeViolations, browserAvailable, cspViolations, launch, signInPage, startApp, visit, watchCsp, watchProblems, type RunningApp } from './harness.ts';

/** Filters the personnel matrix by tier through htmx and checks that only the table changed. */
async function filterMatrix(page: Page) {
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  await page.selectOption('#filter-tier', '2023');
  await page.waitForFunction(() => /(^|\D)4 informasjonstjenester i matrisen/.test(document.querySelector('#matrise-dekning')?.textContent ?? ''));
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
}

async function sortPortfolio(page: Page) {
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
  await page.getByRole('link', { name: /Budsjett 2019/ }).click();
  await page.waitForFunction(() => location.search.includes('sort=budget'));
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
}

/** Waits for Mermaid to have drawn every diagram on the page, then redraws one with a filter. */
async function drawDiagrams(page: Page) {
  await page.waitForFunction(() => {
    const figures = [...document.querySelectorAll('figure.diagram')];
    return figures.length > 0 && figures.every((f) => f.querySelector('svg'));
  });
  expect(await page.locator('figure.diagram svg[aria-roledescription="error"]').count()).toBe(0);
}

/** The binding field follows the role in the invitation form, swapped in by htmx. */
async function followRole(page: Page) {
  const role = page.locator('#felt-role');
  expect(await page.locator('#felt-municipality, #felt-organisation').count()).toBe(0);
  await role.selectOption('municipality');
  await page.locator('#felt-municipality').waitFor();
  expect(await page.locator('#felt-organisation').count()).toBe(0);
  await role.selectOption('organisation');
  await page.locator('#felt-organisation').waitFor();
  expect(await page.locator('#felt-municipality').count()).toBe(0);
}

interface PageCheck {
  path: string;
  /** Signed in with this role first; anonymous otherwise. */
  as?: Role;
  /** What to do on the page (htmx swaps, diagrams); it runs before the checks. */
  act?: (page: Page) => Promise<void>;
}

/**
 * Pages that use htmx or Mermaid, or are new with accounts: each must work with no
 * Content-Security-Policy violation and no console error, and pass axe.
 */
const pages: PageCheck[] = [
  { path: '/matriser/personellgrupper', act: filterMatrix },
  { path: '/matriser/personellgrupper', as: 'municipality', act: filterMatrix },
  { path: '/portefolje', act: sortPortfolio },
  { path: '/login' },
  { path: '/', as: 'architect' },
  { path: '/admin', as: 'administrator' },
  { path: '/admin/brukere', as: 'administrator' },
  { path: '/admin/brukere/1', as: 'administrator' },
  { path: '/admin/invitasjoner', as: 'administrator', act: followRole },
  { path: '/admin/organisasjoner', as: 'administrator' },
  { path: '/admin/organisasjoner/1', as: 'administrator' },
  { path: '/admin/logg', as: 'administrator' },
  { path: '/diagrammer/omfang', act: drawDiagrams },
  { path: '/diagrammer/samhandling', act: drawDiagrams },
  { path: '/diagrammer/forste-leveranse', act: drawDiagrams },
  { path: '/diagrammer/veikart', act: drawDiagrams },
  { path: '/diagrammer/avhengigheter', as: 'organisation', act: drawDiagrams },
  { path: '/informasjonstjenester/multidose', as: 'architect', act: drawDiagrams },
];

describe.skipIf(!browserAvailable)('the Content-Security-Policy in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp(async (db) => {
      const at = new Date().toISOString();
      await db.insertInto('organisation').values({ name: 'Norsk Sykepleierforbund', kind: 'profesjonsforening', contact: 'post@nsf.no', created_at: at, updated_at: at }).execute();
    });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A fresh browser context (no cookies) with the problem and violation watchers on. */
  async function freshPage() {
    const context = await browser.newContext();
    const page = await context.newPage();
    await watchCsp(page);
    return { page, problems: watchProblems(page), close: () => context.close() };
  }

  /** One signed-in browser context per role, shared by the pages checked as that role. */
  const signedIn = new Map<Role, BrowserContext>();
  async function pageAs(role: Role) {
    let context = signedIn.get(role);
    if (!context) {
      context = await browser.newContext();
      await signInPage(await context.newPage(), app, role);
      signedIn.set(role, context);
    }
    const page = await context.newPage();
    await watchCsp(page);
    return { page, problems: watchProblems(page), close: () => page.close() };
  }

  it.each(pages.map((p) => [`${p.path}${p.as ? ` (${p.as})` : ''}`, p] as const))('%s works with no violation and passes axe', async (_, check) => {
    const { page, problems, close } = check.as ? await pageAs(check.as) : await freshPage();
    await visit(page, app.url + check.path);
    await check.act?.(page);
    expect(await cspViolations(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('signs in and out with the forms, the header saying who is signed in', async () => {
    const { page, problems, close } = await freshPage();
    await signInPage(page, app, 'reader', '/krav');
    await expect(page.locator('.site-user').textContent()).resolves.toContain('Test reader (Leser)');
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'akson-sesjon')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await Promise.all([page.waitForURL(`${app.url}/login?utlogget`), page.getByRole('button', { name: 'Logg ut' }).click()]);
    await expect(page.locator('.notice').textContent()).resolves.toContain('Du er logget ut.');
    await expect(page.locator('.site-user').textContent()).resolves.toContain('Logg inn');
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('makes a link for a new password that the user opens and uses, in the browser', async () => {
    const user = await createTestUser({ db: app.db, clock: testClock(new Date().toISOString()) }, 'reader', { email: 'glemsk@test.no', name: 'Glemsk Leser' });
    const admin = await pageAs('administrator');
    await visit(admin.page, `${app.url}/admin/brukere/${user.id}`);
    await Promise.all([admin.page.waitForURL(`${app.url}/admin/brukere/${user.id}/nytt-passord`), admin.page.getByRole('button', { name: 'Lag lenke for nytt passord' }).click()]);
    const link = await admin.page.locator('#passordlenke').inputValue();
    expect(link).toMatch(new RegExp(`^${app.url}/nytt-passord/`));
    await admin.close();

    const { page, problems, close } = await freshPage();
    await visit(page, link);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Nytt passord', { exact: true }).fill('et helt nytt og langt passord');
    await page.getByLabel('Gjenta passordet').fill('et helt nytt og langt passord');
    await Promise.all([page.waitForURL(`${app.url}/`), page.getByRole('button', { name: /Lagre nytt passord/ }).click()]);
    await expect(page.locator('.site-user').textContent()).resolves.toContain('Glemsk Leser (Leser)');
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('creates the first administrator from the setup link, in the browser', async () => {
    const fresh = await startApp(); // no administrator yet
    const { page, problems, close } = await freshPage();
    const token = await createSetupLink(fresh.db, configWith(), new Date());
    expect(token).not.toBeNull();
    await visit(page, `${fresh.url}/invitasjon/${token}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('E-postadresse').fill('forste@ehelse.no');
    await page.getByLabel('Navn').fill('Første Administrator');
    await page.getByLabel('Passord', { exact: true }).fill('et langt og godt passord');
    await page.getByLabel('Gjenta passordet').fill('et langt og godt passord');
    await Promise.all([page.waitForURL(`${fresh.url}/`), page.getByRole('button', { name: /Opprett administrator/ }).click()]);
    await expect(page.locator('.site-user').textContent()).resolves.toContain('Første Administrator (Administrator)');
    await page.getByRole('link', { name: 'Administrasjon' }).first().click();
    await page.waitForURL(`${fresh.url}/admin`);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
    await fresh.close();
  });

  it('lets Mermaid render a diagram under the same policy (strict security level, styles inline, no eval)', async () => {
    const { page, problems, close } = await freshPage();
    // The app's own policy, on a page that only draws a diagram.
    const res = await fetch(`${app.url}/`);
    const csp = res.headers.get('content-security-policy')!;
    await page.route(`${app.url}/__test/mermaid`, (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp },
        body: `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Diagram</title>
          <script src="/assets/mermaid.min.js" defer></script>
          <script src="/__test/mermaid-init.js" defer></script></head>
          <body><main><h1>Diagram</h1><pre class="mermaid">flowchart LR
  a["Felles journal"] -->|Slå opp| b["Samhandlingsplattform"]
  style a fill:#eef</pre></main></body></html>`,
      }),
    );
    await page.route(`${app.url}/__test/mermaid-init.js`, (route) =>
      route.fulfill({
        headers: { 'content-type': 'text/javascript' },
        body: `mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
          mermaid.run({ querySelector: '.mermaid' }).then(() => { document.body.dataset.rendered = 'ja'; }, (e) => { document.body.dataset.rendered = 'feil: ' + e; });`,
      }),
    );
    await page.goto(`${app.url}/__test/mermaid`);
    await page.waitForSelector('body[data-rendered]');
    expect(await page.evaluate(() => document.body.dataset.rendered)).toBe('ja');
    expect(await page.locator('pre.mermaid svg').count()).toBe(1);
    const drawn = await page.locator('pre.mermaid svg').textContent();
    expect(drawn).toContain('Felles journal');
    expect(drawn).toContain('Samhandlingsplattform');
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('refuses an inline script (the policy is really enforced)', async () => {
    const { page, close } = await freshPage();
    const res = await fetch(`${app.url}/`);
    const csp = res.headers.get('content-security-policy')!;
    await page.route(`${app.url}/__test/inline`, (route) =>
      route.fulfill({ headers: { 'content-type': 'text/html', 'content-security-policy': csp }, body: '<!doctype html><title>x</title><script>document.title = "kjørte"</script>' }),
    );
    await page.goto(`${app.url}/__test/inline`);
    expect(await page.title()).toBe('x');
    expect((await cspViolations(page)).join()).toContain('script-src');
    await close();
  });
});
