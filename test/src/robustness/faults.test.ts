import { sql } from 'kysely';
import { databaseFault } from '../../../src/http/faults.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEngine } from '../../engine.ts';
import { postForm, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';

// Finding 2: a full disk was told as a 500 with "cannot rollback - no transaction is active" in the log.
let ctx: TestContext;
beforeEach(async () => {
  ctx = await testApp();
});
afterEach(() => ctx.db.destroy());

const count = async (table: 'review_round' | 'review_round_service' | 'audit_event') =>
  Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/**
 * Fills the database to SQLite's `max_page_count`, then frees room for one page: the next big write
 * runs out midway. A PostgreSQL server cannot be filled from a test, so there the frozen services
 * (written after the round row, in the same transaction) meet the server's own disk_full error.
 */
async function fillTheDisk(): Promise<void> {
  if (testEngine === 'postgres') {
    await failWrites('review_round_service', '53100', 'could not extend file: No space left on device');
    return;
  }
  await sql`create table filler (id integer primary key, data blob)`.execute(ctx.db);
  const pages = (await sql<{ page_count: number }>`pragma page_count`.execute(ctx.db)).rows[0]!.page_count;
  await sql.raw(`pragma max_page_count = ${pages + 40}`).execute(ctx.db);
  try {
    for (let i = 0; i < 100; i++) await sql`insert into filler (data) values (randomblob(3000))`.execute(ctx.db);
    throw new Error('the database never filled up');
  } catch (error) {
    expect((error as { code?: string }).code).toBe('SQLITE_FULL');
  }
  await sql`delete from filler where id in (select id from filler order by id desc limit 1)`.execute(ctx.db);
}

/** PostgreSQL: inserts into `table` fail with the server's error `code` from now on. */
async function failWrites(table: string, code: string, message: string): Promise<void> {
  await sql.raw(`create function test_fault() returns trigger language plpgsql as $$ begin raise exception '${message}' using errcode = '${code}'; end $$`).execute(ctx.db);
  await sql.raw(`create trigger test_fault before insert on ${table} for each row execute function test_fault()`).execute(ctx.db);
}

describe('a database that runs out of space', () => {
  it('answers 507 with a specific Norwegian message, writes nothing of the change, and logs SQLITE_FULL', async () => {
    const architect = await signIn(ctx, 'architect');
    const before = { rounds: await count('review_round'), services: await count('review_round_service'), audit: await count('audit_event') };
    await fillTheDisk();
    // Opening a round writes the round, a frozen copy of every service and an audit entry.
    const res = await postForm(ctx, '/vurdering/runder', { title: 'Første runde', deadline: '2026-12-15' }, architect);
    expect(res.status).toBe(507);
    const text = textOf(await res.text());
    expect(text).toContain('Lagringsplassen er full');
    expect(text).toContain('Serveren har ikke mer lagringsplass, så endringen ble ikke lagret. Ingenting er lagret.');
    expect({ rounds: await count('review_round'), services: await count('review_round_service'), audit: await count('audit_event') }).toEqual(before);
    const logged = ctx.errors.map((e) => `${String(e)} ${String((e as Error).cause ?? '')}`).join('\n');
    expect(logged).toContain(testEngine === 'postgres' ? '53100' : 'SQLITE_FULL');
    expect(logged).not.toContain('cannot rollback');
  });
});

describe('a database that cannot take writes', () => {
  it('answers 503 when it is read-only, and says so', async () => {
    const architect = await signIn(ctx, 'architect');
    // PostgreSQL: the error a read-only server (a standby, default_transaction_read_only) gives.
    if (testEngine === 'postgres') await failWrites('review_round', '25006', 'cannot execute INSERT in a read-only transaction');
    else await sql`pragma query_only = on`.execute(ctx.db);
    const res = await postForm(ctx, '/vurdering/runder', { title: 'Første runde', deadline: '2026-12-15' }, architect);
    if (testEngine === 'sqlite') await sql`pragma query_only = off`.execute(ctx.db);
    expect(res.status).toBe(503);
    expect(textOf(await res.text())).toContain('Databasen er skrivebeskyttet akkurat nå');
    expect(await count('review_round')).toBe(0);
    expect(ctx.errors.map(String).join('\n')).toContain(testEngine === 'postgres' ? '25006' : 'SQLITE_READONLY');
  });
});

describe('naming the fault', () => {
  it('tells a lock held beyond the busy timeout and a lost PostgreSQL connection apart from a bug', () => {
    const err = (code: string, message = 'x') => Object.assign(new Error(message), { code });
    expect(databaseFault(err('SQLITE_BUSY', 'database is locked'))).toMatchObject({ status: 503, title: 'errors.fault.locked.title' });
    expect(databaseFault(err('SQLITE_FULL', 'database or disk is full'))).toMatchObject({ status: 507 });
    expect(databaseFault(err('SQLITE_READONLY_DBMOVED'))).toMatchObject({ status: 503 });
    expect(databaseFault(err('57P01', 'terminating connection due to administrator command'))).toMatchObject({ status: 503, title: 'errors.fault.connection.title' });
    expect(databaseFault(err('ECONNREFUSED'))).toMatchObject({ status: 503 });
    expect(databaseFault(new Error('Connection terminated unexpectedly'))).toMatchObject({ status: 503 });
    expect(databaseFault(err('SQLITE_CONSTRAINT_UNIQUE'))).toBeUndefined();
    expect(databaseFault(new TypeError('x is undefined'))).toBeUndefined();
  });
});
