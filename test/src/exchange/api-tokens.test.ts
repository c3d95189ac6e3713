import { describe, expect, it } from 'vitest';
import { hashToken } from '../../../src/auth/tokens.ts';
import { postForm, signIn, testApp, type TestContext } from '../../helpers.ts';

/** Makes a token on the user's own page, as a person would, and reads the secret shown once. */
async function makeToken(ctx: TestContext, cookie: { Cookie: string }, name: string, readOnly: boolean): Promise<{ secret: string; id: number }> {
  const res = await postForm(ctx, '/konto/tokener', { name, ...(readOnly ? { readOnly: 'on' } : {}) }, cookie);
  expect(res.status).toBe(201);
  const html = await res.text();
  const secret = /<code class="token-secret">([^<]+)<\/code>/.exec(html)?.[1];
  expect(secret).toMatch(/^akson_[A-Za-z0-9_-]{40,}$/);
  const row = await ctx.db.selectFrom('api_token').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return { secret: secret!, id: row.id };
}

const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });

async function versionOf(ctx: TestContext, key: string): Promise<number> {
  return (await ctx.db.selectFrom('element').select('version').where('key', '=', key).executeTakeFirstOrThrow()).version;
}

function postJson(ctx: TestContext, path: string, body: unknown, headers: Record<string, string>) {
  return ctx.app.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });
}

async function linkCount(ctx: TestContext, requirementKey: string, targetKey: string): Promise<number> {
  const rows = await ctx.db
    .selectFrom('requirement_element as l')
    .innerJoin('element as r', 'r.id', 'l.requirement_id')
    .innerJoin('element as e', 'e.id', 'l.element_id')
    .select('l.requirement_id')
    .where('r.key', '=', requirementKey)
    .where('e.key', '=', targetKey)
    .execute();
  return rows.length;
}

