import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../../model/accounts.ts';
import { actionFor, grantFor, ownershipHolds, routePolicy, subjects, type Subject } from '../../../src/auth/policy.ts';
import { postForm, signIn, testApp, type TestContext } from '../../helpers.ts';

/** A value for each route parameter, so every pattern becomes a path a request can take. */
const sampleParams: Record<string, string> = {
  name: 'app.css',
  kindPath: 'informasjonstjenester',
  key: 'multidose',
  document: 'akson-arena-2019-10-24',
  token: 'ingen-slik-lenke',
  id: '1',
};

const concrete = (pattern: string) => pattern.replace(/:(\w+)/g, (_, name: string) => sampleParams[name] ?? 'x');

/** Every route the app registers, as `METHOD /pattern` (middleware left out). */
function registeredRoutes(ctx: TestContext): string[] {
  return [...new Set(ctx.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
}

describe('the policy table', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await testApp();
  });
  afterAll(() => ctx.db.destroy());

  it('has an entry for every route the app registers, and no entry for a route that does not exist', () => {
    const routes = registeredRoutes(ctx);
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => !(r in routePolicy))).toEqual([]);
    expect(Object.keys(routePolicy).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('refuses a route that is missing from the table, and reports it', async () => {
    const extra = await testApp();
    extra.app.get('/ny/side/uten-regel', (c) => c.text('hemmelig'));
    const res = await extra.app.request('/ny/side/uten-regel', { headers: await signIn(extra, 'administrator') });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('hemmelig');
    expect(String(extra.errors[0])).toContain('/ny/side/uten-regel');
    await extra.db.destroy();
  });

  it('keeps administration to administrators and the scope open to every role', () => {
    for (const action of ['admin.read', 'users.manage', 'organisations.manage', 'audit.read'] as const) {
      for (const subject of subjects) expect(grantFor(action, subject, { publicRead: true }) !== undefined, `${action} ${subject}`).toBe(subject === 'administrator');
    }
    for (const role of roles) expect(grantFor('scope.read', role, { publicRead: false })).toBe('allow');
    expect(grantFor('scope.read', 'anonymous', { publicRead: true })).toBe('allow');
    expect(grantFor('scope.read', 'anonymous', { publicRead: false })).toBeUndefined();
  });

  it('lets a municipality user act only for its own municipality, and an organisation user only on its own things', () => {
    const oslo = { role: 'municipality' as const, municipalityNumber: '0301', organisationId: null };
    const forening = { role: 'organisation' as const, municipalityNumber: null, organisationId: 7 };
    expect(ownershipHolds('own-municipality', oslo, { municipalityNumber: '0301' })).toBe(true);
    expect(ownershipHolds('own-municipality', oslo, { municipalityNumber: '4601' })).toBe(false);
    expect(ownershipHolds('own-municipality', forening, { municipalityNumber: '0301' })).toBe(false);
    expect(ownershipHolds('own-organisation', forening, { organisationId: 7 })).toBe(true);
    expect(ownershipHolds('own-organisation', forening, { organisationId: 8 })).toBe(false);
    expect(ownershipHolds('own-organisation', oslo, { organisationId: null })).toBe(false);
    expect(ownershipHolds('own-organisation', null, { organisationId: 7 })).toBe(false);
  });
});

describe.each([
  ['PUBLIC_READ=true', 'true'],
  ['PUBLIC_READ=false', 'false'],
] as const)('every route answers every role as the policy table says (%s)', (_, publicRead) => {
  let ctx: TestContext;
  const sessions = new Map<Subject, Record<string, string>>();
  beforeAll(async () => {
    ctx = await testApp({ config: { PUBLIC_READ: publicRead } });
    sessions.set('anonymous', {});
    for (const role of roles) sessions.set(role, await signIn(ctx, role));
  });
  afterAll(() => ctx.db.destroy());

  it.each(subjects)('%s', async (subject) => {
    const answers: string[] = [];
    // Signing out last, so the session serves every other route first.
    const routes = registeredRoutes(ctx).sort((a, b) => Number(a === 'POST /logg-ut') - Number(b === 'POST /logg-ut'));
    for (const route of routes) {
      const [method, pattern] = route.split(' ') as [string, string];
      const action = actionFor(method, pattern)!;
      const allowed = grantFor(action, subject, { publicRead: publicRead === 'true' }) !== undefined;
      const path = concrete(pattern);
      const headers = sessions.get(subject)!;
      const res = method === 'POST' ? await postForm(ctx, path, {}, headers) : await ctx.app.request(path, { headers });
      const toLogin = res.status === 303 && (res.headers.get('location') ?? '').startsWith('/login?neste=');
      const refused = res.status === 401 || res.status === 403 || toLogin;
      answers.push(`${route} → ${res.status}`);
      expect(refused, `${subject}: ${route} (${path}) answered ${res.status}`).toBe(!allowed);
      if (!allowed) {
        if (subject !== 'anonymous') expect(res.status, route).toBe(403);
        else if (method === 'GET' && !path.startsWith('/api/')) expect(toLogin, route).toBe(true);
        else expect(res.status, route).toBe(401);
      }
    }
    expect(answers.length).toBe(routes.length);
    expect(ctx.errors).toEqual([]);
  });
});
