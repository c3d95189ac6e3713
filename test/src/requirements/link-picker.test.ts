import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { growModel } from '../../../seeds/synthetic.ts';
import { htmx, postForm, signIn, testApp, textOf } from '../../helpers.ts';

/**
 * The link forms on element and requirement pages name their target by typing, with suggestions
 * fetched as one types (at most 20), instead of carrying every element or requirement as an
 * option: on the seed grown 10× (3,400 requirements' worth of options before) a page stays small.
 */
let ctx: Awaited<ReturnType<typeof testApp>>;
let architect: Record<string, string>;
beforeAll(async () => {
  ctx = await testApp();
  await growModel(ctx.db, 10);
  architect = await signIn(ctx, 'architect');
});
afterAll(() => ctx.db.destroy());

const get = async (path: string, headers: Record<string, string> = architect) => {
  const res = await ctx.app.request(path, { headers });
  return { status: res.status, html: await res.text() };
};
const options = (html: string) => [...html.matchAll(/<option value="([^"]*)">([^<]*)<\/option>/g)].map((m) => ({ value: m[1]!, label: m[2]! }));

describe('the link target picker', () => {
  it('leaves every element and requirement out of the pages: a labelled field with an empty list of suggestions and a search link', async () => {
    const requirements = Number((await ctx.db.selectFrom('requirement').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(requirements).toBeGreaterThan(100);
    for (const [path, id] of [
      ['/krav/aks-0001', 'kravsporing-mal'],
      ['/informasjonstjenester/multidose', 'krav-nummer'],
      ['/leveransetrinn/2023', 'krav-nummer'],
    ] as const) {
      const { status, html } = await get(path);
      expect(status, path).toBe(200);
      expect(html, path).toContain(`<label class="ds-label" for="${id}">`);
      expect(html, path).toContain(`<datalist id="${id}-valg"></datalist>`);
      expect(html, path).toMatch(new RegExp(`id="${id}-sok"`));
      // No option per requirement or element any more.
      expect(options(html).filter((o) => /^AKS-|:/.test(o.value)), path).toEqual([]);
    }
  });

  it('suggests at most 20 requirements whose number or name holds what was typed, sent under the field’s own name', async () => {
    const { status, html } = await get('/koblingsmal?hva=krav&requirement=e', { ...architect, ...htmx });
    expect(status).toBe(200);
    expect(html).not.toContain('<html');
    const found = options(html);
    expect(found.length).toBe(20);
    for (const o of found) expect(`${o.value} ${o.label}`.toLowerCase()).toContain('e');
    const byNumber = options((await get('/koblingsmal?hva=krav&requirement=AKS-000', { ...architect, ...htmx })).html);
    expect(byNumber.map((o) => o.value)).toContain('AKS-0001');
    for (const o of byNumber) expect(o.value).toContain('AKS-000');
    const named = (await ctx.db.selectFrom('element').select('name').where('key', '=', 'aks-0001').executeTakeFirstOrThrow()).name;
    const word = named.split(' ')[0]!.toLowerCase();
    const byName = options((await get(`/koblingsmal?hva=krav&requirement=${encodeURIComponent(word)}`, { ...architect, ...htmx })).html);
    expect(byName.map((o) => o.value)).toContain('AKS-0001');
    for (const o of byName) expect(`${o.value} ${o.label}`.toLowerCase()).toContain(word);
  });

  it('suggests elements of every kind as kind:key, and the code posts a link', async () => {
    const found = options((await get('/koblingsmal?hva=element&target=multidose', { ...architect, ...htmx })).html);
    expect(found.map((o) => o.value)).toContain('informationService:multidose');
    expect(found.length).toBeLessThanOrEqual(20);
    const version = (await ctx.db.selectFrom('element').select('version').where('key', '=', 'aks-0001').executeTakeFirstOrThrow()).version;
    const res = await postForm(ctx, '/krav/aks-0001/koblinger', { version: String(version), linkKind: 'governs', target: found.find((o) => o.value === 'informationService:multidose')!.value }, { ...architect, ...htmx });
    expect(res.status).toBe(200);
    expect(textOf(await res.text())).toContain('Koblingen er lagret.');
  });

  it('without JavaScript, is a page that searches and shows the codes, with a way back', async () => {
    const { status, html } = await get('/koblingsmal?hva=element&q=multidose&tilbake=%2Fkrav%2Faks-0001%23kravsporing');
    expect(status).toBe(200);
    expect(html).toContain('<code>informationService:multidose</code>');
    expect(html).toContain('href="/krav/aks-0001#kravsporing"');
    expect(html).toContain('<label class="ds-label" for="koblingsmal-q">');
    const empty = await get('/koblingsmal?hva=krav&q=finnesikke-xyz');
    expect(textOf(empty.html)).toContain('Ingen treff.');
  });

  it('refuses what it does not know, and a way back that leaves the site, with 400', async () => {
    expect((await get('/koblingsmal?hva=alt&q=a')).status).toBe(400);
    expect((await get('/koblingsmal?hva=krav&q=a&tilbake=%2F%2Fevil.example')).status).toBe(400);
    expect((await get('/koblingsmal?hva=krav&q=a&tilbake=https%3A%2F%2Fevil.example')).status).toBe(400);
    // A search for LIKE's own wildcards finds them as text, not everything.
    expect(options((await get('/koblingsmal?hva=krav&q=%25', { ...architect, ...htmx })).html)).toEqual([]);
  });
});
