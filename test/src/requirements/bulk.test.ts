import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { htmlValidateConfig } from '../a11y/htmlvalidate-config.ts';
import { roles, type Role } from '../../../model/accounts.ts';
import { htmx, postForm, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';

/** Bulk actions on the requirement list (issue 13): preview exactly, then apply once, or refuse. */

interface Req {
  id: number;
  ref: string;
  key: string;
  status: string;
  chapter: number | null;
  version: number;
}

async function requirements(ctx: TestContext): Promise<Req[]> {
  return (
    await ctx.db
      .selectFrom('requirement as r')
      .innerJoin('element as e', 'e.id', 'r.element_id')
      .select(['r.element_id as id', 'r.ref', 'e.key', 'r.status', 'r.chapter_id as chapter', 'e.version'])
      .orderBy('r.ref')
      .execute()
  ).map((r) => ({ ...r }));
}

/** The confirmation form's fields, as the preview rendered them. */
function confirmationOf(html: string): Record<string, string> {
  const form = /<form method="post" action="\/krav\/masse"[\s\S]*?<\/form>/.exec(html)?.[0];
  if (!form) throw new Error('no confirmation form in the preview');
  return Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&')]));
}

function previewUrl(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  return `/krav/masse?${params}`;
}

async function bulkAudits(ctx: TestContext) {
  return ctx.db.selectFrom('audit_event').select(['action', 'before_json', 'after_json']).where('action', '=', 'requirement.bulk').execute();
}

describe('setting the status of selected requirements', () => {
  it('previews exactly which change from what to what, writes nothing, then applies once with one audit entry', async () => {
    const ctx = await testApp();
    const headers = await signIn(ctx, 'architect');
    const before = await requirements(ctx);
    const chosen = before.slice(0, 4);
    // One of the four is already approved: it is shown, but unchanged.
    await ctx.db.updateTable('requirement').set({ status: 'approved' }).where('element_id', '=', chosen[0]!.id).execute();
    await ctx.db.updateTable('requirement').set({ status: 'draft' }).where('element_id', 'in', chosen.slice(1).map((r) => r.id)).execute();

    const preview = await ctx.app.request(previewUrl({ action: 'status', newStatus: 'approved', scope: 'selected', selected: chosen.map((r) => String(r.id)), status: 'draft' }), { headers });
    expect(preview.status).toBe(200);
    const html = await preview.text();
    const text = textOf(html);
    expect(text).toContain('Forhåndsvisning: sett status til Godkjent');
    expect(text).toContain('4 krav er med: 3 endres, 1 er allerede slik.');
    expect(text).toContain('Utkast → Godkjent: 3 krav');
    expect(text).toContain('Allerede Godkjent: 1 krav (uendret)');
    for (const r of chosen) expect(text).toContain(r.ref);
    for (const r of before.slice(4)) expect(text).not.toContain(r.ref);
    expect(text).toContain('Utfør endringen på 3 krav');
    // Nothing written by the preview.
    expect((await requirements(ctx)).filter((r) => r.status === 'approved').map((r) => r.ref)).toEqual([chosen[0]!.ref]);
    expect(await bulkAudits(ctx)).toHaveLength(0);

    const report = await new HtmlValidate(htmlValidateConfig).validateString(html, 'preview');
    expect(report.results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    const fields = confirmationOf(html);
    expect(fields.pinned!.split(',')).toHaveLength(4);
    // The list it came from (its filter) comes back after the change.
    expect(fields.list).toBe('status=draft');
    const applied = await postForm(ctx, '/krav/masse', fields, { ...headers, ...htmx });
    expect(applied.status).toBe(200);
    expect(applied.headers.get('HX-Push-Url')).toBe('/krav?status=draft');
    expect(textOf(await applied.text())).toContain('3 krav er endret; 1 var allerede slik.');
    const after = await requirements(ctx);
    for (const r of chosen) expect(after.find((a) => a.id === r.id)?.status).toBe('approved');
    // Versions move for the changed ones only.
    const versionOf = (list: Req[], id: number) => list.find((r) => r.id === id)!.version;
    expect(versionOf(after, chosen[0]!.id)).toBe(versionOf(before, chosen[0]!.id));
    for (const r of chosen.slice(1)) expect(versionOf(after, r.id)).toBe(versionOf(before, r.id) + 1);
    for (const r of before.slice(4)) expect(after.find((a) => a.id === r.id)).toEqual({ ...r, status: r.id === chosen[0]!.id ? 'approved' : (r.status as string) });

    const audits = await bulkAudits(ctx);
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0]!.after_json!)).toMatchObject({ change: { action: 'status', status: 'approved' }, total: 4, changed: 3, unchanged: 1, requirements: chosen.slice(1).map((r) => r.ref) });
    expect(JSON.parse(audits[0]!.before_json!)).toEqual({ requirements: { draft: chosen.slice(1).map((r) => r.ref) } });

    // The same confirmation again is stale: the versions it carries have moved.
    const again = await postForm(ctx, '/krav/masse', fields, { ...headers, ...htmx });
    expect(again.status).toBe(409);
    expect(await bulkAudits(ctx)).toHaveLength(1);
  });

  it('works without JavaScript: the preview and the outcome are pages with a way back to the list', async () => {
    const ctx = await testApp();
    const headers = await signIn(ctx, 'architect');
    const [first] = await requirements(ctx);
    const preview = await ctx.app.request(previewUrl({ action: 'status', newStatus: 'deferred', selected: String(first!.id), sort: 'status', dir: 'desc' }), { headers });
    const html = await preview.text();
    expect(html).toContain('<!DOCTYPE html>');
    expect(html).toContain('href="/krav?sort=status&amp;dir=desc" hx-get');
    const done = await postForm(ctx, '/krav/masse', confirmationOf(html), headers);
    expect(done.status).toBe(200);
    const page = await done.text();
    expect(page).toContain('<!DOCTYPE html>');
    expect(textOf(page)).toContain('1 krav er endret.');
    expect(page).toContain('href="/krav?sort=status&amp;dir=desc"');
    expect((await requirements(ctx)).find((r) => r.id === first!.id)?.status).toBe('deferred');
  });
});

