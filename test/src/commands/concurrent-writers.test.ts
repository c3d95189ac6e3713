import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.tsx';
import { configWith } from '../../../src/config.ts';
import { migrateToLatest, openDatabase, type Db } from '../../../src/db/index.ts';
import { seedDatabase } from '../../../seeds/seed.ts';
import { addComments, basisOf, makeRound } from '../../consultation-fixtures.ts';
import { createTestUser, postForm, sessionCookie, signInAs, testClock } from '../../helpers.ts';

/**
 * Two app instances on one SQLite file, each with its own connection, as two server processes
 * would be. Writers take the write lock when their transaction begins (BEGIN IMMEDIATE), so a
 * second writer waits for the first instead of failing; two saves of the same version end in one
 * save and one clear 409, never a 500.
 */
let dir: string;
let file: string;
let dbs: Db[];
let apps: ReturnType<typeof createApp>[];
let errors: unknown[];
let architect: Record<string, string>;
let round: Awaited<ReturnType<typeof makeRound>>;
let organisationId: number;
let user: Awaited<ReturnType<typeof createTestUser>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'akson-writers-'));
  file = join(dir, 'akson.db');
  const first = openDatabase(file);
  await migrateToLatest(first);
  await seedDatabase(first, new Date('2026-01-01T00:00:00Z'));
  dbs = [first, openDatabase(file)];
  errors = [];
  const clock = testClock();
  apps = dbs.map((db) => createApp({ db, config: configWith({}), now: clock.now, logError: (e) => errors.push(e) }));
  user = await createTestUser({ db: first, clock }, 'architect');
  architect = await signInAs({ app: apps[0]! }, user);
  round = await makeRound(first);
  const iso = new Date().toISOString();
  organisationId = (await first.insertInto('organisation').values({ name: 'Foreningen', kind: 'pasientforening', contact: '', created_at: iso, updated_at: iso }).returning('id').executeTakeFirstOrThrow()).id;
}, 60_000);
afterAll(async () => {
  for (const db of dbs) await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const answer = (app: number, commentId: number, basis: Record<string, string>, text: string) =>
  postForm({ app: apps[app]! }, `/horing/${round.id}/kommentarer/${commentId}/behandling`, { ...basis, status: 'tatt-til-folge', answer: text }, architect);

async function newComments(n: number): Promise<number[]> {
  return addComments(
    dbs[0]!,
    round.items.slice(0, n).map((item) => ({ roundId: round.id, itemId: item.id, organisationId })),
  );
}

describe('two writers on one database file', () => {
  it('both succeed when they change different things at the same moment', async () => {
    const [a, b] = await newComments(2);
    const [first, second] = await Promise.all([answer(0, a!, await basisOf(dbs[0]!, a!), 'Svar A.'), answer(1, b!, await basisOf(dbs[1]!, b!), 'Svar B.')]);
    expect([first.status, second.status]).toEqual([303, 303]);
    const rows = await dbs[1]!.selectFrom('consultation_comment').select('answer').where('id', 'in', [a!, b!]).orderBy('id').execute();
    expect(rows.map((r) => r.answer)).toEqual(['Svar A.', 'Svar B.']);
    expect(errors).toEqual([]);
  });

  it('end in one save and one clear 409 when both saved the same version', async () => {
    const [a] = await newComments(1);
    const basis = await basisOf(dbs[0]!, a!);
    const responses = await Promise.all([answer(0, a!, basis, 'Først.'), answer(1, a!, basis, 'Samtidig.')]);
    expect(responses.map((r) => r.status).sort()).toEqual([303, 409]);
    const conflict = responses.find((r) => r.status === 409)!;
    expect(await conflict.text()).toContain('Svaret ditt er ikke lagret');
    const audited = await dbs[0]!.selectFrom('audit_event').select('id').where('action', '=', 'consultation.comment.answer').where('entity_id', '=', String(a)).execute();
    expect(audited).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('waits for a writer in another process instead of failing', async () => {
    const [a] = await newComments(1);
    const basis = await basisOf(dbs[0]!, a!);
    // Another process takes the write lock and holds it for 2 s (the app waits up to 5 s). The answer
    // must wait for it: begun while the lock is held, it ends only after. The lock cannot be held
    // until the test says so, since the app waits for it on this very thread; 2 s leaves this process
    // that long to begin the answer after «locked», on however loaded a machine.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require('better-sqlite3'))(process.argv[1]);
         db.exec('begin immediate'); process.stdout.write('locked');
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
         db.exec('commit'); db.close();`,
        file,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
    const started = Date.now();
    const res = await answer(0, a!, basis, 'Etter ventetiden.');
    expect(res.status).toBe(303);
    // Not a speed check: proof that the answer was held back by the other writer, not let through.
    expect(Date.now() - started).toBeGreaterThan(100);
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(errors).toEqual([]);
  });
});

describe('a reader beside a writer in another process', () => {
  it('reads a page while another process holds the write lock, without waiting for it', async () => {
    // Pages read in one read-only snapshot: on SQLite a deferred BEGIN, which never asks for the
    // write lock. Begun IMMEDIATE, the read would wait for the lock (held here by this very
    // thread, so for ever) until the 5 s busy timeout, then answer 503.
    const reader = createApp({ db: dbs[1]!, config: configWith({ PAGE_CACHE_MB: '0' }), logError: (e) => errors.push(e) });
    const writer = new SQLite(file);
    writer.exec('begin immediate');
    try {
      const res = await reader.request('/informasjonstjenester/multidose');
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Multidose');
    } finally {
      writer.exec('rollback');
      writer.close();
    }
    expect(errors).toEqual([]);
  });
});

describe('two sign-ins on one database file', () => {
  const login = (app: number, password: string, headers: Record<string, string> = {}) => postForm({ app: apps[app]! }, '/login', { email: user.email, password }, headers);
  const count = async (action: string) => (await dbs[0]!.selectFrom('audit_event').select('id').where('action', '=', action).execute()).length;

  it('both start a session when one user signs in on both instances at once', async () => {
    const before = await count('login');
    const responses = await Promise.all([login(0, user.password), login(1, user.password), login(0, user.password), login(1, user.password)]);
    expect(responses.map((r) => r.status)).toEqual([303, 303, 303, 303]);
    const cookies = responses.map((r) => sessionCookie(r));
    expect(new Set(cookies).size).toBe(4);
    expect(await count('login')).toBe(before + 4);
    // Each cookie works on the other instance.
    for (const [i, cookie] of cookies.entries()) expect((await apps[1 - (i % 2)]!.request('/konto/tokener', { headers: { Cookie: cookie! } })).status).toBe(200);
    expect(errors).toEqual([]);
  });

  it('answers wrong passwords at once each with 401 or 429, and counts every one', async () => {
    await dbs[0]!.deleteFrom('login_throttle').execute();
    const responses = await Promise.all(Array.from({ length: 6 }, (_, i) => login(i % 2, 'ikke passordet mitt')));
    expect(responses.every((r) => r.status === 401 || r.status === 429), responses.map((r) => r.status).join()).toBe(true);
    const failed = responses.filter((r) => r.status === 401).length;
    const row = await dbs[1]!.selectFrom('login_throttle').select('failures').where('key', '=', `account:${user.email}`).executeTakeFirstOrThrow();
    expect(row.failures).toBe(failed);
    await dbs[0]!.deleteFrom('login_throttle').execute();
    expect(errors).toEqual([]);
  });

  it('signs out both tabs of one session at once and records the end once', async () => {
    const cookie = sessionCookie(await login(0, user.password))!;
    const before = await count('session.end');
    const responses = await Promise.all([0, 1].map((app) => postForm({ app: apps[app]! }, '/logg-ut', {}, { Cookie: cookie })));
    expect(responses.map((r) => r.status)).toEqual([303, 303]);
    expect(await count('session.end')).toBe(before + 1);
    expect((await apps[0]!.request('/konto/tokener', { headers: { Cookie: cookie } })).status).not.toBe(200);
    expect(errors).toEqual([]);
  });
});
