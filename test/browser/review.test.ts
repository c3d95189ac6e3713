import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../model/accounts.ts';
import { createUser } from '../../src/commands/users.ts';
import { testPassword } from '../helpers.ts';
import { growModel, growReviews } from '../../seeds/synthetic.ts';
import { axeViolations, browserAvailable, cspViolations, launch, settled, signInPage, startApp, visit, watchCsp, watchProblems, type RunningApp } from './harness.ts';

/**
 * The review in Chromium: an architect opens a round, a municipality reviews three services and
 * submits, and the dashboard shows it. Every page must pass axe with no CSP violation.
 */
describe.skipIf(!browserAvailable)('a municipality reviews the first-delivery list, in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  const pages = new Map<Role, { page: Page; problems: string[] }>();

  beforeAll(async () => {
    app = await startApp();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** One signed-in page per role, watched for CSP violations and console errors from the start. */
  async function as(role: Role, path: string): Promise<Page> {
    const existing = pages.get(role);
    if (existing) {
      await visit(existing.page, app.url + path);
      return existing.page;
    }
    const page = await (await browser.newContext()).newPage();
    await watchCsp(page);
    pages.set(role, { page, problems: watchProblems(page) });
    await signInPage(page, app, role, path);
    await settled(page);
    return page;
  }

  async function clean(page: Page, role: Role) {
    expect(await cspViolations(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(pages.get(role)!.problems).toEqual([]);
  }

  /** The main content's text, white space (and the non-breaking spaces in numbers) as single spaces. */
  const body = async (page: Page) => (await page.locator('main').innerText()).replace(/\s+/g, ' ');

  it('lets an architect open a round from the overview', async () => {
    const page = await as('architect', '/vurdering');
    await clean(page, 'architect');
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Tittel').fill('Vurdering av første leveranse');
    await page.getByLabel('Frist (siste dag)').fill(deadline);
    await Promise.all([page.waitForURL(`${app.url}/vurdering/runder/1?apnet`), page.getByRole('button', { name: 'Åpne runden' }).click()]);
    expect(await body(page)).toContain('Runden er åpnet, og listen er frosset.');
    await clean(page, 'architect');
  });

  it('lets the municipality review three services, save a draft, submit, and see it on the dashboard', async () => {
    const path = '/vurdering/runder/1/kommuner/0301';
    const page = await as('municipality', path);
    await clean(page, 'municipality');
    expect(await page.locator('#fremdrift').innerText()).toBe('0 av 34 besvart');
    expect(await page.locator('#vurderingsstatus').innerText()).toBe('Ikke påbegynt.');

    // Each answer saves itself as it is made, and says so beside it and in the progress.
    const multidoseId = await fieldId(page, 'Multidose');
    const basis = () => page.locator(`#felt-vist-${multidoseId}`).inputValue();
    const shownBasis = await basis();
    await page.getByLabel('Standpunkt til «Multidose»').selectOption('supports');
    await page.locator(`#lagret-${multidoseId}`, { hasText: 'Lagret kl.' }).waitFor();
    // What the whole form's save compares with moves on with the autosave, so it is no conflict.
    expect(await basis()).not.toBe(shownBasis);
    expect(await page.locator('#fremdrift').innerText()).toBe('1 av 34 besvart');
    expect(await page.locator('#fremdrift-handlinger').innerText()).toBe('1 av 34 besvart');
    expect(await page.locator('#kunngjoring').innerText()).toBe('Lagret: Multidose. 1 av 34 besvart.');
    // The status line at the top follows too: the review is now a draft, not "Ikke påbegynt" until reload.
    expect((await page.locator('#vurderingsstatus').innerText()).replace(/\s+/g, ' ')).toMatch(/^Utkast, sist lagret \d+\. \p{L}+ \d{4} kl\. \d{2}:\d{2}\.$/u);
    await clean(page, 'municipality');

    await page.getByLabel('Standpunkt til «Individuell plan»').selectOption('supports-with-changes');
    await page.getByLabel('Standpunkt til «Smitte hos pasient»').selectOption('opposes');
    await page.getByLabel('Kommentar til «Smitte hos pasient»').fill('Dekkes av meldingssystemet (MSIS).');

    // «Støtter med endringer» without saying which: the form comes back with the message beside the field.
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Lagre utkast' }).click()]);
    expect(await page.locator('#felt-kommentar-' + (await fieldId(page, 'Individuell plan')) + '-feil').innerText()).toBe('Skriv hvilke endringer kommunen ønsker.');
    // The refusal is a 422 (which Chromium logs as a failed load); otherwise the page is as clean as any.
    expect(await cspViolations(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    const problems = pages.get('municipality')!.problems;
    expect(problems.filter((p) => !p.includes('422'))).toEqual([]);
    problems.length = 0;

    await page.getByLabel('Kommentar til «Individuell plan»').fill('Planen må kunne deles med fastlegen.');
    await Promise.all([page.waitForURL(`${app.url}${path}?lagret`), page.getByRole('button', { name: 'Lagre utkast' }).click()]);
    expect(await body(page)).toContain('Utkastet er lagret.');
    expect(await page.getByLabel('Standpunkt til «Multidose»').inputValue()).toBe('supports');

    // Submitting first shows what is answered and what is not; nothing is sent until confirmed.
    await Promise.all([page.waitForURL(`${app.url}${path}/send-inn`), page.getByRole('button', { name: 'Send inn vurderingen …' }).click()]);
    const confirm = await body(page);
    expect(confirm).toContain('3 av 34 tjenester er besvart');
    expect(confirm).toContain('31 av 34 tjenester er ikke besvart');
    await clean(page, 'municipality');
    await Promise.all([page.waitForURL(`${app.url}${path}?sendt`), page.getByRole('button', { name: 'Send inn vurderingen', exact: true }).click()]);
    const submitted = await body(page);
    expect(submitted).toContain('Vurderingen er sendt inn. Takk!');
    expect(submitted).toContain('Planen må kunne deles med fastlegen.');
    expect(await page.locator('select').count()).toBe(0);
    await clean(page, 'municipality');

    await page.getByRole('link', { name: 'Dashbord' }).click();
    await page.waitForURL(`${app.url}/vurdering/dashbord`);
    expect(await body(page)).toContain('1 av 357 kommuner har sendt inn vurderingen; den har 717 710 innbyggere (12,9 % av befolkningen).');
    const multidose = page.locator('#standpunkter tr', { hasText: 'Multidose' });
    expect((await multidose.locator('td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual(['1 (100,0 %)', '0 (0,0 %)', '0 (0,0 %)', '0 (0,0 %)', '0 (0,0 %)']);
    expect(await body(page)).not.toContain('MSIS'); // comments are for architects

    // Sorting swaps only the table, through htmx.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 6));
    await page.getByLabel('Sorter tjenestene').selectOption('mot');
    await page.waitForFunction(() => document.querySelector('#standpunkter caption')?.textContent?.includes('flest innbyggere i kommuner som ikke støtter'));
    expect(await page.locator('#standpunkter tbody tr').first().locator('th').innerText()).toContain('Smitte hos pasient');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(6);
    expect(page.url()).toContain('sorter=mot');
    await clean(page, 'municipality');
  });

  it('shows the architect the submitted review and its comments', async () => {
    const page = await as('architect', '/vurdering/dashbord');
    const text = await body(page);
    expect(text).toContain('1 av 357 kommuner har sendt inn vurderingen');
    expect(text).toContain('Dekkes av meldingssystemet (MSIS).');
    await clean(page, 'architect');
    await visit(page, `${app.url}/vurdering/runder/1`);
    expect(await page.locator('tr', { hasText: 'Oslo (0301)' }).innerText()).toContain('Sendt inn');
    await clean(page, 'architect');
  });

  it('lets the municipality declare its intention, and the coverage follows', async () => {
    const page = await as('municipality', '/vurdering/intensjon/0301');
    await clean(page, 'municipality');
    await page.getByLabel('Status').selectOption('signed');
    await page.getByLabel('Dato').fill(new Date().toISOString().slice(0, 10));
    await Promise.all([page.waitForURL(`${app.url}/vurdering/intensjon/0301?lagret`), page.getByRole('button', { name: 'Lagre erklæringen' }).click()]);
    await visit(page, `${app.url}/vurdering/dashbord`);
    expect(await body(page)).toContain('Alle kommuner (dokumentets mål): 12,9 % av innbyggerne (717 710 av 5 550 203)');
    await clean(page, 'municipality');
  });

  it.each([
    ['architect', '/vurdering/intensjon'],
    ['architect', '/vurdering/intensjon/4601'],
    ['architect', '/vurdering/runder/1/kommuner/0301'],
    ['architect', '/vurdering/runder/1/kommuner/4601'],
    ['municipality', '/vurdering'],
    ['municipality', '/vurdering/runder/1'],
  ] as const)('%s: %s passes axe with no violation', async (role, path) => {
    const page = await as(role, path);
    await clean(page, role);
  });

  it('keeps what a municipality typed when its session has ended, and saves it once it signs in again', async () => {
    const email = 'bergen@test.no';
    const created = await createUser(
      app.db,
      { email, name: 'Bruker i Bergen', role: 'municipality', municipalityNumber: '4601', organisationId: null, password: testPassword },
      { at: new Date(), userId: null, clientAddress: null },
    );
    expect(created.kind).toBe('ok');
    const context = await browser.newContext();
    const page = await context.newPage();
    await watchCsp(page);
    const problems = watchProblems(page);
    const path = '/vurdering/runder/1/kommuner/4601';
    await visit(page, `${app.url}/login?neste=${encodeURIComponent(path)}`);
    await page.getByLabel('E-postadresse').fill(email);
    await page.getByLabel('Passord').fill(testPassword);
    await Promise.all([page.waitForURL(app.url + path), page.getByRole('button', { name: 'Logg inn' }).click()]);

    // The session ends (as after 30 idle minutes); the next answer cannot be saved, and the page says so.
    await context.clearCookies();
    await page.getByLabel('Kommentar til «Multidose»').fill('Viktig for hjemmetjenesten.');
    await page.getByLabel('Standpunkt til «Multidose»').selectOption('supports');
    await page.getByRole('button', { name: 'Logg inn igjen og lagre' }).waitFor();
    await Promise.all([page.waitForURL(app.url + path), page.getByRole('button', { name: 'Logg inn igjen og lagre' }).click()]);
    const signedOut = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(signedOut).toContain('Logg inn igjen for å lagre');
    expect(signedOut).toContain('Viktig for hjemmetjenesten.');
    expect(await cspViolations(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    // The refused autosave and the signed-out page are 401s, as they must be; nothing else went wrong.
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);

    await page.getByLabel('E-postadresse').fill(email);
    await page.getByLabel('Passord').fill(testPassword);
    await Promise.all([page.waitForURL(`${app.url}${path}?innlogget`), page.getByRole('button', { name: 'Logg inn og lagre' }).click()]);
    expect(await page.getByLabel('Standpunkt til «Multidose»').inputValue()).toBe('supports');
    expect(await page.getByLabel('Kommentar til «Multidose»').inputValue()).toBe('Viktig for hjemmetjenesten.');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('asks the architect to confirm before a round is closed, on a page that passes axe', async () => {
    const page = await as('architect', '/vurdering/runder/1/lukk');
    expect(await body(page)).toContain('Lukk runden');
    await clean(page, 'architect');
  });

  it.each(['/vurdering', '/vurdering/runder/1', '/vurdering/dashbord?sorter=omstridt'])('anonymous: %s passes axe with no violation', async (path) => {
    const page = await (await browser.newContext()).newPage();
    await watchCsp(page);
    const problems = watchProblems(page);
    await visit(page, app.url + path);
    expect(await cspViolations(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

/** The frozen service id behind a service's fields, read from its stance field's name. */
async function fieldId(page: Page, service: string): Promise<string> {
  const name = await page.getByLabel(`Standpunkt til «${service}»`).getAttribute('name');
  return name!.replace('standpunkt-', '');
}

/**
 * A review longer than a page (the seed grown 4×: 136 services, two pages): the municipality
 * answers on page 1 with the keyboard, saves and goes on to page 2 with «Lagre og gå til side 2»,
 * and reaches the submit button there; no focused element is ever under the sticky bar, and both
 * pages pass axe.
 */
describe.skipIf(!browserAvailable)('a municipality reviews a list longer than a page, in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startApp(async (db) => {
      await growModel(db, { factor: 4 });
      // Opens the round (open a year from now) with one other municipality's review.
      await growReviews(db, { municipalities: 1, now: new Date() });
    });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Presses Tab until the focused element's accessible name matches, noting any focused element that is covered or out of view. */
  async function tabTo(page: Page, wanted: RegExp, hidden: string[], max = 600): Promise<void> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const now = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return { name: '', hidden: null };
        const name = (el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
        const r = el.getBoundingClientRect();
        if (r.top < 0 || r.bottom > window.innerHeight) return { name, hidden: 'outside the window' };
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return { name, hidden: top && !el.contains(top) && !top.contains(el) && !(top instanceof HTMLLabelElement && top.control === el) ? `covered by ${top.tagName.toLowerCase()}.${String(top.className)}` : null };
      });
      if (now.hidden) hidden.push(`${now.name}: ${now.hidden}`);
      if (wanted.test(now.name)) return;
    }
    throw new Error(`Tab never reached ${wanted}`);
  }

  it('answers on page 1, saves and goes on to page 2 with the keyboard, and reaches the submit button there', async () => {
    const path = '/vurdering/runder/1/kommuner/0301';
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await watchCsp(page);
    const problems = watchProblems(page);
    await signInPage(page, app, 'municipality', path);
    await settled(page);
    expect(await page.locator('#fremdrift').innerText()).toBe('0 av 136 besvart');
    expect(await cspViolations(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    // The last service on page 1, answered from the keyboard (its field is reached by focusing the one before it).
    const last = page.locator('select[name^="standpunkt-"]').last();
    const lastName = (await last.getAttribute('name'))!;
    await page.locator('textarea[name^="kommentar-"]').nth(98).focus();
    const hidden: string[] = [];
    await tabTo(page, /^Standpunkt til/, hidden);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(lastName);
    await page.keyboard.press('ArrowDown');
    await page.locator('[id^="lagret-"]', { hasText: 'Lagret kl.' }).first().waitFor();
    // On past the pager to the sticky bar's «Lagre og gå til side 2».
    await tabTo(page, /^Lagre og gå til side 2$/, hidden);
    await Promise.all([page.waitForURL(/\/kommuner\/0301\?side=2&lagret$/), page.keyboard.press('Enter')]);
    expect((await page.locator('main').innerText()).replace(/\s+/g, ' ')).toContain('Viser informasjonstjenestene 101–136 av 136.');
    expect(await page.locator('#fremdrift').innerText()).toBe('1 av 136 besvart');
    expect(await axeViolations(page)).toEqual([]);
    // In the form the pager saves before it goes (review A4): «Forrige», then «Neste», from the keyboard.
    await page.locator('#liste-side-forrige').focus();
    await Promise.all([page.waitForURL(/\/kommuner\/0301\?lagret$/), page.keyboard.press('Enter')]);
    expect(await page.locator('#fremdrift').innerText()).toBe('1 av 136 besvart');
    await page.locator('#liste-side-neste').focus();
    await Promise.all([page.waitForURL(/\/kommuner\/0301\?side=2&lagret$/), page.keyboard.press('Enter')]);
    await tabTo(page, /^Send inn vurderingen …$/, hidden);
    await Promise.all([page.waitForURL(`${app.url}${path}/send-inn`), page.keyboard.press('Enter')]);
    expect((await page.locator('main').innerText()).replace(/\s+/g, ' ')).toContain('1 av 136 tjenester er besvart');
    expect(hidden).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);
});
