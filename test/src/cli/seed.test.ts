import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'akson-seed-'));
const file = join(dir, 'akson.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function npm(...args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', ...args], { cwd: root, env: { ...process.env, DATABASE_FILE: file }, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

function query<T>(sql: string): T {
  const db = new SQLite(file);
  try {
    return db.prepare(sql).get() as T;
  } finally {
    db.close();
  }
}

describe('npm run migrate and npm run seed', () => {
  it('migrate creates the schema; seed fills it once and leaves later changes alone; --reset rebuilds it', () => {
    const migrated = npm('migrate');
    expect(migrated.code, migrated.output).toBe(0);
    expect(migrated.output).toContain('0001_scope_model');
    expect(npm('migrate').output).toContain('er allerede oppdatert');

    const seeded = npm('seed');
    expect(seeded.code, seeded.output).toBe(0);
    expect(seeded.output).toMatch(/Fylte .* med \d+ elementer og 357 kommuner/);
    const { n } = query<{ n: number }>('select count(*) as n from element');

    const db = new SQLite(file);
    db.prepare("update element set name = 'Endret' where key = 'multidose'").run();
    db.prepare("insert into element (kind, key, name, description, tentative, position, created_at, updated_at) values ('goal', 'nytt-mal', 'Nytt mål', '', 0, 9, 'x', 'x')").run();
    db.close();

    const again = npm('seed');
    expect(again.code).toBe(0);
    expect(again.output).toContain('har allerede innhold; ingenting endret');
    expect(query<{ name: string }>("select name from element where key = 'multidose'").name).toBe('Endret');

    const reset = npm('seed', '--', '--reset');
    expect(reset.code, reset.output).toBe(0);
    expect(reset.output).toContain('Tømte');
    expect(query<{ name: string }>("select name from element where key = 'multidose'").name).toBe('Multidose');
    expect(query<{ n: number }>('select count(*) as n from element').n).toBe(n);
    expect(query<{ n: number }>("select count(*) as n from element where key = 'nytt-mal'").n).toBe(0);
  }, 120_000);

  it('refuses an argument it does not know, and changes nothing', () => {
    const run = npm('seed', '--', '--slett-alt');
    expect(run.code).toBe(2);
    expect(run.output).toContain('Ukjent argument: --slett-alt');
  }, 60_000);
});
