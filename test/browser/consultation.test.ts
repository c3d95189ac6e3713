import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { norwegianDate } from '../../model/consultation.ts';
import { makeRound } from '../consultation-fixtures.ts';
import { axeViolations, browserAvailable, cspViolations, launch, settled, signInPage, startApp, visit, watchCsp, watchProblems, type RunningApp } from './harness.ts';

const day = 24 * 3600 * 1000;

describe.skipIf(!browserAvailable)('consultation in Chromium: an organisation comments, an architect answers', () => {
  let app: RunningApp;
  let browser: Browser;
  let roundId: number;
  let firstItem: number;
  let thirdItem: number;

  beforeAll(async () => {
    app = await startApp(async (db) => {
      // Open today, whatever day the test runs (the app runs on the real clock here).
      const now = Date.now();
      const round = await makeRound(db, { title: 'Høring om kravene', opensOn: norwegianDate(new Date(now - day)), closesOn: norwegianDate(new Date(now + 30 * day)) }, new Date(now));
      roundId = round.id;
      firstItem = round.items[0]!.id;
      thirdItem = round.items[2]!.id;
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
    const user = await signInPage(page, app, role, path);
    // Let the landing page finish loading (favicon and all) before anything navigates away.
    await page.waitForLoadState('networkidle');
    /** A second tab in the same session, e.g. the same form opened twice. */
    const tab = async (to: string) => {
      const second = await context.newPage();
      await watchCsp(second);
      const secondProblems = watchProblems(second);
      await visit(second, app.url + to);
      return { page: second, problems: secondProblems };
    };
    return { page, problems, user, tab, close: () => context.close() };
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

    const formUrl = org.page.url();
    await org.page.getByRole('button', { name: 'Vis endringen ord for ord' }).click();
    await org.page.waitForSelector('.word-diff ins');
    // Drawn in place: the address is still the form's, and what was typed is still there.
    expect(org.page.url()).toBe(formUrl);
    expect(await org.page.getByLabel('Kommentar', { exact: true }).inputValue()).toBe('Stegene bør ha milepæler, så kommunene kan planlegge.');
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

    await org.page.reload();
    await settled(org.page);
    await expect(org.page.locator('main .element-meta').textContent()).resolves.toContain('Delvis tatt til følge');
    await expect(org.page.locator('.answer').textContent()).resolves.toContain('Milepælene kommer i veikartet; kravteksten beholdes.');
    await clean(org.page, org.problems, 'the answer, as the organisation sees it');

    // On the round page, the status filter swaps the list in place (htmx) and keeps comment, status and answer together.
    await visit(org.page, `${app.url}/horing/${roundId}`);
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

    await visit(org.page, `${app.url}/horing/${roundId}/rapport`);
    await expect(org.page.locator('main').textContent()).resolves.toContain('Milepælene kommer i veikartet');
    await clean(org.page, org.problems, 'the report');

    await org.close();
    await architect.close();
  }, 120_000); // a dozen pages, each checked with axe, on a shared machine

  it('keeps an answer with the wording it answered: an edit sends the comment back, and a stale answer form is refused with what changed', async () => {
    const org = await pageAs('organisation', `/horing/${roundId}/kommentarer/ny?punkt=${firstItem}`);
    await org.page.getByLabel('Type kommentar').selectOption('innvending');
    await org.page.getByLabel('Kommentar', { exact: true }).fill('Kravet må fjernes.');
    await Promise.all([org.page.waitForURL(/\/kommentarer\/\d+\?lagret=kommentar$/), org.page.getByRole('button', { name: 'Send kommentaren' }).click()]);
    const commentPath = new URL(org.page.url()).pathname;

    const architect = await pageAs('architect', commentPath);
    await architect.page.getByLabel('Status', { exact: true }).selectOption('tatt-til-folge');
    await architect.page.getByLabel('Prosjektets svar').fill('Enig, vi fjerner kravet.');
    await Promise.all([architect.page.waitForURL(/\?lagret=behandling$/), architect.page.getByRole('button', { name: 'Lagre status og svar' }).click()]);
    // The architect starts on a second answer, and leaves the form open.
    await architect.page.getByLabel('Prosjektets svar').fill('Vi fjerner kravet i neste versjon.');

    // Meanwhile the organisation rewrites the comment (with the form also open in a second tab): the form says what that does to the answer.
    const staleTab = await org.tab(`${commentPath}/rediger`);
    await visit(org.page, `${app.url}${commentPath}/rediger`);
    await expect(org.page.locator('main').textContent()).resolves.toContain('settes statusen tilbake til «under vurdering»');
    await clean(org.page, org.problems, 'the edit form of an answered comment');
    await org.page.getByLabel('Type kommentar').selectOption('stotte');
    await org.page.getByLabel('Kommentar', { exact: true }).fill('Vi støtter kravet fullt ut.');
    await Promise.all([org.page.waitForURL(/\?lagret=endret-vurderes$/), org.page.getByRole('button', { name: 'Lagre endringen' }).click()]);
    await expect(org.page.locator('main .element-meta').textContent()).resolves.toContain('Under vurdering');
    const answer = await org.page.locator('.comment .answer').textContent();
    expect(answer).toContain('Svaret gjaldt versjon 1');
    expect(answer).toContain('Enig, vi fjerner kravet.');
    await clean(org.page, org.problems, 'the comment after the edit (organisation)');

    // The second tab's form was for version 1: nothing is saved, both wordings are shown, and the form keeps its words.
    await staleTab.page.getByLabel('Kommentar', { exact: true }).fill('Kravet bør fjernes.');
    await staleTab.page.getByRole('button', { name: 'Lagre endringen' }).click();
    await staleTab.page.waitForSelector('.conflict-panel');
    const conflict = await staleTab.page.locator('.conflict-panel').textContent();
    expect(conflict).toContain('Ingenting er lagret.');
    expect(conflict).toContain('Vi støtter kravet fullt ut.');
    expect(await staleTab.page.getByLabel('Kommentar', { exact: true }).inputValue()).toBe('Kravet bør fjernes.');
    expect(staleTab.problems.map((p) => p.replace(app.url, '')).sort()).toEqual([`409: ${commentPath}`, 'error: Failed to load resource: the server responded with a status of 409 (Conflict)'].sort());
    staleTab.problems.length = 0;
    await clean(staleTab.page, staleTab.problems, 'the refused edit (409)');
    await staleTab.page.close();

    // The architect's open form was for version 1: nothing is saved, and the page shows what changed.
    await architect.page.getByRole('button', { name: 'Lagre status og svar' }).click();
    await architect.page.waitForSelector('section[aria-labelledby="behandling"] .ds-alert');
    const alert = await architect.page.locator('section[aria-labelledby="behandling"] .ds-alert').textContent();
    expect(alert).toContain('Svaret ditt er ikke lagret');
    expect(alert).toContain('organisasjonen har lagret versjon 2');
    expect(await architect.page.locator('section[aria-labelledby="behandling"] .word-diff ins').allTextContents()).toEqual(['[lagt til: Vi støtter kravet fullt ut]']);
    expect(await architect.page.getByLabel('Prosjektets svar').inputValue()).toBe('Vi fjerner kravet i neste versjon.');
    // The 409 is the answer we expect; the browser reports it, and nothing else.
    expect(architect.problems.map((p) => p.replace(app.url, '')).sort()).toEqual([`409: ${commentPath}/behandling`, 'error: Failed to load resource: the server responded with a status of 409 (Conflict)'].sort());
    architect.problems.length = 0;
    await clean(architect.page, architect.problems, 'the refused answer (409)');
    await architect.page.getByLabel('Status', { exact: true }).selectOption('ikke-tatt-til-folge');
    await architect.page.getByLabel('Prosjektets svar').fill('Kravet blir stående.');
    await Promise.all([architect.page.waitForURL(/\?lagret=behandling$/), architect.page.getByRole('button', { name: 'Lagre status og svar' }).click()]);

    await org.page.reload();
    await settled(org.page);
    await expect(org.page.locator('.comment .answer').textContent()).resolves.toContain('Svar fra prosjektet på versjon 2');
    await expect(org.page.locator('#versjoner ~ details').textContent()).resolves.toContain('Enig, vi fjerner kravet.');
    await clean(org.page, org.problems, 'the answer to version 2, as the organisation sees it');

    await org.close();
    await architect.close();
  }, 120_000);

  it('lets an architect write an accepted change proposal into the requirement text, which the requirement page and its history then show', async () => {
    const org = await pageAs('organisation', `/horing/${roundId}/kommentarer/ny?punkt=${thirdItem}`);
    await org.page.getByLabel('Type kommentar').selectOption('endringsforslag');
    await org.page.getByLabel('Kommentar', { exact: true }).fill('Endringene må kunne etterprøves.');
    const proposalField = org.page.getByLabel('Foreslått tekst');
    const proposed = `${(await proposalField.inputValue()).trim()} Alle endringer skal dokumenteres.`;
    await proposalField.fill(proposed);
    await Promise.all([org.page.waitForURL(/\/kommentarer\/\d+\?lagret=kommentar$/), org.page.getByRole('button', { name: 'Send kommentaren' }).click()]);
    const commentPath = new URL(org.page.url()).pathname;
    await org.close();

    const architect = await pageAs('architect', commentPath);
    await expect(architect.page.locator('section[aria-labelledby="innarbeid"]').textContent()).resolves.toContain('når kommentaren er tatt til følge eller delvis tatt til følge');
    await architect.page.getByLabel('Status', { exact: true }).selectOption('tatt-til-folge');
    await architect.page.getByLabel('Prosjektets svar').fill('Vi tar inn setningen.');
    await Promise.all([architect.page.waitForURL(/\?lagret=behandling$/), architect.page.getByRole('button', { name: 'Lagre status og svar' }).click()]);
    const applySection = architect.page.locator('section[aria-labelledby="innarbeid"]');
    expect(await applySection.locator('.word-diff ins').allTextContents()).toEqual(['[lagt til:  Alle endringer skal dokumenteres.]']);
    await clean(architect.page, architect.problems, 'an accepted proposal, ready to apply');

    await Promise.all([architect.page.waitForURL(/\?lagret=innarbeidet$/), architect.page.getByRole('button', { name: 'Bruk forslaget i kravteksten' }).click()]);
    await expect(architect.page.locator('.comment .applied-note').textContent()).resolves.toMatch(/Innarbeidet i kravteksten \(versjon \d+\)/);
    expect(await applySection.count()).toBe(0);
    await clean(architect.page, architect.problems, 'the applied proposal');

    await Promise.all([architect.page.waitForLoadState('networkidle'), architect.page.locator('#gjelder a').click()]);
    const requirement = await architect.page.locator('main').textContent();
    expect(requirement).toContain('Alle endringer skal dokumenteres.');
    await expect(architect.page.locator('#historikk').textContent()).resolves.toMatch(/høringskommentar \d+ fra Testforeningen/);
    await clean(architect.page, architect.problems, 'the requirement after the proposal was applied');
    await architect.close();
  }, 120_000);

  it('records a visit with a POST from the loaded round page, never on the GET', async () => {
    const architect = await pageAs('architect', '/horing');
    const visit = () => app.db.selectFrom('consultation_visit').select('last_seen_at').where('user_id', '=', architect.user.id).where('round_id', '=', roundId).executeTakeFirst();
    const before = await visit();
    const posts: string[] = [];
    architect.page.on('request', (r) => r.method() === 'POST' && posts.push(new URL(r.url()).pathname));
    await architect.page.goto(`${app.url}/horing/${roundId}`, { waitUntil: 'networkidle' });
    expect(posts).toEqual([`/horing/${roundId}/besok`]);
    const after = await visit();
    expect(after?.last_seen_at).toBeDefined();
    expect(after?.last_seen_at).not.toBe(before?.last_seen_at);
    await clean(architect.page, architect.problems, 'round page with its visit report');
    await architect.close();
  }, 60_000);

  it('lets an architect add elements to a new round one at a time, in place, keeping what is typed, and create it', async () => {
    const architect = await pageAs('architect', '/horing/ny');
    const { page } = architect;
    await page.goto(`${app.url}/horing/ny`, { waitUntil: 'networkidle' });
    await page.getByLabel('Tittel').fill('Høring om ett krav');
    await page.getByLabel('Legg til krav eller element').fill('AKS-0001');
    await page.getByRole('button', { name: 'Legg til', exact: true }).click();
    const box = page.getByLabel('AKS-0001 Alle kommunale helse- og omsorgstjenester');
    await box.waitFor();
    // Swapped in place (htmx): the address, what was typed and the focus stay; the addition is announced.
    expect(page.url()).toBe(`${app.url}/horing/ny`);
    expect(await box.isChecked()).toBe(true);
    expect(await page.getByLabel('Tittel').inputValue()).toBe('Høring om ett krav');
    expect(await page.getByLabel('Legg til krav eller element').inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('legg-til');
    expect(await page.locator('#kunngjoring').textContent()).toBe('Lagt til: AKS-0001 Alle kommunale helse- og omsorgstjenester.');
    await clean(page, architect.problems, 'the new round form with an element added');
    await page.getByLabel('Frist').fill(norwegianDate(new Date(Date.now() + 20 * day)));
    // Enter in a field saves the form (its default button), not «Legg til» (review A2).
    await Promise.all([page.waitForURL(/\/horing\/\d+\?lagret=runde$/), page.getByLabel('Tittel').press('Enter')]);
    expect(await page.locator('main').innerText()).toContain('AKS-0001');
    await architect.close();
  }, 60_000);

  it('keeps the other consultation pages free of violations and axe-clean', async () => {
    const architect = await pageAs('architect', '/horing');
    for (const path of ['/horing', '/horing/ny', `/horing/${roundId}/rediger`, `/horing/${roundId}?vis=organisasjon`]) {
      await visit(architect.page, app.url + path);
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
