import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postForm, postShown, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';
import { auditActions, closeRound, frozenIds, municipalityUser, openRound, reviewTables, submitReview } from './helpers.ts';
import { answerBasis } from '../../../model/review/schemas.ts';

let ctx: TestContext;
let round: number;
let ids: Record<string, number>;
let oslo: { Cookie: string };
const path = () => `/vurdering/runder/${round}/kommuner/0301`;

beforeEach(async () => {
  ctx = await testApp();
  round = await openRound(ctx);
  ids = await frozenIds(ctx, round);
  oslo = await signIn(ctx, 'municipality');
});
afterEach(() => ctx.db.destroy());

const get = async (p: string, headers: Record<string, string> = {}) => {
  const res = await ctx.app.request(p, { headers });
  return { status: res.status, html: await res.text() };
};
const stance = (key: string) => `standpunkt-${ids[key]}`;
const comment = (key: string) => `kommentar-${ids[key]}`;

/** Oslo's answers on three services. */
const three = () => ({
  [stance('multidose')]: 'supports',
  [stance('individuell-plan')]: 'supports-with-changes',
  [comment('individuell-plan')]: 'Planen må deles med fastlegen.',
  [stance('smitte-hos-pasient')]: 'opposes',
  [comment('smitte-hos-pasient')]: 'Dekkes av MSIS.',
});

