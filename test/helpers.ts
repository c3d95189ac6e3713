import type { LogEvent } from 'kysely';
import type { Role } from '../model/accounts.ts';
import { createApp } from '../src/app.tsx';
import { createUser } from '../src/commands/users.ts';
import { configWith, type Config } from '../src/config.ts';
import type { Db } from '../src/db/index.ts';
import { freshDatabase } from './engine.ts';

/**
 * A fresh database, migrated and (unless told otherwise) seeded: an in-memory SQLite copy of the
 * template, or a PostgreSQL database reset to it (`AKSON_TEST_ENGINE=postgres`, see `engine.ts`).
 */
export async function testDb(options: { seed?: boolean; log?: (e: LogEvent) => void } = {}): Promise<Db> {
  return freshDatabase(options);
}

/** A clock the test moves by hand: sessions, invitations and the sign-in limit all read it. */
export interface TestClock {
  now: () => Date;
  set: (at: string | Date) => void;
  advance: (by: { seconds?: number; minutes?: number; hours?: number }) => void;
}

export function testClock(start = '2026-11-26T12:00:00Z'): TestClock {
  let at = new Date(start).getTime();
  return {
    now: () => new Date(at),
    set: (to) => {
      at = new Date(to).getTime();
    },
    advance: ({ seconds = 0, minutes = 0, hours = 0 }) => {
      at += ((hours * 60 + minutes) * 60 + seconds) * 1000;
    },
  };
}

export interface TestAppOptions {
  seed?: boolean;
  /** Settings as environment strings, e.g. `{ PUBLIC_READ: 'false' }`. */
  config?: Partial<Record<keyof Config, string>>;
}

/** An app on a fresh seeded in-memory database, with a log of every SQL query it runs and a hand-moved clock. */
export async function testApp(options: TestAppOptions = {}) {
  const queries: string[] = [];
  const db = await testDb({ ...options, log: (e) => e.level === 'query' && queries.push(e.query.sql) });
  queries.length = 0;
  const errors: unknown[] = [];
  const clock = testClock();
  const config = configWith(options.config);
  const app = createApp({ db, config, now: clock.now, logError: (e) => errors.push(e) });
  return { app, db, queries, errors, clock, config, users: new Map<string, TestUser>() };
}

export type TestContext = Awaited<ReturnType<typeof testApp>>;

export const htmx = { 'HX-Request': 'true' } as const;

/** What a browser adds to a form post from one of our own pages. */
export const sameOrigin = { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' } as const;

/** Posts a form as a browser on our own page would (same Origin), with any extra headers (e.g. a cookie). */
export function postForm(ctx: Pick<TestContext, 'app'> & { config?: Config }, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  // With PUBLIC_URL set, that is the only origin the app accepts (as a browser there would send).
  const origin = ctx.config?.PUBLIC_URL ? { ...sameOrigin, Origin: ctx.config.PUBLIC_URL } : sameOrigin;
  return ctx.app.request(path, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...origin, ...headers },
  });
}

/** The page a versioned form is shown on, for a form's POST path (see `postShown`). */
function formPageOf(path: string): string {
  return path.replace(/\/tjenester\/\d+$/, '');
}

/**
 * Posts a form as a browser that opened its page first would: the versions the page showed
 * (`version`, and `vist-N` for each review answer the post mentions) are added unless `fields`
 * gives its own (a test of a stale save does). When the page cannot be shown to this user (401,
 * 403), the form goes as given, so refusals are still tested as before.
 */
export async function postShown(
  ctx: Pick<TestContext, 'app'> & { config?: Config },
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
  page: string = formPageOf(path),
): Promise<Response> {
  const { 'HX-Request': _htmx, ...pageHeaders } = headers;
  const shown = await ctx.app.request(page, { headers: pageHeaders });
  const added: Record<string, string> = {};
  // An autosave posts one service's answer: that service's `vist-N` goes with it whatever the fields say.
  const autosaved = /\/tjenester\/(\d+)$/.exec(path)?.[1];
  if (shown.status === 200) {
    const html = await shown.text();
    for (const [, name, value] of html.matchAll(/<input type="hidden"[^>]*? name="(version|vist-\d+)" value="([^"]*)"/g)) {
      if (name! in fields) continue;
      const service = /^vist-(\d+)$/.exec(name!)?.[1];
      if (service && service !== autosaved && !(`standpunkt-${service}` in fields) && !(`kommentar-${service}` in fields)) continue;
      if (autosaved && service !== autosaved) continue;
      added[name!] ??= value!;
    }
  }
  return postForm(ctx, path, { ...added, ...fields }, headers);
}

export const testPassword = 'korrekt hest batteri stift';

export interface TestUser {
  id: number;
  email: string;
  password: string;
  role: Role;
}

/** Oslo for municipality users, «Testforeningen» (created on first use) for organisation users. */
export const testMunicipality = '0301';

async function testOrganisation(db: Db, at: Date): Promise<number> {
  const name = 'Testforeningen';
  const found = await db.selectFrom('organisation').select('id').where('name', '=', name).executeTakeFirst();
  if (found) return found.id;
  const iso = at.toISOString();
  const row = await db
    .insertInto('organisation')
    .values({ name, kind: 'profesjonsforening', contact: '', created_at: iso, updated_at: iso })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A user with the role (and its binding) in the test's database; `name` defaults to the role. */
export async function createTestUser(ctx: Pick<TestContext, 'db' | 'clock'>, role: Role, options: { email?: string; name?: string } = {}): Promise<TestUser> {
  const email = options.email ?? `${role}@test.no`;
  const at = ctx.clock.now();
  const result = await createUser(
    ctx.db,
    {
      email,
      name: options.name ?? `Test ${role}`,
      role,
      municipalityNumber: role === 'municipality' ? testMunicipality : null,
      organisationId: role === 'organisation' ? await testOrganisation(ctx.db, at) : null,
      password: testPassword,
    },
    { at, userId: null, clientAddress: null },
  );
  if (result.kind !== 'ok') throw new Error(`could not create ${email}: ${JSON.stringify(result.errors)}`);
  return { id: result.id, email, password: testPassword, role };
}

/** The session cookie a response sets, as a `Cookie` header value. */
export function sessionCookie(res: Response): string | undefined {
  const match = /(?:^|,\s*)((?:__Host-)?akson-sesjon=[^;]*)/.exec(res.headers.get('set-cookie') ?? '');
  return match?.[1];
}

/**
 * Signs in through `POST /login` as a user with the role (created on first use, one per role and
 * context) and returns the headers that carry the new session: `ctx.app.request(path, { headers })`.
 */
export async function signIn(ctx: TestContext, role: Role): Promise<{ Cookie: string }> {
  let user = ctx.users.get(role);
  if (!user) {
    user = await createTestUser(ctx, role);
    ctx.users.set(role, user);
  }
  return signInAs(ctx, user);
}

export async function signInAs(ctx: Pick<TestContext, 'app'> & { config?: Config }, user: { email: string; password: string }): Promise<{ Cookie: string }> {
  const res = await postForm(ctx, '/login', { email: user.email, password: user.password });
  const cookie = sessionCookie(res);
  if (res.status !== 303 || !cookie) throw new Error(`sign-in as ${user.email} failed: ${res.status}`);
  return { Cookie: cookie };
}

/** The visible text of an HTML document, tags removed and entities for the common cases decoded. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}
