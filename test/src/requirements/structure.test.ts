import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../../../model/accounts.ts';
import { htmx, postForm, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';

/** The requirement set's structure (issue 13): chapters as an ordered tree, the type list, the requirement form's new fields. */

async function chapterRows(ctx: TestContext) {
  return ctx.db.selectFrom('requirement_chapter').selectAll().orderBy('id').execute();
}

async function newChapter(ctx: TestContext, headers: Record<string, string>, name: string, parent = '') {
  const res = await postForm(ctx, '/krav/kapitler', { name, parent }, headers);
  expect(res.status, name).toBe(200);
  const row = (await chapterRows(ctx)).find((c) => c.name === name)!;
  return row;
}

/** The chapter page's tree in reading order, as "number name". */
async function treeOf(ctx: TestContext): Promise<string[]> {
  const html = await (await ctx.app.request('/krav/kapitler')).text();
  return [...html.matchAll(/<span class="chapter-tree__title">([^<]*)<\/span>/g)].map((m) => m[1]!.replace(/\s+/g, ' ').trim());
}

describe('chapters and sections', () => {
  it('are created, renamed, moved and reordered as a numbered tree, each change audited', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    const general = await newChapter(ctx, headers, 'Generelle krav');
    const medicines = await newChapter(ctx, headers, 'Legemidler');
    const multidose = await newChapter(ctx, headers, 'Multidose', String(medicines.id));
    expect(await treeOf(ctx)).toEqual(['1 Generelle krav', '2 Legemidler', '2.1 Multidose']);

    // Reorder: Legemidler up, before Generelle krav.
    const up = await postForm(ctx, `/krav/kapitler/${medicines.id}/flytt`, { version: String(medicines.version), retning: 'opp' }, headers);
    expect(up.status).toBe(200);
    expect(await treeOf(ctx)).toEqual(['1 Legemidler', '1.1 Multidose', '2 Generelle krav']);

    // Rename and move Multidose under Generelle krav.
    const current = (await chapterRows(ctx)).find((c) => c.id === multidose.id)!;
    const moved = await postForm(ctx, `/krav/kapitler/${multidose.id}`, { version: String(current.version), name: 'Multidose og dosering', parent: String(general.id) }, headers);
    expect(moved.status).toBe(200);
    expect(textOf(await moved.text())).toContain('Kapitlet «Multidose og dosering» er lagret.');
    expect(await treeOf(ctx)).toEqual(['1 Legemidler', '2 Generelle krav', '2.1 Multidose og dosering']);

    const audit = await ctx.db.selectFrom('audit_event').select('action').where('entity', '=', 'requirement_chapter').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'requirement.chapter.create',
      'requirement.chapter.create',
      'requirement.chapter.create',
      'requirement.chapter.reorder',
      'requirement.chapter.move',
    ]);
  });

  it('refuses a chapter under itself or a missing parent beside the field, and a stale form with 409 and both values', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    const top = await newChapter(ctx, headers, 'Samhandling');
    const below = await newChapter(ctx, headers, 'Meldinger', String(top.id));

    const cycle = await postForm(ctx, `/krav/kapitler/${top.id}`, { version: String(top.version), name: 'Samhandling', parent: String(below.id) }, headers);
    expect(cycle.status).toBe(422);
    const cycleHtml = await cycle.text();
    expect(cycleHtml).toContain(`id="kapittel-${top.id}-under-feil"`);
    expect(textOf(cycleHtml)).toContain('kan ikke ligge under seg selv');

    const missing = await postForm(ctx, '/krav/kapitler', { name: 'Foreldreløs', parent: '9999' }, headers);
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('id="kapittel-ny-under-feil"');
    const empty = await postForm(ctx, '/krav/kapitler', { name: '  ' }, headers);
    expect(empty.status).toBe(422);

    // Someone renames first; a second save from the same page is stale.
    expect((await postForm(ctx, `/krav/kapitler/${below.id}`, { version: String(below.version), name: 'Meldinger og dialog', parent: String(top.id) }, headers)).status).toBe(200);
    const stale = await postForm(ctx, `/krav/kapitler/${below.id}`, { version: String(below.version), name: 'Dialogmeldinger', parent: String(top.id) }, headers);
    expect(stale.status).toBe(409);
    const staleText = textOf(await stale.text());
    expect(staleText).toContain('Dialogmeldinger');
    expect(staleText).toContain('Meldinger og dialog');
    expect((await chapterRows(ctx)).map((c) => c.name)).toEqual(['Samhandling', 'Meldinger og dialog']);

    const gone = await postForm(ctx, '/krav/kapitler/9999', { version: '1', name: 'X', parent: '' }, headers);
    expect(gone.status).toBe(404);
  });

  it('are changed only by architects and administrators', async () => {
    for (const role of ['anonymous', ...roles] as const) {
      const ctx = await testApp();
      const headers = role === 'anonymous' ? {} : await signIn(ctx, role);
      const res = await postForm(ctx, '/krav/kapitler', { name: `Kapittel for ${role}` }, { ...headers, ...htmx });
      const type = await postForm(ctx, '/krav/typer', { label: `Type for ${role}` }, { ...headers, ...htmx });
      const allowed = (['architect', 'administrator'] as Array<Role | 'anonymous'>).includes(role);
      expect([role, res.status === 200, type.status === 200]).toEqual([role, allowed, allowed]);
      expect([role, (await chapterRows(ctx)).length]).toEqual([role, allowed ? 1 : 0]);
      const page = await (await ctx.app.request('/krav/kapitler', { headers })).text();
      expect([role, page.includes('id="kapittel-ny-navn"')]).toEqual([role, allowed]);
    }
  });
});

