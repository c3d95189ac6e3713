import { describe, expect, it } from 'vitest';
import { createSetupLink } from '../../src/commands/invites.ts';
import { createTestUser, htmx, postForm, postShown, sessionCookie, signIn, testApp, textOf, type TestContext } from '../helpers.ts';

const linkIn = (html: string) => /value="http:\/\/localhost(\/invitasjon\/[\w-]+)"/.exec(html)?.[1];
const actions = async (ctx: TestContext) => (await ctx.db.selectFrom('audit_event').select('action').orderBy('id').execute()).map((a) => a.action);

describe('invitations', () => {
  it('invites a municipality user with a one-time link that signs the new user in', async () => {
    const ctx = await testApp();
    const admin = await signIn(ctx, 'administrator');
    const created = await postForm(ctx, '/admin/invitasjoner', { email: 'Ola@Bergen.kommune.no', role: 'municipality', municipality: '4601' }, admin);
    expect(created.status).toBe(200);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const html = await created.text();
    expect(textOf(html)).toContain('Invitasjonen til ola@bergen.kommune.no er laget');
    const link = linkIn(html)!;
    expect(link).toBeDefined();
    expect(textOf(await (await ctx.app.request('/admin/invitasjoner', { headers: admin })).text())).toContain('Bergen (4601)');

    const form = await ctx.app.request(link);
    expect(form.status).toBe(200);
    expect(textOf(await form.text())).toContain('Du er invitert med rollen Kommune for Bergen');

    const weak = await postForm(ctx, link, { name: 'Ola Nordmann', password: 'kort', passwordRepeat: 'kort' });
    expect(weak.status).toBe(422);
    const weakHtml = await weak.text();
    expect(weakHtml).toMatch(/id="felt-password-feil"[^>]*>Passordet må ha minst 12 tegn\./);
    expect(weakHtml).toContain('aria-invalid="true"');

    const accepted = await postForm(ctx, link, { name: 'Ola Nordmann', password: 'et langt og godt passord', passwordRepeat: 'et langt og godt passord' });
    expect(accepted.status).toBe(303);
    const session = { Cookie: sessionCookie(accepted)! };
    expect(textOf(await (await ctx.app.request('/', { headers: session })).text())).toContain('Ola Nordmann (Kommune)');
    const user = await ctx.db.selectFrom('app_user').selectAll().where('email', '=', 'ola@bergen.kommune.no').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: 'municipality', municipality_number: '4601', organisation_id: null, disabled_at: null });

    expect((await ctx.app.request(link)).status).toBe(410);
    expect((await postForm(ctx, link, { name: 'Noen andre', password: 'et langt og godt passord', passwordRepeat: 'et langt og godt passord' })).status).toBe(410);
    expect((await actions(ctx)).slice(-4)).toEqual(['invite.create', 'user.create', 'invite.use', 'login']);
    await ctx.db.destroy();
  });

  it('expires after INVITE_HOURS and can be revoked', async () => {
    const ctx = await testApp({ config: { INVITE_HOURS: '2' } });
    const admin = await signIn(ctx, 'administrator');
    const first = linkIn(await (await postForm(ctx, '/admin/invitasjoner', { email: 'a@test.no', role: 'reader' }, admin)).text())!;
    const second = linkIn(await (await postForm(ctx, '/admin/invitasjoner', { email: 'b@test.no', role: 'architect' }, admin)).text())!;
    const invite = await ctx.db.selectFrom('invite').select('id').where('email', '=', 'b@test.no').executeTakeFirstOrThrow();
    const revoked = await postForm(ctx, `/admin/invitasjoner/${invite.id}/trekk-tilbake`, {}, admin);
    expect(revoked.status).toBe(303);
    expect((await ctx.app.request(second)).status).toBe(410);
    expect((await ctx.app.request(first)).status).toBe(200);
    ctx.clock.advance({ hours: 2 });
    expect((await ctx.app.request(first)).status).toBe(410);
    expect((await ctx.app.request('/invitasjon/ikke-en-ekte-lenke')).status).toBe(404);
    await ctx.db.destroy();
  });

  it('says what is wrong with an invitation, beside the field at fault', async () => {
    const ctx = await testApp();
    const admin = await signIn(ctx, 'administrator');
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ email: 'ikke-en-adresse', role: 'reader' }, 'email', 'Skriv en gyldig e-postadresse'],
      [{ email: 'k@test.no', role: 'municipality' }, 'municipality', 'En kommunebruker må høre til en kommune'],
      [{ email: 'o@test.no', role: 'organisation' }, 'organisation', 'En organisasjonsbruker må høre til en organisasjon'],
      [{ email: 'k@test.no', role: 'municipality', municipality: '9999' }, 'municipality', 'Det finnes ingen kommune med nummeret 9999'],
      [{ email: 'administrator@test.no', role: 'reader' }, 'email', 'Det finnes allerede en bruker med denne e-postadressen'],
      [{ email: 'x@test.no', role: 'keiser' }, 'role', 'Velg en av rollene i listen'],
      // A binding the role cannot have is refused beside its field, not dropped.
      [{ email: 'r@test.no', role: 'reader', municipality: '0301' }, 'municipality', 'Rollen Leser hører ikke til en kommune'],
      [{ email: 'o@test.no', role: 'organisation', municipality: '0301' }, 'municipality', 'Rollen Organisasjon hører ikke til en kommune'],
      [{ email: 'k@test.no', role: 'municipality', municipality: '0301', organisation: '1' }, 'organisation', 'Rollen Kommune hører ikke til en organisasjon'],
    ];
    for (const [fields, field, message] of cases) {
      const res = await postForm(ctx, '/admin/invitasjoner', fields, admin);
      expect(res.status, message).toBe(422);
      expect(await res.text(), message).toMatch(new RegExp(`id="felt-${field}-feil"[^>]*>${message}`));
    }
    await postForm(ctx, '/admin/invitasjoner', { email: 'to@test.no', role: 'reader' }, admin);
    const twice = await postForm(ctx, '/admin/invitasjoner', { email: 'to@test.no', role: 'reader' }, admin);
    expect(textOf(await twice.text())).toContain('Det finnes allerede en ventende invitasjon til denne adressen');
    expect(await ctx.db.selectFrom('invite').select('email').execute()).toEqual([{ email: 'to@test.no' }]);
    expect(await ctx.db.selectFrom('app_user').select('email').execute()).toEqual([{ email: 'administrator@test.no' }]);
    await ctx.db.destroy();
  });

  it('offers the binding field the chosen role needs, and none for the other roles', async () => {
    const ctx = await testApp();
    const admin = await signIn(ctx, 'administrator');
    // What htmx asks for when the role changes; a value the new role cannot have is not carried over.
    const fields = async (query: string) => {
      const res = await ctx.app.request(`/admin/invitasjoner?${query}`, { headers: { ...admin, ...htmx } });
      expect(res.status).toBe(200);
      // Only the fields the role needs: htmx would turn a <noscript> fallback into real, hidden fields.
      return res.text();
    };
    const municipality = await fields('role=municipality&organisation=1');
    expect(municipality).toContain('id="felt-municipality"');
    expect(municipality).not.toContain('id="felt-organisation"');
    expect(municipality).not.toContain('<html');
    const organisation = await fields('role=organisation&municipality=0301');
    expect(organisation).toContain('id="felt-organisation"');
    expect(organisation).not.toContain('id="felt-municipality"');
    expect(await fields('role=architect&municipality=0301')).not.toMatch(/felt-(municipality|organisation)"/);
    // The user form does the same at the user's own address.
    const reader = await createTestUser(ctx, 'reader');
    const user = await ctx.app.request(`/admin/brukere/${reader.id}?role=municipality`, { headers: { ...admin, ...htmx } });
    expect(await user.text()).toContain('id="felt-municipality"');
    // Without JavaScript the page has every field, so the form still works.
    const page = await (await ctx.app.request('/admin/invitasjoner', { headers: admin })).text();
    expect(page).toContain('id="felt-municipality"');
    expect(page).toContain('id="felt-organisation"');
    await ctx.db.destroy();
  });
});

