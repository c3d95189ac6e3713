import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.tsx';
import { configWith } from '../../../src/config.ts';
import { migrateToLatest, openDatabase, type Db } from '../../../src/db/index.ts';
import { seedDatabase } from '../../../seeds/seed.ts';
import { versionReader } from '../../../src/http/page-cache.ts';
import { lastDatabase, testEngine } from '../../engine.ts';
import { htmx, signIn, testApp, testDb, textOf, type TestContext } from '../../helpers.ts';
import { openRound } from '../review/helpers.ts';
import { makeRound } from '../../consultation-fixtures.ts';

/** Every header but the length (a kept page is compressed harder than a fresh answer is). */
const headersOf = (res: Response) => Object.fromEntries([...res.headers].filter(([name]) => name !== 'content-length'));
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('ETag and 304 by the model version', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await testApp();
  });
  afterAll(() => ctx.db.destroy());
  const get = (path: string, headers: Record<string, string> = {}) => ctx.app.request(path, { headers });

  it('a read page and /api/model answer 304 to their own ETag, without a body or a new policy', async () => {
    for (const path of ['/', '/informasjonstjenester/multidose', '/api/model', '/matriser/aktorer']) {
      const first = await get(path);
      expect(first.status, path).toBe(200);
      const etag = first.headers.get('etag')!;
      expect(etag, path).toMatch(/^W\/".+"$/);
      expect(first.headers.get('cache-control'), path).toBe('no-cache');
      const again = await get(path, { 'If-None-Match': etag });
      expect(again.status, path).toBe(304);
      expect(await again.text(), path).toBe('');
      expect(again.headers.get('etag'), path).toBe(etag);
      // The kept page keeps the policy it came with.
      expect(again.headers.get('content-security-policy'), path).toBeNull();
    }
  });

  it('the page and its htmx fragment have different ETags', async () => {
    const page = await get('/informasjonstjenester');
    const fragment = await get('/informasjonstjenester', htmx);
    expect(page.headers.get('etag')).not.toBe(fragment.headers.get('etag'));
    expect((await get('/informasjonstjenester', { ...htmx, 'If-None-Match': page.headers.get('etag')! })).status).toBe(200);
  });

  it('a change to the model (by any writer) changes the ETag and the page', async () => {
    const before = await get('/informasjonstjenester/multidose');
    const etag = before.headers.get('etag')!;
    await ctx.db.updateTable('element').set({ name: 'Multidose endret' }).where('key', '=', 'multidose').execute();
    const after = await get('/informasjonstjenester/multidose', { 'If-None-Match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(textOf(await after.text())).toContain('Multidose endret');
  });

  it("a signed-in user's page has its own ETag per session, and is never stored", async () => {
    const anonymous = (await get('/')).headers.get('etag')!;
    const first = await signIn(ctx, 'reader');
    const second = await signIn(ctx, 'reader');
    const mine = await get('/', first);
    expect(mine.headers.get('cache-control')).toBe('no-store');
    expect(mine.headers.get('etag')).not.toBe(anonymous);
    expect((await get('/', second)).headers.get('etag')).not.toBe(mine.headers.get('etag'));
    expect((await get('/', { ...first, 'If-None-Match': anonymous })).status).toBe(200);
    expect((await get('/', { ...first, 'If-None-Match': mine.headers.get('etag')! })).status).toBe(304);
  });
});

