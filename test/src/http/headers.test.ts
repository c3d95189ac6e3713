import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, signIn, testApp, type TestContext } from '../../helpers.ts';

let ctx: TestContext;
let admin: { Cookie: string };
let pages: string[];
beforeAll(async () => {
  ctx = await testApp();
  admin = await signIn(ctx, 'administrator');
  const other = await createTestUser(ctx, 'reader');
  const samples: Record<string, string> = { kindPath: 'informasjonstjenester', key: 'multidose', document: 'akson-arena-2019-10-24', id: String(other.id), token: 'ukjent', name: 'app.css' };
  // Every GET route the app has, made concrete, plus an error page and a fragment.
  pages = [
    ...new Set(ctx.app.routes.filter((r) => r.method === 'GET').map((r) => r.path.replace(/:(\w+)/g, (_, n: string) => samples[n] ?? 'x'))),
    '/finnes/ikke/her',
    '/portefolje?sort=ukjent',
  ];
});
afterAll(() => ctx.db.destroy());

const expectedPolicy = [
  "default-src 'self'",
  // Scripts from our own files only: none is inline, so none needs a nonce or a hash.
  /script-src 'self'(;|$)/,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
];

describe('security headers', () => {
  it('every HTML page carries the strict CSP, the same on every response, and only scripts from our files', async () => {
    let html = 0;
    const policies = new Set<string>();
    for (const path of pages) {
      for (const headers of [admin, {}]) {
        const res = await ctx.app.request(path, { headers });
        if (!res.headers.get('content-type')?.includes('text/html')) continue;
        html++;
        const csp = res.headers.get('content-security-policy') ?? '';
        for (const part of expectedPolicy) typeof part === 'string' ? expect(csp, path).toContain(part) : expect(csp, path).toMatch(part);
        expect(csp).not.toContain('unsafe-eval');
        expect(csp.match(/script-src[^;]*/)?.[0]).not.toContain('unsafe-inline');
        policies.add(csp);
        const body = await res.text();
        const scripts = body.match(/<script\b[^>]*>/g) ?? [];
        for (const tag of scripts) expect(tag, `${path}: no inline scripts`).toMatch(/\bsrc="\/assets\//);
        expect(body, path).not.toMatch(/\son[a-z]+=/i);
        expect(body, path).not.toContain('hx-on');
        expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        // Not no-referrer: under it browsers send `Origin: null` on our own form posts.
        expect(res.headers.get('referrer-policy')).toBe('same-origin');
        if (headers === admin) expect(res.headers.get('cache-control'), path).toBe('no-store');
      }
    }
    expect(html).toBeGreaterThan(40);
    // Nothing in it differs per response, so a kept page needs nothing rewritten (src/http/page-cache.ts).
    expect(policies.size).toBe(1);
  });

  it('JSON, files and the health check carry the headers too', async () => {
    for (const path of ['/api/model', '/assets/app.js', '/healthz']) {
      const res = await ctx.app.request(path);
      expect(res.headers.get('content-security-policy'), path).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });
});