describe('the first-start setup link', () => {
  it('creates the first administrator once, and no link is made once one exists', async () => {
    const ctx = await testApp();
    const token = (await createSetupLink(ctx.db, ctx.config, ctx.clock.now()))!;
    const link = `/invitasjon/${token}`;
    const page = await ctx.app.request(link);
    expect(textOf(await page.text())).toContain('Opprett den første administratoren');
    expect(page.headers.get('cache-control')).toBe('no-store'); // a secret link's page stays out of caches
    const res = await postForm(ctx, link, { email: 'Sjef@ehelse.no', name: 'Sjefen', password: 'et langt og godt passord', passwordRepeat: 'et langt og godt passord' });
    expect(res.status).toBe(303);
    expect((await ctx.app.request('/admin', { headers: { Cookie: sessionCookie(res)! } })).status).toBe(200);
    expect((await ctx.app.request(link)).status).toBe(410);
    expect(await createSetupLink(ctx.db, ctx.config, ctx.clock.now())).toBeNull();
    await ctx.db.destroy();
  });

  it('expires after SETUP_LINK_MINUTES, a newer link replaces an older, and it stops working once an administrator exists', async () => {
    const ctx = await testApp();
    const older = (await createSetupLink(ctx.db, ctx.config, ctx.clock.now()))!;
    const newer = (await createSetupLink(ctx.db, ctx.config, ctx.clock.now()))!;
    expect((await ctx.app.request(`/invitasjon/${older}`)).status).toBe(410);
    expect((await ctx.app.request(`/invitasjon/${newer}`)).status).toBe(200);
    ctx.clock.advance({ minutes: 60 });
    expect((await ctx.app.request(`/invitasjon/${newer}`)).status).toBe(410);

    const latest = (await createSetupLink(ctx.db, ctx.config, ctx.clock.now()))!;
    await signIn(ctx, 'administrator'); // made some other way, e.g. `npm run user -- add`
    const res = await postForm(ctx, `/invitasjon/${latest}`, { email: 'b@test.no', name: 'B', password: 'et langt og godt passord', passwordRepeat: 'et langt og godt passord' });
    expect(res.status).toBe(410);
    expect(await ctx.db.selectFrom('app_user').select('email').where('role', '=', 'administrator').execute()).toEqual([{ email: 'administrator@test.no' }]);
    await ctx.db.destroy();
  });
});

