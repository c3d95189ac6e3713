import { describe, expect, it } from 'vitest';
import { freezeBaselineAsOperator } from '../../../src/commands/baselines.ts';
import { testApp, type TestContext } from '../../helpers.ts';

/** The CSV's rows as requirement number → the row's text, read from the file a user downloads. */
async function csvRefs(ctx: TestContext, path: string): Promise<{ status: number; refs: string[]; body: string; disposition: string | null }> {
  const res = await ctx.app.request(path);
  const body = new TextDecoder('utf-8', { ignoreBOM: false }).decode(await res.arrayBuffer());
  const refs = res.status === 200 ? [...body.matchAll(/\r\n(AKS-\d{4}),/g)].map((m) => m[1]!) : [];
  return { status: res.status, refs, body, disposition: res.headers.get('content-disposition') };
}

describe('the requirement spreadsheet of a selection', () => {
  it('from a baseline (?grunnlinje=ID) holds the requirements as frozen, not as they are now', async () => {
    const ctx = await testApp();
    const frozen = await freezeBaselineAsOperator(ctx.db, ctx.clock.now(), { name: 'Høringsutkast 1', description: '' });
    expect(frozen.ok).toBe(true);
    const id = frozen.ok ? frozen.id : 0;
    const before = (await ctx.db.selectFrom('requirement').select('text').where('ref', '=', 'AKS-0002').executeTakeFirstOrThrow()).text;
    await ctx.db.updateTable('requirement').set({ text: 'Løsningen skal ha fått en ny tekst etter baselinen.' }).where('ref', '=', 'AKS-0002').execute();

    const now = await csvRefs(ctx, '/eksport/krav.csv');
    expect(now.body).toContain('ny tekst etter baselinen');
    const then = await csvRefs(ctx, `/eksport/krav.csv?grunnlinje=${id}`);
    expect(then.status).toBe(200);
    expect(then.refs).toEqual(now.refs);
    expect(then.body).not.toContain('ny tekst etter baselinen');
    expect(then.body).toContain(before.slice(0, 40));
    expect(then.disposition).toContain(`akson-krav-grunnlinje-${id}.csv`);
    const xlsx = await ctx.app.request(`/eksport/krav.xlsx?grunnlinje=${id}`);
    expect(xlsx.status).toBe(200);

    expect((await ctx.app.request('/eksport/krav.csv?grunnlinje=9999')).status).toBe(404);
    expect((await ctx.app.request('/eksport/krav.csv?grunnlinje=abc')).status).toBe(404);
    const mixed = await ctx.app.request(`/eksport/krav.xlsx?grunnlinje=${id}&priority=must`);
    expect(mixed.status).toBe(400);
    expect(await mixed.text()).toContain('tar ikke filter');
  });

  it('for the requirement list’s filter holds exactly the requirements the filter selects', async () => {
    const ctx = await testApp();
    const must = (await ctx.db.selectFrom('requirement').select('ref').where('priority', '=', 'must').orderBy('ref').execute()).map((r) => r.ref);
    expect(must.length).toBeGreaterThan(0);
    const all = await csvRefs(ctx, '/eksport/krav.csv');
    expect(all.refs.length).toBeGreaterThan(must.length);

    const filtered = await csvRefs(ctx, '/eksport/krav.csv?priority=must');
    expect(filtered.status).toBe(200);
    expect(filtered.refs).toEqual(must);
    expect(filtered.disposition).toMatch(/akson-krav-utvalg-\d{4}-\d{2}-\d{2}\.csv/);

    // A chapter filter takes the chapter's sections with it, as the list does.
    const stamp = ctx.clock.now().toISOString();
    const top = await ctx.db.insertInto('requirement_chapter').values({ name: 'Topp', parent_id: null, position: 0, created_at: stamp }).returning('id').executeTakeFirstOrThrow();
    const sub = await ctx.db.insertInto('requirement_chapter').values({ name: 'Under', parent_id: top.id, position: 0, created_at: stamp }).returning('id').executeTakeFirstOrThrow();
    await ctx.db.updateTable('requirement').set({ chapter_id: top.id }).where('ref', '=', 'AKS-0003').execute();
    await ctx.db.updateTable('requirement').set({ chapter_id: sub.id }).where('ref', '=', 'AKS-0005').execute();
    expect((await csvRefs(ctx, `/eksport/krav.csv?chapter=${top.id}`)).refs).toEqual(['AKS-0003', 'AKS-0005']);
    expect((await csvRefs(ctx, `/eksport/krav.csv?chapter=${top.id}&q=${encodeURIComponent('AKS-0005')}`)).refs).toEqual(['AKS-0005']);
    // The linked-elements column of a filtered export is still complete for the rows it has.
    const one = await csvRefs(ctx, '/eksport/krav.csv?q=AKS-0001');
    expect(one.refs).toEqual(['AKS-0001']);
    expect(all.body.split('\r\n').find((l) => l.startsWith('AKS-0001,'))).toBe(one.body.split('\r\n').find((l) => l.startsWith('AKS-0001,')));

    const bad = await ctx.app.request('/eksport/krav.xlsx?priority=kanskje');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Prioritet må være en av');
    expect((await ctx.app.request('/eksport/krav.csv?chapter=999999')).status).toBe(400);
  });
});
