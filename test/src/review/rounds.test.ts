import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postForm, postShown, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';
import { growModel } from '../../../seeds/synthetic.ts';
import { auditActions, closeRound, frozenIds, municipalityUser, openRound, reviewTables, submitReview } from './helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await testApp();
});
afterEach(() => ctx.db.destroy());

const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await ctx.app.request(path, { headers });
  return { status: res.status, html: await res.text() };
};

/** The element id of a seeded service. */
const serviceId = async (key: string) =>
  (await ctx.db.selectFrom('element').select('id').where('kind', '=', 'informationService').where('key', '=', key).executeTakeFirstOrThrow()).id;

describe('opening a round', () => {
  it('freezes the first-delivery list as it stands, with the deadline at midnight Norwegian time', async () => {
    const id = await openRound(ctx, { title: 'Høringsrunde 1', deadline: '2026-12-15' });
    const { rounds, services } = await reviewTables(ctx);
    expect(rounds).toMatchObject([{ id, title: 'Høringsrunde 1', deadline_on: '2026-12-15', closes_at: '2026-12-15T23:00:00.000Z', closed_at: null }]);
    expect(services).toHaveLength(34); // every seeded service sits in a first-delivery tier
    expect(services.find((s) => s.key === 'multidose')).toMatchObject({ name: 'Multidose', category_name: 'Legemidler og vaksiner', tier_name: 'Innen 2023', tentative: 1, element_version: 1 });
    expect(await auditActions(ctx)).toEqual(['user.create', 'baseline.freeze', 'review-round.open']); // opening freezes the baseline the round opens on (issue 13)

    const { status, html } = await page(`/vurdering/runder/${id}?apnet`);
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain('Runden er åpnet, og listen er frosset.');
    expect(text).toContain('34 informasjonstjenester');
    expect(text).toContain('Åpen til og med 15. desember 2026');
    expect(text).toContain('Legemidler og vaksiner (4)');
    expect(text).toContain('Ingenting i listen er endret i omfanget etter at runden åpnet.');
  });

  it('refuses a title or deadline that will not do, beside the field (422), writing nothing', async () => {
    const architect = await signIn(ctx, 'architect');
    const before = await reviewTables(ctx);
    const res = await postForm(ctx, '/vurdering/runder', { title: 'R', deadline: '2026-11-25' }, architect);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="felt-title-feil">Tittelen må ha minst 3 tegn\./);
    expect(html).toMatch(/id="felt-deadline-feil">Fristen kan ikke være før i dag\./);
    expect(html).toContain('value="R"');
    expect(await reviewTables(ctx)).toEqual(before);
  });

  it('allows one open round at a time', async () => {
    await openRound(ctx);
    const before = await reviewTables(ctx);
    const res = await postForm(ctx, '/vurdering/runder', { title: 'Runde to', deadline: '2026-12-20' }, await signIn(ctx, 'architect'));
    expect(res.status).toBe(409);
    expect(textOf(await res.text())).toContain('En annen runde er fortsatt åpen. Lukk den før du åpner en ny.');
    expect(await reviewTables(ctx)).toEqual(before);
  });
});

describe('the round page pages its frozen list', () => {
  /** The services the page lists, by their headings' ids, in order. */
  const listed = (html: string) => [...html.matchAll(/id="tjeneste-(\d+)"/g)].map((m) => Number(m[1]));

  it("shows 100 services a page in the list's order, with links that round-trip, a last page, and 404 past it", async () => {
    await growModel(ctx.db, { factor: 4 });
    const id = await openRound(ctx);
    const all = (await ctx.db.selectFrom('review_round_service').select('id').where('round_id', '=', id).orderBy('position').execute()).map((r) => r.id);
    expect(all).toHaveLength(136);

    const first = await page(`/vurdering/runder/${id}`);
    expect(first.status).toBe(200);
    expect(listed(first.html)).toEqual(all.slice(0, 100));
    expect(textOf(first.html)).toContain('Viser informasjonstjenestene 1–100 av 136.');
    // A category's count is the whole list's, not this page's.
    expect(textOf(first.html)).toContain('Legemidler og vaksiner (16)');
    const next = /<a class="ds-link" id="liste-side-neste" href="([^"]+)"/.exec(first.html)?.[1];
    expect(next).toBe(`/vurdering/runder/${id}?side=2`);

    const last = await page(next!);
    expect(last.status).toBe(200);
    expect(listed(last.html)).toEqual(all.slice(100));
    expect(textOf(last.html)).toContain('Viser informasjonstjenestene 101–136 av 136.');
    expect(last.html).not.toContain('id="liste-side-neste"');
    // The way back is the page without a number: the same address as the first.
    expect(/<a class="ds-link" id="liste-side-forrige" href="([^"]+)"/.exec(last.html)?.[1]).toBe(`/vurdering/runder/${id}`);
    // Asked twice, a page is the same.
    expect(listed((await page(next!)).html)).toEqual(listed(last.html));

    const past = await page(`/vurdering/runder/${id}?side=3`);
    expect(past.status).toBe(404);
    expect(textOf(past.html)).toContain('Listen har 2 sider; side 3 finnes ikke.');
    for (const side of ['0', 'to', '1.5']) expect((await page(`/vurdering/runder/${id}?side=${side}`)).status, side).toBe(400);
  });

  it('has no pager when the list fits on one page', async () => {
    const id = await openRound(ctx);
    const { html } = await page(`/vurdering/runder/${id}`);
    expect(listed(html)).toHaveLength(34);
    expect(html).not.toContain('class="pager"');
    expect(textOf(html)).not.toContain('Viser informasjonstjenestene');
  });
});

