import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { htmx, postForm, postShown, signIn, testApp, testPassword, textOf, type TestContext } from '../../helpers.ts';
import { auditActions, frozenIds, municipalityUser, openRound, reviewTables, submitReview } from './helpers.ts';
import { answerBasis } from '../../../model/review/schemas.ts';

let ctx: TestContext;
let round: number;
let ids: Record<string, number>;
let oslo: { Cookie: string };
const path = () => `/vurdering/runder/${round}/kommuner/0301`;
const stance = (key: string) => `standpunkt-${ids[key]}`;
const comment = (key: string) => `kommentar-${ids[key]}`;
const basis = (key: string) => `vist-${ids[key]}`;
/** One service's answer as the review page's autosave posts it. */
const autosave = (key: string, fields: Record<string, string>, headers: Record<string, string> = oslo) =>
  postShown(ctx, `${path()}/tjenester/${ids[key]}`, fields, { ...headers, ...htmx });
const storedStances = () => ctx.db.selectFrom('review_stance').select(['round_service_id', 'stance', 'comment']).orderBy('round_service_id').execute();

beforeEach(async () => {
  ctx = await testApp();
  round = await openRound(ctx);
  ids = await frozenIds(ctx, round);
  oslo = await signIn(ctx, 'municipality');
});
afterEach(() => ctx.db.destroy());

