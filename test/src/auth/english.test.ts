import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postForm, testApp, textOf, type TestContext } from '../../helpers.ts';

/** Signing in speaks the reader's language (issue 11): the page, its fields and its refusals. */
let ctx: TestContext;
beforeEach(async () => {
  ctx = await testApp();
});
afterEach(() => ctx.db.destroy());

const english = { 'Accept-Language': 'en' };

describe('signing in, in English', () => {
  it('shows the sign-in page in English, and in bokmål by default', async () => {
    const en = textOf(await (await ctx.app.request('/login', { headers: english })).text());
    expect(en).toContain('Architects, municipalities, organisations and administrators sign in with their email address.');
    expect(en).toContain('Email address');
    expect(en).not.toContain('E-postadresse');
    const nb = textOf(await (await ctx.app.request('/login')).text());
    expect(nb).toContain('Arkitekter, kommuner, organisasjoner og administratorer logger inn med e-postadressen sin.');
  });

  it('refuses a missing field and a wrong password in English', async () => {
    const missing = await postForm(ctx, '/login', { email: '', password: '' }, english);
    expect(missing.status).toBe(422);
    expect(textOf(await missing.text())).toContain('Write the email address.');
    const wrong = await postForm(ctx, '/login', { email: 'ingen@test.no', password: 'feil passord her' }, english);
    expect(wrong.status).toBe(401);
    expect(textOf(await wrong.text())).toContain('The email address or the password is wrong, or the user is deactivated.');
  });

  it('says a broken invitation or reset link does not work, in English', async () => {
    const invite = await ctx.app.request('/invitasjon/ukjent', { headers: english });
    expect(invite.status).toBe(404);
    expect(textOf(await invite.text())).toContain('The link has already been used, withdrawn or has expired.');
    const reset = await ctx.app.request('/nytt-passord/ukjent', { headers: english });
    expect(textOf(await reset.text())).toContain('The link does not work');
  });
});
