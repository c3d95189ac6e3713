import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';

/** Error pages speak the reader's language, whatever went wrong, and the API answers errors as JSON. */
describe('error answers in the reader’s language', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await testApp();
  });
  afterAll(() => ctx.db.destroy());

  it('titles a missing page, names the way back and the status, in bokmål and in English', async () => {
    const nb = textOf(await (await ctx.app.request('/finnes-ikke', { headers: { 'Accept-Language': 'nb' } })).text());
    expect(nb).toContain('Fant ikke siden');
    expect(nb).toContain('Tilbake til oversikten eller bruk menyen over. (Statuskode 404.)');
    const en = textOf(await (await ctx.app.request('/finnes-ikke', { headers: { 'Accept-Language': 'en' } })).text());
    expect(en).toContain('Page not found');
    expect(en).toContain('Back to the overview or use the menu above. (Status code 404.)');
    expect(en).not.toContain('Statuskode');
  });

  it('says what is wrong with a parameter in the reader’s language, not in zod’s English', async () => {
    const nb = await ctx.app.request('/baselines/sammenlign?fra=1', { headers: { 'Accept-Language': 'nb' } });
    expect(nb.status).toBe(400);
    const nbText = textOf(await nb.text());
    expect(nbText).toContain('Ugyldig forespørsel');
    expect(nbText).toContain('til: Mangler en verdi.');
    expect(nbText).not.toMatch(/Invalid input|expected/);
    const en = textOf(await (await ctx.app.request('/baselines/sammenlign?fra=1', { headers: { 'Accept-Language': 'en' } })).text());
    expect(en).toContain('Bad request');
    expect(en).toContain('til: A value is missing.');
  });

  it('refuses a role in the reader’s language, and shows the signed-in role by its label', async () => {
    const session = await signIn(ctx, 'municipality');
    const en = textOf(await (await ctx.app.request('/admin/brukere', { headers: { ...session, 'Accept-Language': 'en' } })).text());
    expect(en).toContain('No access');
    expect(en).toContain('your role does not give access to this');
    expect(en).toMatch(/Signed in as Test municipality \(Municipality\)/i);
    const nb = textOf(await (await ctx.app.request('/admin/brukere', { headers: { ...session, 'Accept-Language': 'nb' } })).text());
    expect(nb).toContain('Ingen tilgang');
    expect(nb).toMatch(/Innlogget som Test municipality \(Kommune\)/i);
  });

  it('answers a bad API parameter with the API’s JSON error shape, naming the field', async () => {
    const res = await ctx.app.request('/api/baselines/1/diff/ingenting', { headers: { 'Accept-Language': 'en' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
    expect(body.error.code).toBe('validation');
    expect(Object.keys(body.error.fields ?? {})).toContain('to');
  });

  it('says a use case’s refusal in the reader’s language: the page, the API and the title', async () => {
    const session = await signIn(ctx, 'architect');
    // A token the caller does not have: the revoke use case refuses with NotFound.
    const en = await postForm(ctx, '/konto/tokener/999/trekk-tilbake', {}, { ...session, 'Accept-Language': 'en' });
    expect(en.status).toBe(404);
    const enText = textOf(await en.text());
    expect(enText).toContain('You have no such token.');
    expect(enText).not.toContain('Du har ikke noe slikt token');
    const nb = await postForm(ctx, '/konto/tokener/999/trekk-tilbake', {}, { ...session, 'Accept-Language': 'nb' });
    expect(textOf(await nb.text())).toContain('Du har ikke noe slikt token.');
  });
});
