import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.tsx';
import { configWith } from '../../src/config.ts';
import { openDatabase, WRITER_LOCK, type Db } from '../../src/db/index.ts';
import { verifyAuditChain } from '../../src/db/queries/audit-chain.ts';
import { lastDatabase, testEngine } from '../engine.ts';
import { postForm, signIn, testClock, testDb, textOf, type TestContext } from '../helpers.ts';

/**
 * The database ends the app's connections in the middle of a burst of writes (what a PostgreSQL
 * restart or failover does; here `pg_terminate_backend`): the requests in flight get a clear 503
 * page and write nothing, the pool reconnects by itself, and every write that was acknowledged is
 * there afterwards.
 *
 * To have requests really in flight when the connections go, the test holds the writers' lock
 * (`WRITER_LOCK`) from a connection of its own, so the burst's transactions wait inside the
 * server until it ends their connections.
 */
describe.skipIf(testEngine !== 'postgres')('PostgreSQL ending the connections during a write burst', () => {
  let ctx: TestContext;
  let db: Db;
  let admin: pg.Client;
  const poolErrors: Error[] = [];

  beforeEach(async () => {
    await testDb();
    db = openDatabase(lastDatabase, { poolSize: 4, onPoolError: (e) => poolErrors.push(e) });
    const clock = testClock();
    const config = configWith({});
    const errors: unknown[] = [];
    ctx = { app: createApp({ db, config, now: clock.now, logError: (e) => errors.push(e) }), db, clock, config, queries: [], errors, users: new Map() };
    admin = new pg.Client({ connectionString: lastDatabase });
    await admin.connect();
  });

  afterEach(async () => {
    await admin.end();
    await db.destroy();
  });

  const waitingOnLock = async () =>
    Number(
      (await admin.query(`select count(*) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`)).rows[0].n,
    );

  const burst = (names: string[], headers: Record<string, string>) =>
    names.map(async (name) => {
      const res = await postForm(ctx, '/mal', { name }, headers);
      return { name, status: res.status, text: textOf(await res.text()) };
    });

  it('answers the requests in flight 503, reconnects, and loses nothing it acknowledged', async () => {
    const architect = await signIn(ctx, 'architect');
    await admin.query('select pg_advisory_lock($1)', [WRITER_LOCK]);
    const names = Array.from({ length: 24 }, (_, i) => `Under omstart ${i}`);
    const answers = burst(names, architect);
    // Wait until the instance's writer sits in a write transaction, waiting for the lock (the
    // rest of the burst queues in the process behind it), while readers hold other connections.
    // Bounded in time, not in tries: on a loaded machine each look costs a round trip, and the
    // burst takes as long as it takes to get there. 30 s only catches a burst that never arrives.
    for (const until = Date.now() + 30_000; (await waitingOnLock()) < 1; ) {
      if (Date.now() > until) throw new Error('the burst never reached the database');
      await new Promise((r) => setTimeout(r, 10));
    }
    const ended = await admin.query(`select count(*) filter (where pg_terminate_backend(pid)) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
    expect(Number(ended.rows[0].n)).toBeGreaterThanOrEqual(1);
    await admin.query('select pg_advisory_unlock($1)', [WRITER_LOCK]);
    const results = await Promise.all(answers);

    const tally: Record<number, number> = {};
    for (const r of results) tally[r.status] = (tally[r.status] ?? 0) + 1;
    // In flight: a clear 503; the rest got new connections and were saved.
    expect(Object.keys(tally).sort()).toEqual(['303', '503']);
    expect(tally[503]).toBeGreaterThanOrEqual(1);
    for (const r of results.filter((x) => x.status === 503)) {
      expect(r.text).toContain('Mistet forbindelsen til databasen');
      expect(r.text).toContain('Ingenting er lagret');
    }

    // Everything acknowledged is there, nothing refused is, and the audit chain held.
    const stored = new Set((await db.selectFrom('element').select('name').where('name', 'like', 'Under omstart %').execute()).map((r) => r.name));
    expect([...stored].sort()).toEqual(results.filter((r) => r.status === 303).map((r) => r.name).sort());
    expect(await verifyAuditChain(db)).toMatchObject({ whole: true });

    // The ended connections were reported to the server's log handler, not thrown (which would end the process).
    expect(poolErrors.length).toBeGreaterThanOrEqual(1);
    for (const e of poolErrors) expect(e.message).toMatch(/terminat/i);

    // The pool has reconnected: the next burst is saved whole.
    const after = await Promise.all(burst(Array.from({ length: 12 }, (_, i) => `Etter omstart ${i}`), architect));
    expect(after.map((r) => r.status)).toEqual(Array(12).fill(303));
    // Each 503 was logged with its real cause; nothing else was.
    expect(ctx.errors.length).toBe(tally[503]);
    for (const e of ctx.errors) expect(String(e)).toMatch(/Databasefeil ved POST \/mal/);
  });
});
