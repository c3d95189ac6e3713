import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Role } from '../../model/accounts.ts';
import { createApp } from '../../src/app.tsx';
import { configWith, type Config } from '../../src/config.ts';
import type { Db } from '../../src/db/index.ts';
import { createTestUser, testClock, testDb, testPassword, type TestUser } from '../helpers.ts';

/**
 * Browser tests drive Debian's Chromium (never a downloaded browser). Where it is missing they
 * skip with a notice, unless AKSON_BROWSER_TESTS=required (as in CI), where they fail.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserAvailable = existsSync(chromiumPath);
if (!browserAvailable) {
  if (process.env.AKSON_BROWSER_TESTS === 'required') {
    throw new Error(`Nettlesertestene krever Chromium på ${chromiumPath} (apt-get install -y chromium).`);
  }
  console.warn(`Hopper over nettlesertestene: fant ikke Chromium på ${chromiumPath}.`);
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // The interface follows Accept-Language: the journeys are written against bokmål, the
      // default. A test of the English interface switches language on the page.
      '--lang=nb-NO',
      '--accept-lang=nb-NO,nb',
    ],
  });
}

export interface RunningApp {
  url: string;
  db: Db;
  close(): Promise<void>;
}

/** The app on a fresh seeded in-memory database, listening on a free port. */
export async function startApp(prepare?: (db: Db) => Promise<void>, options: { config?: Partial<Record<keyof Config, string>> } = {}): Promise<RunningApp> {
  const db = await testDb();
  if (prepare) await prepare(db);
  const app = createApp({ db, config: configWith(options.config), logError: (e) => console.error(e) });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }).then(() => db.destroy()),
  };
}

/**
 * Waits until a page that has loaded has done what it does on its own: the load event, every
 * diagram drawn by Mermaid (or failed), and no htmx request in flight (a `hx-trigger="load"`).
 * Used instead of Playwright's `networkidle`, which waits out 500 ms without requests after every
 * navigation (most of what the browser tests' hundreds of page loads cost) and yet can return
 * before a diagram page's load event, while Mermaid is still being parsed, so that what was
 * checked next (axe, the width at 320 px) sometimes saw the diagram drawn and sometimes not.
 */
export async function settled(page: Page, { timeout = 45_000 } = {}): Promise<void> {
  // The bound only turns a page that never settles into a failure that says what it waited for;
  // generous, because Mermaid shares the CPU with the other test worker. (diagrams.js gives every
  // figure a final state, also when Mermaid is missing or throws.) Not covered: an htmx request
  // still to come after a `load delay:…` trigger.
  try {
    await page.waitForLoadState('load', { timeout });
    await page.waitForFunction(
      () =>
        !document.querySelector('.htmx-request') &&
        [...document.querySelectorAll('[data-diagram]')].every((f) => ['rendered', 'failed'].includes(f.getAttribute('data-diagram-state') ?? '')),
      undefined,
      { timeout },
    );
  } catch (error) {
    const waiting = await page
      .evaluate(() => [
        ...[...document.querySelectorAll('[data-diagram]')]
          .filter((f) => !['rendered', 'failed'].includes(f.getAttribute('data-diagram-state') ?? ''))
          .map((f) => `the diagram «${f.getAttribute('data-file-name') ?? f.querySelector('figcaption')?.textContent?.trim()}» (${f.getAttribute('data-diagram-state') ?? 'never started'})`),
        ...[...document.querySelectorAll('.htmx-request')].map((e) => `an htmx request from <${e.tagName.toLowerCase()}${e.id ? ` id="${e.id}"` : ''}>`),
      ])
      .catch(() => ['(the page could not be read)']);
    throw new Error(`${page.url()} did not settle within ${timeout} ms; still waiting for: ${waiting.join(', ') || 'the load event'}`, { cause: error });
  }
}

/** Opens the address and waits until the page has settled (see `settled`). */
export async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await settled(page);
}

/** Signs in through the login form as a user with the role (created on first use), and lands on `path`. */
export async function signInPage(page: Page, app: RunningApp, role: Role, path = '/'): Promise<TestUser> {
  const email = `${role}@test.no`;
  const existing = await app.db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirst();
  const user = existing ? { id: existing.id, email, password: testPassword, role } : await createTestUser({ db: app.db, clock: testClock(new Date().toISOString()) }, role);
  await visit(page, `${app.url}/login?neste=${encodeURIComponent(path)}`);
  await page.getByLabel('E-postadresse').fill(user.email);
  await page.getByLabel('Passord').fill(user.password);
  await Promise.all([page.waitForURL(`${app.url}${path}`), page.getByRole('button', { name: 'Logg inn' }).click()]);
  return user;
}

/**
 * Collects Content-Security-Policy violations the page reports (the listener is installed over
 * the DevTools protocol, so the policy itself does not block it). Read with `cspViolations(page)`.
 */
export async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
}

export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? ['(no listener)']);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on the page as it stands. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol, so the page's Content-Security-Policy does not block it.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

/** Collects console errors and failed requests, which a passing page must not have. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A request the browser itself cancelled, because the page navigated on before it ended
    // (typically the favicon), is not a fault of the page; any other failure is.
    const reason = r.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED') problems.push(`requestfailed: ${r.url()} (${reason})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
  });
  return problems;
}
