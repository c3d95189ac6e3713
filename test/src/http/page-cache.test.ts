import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.tsx';
import { configWith } from '../../../src/config.ts';
import { migrateToLatest, openDatabase, type Db } from '../../../src/db/index.ts';
import { seedDatabase } from '../../../seeds/seed.ts';
import { htmx, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';


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

  it('a kept page costs one query (the model version), and is byte for byte a fresh render, policy included', async () => {
    const first = await get('/informasjonstjenester');
    const fresh = await first.text();
    ctx.queries.length = 0;
    const again = await get('/informasjonstjenester');
    expect(again.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy'));
    const kept = await again.text();
    expect(ctx.queries).toHaveLength(1);
    expect(ctx.queries[0]).toMatch(/model_change/);
    expect(kept).toBe(fresh);
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

  it('keeps nothing with PAGE_CACHE_MB=0', async () => {
    const off = await testApp({ config: { PAGE_CACHE_MB: '0' } });
    await off.app.request('/kilde');
    off.queries.length = 0;
    await off.app.request('/kilde');
    expect(off.queries.length).toBeGreaterThan(1);
    await off.db.destroy();
  });
});

describe('across processes sharing one database', () => {
  let dir: string;
  const dbs: Db[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a change written by one process is seen in the other's ETags and kept pages", async () => {
    dir = mkdtempSync(join(tmpdir(), 'akson-cache-'));
    const file = join(dir, 'delt.db');
    const first = openDatabase(file);
    dbs.push(first);
    await migrateToLatest(first);
    await seedDatabase(first, new Date('2026-01-01T00:00:00Z'));
    const second = openDatabase(file);
    dbs.push(second);
    const appA = createApp({ db: first, config: configWith(), logError: (e) => { throw e; } });
    const before = await appA.request('/informasjonstjenester/multidose');
    const etag = before.headers.get('etag')!;
    await appA.request('/informasjonstjenester/multidose'); // kept
    // Another process (its own connection) changes the service.
    await second.updateTable('element').set({ name: 'Multidose fra prosess B' }).where('key', '=', 'multidose').execute();
    const after = await appA.request('/informasjonstjenester/multidose', { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(textOf(await after.text())).toContain('Multidose fra prosess B');
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
    await ctx.db.destroy();
  });
});
