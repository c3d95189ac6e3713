import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../seeds/seed.ts';
import { createUser } from '../../src/commands/users.ts';
import { migrateToLatest, openDatabase } from '../../src/db/index.ts';
import { sessionCookie, testPassword } from '../helpers.ts';
import { addressInUse, freePort, portTries } from '../ports.ts';

/**
 * Two app processes on one SQLite file (not the supported setup, but it must not lose or refuse
 * writes): the second is warned at start, and concurrent form posts split over both all succeed,
 * because each write transaction takes the write lock at its start (BEGIN IMMEDIATE) and waits
 * for it within the busy timeout. Once, 42 % of such posts failed with 500 SQLITE_BUSY.
 */
const root = new URL('../../', import.meta.url).pathname;

interface Server {
  child: ChildProcess;
  origin: string;
  output: () => string;
}

/**
 * Starts `src/server.ts` on the file, on a port the OS has just handed out as free; if an
 * outgoing connection took that port before the server listened (EADDRINUSE), on another.
 */
async function startServer(file: string): Promise<Server> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const started = await startOn(file, port);
    if ('child' in started) return started;
    if (!addressInUse(started.output) || attempt >= portTries) throw new Error(`server on ${port} stopped (${started.code}):\n${started.output}`);
  }
}

function startOn(file: string, port: number): Promise<Server | { code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_FILE: file, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    // Generous: it only has to catch a start that hangs, on a machine other tests share.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server on ${port} did not start:\n${output}`));
    }, 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/kjører på/.test(output)) {
        clearTimeout(timer);
        resolve({ child, origin: `http://127.0.0.1:${port}`, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    // Before it listened: the caller decides (another port, or fail with this output).
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

function stop(server: Server | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });
}

describe('two app processes on one SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'akson-two-'));
  const file = join(dir, 'akson.db');
  let first: Server | undefined;
  let second: Server | undefined;
  const email = 'arkitekt@test.no';

  beforeAll(async () => {
    const db = openDatabase(file);
    await migrateToLatest(db);
    await seedDatabase(db, new Date('2026-01-01T00:00:00Z'));
    const made = await createUser(db, { email, name: 'Arkitekt', role: 'architect', municipalityNumber: null, organisationId: null, password: testPassword }, { at: new Date(), userId: null, clientAddress: null });
    expect(made.kind).toBe('ok');
    await db.destroy();
    first = await startServer(file);
    second = await startServer(file);
  }, 240_000);

  afterAll(async () => {
    await stop(first);
    await stop(second);
    rmSync(dir, { recursive: true, force: true });
  });

  it('warns the second process at start, and only the second', () => {
    expect(first!.output()).not.toContain('ADVARSEL');
    expect(second!.output()).toContain(`ADVARSEL: en annen prosess (pid ${first!.child.pid}) kjører allerede Akson omfang på ${file}.`);
    expect(second!.output()).toContain('Én prosess per SQLite-fil er oppsettet som støttes');
  });

  it('takes 200 concurrent form posts split over both processes without one error', { timeout: 120_000 }, async () => {
    // One sign-in: the session lives in the file, so both processes know it.
    const signedIn = await fetch(`${first!.origin}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: first!.origin },
      body: new URLSearchParams({ email, password: testPassword }).toString(),
    });
    expect(signedIn.status).toBe(303);
    const cookie = sessionCookie(signedIn)!;
    const names = Array.from({ length: 200 }, (_, i) => `Samtidig mål ${i}`);
    const statuses = await Promise.all(
      names.map(async (name, i) => {
        const server = i % 2 === 0 ? first! : second!;
        const res = await fetch(`${server.origin}/mal`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.origin, Cookie: cookie },
          body: new URLSearchParams({ name }).toString(),
        });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    const failures = statuses.filter((s) => s !== 303);
    expect(failures).toEqual([]);

    // Every goal is there once, each under its own key, and the audit chain held.
    const db = openDatabase(file);
    try {
      const rows = await db.selectFrom('element').select(['name', 'key']).where('name', 'like', 'Samtidig mål %').execute();
      expect(rows.map((r) => r.name).sort()).toEqual([...names].sort());
      expect(new Set(rows.map((r) => r.key)).size).toBe(names.length);
      const { verifyAuditChain } = await import('../../src/db/queries/audit-chain.ts');
      expect(await verifyAuditChain(db)).toMatchObject({ whole: true });
    } finally {
      await db.destroy();
    }
  });

  it('leaves no note behind once both have stopped', async () => {
    await stop(second);
    expect(existsSync(`${file}.pid`)).toBe(true); // the first one's
    await stop(first);
    expect(existsSync(`${file}.pid`)).toBe(false);
  });
});