describe('bulk actions on all filtered requirements', () => {
  it('moves every requirement the filter finds to a chapter, and no other', async () => {
    const ctx = await testApp();
    const headers = await signIn(ctx, 'architect');
    const stamp = '2026-11-26T12:00:00.000Z';
    const chapter = await ctx.db.insertInto('requirement_chapter').values({ name: 'Samhandling', parent_id: null, position: 0, created_at: stamp }).returning('id').executeTakeFirstOrThrow();
    const seeded = await requirements(ctx);
    await ctx.db.updateTable('requirement').set({ status: 'proposed' }).where('element_id', 'in', seeded.filter((_, i) => i % 3 === 0).map((r) => r.id)).execute();
    const all = await requirements(ctx);
    const wanted = all.filter((r) => r.status === 'proposed');
    expect(wanted.length).toBeGreaterThan(1);
    expect(wanted.length).toBeLessThan(all.length);
    const html = await (await ctx.app.request(previewUrl({ action: 'chapter', newChapter: String(chapter.id), scope: 'filtered', status: 'proposed' }), { headers })).text();
    const text = textOf(html);
    expect(text).toContain(`${wanted.length} krav er med: ${wanted.length} endres, ingen er allerede slik.`);
    expect(text).toContain(`Uten kapittel → 1 Samhandling: ${wanted.length} krav`);
    const res = await postForm(ctx, '/krav/masse', confirmationOf(html), { ...headers, ...htmx });
    expect(res.status).toBe(200);
    const after = await requirements(ctx);
    expect(after.filter((r) => r.chapter === chapter.id).map((r) => r.ref)).toEqual(wanted.map((r) => r.ref));
    // And back out of every chapter.
    const out = await (await ctx.app.request(previewUrl({ action: 'chapter', newChapter: 'none', scope: 'filtered', chapter: String(chapter.id) }), { headers })).text();
    expect((await postForm(ctx, '/krav/masse', confirmationOf(out), { ...headers, ...htmx })).status).toBe(200);
    expect((await requirements(ctx)).every((r) => r.chapter === null)).toBe(true);
  });

  it('links requirements to an element, counting those already linked as unchanged, and moves the element’s version', async () => {
    const ctx = await testApp();
    const headers = await signIn(ctx, 'architect');
    const all = await requirements(ctx);
    const service = await ctx.db.selectFrom('element').select(['id', 'version']).where('kind', '=', 'informationService').where('key', '=', 'multidose').executeTakeFirstOrThrow();
    await ctx.db.insertInto('requirement_element').values({ requirement_id: all[1]!.id, element_id: service.id }).execute();
    const chosen = all.slice(0, 3).map((r) => String(r.id));
    const html = await (await ctx.app.request(previewUrl({ action: 'link', linkElement: 'informationService:multidose', selected: chosen }), { headers })).text();
    expect(textOf(html)).toContain('3 krav er med: 2 endres, 1 er allerede slik.');
    expect(textOf(html)).toContain('Gjelder ikke Multidose → Gjelder Multidose: 2 krav');
    expect((await postForm(ctx, '/krav/masse', confirmationOf(html), { ...headers, ...htmx })).status).toBe(200);
    const linked = await ctx.db.selectFrom('requirement_element').select('requirement_id').where('element_id', '=', service.id).orderBy('requirement_id').execute();
    expect(linked.map((l) => l.requirement_id)).toEqual(all.slice(0, 3).map((r) => r.id).sort((a, b) => a - b));
    const after = await ctx.db.selectFrom('element').select('version').where('id', '=', service.id).executeTakeFirstOrThrow();
    expect(after.version).toBe(service.version + 1);
  });
});

