import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../../model/accounts.ts';
import { requireOwnership } from '../../../src/auth/middleware.tsx';
import { actionFor, actions, grantFor, ownershipHolds, routePolicy, subjects, type Subject } from '../../../src/auth/policy.ts';
import { makeRound } from '../../consultation-fixtures.ts';
import { postForm, sameOrigin, signIn, testApp, type TestContext } from '../../helpers.ts';

/** A value for each route parameter, so every pattern becomes a path a request can take. */
const sampleParams: Record<string, string> = {
  name: 'app.css',
  kindPath: 'informasjonstjenester',
  key: 'multidose',
  document: 'akson-arena-2019-10-24',
  token: 'ingen-slik-lenke',
  id: '1',
  file: 'multidose.mmd',
  kommentar: '1',
  kommune: '0301',
  tjeneste: '1',
};

/**
 * The statements that change data. Left out: the session's idle clock (`user_session.last_seen_at`)
 * and the audit log, which records refusals and copies of the log itself whatever the method.
 */
const dataWrites = (queries: string[]) =>
  queries.filter((q) => /^\s*(insert|update|delete|replace)\b/i.test(q) && !/^\s*update "user_session" set "last_seen_at"/i.test(q) && !/^\s*insert into "audit_event"/i.test(q));

/** A pattern's parameters (with or without a `{regex}`) replaced by sample values. */
const concrete = (pattern: string) => pattern.replace(/:(\w+)(?:\{[^/]*\})?/g, (_, name: string) => sampleParams[name] ?? 'x');

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
    await makeRound(ctx.db); // round 1, so the walk reaches a real round page (which once wrote a visit on GET)
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
      ctx.queries.length = 0;
      const res =
        method === 'POST'
          ? await postForm(ctx, path, {}, headers)
          : method === 'GET'
            ? await ctx.app.request(path, { headers })
            : await ctx.app.request(path, { method, headers: { ...sameOrigin, ...headers } });
      // A GET changes no data (see `dataWrites` for the bookkeeping it may do).
      if (method === 'GET' && allowed) expect(dataWrites(ctx.queries), `${subject}: ${route} wrote on a GET`).toEqual([]);
      // The front page sends no return path: each role then starts where it works.
      const location = res.headers.get('location') ?? '';
      const toLogin = res.status === 303 && (location.startsWith('/login?neste=') || (path === '/' && location === '/login'));
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

describe('ownership rules, as later features will use them', () => {
  // A feature's routes as a later issue would add them: one names the municipality in the path,
  // the other finds the owner only after loading the thing (a comment).
  const reviewAction = 'test.review';
  const commentAction = 'test.comment';
  const rules = actions as unknown as Record<string, { label: string; grants: Record<string, string> }>;
  const comments: Record<string, number> = { '1': 1, '2': 2 };
  let ctx: TestContext;
  beforeAll(async () => {
    rules[reviewAction] = { label: 'test', grants: { municipality: 'own-municipality', architect: 'allow' } };
    rules[commentAction] = { label: 'test', grants: { organisation: 'own-organisation', architect: 'allow' } };
    routePolicy['POST /test/kommuner/:kommune/vurdering'] = reviewAction as never;
    routePolicy['POST /test/kommentarer/:id'] = commentAction as never;
    routePolicy['POST /test/glemt/:id'] = commentAction as never;
    ctx = await testApp();
    ctx.app.post('/test/kommuner/:kommune/vurdering', (c) => c.text(`vurdert ${c.req.param('kommune')}`));
    ctx.app.post('/test/kommentarer/:id', (c) => {
      requireOwnership(c, { organisationId: comments[c.req.param('id')] ?? null });
      return c.text('endret');
    });
    ctx.app.post('/test/glemt/:id', (c) => c.text('endret uten å sjekke eier'));
  });
  afterAll(async () => {
    delete rules[reviewAction];
    delete rules[commentAction];
    delete routePolicy['POST /test/kommuner/:kommune/vurdering'];
    delete routePolicy['POST /test/kommentarer/:id'];
    delete routePolicy['POST /test/glemt/:id'];
    await ctx.db.destroy();
  });

  it('lets a municipality user act only for its own municipality (checked from the path)', async () => {
    const oslo = await signIn(ctx, 'municipality'); // bound to 0301
    expect((await postForm(ctx, '/test/kommuner/0301/vurdering', {}, oslo)).status).toBe(200);
    expect((await postForm(ctx, '/test/kommuner/4601/vurdering', {}, oslo)).status).toBe(403);
    expect((await postForm(ctx, '/test/kommuner/4601/vurdering', {}, await signIn(ctx, 'architect'))).status).toBe(200);
    expect((await postForm(ctx, '/test/kommuner/0301/vurdering', {}, await signIn(ctx, 'organisation'))).status).toBe(403);
    expect((await postForm(ctx, '/test/kommuner/0301/vurdering', {}, await signIn(ctx, 'reader'))).status).toBe(403);
  });

  it("lets an organisation user edit only its own organisation's things (checked by the handler)", async () => {
    const member = await signIn(ctx, 'organisation'); // Testforeningen, the first organisation: id 1
    expect((await postForm(ctx, '/test/kommentarer/1', {}, member)).status).toBe(200);
    expect((await postForm(ctx, '/test/kommentarer/2', {}, await signIn(ctx, 'architect'))).status).toBe(200);
    const other = await postForm(ctx, '/test/kommentarer/2', {}, member);
    expect(other.status).toBe(403);
    const answer = await other.text();
    expect(answer).not.toContain('endret');
    expect(answer).toContain('Du kan bare gjøre dette for din egen kommune eller organisasjon.');
    const denied = await ctx.db.selectFrom('audit_event').select('details').where('action', '=', 'request.denied').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(denied.details).toBe('POST /test/kommentarer/2 (ownership:test.comment)');
  });

  it('fails loudly when a handler with an ownership rule never checks ownership', async () => {
    const res = await postForm(ctx, '/test/glemt/1', {}, await signIn(ctx, 'organisation'));
    expect(res.status).toBe(500);
    expect(String(ctx.errors.at(-1))).toContain('requireOwnership');
  });
});
