import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { addressInUse, freePort, portTries } from '../ports.ts';

const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'akson-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  output: string;
  code: number | null;
}

type Probed = { status: number; body: string; type: string };

/**
 * Runs `npm start` with the given environment until `until` appears in its output, then fetches
 * `probe` (one path or several, one after the other) on the port it was given and stops it. With a
 * probe it listens on a port the OS has just handed out as free, and starts again on another if
 * that one was taken meanwhile (EADDRINUSE); the output is that of every start.
 */
async function run(env: Record<string, string>, until: RegExp | null, probe?: string | string[]): Promise<Run & { port?: number; probed?: Probed; all?: Probed[] }> {
  if (!probe) return runOnce(env, until);
  let earlier = '';
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const result = await runOnce({ ...env, PORT: String(port) }, until, [probe].flat().map((path) => `http://127.0.0.1:${port}${path}`));
    if (!result.probed && addressInUse(result.output) && attempt < portTries) {
      earlier += result.output;
      continue;
    }
    return { ...result, output: earlier + result.output, port };
  }
}

function runOnce(env: Record<string, string>, until: RegExp | null, probe?: string[]): Promise<Run & { probed?: Probed; all?: Probed[] }> {
  return new Promise((resolve, reject) => {
    // Its own process group, so that stopping it stops npm and node together.
    const child = spawn('npm', ['start', '--silent'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const stop = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    };
    let output = '';
    let all: Probed[] | undefined;
    const timer = setTimeout(() => {
      stop('SIGKILL');
      reject(new Error(`no answer in time; output so far:\n${output}`));
      // A first start migrates and seeds a fresh file: generous, since the other test worker and
      // whatever else runs on the machine share its CPU. It only has to catch a start that hangs.
    }, 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (until && until.test(output) && !all && probe) {
        until = null;
        all = [];
        const answers = all;
        void (async () => {
          for (const url of probe) {
            answers.push(
              await fetch(url)
                .then(async (r) => ({ status: r.status, body: await r.text(), type: r.headers.get('content-type') ?? '' }))
                .catch((e: unknown) => ({ status: 0, body: String(e), type: '' })),
            );
          }
        })().finally(() => stop('SIGTERM'));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ output, code, ...(all?.[0] ? { probed: all[0], all } : {}) });
    });
  });
}

function counts(file: string) {
  const db = new SQLite(file, { readonly: true });
  const row = db
    .prepare(
      `select (select count(*) from element) as elements, (select count(*) from municipality) as municipalities,
              (select group_concat(name || ':' || version) from (select name, version from element order by id)) as snapshot`,
    )
    .get() as { elements: number; municipalities: number; snapshot: string };
  db.close();
  return row;
}

describe('npm start', () => {
  it('creates, migrates and seeds a fresh database, and a second start changes nothing', async () => {
    const file = join(dir, 'fresh', 'akson.db');
    const env = { DATABASE_FILE: file };
    const first = await run(env, /kjører på/, '/healthz');
    expect(first.output).toContain('Fylte databasen med Akson-innholdet');
    // No administrator yet: a one-time setup link is printed.
    expect(first.output).toMatch(new RegExp(`Ingen administrator finnes ennå.*\\n  http://127\\.0\\.0\\.1:${first.port}/invitasjon/[\\w-]{43}\\n`));
    expect(first.probed?.status).toBe(200);
    expect(JSON.parse(first.probed!.body)).toMatchObject({ status: 'ok', engine: 'sqlite' });
    const afterFirst = counts(file);
    expect(afterFirst.elements).toBeGreaterThan(200);
    expect(afterFirst.municipalities).toBe(357);

    // `npm start` runs the server built from the sources (scripts/build.mjs): it finds what lies
    // beside the sources as they do (the message catalogues, its own assets and the packages').
    const second = await run(env, /kjører på/, ['/healthz', '/', '/assets/htmx.min.js']);
    expect(second.output).not.toContain('Fylte databasen');
    expect(second.output).not.toContain('migrering');
    const [health, front, script] = second.all!;
    expect(health?.status).toBe(200);
    expect(front?.status).toBe(200);
    expect(front?.body).toContain('Hopp til hovedinnhold');
    expect(front?.body).toContain('Informasjonstjenester');
    expect(script?.status).toBe(200);
    expect(script?.type).toContain('text/javascript');
    expect(script?.body).toContain('htmx');
    expect(counts(file)).toEqual(afterFirst);
  }, 240_000);

  it.each([
    [{ PORT: 'tre tusen' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_FILE: '' }, 'DATABASE_FILE'],
    [{ LOG_SQL: 'kanskje' }, 'LOG_SQL'],
    [{ PUBLIC_READ: 'kanskje' }, 'PUBLIC_READ'],
    [{ DATABASE_URL: 'mysql://akson@localhost/akson' }, 'DATABASE_URL'],
  ])('stops with a message naming the variable for %o', async (env, name) => {
    const result = await run({ DATABASE_FILE: join(dir, 'bad.db'), ...env }, null);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('Ugyldig konfigurasjon');
    expect(result.output).toContain(`${name}:`);
    expect(result.output).not.toMatch(/at .*\.[jt]s:\d+/);
  }, 60_000);

  it('stops with a message naming DATABASE_URL when PostgreSQL cannot be reached', async () => {
    // Nothing listens on port 9 (discard) on the test machines.
    const result = await run({ DATABASE_URL: 'postgres://akson:hemmelig@127.0.0.1:9/akson', PORT: '39871' }, null);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('DATABASE_URL: kan ikke koble til PostgreSQL');
    expect(result.output).not.toContain('hemmelig');
    expect(result.output).not.toMatch(/at .*\.[jt]s:\d+/);
  }, 60_000);
});
