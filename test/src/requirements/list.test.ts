import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requirementListQuerySchema, requirementListUrl, requirementPageSize } from '../../../model/requirement-list.ts';
import { requirementPriorities, requirementStatuses } from '../../../model/schemas.ts';
import { growChapters, growModel } from '../../../seeds/synthetic.ts';
import { htmx, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';

/**
 * The requirement list at size (issue 13): the seed grown ten times (500 requirements) in 40
 * chapters. Every expected figure is counted from the database rows, not from the page.
 */

let ctx: TestContext;
let architect: Record<string, string>;
interface Row {
  id: number;
  ref: string;
  name: string;
  text: string;
  priority: string;
  status: string;
  chapter: number | null;
  type: string | null;
  updatedAt: string;
}
let rows: Row[];
let links: Array<{ requirement: number; kind: string; key: string; tier: string | null }>;
let chapters: Array<{ id: number; parent: number | null }>;

beforeAll(async () => {
  ctx = await testApp();
  await growModel(ctx.db, 10);
  await growChapters(ctx.db);
  // A few requirements changed at other times, so "last changed" has an order to show.
  await ctx.db.updateTable('element').set({ updated_at: '2026-06-01T10:00:00.000Z' }).where('key', 'in', ['krav-s00007', 'aks-0003']).execute();
  architect = await signIn(ctx, 'architect');
  rows = (
    await ctx.db
      .selectFrom('requirement as r')
      .innerJoin('element as e', 'e.id', 'r.element_id')
      .select(['r.element_id as id', 'r.ref', 'e.name', 'r.text', 'r.priority', 'r.status', 'r.chapter_id as chapter', 'r.type_key as type', 'e.updated_at as updatedAt'])
      .execute()
  ).map((r) => ({ ...r }));
  links = await ctx.db
    .selectFrom('requirement_element as re')
    .innerJoin('element as x', 'x.id', 're.element_id')
    .leftJoin('information_service as s', 's.element_id', 'x.id')
    .leftJoin('element as t', 't.id', 's.tier_id')
    .select(['re.requirement_id as requirement', 'x.kind', 'x.key', 't.key as tier'])
    .execute();
  chapters = (await ctx.db.selectFrom('requirement_chapter').select(['id', 'parent_id']).execute()).map((c) => ({ id: c.id, parent: c.parent_id }));
}, 120_000);

afterAll(async () => {
  await ctx.db.destroy();
});

/** The refs in the list region of a page, in the order shown. */
function refsOf(html: string): string[] {
  return [...html.matchAll(/<td class="nowrap">(AKS-[A-Z0-9]+)<\/td>/g)].map((m) => m[1]!);
}

async function get(path: string, headers: Record<string, string> = architect) {
  const res = await ctx.app.request(path, { headers });
  return { status: res.status, html: await res.text() };
}

/** Every ref the filtered list shows, over all its pages. */
async function allPages(query: string): Promise<string[]> {
  const out: string[] = [];
  for (let side = 1; side < 100; side++) {
    const { status, html } = await get(`/krav?${query}${query ? '&' : ''}side=${side}`);
    if (status === 404) break;
    expect(status).toBe(200);
    out.push(...refsOf(html));
  }
  return out;
}

const byRef = (a: Row, b: Row) => a.ref.length - b.ref.length || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);