describe('rendered pages kept for anonymous readers', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await testApp();
  });
  afterAll(() => ctx.db.destroy());
  afterEach(() => {
    ctx.queries.length = 0;
  });
  const get = (path: string, headers: Record<string, string> = {}) => ctx.app.request(path, { headers });

  /** The same database through an app that keeps nothing: every answer made the ordinary way. */
  const uncached = () => createApp({ db: ctx.db, config: configWith({ PAGE_CACHE_MB: '0' }), now: ctx.clock.now, logError: (e) => ctx.errors.push(e) });
  /** Only the model's version was read, once per request: nothing was rendered (SQLite reads it beside Kysely, unlogged). */
  const onlyTheVersion = (requests = 1) => {
    expect(ctx.queries.filter((q) => !/model_change/.test(q))).toEqual([]);
    expect(ctx.queries.length).toBeLessThanOrEqual(requests);
  };

  it('a kept page is answered with every header the ordinary answer has, the security headers and policy included', async () => {
    const plain = uncached();
    const browser = { 'Accept-Encoding': 'gzip, deflate, br', 'Accept-Language': 'nb-NO,nb;q=0.9' };
    for (const [path, headers] of [
      ['/informasjonstjenester/multidose', browser],
      ['/informasjonstjenester/multidose', {}],
      ['/diagrammer/forste-leveranse', { 'Accept-Encoding': 'gzip' }],
      ['/informasjonstjenester', { ...browser, ...htmx }],
      ['/api/model', browser],
      ['/vurdering/dashbord', browser],
    ] as const) {
      await (await get(path, headers)).arrayBuffer(); // kept (a streamed answer once it has ended)
      ctx.queries.length = 0;
      const kept = await get(path, headers);
      onlyTheVersion();
      const ordinary = await plain.request(path, { headers });
      expect(kept.status, path).toBe(200);
      expect(headersOf(kept), path).toEqual(headersOf(ordinary));
      expect(kept.headers.get('content-security-policy'), path).toContain("script-src 'self';");
      expect(kept.headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains');
      expect(Number(kept.headers.get('content-length')), path).toBe((await bytes(kept)).byteLength);

      // And its 304 is the ordinary one's, with no Vary left out.
      const etag = kept.headers.get('etag')!;
      ctx.queries.length = 0;
      const notModified = await get(path, { ...headers, 'If-None-Match': etag });
      onlyTheVersion();
      const ordinary304 = await plain.request(path, { headers: { ...headers, 'If-None-Match': etag } });
      expect(notModified.status, path).toBe(304);
      expect(await notModified.text(), path).toBe('');
      const { vary, ...rest } = headersOf(notModified);
      const { vary: ordinaryVary, ...ordinaryRest } = headersOf(ordinary304);
      expect(rest, path).toEqual(ordinaryRest);
      for (const token of ordinaryVary!.split(', ')) expect(vary, path).toContain(token);
    }
    expect(ctx.errors).toEqual([]);
  });

  it('a kept page in brotli, gzip and plain is the same page as a fresh render', async () => {
    const path = '/diagrammer/forste-leveranse';
    const fresh = await (await uncached().request(path)).text();
    await get(path); // kept
    ctx.queries.length = 0;
    const plain = await get(path);
    const br = await get(path, { 'Accept-Encoding': 'br' });
    const gzip = await get(path, { 'Accept-Encoding': 'gzip;q=1, br;q=0.5' });
    onlyTheVersion(3);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(await plain.text()).toBe(fresh);
    expect(brotliDecompressSync(await bytes(br)).toString('utf8')).toBe(fresh);
    expect(gunzipSync(await bytes(gzip)).toString('utf8')).toBe(fresh);
  });

  it('a request with a session cookie is never answered from the kept pages, even one whose session is gone', async () => {
    await get('/kilde'); // kept
    const ended = { Cookie: 'akson-sesjon=utlopt-eller-ukjent' };
    ctx.queries.length = 0;
    const res = await get('/kilde', ended);
    expect(res.status).toBe(200);
    // Answered the ordinary way: the session was looked up and its cookie cleared.
    expect(ctx.queries.some((q) => /session/.test(q))).toBe(true);
    expect(res.headers.get('set-cookie')).toMatch(/akson-sesjon=;/);
  });

  it("never serves a signed-in user's page to anyone else, nor an anonymous page to a signed-in user", async () => {
    const architect = await signIn(ctx, 'architect');
    await get('/krav'); // kept for anonymous readers
    const mine = textOf(await (await get('/krav', architect)).text());
    expect(mine).toContain('Test architect');
    expect(mine).toContain('Logg ut');
    const theirs = textOf(await (await get('/krav')).text());
    expect(theirs).not.toContain('Test architect');
    expect(theirs).toContain('Logg inn');
    // And the other way round: the signed-in page is not what anonymous readers get next.
    await get('/veikart', architect);
    expect(textOf(await (await get('/veikart')).text())).not.toContain('Test architect');
  });

  it('never serves a page from before a change', async () => {
    expect(textOf(await (await get('/informasjonstjenester')).text())).not.toContain('Legemiddelliste ny');
    await ctx.db.updateTable('element').set({ name: 'Legemiddelliste ny' }).where('key', '=', 'multidose').execute();
    expect(textOf(await (await get('/informasjonstjenester')).text())).toContain('Legemiddelliste ny');
  });

  it('keeps the review dashboard, never past a change to what it counts, and not its dated CSV', async () => {
    const title = 'Runde for de kjente sidene';
    expect(textOf(await (await get('/vurdering/dashbord')).text())).not.toContain(title);
    ctx.queries.length = 0;
    expect((await get('/vurdering/dashbord')).status).toBe(200);
    onlyTheVersion();
    await openRound(ctx, { title });
    const after = await get('/vurdering/dashbord');
    expect(after.status).toBe(200);
    expect(textOf(await after.text())).toContain(title);
    // The CSV's file name carries the date: rendered every time.
    await (await get('/vurdering/dashbord/eksport.csv')).arrayBuffer();
    ctx.queries.length = 0;
    await (await get('/vurdering/dashbord/eksport.csv')).arrayBuffer();
    expect(ctx.queries.filter((q) => !/model_change/.test(q)).length).toBeGreaterThan(0);
  });

  it('keeps nothing with PAGE_CACHE_MB=0', async () => {
    const off = await testApp({ config: { PAGE_CACHE_MB: '0' } });
    await off.app.request('/kilde');
    off.queries.length = 0;
    await off.app.request('/kilde');
    expect(off.queries.length).toBeGreaterThan(1);
    await off.db.destroy();
  });
});

