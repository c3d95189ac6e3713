import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRound, requirementIds } from '../../consultation-fixtures.ts';
import { createTestUser, htmx, postForm, sameOrigin, signIn, signInAs, testApp, textOf, type TestContext } from '../../helpers.ts';
import { frozenIds, openRound } from '../review/helpers.ts';

// Finding 1: forms that overwrote another user's change silently. For each: two sessions open the
// same form, one saves, the other (now stale) saves: exactly one write, one 409 showing both values.
let ctx: TestContext;
beforeEach(async () => {
  ctx = await testApp();
});
afterEach(() => ctx.db.destroy());

const versionIn = (html: string) => /name="version" value="([^"]+)"/.exec(html)?.[1];
async function shownVersion(path: string, headers: Record<string, string>): Promise<string> {
  const html = await (await ctx.app.request(path, { headers })).text();
  const version = versionIn(html);
  expect(version, `no version field on ${path}`).toBeDefined();
  return version!;
}
const audited = async (action: string) => (await ctx.db.selectFrom('audit_event').select('id').where('action', '=', action).execute()).length;

describe('the intention declaration', () => {
  it('refuses the stale form of a second user with 409, both values shown, nothing written', async () => {
    const oslo = await signIn(ctx, 'municipality');
    const architect = await signIn(ctx, 'architect');
    const path = '/vurdering/intensjon/0301';
    const [mine, theirs] = [await shownVersion(path, oslo), await shownVersion(path, architect)];
    expect(mine).toBe(theirs);

    const first = await postForm(ctx, path, { status: 'declined', date: '2026-11-20', reference: 'Sak 1', version: mine }, oslo);
    expect(first.status).toBe(303);
    const stale = await postForm(ctx, path, { status: 'signed', date: '2026-11-21', reference: 'Sak 2', version: theirs }, architect);
    expect(stale.status).toBe(409);
    const text = textOf(await stale.clone().text());
    expect(text).toContain('Noen andre har endret erklæringen etter at du åpnet skjemaet');
    expect(text).toMatch(/Status\s+Signert\s+Takket nei/);
    expect(text).toMatch(/Dokumentreferanse\s+Sak 2\s+Sak 1/);
    const row = await ctx.db.selectFrom('intention_declaration').select(['status', 'reference']).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'declined', reference: 'Sak 1' });
    expect(await audited('intention.update')).toBe(1);

    // The 409's form carries the stored version: saving it again is a deliberate choice and goes through.
    const again = await postForm(ctx, path, { status: 'signed', date: '2026-11-21', reference: 'Sak 2', version: versionIn(await stale.text())! }, architect);
    expect(again.status).toBe(303);
    expect(await audited('intention.update')).toBe(2);
  });
});

describe('the consultation round edit', () => {
  it('refuses a second architect’s stale form (only the deadline changed) with 409: the first’s title and removed element stay', async () => {
    const [first, second] = await requirementIds(ctx.db);
    const round = await makeRound(ctx.db, { title: 'Høring om kravene', elements: [first!, second!] });
    const anna = await signIn(ctx, 'architect');
    const bjorn = await signInAs(ctx, await createTestUser(ctx, 'architect', { email: 'bjorn@test.no', name: 'Bjørn' }));
    const path = `/horing/${round.id}`;
    const [annaVersion, bjornVersion] = [await shownVersion(`${path}/rediger`, anna), await shownVersion(`${path}/rediger`, bjorn)];
    const fields = { description: '', phase: 'forprosjekt', opensOn: '2026-11-01' };

    const saved = await postFormMulti(path, { ...fields, title: 'Høring om kravene, ny tittel', closesOn: '2026-12-15', version: annaVersion }, [first!], anna);
    expect(saved.status).toBe(303);
    const stale = await postFormMulti(path, { ...fields, title: 'Høring om kravene', closesOn: '2026-12-20', version: bjornVersion }, [first!, second!], bjorn);
    expect(stale.status).toBe(409);
    const text = textOf(await stale.text());
    expect(text).toContain('Noen andre har endret høringsrunden etter at du åpnet skjemaet');
    expect(text).toMatch(/Tittel\s+Høring om kravene\s+Høring om kravene, ny tittel/);
    expect(text).toMatch(/Frist\s+2026-12-20\s+2026-12-15/);
    const stored = await ctx.db.selectFrom('consultation_round').select(['title', 'closes_on']).where('id', '=', round.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ title: 'Høring om kravene, ny tittel', closes_on: '2026-12-15' });
    expect(await ctx.db.selectFrom('consultation_item').select('element_id').where('round_id', '=', round.id).execute()).toEqual([{ element_id: first }]);
    expect(await audited('consultation.round.update')).toBe(1);
  });
});

