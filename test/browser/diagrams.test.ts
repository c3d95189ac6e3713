import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { growModel } from '../../seeds/synthetic.ts';
import type { Db } from '../../src/db/index.ts';
import { hostileNames } from '../hostile-names.ts';
import { axeViolations, browserAvailable, launch, startApp, visit, watchProblems, type RunningApp } from './harness.ts';

/** The policy issue 3 brings (without its nonce, which no script of ours needs). */
const CSP = "script-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'";

const diagrams = [
  '/diagrammer/omfang',
  '/diagrammer/samhandling',
  '/diagrammer/forste-leveranse',
  '/diagrammer/veikart',
  '/diagrammer/avhengigheter',
  '/diagrammer/tjeneste/multidose',
  '/informasjonstjenester/multidose',
];

interface Drawn {
  state: string | null;
  declared: number;
  drawn: number;
  errorGraphic: boolean;
  text: string;
  ms: number;
}

/** Waits until every diagram on the page is drawn (or failed), then reads what Mermaid drew. */
async function drawn(page: Page): Promise<Drawn[]> {
  await page.waitForFunction(
    () => [...document.querySelectorAll('[data-diagram]')].every((f) => ['rendered', 'failed'].includes(f.getAttribute('data-diagram-state') ?? '')),
    undefined,
    { timeout: 60_000 },
  );
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-diagram]')].map((f) => {
      const svg = f.querySelector('[data-diagram-canvas] svg');
      const gantt = svg?.getAttribute('aria-roledescription') === 'gantt';
      return {
        state: f.getAttribute('data-diagram-state'),
        declared: Number(f.getAttribute('data-node-count')),
        drawn: svg ? svg.querySelectorAll(gantt ? 'rect.task' : 'g.node').length : -1,
        errorGraphic: !!document.querySelector('.error-icon, .error-text') || /Syntax error/i.test(document.body.textContent ?? ''),
        text: svg?.textContent ?? '',
        ms: Number(f.getAttribute('data-render-ms')),
      };
    }),
  );
}

/**
 * A page under the strict Content-Security-Policy, watched for console errors and failed requests,
 * closed when the test ends however it ends. Only documents are routed (their policy replaced);
 * everything else goes straight to the server. On closing, the route is removed first and a
 * handler still waiting for its response is told to give up quietly: before, a request in flight
 * when the page closed (or a page never closed after a failed assertion, its handler left in
 * place) failed a later test with `route.fulfill: Fetch response has been disposed`.
 */
async function open(browser: Browser, url: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport });
  onTestFinished(async () => {
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });
  const problems = watchProblems(page);
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const response = await route.fetch();
    // The body fetched is already decoded: it goes to the page without the server's encoding.
    const { 'content-encoding': _encoding, 'content-length': _length, ...headers } = response.headers();
    await route.fulfill({ response, headers: { ...headers, 'content-security-policy': CSP } });
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return { page, problems };
}

/** Links every service (as the 10× benchmark does) and places every other one in a solution part. */
async function linkServices(db: Db): Promise<void> {
  await growModel(db, { factor: 1, link: true });
  const part = await db.selectFrom('element').select('id').where('kind', '=', 'solutionPart').orderBy('position').executeTakeFirstOrThrow();
  const services = await db.selectFrom('information_service').select('element_id').orderBy('element_id').execute();
  const even = services.filter((_, i) => i % 2 === 0).map((s) => s.element_id);
  await db.updateTable('information_service').set({ solution_part_id: part.id }).where('element_id', 'in', even).execute();
}

/** Every element renamed, in turn, to one of the hostile names. */
async function renameAll(db: Db): Promise<void> {
  const ids = await db.selectFrom('element').select('id').orderBy('id').execute();
  await db.transaction().execute(async (trx) => {
    for (const [i, { id }] of ids.entries()) {
      await trx.updateTable('element').set({ name: hostileNames[i % hostileNames.length]! }).where('id', '=', id).execute();
    }
  });
}