describe('the consultation rounds, kept for anonymous readers a day at a time', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await testApp();
  });
  afterAll(() => ctx.db.destroy());
  /** The state tags on the page (planned, open, closed), in order. */
  const states = (html: string) => [...html.matchAll(/<span class="ds-tag"[^>]*>([^<]+)<\/span>/g)].map((m) => m[1]);

  it("are kept, and a round shows as open from its opening date, the day after it was kept as planned", async () => {
    // The test clock is 26 November 2026, 12:00 UTC: the round opens tomorrow.
    await makeRound(ctx.db, { title: 'Runde som åpner i morgen', opensOn: '2026-11-27', closesOn: '2026-12-15' });
    const before = await (await ctx.app.request('/horing')).text();
    expect(states(before)).toEqual(['Planlagt']);
    ctx.queries.length = 0;
    const kept = await ctx.app.request('/horing');
    expect(ctx.queries.filter((q) => !/model_change/.test(q))).toEqual([]);
    expect(states(await kept.text())).toEqual(['Planlagt']);

    ctx.clock.advance({ hours: 24 });
    expect(states(await (await ctx.app.request('/horing')).text())).toEqual(['Åpen']);
    // And the day's ETag is not yesterday's: a browser's copy from yesterday is not confirmed.
    const etag = kept.headers.get('etag')!;
    expect((await ctx.app.request('/horing', { headers: { 'If-None-Match': etag } })).status).toBe(200);
    expect(ctx.errors).toEqual([]);
  });

  it("are never kept for, nor 304'd to, a signed-in reader, whose list counts what is new since their visit", async () => {
    const headers = await signIn(ctx, 'architect');
    const res = await ctx.app.request('/horing', { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeNull();
  });
});