describe('personal API tokens', () => {
  it('are made on the user’s own page, shown once, and stored only as a hash', async () => {
    const ctx = await testApp();
    const cookie = await signIn(ctx, 'architect');
    const { secret } = await makeToken(ctx, cookie, 'Nattlig eksport', true);
    const row = await ctx.db.selectFrom('api_token').selectAll().executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    const audit = await ctx.db.selectFrom('audit_event').selectAll().execute();
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(audit.some((a) => a.action === 'api.token.create')).toBe(true);
    // The list shows it, never the secret again.
    const page = await (await ctx.app.request('/konto/tokener', { headers: cookie })).text();
    expect(page).toContain('Nattlig eksport');
    expect(page).toContain('Bare lesing');
    expect(page).not.toContain(secret);
  });

  it('refuses a token without a name beside the field, and makes none', async () => {
    const ctx = await testApp();
    const cookie = await signIn(ctx, 'reader');
    const res = await postForm(ctx, '/konto/tokener', { name: '   ' }, cookie);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Gi tokenet et navn.');
    expect(await ctx.db.selectFrom('api_token').selectAll().execute()).toEqual([]);
  });

  it('signs a script in to the API as its user, and records every use; a revoked token stops working', async () => {
    const ctx = await testApp({ config: { PUBLIC_READ: 'false' } });
    const cookie = await signIn(ctx, 'reader');
    const { secret, id } = await makeToken(ctx, cookie, 'Les modellen', true);

    const anonymous = await ctx.app.request('/api/model');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });

    const res = await ctx.app.request('/api/model', { headers: bearer(secret) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { format: string }).format).toBe('akson-scope/model');
    const used = await ctx.db.selectFrom('audit_event').select(['details', 'entity_id']).where('action', '=', 'api.token.use').execute();
    expect(used.map((u) => [u.details, String(u.entity_id)])).toEqual([['GET /api/model', String(id)]]);
    expect((await ctx.db.selectFrom('api_token').select('last_used_at').executeTakeFirstOrThrow()).last_used_at).not.toBeNull();

    const revoke = await postForm(ctx, `/konto/tokener/${id}/trekk-tilbake`, {}, cookie);
    expect(revoke.status).toBe(200);
    const after = await ctx.app.request('/api/model', { headers: bearer(secret) });
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    // A made-up token is refused the same way.
    expect((await ctx.app.request('/api/model', { headers: bearer('akson_gjett') })).status).toBe(401);
    // Said in the language the script asks for, like the API's other errors.
    const english = await ctx.app.request('/api/model', { headers: { ...bearer('akson_gjett'), 'Accept-Language': 'en' } });
    expect(((await english.json()) as { error: { message: string } }).error.message).toBe('The API token is unknown or revoked, or its user is disabled.');
  });

  it('cannot revoke someone else’s token', async () => {
    const ctx = await testApp();
    const architect = await signIn(ctx, 'architect');
    const { id, secret } = await makeToken(ctx, architect, 'Arkitektens', false);
    const reader = await signIn(ctx, 'reader');
    const res = await postForm(ctx, `/konto/tokener/${id}/trekk-tilbake`, {}, reader);
    expect(res.status).toBe(404);
    expect((await ctx.app.request('/api/model', { headers: bearer(secret) })).status).toBe(200);
  });

  it('writes through the same use case as the page, with the version check; a read-only token writes nothing', async () => {
    const ctx = await testApp();
    const cookie = await signIn(ctx, 'architect');
    const writer = await makeToken(ctx, cookie, 'Skriver', false);
    const reader = await makeToken(ctx, cookie, 'Leser', true);
    const body = async () => ({ target: { kind: 'informationService', key: 'multidose' }, version: await versionOf(ctx, 'aks-0001') });
    expect(await linkCount(ctx, 'aks-0001', 'multidose')).toBe(0);

    const refused = await postJson(ctx, '/api/requirements/aks-0001/links', await body(), bearer(reader.secret));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('read_only');
    const english = await postJson(ctx, '/api/requirements/aks-0001/links', await body(), { ...bearer(reader.secret), 'Accept-Language': 'en' });
    expect(((await english.json()) as { error: { message: string } }).error.message).toBe('The token gives read access only. Nothing has been changed.');
    // The token's user saved English: that comes first, as for the API's other errors, whatever the script asks for.
    await ctx.db.updateTable('app_user').set({ language: 'en' }).where('id', '=', ctx.users.get('architect')!.id).execute();
    const saved = await postJson(ctx, '/api/requirements/aks-0001/links', await body(), { ...bearer(reader.secret), 'Accept-Language': 'nb' });
    expect(((await saved.json()) as { error: { message: string } }).error.message).toBe('The token gives read access only. Nothing has been changed.');
    await ctx.db.updateTable('app_user').set({ language: null }).where('id', '=', ctx.users.get('architect')!.id).execute();
    expect(await linkCount(ctx, 'aks-0001', 'multidose')).toBe(0);

    const stale = await postJson(ctx, '/api/requirements/aks-0001/links', { ...(await body()), version: 1_000 }, bearer(writer.secret));
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('conflict');

    const ok = await postJson(ctx, '/api/requirements/aks-0001/links', await body(), bearer(writer.secret));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ changed: true });
    expect(await linkCount(ctx, 'aks-0001', 'multidose')).toBe(1);

    const bad = await postJson(ctx, '/api/requirements/aks-0001/links', { target: { kind: 'informationService' } }, bearer(writer.secret));
    expect(bad.status).toBe(422);
    const error = ((await bad.json()) as { error: { code: string; fields: Record<string, string> } }).error;
    expect(error.code).toBe('validation');
    expect(Object.keys(error.fields).sort()).toEqual(['target.key', 'version']);
  });

  it('holds a role’s limits through the API exactly as through the pages', async () => {
    const ctx = await testApp();
    const cookie = await signIn(ctx, 'municipality');
    const { secret } = await makeToken(ctx, cookie, 'Kommunens', false);
    const res = await postJson(ctx, '/api/requirements/aks-0001/links', { target: { kind: 'informationService', key: 'multidose' }, version: 1 }, bearer(secret));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect(await linkCount(ctx, 'aks-0001', 'multidose')).toBe(0);
    // And the form on the page refuses the same user the same way.
    const page = await postForm(ctx, '/krav/aks-0001/koblinger', { version: '1', linkKind: 'governs', target: 'informationService:multidose' }, cookie);
    expect(page.status).toBe(403);
  });
});
