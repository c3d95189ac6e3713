import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.tsx';
import { configWith } from '../../src/config.ts';
import { openDatabase, type Db } from '../../src/db/index.ts';
import { lastDatabase, testEngine } from '../engine.ts';
import { htmx, postForm, postShown, signIn, testClock, testDb, textOf, type TestContext } from '../helpers.ts';
import { frozenIds, openRound } from '../src/review/helpers.ts';

/**
 * Two app instances, each with its own connection pool, on one PostgreSQL database, raced against
 * each other: sessions, the sign-in limit, optimistic versions, AKS numbering, autosaves and
 * submissions hold across instances exactly as within one. No duplicate number, no lost update,
 * 409 where a version is stale, and never a 500.
 */
describe.skipIf(testEngine !== 'postgres')('two app instances on one PostgreSQL database', () => {
  let a: TestContext;
  let b: TestContext;
  let extra: Db;

  beforeEach(async () => {
    const dbA = await testDb();
    extra = openDatabase(lastDatabase, { poolSize: 4 });
    const clock = testClock();
    const config = configWith({ TRUST_PROXY: 'true' });
    const users = new Map();
    const make = (db: Db): TestContext => {
      const errors: unknown[] = [];
      return { app: createApp({ db, config, now: clock.now, logError: (e) => errors.push(e) }), db, clock, config, queries: [], errors, users };
    };
    a = make(dbA);
    b = make(extra);
  });

  afterEach(async () => {
    // Whatever happened, neither instance met an error it could not name.
    expect(a.errors.map(String)).toEqual([]);
    expect(b.errors.map(String)).toEqual([]);
    await extra.destroy();
  });

  /** Runs `count` requests at once, alternating between the instances. */
  const race = (count: number, request: (ctx: TestContext, i: number) => Response | Promise<Response>) =>
    Promise.all(Array.from({ length: count }, async (_, i) => {
      const res = await request(i % 2 === 0 ? a : b, i);
      return { status: res.status, body: await res.text() };
    }));

  const tally = (answers: Array<{ status: number }>) => {
    const byStatus: Record<number, number> = {};
    for (const { status } of answers) byStatus[status] = (byStatus[status] ?? 0) + 1;
    return byStatus;
  };

  it('share sessions: signed in on one, known on the other; signed out on one, gone on both', async () => {
    const cookie = await signIn(a, 'architect');
    expect((await b.app.request('/konto/tokener', { headers: cookie })).status).toBe(200);
    expect((await postForm(b, '/logg-ut', {}, cookie)).status).toBe(303);
    for (const ctx of [a, b]) expect((await ctx.app.request('/konto/tokener', { headers: cookie })).status).not.toBe(200);
  });

  it('count every guess of a parallel attack on both against one sign-in limit', async () => {
    await signIn(a, 'architect'); // creates the account
    const answers = await race(40, (ctx, i) => postForm(ctx, '/login', { email: 'architect@test.no', password: `gjetning ${i}` }, { 'X-Forwarded-For': '192.0.2.66' }));
    expect(tally(answers)).toEqual({ 401: 5, 429: 35 });
    const failed = await a.db.selectFrom('audit_event').select('id').where('action', '=', 'login.failed').execute();
    expect(failed).toHaveLength(5);
  });

  it('let one of twenty edits made from the same version win, and answer the rest 409 with nothing lost or mixed', async () => {
    const architect = await signIn(a, 'architect');
    const before = await a.db.selectFrom('element').select(['id', 'version']).where('key', '=', 'multidose').executeTakeFirstOrThrow();
    const base = { name: 'Multidose', category: 'legemidler-og-vaksiner', tier: '2023', tierTentative: 'on', tentative: 'on', version: String(before.version) };
    const answers = await race(20, (ctx, i) => postForm(ctx, '/informasjonstjenester/multidose', { ...base, description: `Endring nummer ${i}` }, architect));
    const won = answers.map((r, i) => ({ ...r, i })).filter((r) => r.status !== 409);
    expect(tally(answers)[409]).toBe(19);
    expect(won).toHaveLength(1);
    expect(won[0]!.status).toBeLessThan(400);
    const after = await b.db.selectFrom('element').select(['description', 'version']).where('id', '=', before.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ description: `Endring nummer ${won[0]!.i}`, version: before.version + 1 });
    for (const loser of answers.filter((r) => r.status === 409)) expect(textOf(loser.body)).toContain('Noen andre har endret dette elementet etter at du åpnet skjemaet');
  });

  it('give thirty requirements created at once on both thirty different AKS numbers', async () => {
    const architect = await signIn(a, 'architect');
    const answers = await race(30, (ctx, i) => postForm(ctx, '/krav', { name: `Samtidig krav ${i}`, text: 'Løsningen skal tåle samtidighet.', priority: 'must', status: 'proposed' }, architect));
    expect(answers.every((r) => r.status < 400)).toBe(true);
    const refs = (await a.db.selectFrom('requirement').select('ref').execute()).map((r) => r.ref);
    expect(refs).toHaveLength(40); // the ten seeded and thirty new
    expect(new Set(refs).size).toBe(40);
  });

  it('keep every answer a municipality autosaves from both at once, then take one submission of the same draft', async () => {
    const round = await openRound(a);
    const ids = await frozenIds(a, round);
    const oslo = await signIn(a, 'municipality');
    const path = `/vurdering/runder/${round}/kommuner/0301`;
    const services = Object.entries(ids);
    const saves = await race(services.length, (ctx, i) => {
      const id = services[i]![1];
      // As the page's autosave posts it, with the answer's version the page showed.
      return postShown(ctx, `${path}/tjenester/${id}`, { [`standpunkt-${id}`]: i % 3 === 0 ? 'opposes' : 'supports', [`kommentar-${id}`]: `Svar ${i}` }, { ...oslo, ...htmx }, path);
    });
    expect(tally(saves)).toEqual({ 200: services.length });
    const stored = await b.db.selectFrom('review_stance').select(['round_service_id', 'stance', 'comment']).execute();
    expect(stored).toHaveLength(services.length);
    for (const [i, [, id]] of services.entries()) {
      expect(stored.find((s) => s.round_service_id === id), `tjeneste ${id}`).toMatchObject({ stance: i % 3 === 0 ? 'opposes' : 'supports', comment: `Svar ${i}` });
    }
    expect(await b.db.selectFrom('municipality_review').select('id').execute()).toHaveLength(1);

    // The same confirmation posted six times at once on both (a double click, two tabs): each is
    // told the review is sent, as one instance tells a repeated click, and it is sent once.
    const confirmation = await (await b.app.request(`${path}/send-inn`, { headers: oslo })).text();
    const fingerprint = /name="bekreft" value="([^"]+)"/.exec(confirmation)![1]!;
    const submissions = await race(6, (ctx) => postForm(ctx, `${path}/send-inn`, { bekreft: fingerprint }, oslo));
    expect(tally(submissions)).toEqual({ 303: 6 });
    const reviews = await a.db.selectFrom('municipality_review').select(['status']).execute();
    expect(reviews.map((r) => r.status)).toEqual(['submitted']);
    const audited = await a.db.selectFrom('audit_event').select('action').where('action', 'like', 'review.submit%').execute();
    expect(audited).toHaveLength(1);
  });
});
