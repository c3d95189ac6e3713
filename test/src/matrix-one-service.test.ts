import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { growModel } from '../../seeds/synthetic.ts';
import { signIn, testApp } from '../helpers.ts';

/** The matrices narrowed to one service (the service page's link, issue 11), and the actor matrix's shorter pages (issue 10). */
let ctx: Awaited<ReturnType<typeof testApp>>;
let architect: Record<string, string>;
beforeAll(async () => {
  ctx = await testApp();
  await growModel(ctx.db, { factor: 10, link: true });
  architect = await signIn(ctx, 'architect');
});
afterAll(() => ctx.db.destroy());

const get = async (path: string) => {
  const res = await ctx.app.request(path, { headers: architect });
  return { status: res.status, html: await res.text() };
};
const rows = (html: string) => [...html.matchAll(/<tr id="rad-([a-z0-9-]+)"/g)].map((m) => m[1]!);

describe('a matrix narrowed to one service', () => {
  it('is where the service page links, shows that row alone, highlighted, with the way back to all', async () => {
    const service = await get('/informasjonstjenester/multidose');
    expect(service.html).toContain('href="/matriser/personellgrupper?service=multidose#rad-multidose"');
    for (const path of ['/matriser/personellgrupper', '/matriser/aktorer']) {
      const { status, html } = await get(`${path}?service=multidose`);
      expect(status, path).toBe(200);
      expect(rows(html), path).toEqual(['multidose']);
      expect(html, path).toContain('<tr id="rad-multidose" class="matrix__row--current" aria-current="true">');
      expect(html, path).toContain(`<a class="ds-link" href="${path}">Vis alle informasjonstjenestene</a>`);
      // The other matrix's tab keeps the narrowing.
      const other = path === '/matriser/aktorer' ? '/matriser/personellgrupper' : '/matriser/aktorer';
      expect(html, path).toContain(`href="${other}?service=multidose"`);
    }
    // A key no service has shows an empty matrix, not an error.
    const none = await get('/matriser/aktorer?service=finnes-ikke');
    expect(none.status).toBe(200);
    expect(rows(none.html)).toEqual([]);
  });

  it('the actor matrix shows 50 rows a page, the personnel matrix 100', async () => {
    expect(rows((await get('/matriser/aktorer')).html).length).toBe(50);
    expect(rows((await get('/matriser/personellgrupper')).html).length).toBe(100);
  });
});
