import { describe, expect, it } from 'vitest';
import { postForm, signIn, testApp, textOf } from '../helpers.ts';

/* Issue 16: the new kinds, links and provenance where users and tools see them. */
describe('the new kinds, links and provenance in the API, the pages, the diagrams and the exports', () => {
  it('puts provenance, the new kinds and the relations in /api/model', async () => {
    const ctx = await testApp();
    const res = await ctx.app.request('/api/model');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      elements: Record<string, Array<{ key: string; provenance: string; provenanceNote: string; sourceQuote: string | null }>>;
      links: { relations: Array<{ relation: string; provenance: { level: string } }>; regionCounties: unknown[]; requirementElements: Array<{ provenance: { level: string } }> };
    };
    for (const kind of ['journalInterface', 'region', 'nationalSolution', 'risk', 'guideline']) expect(body.elements[kind]!.length, kind).toBeGreaterThan(0);
    expect(body.elements.deliveryTier!.find((t) => t.key === '2023')).toMatchObject({ provenance: 'inferred', sourceQuote: '2023' });
    expect(body.links.relations.some((r) => r.relation === 'deliveredBy')).toBe(true);
    expect(body.links.regionCounties).toHaveLength(15);
    expect(body.links.requirementElements.every((l) => l.provenance.level === 'inferred')).toBe(true);
  });

  it('shows the level and the reason on element pages and in lists', async () => {
    const ctx = await testApp();
    const tier = textOf(await (await ctx.app.request('/leveransetrinn/2023')).text());
    expect(tier).toContain('Kildegrunnlag: Tolkning.');
    expect(tier).toContain('Kildens egen tekst: 2023');
    const kjernejournal = textOf(await (await ctx.app.request('/nasjonale-losninger/kjernejournal')).text());
    expect(kjernejournal).toContain('Informasjonstjenester løsningen leverer');
    expect(kjernejournal).toContain('Kritisk informasjon');
    const region = textOf(await (await ctx.app.request('/regioner/midt-norge')).text());
    expect(region).toContain('Helseplattformen');
    expect(region).toMatch(/15 Møre og Romsdal Tolkning/);
    const list = await (await ctx.app.request('/risikoer')).text();
    expect(list).toContain('data-provenance="stated"');
    const old = await ctx.app.request('/personellgrupper/legevakt');
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe('/tjenesteomrader/legevakt');
  });

  it('counts inferred items in the gap analysis', async () => {
    const ctx = await testApp();
    const gaps = textOf(await (await ctx.app.request('/gapanalyse')).text());
    expect(gaps).toContain('Tolkninger');
  });

  it('shows the interfaces and the regions in the scope overview and its Mermaid download', async () => {
    const ctx = await testApp();
    const page = textOf(await (await ctx.app.request('/diagrammer/omfang')).text());
    expect(page).toContain('Grensesnitt i kanten av felles journalløsning');
    expect(page).toContain('Regioner i målbildet');
    const mmd = await (await ctx.app.request('/diagrammer/omfang.mmd')).text();
    // Three interfaces as hexagons, and the four regions.
    expect(mmd.match(/\{\{"?Grensesnitt/g)).toHaveLength(3);
    expect(mmd).toContain("Region Midt#45;Norge#58; Helseplattformen");
  });

  it('lets an architect set the level and the reason in the edit form', async () => {
    const ctx = await testApp();
    const architect = await signIn(ctx, 'architect');
    const form = await (await ctx.app.request('/mal/involverte-pasienter/rediger', { headers: architect })).text();
    expect(form).toContain('Kildegrunnlag');
    const version = (await ctx.db.selectFrom('element').select('version').where('key', '=', 'involverte-pasienter').executeTakeFirstOrThrow()).version;
    const res = await postForm(ctx, '/mal/involverte-pasienter', { version: String(version), name: 'Involverte pasienter', provenance: 'inferred', provenanceNote: 'Lest av bildet.' }, architect);
    expect(res.status).toBeLessThan(400);
    const row = await ctx.db.selectFrom('element').select(['provenance', 'provenance_note']).where('key', '=', 'involverte-pasienter').executeTakeFirstOrThrow();
    expect(row).toEqual({ provenance: 'inferred', provenance_note: 'Lest av bildet.' });
  });
});
