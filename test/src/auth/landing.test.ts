import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../../../model/accounts.ts';
import { createTestUser, postForm, sessionCookie, testApp, type TestContext } from '../../helpers.ts';

const start: Record<Role, string> = { administrator: '/', architect: '/', municipality: '/vurdering', organisation: '/horing', reader: '/' };

async function signInWith(ctx: TestContext, role: Role, fields: Record<string, string> = {}) {
  const user = await createTestUser(ctx, role);
  return postForm(ctx, '/login', { email: user.email, password: user.password, ...fields });
}

describe('where sign-in lands', () => {
  it.each(roles)('starts %s where the role works, on a page that opens', async (role) => {
    const ctx = await testApp();
    const res = await signInWith(ctx, role);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(start[role]);
    const landed = await ctx.app.request(start[role], { headers: { Cookie: sessionCookie(res)! } });
    expect(landed.status).toBe(200);
    await ctx.db.destroy();
  });

  it('returns every role to the page it came from', async () => {
    const ctx = await testApp({ config: { PUBLIC_READ: 'false' } });
    const away = await ctx.app.request('/krav?status=utkast');
    expect(away.headers.get('location')).toBe('/login?neste=%2Fkrav%3Fstatus%3Dutkast');
    // The sign-in page carries the return path in its form.
    expect(await (await ctx.app.request(away.headers.get('location')!)).text()).toContain('name="neste" value="/krav?status=utkast"');
    const norwegian = await ctx.app.request('/informasjonstjenester/%C3%A6');
    expect(norwegian.headers.get('location')).toBe(`/login?neste=${encodeURIComponent('/informasjonstjenester/%C3%A6')}`);
    for (const role of ['municipality', 'organisation', 'architect'] as const) {
      const res = await signInWith(ctx, role, { neste: '/krav?status=utkast' });
      expect(res.headers.get('location'), role).toBe('/krav?status=utkast');
    }
    await ctx.db.destroy();
  });

  it('sends no return path from the front page, so each role still starts where it works', async () => {
    const ctx = await testApp({ config: { PUBLIC_READ: 'false' } });
    const away = await ctx.app.request('/');
    expect(away.status).toBe(303);
    expect(away.headers.get('location')).toBe('/login');
    expect((await signInWith(ctx, 'municipality')).headers.get('location')).toBe('/vurdering');
    await ctx.db.destroy();
  });

  it('never follows a return path to another site', async () => {
    const ctx = await testApp();
    const user = await createTestUser(ctx, 'organisation');
    const hostile = ['//angriper.example/', '/\\angriper.example', 'https://angriper.example/krav', 'http:/angriper.example', 'javascript:alert(1)', 'angriper.example', '/\t/angriper.example', ' //angriper.example'];
    for (const next of hostile) {
      const res = await postForm(ctx, '/login', { email: user.email, password: user.password, neste: next });
      expect(res.status, next).toBe(303);
      expect(res.headers.get('location'), next).toBe('/horing');
      // Nor does the sign-in page carry it on.
      const page = await (await ctx.app.request(`/login?neste=${encodeURIComponent(next)}`)).text();
      expect(page, next).not.toContain('name="neste"');
    }
    await ctx.db.destroy();
  });
});
