import { describe, expect, it } from 'vitest';
import { createTestUser, postForm, postShown, sessionCookie, signIn, signInAs, testApp, textOf, type TestContext, type TestUser } from '../../helpers.ts';

const newPassword = 'et helt nytt og langt passord';
const linkIn = (html: string) => /value="http:\/\/localhost(\/nytt-passord\/[\w-]+)"/.exec(html)?.[1];

/** An administrator makes a reset link for the user on the user's page; the link as the page shows it. */
async function makeLink(ctx: TestContext, user: TestUser): Promise<string> {
  const res = await postForm(ctx, `/admin/brukere/${user.id}/nytt-passord`, {}, await signIn(ctx, 'administrator'));
  expect(res.status).toBe(200);
  // Shown this once: never from a cache.
  expect(res.headers.get('cache-control')).toBe('no-store');
  const html = await res.text();
  expect(textOf(html)).toContain(`Lenken for nytt passord til ${user.email} er laget`);
  return linkIn(html)!;
}

const choose = (ctx: TestContext, link: string, password = newPassword, repeat = password) => postForm(ctx, link, { password, passwordRepeat: repeat });

/** Whether the cookie still belongs to a signed-in user. */
async function signedIn(ctx: TestContext, headers: { Cookie: string }): Promise<boolean> {
  return textOf(await (await ctx.app.request('/', { headers })).text()).includes('Logg ut');
}

async function canSignIn(ctx: TestContext, email: string, password: string): Promise<boolean> {
  return (await postForm(ctx, '/login', { email, password })).status === 303;
}