describe('a municipality’s review', () => {
  it('saves a draft that only the municipality sees, and that counts nowhere yet', async () => {
    const saved = await postShown(ctx, path(), { handling: 'lagre', ...three() }, oslo);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${path()}?lagret`);

    const own = await get(`${path()}?lagret`, oslo);
    expect(textOf(own.html)).toContain('Utkastet er lagret.');
    expect(textOf(own.html)).toContain('Status: Utkast, sist lagret 26. november 2026 kl. 13:00 av Test municipality.');
    expect(own.html).toMatch(new RegExp(`name="${stance('individuell-plan')}"[^>]*>(?:(?!</select>)[\\s\\S])*<option value="supports-with-changes" selected`));
    expect(own.html).toContain('Planen må deles med fastlegen.');

    const architect = await get(path(), await signIn(ctx, 'architect'));
    expect(architect.status).toBe(200);
    expect(textOf(architect.html)).toContain('Innholdet i et utkast vises bare for kommunen selv.');
    expect(architect.html).not.toContain('Planen må deles med fastlegen.');
    expect(textOf((await get('/vurdering/dashbord')).html)).toContain('0 av 357 kommuner har sendt inn vurderingen');
  });

  it('submits, after which the review is read-only and counts on the dashboard', async () => {
    expect((await submitReview(ctx, path(), three(), oslo)).status).toBe(303);
    const own = await get(`${path()}?sendt`, oslo);
    const text = textOf(own.html);
    expect(text).toContain('Vurderingen er sendt inn. Takk!');
    expect(text).toContain('Vil dere endre noe, be prosjektet om å åpne vurderingen igjen.');
    expect(own.html).not.toContain('<select');
    expect(text).toContain('Individuell plan Standpunkt Støtter med endringer Kommentar Planen må deles med fastlegen.');
    expect(text).toContain('Multidose Leveransetrinn: Innen 2023 Standpunkt Støtter Kommentar Ingen kommentar');
    expect(text).toContain('Kriseplan (psykiatri) og andre betingede tiltaksplaner Standpunkt Ikke besvart');

    const dashboard = textOf((await get('/vurdering/dashbord')).html);
    expect(dashboard).toContain('1 av 357 kommuner har sendt inn vurderingen; den har 717 710 innbyggere (12,9 % av befolkningen).');

    // A second submission (or a draft) is refused: changes need an architect to reopen it.
    const before = await reviewTables(ctx);
    const again = await postShown(ctx, path(), { handling: 'lagre', [stance('multidose')]: 'opposes', [`vist-${ids.multidose}`]: answerBasis('supports', '') }, oslo);
    expect(again.status).toBe(409);
    expect(textOf(await again.text())).toContain('Be prosjektet om å åpne den igjen. Ingenting er lagret.');
    expect(await reviewTables(ctx)).toEqual(before);
    // A municipality cannot reopen its own review.
    expect((await postForm(ctx, `${path()}/gjenapne`, {}, oslo)).status).toBe(403);
  });

  it('can be reopened by an architect, changed and submitted again, every step audited', async () => {
    await submitReview(ctx, path(), three(), oslo);
    const architect = await signIn(ctx, 'architect');
    const submitted = await get(path(), architect);
    expect(textOf(submitted.html)).toContain('Dekkes av MSIS.'); // architects read submitted reviews
    expect((await postForm(ctx, `${path()}/gjenapne`, {}, architect)).status).toBe(303);
    expect((await postForm(ctx, `${path()}/gjenapne`, {}, architect)).status).toBe(409); // now a draft: nothing to reopen

    const reopened = textOf((await get(path(), oslo)).html);
    expect(reopened).toContain('Vurderingen er åpnet for endringer igjen; send den inn på nytt når dere er ferdige.');
    expect(textOf((await get('/vurdering/dashbord')).html)).toContain('0 av 357 kommuner har sendt inn');

    expect((await submitReview(ctx, path(), { ...three(), [stance('multidose')]: 'no-opinion' }, oslo)).status).toBe(303);
    const stances = await ctx.db.selectFrom('review_stance').select(['round_service_id', 'stance']).orderBy('round_service_id').execute();
    expect(stances.find((s) => s.round_service_id === ids.multidose)?.stance).toBe('no-opinion');
    expect(await auditActions(ctx)).toEqual(['user.create', 'baseline.freeze', 'review-round.open', 'user.create', 'review.save', 'review.submit', 'review.reopen', 'review.save', 'review.submit']);

    const last = (action: string) => ctx.db.selectFrom('audit_event').select(['before_json', 'after_json']).where('action', '=', action).orderBy('id', 'desc').executeTakeFirstOrThrow();
    const saved = await last('review.save');
    expect(JSON.parse(saved.before_json!)).toMatchObject({ status: 'draft', stances: { multidose: { stance: 'supports', comment: '' } } });
    expect(JSON.parse(saved.after_json!)).toMatchObject({ status: 'draft', stances: { multidose: { stance: 'no-opinion' } } });
    const submitLog = await last('review.submit');
    expect(JSON.parse(submitLog.before_json!)).toMatchObject({ status: 'draft', stances: { multidose: { stance: 'no-opinion' } } });
    expect(JSON.parse(submitLog.after_json!)).toMatchObject({ status: 'submitted', stances: { multidose: { stance: 'no-opinion' }, 'smitte-hos-pasient': { stance: 'opposes', comment: 'Dekkes av MSIS.' } } });
  });

  it('is not reopened once the round has closed', async () => {
    await submitReview(ctx, path(), three(), oslo);
    const architect = await signIn(ctx, 'architect');
    await closeRound(ctx, round, architect);
    const res = await postForm(ctx, `${path()}/gjenapne`, {}, architect);
    expect(res.status).toBe(409);
    expect(textOf(await res.text())).toContain('Åpne runden igjen først');
  });

  it('refuses bad input beside the field at fault (422), keeping what was typed and writing nothing', async () => {
    await postShown(ctx, path(), { handling: 'lagre', [stance('multidose')]: 'supports' }, oslo);
    const before = await reviewTables(ctx);
    const auditBefore = await auditActions(ctx);
    const res = await postShown(ctx, path(), { handling: 'send', [stance('multidose')]: 'opposes', [comment('individuell-plan')]: 'Uten standpunkt', [stance('smitte-hos-pasient')]: 'supports-with-changes' }, oslo);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(`id="felt-${stance('individuell-plan')}-feil">Velg et standpunkt til kommentaren, for eksempel «Ingen formening».`);
    expect(html).toContain(`id="felt-${comment('smitte-hos-pasient')}-feil">Skriv hvilke endringer kommunen ønsker.`);
    expect(html).toContain(`href="#felt-${stance('individuell-plan')}"`); // the summary links to the field
    expect(html).toContain('>Uten standpunkt</textarea>');
    expect(await reviewTables(ctx)).toEqual(before);
    expect(await auditActions(ctx)).toEqual(auditBefore);

    const stranger = await postShown(ctx, path(), { handling: 'lagre', 'standpunkt-999999': 'supports' }, oslo);
    expect(stranger.status).toBe(422);
    expect(textOf(await stranger.text())).toContain('Skjemaet har felt som ikke hører til denne runden: standpunkt-999999.');
  });
});

describe('who may read and write a review', () => {
  it('keeps a municipality to its own review: another municipality’s draft can be neither read nor changed', async () => {
    await postShown(ctx, path(), { handling: 'lagre', ...three() }, oslo);
    const bergen = await municipalityUser(ctx, '4601');
    const before = await reviewTables(ctx);
    const read = await get(path(), bergen);
    expect(read.status).toBe(403);
    expect(read.html).not.toContain('Planen må deles med fastlegen.');
    expect(textOf(read.html)).toContain('Du kan bare gjøre dette for din egen kommune eller organisasjon.');
    expect((await postShown(ctx, path(), { handling: 'send', [stance('multidose')]: 'opposes' }, bergen)).status).toBe(403);
    expect((await postForm(ctx, `${path()}/gjenapne`, {}, bergen)).status).toBe(403);
    expect(await reviewTables(ctx)).toEqual(before);

    // Its own is open to it.
    const own = `/vurdering/runder/${round}/kommuner/4601`;
    expect((await get(own, bergen)).status).toBe(200);
    expect((await submitReview(ctx, own, { [stance('multidose')]: 'opposes' }, bergen)).status).toBe(303);
    // …and once submitted, Oslo still cannot read it; an architect can.
    expect((await get(own, oslo)).status).toBe(403);
    expect((await get(own, await signIn(ctx, 'architect'))).status).toBe(200);
  });

  it('lets architects read but not write a municipality’s review, and keeps other roles out', async () => {
    const architect = await signIn(ctx, 'architect');
    expect((await postShown(ctx, path(), { handling: 'send', [stance('multidose')]: 'supports' }, architect)).status).toBe(403);
    for (const role of ['reader', 'organisation', 'administrator'] as const) {
      const headers = await signIn(ctx, role);
      expect((await get(path(), headers)).status, role).toBe(403);
      expect((await postShown(ctx, path(), { handling: 'lagre' }, headers)).status, role).toBe(403);
      expect((await get(`/vurdering/runder/${round}/eksport.csv`, headers)).status, role).toBe(403);
    }
    const anonymous = await ctx.app.request(path());
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe(`/login?neste=${encodeURIComponent(path())}`);
    expect((await postShown(ctx, path(), { handling: 'lagre' })).status).toBe(401);
    expect((await get(`/vurdering/runder/${round}/eksport.csv`, oslo)).status).toBe(403);
    expect((await reviewTables(ctx)).reviews).toEqual([]);
  });

  it('answers 404 for a municipality or round that does not exist, and 400 for a number that is not one', async () => {
    const architect = await signIn(ctx, 'architect');
    expect((await get(`/vurdering/runder/${round}/kommuner/9999`, architect)).status).toBe(404);
    expect((await get('/vurdering/runder/42/kommuner/0301', oslo)).status).toBe(404);
    const bad = await get(`/vurdering/runder/${round}/kommuner/oslo`, architect);
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain('Kommunenummeret har fire sifre');
  });
});
