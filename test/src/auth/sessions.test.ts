import { describe, expect, it } from 'vitest';
import { createTestUser, postForm, postShown, sameOrigin, sessionCookie, signIn, signInAs, testApp, textOf, type TestContext } from '../../helpers.ts';

/** Whether the cookie still opens the administration page (it redirects to sign-in otherwise). */
async function opensAdmin(ctx: TestContext, headers: Record<string, string>): Promise<boolean> {
  const res = await ctx.app.request('/admin', { headers });
  if (res.status === 200) return true;
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/login?neste=%2Fadmin');
  return false;
}

async function sessionEnds(ctx: TestContext) {
  return ctx.db.selectFrom('audit_event').select(['details', 'user_id']).where('action', '=', 'session.end').orderBy('id').execute();
}

describe('sessions', () => {
  it('sets an HttpOnly, SameSite=Lax cookie and shows who is signed in', async () => {
    const ctx = await testApp();
    const user = await createTestUser(ctx, 'architect', { name: 'Kari Arkitekt' });
    const res = await postForm(ctx, '/login', { email: 'ARCHITECT@test.no ', password: user.password, neste: '/krav' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/krav');
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^akson-sesjon=[\w-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    const page = textOf(await (await ctx.app.request('/', { headers: { Cookie: sessionCookie(res)! } })).text());
    expect(page).toContain('Kari Arkitekt (Arkitekt)');
    expect(page).toContain('Logg ut');
    expect(textOf(await (await ctx.app.request('/')).text())).toContain('Logg inn');
    // Never back to another site, whatever the form says.
    const away = await postForm(ctx, '/login', { email: user.email, password: user.password, neste: '//angriper.example/' });
    expect(away.headers.get('location')).toBe('/');
    await ctx.db.destroy();
  });

  it('is __Host- prefixed and Secure over HTTPS, and falls back to a plain cookie for plain-HTTP local use', async () => {
    const ctx = await testApp();
    const user = await createTestUser(ctx, 'reader');
    const login = (url: string, app = ctx.app) =>
      app.request(url, {
        method: 'POST',
        body: new URLSearchParams({ email: user.email, password: user.password }).toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: new URL(url).origin },
      });
    const overHttps = await login('https://akson.example.no/login');
    const https = overHttps.headers.get('set-cookie')!;
    expect(https).toMatch(/^__Host-akson-sesjon=/);
    expect(https).toContain('Secure');
    expect(https).not.toContain('Domain');
    const page = await ctx.app.request('https://akson.example.no/', { headers: { Cookie: sessionCookie(overHttps)! } });
    expect(textOf(await page.text())).toContain('Test reader (Leser)');
    const http = (await login('http://localhost/login')).headers.get('set-cookie')!;
    expect(http).toMatch(/^akson-sesjon=/);
    expect(http).not.toContain('Secure');

    const forced = await testApp({ config: { COOKIE_SECURE: 'true' } });
    await createTestUser(forced, 'reader');
    expect((await login('http://localhost/login', forced.app)).headers.get('set-cookie')).toMatch(/^__Host-akson-sesjon=.*Secure/);
    await forced.db.destroy();
    await ctx.db.destroy();
  });

  it('gets a new session id at sign-in, and the one the browser came with stops working', async () => {
    const ctx = await testApp();
    const admin = await createTestUser(ctx, 'administrator');
    const first = await signInAs(ctx, admin);
    const res = await postForm(ctx, '/login', { email: admin.email, password: admin.password }, first);
    const second = sessionCookie(res)!;
    expect(second).not.toBe(first.Cookie);
    expect(await opensAdmin(ctx, { Cookie: second })).toBe(true);
    expect(await opensAdmin(ctx, first)).toBe(false);
    expect((await sessionEnds(ctx)).map((e) => e.details)).toEqual(['replaced']);

    // A session id planted in the browser before sign-in is ignored and replaced.
    const planted = await postForm(ctx, '/login', { email: admin.email, password: admin.password }, { Cookie: 'akson-sesjon=plantet-av-angriper' });
    expect(sessionCookie(planted)).not.toContain('plantet');
    expect(await opensAdmin(ctx, { Cookie: 'akson-sesjon=plantet-av-angriper' })).toBe(false);
    await ctx.db.destroy();
  });

  it('ends after 30 idle minutes, and activity keeps it alive', async () => {
    const ctx = await testApp();
    const session = await signIn(ctx, 'administrator');
    ctx.clock.advance({ minutes: 29 });
    expect(await opensAdmin(ctx, session)).toBe(true);
    ctx.clock.advance({ minutes: 29 });
    expect(await opensAdmin(ctx, session)).toBe(true);
    ctx.clock.advance({ minutes: 30 });
    const res = await ctx.app.request('/admin', { headers: session });
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toMatch(/akson-sesjon=;.*Max-Age=0/);
    expect(await opensAdmin(ctx, session)).toBe(false);
    expect((await sessionEnds(ctx)).map((e) => e.details)).toEqual(['idle']);
    expect(await ctx.db.selectFrom('user_session').selectAll().execute()).toEqual([]);
    await ctx.db.destroy();
  });

  it('ends after 12 hours however active, and both limits are settings', async () => {
    const ctx = await testApp();
    const session = await signIn(ctx, 'administrator');
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      ctx.clock.advance({ minutes: 20 });
      expect(await opensAdmin(ctx, session), `after ${minutes} minutes`).toBe(true);
    }
    ctx.clock.advance({ minutes: 20 });
    expect(await opensAdmin(ctx, session)).toBe(false);
    expect((await sessionEnds(ctx)).map((e) => e.details)).toEqual(['expired']);
    await ctx.db.destroy();

    const short = await testApp({ config: { SESSION_IDLE_MINUTES: '5', SESSION_ABSOLUTE_HOURS: '1' } });
    const s = await signIn(short, 'administrator');
    short.clock.advance({ minutes: 4 });
    expect(await opensAdmin(short, s)).toBe(true);
    short.clock.advance({ minutes: 5 });
    expect(await opensAdmin(short, s)).toBe(false);
    const t = await signIn(short, 'administrator');
    for (let i = 0; i < 14; i++) {
      short.clock.advance({ minutes: 4 });
      expect(await opensAdmin(short, t)).toBe(true);
    }
    short.clock.advance({ minutes: 4 });
    expect(await opensAdmin(short, t)).toBe(false);
    await short.db.destroy();
  });

  it('ends on the server at sign-out: the old cookie no longer works even if replayed', async () => {
    const ctx = await testApp();
    const session = await signIn(ctx, 'administrator');
    const res = await postForm(ctx, '/logg-ut', {}, session);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?utlogget');
    expect(res.headers.get('set-cookie')).toMatch(/akson-sesjon=;.*Max-Age=0/);
    expect(await opensAdmin(ctx, session)).toBe(false);
    expect(await ctx.db.selectFrom('user_session').selectAll().execute()).toEqual([]);
    expect((await sessionEnds(ctx)).map((e) => e.details)).toEqual(['signed-out']);
    expect(textOf(await (await ctx.app.request('/login?utlogget')).text())).toContain('Du er logget ut.');
    await ctx.db.destroy();
  });

  it('signing out is a POST: a GET to the sign-out address changes nothing', async () => {
    const ctx = await testApp();
    const session = await signIn(ctx, 'administrator');
    const res = await ctx.app.request('/logg-ut', { headers: session });
    expect(res.status).toBe(404);
    expect(await opensAdmin(ctx, session)).toBe(true);
    await ctx.db.destroy();
  });

  it('ends every session of a user an administrator disables, and the user cannot sign in again', async () => {
    const ctx = await testApp();
    const admin = await signIn(ctx, 'administrator');
    const onLaptop = await signIn(ctx, 'architect');
    const onPhone = await signIn(ctx, 'architect');
    const architect = ctx.users.get('architect')!;
    const signedIn = async (headers: Record<string, string>) => textOf(await (await ctx.app.request('/', { headers })).text()).includes('Test architect (Arkitekt)');
    expect(await signedIn(onLaptop)).toBe(true);

    const res = await postShown(ctx, `/admin/brukere/${architect.id}`, { name: 'Test architect', email: architect.email, role: 'architect' }, admin);
    expect(res.status).toBe(303);
    expect(await signedIn(onLaptop)).toBe(false);
    expect(await signedIn(onPhone)).toBe(false);
    expect(await ctx.db.selectFrom('user_session').select('user_id').where('user_id', '=', architect.id).execute()).toEqual([]);

    const again = await postForm(ctx, '/login', { email: architect.email, password: architect.password });
    expect(again.status).toBe(401);
    expect(sessionCookie(again)).toBeUndefined();
    const events = await ctx.db.selectFrom('audit_event').select(['action', 'details']).where('entity_id', '=', String(architect.id)).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['user.create', 'login', 'login', 'user.update', 'session.end', 'login.failed']);
    expect(events.find((e) => e.action === 'login.failed')?.details).toContain('deaktivert');
    await ctx.db.destroy();
  });

  it('does not let the last active administrator be disabled', async () => {
    const ctx = await testApp();
    const admin = await signIn(ctx, 'administrator');
    const me = ctx.users.get('administrator')!;
    const res = await postShown(ctx, `/admin/brukere/${me.id}`, { name: 'Test administrator', email: me.email, role: 'administrator' }, admin);
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain('Det må finnes minst én aktiv administrator');
    expect(await opensAdmin(ctx, admin)).toBe(true);
    await ctx.db.destroy();
  });

  it('refuses sign-in with a cross-site form even with the right password', async () => {
    const ctx = await testApp();
    const user = await createTestUser(ctx, 'reader');
    const res = await postForm(ctx, '/login', { email: user.email, password: user.password }, { ...sameOrigin, Origin: 'https://angriper.example' });
    expect(res.status).toBe(403);
    expect(sessionCookie(res)).toBeUndefined();
    await ctx.db.destroy();
  });
});
