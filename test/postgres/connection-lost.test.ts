import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.tsx';
import { configWith } from '../../src/config.ts';
import { openDatabase, type Db } from '../../src/db/index.ts';
import { lastDatabase, testEngine } from '../engine.ts';
import { postForm, signIn, testClock, testDb, textOf, type TestContext } from '../helpers.ts';

/**
 * Issue 12, "with PostgreSQL, connection lost": the server ends the app's connection in the middle
 * of a write (pg_terminate_backend on the app's own backend, after the round row is inserted and
 * before its frozen services are), and the app is started against a server that is not there.
 * Either way the user gets 503 with the specific Norwegian message, nothing partial is stored, and
 * the log names the real cause.
 */
describe.skipIf(testEngine !== 'postgres')('a lost PostgreSQL connection', () => {
  let ctx: TestContext;
  let observer: Db;

  beforeEach(async () => {
    const db = await testDb();
    const clock = testClock();
    const config = configWith({});
    const errors: unknown[] = [];
    ctx = { app: createApp({ db, config, now: clock.now, logError: (e) => errors.push(e) }), db, clock, config, queries: [], errors, users: new Map() };
    // A connection of its own, to look at what was stored from outside the app's pool.
    observer = openDatabase(lastDatabase, { poolSize: 1 });
  });
  afterEach(async () => {
    await observer.destroy();
  });

  const count = async (table: 'review_round' | 'review_round_service' | 'audit_event') =>
    Number((await observer.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('mid-write: 503 with the specific message, nothing of the change stored, the cause in the log', async () => {
    const architect = await signIn(ctx, 'architect');
    // The first frozen service's insert makes the server terminate the connection it came on.
    await sql
      .raw(`create function test_cut() returns trigger language plpgsql as $$ begin perform pg_terminate_backend(pg_backend_pid()); return new; end $$`)
      .execute(observer);
    await sql.raw(`create trigger test_cut before insert on review_round_service for each row execute function test_cut()`).execute(observer);
    const before = { rounds: await count('review_round'), services: await count('review_round_service'), audit: await count('audit_event') };

    const res = await postForm(ctx, '/vurdering/runder', { title: 'Første runde', deadline: '2026-12-15' }, architect);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('10');
    const text = textOf(await res.text());
    expect(text).toContain('Mistet forbindelsen til databasen');
    expect(text).toContain('Serveren mistet forbindelsen til databasen, så endringen ble ikke lagret. Ingenting er lagret.');
    expect({ rounds: await count('review_round'), services: await count('review_round_service'), audit: await count('audit_event') }).toEqual(before);
    const logged = ctx.errors.map((e) => `${String(e)} ${String((e as Error).cause ?? '')}`).join('\n');
    expect(logged).toMatch(/57P01|terminating connection|Connection terminated/);

    // The pool replaces the lost connection: once the server lets the write through, it is stored.
    await sql.raw('drop trigger test_cut on review_round_service').execute(observer);
    const again = await postForm(ctx, '/vurdering/runder', { title: 'Første runde', deadline: '2026-12-15' }, architect);
    expect(again.status).toBe(303);
    expect(await count('review_round')).toBe(before.rounds + 1);
  });

  it('no server at all: 503 with the same message, never a 500', async () => {
    const url = new URL(lastDatabase);
    url.port = '1'; // nothing listens there
    const gone = openDatabase(url.toString(), { poolSize: 1 });
    const errors: unknown[] = [];
    const app = createApp({ db: gone, config: configWith({}), now: ctx.clock.now, logError: (e) => errors.push(e) });
    try {
      const res = await postForm({ app }, '/vurdering/runder', { title: 'Første runde', deadline: '2026-12-15' }, { Cookie: '__Host-akson_session=x' });
      expect(res.status).toBe(503);
      expect(textOf(await res.text())).toContain('Mistet forbindelsen til databasen');
      expect(errors.map(String).join('\n')).toMatch(/ECONNREFUSED|connect/);
    } finally {
      await gone.destroy().catch(() => undefined);
    }
  });
});
