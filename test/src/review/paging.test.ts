import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { growModel, growReviews } from '../../../seeds/synthetic.ts';
import { postForm, postShown, signIn, testApp, testPassword, textOf, type TestContext } from '../../helpers.ts';
import { openRound } from './helpers.ts';

/**
 * A municipality's review shows the round's frozen list 100 services a page, as the round page
 * does (issue 10: at 100× the whole form was 5 MB): in the list's stored order, with links that
 * round-trip, a last page, 404 past it and 400 for a page number that is none. What it counts
 * (answered X of Y) and what submitting checks are the whole round's, from any page. On the seed
 * grown 4× (136 services, two pages).
 */
let ctx: TestContext;
let round: number;
let all: number[];
let oslo: { Cookie: string };
let architect: { Cookie: string };
/** A municipality with a submitted review (by growReviews), which an architect reads. */
let submitted: string;
const path = () => `/vurdering/runder/${round}/kommuner/0301`;

beforeAll(async () => {
  ctx = await testApp();
  await growModel(ctx.db, { factor: 4 });
  round = await openRound(ctx);
  all = (await ctx.db.selectFrom('review_round_service').select('id').where('round_id', '=', round).orderBy('position').execute()).map((r) => r.id);
  oslo = await signIn(ctx, 'municipality');
  architect = await signIn(ctx, 'architect');
  await growReviews(ctx.db, { municipalities: 1, now: ctx.clock.now() });
  submitted = (await ctx.db.selectFrom('municipality_review').select('municipality_number').where('municipality_number', '!=', '0301').executeTakeFirstOrThrow()).municipality_number;
});
afterAll(() => ctx.db.destroy());

const get = async (p: string, headers: Record<string, string> = oslo) => {
  const res = await ctx.app.request(p, { headers });
  return { status: res.status, html: await res.text() };
};
/** The services a page shows, by their headings' ids, in order. */
const listed = (html: string) => [...html.matchAll(/id="tjeneste-(\d+)"/g)].map((m) => Number(m[1]));
/** The services the form has a stance field for. */
const fields = (html: string) => [...html.matchAll(/<select[^>]* name="standpunkt-(\d+)"/g)].map((m) => Number(m[1]));
/** The pager's link to `which` (a page number, `forrige` or `neste`), unescaped. */
const link = (html: string, which: string) =>
  [...html.matchAll(/<a class="ds-link" id="liste-side-([a-z0-9]+)" href="([^"]+)"/g)].find((m) => m[1] === which)?.[2]?.replace(/&amp;/g, '&');
/** In the form, the pager's button to `which` (it saves the page first): where it posts to, unescaped. */
const pagerButton = (html: string, which: string) =>
  [...html.matchAll(/<button class="ds-button pager__save"[^>]* id="liste-side-([a-z0-9]+)" name="handling" value="lagre" formaction="([^"]+)"/g)].find((m) => m[1] === which)?.[2]?.replace(/&amp;/g, '&');
const progress = (html: string) => /<[^>]+ id="fremdrift"[^>]*>([^<]*)</.exec(html)?.[1];