function postFormMulti(path: string, fields: Record<string, string>, elements: number[], headers: Record<string, string>) {
  const body = new URLSearchParams(fields);
  for (const id of elements) body.append('elements', String(id));
  return ctx.app.request(path, { method: 'POST', body: body.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...sameOrigin, ...headers } });
}

describe('the administrator’s organisation and user forms', () => {
  it('refuse a second administrator’s stale organisation form with 409: one write', async () => {
    const first = await signIn(ctx, 'administrator');
    const second = await signInAs(ctx, await createTestUser(ctx, 'administrator', { email: 'admin2@test.no', name: 'Admin 2' }));
    expect((await postForm(ctx, '/admin/organisasjoner', { name: 'KS', kind: 'KS', contact: '' }, first)).status).toBe(303);
    const { id } = await ctx.db.selectFrom('organisation').select('id').where('name', '=', 'KS').executeTakeFirstOrThrow();
    const path = `/admin/organisasjoner/${id}`;
    const [v1, v2] = [await shownVersion(path, first), await shownVersion(path, second)];
    expect((await postForm(ctx, path, { name: 'KS', kind: 'KS', contact: 'post@ks.no', version: v1 }, first)).status).toBe(303);
    const stale = await postForm(ctx, path, { name: 'Kommunesektorens organisasjon', kind: 'KS', contact: '', version: v2 }, second);
    expect(stale.status).toBe(409);
    const text = textOf(await stale.text());
    expect(text).toContain('Noen andre har endret organisasjonen etter at du åpnet skjemaet');
    expect(text).toMatch(/Navn\s+Kommunesektorens organisasjon\s+KS/);
    expect(text).toMatch(/Kontakt\s+–\s+post@ks\.no/);
    expect(await ctx.db.selectFrom('organisation').select(['name', 'contact']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ name: 'KS', contact: 'post@ks.no' });
    expect(await audited('organisation.update')).toBe(1);
  });

  it('refuse a second administrator’s stale user form with 409: one write', async () => {
    const first = await signIn(ctx, 'administrator');
    const second = await signInAs(ctx, await createTestUser(ctx, 'administrator', { email: 'admin2@test.no', name: 'Admin 2' }));
    const reader = await createTestUser(ctx, 'reader', { name: 'Lise' });
    const path = `/admin/brukere/${reader.id}`;
    const [v1, v2] = [await shownVersion(path, first), await shownVersion(path, second)];
    const fields = { email: reader.email, role: 'reader', active: 'on' };
    expect((await postForm(ctx, path, { ...fields, name: 'Lise Nordmann', version: v1 }, first)).status).toBe(303);
    const stale = await postForm(ctx, path, { ...fields, name: 'Lise', role: 'architect', version: v2 }, second);
    expect(stale.status).toBe(409);
    const text = textOf(await stale.text());
    expect(text).toContain('Noen andre har endret brukeren etter at du åpnet skjemaet');
    expect(text).toMatch(/Navn\s+Lise\s+Lise Nordmann/);
    expect(text).toMatch(/Rolle\s+Arkitekt\s+Leser/);
    expect(await ctx.db.selectFrom('app_user').select(['name', 'role']).where('id', '=', reader.id).executeTakeFirstOrThrow()).toEqual({ name: 'Lise Nordmann', role: 'reader' });
    expect(await audited('user.update')).toBe(1);
  });
});

