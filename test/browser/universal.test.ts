import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../model/accounts.ts';
import { norwegianDate } from '../../model/consultation.ts';
import { languageCookie } from '../../src/http/language.ts';
import { makeRound } from '../consultation-fixtures.ts';
import { axeViolations, type AxeViolation, browserAvailable, launch, settled, signInPage, startApp, visit, watchProblems, type RunningApp } from './harness.ts';

/**
 * Universal design over the pages the other browser tests visit: axe's WCAG 2.2 A and AA rules in
 * bokmål and in English, no horizontal scrolling at 320 px (a table or a diagram may scroll inside
 * its own box), and the three user groups' journeys done with the keyboard alone, with every
 * focused element in view and not under a sticky bar.
 */
const day = 24 * 3600 * 1000;
const languages = ['nb', 'en'] as const;
type Language = (typeof languages)[number];

describe.skipIf(!browserAvailable)('universal design in Chromium', { timeout: 240_000 }, () => {
  let app: RunningApp;
  let browser: Browser;
  let consultationId: number;
  let commentable: number;

  beforeAll(async () => {
    app = await startApp(async (db) => {
      const now = Date.now();
      const round = await makeRound(db, { title: 'Høring om kravene', opensOn: norwegianDate(new Date(now - day)), closesOn: norwegianDate(new Date(now + 30 * day)) }, new Date(now));
      consultationId = round.id;
      commentable = round.items[0]!.id;
    });
    browser = await launch();
    // A review round for the municipality's pages, opened as the architect would.
    const { page, context } = await signedIn('architect', '/vurdering', 'nb');
    await page.getByLabel('Tittel').fill('Vurdering av første leveranse');
    await page.getByLabel('Frist (siste dag)').fill(new Date(Date.now() + 30 * day).toISOString().slice(0, 10));
    await Promise.all([page.waitForURL(/\/vurdering\/runder\/1\?apnet$/), page.getByRole('button', { name: 'Åpne runden' }).click()]);
    await context.close();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A fresh browser session in the language, signed in as the role (or not at all). */
  async function signedIn(role: Role | null, path: string, language: Language, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const problems = watchProblems(page);
    // Signed in through the bokmål form; then the browser's choice of language applies.
    if (role) await signInPage(page, app, role, '/');
    await context.addCookies([{ name: languageCookie, value: language, url: app.url }]);
    await visit(page, app.url + path);
    return { page, context, problems };
  }

  const publicPages = [
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
    '/sok?q=legemidler',
    '/diagrammer',
    '/diagrammer/omfang',
    '/diagrammer/samhandling',
    '/login',
  ];
  const pagesOf: Array<[Role, string[]]> = [
    [
      'architect',
      [
        '/informasjonstjenester/multidose',
        '/informasjonstjenester/multidose/rediger',
        '/informasjonstjenester/multidose/koblinger',
        '/informasjonstjenester/ny',
        '/vurdering',
        '/vurdering/runder/1',
        '/vurdering/runder/1/lukk',
        '/vurdering/dashbord',
        '/vurdering/intensjon',
        '/horing',
        '/horing/ny',
        '/horing/1',
        '/horing/1/rediger',
        '/horing/1/rapport',
        '/baselines',
      ],
    ],
    ['administrator', ['/admin', '/admin/logg', '/admin/brukere', '/admin/organisasjoner', '/admin/invitasjoner']],
    ['municipality', ['/vurdering/runder/1/kommuner/0301']],
    ['organisation', ['/horing', '/horing/1', '/horing/1/kommentarer/ny?punkt=ITEM']],
  ];

  /**
   * How far the page scrolls sideways, and what sticks out: elements past the right edge that no
   * scrolling box of the page (a table's or a diagram's) holds.
   */
  async function overflow(page: Page): Promise<{ width: number; culprits: string[] }> {
    return page.evaluate(() => {
      const width = document.documentElement.scrollWidth;
      const culprits: string[] = [];
      const held = (el: Element) => {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
        return false;
      };
      if (width > window.innerWidth) {
        for (const el of document.querySelectorAll('body *')) {
          if (el.getBoundingClientRect().right > window.innerWidth + 1 && !held(el)) {
            const name = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + (typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '');
            culprits.push(`${name} (${Math.round(el.getBoundingClientRect().right)} px)`);
          }
        }
      }
      return { width, culprits: culprits.slice(0, 8) };
    });
  }

  /** Each page in the language, wide and then 320 px wide: what axe finds, and what scrolls sideways. */
  async function check(page: Page, paths: string[], language: Language) {
    const axe: Array<{ path: string; violations: AxeViolation[] }> = [];
    const reflow: Array<{ path: string; width: number; culprits: string[] }> = [];
    for (const path of paths) {
      await visit(page, app.url + path);
      expect(await page.getAttribute('html', 'lang'), path).toBe(language);
      const violations = await axeViolations(page);
      if (violations.length > 0) axe.push({ path, violations });
    }
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of paths) {
      await visit(page, app.url + path);
      const seen = await overflow(page);
      if (seen.width > 320) reflow.push({ path, ...seen });
    }
    return { axe, reflow };
  }

  for (const language of languages) {
    it(`every page, signed out, in ${language}: axe-clean, and no sideways scrolling at 320 px`, async () => {
      const { page, context, problems } = await signedIn(null, '/', language);
      expect(await check(page, publicPages, language)).toEqual({ axe: [], reflow: [] });
      expect(problems).toEqual([]);
      await context.close();
    });

    it.each(pagesOf)(`every page and open editor of a signed-in %s, in ${language}: axe-clean, and no sideways scrolling at 320 px`, async (role, paths) => {
      const { page, context, problems } = await signedIn(role, '/', language);
      const concrete = paths.map((p) => p.replace('ITEM', String(commentable)).replace('/horing/1', `/horing/${consultationId}`));
      expect(await check(page, concrete, language)).toEqual({ axe: [], reflow: [] });
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('draws a diagram at full size on a phone, to scroll inside its box, not shrunk past reading', async () => {
    const { page, context, problems } = await signedIn(null, '/diagrammer/omfang', 'nb', { width: 390, height: 800 });
    await page.locator('[data-diagram-state="rendered"]').first().waitFor();
    const sizes = await page.locator('.diagram__canvas').first().evaluate((canvas) => {
      const svg = canvas.querySelector('svg')!;
      return { drawn: svg.getBoundingClientRect().width, natural: svg.viewBox.baseVal.width, box: canvas.clientWidth, scrolls: canvas.scrollWidth > canvas.clientWidth };
    });
    expect(sizes.drawn).toBeCloseTo(sizes.natural, 0);
    expect(sizes.scrolls).toBe(true);
    expect(await overflow(page)).toEqual({ width: 390, culprits: [] });
    expect(problems).toEqual([]);
    await context.close();
  });

  /**
   * Where focus is, said by its name, and whether a sighted keyboard user sees it: in the window
   * and not under anything else (a sticky bar, a sticky table header) at its middle or corners.
   */
  async function focused(page: Page): Promise<{ name: string; hidden: string | null }> {
    return page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { name: '', hidden: null };
      const labelled = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
      const name = labelled.replace(/\s+/g, ' ').trim();
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return { name, hidden: 'has no size' };
      if (r.top < 0 || r.left < 0 || r.bottom > window.innerHeight || r.right > window.innerWidth) return { name, hidden: `outside the window (${Math.round(r.top)}, ${Math.round(r.left)})` };
      const inset = Math.min(3, r.width / 4, r.height / 4);
      const points: Array<[number, number]> = [
        [r.left + r.width / 2, r.top + r.height / 2],
        [r.left + inset, r.top + inset],
        [r.right - inset, r.top + inset],
        [r.left + inset, r.bottom - inset],
        [r.right - inset, r.bottom - inset],
      ];
      for (const [x, y] of points) {
        const top = document.elementFromPoint(x, y);
        if (top && !el.contains(top) && !top.contains(el) && !(top instanceof HTMLLabelElement && top.control === el)) {
          return { name, hidden: `covered by ${top.tagName.toLowerCase()}${top.className && typeof top.className === 'string' ? '.' + top.className.trim().split(/\s+/).join('.') : ''}` };
        }
      }
      return { name, hidden: null };
    });
  }

  /** Presses Tab until focus is on what `wanted` matches, noting every stop where focus could not be seen. */
  async function tabTo(page: Page, wanted: RegExp, hidden: string[], max = 400): Promise<void> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (now.hidden) hidden.push(`${now.name}: ${now.hidden}`);
      if (wanted.test(now.name)) return;
    }
    throw new Error(`Tab never reached ${wanted}`);
  }

  it('an architect links a service in the matrix with the keyboard alone, always seeing where focus is', async () => {
    const { page, context, problems } = await signedIn('architect', '/informasjonstjenester/multidose', 'nb');
    const hidden: string[] = [];
    await tabTo(page, /^Koble til tjenesteområder og aktører i matrisene/, hidden);
    await Promise.all([page.waitForURL(/\/matriser\/personellgrupper/), page.keyboard.press('Enter')]);
    await settled(page);
    // The matrix opens narrowed to the service's own row, highlighted and marked as the target.
    expect(page.url()).toMatch(/\?service=multidose#rad-multidose$/);
    expect(await page.locator('#rad-multidose').evaluate((row) => row.matches(':target'))).toBe(true);
    expect(await page.locator('#rad-multidose').getAttribute('aria-current')).toBe('true');
    expect(await page.locator('#matrise tbody tr:not(.matrix__group)').count()).toBe(1);
    await tabTo(page, /^Multidose × Legevakt: ingen kobling/, hidden);
    await page.keyboard.press('Enter');
    // The editor opens with focus on the current choice; the arrow keys move through the choices.
    await page.waitForFunction(() => document.activeElement?.getAttribute('type') === 'radio');
    for (let i = 0; i < 4 && !/^Leser og dokumenterer/.test((await focused(page)).name); i++) {
      await page.keyboard.press('ArrowDown');
      const now = await focused(page);
      if (now.hidden) hidden.push(`${now.name}: ${now.hidden}`);
    }
    expect(await page.getByLabel('Leser og dokumenterer').isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, /^Lagre$/, hidden);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label')?.startsWith('L+D: Multidose × Legevakt'));
    const after = await focused(page);
    if (after.hidden) hidden.push(`${after.name}: ${after.hidden}`);
    expect(hidden).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a municipality answers and submits its review with the keyboard alone, never losing focus under the sticky bar', async () => {
    const path = '/vurdering/runder/1/kommuner/0301';
    const { page, context, problems } = await signedIn('municipality', path, 'nb');
    const hidden: string[] = [];
    await tabTo(page, /^Standpunkt til «Multidose»/, hidden);
    await page.keyboard.press('ArrowDown');
    await page.locator('[id^="lagret-"]', { hasText: 'Lagret kl.' }).first().waitFor();
    await tabTo(page, /^Kommentar til «Multidose»/, hidden);
    await page.keyboard.type('Vi bruker dette allerede.');
    // On through every other field of the form to the submit button, past the sticky bar.
    await tabTo(page, /^Send inn vurderingen …$/, hidden);
    await Promise.all([page.waitForURL(`${app.url}${path}/send-inn`), page.keyboard.press('Enter')]);
    await tabTo(page, /^Send inn vurderingen$/, hidden);
    await Promise.all([page.waitForURL(`${app.url}${path}?sendt`), page.keyboard.press('Enter')]);
    expect(await page.locator('main').innerText()).toContain('Vi bruker dette allerede.');
    expect(hidden).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an organisation comments on a requirement with the keyboard alone, always seeing where focus is', async () => {
    const { page, context, problems } = await signedIn('organisation', `/horing/${consultationId}`, 'nb');
    const hidden: string[] = [];
    await tabTo(page, /^Kommenter AKS-0001/, hidden);
    await Promise.all([page.waitForURL(/\/kommentarer\/ny\?punkt=/), page.keyboard.press('Enter')]);
    await tabTo(page, /^Kommentar$/, hidden);
    await page.keyboard.type('Kravet bør si hvem som har ansvaret.');
    await tabTo(page, /^Send kommentaren$/, hidden);
    await Promise.all([page.waitForURL(/\/kommentarer\/\d+\?lagret=kommentar$/), page.keyboard.press('Enter')]);
    expect(await page.locator('main').innerText()).toContain('Kravet bør si hvem som har ansvaret.');
    expect(hidden).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