describe("a municipality's review, a page at a time", () => {
  it("shows 100 services a page in the list's order, with links that round-trip, a last page, 404 past it and 400 for no page number", async () => {
    expect(all).toHaveLength(136);
    const first = await get(path());
    expect(first.status).toBe(200);
    expect(listed(first.html)).toEqual(all.slice(0, 100));
    expect(fields(first.html)).toEqual(all.slice(0, 100));
    expect(textOf(first.html)).toContain('Viser informasjonstjenestene 1–100 av 136.');
    // A category's count is the whole list's, not this page's.
    expect(textOf(first.html)).toContain('Legemidler og vaksiner (16)');
    // In the form, «Neste» saves the page and goes on (`videre`), to the page a link would show.
    expect(pagerButton(first.html, 'neste')).toBe(`${path()}?videre=2`);
    const next = link((await get(path(), architect)).html, 'neste');
    expect(next).toBe(`${path()}?side=2`);

    const last = await get(next!);
    expect(last.status).toBe(200);
    expect(listed(last.html)).toEqual(all.slice(100));
    expect(fields(last.html)).toEqual(all.slice(100));
    expect(textOf(last.html)).toContain('Viser informasjonstjenestene 101–136 av 136.');
    expect(pagerButton(last.html, 'neste')).toBeUndefined();
    expect(pagerButton(last.html, 'forrige')).toBe(`${path()}?videre=1`);
    // Asked twice, a page is the same.
    expect(listed((await get(next!)).html)).toEqual(listed(last.html));

    const past = await get(`${path()}?side=3`);
    expect(past.status).toBe(404);
    expect(textOf(past.html)).toContain('Listen har 2 sider; side 3 finnes ikke.');
    for (const side of ['0', '-1', 'to', '1.5', '99999999']) expect((await get(`${path()}?side=${side}`)).status, side).toBe(400);
  });

  it('pages what others see too: a submitted review as the architect reads it, and a review not started', async () => {
    for (const municipality of [submitted, '0301']) {
      const reviewPath = `/vurdering/runder/${round}/kommuner/${municipality}`;
      const first = await get(reviewPath, architect);
      expect(first.status, municipality).toBe(200);
      expect(listed(first.html), municipality).toEqual(all.slice(0, 100));
      const second = await get(link(first.html, 'neste')!, architect);
      expect(listed(second.html), municipality).toEqual(all.slice(100));
    }
    // The submitted review's answers on the second page are its answers to those services.
    const second = await get(`/vurdering/runder/${round}/kommuner/${submitted}?side=2`, architect);
    expect(textOf(second.html)).toContain(`Kommentar fra ${submitted} om tjeneste 101.`);
    expect(textOf(second.html)).not.toContain(`Kommentar fra ${submitted} om tjeneste 99.`);
    // Answered counts the whole round.
    expect(progress(second.html)).toBe('136 av 136 besvart');
  });

  it('saves a page, comes back to it, counts the whole round on every page, and submits from the last page', async () => {
    const onFirst = all[0]!;
    const onSecond = all[120]!;
    // One answer on page 1 saved on its own, as the page does while the municipality works.
    const autosaved = await postShown(ctx, `${path()}/tjenester/${onFirst}`, { [`standpunkt-${onFirst}`]: 'supports', [`kommentar-${onFirst}`]: '' }, oslo, path());
    expect(autosaved.status).toBe(200);
    // The confirmation names at most a page's worth of the unanswered, and says how many more there are.
    const early = await get(`${path()}/send-inn`);
    expect([...early.html.matchAll(/<li><a class="ds-link" href="[^"]*#felt-standpunkt-\d+"/g)]).toHaveLength(100);
    expect(textOf(early.html)).toContain('… og 35 tjenester til, som dere finner side for side i vurderingen.');

    // A page-2 answer that will not do comes back on page 2, with the message beside it (422).
    const refused = await postShown(ctx, path(), { handling: 'lagre', [`standpunkt-${onSecond}`]: 'supports-with-changes' }, oslo, `${path()}?side=2`);
    expect(refused.status).toBe(422);
    const refusedHtml = await refused.text();
    expect(listed(refusedHtml)).toEqual(all.slice(100));
    expect(refusedHtml).toContain(`id="felt-kommentar-${onSecond}-feil"`);

    // Saved from page 2, the form comes back on page 2.
    const saved = await postShown(ctx, path(), { handling: 'lagre', [`standpunkt-${onSecond}`]: 'opposes', [`kommentar-${onSecond}`]: 'Ikke nå.' }, oslo, `${path()}?side=2`);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${path()}?side=2&lagret`);
    const back = await get(saved.headers.get('location')!);
    expect(textOf(back.html)).toContain('Utkastet er lagret.');
    expect(back.html).toContain('Ikke nå.');
    // Each page counts both answers, one of which it does not show.
    expect(progress(back.html)).toBe('2 av 136 besvart');
    expect(progress((await get(path())).html)).toBe('2 av 136 besvart');
    // The page-2 save left the page-1 answer as it was.
    expect((await get(path())).html).toMatch(new RegExp(`name="standpunkt-${onFirst}"[^>]*>(?:(?!</select>)[\\s\\S])*<option value="supports" selected`));

    // Most of page 1 answered in one save from it, with «Lagre og gå til side 2» (for a browser
    // without JavaScript, where nothing saves itself): saved, and on to page 2.
    const first = await get(path());
    expect(first.html).toContain(`formaction="${path()}?videre=2"`);
    expect(textOf(first.html)).toContain('Lagre og gå til side 2');
    // The last page has nowhere to go on to.
    expect(textOf((await get(`${path()}?side=2`)).html)).not.toContain('Lagre og gå til side');
    const pageOne = Object.fromEntries(all.slice(1, 98).map((id) => [`standpunkt-${id}`, 'no-opinion']));
    const savedOne = await postShown(ctx, `${path()}?videre=2`, { handling: 'lagre', ...pageOne }, oslo, path());
    expect(savedOne.headers.get('location')).toBe(`${path()}?side=2&lagret`);
    expect(progress((await get(`${path()}?side=2`)).html)).toBe('99 av 136 besvart');

    // "Send inn" from a page with nothing answered on it goes on too: the round has answers on the other page.
    const blankPageTwo = Object.fromEntries(all.slice(100).filter((id) => id !== onSecond).flatMap((id) => [[`standpunkt-${id}`, ''], [`kommentar-${id}`, '']]));
    const sendBlank = await postShown(ctx, path(), { handling: 'send', ...blankPageTwo }, oslo, `${path()}?side=2`);
    expect(sendBlank.status, await sendBlank.clone().text()).toBe(303);
    expect(sendBlank.headers.get('location')).toBe(`${path()}/send-inn`);

    // "Send inn" from page 2 goes to the confirmation, which counts the whole round and links each unanswered service to its page.
    const send = await postShown(ctx, path(), { handling: 'send', [`standpunkt-${all[135]!}`]: 'no-opinion' }, oslo, `${path()}?side=2`);
    expect(send.status).toBe(303);
    expect(send.headers.get('location')).toBe(`${path()}/send-inn`);
    const confirmation = await get(`${path()}/send-inn`);
    expect(textOf(confirmation.html)).toContain('100 av 136 tjenester er besvart');
    expect(confirmation.html).toContain(`href="${path()}#felt-standpunkt-${all[98]}"`);
    expect(confirmation.html).toContain(`href="${path()}?side=2#felt-standpunkt-${all[101]}"`);
    const fingerprint = /name="bekreft" value="([^"]+)"/.exec(confirmation.html)![1]!;
    const done = await postForm(ctx, `${path()}/send-inn`, { bekreft: fingerprint }, oslo);
    expect(done.status).toBe(303);
    expect(progress((await get(`${path()}?side=2`)).html)).toBe('100 av 136 besvart');
  });

  it('saves the page before the pager goes to another, also after signing in again (review A4, A9)', async () => {
    // The test before submitted Oslo's review; reopened, it is a form again.
    expect((await postForm(ctx, `${path()}/gjenapne`, {}, architect)).status).toBe(303);
    // With every stored answer on page 1, «send inn» posting no service at all counts them: only
    // the services a form posts are left out of what is stored (review A9), not a whole page.
    const clear = Object.fromEntries(all.slice(100).flatMap((id) => [[`standpunkt-${id}`, ''], [`kommentar-${id}`, '']]));
    expect((await postShown(ctx, path(), { handling: 'lagre', ...clear }, oslo, `${path()}?side=2`)).status).toBe(303);
    expect(progress((await get(path())).html)).toBe('98 av 136 besvart');
    const bare = await postForm(ctx, path(), { handling: 'send' }, oslo);
    expect(bare.status).toBe(303);
    expect(bare.headers.get('location')).toBe(`${path()}/send-inn`);
    const second = await get(`${path()}?side=2`);
    // Every entry of the pager is a button that saves and goes on, none a link that leaves unsaved.
    expect(link(second.html, 'forrige')).toBeUndefined();
    expect(link(second.html, '1')).toBeUndefined();
    expect(pagerButton(second.html, 'forrige')).toBe(`${path()}?videre=1`);
    expect(pagerButton(second.html, '1')).toBe(`${path()}?videre=1`);
    expect(second.html).toMatch(/<nav class="pager" aria-label="[^"]+">/);
    expect(second.html).toContain('<span aria-current="page" class="pager__current" id="liste-side-2"');
    expect(textOf(second.html)).toContain('Å bytte side lagrer det du har skrevet på denne siden.');
    const [one, two] = [all[110]!, all[111]!];
    const saved = await postShown(ctx, `${path()}?videre=1`, { handling: 'lagre', [`standpunkt-${one}`]: 'opposes', [`kommentar-${one}`]: 'Fra sidevelgeren.' }, oslo, `${path()}?side=2`);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${path()}?lagret`);
    expect((await get(`${path()}?side=2`)).html).toContain('Fra sidevelgeren.');

    // The session times out before «Forrige»: signing in again saves, and goes on to page 1.
    const basis = /<input type="hidden"[^>]*? name="vist-(\d+)" value="([^"]*)"/g;
    const shown = Object.fromEntries([...(await get(`${path()}?side=2`)).html.matchAll(basis)].filter((m) => Number(m[1]) === two).map((m) => [`vist-${m[1]}`, m[2]!]));
    ctx.clock.advance({ minutes: 31 });
    const typed = { handling: 'lagre', [`standpunkt-${two}`]: 'no-opinion', ...shown };
    const timedOut = await postForm(ctx, `${path()}?videre=1`, typed, oslo);
    expect(timedOut.status).toBe(401);
    expect(await timedOut.text()).toContain(`action="${path()}/logg-inn?videre=1"`);
    const again = await postForm(ctx, `${path()}/logg-inn?videre=1`, { ...typed, email: 'municipality@test.no', password: testPassword }, oslo);
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`${path()}?innlogget`);
    const stored = await ctx.db.selectFrom('review_stance').select('stance').where('round_service_id', '=', two).execute();
    expect(stored.map((r) => r.stance)).toContain('no-opinion');
  });
});