describe('requirement types', () => {
  it('are listed, added and renamed; a name used twice is refused, a stale rename answers 409', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'administrator')), ...htmx };
    const page = textOf(await (await ctx.app.request('/krav/typer')).text());
    expect(page).toContain('Informasjonssikkerhet og personvern');
    expect(page).toContain('Universell utforming');

    expect((await postForm(ctx, '/krav/typer', { label: 'Ytelse' }, headers)).status).toBe(200);
    const twice = await postForm(ctx, '/krav/typer', { label: 'ytelse' }, headers);
    expect(twice.status).toBe(422);
    expect(textOf(await twice.text())).toContain('Det finnes allerede en kravtype med det navnet.');

    expect((await postForm(ctx, '/krav/typer/ytelse', { label: 'Ytelse og kapasitet', shown: 'Ytelse' }, headers)).status).toBe(200);
    const stale = await postForm(ctx, '/krav/typer/ytelse', { label: 'Kapasitet', shown: 'Ytelse' }, headers);
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain('Ytelse og kapasitet');
    const stored = await ctx.db.selectFrom('requirement_type').select(['key', 'label']).where('key', '=', 'ytelse').executeTakeFirstOrThrow();
    expect(stored.label).toBe('Ytelse og kapasitet');
    expect((await postForm(ctx, '/krav/typer/finnes-ikke', { label: 'X', shown: 'Y' }, headers)).status).toBe(404);
  });
});

describe('the requirement form', () => {
  it('saves chapter, type, acceptance criteria, verification method, source and tags, and the page shows them', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    const chapter = await newChapter(ctx, headers, 'Legemidler');
    const form = (await (await ctx.app.request('/krav/ny', { headers })).text());
    expect(form).toContain('1 Legemidler');
    expect(form).toContain('Informasjonssikkerhet og personvern');

    const created = await postForm(ctx, '/krav', {
      name: 'Multidose i journalen',
      text: 'Løsningen skal vise multidoseordningen for pasienten.',
      priority: 'must',
      status: 'draft',
      chapter: String(chapter.id),
      type: 'funksjonelt',
      acceptanceCriteria: 'Multidose vises i legemiddellisten.',
      verificationMethod: 'demonstration',
      sourceLines: '2136-2162',
      tags: 'Legemidler, multidose, legemidler',
    }, headers);
    expect(created.status).toBe(200);
    const row = await ctx.db
      .selectFrom('requirement')
      .innerJoin('element', 'element.id', 'requirement.element_id')
      .selectAll()
      .where('element.name', '=', 'Multidose i journalen')
      .executeTakeFirstOrThrow();
    expect(row.ref).toBe('AKS-0011');
    expect([row.chapter_id, row.type_key, row.verification_method, row.tags, row.source_from, row.source_to]).toEqual([
      chapter.id, 'funksjonelt', 'demonstration', '|legemidler|multidose|', 2136, 2162,
    ]);
    const page = textOf(await (await ctx.app.request('/krav/aks-0011')).text());
    expect(page).toContain('Kapittel 1 Legemidler');
    expect(page).toContain('Kravtype Funksjonelt');
    expect(page).toContain('Verifikasjonsmetode Demonstrasjon');
    expect(page).toContain('Multidose vises i legemiddellisten.');
    expect(page).toContain('Etiketter legemidler, multidose');

    // The edit form shows the stored values, and a save keeps them.
    const edit = await (await ctx.app.request('/krav/aks-0011/rediger', { headers })).text();
    expect(edit).toMatch(new RegExp(`<option value="${chapter.id}" selected="">`));
    expect(edit).toContain('value="2136-2162"');
  });

  it('refuses a chapter, type or comment that does not exist beside the field, and writes nothing', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    const before = await ctx.db.selectFrom('element').select('id').execute();
    const res = await postForm(ctx, '/krav', {
      name: 'Et krav',
      text: 'Løsningen skal gjøre noe.',
      priority: 'must',
      status: 'draft',
      chapter: '999',
      type: 'finnes-ikke',
      sourceComment: '999',
      sourceLines: '999999',
    }, headers);
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const field of ['chapter', 'type', 'sourceComment', 'sourceLines']) expect(html, field).toContain(`-${field}-feil"`);
    expect(await ctx.db.selectFrom('element').select('id').execute()).toHaveLength(before.length);
  });

  it('never gives out a requirement number twice, even after a deletion', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    const make = (name: string) => postForm(ctx, '/krav', { name, text: 'Løsningen skal virke.', priority: 'should', status: 'draft' }, headers);
    expect((await make('Første')).status).toBe(200);
    const version = (await ctx.db.selectFrom('element').select('version').where('key', '=', 'aks-0011').executeTakeFirstOrThrow()).version;
    const del = await postForm(ctx, '/krav/aks-0011/slett', { version: String(version) }, headers);
    expect(del.status).toBeLessThan(400);
    expect(await ctx.db.selectFrom('element').select('id').where('key', '=', 'aks-0011').executeTakeFirst()).toBeUndefined();
    expect((await make('Andre')).status).toBe(200);
    const refs = await ctx.db.selectFrom('requirement').select('ref').orderBy('ref').execute();
    expect(refs.map((r) => r.ref).slice(-1)).toEqual(['AKS-0012']);
  });
});