describe('the review’s per-service autosave', () => {
  it('refuses the stale autosave of a second user of the same municipality with 409, both answers shown', async () => {
    const round = await openRound(ctx);
    const ids = await frozenIds(ctx, round);
    const anne = await signIn(ctx, 'municipality');
    const per = await signInAs(ctx, await createTestUser(ctx, 'municipality', { email: 'per@oslo.kommune.no', name: 'Per' }));
    const path = `/vurdering/runder/${round}/kommuner/0301`;
    const id = ids.multidose!;
    const shown = async (headers: Record<string, string>) => new RegExp(`name="vist-${id}" value="([^"]+)"`).exec(await (await ctx.app.request(path, { headers })).text())?.[1];
    const [annesBasis, persBasis] = [await shown(anne), await shown(per)];
    expect(annesBasis).toBeDefined();
    expect(annesBasis).toBe(persBasis);
    // The page's autosave sends the basis with the answer.
    expect(await (await ctx.app.request(path, { headers: anne })).text()).toContain(`hx-params="standpunkt-${id},kommentar-${id},vist-${id}"`);

    const autosave = (fields: Record<string, string>, headers: Record<string, string>) => postForm(ctx, `${path}/tjenester/${id}`, fields, { ...headers, ...htmx });
    const first = await autosave({ [`standpunkt-${id}`]: 'opposes', [`kommentar-${id}`]: 'Ikke nå', [`vist-${id}`]: annesBasis! }, anne);
    expect(first.status).toBe(200);
    const stale = await autosave({ [`standpunkt-${id}`]: 'supports', [`kommentar-${id}`]: '', [`vist-${id}`]: persBasis! }, per);
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(textOf(html)).toContain('Ikke lagret: noen andre har lagret et annet svar etter at du åpnet siden. Lagret nå: Støtter ikke – «Ikke nå». Ditt svar: Støtter.');
    expect(await ctx.db.selectFrom('review_stance').select(['stance', 'comment']).execute()).toEqual([{ stance: 'opposes', comment: 'Ikke nå' }]);
    expect(await audited('review.save')).toBe(1);

    // The 409 moved the page's basis to the stored answer: answering again replaces it on purpose.
    const moved = /name="vist-\d+" value="([^"]+)"/.exec(html)?.[1];
    expect((await autosave({ [`standpunkt-${id}`]: 'supports', [`kommentar-${id}`]: '', [`vist-${id}`]: moved! }, per)).status).toBe(200);
    expect(await audited('review.save')).toBe(2);
  });
});

// A versioned form posted without the version it showed (made by hand, or kept from before versions
// existed) could overwrite a newer change unseen: it is refused with 422 and a message that says to
// load the page again, and nothing is written.
describe('a versioned form posted without its version', () => {
  it('is refused with 422 and nothing written, for every versioned form', async () => {
    const admin = await signIn(ctx, 'administrator');
    const architect = await signIn(ctx, 'architect');
    const oslo = await signIn(ctx, 'municipality');
    const organisationId = (
      await ctx.db
        .insertInto('organisation')
        .values({ name: 'KS', kind: 'KS', contact: '', created_at: ctx.clock.now().toISOString(), updated_at: ctx.clock.now().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const reader = await createTestUser(ctx, 'reader', { email: 'lise@test.no', name: 'Lise' });
    const round = await makeRound(ctx.db, { title: 'Høring', elements: (await requirementIds(ctx.db)).slice(0, 1) });
    const reviewRound = await openRound(ctx);
    const service = (await frozenIds(ctx, reviewRound)).multidose!;
    const htmxFragment = { ...oslo, ...htmx };
    const posts: Array<[string, Record<string, string>, Record<string, string>]> = [
      ['/vurdering/intensjon/0301', { status: 'signed', date: '2026-11-20', reference: '' }, oslo],
      [`/horing/${round.id}`, { title: 'Ny tittel', description: '', phase: 'forprosjekt', opensOn: '2026-11-01', closesOn: '2026-12-15' }, architect],
      [`/admin/organisasjoner/${organisationId}`, { name: 'KS ny', kind: 'KS', contact: '' }, admin],
      [`/admin/brukere/${reader.id}`, { name: 'Lise ny', email: 'lise@test.no', role: 'reader', active: 'on' }, admin],
      [`/vurdering/runder/${reviewRound}/kommuner/0301`, { handling: 'lagre', [`standpunkt-${service}`]: 'opposes', [`kommentar-${service}`]: '' }, oslo],
      [`/vurdering/runder/${reviewRound}/kommuner/0301/tjenester/${service}`, { [`standpunkt-${service}`]: 'opposes', [`kommentar-${service}`]: '' }, htmxFragment],
    ];
    const everything = async () =>
      Promise.all([
        ctx.db.selectFrom('audit_event').select('id').execute(),
        ctx.db.selectFrom('intention_declaration').selectAll().execute(),
        ctx.db.selectFrom('consultation_round').selectAll().execute(),
        ctx.db.selectFrom('organisation').selectAll().execute(),
        ctx.db.selectFrom('app_user').select(['id', 'name']).execute(),
        ctx.db.selectFrom('review_stance').selectAll().execute(),
      ]);
    const before = await everything();
    for (const [path, fields, headers] of posts) {
      const res = await postForm(ctx, path, fields, headers);
      expect(res.status, path).toBe(422);
      expect(textOf(await res.text()), path).toContain('Skjemaet sier ikke hvilken versjon det viste');
    }
    expect(await everything()).toEqual(before);
  });
});