// Mermaid lays out in the page; on a shared two-core machine that can take seconds per diagram.
describe.skipIf(!browserAvailable)('diagrams in Chromium', { timeout: 90_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('on the seeded model', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp();
    });
    afterAll(() => app?.close());

    // Counted from the seed, independently of the generators: e.g. the map is 3 parts and 8 actors;
    // the scope overview also draws the record's 3 interfaces and the 4 regions of the target picture.
    const seeded: Record<string, number> = {
      '/diagrammer/omfang': 3 + 1 + 35 + 15 + 3 + 4,
      '/diagrammer/samhandling': 3 + 8,
      '/diagrammer/forste-leveranse': 4 + 19 + 34,
      '/diagrammer/veikart': 4 + 6 + 8,
      '/diagrammer/avhengigheter': 1 + 4,
      '/diagrammer/tjeneste/multidose': 1 + 4,
      '/informasjonstjenester/multidose': 1 + 4,
    };

    it.each(diagrams)('%s draws every node under a strict CSP, without errors, and is axe-clean', async (path) => {
      const { page, problems } = await open(browser, app.url + path);
      const [d] = await drawn(page);
      expect(d).toMatchObject({ state: 'rendered', errorGraphic: false });
      expect(d!.drawn).toBe(seeded[path]);
      expect(d!.declared).toBe(seeded[path]);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('the index page is axe-clean and loads no Mermaid; the policy the diagrams pass under is live', async () => {
      const { page, problems } = await open(browser, `${app.url}/diagrammer`);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => 'mermaid' in window)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      // An inline script is refused, so the diagram tests above really ran under the strict policy.
      const refused = await page.evaluate(
        () =>
          new Promise<boolean>((resolve) => {
            document.addEventListener('securitypolicyviolation', () => resolve(true));
            const script = document.createElement('script');
            script.textContent = 'window.inline = true';
            document.body.append(script);
            setTimeout(() => resolve(false), 10_000); // only if the policy let it run
          }),
      );
      expect(refused).toBe(true);
      expect(await page.evaluate(() => 'inline' in window)).toBe(false);
    });

    it('redraws the diagram when a filter changes, without a full page load', async () => {
      const { page, problems } = await open(browser, `${app.url}/diagrammer/forste-leveranse`);
      await drawn(page);
      await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
      await page.selectOption('#diagram-forste-leveranse-tier', '2023');
      await page.waitForFunction(() => document.querySelector('[data-diagram]')?.getAttribute('data-node-count') === '8');
      const [d] = await drawn(page);
      expect(d).toMatchObject({ state: 'rendered', declared: 8, drawn: 8, errorGraphic: false });
      expect(d!.text).toContain('Multidose');
      expect(d!.text).not.toContain('Individuell plan');
      expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
      expect(page.url()).toContain('tier=2023');
      expect(await page.getAttribute('a[download="akson-forste-leveranse.mmd"]', 'href')).toBe('/diagrammer/forste-leveranse.mmd?tier=2023');
      expect(problems).toEqual([]);
    });

    it('downloads the drawing as a standalone SVG file', async () => {
      const { page, problems } = await open(browser, `${app.url}/diagrammer/samhandling`);
      await drawn(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-diagram-download]')]);
      expect(download.suggestedFilename()).toBe('akson-samhandling.svg');
      const svg = await readFile((await download.path())!, 'utf8');
      expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
      expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
      expect(svg).toContain('Spesialisthelsetjenesten');
      expect(svg).toContain('<title');
      expect(problems).toEqual([]);
    });

    it.each(['/diagrammer/omfang', '/diagrammer/veikart'])('%s at 320 px: the page does not scroll sideways; the diagram, full size, scrolls and zooms in its own box by keyboard', async (path) => {
      const { page, problems } = await open(browser, app.url + path, { width: 320, height: 640 });
      const [d] = await drawn(page);
      expect(d).toMatchObject({ state: 'rendered' });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      const box = page.getByRole('region', { name: /^Diagram: / });
      const measure = () =>
        box.evaluate((canvas) => ({ svg: canvas.querySelector('svg')!.getBoundingClientRect().width, box: canvas.clientWidth, scrolls: canvas.scrollWidth > canvas.clientWidth, left: canvas.scrollLeft }));
      const full = await measure();
      expect(full.scrolls).toBe(true);
      // The keyboard alone reaches the box: Tab until it has focus.
      for (let i = 0; i < 80 && !(await box.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
      expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      await expect.poll(async () => (await measure()).left).toBeGreaterThan(0);
      await page.keyboard.press('-');
      await expect.poll(async () => (await measure()).svg).toBeLessThan(full.svg);
      await page.keyboard.press('0');
      await expect.poll(async () => (await measure()).scrolls).toBe(false);
      // The buttons before the box do the same, with their names in words.
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Tilpass');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Forstørr');
      const fitted = (await measure()).svg;
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await measure()).svg).toBeGreaterThan(fitted);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('says a diagram cannot be drawn when Mermaid does not load, instead of «being drawn» for ever', async () => {
      const page = await browser.newPage();
      onTestFinished(() => page.close());
      await page.route((url) => url.pathname.includes('mermaid'), (route) => route.abort());
      await visit(page, `${app.url}/diagrammer/samhandling`); // settles: the figure has a final state
      const figure = page.locator('[data-diagram]');
      expect(await figure.getAttribute('data-diagram-state')).toBe('failed');
      expect(await figure.locator('[data-diagram-canvas]').textContent()).toContain('Diagrammet kunne ikke tegnes.');
    });

    it('shows the service diagram’s filters on the service page without leaving it', async () => {
      const { page, problems } = await open(browser, `${app.url}/informasjonstjenester/multidose`);
      await drawn(page);
      await page.selectOption('#diagram-tjeneste-actor', 'innbygger');
      await page.waitForFunction(() => document.querySelector('#diagram-tjeneste')?.textContent?.includes('(med filteret)'));
      const [d] = await drawn(page);
      expect(d).toMatchObject({ state: 'rendered', drawn: 5 });
      expect(new URL(page.url()).pathname).toBe('/informasjonstjenester/multidose');
      expect(problems).toEqual([]);
    });
  });

  describe('on a model full of hostile names, with every service linked', () => {
    let plain: RunningApp;
    let hostile: RunningApp;
    beforeAll(async () => {
      [plain, hostile] = await Promise.all([startApp(linkServices), startApp(async (db) => {
        await linkServices(db);
        await renameAll(db);
      })]);
    });
    afterAll(async () => {
      await plain?.close();
      await hostile?.close();
    });

    it.each(diagrams)('%s draws as many nodes as with plain names, and shows the names as written', async (path) => {
      const twin = await (await fetch(plain.url + path)).text();
      const expected = Number(twin.match(/data-node-count="(\d+)"/)![1]);
      const { page, problems } = await open(browser, hostile.url + path);
      const [d] = await drawn(page);
      expect(d).toMatchObject({ state: 'rendered', errorGraphic: false, declared: expected, drawn: expected });
      expect(expected).toBeGreaterThan(4);
      // The names are text in the drawing, never markup.
      expect(await page.locator('[data-diagram-canvas] script, [data-diagram-canvas] img').count()).toBe(0);
      const shown = d!.text.replace(/\s+/g, ' ');
      const some = ['Klammer [a] {b} (c) <d>', '<script>alert(1)</script>', '😀 Emoji 👩‍👩‍👧 og 🇳🇴', 'Emneknagg #1; semikolon; #quot; #35; #lt;', 'A & B &amp; C &lt; D &#60;', 'ﬂ°°35¶ß og ﬂ°lt¶ß'];
      expect(some.filter((name) => shown.includes(name)).length, shown.slice(0, 400)).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    });
  });

  describe('on a model with ten times the seeded services', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp((db) => growModel(db, { factor: 10, link: true }).then(() => undefined));
    });
    afterAll(() => app?.close());

    it.each([...diagrams, '/diagrammer/forste-leveranse?expand=plan', '/diagrammer/avhengigheter?expand=legemidler-og-vaksiner'])(
      '%s renders',
      async (path) => {
        const started = Date.now();
        const { page, problems } = await open(browser, app.url + path);
        const [d] = await drawn(page);
        const total = Date.now() - started;
        expect(d).toMatchObject({ state: 'rendered', errorGraphic: false });
        expect(d!.drawn).toBe(d!.declared);
        console.log(`10× model: ${path} – ${d!.declared} nodes, Mermaid ${d!.ms} ms, page and drawing ${total} ms`);
        expect(problems).toEqual([]);
      },
    );
  });
});