describe('the requirement list at 500 requirements', () => {
  it('shows 50 a page in number order, says how many, and links every page up to the last', async () => {
    const { status, html } = await get('/krav');
    expect(status).toBe(200);
    expect(refsOf(html)).toEqual([...rows].sort(byRef).slice(0, requirementPageSize).map((r) => r.ref));
    expect(textOf(html)).toContain(`${rows.length} krav passer filteret; 1–50 vises.`);
    const lastPage = Math.ceil(rows.length / requirementPageSize);
    expect(html).toContain(`href="/krav?side=${lastPage}"`);
    const last = await get(`/krav?side=${lastPage}`);
    expect(last.status).toBe(200);
    expect(refsOf(last.html)).toEqual([...rows].sort(byRef).slice((lastPage - 1) * requirementPageSize).map((r) => r.ref));
    expect(last.html).not.toContain('rel="next"');
  });

  it('answers a page past the last with 404 and a link to the last page, and a malformed query with 400, never 500', async () => {
    const lastPage = Math.ceil(rows.length / requirementPageSize);
    const past = await get(`/krav?side=${lastPage + 1}`);
    expect(past.status).toBe(404);
    expect(past.html).toContain(`href="/krav?side=${lastPage}"`);
    const emptyFilterPage2 = await get('/krav?q=finnes-ikke-noe-sted&side=2');
    expect(emptyFilterPage2.status).toBe(404);
    const empty = await get('/krav?q=finnes-ikke-noe-sted');
    expect(empty.status).toBe(200);
    expect(textOf(empty.html)).toContain('Ingen krav passer filteret.');
    for (const bad of ['side=0', 'side=-1', 'side=abc', 'side=1e9', 'sort=navn', 'dir=opp', 'chapter=abc', 'chapter=999999', 'type=finnes-ikke', 'tier=finnes-ikke', 'element=multidose', 'element=informationService:finnes-ikke', 'status=ferdig', 'ukjent=1', `q=${'x'.repeat(201)}`]) {
      const res = await get(`/krav?${bad}`);
      expect([bad, res.status]).toEqual([bad, 400]);
    }
  });

  it('keeps one order across pages: every requirement exactly once, for every sort and direction', async () => {
    for (const sort of ['id', 'chapter', 'priority', 'status', 'changed']) {
      for (const dir of ['asc', 'desc']) {
        const seen = await allPages(`sort=${sort}&dir=${dir}`);
        expect(seen.length, `${sort} ${dir}`).toBe(rows.length);
        expect(new Set(seen).size, `${sort} ${dir}`).toBe(rows.length);
        // The same request twice gives the same order.
        expect(refsOf((await get(`/krav?sort=${sort}&dir=${dir}&side=2`)).html)).toEqual(seen.slice(50, 100));
      }
    }
  }, 120_000);

  it('sorts by priority, status, chapter (in tree order) and last change', async () => {
    const rowOf = new Map(rows.map((r) => [r.ref, r]));
    const priority = (await allPages('sort=priority')).map((ref) => requirementPriorities.indexOf(rowOf.get(ref)!.priority as never));
    expect(priority).toEqual([...priority].sort((a, b) => a - b));
    const status = (await allPages('sort=status&dir=desc')).map((ref) => requirementStatuses.indexOf(rowOf.get(ref)!.status as never));
    expect(status).toEqual([...status].sort((a, b) => b - a));
    // Tree order: chapter 1, its sections 1.1–1.4, chapter 2, …
    const treeOrder: number[] = [];
    const walk = (parent: number | null) => {
      for (const c of chapters.filter((ch) => ch.parent === parent).sort((a, b) => a.id - b.id)) {
        treeOrder.push(c.id);
        walk(c.id);
      }
    };
    walk(null);
    const chapter = (await allPages('sort=chapter')).map((ref) => treeOrder.indexOf(rowOf.get(ref)!.chapter!));
    expect(chapter).toEqual([...chapter].sort((a, b) => a - b));
    const changed = refsOf((await get('/krav?sort=changed&dir=desc')).html);
    expect(changed.slice(0, 2).sort()).toEqual(['AKS-0003', 'AKS-S00007']);
  });

  it('filters by chapter (with its sections), type, priority, status, tier, linked element and free text', async () => {
    const top = chapters.find((c) => c.parent === null)!;
    const inTop = new Set([top.id, ...chapters.filter((c) => c.parent === top.id).map((c) => c.id)]);
    const governs = (r: Row, pred: (l: (typeof links)[number]) => boolean) => links.some((l) => l.requirement === r.id && pred(l));
    const tier = links.find((l) => l.tier !== null)!.tier!;
    const cases: Array<[string, (r: Row) => boolean]> = [
      [`chapter=${top.id}`, (r) => r.chapter !== null && inTop.has(r.chapter)],
      ['type=integrasjon', (r) => r.type === 'integrasjon'],
      ['priority=should', (r) => r.priority === 'should'],
      ['status=approved&priority=could', (r) => r.status === 'approved' && r.priority === 'could'],
      [`tier=${tier}`, (r) => governs(r, (l) => l.tier === tier)],
      ['element=informationService:multidose', (r) => governs(r, (l) => l.kind === 'informationService' && l.key === 'multidose')],
      ['q=aks-s0001', (r) => r.ref.toLowerCase().includes('aks-s0001')],
      ['q=journal', (r) => `${r.ref} ${r.name} ${r.text}`.toLowerCase().includes('journal')],
      // LIKE's wildcards are text here, not patterns.
      ['q=%25', (r) => `${r.ref} ${r.name} ${r.text}`.includes('%')],
      ['q=_', (r) => `${r.ref} ${r.name} ${r.text}`.includes('_')],
    ];
    for (const [query, keep] of cases) {
      const expected = rows.filter(keep).sort(byRef).map((r) => r.ref);
      expect(expected.length > 0 || query.startsWith('q=%') || query === 'q=_', query).toBe(true);
      expect(await allPages(query), query).toEqual(expected);
    }
  }, 120_000);

  it('writes the state back into every link in one form, so each link round-trips', async () => {
    for (const query of [{}, { status: 'approved', sort: 'priority', dir: 'desc', side: 2 }, { chapter: 'none', q: 'skal  vise', element: 'informationService:multidose' }, { type: 'none', tier: '2023' }]) {
      const parsed = requirementListQuerySchema.parse(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])));
      const url = requirementListUrl(parsed);
      expect(requirementListQuerySchema.parse(Object.fromEntries(new URL(url, 'http://x').searchParams))).toEqual(parsed);
    }
    const { html } = await get('/krav?status=approved&sort=priority&dir=desc&side=2');
    const region = html.slice(html.indexOf('id="kravliste"'));
    expect(region).toMatch(/^id="kravliste" hx-get="\/krav\?status=approved&amp;sort=priority&amp;dir=desc&amp;side=2"/);
    const hrefs = [...region.matchAll(/href="(\/krav\?[^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(hrefs.length).toBeGreaterThan(5);
    for (const href of new Set(hrefs)) {
      const params = new URL(href, 'http://x').searchParams;
      // Every link keeps the filter; sort links start again at page 1.
      expect(params.get('status'), href).toBe('approved');
      const page = await get(href);
      expect(page.status, href).toBe(200);
      expect(page.html, href).toContain(`id="kravliste" hx-get="${href.replace(/&/g, '&amp;')}"`);
    }
  });

  it('answers htmx with the list region, whose links push their own address', async () => {
    const res = await ctx.app.request('/krav?priority=must&side=2', { headers: { ...architect, ...htmx } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith('<div id="kravliste"')).toBe(true);
    expect(html).not.toContain('<html');
    expect(html).toMatch(/href="\/krav\?priority=must&amp;side=3" rel="next" hx-get="\/krav\?priority=must&amp;side=3"[^>]*hx-push-url="true"/);
    expect(html).toContain('id="kunngjoring"');
  });

  it('shows architects checkboxes and the bulk form, readers neither, and stays well under 300 KB', async () => {
    const mine = await get('/krav');
    expect(mine.html).toContain('form="masseendring"');
    expect(mine.html).toContain('id="masseendring"');
    expect(mine.html.length).toBeLessThan(300_000);
    const reader = await get('/krav', await signIn(ctx, 'reader'));
    expect(reader.status).toBe(200);
    expect(reader.html).not.toContain('masseendring');
  });
});

describe('the requirement list on the seed, with no chapters', () => {
  it('sorts by chapter and filters by "no chapter" without any chapter to rank', async () => {
    const small = await testApp();
    for (const path of ['/krav?sort=chapter', '/krav?sort=chapter&dir=desc&chapter=none', '/krav?type=none&sort=status']) {
      const res = await small.app.request(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(refsOf(await res.text()), path).toHaveLength(10);
    }
    await small.db.destroy();
  });
});