describe('a link for a new password', () => {
  it('lets the user choose a new password once, ends the other sessions and is audited', async () => {
    const ctx = await testApp();
    const user = await createTestUser(ctx, 'architect', { name: 'Kari Arkitekt' });
    const laptop = await signInAs(ctx, user);
    const phone = await signInAs(ctx, user);
    const link = await makeLink(ctx, user);

    const form = await ctx.app.request(link);
    expect(form.status).toBe(200);
    expect(textOf(await form.text())).toContain('architect@test.no');

    // The same rules as sign-up; a refusal changes nothing.
    const weak = await choose(ctx, link, 'kort');
    expect(weak.status).toBe(422);
    expect(await weak.text()).toMatch(/id="felt-password-feil"[^>]*>Passordet må ha minst 12 tegn\./);
    const different = await choose(ctx, link, newPassword, 'noe annet helt');
    expect(different.status).toBe(422);
    expect(await different.text()).toMatch(/id="felt-passwordRepeat-feil"[^>]*>Passordene er ikke like\./);
    expect(await signedIn(ctx, laptop)).toBe(true);

    const chosen = await choose(ctx, link);
    expect(chosen.status).toBe(303);
    expect(chosen.headers.get('location')).toBe('/');
    expect(await signedIn(ctx, { Cookie: sessionCookie(chosen)! })).toBe(true);
    expect(await signedIn(ctx, laptop)).toBe(false);
    expect(await signedIn(ctx, phone)).toBe(false);
    expect(await canSignIn(ctx, user.email, user.password)).toBe(false);
    expect(await canSignIn(ctx, user.email, newPassword)).toBe(true);

    // Used once: a second use says so and changes nothing.
    const again = await ctx.app.request(link);
    expect(again.status).toBe(410);
    expect(textOf(await again.text())).toContain('Lenken er allerede brukt, erstattet av en nyere eller utløpt');
    expect((await choose(ctx, link, 'et tredje langt passord')).status).toBe(410);
    expect(await canSignIn(ctx, user.email, newPassword)).toBe(true);

    const audit = await ctx.db.selectFrom('audit_event').select(['action', 'user_id', 'entity_id', 'details']).where('entity_id', '=', String(user.id)).orderBy('id').execute();
    const admin = ctx.users.get('administrator')!;
    expect(audit.filter((a) => a.action.startsWith('password') || a.action === 'session.end')).toEqual([
      { action: 'password-reset.create', user_id: admin.id, entity_id: String(user.id), details: null },
      { action: 'session.end', user_id: user.id, entity_id: String(user.id), details: 'password-changed' },
      { action: 'password-reset.use', user_id: user.id, entity_id: String(user.id), details: null },
    ]);
    await ctx.db.destroy();
  });

  it('stores only a hash of the token, and keeps the token and the password out of the audit log', async () => {
    const ctx = await testApp();
    const user = await createTestUser(ctx, 'reader');
    const link = await makeLink(ctx, user);
    const token = link.split('/').pop()!;
    expect(token.length).toBeGreaterThanOrEqual(32);
    // The page at the link names the user: no cache may keep it.
    const page = await ctx.app.request(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    await choose(ctx, link);
    const stored = JSON.stringify(await ctx.db.selectFrom('invite').selectAll().execute());
    expect(stored).toContain('"purpose":"reset"');
    expect(stored).not.toContain(token);
    const audit = JSON.stringify(await ctx.db.selectFrom('audit_event').selectAll().execute());
    expect(audit).not.toContain(token);
    expect(audit).not.toContain(newPassword);
    const hash = await ctx.db.selectFrom('app_user').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(hash.password_hash).not.toContain(newPassword);
    await ctx.db.destroy();
  });

  it('expires after PASSWORD_RESET_HOURS, and a newer link replaces an older one', async () => {
    const ctx = await testApp({ config: { PASSWORD_RESET_HOURS: '2' } });
    const user = await createTestUser(ctx, 'reader');
    const older = await makeLink(ctx, user);
    const newer = await makeLink(ctx, user);
    expect((await ctx.app.request(older)).status).toBe(410);
    expect((await ctx.app.request(newer)).status).toBe(200);
    // The user's page says a link is pending, never what it is.
    const page = await (await ctx.app.request(`/admin/brukere/${user.id}`, { headers: await signIn(ctx, 'administrator') })).text();
    expect(textOf(page)).toContain('Det finnes en ubrukt lenke');
    expect(linkIn(page)).toBeUndefined();

    ctx.clock.advance({ hours: 2 });
    const expired = await ctx.app.request(newer);
    expect(expired.status).toBe(410);
    expect(textOf(await expired.text())).toContain('Be en administrator om en ny lenke');
    expect((await choose(ctx, newer)).status).toBe(410);
    expect(await canSignIn(ctx, user.email, user.password)).toBe(true);
    expect((await ctx.app.request('/nytt-passord/ingen-slik-lenke')).status).toBe(404);
    await ctx.db.destroy();
  });

  it('is no invitation, and an invitation is no reset link', async () => {
    const ctx = await testApp();
    const user = await createTestUser(ctx, 'reader');
    const reset = await makeLink(ctx, user);
    expect((await ctx.app.request(reset.replace('/nytt-passord/', '/invitasjon/'))).status).toBe(404);
    const admin = await signIn(ctx, 'administrator');
    const invited = await (await postForm(ctx, '/admin/invitasjoner', { email: 'ny@test.no', role: 'reader' }, admin)).text();
    const invite = /value="http:\/\/localhost\/invitasjon\/([\w-]+)"/.exec(invited)![1]!;
    expect((await ctx.app.request(`/nytt-passord/${invite}`)).status).toBe(404);
    // The pending reset link is not listed among invitations.
    expect(textOf(await (await ctx.app.request('/admin/invitasjoner', { headers: admin })).text())).not.toContain(user.email);
    // Nor withdrawn as one: the reset link keeps working.
    const resetId = (await ctx.db.selectFrom('invite').select('id').where('purpose', '=', 'reset').executeTakeFirstOrThrow()).id;
    expect((await postForm(ctx, `/admin/invitasjoner/${resetId}/trekk-tilbake`, {}, admin)).status).toBe(409);
    expect((await ctx.app.request(reset)).status).toBe(200);
    await ctx.db.destroy();
  });

  it('is not made for a disabled user, and stops working for good if the user is disabled', async () => {
    const ctx = await testApp();
    const user = await createTestUser(ctx, 'reader');
    const link = await makeLink(ctx, user);
    const admin = await signIn(ctx, 'administrator');
    expect((await postShown(ctx, `/admin/brukere/${user.id}`, { name: 'Test reader', email: user.email, role: 'reader' }, admin)).status).toBe(303);
    expect((await ctx.app.request(link)).status).toBe(410);
    const refused = await postForm(ctx, `/admin/brukere/${user.id}/nytt-passord`, {}, admin);
    expect(refused.status).toBe(409);
    expect(textOf(await refused.text())).toContain('Brukeren er deaktivert, så ingen lenke er laget');
    expect(await ctx.db.selectFrom('invite').select('id').where('purpose', '=', 'reset').execute()).toHaveLength(1);
    // Enabled again, the user still needs a new link: the old one was cancelled with the disabling.
    expect((await postShown(ctx, `/admin/brukere/${user.id}`, { name: 'Test reader', email: user.email, role: 'reader', active: 'on' }, admin)).status).toBe(303);
    expect((await ctx.app.request(link)).status).toBe(410);
    await ctx.db.destroy();
  });

  it('lets the user in where the role works, and a locked-out account signs in with the new password at once', async () => {
    const ctx = await testApp({ config: { TRUST_PROXY: 'true' } });
    const user = await createTestUser(ctx, 'municipality');
    const guess = (password: string) => postForm(ctx, '/login', { email: user.email, password }, { 'X-Forwarded-For': '192.0.2.10' });
    for (let i = 0; i < 5; i++) expect((await guess(`feil gjetning ${i}`)).status).toBe(401);
    expect((await guess(user.password)).status).toBe(429);
    const chosen = await choose(ctx, await makeLink(ctx, user));
    expect(chosen.headers.get('location')).toBe('/vurdering');
    expect((await ctx.app.request('/vurdering', { headers: { Cookie: sessionCookie(chosen)! } })).status).toBe(200);
    const elsewhere = await postForm(ctx, '/login', { email: user.email, password: newPassword }, { 'X-Forwarded-For': '192.0.2.20' });
    expect(elsewhere.status).toBe(303);
    await ctx.db.destroy();
  });
});
