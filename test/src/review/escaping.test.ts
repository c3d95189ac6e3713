import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm, postShown, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';
import { frozenIds, openRound, submitReview } from './helpers.ts';

/** Text that would run script if a review page put it into HTML unescaped. */
const script = '<script>alert("x1")</script>';
const attribute = '"><img src=x onerror=alert(2)>';

let ctx: TestContext;
let round: number;
let architect: { Cookie: string };
let oslo: { Cookie: string };
beforeAll(async () => {
  ctx = await testApp();
  // Names as an architect could store them, frozen into the round.
  await ctx.db.updateTable('element').set({ name: `Multidose ${script}`, description: `Dose ${attribute}` }).where('key', '=', 'multidose').execute();
  await ctx.db.updateTable('element').set({ name: `Legemidler ${attribute}` }).where('key', '=', 'legemidler-og-vaksiner').execute();
  round = await openRound(ctx, { title: `Runde ${script}` });
  const ids = await frozenIds(ctx, round);
  oslo = await signIn(ctx, 'municipality');
  architect = await signIn(ctx, 'architect');
  expect((await submitReview(ctx, `/vurdering/runder/${round}/kommuner/0301`, { [`standpunkt-${ids.multidose}`]: 'opposes', [`kommentar-${ids.multidose}`]: `Nei ${attribute} ${script}` }, oslo)).status).toBe(303);
  expect((await postShown(ctx, '/vurdering/intensjon/0301', { status: 'considering', reference: `Sak ${attribute}` }, oslo)).status).toBe(303);
  // The live name changes too, so the marks show both.
  await ctx.db.updateTable('element').set({ name: `Multidose ${attribute}` }).where('key', '=', 'multidose').execute();
});
afterAll(() => ctx.db.destroy());

describe('user text on the review pages', () => {
  /** Each page, who reads it, and the user text it shows (as text, or for a form as an attribute value). */
  it.each([
    ['/vurdering', 'architect', `Runde ${script}`],
    ['/vurdering/runder/1', 'architect', `Multidose ${script}`],
    ['/vurdering/runder/1/kommuner/0301', 'municipality', `Dose ${attribute}`],
    ['/vurdering/runder/1/kommuner/0301', 'architect', `Nei ${attribute} ${script}`],
    ['/vurdering/dashbord?sorter=mot', 'architect', `Nei ${attribute} ${script}`],
    ['/vurdering/intensjon', 'architect', `Sak ${attribute}`],
  ])('is escaped on %s (%s)', async (path, who, shown) => {
    const html = await (await ctx.app.request(path, { headers: who === 'architect' ? architect : oslo })).text();
    expect(html).not.toMatch(/<script>alert|<img src=x|"><img/);
    expect(textOf(html)).toContain(shown);
  });

  it('stays inside the attribute in the declaration form', async () => {
    const html = await (await ctx.app.request('/vurdering/intensjon/0301', { headers: oslo })).text();
    expect(html).toContain('value="Sak &quot;&gt;&lt;img src=x onerror=alert(2)&gt;"');
  });

  it('appears as the text it is where it belongs', async () => {
    const review = textOf(await (await ctx.app.request(`/vurdering/runder/${round}/kommuner/0301`, { headers: architect })).text());
    expect(review).toContain(`Navn: «Multidose ${script}» → «Multidose ${attribute}»`);
    expect(review).toContain(`Nei ${attribute} ${script}`);
    expect(review).toContain(`Legemidler ${attribute} (4)`);
    const dashboard = textOf(await (await ctx.app.request('/vurdering/dashbord', { headers: architect })).text());
    expect(dashboard).toContain(`Multidose ${script} Legemidler ${attribute}`);
    expect(textOf(await (await ctx.app.request('/vurdering/intensjon', { headers: architect })).text())).toContain(`Sak ${attribute}`);
  });
});