describe('users and organisations', () => {
  it('binds an organisation user to an organisation an administrator keeps', async () => {
    const ctx = await testApp();
    const admin = await signIn(ctx, 'administrator');
    expect((await postForm(ctx, '/admin/organisasjoner', { name: 'KS', kind: 'KS', contact: 'ks@ks.no' }, admin)).status).toBe(303);
    const duplicate = await postForm(ctx, '/admin/organisasjoner', { name: 'KS', kind: 'annet', contact: '' }, admin);
    expect(duplicate.status).toBe(422);
    expect(await duplicate.text()).toMatch(/id="felt-name-feil"[^>]*>Det finnes allerede en organisasjon med dette navnet\./);
    const ks = await ctx.db.selectFrom('organisation').select('id').where('name', '=', 'KS').executeTakeFirstOrThrow();

    const reader = await signIn(ctx, 'reader');
    const user = ctx.users.get('reader')!;
    const noBinding = await postShown(ctx, `/admin/brukere/${user.id}`, { name: 'Lise', email: user.email, role: 'organisation', active: 'on' }, admin);
    expect(noBinding.status).toBe(422);
    expect(await noBinding.text()).toMatch(/id="felt-organisation-feil"[^>]*>En organisasjonsbruker må høre til en organisasjon/);
    // A municipality as well is refused beside its field, not silently dropped: the administrator may have meant another role.
    const both = await postShown(ctx, `/admin/brukere/${user.id}`, { name: 'Lise', email: user.email, role: 'organisation', organisation: String(ks.id), municipality: '0301', active: 'on' }, admin);
    expect(both.status).toBe(422);
    expect(await both.text()).toMatch(/id="felt-municipality-feil"[^>]*>Rollen Organisasjon hører ikke til en kommune/);
    expect(await ctx.db.selectFrom('app_user').select(['name', 'role']).where('id', '=', user.id).executeTakeFirstOrThrow()).toEqual({ name: 'Test reader', role: 'reader' });
    const bound = await postShown(ctx, `/admin/brukere/${user.id}`, { name: 'Lise', email: user.email, role: 'organisation', organisation: String(ks.id), municipality: '', active: 'on' }, admin);
    expect(bound.status).toBe(303);
    const row = await ctx.db.selectFrom('app_user').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'Lise', role: 'organisation', organisation_id: ks.id, municipality_number: null });
    // The new role takes effect on the next request of the session the user already has.
    expect(textOf(await (await ctx.app.request('/', { headers: reader })).text())).toContain('Lise (Organisasjon)');
    const page = textOf(await (await ctx.app.request(`/admin/organisasjoner/${ks.id}`, { headers: admin })).text());
    expect(page).toContain('Lise (Organisasjon, reader@test.no)');
    const change = await ctx.db.selectFrom('audit_event').select(['before_json', 'after_json']).where('action', '=', 'user.update').executeTakeFirstOrThrow();
    expect(JSON.parse(change.before_json!)).toMatchObject({ role: 'reader', organisationId: null });
    expect(JSON.parse(change.after_json!)).toMatchObject({ role: 'organisation', organisationId: ks.id });
    expect(change.before_json).not.toContain('scrypt');
    await ctx.db.destroy();
  });
});