describe('what changed since the round was frozen, a page at a time', () => {
  /** The text shown for one service: from its heading to the next service's. */
  const serviceText = (html: string, id: number) => {
    const start = html.indexOf(`id="tjeneste-${id}"`);
    if (start === -1) return undefined;
    const end = html.indexOf('id="tjeneste-', start + 1);
    return textOf(html.slice(start, end === -1 ? undefined : end));
  };

  // Last: it changes the scope the tests above read.
  it('marks the changes of the services on page 2 beside them, and counts those of the whole list on every page', async () => {
    const frozen = await ctx.db.selectFrom('review_round_service').select(['id', 'element_id', 'name', 'description']).where('round_id', '=', round).orderBy('position').execute();
    const [renamed, leaves, deleted, described] = [frozen[110]!, frozen[120]!, frozen[130]!, frozen[5]!];
    await ctx.db.updateTable('element').set({ name: `${renamed.name} (endret)` }).where('id', '=', renamed.element_id!).execute();
    await ctx.db.updateTable('information_service').set({ tier_id: null }).where('element_id', '=', leaves.element_id!).execute();
    await ctx.db.deleteFrom('element').where('id', '=', deleted.element_id!).execute();
    await ctx.db.updateTable('element').set({ description: 'Ny beskrivelse' }).where('id', '=', described.element_id!).execute();

    // Signed in afresh: the tests above let the clock run past the sessions.
    const reader = await signIn(ctx, 'architect');
    const summary = 'Etter at runden åpnet er 2 av tjenestene i listen endret og 2 fjernet i omfanget, og ingen nye er kommet til.';
    for (const base of [`/vurdering/runder/${round}`, `/vurdering/runder/${round}/kommuner/0301`, `/vurdering/runder/${round}/kommuner/${submitted}`]) {
      const second = await get(`${base}?side=2`, reader);
      expect(second.status, base).toBe(200);
      expect(textOf(second.html), base).toContain(summary);
      expect(serviceText(second.html, renamed.id), base).toContain(`Navn: «${renamed.name}» → «${renamed.name} (endret)»`);
      expect(serviceText(second.html, leaves.id), base).toContain('Ikke lenger i første leveranse');
      expect(serviceText(second.html, deleted.id), base).toContain('Slettet fra omfanget');
      // The others on the page are unmarked, and page 1's change is on page 1.
      const unmarked = frozen.slice(100).filter((s) => ![renamed.id, leaves.id, deleted.id].includes(s.id));
      for (const s of unmarked) expect(serviceText(second.html, s.id), `${base} ${s.id}`).not.toMatch(/Endret etter at runden åpnet|Slettet fra omfanget|Ikke lenger i første leveranse/);
      expect(serviceText(second.html, described.id), base).toBeUndefined();

      const first = await get(base, reader);
      expect(textOf(first.html), base).toContain(summary);
      expect(serviceText(first.html, described.id), base).toContain(`Beskrivelse: «${described.description}» → «Ny beskrivelse»`);
      expect(serviceText(first.html, renamed.id), base).toBeUndefined();
    }
  });
});
