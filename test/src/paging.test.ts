import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { growModel, growReviews } from '../../seeds/synthetic.ts';
import { htmx, signIn, testApp } from '../helpers.ts';

/**
 * The paged views: each shows one page of rows with the filter and the position in its address,
 * in an order that does not change between requests, with links that lead back to what they name,
 * a last page that ends the list, and a page past the end that answers 404, never a 500. On the
 * seed grown 10× (340 services, all linked), so every view has several pages.
 */
let ctx: Awaited<ReturnType<typeof testApp>>;
let architect: Record<string, string>;
beforeAll(async () => {
  ctx = await testApp();
  await growModel(ctx.db, { factor: 10, link: true });
  await growReviews(ctx.db, { municipalities: 12, now: ctx.clock.now() });
  architect = await signIn(ctx, 'architect');
});
afterAll(() => ctx.db.destroy());

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await ctx.app.request(path, { headers });
  return { status: res.status, html: await res.text() };
};
const unescape = (href: string) => href.replace(/&amp;/g, '&');

interface PagedView {
  /** The first page's address, with its filter. */
  path: string;
  /** The region that is paged (its id). */
  region: string;
  /** The rows' identities, in the order shown, from the region's HTML. */
  rows: (region: string) => string[];
  /** How many rows the filter selects, counted from the database. */
  total: () => Promise<number>;
  pageSize: number;
  /** The query parameter that holds the page (`side` unless told). */
  param?: string;
}

/** The HTML of the region `id` (from its opening tag to the end of the page or the next region). */
function regionOf(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, `region #${id}`).toBeGreaterThan(-1);
  return html.slice(start);
}

const serviceRows = (region: string) => [...region.matchAll(/<th scope="row"><a class="ds-link" href="\/informasjonstjenester\/([a-z0-9-]+)"/g)].map((m) => m[1]!);
const countServices = (tier?: string) => async () => {
  let q = ctx.db.selectFrom('information_service as s').select((eb) => eb.fn.countAll<number>().as('n'));
  if (tier) q = q.innerJoin('element as t', 't.id', 's.tier_id').where('t.key', '=', tier);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

const tallyRows = (region: string) => [...region.slice(0, region.indexOf('</table>')).matchAll(/<th scope="row">([^<]+)<span class="tally-table__category">/g)].map((m) => m[1]!);
const countRoundServices = async () => Number((await ctx.db.selectFrom('review_round_service').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/** The services an element's page lists: the links to services between the section's heading and its pager. */
const elementServiceRows = (region: string) => {
  const end = region.indexOf('<nav class="pager"');
  return [...region.slice(0, end === -1 ? region.indexOf('</section>') : end).matchAll(/<a class="ds-link" href="\/informasjonstjenester\/([a-z0-9-]+)"/g)].map((m) => m[1]!);
};
const countInTier = (key: string) => async () => {
  const row = await ctx.db
    .selectFrom('information_service as s')
    .innerJoin('element as g', 'g.id', 's.tier_id')
    .where('g.key', '=', key)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};
const countUsers = (group: string) => async () => {
  const row = await ctx.db
    .selectFrom('service_personnel as p')
    .innerJoin('element as g', 'g.id', 'p.personnel_group_id')
    .where('g.key', '=', group)
    .select((eb) => eb.fn.count<number>('p.service_id').distinct().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

const views: PagedView[] = [
  // An element's page lists its services 100 at a time (issue 10).
  { path: '/leveransetrinn/pluss', region: 'tjenester-tittel', rows: elementServiceRows, total: countInTier('pluss'), pageSize: 100 },
  { path: '/tjenesteomrader/legevakt', region: 'tjenester-tittel', rows: elementServiceRows, total: countUsers('legevakt'), pageSize: 100 },
  { path: '/vurdering/dashbord?runde=1', region: 'standpunkter', rows: tallyRows, total: countRoundServices, pageSize: 100, param: 'tjenesteside' },
  { path: '/vurdering/dashbord?runde=1&sorter=omstridt', region: 'standpunkter', rows: tallyRows, total: countRoundServices, pageSize: 100, param: 'tjenesteside' },
  { path: '/informasjonstjenester', region: 'elementliste', rows: serviceRows, total: countServices(), pageSize: 100 },
  { path: '/informasjonstjenester?tier=pluss', region: 'elementliste', rows: serviceRows, total: countServices('pluss'), pageSize: 100 },
];

/** The pager's links in a region (the first pager from its start; a later list's pager may follow): page number → address. */
function pagerLinks(region: string): Map<string, string> {
  const links = new Map<string, string>();
  const pager = region.slice(region.indexOf('<nav class="pager"'));
  for (const m of pager.slice(0, pager.indexOf('</nav>')).matchAll(/<a class="ds-link" id="[a-z-]+-(\d+|forrige|neste)" href="([^"]+)"/g)) links.set(m[1]!, unescape(m[2]!));
  return links;
}

describe.each(views)('the paged view $path', (view) => {
  it('shows every selected row exactly once across its pages, in the same order on every request, and the last page ends the list', async () => {
    const total = await view.total();
    expect(total).toBeGreaterThan(view.pageSize);
    const pages = Math.ceil(total / view.pageSize);
    const seen: string[] = [];
    let next: string | undefined = view.path;
    let visited = 0;
    while (next) {
      const page = await get(next, architect);
      expect(page.status, next).toBe(200);
      const region = regionOf(page.html, view.region);
      const rows = view.rows(region);
      visited++;
      expect(rows.length, next).toBe(visited < pages ? view.pageSize : total - view.pageSize * (pages - 1));
      // The same address shows the same rows again.
      expect(view.rows(regionOf((await get(next, architect)).html, view.region)), `${next} again`).toEqual(rows);
      seen.push(...rows);
      next = pagerLinks(region).get('neste');
      // The filter stays in every link.
      if (next && view.path.includes('?')) expect(next).toContain(view.path.split('?')[1]);
    }
    expect(visited).toBe(pages);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('has links that round-trip: the previous page of page 2 is page 1, and the htmx fragment of a page shows the same rows', async () => {
    const first = regionOf((await get(view.path, architect)).html, view.region);
    const second = pagerLinks(first).get('2')!;
    expect(second).toBeDefined();
    const page2 = await get(second, architect);
    expect(page2.status).toBe(200);
    const back = pagerLinks(regionOf(page2.html, view.region)).get('forrige')!;
    expect(view.rows(regionOf((await get(back, architect)).html, view.region))).toEqual(view.rows(first));
    const fragment = await get(second, { ...architect, ...htmx });
    expect(fragment.html).not.toContain('<html');
    expect(view.rows(regionOf(fragment.html, view.region))).toEqual(view.rows(regionOf(page2.html, view.region)));
  });

  it('answers a page past the end with 404 and a malformed page number with 400, never a 500', async () => {
    const pages = Math.ceil((await view.total()) / view.pageSize);
    const at = (side: string) => `${view.path}${view.path.includes('?') ? '&' : '?'}${view.param ?? 'side'}=${side}`;
    expect((await get(at(String(pages)), architect)).status).toBe(200);
    const past = await get(at(String(pages + 1)), architect);
    expect(past.status).toBe(404);
    expect(past.html).toContain(`${pages} sider`);
    for (const bad of ['0', '-1', 'to', '1.5', '99999999']) expect((await get(at(bad), architect)).status, bad).toBe(400);
  });
});