describe('across processes sharing one database', () => {
  let dir: string | undefined;
  const dbs: Db[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Two handles on one database, as two processes have: one SQLite file, or one PostgreSQL database with two pools. */
  async function twoHandles(log: (sql: string) => void): Promise<[Db, Db]> {
    if (testEngine === 'postgres') {
      await testDb();
      const first = openDatabase(lastDatabase, { poolSize: 2, log: (e) => e.level === 'query' && log(e.query.sql) });
      const second = openDatabase(lastDatabase, { poolSize: 2 });
      dbs.push(first, second);
      return [first, second];
    }
    dir = mkdtempSync(join(tmpdir(), 'akson-cache-'));
    const file = join(dir, 'delt.db');
    const first = openDatabase(file, { log: (e) => e.level === 'query' && log(e.query.sql) });
    dbs.push(first);
    await migrateToLatest(first);
    await seedDatabase(first, new Date('2026-01-01T00:00:00Z'));
    const second = openDatabase(file);
    dbs.push(second);
    return [first, second];
  }

  it("a change written by one process is seen in the other's ETags and kept pages at once", async () => {
    const queries: string[] = [];
    const [first, second] = await twoHandles((sql) => queries.push(sql));
    const appA = createApp({ db: first, config: configWith(), logError: (e) => { throw e; } });
    const path = '/informasjonstjenester/multidose';
    const browser = { 'Accept-Encoding': 'br', 'Accept-Language': 'nb' };
    const before = await appA.request(path, { headers: browser });
    const etag = before.headers.get('etag')!;
    queries.length = 0;
    const kept = await appA.request(path, { headers: browser });
    expect(queries.filter((q) => !/model_change/.test(q))).toEqual([]); // it was kept
    expect(textOf(brotliDecompressSync(await bytes(kept)).toString('utf8'))).not.toContain('Multidose fra prosess B');
    // Another process (its own connection) changes the service.
    await second.updateTable('element').set({ name: 'Multidose fra prosess B' }).where('key', '=', 'multidose').execute();
    const after = await appA.request(path, { headers: { ...browser, 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(textOf(brotliDecompressSync(await bytes(after)).toString('utf8'))).toContain('Multidose fra prosess B');
    // And the new page is what is kept and served next, in every encoding.
    queries.length = 0;
    const plain = await appA.request(path, { headers: { 'Accept-Language': 'nb' } });
    const gzip = await appA.request(path, { headers: { 'Accept-Encoding': 'gzip', 'Accept-Language': 'nb' } });
    expect(queries.filter((q) => !/model_change/.test(q))).toEqual([]);
    expect(textOf(await plain.text())).toContain('Multidose fra prosess B');
    expect(textOf(gunzipSync(await bytes(gzip)).toString('utf8'))).toContain('Multidose fra prosess B');
  });
});

describe('reading the model version for kept pages', () => {
  it('shares one query among requests that came while another was under way, never one that began before them', async () => {
    // A database whose version queries answer when the test says (as PostgreSQL's do, over the network).
    const pending: Array<(counter: number) => void> = [];
    let started = () => {};
    /** Resolves when the next query is sent. */
    const nextQuery = () => new Promise<void>((resolve) => (started = resolve));
    const query = { compile: () => ({}) };
    const db = {
      selectFrom: () => ({ select: () => ({ where: () => query }) }),
      executeQuery: () =>
        new Promise((resolve) => {
          pending.push((counter) => resolve({ rows: [{ counter }] }));
          started();
        }),
    } as unknown as Db;
    const read = versionReader(db);
    const first = read();
    expect(pending).toHaveLength(1);
    // These arrive while the first query is under way: it may have read the counter before a change
    // they must see, so they wait for the next query, one for all of them.
    const second = Promise.resolve(read());
    const third = read();
    expect(pending).toHaveLength(1);
    const sent = nextQuery();
    pending[0]!(7);
    expect(await first).toBe('7');
    // The next query is sent before either of them has an answer (not handed the first one's).
    expect(await Promise.race([sent.then(() => 'sent'), second.then((v) => `answered ${v}`)])).toBe('sent');
    expect(pending).toHaveLength(2);
    pending[1]!(8);
    expect(await second).toBe('8');
    expect(await third).toBe('8');
    // With nothing under way, a request starts its own.
    const fourth = read();
    expect(pending).toHaveLength(3);
    pending[2]!(9);
    expect(await fourth).toBe('9');
  });
});

describe('language', () => {
  it('a page kept in one language is never served in another', async () => {
    const ctx = await testApp();
    const nb = await ctx.app.request('/kilde', { headers: { 'Accept-Language': 'nb-NO,nb;q=0.9' } });
    const en = await ctx.app.request('/kilde', { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } });
    expect(nb.headers.get('content-language')).not.toBe(en.headers.get('content-language'));
    expect(nb.headers.get('etag')).not.toBe(en.headers.get('etag'));
    const again = await ctx.app.request('/kilde', { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } });
    expect(/<html lang="([^"]+)"/.exec(await again.text())?.[1]).toBe(en.headers.get('content-language'));
    // The language chosen on this browser (its cookie) goes before Accept-Language, kept or not.
    const chosen = await ctx.app.request('/kilde', { headers: { 'Accept-Language': 'nb-NO,nb;q=0.9', Cookie: 'akson-sprak=en' } });
    expect(/<html lang="([^"]+)"/.exec(await chosen.text())?.[1]).toBe(en.headers.get('content-language'));
    await ctx.db.destroy();
  });
});

describe('over HTTP, on the server the app runs on', () => {
  it('the export and a page carry their ETag and Cache-Control, rendered and kept alike, and answer 304 to it', async () => {
    const ctx = await testApp();
    // serve() puts @hono/node-server's Request and Response in place of Node's, as in production.
    const own = { Request: globalThis.Request, Response: globalThis.Response };
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      for (const path of ['/api/model', '/informasjonstjenester/multidose']) {
        const answers = [];
        for (const encoding of ['br', 'br', 'identity']) {
          const res = await fetch(url + path, { headers: { 'Accept-Encoding': encoding } });
          await res.arrayBuffer();
          answers.push(res);
        }
        const etag = answers[0]!.headers.get('etag');
        expect(etag, path).toMatch(/^W\/".+"$/);
        for (const res of answers) {
          expect(res.headers.get('etag'), path).toBe(etag);
          expect(res.headers.get('cache-control'), path).toBe('no-cache');
          expect(res.headers.get('vary'), path).toContain('Cookie');
          expect(res.headers.get('content-security-policy'), path).toContain("script-src 'self'");
        }
        expect((await fetch(url + path, { headers: { 'If-None-Match': etag! } })).status, path).toBe(304);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
      Object.assign(globalThis, own);
      await ctx.db.destroy();
    }
  });
});