describe('a bulk action that is stale or wrong', () => {
  it('answers 409 naming what changed since the preview, and writes nothing', async () => {
    const ctx = await testApp();
    const headers = await signIn(ctx, 'architect');
    const all = await requirements(ctx);
    const html = await (await ctx.app.request(previewUrl({ action: 'status', newStatus: 'rejected', selected: all.slice(0, 3).map((r) => String(r.id)) }), { headers })).text();
    // Someone edits one of them, and another is deleted, after the preview.
    await ctx.db.updateTable('element').set({ version: all[1]!.version + 1 }).where('id', '=', all[1]!.id).execute();
    await ctx.db.deleteFrom('element').where('id', '=', all[2]!.id).execute();
    const res = await postForm(ctx, '/krav/masse', confirmationOf(html), { ...headers, ...htmx });
    expect(res.status).toBe(409);
    const text = textOf(await res.text());
    expect(text).toContain('Noen har endret kravene etter forhåndsvisningen');
    expect(text).toContain('2 krav er endret eller slettet');
    expect(text).toContain(`${all[1]!.ref} ${all[1]!.version} ${all[1]!.version + 1}`);
    expect(text).toContain('Slettet');
    expect((await requirements(ctx)).filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await bulkAudits(ctx)).toHaveLength(0);
  });

  it('says beside the field what is missing or names nothing (422), and refuses a forged confirmation (400)', async () => {
    const ctx = await testApp();
    const headers = await signIn(ctx, 'architect');
    const [first] = await requirements(ctx);
    const cases: Array<[Record<string, string | string[]>, string, string]> = [
      [{ action: 'status', selected: String(first!.id) }, 'masse-status-feil', 'Velg den nye statusen.'],
      [{ action: 'chapter', selected: String(first!.id) }, 'masse-kapittel-feil', 'Velg kapitlet kravene skal flyttes til.'],
      [{ action: 'chapter', newChapter: '999', selected: String(first!.id) }, 'masse-kapittel-feil', 'Kapitlet finnes ikke.'],
      [{ action: 'link', linkElement: 'informationService:finnes-ikke', selected: String(first!.id) }, 'masse-element-feil', 'Det finnes ikke noe element informationService:finnes-ikke.'],
      [{ action: 'link', linkElement: 'multidose', selected: String(first!.id) }, 'masse-element-feil', 'type:nøkkel'],
      [{ action: 'status', newStatus: 'approved' }, 'masse-valgte-feil', 'Velg minst ett krav'],
    ];
    for (const [fields, id, message] of cases) {
      const res = await ctx.app.request(previewUrl(fields), { headers: { ...headers, ...htmx } });
      expect([JSON.stringify(fields), res.status]).toEqual([JSON.stringify(fields), 422]);
      const html = await res.text();
      expect(html).toContain(`id="${id}"`);
      expect(textOf(html)).toContain(message);
    }
    const forgeries: Array<Record<string, string>> = [{ action: 'status', newStatus: 'approved', pinned: 'alle' }, { action: 'status', newStatus: 'approved' }, { action: 'slett', pinned: `${first!.id}.1` }];
    for (const forged of forgeries) {
      expect((await postForm(ctx, '/krav/masse', forged, { ...headers, ...htmx })).status).toBe(400);
    }
    expect(await bulkAudits(ctx)).toHaveLength(0);
  });

  it('lets only architects and administrators preview or apply', async () => {
    const expected: Record<Role | 'anonymous', boolean> = { anonymous: false, administrator: true, architect: true, municipality: false, organisation: false, reader: false };
    const ctx = await testApp();
    const architect = await signIn(ctx, 'architect');
    const [first] = await requirements(ctx);
    const url = previewUrl({ action: 'status', newStatus: 'deferred', selected: String(first!.id) });
    for (const role of ['anonymous', ...roles] as const) {
      const headers = role === 'anonymous' ? {} : await signIn(ctx, role);
      const preview = await ctx.app.request(url, { headers });
      expect([role, preview.status === 200]).toEqual([role, expected[role]]);
      // Each applies a fresh preview (as the architect sees it), so a refusal is the role's, not a stale version.
      const fields = confirmationOf(await (await ctx.app.request(url, { headers: architect })).text());
      const applied = await postForm(ctx, '/krav/masse', fields, { ...headers, ...htmx });
      expect([role, applied.status === 200]).toEqual([role, expected[role]]);
      if (expected[role]) {
        expect((await requirements(ctx)).find((r) => r.id === first!.id)?.status).toBe('deferred');
        await ctx.db.updateTable('requirement').set({ status: first!.status }).where('element_id', '=', first!.id).execute();
      } else {
        expect([role, (await requirements(ctx)).find((r) => r.id === first!.id)?.status]).toEqual([role, first!.status]);
      }
    }
    expect(await bulkAudits(ctx)).toHaveLength(2);
  });
});