describe('the freeze', () => {
  it('keeps the round’s list when the scope changes, and marks for reviewers what changed', async () => {
    const id = await openRound(ctx);
    const frozenBefore = (await reviewTables(ctx)).services;
    const oslo = await signIn(ctx, 'municipality');
    const ids = await frozenIds(ctx, id);
    // Oslo takes a stance on a service that will be deleted: its words must survive the deletion.
    expect((await submitReview(ctx, `/vurdering/runder/${id}/kommuner/0301`, { [`standpunkt-${ids['smitte-hos-pasient']}`]: 'opposes', [`kommentar-${ids['smitte-hos-pasient']}`]: 'Trengs ikke' }, oslo)).status).toBe(303);

    // An architect renames Multidose, takes Individuell plan out of every tier, deletes Smitte hos pasient and adds a service.
    await ctx.db.updateTable('element').set({ name: 'Multidose (endret)', version: 2 }).where('id', '=', await serviceId('multidose')).execute();
    await ctx.db.updateTable('information_service').set({ tier_id: null }).where('element_id', '=', await serviceId('individuell-plan')).execute();
    await ctx.db.deleteFrom('element').where('id', '=', await serviceId('smitte-hos-pasient')).execute();
    const tier = (await ctx.db.selectFrom('element').select('id').where('kind', '=', 'deliveryTier').where('key', '=', '2023').executeTakeFirstOrThrow()).id;
    const at = ctx.clock.now().toISOString();
    const added = await ctx.db.insertInto('element').values({ kind: 'informationService', key: 'ny-tjeneste', name: 'Ny tjeneste', description: '', tentative: 0, position: 99, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    await ctx.db.insertInto('information_service').values({ element_id: added.id, category_id: null, tier_id: tier, tier_tentative: 0, solution_part_id: null }).execute();

    // The frozen rows are the same, but for the deleted service's link to its element.
    const frozenAfter = (await reviewTables(ctx)).services;
    expect(frozenAfter).toEqual(frozenBefore.map((s) => (s.key === 'smitte-hos-pasient' ? { ...s, element_id: null } : s)));
    const stance = await ctx.db.selectFrom('review_stance').selectAll().executeTakeFirstOrThrow();
    expect(stance).toMatchObject({ round_service_id: ids['smitte-hos-pasient'], stance: 'opposes', comment: 'Trengs ikke' });

    for (const path of [`/vurdering/runder/${id}`, `/vurdering/runder/${id}/kommuner/0301`]) {
      const text = textOf((await page(path, oslo)).html);
      expect(text, path).toMatch(/34 informasjonstjeneste(r|ne)/); // still all 34 on the list
      expect(text, path).toContain('Etter at runden åpnet er 1 av tjenestene i listen endret og 2 fjernet i omfanget, og én ny er kommet til.');
      expect(text, path).toContain('Navn: «Multidose» → «Multidose (endret)»');
      expect(text, path).toContain('Ikke lenger i første leveranse etter at runden åpnet.');
      expect(text, path).toContain('Slettet fra omfanget etter at runden åpnet.');
      expect(text, path).toContain('Nye i første leveranse etter at runden åpnet (1)');
      expect(text, path).toContain('Ny tjeneste');
    }
    // The municipality's answer on the deleted service is still there, under the name it had.
    const review = textOf((await page(`/vurdering/runder/${id}/kommuner/0301`, oslo)).html);
    expect(review).toContain('Smitte hos pasient Leveransetrinn: Uten overskrift Slettet fra omfanget etter at runden åpnet. Standpunkt Støtter ikke Kommentar Trengs ikke');

    // A new round freezes the list as it is now; the first stays readable as it was.
    await closeRound(ctx, id, await signIn(ctx, 'architect'));
    const second = await openRound(ctx, { title: 'Andre runde' });
    const secondKeys = Object.keys(await frozenIds(ctx, second));
    expect(secondKeys).toHaveLength(33);
    expect(secondKeys).toContain('ny-tjeneste');
    expect(secondKeys).not.toContain('individuell-plan');
    const first = textOf((await page(`/vurdering/runder/${id}`)).html);
    expect(first).toContain('Individuell plan');
    expect(first).toContain('Multidose');
    expect(textOf((await page('/vurdering')).html)).toMatch(/Andre runde Åpen .* Første runde Lukket/);
  });
});

describe('closing', () => {
  it('closes by the deadline, on the app’s clock, with no timer', async () => {
    const id = await openRound(ctx, { deadline: '2026-12-15' });
    let oslo = await signIn(ctx, 'municipality');
    const ids = await frozenIds(ctx, id);
    const save = () => postShown(ctx, `/vurdering/runder/${id}/kommuner/0301`, { handling: 'lagre', [`standpunkt-${ids.multidose}`]: 'supports' }, oslo);

    ctx.clock.set('2026-12-15T22:59:00Z'); // 23:59 in Oslo on the last day
    oslo = await signIn(ctx, 'municipality'); // the earlier session has long expired
    expect((await save()).status).toBe(303);
    expect(textOf((await page(`/vurdering/runder/${id}`)).html)).toContain('Åpen til og med 15. desember 2026');

    ctx.clock.set('2026-12-15T23:00:00Z'); // midnight in Oslo
    expect(textOf((await page(`/vurdering/runder/${id}`)).html)).toContain('Lukket: fristen 15. desember 2026 er ute.');
    const before = await reviewTables(ctx);
    const late = await save();
    expect(late.status).toBe(409);
    expect(textOf(await late.text())).toContain('Runden er lukket, så vurderingen kan ikke endres lenger. Ingenting er lagret.');
    expect(await reviewTables(ctx)).toEqual(before);
    // Nothing was written to close it; reading it says it is closed, and a new round may open.
    expect(before.rounds[0]!.closed_at).toBeNull();
    expect(await openRound(ctx, { deadline: '2027-01-31' })).toBe(id + 1); // signs the architect in anew
  });

  it('lets an architect close a round early and open it again with a new deadline', async () => {
    const id = await openRound(ctx);
    const architect = await signIn(ctx, 'architect');
    ctx.clock.advance({ minutes: 10 });
    expect((await closeRound(ctx, id, architect)).status).toBe(303);
    expect(textOf((await page(`/vurdering/runder/${id}`, architect)).html)).toContain('Lukket 26. november 2026 kl. 13:10 av Test architect.');
    expect((await closeRound(ctx, id, architect)).status).toBe(409);

    const past = await postForm(ctx, `/vurdering/runder/${id}/gjenapne`, { deadline: '2026-11-01' }, architect);
    expect(past.status).toBe(422);
    expect(await past.text()).toMatch(/id="felt-deadline-feil">Fristen kan ikke være før i dag\./);

    expect((await postForm(ctx, `/vurdering/runder/${id}/gjenapne`, { deadline: '2027-01-15' }, architect)).status).toBe(303);
    expect(textOf((await page(`/vurdering/runder/${id}`, architect)).html)).toContain('Åpen til og med 15. januar 2027');
    expect((await postForm(ctx, `/vurdering/runder/${id}/gjenapne`, { deadline: '2027-01-20' }, architect)).status).toBe(409);
    expect(await auditActions(ctx)).toEqual(['user.create', 'baseline.freeze', 'review-round.open', 'review-round.close', 'review-round.reopen']);
  });

  it('does not reopen a round while another is open', async () => {
    const first = await openRound(ctx);
    const architect = await signIn(ctx, 'architect');
    await closeRound(ctx, first, architect);
    await openRound(ctx, { title: 'Andre runde' });
    const res = await postForm(ctx, `/vurdering/runder/${first}/gjenapne`, { deadline: '2027-01-15' }, architect);
    expect(res.status).toBe(409);
    expect(textOf(await res.text())).toContain('En annen runde er åpen. Lukk den før du åpner denne igjen.');
  });

  it('is for architects only', async () => {
    const id = await openRound(ctx);
    for (const headers of [await signIn(ctx, 'municipality'), await signIn(ctx, 'reader'), await municipalityUser(ctx, '4601'), await signIn(ctx, 'administrator')]) {
      expect((await postForm(ctx, `/vurdering/runder/${id}/lukk`, {}, headers)).status).toBe(403);
      expect((await postForm(ctx, '/vurdering/runder', { title: 'Kommunens runde', deadline: '2026-12-31' }, headers)).status).toBe(403);
    }
    expect((await postForm(ctx, `/vurdering/runder/${id}/lukk`, {})).status).toBe(401);
    expect((await reviewTables(ctx)).rounds).toHaveLength(1);
  });
});

describe('addresses that lead nowhere', () => {
  it('answers 404 for a round that does not exist and 400 for an id that is not one', async () => {
    expect((await page('/vurdering/runder/99')).status).toBe(404);
    const bad = await page('/vurdering/runder/abc');
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain('Runde-id-en må være et positivt heltall.');
    // Past what the database's integer holds: refused here, not a fault on PostgreSQL.
    for (const path of ['/vurdering/runder/99999999999', '/vurdering/dashbord?runde=99999999999']) {
      const huge = await page(path);
      expect(huge.status, path).toBe(400);
      expect(textOf(huge.html), path).toContain('Runde-id-en må være et positivt heltall.');
    }
  });
});
