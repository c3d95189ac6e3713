import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { schemaOf } from '../../engine.ts';
import { postForm, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';

let ctx: TestContext;
let admin: { Cookie: string };
beforeAll(async () => {
  ctx = await testApp();
  admin = await signIn(ctx, 'administrator');
});
afterAll(() => ctx.db.destroy());

const organisations = async () => (await ctx.db.selectFrom('organisation').select('name').execute()).map((o) => o.name);
const newOrganisation = { name: 'Norsk Sykepleierforbund', kind: 'profesjonsforening', contact: '' };

describe('a state-changing request from another site', () => {
  it.each([
    ['a foreign Origin', { Origin: 'https://angriper.example' }],
    ['a foreign Origin from a browser without Sec-Fetch-Site', { Origin: 'https://angriper.example', 'Sec-Fetch-Site': '' }],
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['Sec-Fetch-Site: cross-site even with our own Origin', { 'Sec-Fetch-Site': 'cross-site', Origin: 'http://localhost' }],
    ['Origin: null (a sandboxed frame)', { Origin: 'null' }],
  ])('is refused with 403 and changes nothing: %s', async (_, headers) => {
    const before = await organisations();
    const sent = Object.fromEntries(Object.entries({ ...admin, ...headers }).filter(([, v]) => v !== ''));
    const res = await ctx.app.request('/admin/organisasjoner', {
      method: 'POST',
      body: new URLSearchParams(newOrganisation).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'same-origin', ...sent },
    });
    expect(res.status).toBe(403);
    expect(textOf(await res.text())).toContain('Forespørselen kom ikke fra dette nettstedet og ble avvist. Ingenting er endret.');
    expect(await organisations()).toEqual(before);
  });

  it('is refused when it carries neither Origin nor Sec-Fetch-Site', async () => {
    const res = await ctx.app.request('/admin/organisasjoner', {
      method: 'POST',
      body: new URLSearchParams(newOrganisation).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...admin },
    });
    expect(res.status).toBe(403);
    expect(await organisations()).toEqual([]);
  });

  it('cannot sign the user out either, and every refusal is in the audit log', async () => {
    const res = await postForm(ctx, '/logg-ut', {}, { ...admin, 'Sec-Fetch-Site': 'cross-site' });
    expect(res.status).toBe(403);
    expect((await ctx.app.request('/admin', { headers: admin })).status).toBe(200);
    const denied = await ctx.db.selectFrom('audit_event').select(['details', 'user_id']).where('action', '=', 'request.denied').execute();
    expect(denied.length).toBe(7);
    expect(denied.every((d) => d.user_id === ctx.users.get('administrator')!.id)).toBe(true);
    expect(denied.at(-1)?.details).toBe('POST /logg-ut (csrf:cross-site)');
  });

  it('from our own page goes through (the same request, same origin)', async () => {
    const res = await postForm(ctx, '/admin/organisasjoner', newOrganisation, admin);
    expect(res.status).toBe(303);
    expect(await organisations()).toEqual(['Norsk Sykepleierforbund']);
  });
});

describe('GET never changes state', () => {
  it('leaves every table but the session clock and the audit log as it was, whatever page is read', async () => {
    const tables = (await schemaOf.tables(ctx.db))
      .filter((t) => t !== 'audit_event' && t !== 'user_session');
    const snapshot = async () => {
      const parts: string[] = [];
      for (const table of tables) parts.push(JSON.stringify((await sql`select * from ${sql.table(table)}`.execute(ctx.db)).rows));
      return parts.join('\n');
    };
    const before = await snapshot();
    const paths = ctx.app.routes.filter((r) => r.method === 'GET').map((r) => r.path.replace(/:(\w+)/g, (_, n: string) => ({ kindPath: 'krav', key: 'aks-0001', name: 'app.js', document: 'akson-arena-2019-10-24', id: '1' })[n] ?? 'x'));
    for (const path of paths) {
      await ctx.app.request(path, { headers: admin });
      await ctx.app.request(path);
    }
    expect(await snapshot()).toBe(before);
  });
});
