import { describe, expect, it } from 'vitest';
import { diffBaselines, diffCsv, diffMarkdown } from '../../../model/baselines.ts';
import { i18nFor } from '../../../views/i18n/index.ts';
import { baselineWording } from '../../../views/pages/baseline-wording.ts';
import { growModel } from '../../../seeds/synthetic.ts';
import { freezeBaselineAsOperator } from '../../../src/commands/baselines.ts';
import { currentSnapshot, loadBaseline } from '../../../src/db/queries/baselines.ts';
import { htmx, postForm, signIn, testApp, testDb, textOf } from '../../helpers.ts';
import { testEngine } from '../../engine.ts';

const wording = baselineWording(i18nFor('nb'));
const actor = { at: new Date('2026-11-26T12:00:00Z'), userId: null, clientAddress: null, name: 'Test' };

describe('baselines', () => {
  it('are immutable: the database refuses UPDATE, DELETE and INSERT OR REPLACE', async () => {
    const db = await testDb();
    const frozen = await freezeBaselineAsOperator(db, actor.at, { name: 'Høringsutkast 1', description: '' });
    expect(frozen.ok).toBe(true);
    const id = frozen.ok ? frozen.id : 0;
    await expect(db.updateTable('baseline').set({ name: 'Endret' }).where('id', '=', id).execute()).rejects.toThrow(/frozen/);
    await expect(db.updateTable('baseline').set({ snapshot: '{}' }).execute()).rejects.toThrow(/frozen/);
    await expect(db.deleteFrom('baseline').where('id', '=', id).execute()).rejects.toThrow(/frozen/);
    // Replacing the row by inserting over its id, in each engine's words for it.
    const replacement = { id, name: 'Erstattet', created_at: '2026-01-01T00:00:00Z', created_by: null, created_by_name: 'x', element_count: 0, requirement_count: 0, snapshot: '{}' };
    const replace =
      testEngine === 'postgres'
        ? db.insertInto('baseline').values(replacement).onConflict((oc) => oc.column('id').doUpdateSet({ name: 'Erstattet', snapshot: '{}' }))
        : db.replaceInto('baseline').values(replacement);
    await expect(replace.execute()).rejects.toThrow(/frozen/);
    const kept = await loadBaseline(db, id);
    expect(kept?.summary.name).toBe('Høringsutkast 1');
    expect(kept?.snapshot.model.elements.requirement).toHaveLength(10);
  });

  it('shows every kind of change exactly once, on a generated model', async () => {
    const db = await testDb();
    await growModel(db, 2);
    const now = new Date('2026-11-26T12:00:00Z');
    const stamp = now.toISOString();
    const [a, b] = await Promise.all(
      ['Kapittel A', 'Kapittel B'].map((name, position) =>
        db.insertInto('requirement_chapter').values({ name, parent_id: null, position, created_at: stamp }).returning('id').executeTakeFirstOrThrow(),
      ),
    );
    const req = async (key: string) => (await db.selectFrom('element').select('id').where('kind', '=', 'requirement').where('key', '=', key).executeTakeFirstOrThrow()).id;
    const moved = await req('aks-0001');
    const edited = await req('aks-0002');
    await db.updateTable('requirement').set({ chapter_id: a!.id }).execute();
    const before = await currentSnapshot(db, now);

    // One change of each kind.
    const goal = await db.selectFrom('element').select(['id', 'name']).where('kind', '=', 'goal').orderBy('id').executeTakeFirstOrThrow();
    await db.insertInto('element').values({ kind: 'goal', key: 'nytt-mal', name: 'Nytt mål', name_en: null, description: '', tentative: 0, position: 99, version: 1, created_at: stamp, updated_at: stamp, source_document_id: null, source_from: null, source_to: null }).execute();
    const doomed = await db
      .selectFrom('element')
      .select(['id', 'name'])
      .where('kind', '=', 'stakeholder')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await db.deleteFrom('element').where('id', '=', doomed.id).execute();
    await db.updateTable('element').set({ name: 'Omdøpt mål', version: 2 }).where('id', '=', goal.id).execute();
    await db.updateTable('requirement').set({ text: 'Løsningen skal vise alle endringer ord for ord.' }).where('element_id', '=', edited).execute();
    await db.updateTable('requirement').set({ chapter_id: b!.id }).where('element_id', '=', moved).execute();
    const service = await db.selectFrom('element').select('id').where('kind', '=', 'informationService').where('key', '=', 'multidose').executeTakeFirstOrThrow();
    await db.insertInto('requirement_element').values({ requirement_id: edited, element_id: service.id }).execute();
    const dropped = await db.selectFrom('requirement_element').selectAll().where('requirement_id', '=', moved).orderBy('element_id').executeTakeFirstOrThrow();
    await db.deleteFrom('requirement_element').where('requirement_id', '=', dropped.requirement_id).where('element_id', '=', dropped.element_id).execute();

    const after = await currentSnapshot(db, now);
    const diff = diffBaselines(before, after, wording);
    expect(diff.elements.added.map((e) => e.name)).toEqual(['Nytt mål']);
    expect(diff.elements.removed.map((e) => e.name)).toEqual([doomed.name]);
    expect(diff.elements.changed).toHaveLength(3);
    const byId = new Map(diff.elements.changed.map((c) => [c.element.id, c]));
    expect(byId.get(goal.id)?.fields.map((f) => [f.field, f.before, f.after])).toEqual([['name', goal.name, 'Omdøpt mål']]);
    const text = byId.get(edited)?.fields;
    expect(text?.map((f) => f.field)).toEqual(['text']);
    expect(text?.[0]?.words?.some((s) => s.op === 'ins' && s.text.includes('endringer'))).toBe(true);
    expect(byId.get(moved)?.movedChapter).toEqual({ from: '1 Kapittel A', to: '2 Kapittel B' });
    expect(diff.counts.requirementsMoved).toBe(1);
    expect(diff.links.added).toHaveLength(1);
    expect(diff.links.added[0]).toMatchObject({ label: 'Krav gjelder', to: { name: 'Multidose' } });
    expect(diff.links.removed).toHaveLength(1);
    expect(diff.links.removed[0]?.from.id).toBe(moved);
    expect(diff.chapters).toEqual({ added: [], removed: [], renamed: [], moved: [] });
    // Nothing changed: nothing shown.
    expect(diffBaselines(after, after, wording).counts).toEqual({
      elementsAdded: 0,
      elementsRemoved: 0,
      elementsChanged: 0,
      linksAdded: 0,
      linksRemoved: 0,
      chaptersChanged: 0,
      requirementsMoved: 0,
    });
    // The exports carry the same changes.
    const csv = diffCsv(diff, wording);
    expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(1 + 1 + 1 + 3 + 2);
    const md = diffMarkdown(diff, { from: 'A', to: 'B' }, wording);
    expect(md).toContain('Omdøpt mål');
    expect(md).toContain("{+vise alle endringer ord for ord+}");
  });

  it('are frozen by architects and administrators, listed with who and when, and a name is used once', async () => {
    const ctx = await testApp();
    const architect = { ...(await signIn(ctx, 'architect')), ...htmx };
    const res = await postForm(ctx, '/baselines', { name: 'Høringsutkast 1' }, architect);
    expect(res.status).toBe(200);
    const text = textOf(await res.text());
    expect(text).toContain('Baselinen «Høringsutkast 1» er frosset.');
    expect(text).toContain('Test architect');
    const again = await postForm(ctx, '/baselines', { name: ' Høringsutkast  1 ' }, architect);
    expect(again.status).toBe(422);
    expect(textOf(await again.text())).toContain('Det finnes allerede en baseline som heter «Høringsutkast 1»');
    const empty = await postForm(ctx, '/baselines', { name: '' }, architect);
    expect(empty.status).toBe(422);
    const reader = await signIn(ctx, 'reader');
    expect((await postForm(ctx, '/baselines', { name: 'Leser' }, reader)).status).toBe(403);
    const admin = await signIn(ctx, 'administrator');
    expect((await postForm(ctx, '/baselines', { name: 'Anskaffelsesgrunnlag' }, admin)).status).toBe(200);
    expect(await ctx.db.selectFrom('baseline').select('name').orderBy('id').execute()).toEqual([{ name: 'Høringsutkast 1' }, { name: 'Anskaffelsesgrunnlag' }]);
  });

  it('answer as JSON, and compare with now in the page and the exports', async () => {
    const ctx = await testApp();
    const architect = { ...(await signIn(ctx, 'architect')), ...htmx };
    await postForm(ctx, '/baselines', { name: 'Høringsutkast 1' }, architect);
    const list = (await (await ctx.app.request('/api/baselines')).json()) as { baselines: Array<{ id: number; name: string; requirementCount: number }> };
    expect(list.baselines).toMatchObject([{ name: 'Høringsutkast 1', requirementCount: 10 }]);
    const id = list.baselines[0]!.id;
    const doc = (await (await ctx.app.request(`/api/baselines/${id}`)).json()) as { format: string; elements: { requirement: unknown[] }; baseline: { name: string } };
    expect(doc.format).toBe('akson-scope/model');
    expect(doc.elements.requirement).toHaveLength(10);
    expect(doc.baseline.name).toBe('Høringsutkast 1');
    expect((await ctx.app.request('/api/baselines/999')).status).toBe(404);

    await ctx.db.updateTable('requirement').set({ text: 'Felles kommunal pasientjournal skal omfatte alt.' }).where('ref', '=', 'AKS-0001').execute();
    const diff = (await (await ctx.app.request(`/api/baselines/${id}/diff/now`)).json()) as { to: string; diff: { counts: { elementsChanged: number } } };
    expect(diff.to).toBe('now');
    expect(diff.diff.counts.elementsChanged).toBe(1);

    const page = await ctx.app.request(`/baselines/sammenlign?fra=${id}&til=naa`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(textOf(html)).toContain('Endringer fra Høringsutkast 1 til nå');
    expect(html).toContain('<del>');
    const csv = await ctx.app.request(`/baselines/sammenlign.csv?fra=${id}&til=naa`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('AKS-0001');
    const md = await ctx.app.request(`/baselines/sammenlign.md?fra=${id}&til=naa&gruppering=kapittel`);
    expect(await md.text()).toMatch(/## Krav.*Uten kapittel/);
    expect((await ctx.app.request(`/baselines/sammenlign?fra=${id}&til=hei`)).status).toBe(400);
    // Asked for without saying what: the list, where the two are chosen.
    const bare = await ctx.app.request('/baselines/sammenlign');
    expect(bare.status).toBe(303);
    expect(bare.headers.get('location')).toBe('/baselines');
  });
});

describe('a baseline comparison in words', () => {
  it('shows options by their labels and tiers by their names, in bokmål and in English, in the page and the CSV', async () => {
    const ctx = await testApp();
    const architect = { ...(await signIn(ctx, 'architect')), ...htmx };
    await postForm(ctx, '/baselines', { name: 'Høringsutkast 1' }, architect);
    const id = (await ctx.db.selectFrom('baseline').select('id').executeTakeFirstOrThrow()).id;
    const aks1 = await ctx.db.selectFrom('requirement').select(['element_id', 'priority']).where('ref', '=', 'AKS-0001').executeTakeFirstOrThrow();
    const other = aks1.priority === 'should' ? 'could' : 'should';
    await ctx.db.updateTable('requirement').set({ priority: other }).where('ref', '=', 'AKS-0001').execute();
    const tiers = await ctx.db.selectFrom('element').select(['id', 'name']).where('kind', '=', 'deliveryTier').orderBy('position').execute();
    const service = await ctx.db.selectFrom('information_service').select(['element_id', 'tier_id']).where('tier_id', 'is not', null).executeTakeFirstOrThrow();
    const newTier = tiers.find((t) => t.id !== service.tier_id)!;
    const oldTier = tiers.find((t) => t.id === service.tier_id)!;
    await ctx.db.updateTable('information_service').set({ tier_id: newTier.id }).where('element_id', '=', service.element_id).execute();

    const labels = { must: ['Må', 'Must'], should: ['Bør', 'Should'], could: ['Kan', 'Could'], wont: ['Ikke nå', 'Not now'] } as const;
    const [beforeNb, beforeEn] = labels[aks1.priority as keyof typeof labels];
    const [afterNb, afterEn] = labels[other];
    // The page's text without white space, as a screen reader reads the change.
    const flat = (html: string) => textOf(html).replace(/\s+/g, '');
    const nb = flat(await (await ctx.app.request(`/baselines/sammenlign?fra=${id}&til=naa`)).text());
    expect(nb).toContain(`Prioritet[før:${beforeNb}]→[etter:${afterNb}]`.replace(/\s+/g, ''));
    expect(nb).toContain(`Leveransetrinn[før:${oldTier.name}]→[etter:${newTier.name}]`.replace(/\s+/g, ''));
    expect(nb).not.toMatch(/\[før:(must|should|could|wont)\]/);

    const en = { 'Accept-Language': 'en' };
    const html = await (await ctx.app.request(`/baselines/sammenlign?fra=${id}&til=naa`, { headers: en })).text();
    const page = textOf(html);
    expect(page).toContain('Changes from Høringsutkast 1 to now');
    expect(flat(html)).toContain(`Priority[before:${beforeEn}]→[after:${afterEn}]`.replace(/\s+/g, ''));
    expect(page).toContain('Elements changed');
    expect(page).not.toContain('Endringer fra');
    const csv = await (await ctx.app.request(`/baselines/sammenlign.csv?fra=${id}&til=naa`, { headers: en })).text();
    expect(csv.split('\r\n')[0]).toBe('change,kind,element,chapter,field,before,after');
    expect(csv).toContain(`changed,Requirement,AKS-0001`);
    expect(csv).toContain(`Priority,${beforeEn},${afterEn}`);
    const csvNb = await (await ctx.app.request(`/baselines/sammenlign.csv?fra=${id}&til=naa`)).text();
    expect(csvNb).toContain(`Prioritet,${beforeNb},${afterNb}`);
    const md = await (await ctx.app.request(`/baselines/sammenlign.md?fra=${id}&til=naa`, { headers: en })).text();
    expect(md).toMatch(/^# Changes from Høringsutkast 1 to now/);
    expect(md).toContain('0 added, 0 removed, 2 changed');
    const list = textOf(await (await ctx.app.request('/baselines', { headers: en })).text());
    expect(list).toContain('Frozen versions of the whole model');
    expect(list).toContain('With now : Høringsutkast 1');
    const bad = await ctx.app.request(`/baselines/sammenlign?fra=x&til=naa`, { headers: en });
    expect(bad.status).toBe(400);
    expect(textOf(await bad.text())).toContain("fra: fra must be a baseline's id.");
  });
});