describe('saving each answer as it is made', () => {
  it('stores that one stance in the draft and says «Lagret» with the progress', async () => {
    const res = await autosave('multidose', { [stance('multidose')]: 'supports', [comment('multidose')]: '' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(textOf(html)).toContain('Lagret kl. 13:00.');
    expect(html).toMatch(/<span id="fremdrift" hx-swap-oob="innerHTML">1 av 34 besvart<\/span>/);
    expect(textOf(html)).toContain('Lagret: Multidose');
    expect(await storedStances()).toEqual([{ round_service_id: ids.multidose, stance: 'supports', comment: '' }]);
    expect((await reviewTables(ctx)).reviews.map((r) => r.status)).toEqual(['draft']);

    // A second answer adds to the first rather than replacing the draft.
    const second = await autosave('individuell-plan', { [stance('individuell-plan')]: 'supports-with-changes', [comment('individuell-plan')]: 'Del med fastlegen.' });
    expect(await second.text()).toContain('2 av 34 besvart');
    expect(await storedStances()).toHaveLength(2);

    // The page shows the progress and the saved state beside each answer.
    const page = textOf(await (await ctx.app.request(path(), { headers: oslo })).text());
    expect(page).toContain('Status: Utkast, sist lagret 26. november 2026 kl. 13:00 av Test municipality. 2 av 34 besvart');
    expect(page).toMatch(/Kommentar til «Multidose» Lagret\./);
    expect(await auditActions(ctx)).toEqual(['user.create', 'baseline.freeze', 'review-round.open', 'user.create', 'review.save', 'review.save']);
  });

  it('writes and records nothing when the answer is unchanged, and clears an answer whose stance is taken away', async () => {
    await autosave('multidose', { [stance('multidose')]: 'opposes', [comment('multidose')]: 'Nei' });
    const again = await autosave('multidose', { [stance('multidose')]: 'opposes', [comment('multidose')]: ' Nei ' });
    expect(again.status).toBe(204);
    expect(await auditActions(ctx)).toEqual(['user.create', 'baseline.freeze', 'review-round.open', 'user.create', 'review.save']);

    const cleared = await autosave('multidose', { [stance('multidose')]: '', [comment('multidose')]: '' });
    expect(cleared.status).toBe(200);
    const html = await cleared.text();
    expect(textOf(html)).toContain('Svaret er fjernet kl. 13:00.');
    expect(html).toContain('0 av 34 besvart');
    expect(await storedStances()).toEqual([]);
  });

  it('says beside the answer why it is not saved yet, and writes nothing', async () => {
    await autosave('multidose', { [stance('multidose')]: 'supports' });
    const before = await reviewTables(ctx);
    const incomplete = await autosave('individuell-plan', { [stance('individuell-plan')]: 'supports-with-changes', [comment('individuell-plan')]: '' });
    expect(incomplete.status).toBe(422);
    expect(textOf(await incomplete.text())).toContain('Ikke lagret ennå: Skriv hvilke endringer kommunen ønsker.');
    const stranger = await autosave('individuell-plan', { [stance('multidose')]: 'opposes' });
    expect(stranger.status).toBe(422);
    expect(textOf(await stranger.text())).toContain('Skjemaet har felt som ikke hører til denne tjenesten');
    expect(await reviewTables(ctx)).toEqual(before);
  });

  it('refuses a submitted review, a closed round and another municipality’s review', async () => {
    expect((await submitReview(ctx, path(), { [stance('multidose')]: 'supports' }, oslo)).status).toBe(303);
    const before = await reviewTables(ctx);
    // The page is read-only now; a post made from the earlier page says what it showed.
    const shown = { [basis('multidose')]: answerBasis('supports', '') };
    const submitted = await autosave('multidose', { [stance('multidose')]: 'opposes', ...shown });
    expect(submitted.status).toBe(409);
    expect(textOf(await submitted.text())).toContain('Ikke lagret: Vurderingen er allerede sendt inn.');

    const bergen = await municipalityUser(ctx, '4601');
    expect((await autosave('multidose', { [stance('multidose')]: 'opposes', ...shown }, bergen)).status).toBe(403);

    ctx.clock.set('2026-12-15T23:00:00Z');
    const late = await autosave('multidose', { [stance('multidose')]: 'opposes', ...shown }, await signIn(ctx, 'municipality'));
    expect(late.status).toBe(409);
    expect(textOf(await late.text())).toContain('Runden er lukket');
    expect(await reviewTables(ctx)).toEqual(before);
  });
});

describe('two people, or two tabs, working on the same review', () => {
  /** The whole form as the page shows it now: every answer with what the page started from. */
  const formAsShown = async (headers: Record<string, string>) => formAsShownIn(await (await ctx.app.request(path(), { headers })).text());

  it('a whole-form save keeps the answers someone else saved after the page was shown', async () => {
    const colleague = await municipalityUser(ctx, '0301');
    const page = await formAsShown(colleague);
    expect(Object.keys(page)).toHaveLength(34);
    await autosave('multidose', { [stance('multidose')]: 'opposes', [comment('multidose')]: 'Viktig innvending' });
    // The colleague's older page saves its one change: Multidose is still empty there.
    const res = await postShown(ctx, path(), { ...page, handling: 'lagre', [stance('individuell-plan')]: 'supports' }, colleague);
    expect(res.status).toBe(303);
    const stancesNow = await storedStances();
    expect(stancesNow).toHaveLength(2);
    expect(stancesNow).toEqual(
      expect.arrayContaining([
        { round_service_id: ids.multidose, stance: 'opposes', comment: 'Viktig innvending' },
        { round_service_id: ids['individuell-plan'], stance: 'supports', comment: '' },
      ]),
    );
  });

  it('shows a conflict, and writes nothing, when both changed the same answer differently', async () => {
    const colleague = await municipalityUser(ctx, '0301');
    const page = await formAsShown(colleague);
    await autosave('multidose', { [stance('multidose')]: 'opposes', [comment('multidose')]: 'Viktig innvending' });
    const res = await postShown(ctx, path(), { ...page, handling: 'lagre', [stance('multidose')]: 'supports', [comment('multidose')]: 'Min mening' }, colleague);
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(textOf(html)).toContain('Noen andre i kommunen har lagret et annet svar på denne tjenesten mens du skrev');
    expect(html).toContain('Min mening'); // the colleague's words are still in the form
    expect(await storedStances()).toEqual([{ round_service_id: ids.multidose, stance: 'opposes', comment: 'Viktig innvending' }]);
    // Saving again from the returned form is a deliberate choice, and takes effect.
    const again = formAsShownIn(html);
    expect((await postShown(ctx, path(), { ...again, handling: 'lagre', [stance('multidose')]: 'supports', [comment('multidose')]: 'Min mening' }, colleague)).status).toBe(303);
    expect(await storedStances()).toEqual([{ round_service_id: ids.multidose, stance: 'supports', comment: 'Min mening' }]);
  });

  it('an autosave that only empties an untouched answer creates no draft and records nothing', async () => {
    const res = await autosave('multidose', { [stance('multidose')]: '', [comment('multidose')]: '' });
    expect(res.status).toBe(204);
    expect((await reviewTables(ctx)).reviews).toEqual([]);
    expect(await auditActions(ctx)).not.toContain('review.save');
  });
});

/** What each answer on a review page started from (its hidden `vist-` fields). */
function formAsShownIn(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" id="felt-(vist-\d+)" name="vist-\d+" value="([^"]*)"/g)) fields[m[1]!] = m[2]!;
  return fields;
}

describe('when the session has ended', () => {
  const expire = () => ctx.clock.advance({ minutes: 31 }); // SESSION_IDLE_MINUTES defaults to 30

  it('tells an autosave to sign in again, without an error page or a 500', async () => {
    expire();
    const res = await autosave('multidose', { [stance('multidose')]: 'supports' });
    expect(res.status).toBe(401);
    const text = textOf(await res.text());
    expect(text).toContain('Ikke lagret: du er ikke logget inn lenger.');
    expect(text).toContain('Det du har skrevet, står fortsatt på siden, men er ikke lagret.');
    expect(text).toContain('Logg inn igjen og lagre');
    expect(ctx.errors).toEqual([]);
    expect(await storedStances()).toEqual([]);
  });

  it('gives the whole form back with what was typed, and saves it once signed in again', async () => {
    expire();
    const typed = {
      handling: 'lagre',
      [stance('individuell-plan')]: 'supports-with-changes',
      [comment('individuell-plan')]: 'Planen må deles med <fastlegen>.',
      [basis('individuell-plan')]: answerBasis(null, ''),
    };
    const res = await postShown(ctx, path(), typed, oslo);
    expect(res.status).toBe(401);
    const html = await res.text();
    const text = textOf(html);
    expect(text).toContain('Logg inn igjen for å lagre');
    expect(text).toContain('Du er ikke logget inn lenger');
    expect(text).toContain('Individuell plan: Støtter med endringer Planen må deles med <fastlegen>.');
    expect(html).toContain(`name="${comment('individuell-plan')}" value="Planen må deles med &lt;fastlegen&gt;."`);
    expect(ctx.errors).toEqual([]);
    expect(await storedStances()).toEqual([]);

    // A wrong password keeps it all on the page.
    const wrong = await postForm(ctx, `${path()}/logg-inn`, { ...typed, email: 'municipality@test.no', password: 'feil' }, oslo);
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Planen må deles med &lt;fastlegen&gt;.');

    const again = await postForm(ctx, `${path()}/logg-inn`, { ...typed, email: 'municipality@test.no', password: testPassword }, oslo);
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`${path()}?innlogget`);
    expect(await storedStances()).toEqual([{ round_service_id: ids['individuell-plan'], stance: 'supports-with-changes', comment: 'Planen må deles med <fastlegen>.' }]);
  });

  it('signs another municipality’s user in but saves nothing in Oslo’s review', async () => {
    await municipalityUser(ctx, '4601');
    expire();
    const res = await postForm(ctx, `${path()}/logg-inn`, { handling: 'lagre', [stance('multidose')]: 'opposes', email: 'kommune-4601@test.no', password: testPassword });
    expect(res.status).toBe(403);
    expect(await storedStances()).toEqual([]);
  });
});

describe('the confirmation before submitting', () => {
  it('shows how many services are answered and which are not, and submits only what it showed', async () => {
    await autosave('multidose', { [stance('multidose')]: 'supports' });
    const saved = await postShown(ctx, path(), { handling: 'send', [stance('multidose')]: 'supports', [stance('smitte-hos-pasient')]: 'opposes' }, oslo);
    expect(saved.headers.get('location')).toBe(`${path()}/send-inn`);
    const page = await ctx.app.request(`${path()}/send-inn`, { headers: oslo });
    expect(page.status).toBe(200);
    const html = await page.text();
    const text = textOf(html);
    expect(text).toContain('2 av 34 tjenester er besvart');
    expect(text).toContain('32 av 34 tjenester er ikke besvart og telles som «Ikke besvart» i tallene.');
    expect(text).toContain('Tjenestene som ikke er besvart (32)');
    expect(text).toContain('Individuell plan');
    expect((await reviewTables(ctx)).reviews.map((r) => r.status)).toEqual(['draft']); // nothing sent yet

    // The draft changes in another tab: the old confirmation submits nothing.
    const fingerprint = /name="bekreft" value="([^"]+)"/.exec(html)![1]!;
    await autosave('individuell-plan', { [stance('individuell-plan')]: 'no-opinion' });
    const stale = await postForm(ctx, `${path()}/send-inn`, { bekreft: fingerprint }, oslo);
    expect(stale.status).toBe(409);
    const staleText = textOf(await stale.text());
    expect(staleText).toContain('Utkastet er endret etter at du så denne siden, så ingenting er sendt inn.');
    expect(staleText).toContain('3 av 34 tjenester er besvart');
    expect((await reviewTables(ctx)).reviews.map((r) => r.status)).toEqual(['draft']);
  });

  it('has nothing to submit before a single stance is taken', async () => {
    const page = await ctx.app.request(`${path()}/send-inn`, { headers: oslo });
    expect(page.status).toBe(422);
    const html = await page.text();
    expect(textOf(html)).toContain('0 av 34 tjenester er besvart');
    expect(textOf(html)).toContain('Ta stilling til minst én tjeneste før dere sender inn.');
    expect(html).not.toContain('name="bekreft"');
  });
});

describe('the confirmation before an architect closes a round', () => {
  it('says who has submitted and who has a draft, and closes nothing until confirmed', async () => {
    await submitReview(ctx, path(), { [stance('multidose')]: 'supports' }, oslo);
    const bergen = await municipalityUser(ctx, '4601');
    expect((await postShown(ctx, `/vurdering/runder/${round}/kommuner/4601`, { handling: 'lagre', [stance('multidose')]: 'opposes' }, bergen)).status).toBe(303);
    const architect = await signIn(ctx, 'architect');
    const confirm = await ctx.app.request(`/vurdering/runder/${round}/lukk`, { headers: architect });
    expect(confirm.status).toBe(200);
    const text = textOf(await confirm.text());
    expect(text).toContain('1 kommune har sendt inn vurderingen; bare de teller i tallene.');
    expect(text).toContain('1 kommune har et utkast som ikke er sendt inn. Det blir ikke sendt inn og teller ikke.');
    const unconfirmed = await postForm(ctx, `/vurdering/runder/${round}/lukk`, {}, architect);
    expect(unconfirmed.status).toBe(200);
    expect((await reviewTables(ctx)).rounds[0]!.closed_at).toBeNull();
  });
});
