import { describe, expect, it } from 'vitest';
import { postForm, signIn, testApp, type TestContext } from '../../helpers.ts';

/** Makes a token on the user's own page and reads the secret shown once. */
async function makeToken(ctx: TestContext, cookie: { Cookie: string }, name: string, readOnly: boolean): Promise<string> {
  const res = await postForm(ctx, '/konto/tokener', { name, ...(readOnly ? { readOnly: 'on' } : {}) }, cookie);
  expect(res.status).toBe(201);
  return /<code class="token-secret">([^<]+)<\/code>/.exec(await res.text())![1]!;
}

function sendJson(ctx: TestContext, method: 'POST' | 'PUT', path: string, body: unknown, secret: string) {
  return ctx.app.request(path, { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` } });
}

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } }).error;

async function requirementRow(ctx: TestContext, key: string) {
  return ctx.db
    .selectFrom('requirement as r')
    .innerJoin('element as e', 'e.id', 'r.element_id')
    .select(['r.ref', 'e.name', 'e.version', 'r.text', 'r.priority', 'r.status', 'r.chapter_id', 'r.type_key', 'r.tags', 'r.verification_method'])
    .where('e.key', '=', key)
    .executeTakeFirst();
}

const newRequirement = {
  name: 'Varsel om allergi',
  text: 'Løsningen skal varsle om kjente allergier før forskrivning.',
  priority: 'must',
  status: 'proposed',
  type: 'funksjonelt',
  verificationMethod: 'test',
  tags: ['Legemidler', 'mvp'],
};

describe('requirements written through the API', () => {
  it('are created and updated with the page’s use cases and rules, and a stale version gets 409 JSON and changes nothing', async () => {
    const ctx = await testApp();
    const secret = await makeToken(ctx, await signIn(ctx, 'architect'), 'Skript', false);
    const before = (await ctx.db.selectFrom('requirement').select('ref').execute()).length;

    const created = await sendJson(ctx, 'POST', '/api/requirements', newRequirement, secret);
    expect(created.status).toBe(201);
    const ref = `AKS-${String(before + 1).padStart(4, '0')}`;
    expect(await created.json()).toEqual({ key: ref.toLowerCase(), ref, version: 1 });
    expect(created.headers.get('location')).toBe(`/krav/${ref.toLowerCase()}`);
    expect(await requirementRow(ctx, ref.toLowerCase())).toMatchObject({ ref, name: 'Varsel om allergi', type_key: 'funksjonelt', tags: '|legemidler|mvp|', verification_method: 'test', version: 1 });
    const audit = await ctx.db.selectFrom('audit_event').select(['action', 'user_id']).where('action', '=', 'element.create').execute();
    expect(audit).toHaveLength(1);

    // The page's rule: a requirement is a «skal» statement; the field is named.
    const notShall = await sendJson(ctx, 'POST', '/api/requirements', { ...newRequirement, text: 'Løsningen varsler om allergier.' }, secret);
    expect(notShall.status).toBe(422);
    expect(await errorOf(notShall)).toMatchObject({ code: 'validation', fields: { text: expect.stringMatching(/skal/) } });
    const badJson = await sendJson(ctx, 'POST', '/api/requirements', { ...newRequirement, priority: 'kanskje', chapter: 'to' }, secret);
    expect(Object.keys((await errorOf(badJson)).fields!).sort()).toEqual(['chapter', 'priority']);
    const noChapter = await sendJson(ctx, 'POST', '/api/requirements', { ...newRequirement, chapter: 999 }, secret);
    expect(noChapter.status).toBe(422);
    expect((await errorOf(noChapter)).fields).toHaveProperty('chapter');
    expect((await ctx.db.selectFrom('requirement').select('ref').execute()).length).toBe(before + 1);

    const key = ref.toLowerCase();
    const updated = await sendJson(ctx, 'PUT', `/api/requirements/${key}`, { ...newRequirement, status: 'approved', version: 1 }, secret);
    expect(updated.status).toBe(200);
    expect(await updated.json()).toEqual({ key, ref, version: 2 });
    expect(await requirementRow(ctx, key)).toMatchObject({ status: 'approved', version: 2 });

    const stale = await sendJson(ctx, 'PUT', `/api/requirements/${key}`, { ...newRequirement, status: 'rejected', version: 1 }, secret);
    expect(stale.status).toBe(409);
    expect(await errorOf(stale)).toMatchObject({ code: 'conflict', message: expect.stringMatching(/versjon 1 \(nå versjon 2\)/) });
    expect(await requirementRow(ctx, key)).toMatchObject({ status: 'approved', version: 2 });

    const missing = await sendJson(ctx, 'PUT', '/api/requirements/aks-9999', { ...newRequirement, version: 1 }, secret);
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe('not_found');
  });

  it('refuse a read-only token (403 read_only) and a role without the right, exactly as the page does', async () => {
    const ctx = await testApp();
    const architect = await signIn(ctx, 'architect');
    const readOnly = await makeToken(ctx, architect, 'Bare lesing', true);
    const count = async () => (await ctx.db.selectFrom('requirement').select('ref').execute()).length;
    const before = await count();

    const refused = await sendJson(ctx, 'POST', '/api/requirements', newRequirement, readOnly);
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe('read_only');
    const refusedUpdate = await sendJson(ctx, 'PUT', '/api/requirements/aks-0001', { ...newRequirement, version: 1 }, readOnly);
    expect(refusedUpdate.status).toBe(403);

    for (const role of ['administrator', 'organisation', 'municipality', 'reader'] as const) {
      const cookie = await signIn(ctx, role);
      const secret = await makeToken(ctx, cookie, `Token ${role}`, false);
      const api = await sendJson(ctx, 'POST', '/api/requirements', newRequirement, secret);
      expect(api.status, role).toBe(403);
      expect((await errorOf(api)).code, role).toBe('forbidden');
      const page = await postForm(ctx, '/krav', { ...newRequirement, tags: 'mvp' }, cookie);
      expect(page.status, role).toBe(403);
    }
    expect(await count()).toBe(before);
  });

  it('are described in /api/openapi.json from the zod schemas', async () => {
    const ctx = await testApp();
    const doc = (await (await ctx.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> } }>> };
    const create = doc.paths['/api/requirements']?.post;
    const update = doc.paths['/api/requirements/{key}']?.put;
    expect(create?.requestBody?.content['application/json']?.schema.required).toEqual(expect.arrayContaining(['name', 'text', 'priority', 'status']));
    expect(Object.keys(create?.requestBody?.content['application/json']?.schema.properties ?? {})).toEqual(expect.arrayContaining(['chapter', 'type', 'tags', 'acceptanceCriteria']));
    expect(update?.requestBody?.content['application/json']?.schema.required).toContain('version');
  });
});
