import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negotiateEncoding } from '../../../src/http/compression.ts';
import { testApp, type TestContext } from '../../helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testApp();
});
afterAll(() => ctx.db.destroy());

const get = (path: string, headers: Record<string, string> = {}) => ctx.app.request(path, { headers });
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('negotiating an encoding', () => {
  it('prefers brotli, honours q-values and refusals', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('identity')).toBeUndefined();
    expect(negotiateEncoding('*;q=0')).toBeUndefined();
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding(undefined)).toBeUndefined();
  });
});

describe('compressed answers', () => {
  it('pages, JSON and CSV come in brotli, gzip or plain as the browser accepts, with Vary', async () => {
    for (const path of ['/', '/api/model', '/vurdering/dashbord/eksport.csv']) {
      const plain = await get(path);
      expect(plain.status, path).toBe(200);
      expect(plain.headers.get('content-encoding'), path).toBeNull();
      expect(plain.headers.get('vary'), path).toMatch(/Accept-Encoding/);
      const text = await bytes(plain);

      const br = await get(path, { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(br.headers.get('content-encoding'), path).toBe('br');
      expect(br.headers.get('vary'), path).toMatch(/Accept-Encoding/);
      const brBody = await bytes(br);
      expect(brBody.byteLength, path).toBeLessThan(text.byteLength);
      expect(Number(br.headers.get('content-length')), path).toBe(brBody.byteLength);
      expect(brotliDecompressSync(brBody).toString('utf8').length, path).toBeGreaterThan(0);

      const gz = await get(path, { 'Accept-Encoding': 'gzip' });
      expect(gz.headers.get('content-encoding'), path).toBe('gzip');
      expect(gunzipSync(await bytes(gz)).byteLength, path).toBeGreaterThan(1000);
    }
  });

  it('the same page decompresses to what the plain answer says', async () => {
    const plain = await (await get('/informasjonstjenester/multidose')).text();
    const br = brotliDecompressSync(await bytes(await get('/informasjonstjenester/multidose', { 'Accept-Encoding': 'br' }))).toString('utf8');
    expect(br).toBe(plain);
  });
});

describe('assets', () => {
  const linked = async () => {
    const html = await (await get('/diagrammer/forste-leveranse')).text();
    return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  };

  it('pages link every asset by a content-hashed name, kept for a year and never revalidated', async () => {
    const urls = await linked();
    expect(urls.some((u) => /\/assets\/mermaid\.min\.[A-Za-z0-9_-]{12}\.js$/.test(u))).toBe(true);
    for (const url of urls) {
      expect(url).toMatch(/\.[A-Za-z0-9_-]{12}\.[a-z]+$/);
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('cache-control'), url).toBe('public, max-age=31536000, immutable');
    }
  });

  it('Mermaid is sent compressed (brotli, else gzip) and the compressed copy is kept', async () => {
    const url = (await linked()).find((u) => u.includes('mermaid'))!;
    const plain = await get(url);
    const size = (await bytes(plain)).byteLength;
    expect(size).toBeGreaterThan(3_000_000);
    const br = await get(url, { 'Accept-Encoding': 'gzip, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const brBody = await bytes(br);
    expect(brBody.byteLength).toBeLessThan(size / 3);
    expect(brotliDecompressSync(brBody).byteLength).toBe(size);
    const again = await get(url, { 'Accept-Encoding': 'br' });
    expect((await bytes(again)).equals(brBody)).toBe(true);
    const gz = await get(url, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gz)).byteLength).toBe(size);
    // Each encoding its own validator.
    expect(new Set([plain.headers.get('etag'), br.headers.get('etag'), gz.headers.get('etag')]).size).toBe(3);
    expect((await get(url, { 'Accept-Encoding': 'br', 'If-None-Match': br.headers.get('etag')! })).status).toBe(304);
  });

  it('the plain name still works, revalidated; an old hash leads to the current file', async () => {
    const res = await get('/assets/app.css');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600, must-revalidate');
    const old = await get('/assets/app.AAAAAAAAAAAA.css');
    expect(old.status).toBe(302);
    expect(old.headers.get('location')).toMatch(/^\/assets\/app\.[A-Za-z0-9_-]{12}\.css$/);
    expect((await get('/assets/nope.AAAAAAAAAAAA.css')).status).toBe(404);
  });
});
