import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindInfo, elementKinds } from '../../model/kinds.ts';
import { growModel } from '../../seeds/synthetic.ts';
import { seedDatabase } from '../../seeds/seed.ts';
import { createApp } from '../../src/app.tsx';
import { freezeBaselineAsOperator } from '../../src/commands/baselines.ts';
import { configWith } from '../../src/config.ts';
import { migrateToLatest, openDatabase, type Db } from '../../src/db/index.ts';
import { addComments, addReply, makeRound, organisationMember } from '../consultation-fixtures.ts';
import { blankPostgresDatabase, testEngine } from '../engine.ts';
import { signIn, testClock, type TestContext } from '../helpers.ts';
import { seedDate } from '../setup/templates.ts';

/**
 * `npm run copy-db` from a SQLite installation that has been used (users, sessions, audit log,
 * a baseline, consultation comments and replies, a municipal review round, a deleted element) to
 * an empty PostgreSQL database: the command's own output, byte-for-byte audit entries and
 * baselines, ids that are not handed out twice, and every page the same on both afterwards.
 */
const root = new URL('../../', import.meta.url).pathname;

function copyDb(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/copy-db.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
}

describe.skipIf(testEngine !== 'postgres')('npm run copy-db from SQLite to PostgreSQL', () => {
  let dir: string;
  let file: string;
  let url: string;
  let source: Db;
  let target: Db;
  let ctx: TestContext;
  let admin: { Cookie: string };
  let deletedId: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'akson-copy-'));
    file = join(dir, 'akson-scope.db');
    source = openDatabase(file);
    await migrateToLatest(source);
    await seedDatabase(source, seedDate);
    await growModel(source, 2, { now: seedDate });
    const clock = testClock();
    const config = configWith({});
    ctx = { app: createApp({ db: source, config, now: clock.now, logError: () => {} }), db: source, clock, config, queries: [], errors: [], users: new Map() };
    admin = await signIn(ctx, 'administrator');
    await signIn(ctx, 'organisation');
    const member = await organisationMember(ctx, 'Pasientforeningen');
    const { id: roundId, items } = await makeRound(source);
    const comments = await addComments(source, items.slice(0, 3).map((item) => ({ roundId, itemId: item.id, organisationId: member.organisationId, text: 'Kravet bør «presiseres» – æøå 🙂' })));
    await addReply(source, comments[0]!, 'Svar med\nlinjeskift', member.organisationId);
    const frozen = await freezeBaselineAsOperator(source, clock.now(), { name: 'Høringsutkast 1', description: 'Før høringen' });
    expect(frozen.ok).toBe(true);
    // The newest element goes: PostgreSQL must not hand its id out again.
    const newest = await source.selectFrom('element').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    deletedId = newest.id;
    await source.deleteFrom('element').where('id', '=', deletedId).execute();
    url = await blankPostgresDatabase('copy');
  });

  afterAll(async () => {
    await target?.destroy();
    await source?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies every table in one go, prints a count per table, and refuses to copy into it again', async () => {
    const first = copyDb('--from', file, '--to', url);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const elements = Number((await source.selectFrom('element').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(first.stdout).toMatch(new RegExp(`\\n\\s+element\\s+${elements}\\n`));
    expect(first.stdout).toMatch(/\n\s+audit_event\s+[1-9]\d*\n/);
    expect(first.stdout).toMatch(/\n\s+baseline\s+1\n/);
    // Dependency order: what a row refers to is there before it.
    expect(first.stdout.indexOf(' element ')).toBeLessThan(first.stdout.indexOf(' requirement '));
    expect(first.stdout.indexOf(' app_user ')).toBeLessThan(first.stdout.indexOf(' user_session '));

    const again = copyDb('--from', file, '--to', url);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Måldatabasen er ikke tom');
    expect(again.stderr).not.toMatch(/\n\s+at /); // no stack trace
    target = openDatabase(url);
  });

  it('leaves the copy vacuumed and analysed, so the planner knows its tables (the review tallies the triggers rebuilt included)', async () => {
    const stats = await sql<{ relname: string; reltuples: number; rows: number }>`
      select c.relname, c.reltuples, (select count(*) from review_tally) as rows
      from pg_class c where c.relname = 'review_tally' and c.relnamespace = current_schema()::regnamespace`.execute(target);
    const tally = stats.rows[0]!;
    expect(Number(tally.rows)).toBeGreaterThan(0);
    // -1 until a VACUUM or ANALYZE has counted the table; then its live rows.
    expect(Number(tally.reltuples)).toBe(Number(tally.rows));
    const analysed = await sql<{ n: number }>`select count(*) as n from pg_stats where schemaname = current_schema() and tablename = 'review_stance'`.execute(target);
    expect(Number(analysed.rows[0]!.n)).toBeGreaterThan(0);
  });

  it('keeps the audit log and the baselines byte for byte, and the chain holds', async () => {
    for (const table of ['audit_event', 'baseline'] as const) {
      const before = await source.selectFrom(table).selectAll().orderBy('id').execute();
      const after = await target.selectFrom(table).selectAll().orderBy('id').execute();
      expect(after.length, table).toBe(before.length);
      expect(after, table).toEqual(before);
      // Texts as bytes, not just as equal strings after decoding.
      expect(Buffer.from(JSON.stringify(after))).toEqual(Buffer.from(JSON.stringify(before)));
    }
    const audit = copyAuditVerify(url);
    expect(audit.stdout + audit.stderr).toMatch(/hel|whole|ok/i);
    expect(audit.status).toBe(0);
  });

  it('renders every page the same from both databases, signed in and not, with the sessions moved along', async () => {
    const clock = testClock();
    const config = configWith({});
    const apps = [source, target].map((db) => createApp({ db, config, now: clock.now, logError: () => {} }));
    const keys = new Map<string, string>();
    for (const kind of elementKinds) {
      const row = await source.selectFrom('element').select('key').where('kind', '=', kind).orderBy('id').executeTakeFirst();
      if (row) keys.set(kindInfo[kind].path, row.key);
    }
    const sample: Record<string, string> = { id: '1', kommune: '0301', kommentar: '1', document: 'akson-arena-2019-10-24', token: 'ingen-slik-lenke', name: 'app.css', from: '1', to: '1', file: 'multidose.mmd', key: 'multidose' };
    const paths = new Set<string>();
    for (const route of apps[0]!.routes) {
      if (route.method !== 'GET') continue;
      // Engine and migration state (healthz) and search ranking (FTS5 vs the stemming `norwegian` configuration) differ by design.
      if (/^\/(healthz|livez|sok|assets)/.test(route.path)) continue;
      const kindPaths = /^\/:kindPath\{\(\?:([^)]*)\)\}/.exec(route.path)?.[1]?.split('|');
      for (const kindPath of kindPaths ?? [null]) {
        let path = kindPath ? route.path.replace(/^\/:kindPath\{[^}]*\}/, `/${kindPath}`) : route.path;
        path = path.replace(/:(\w+)(?:\{[^/]*\})?/g, (_, name: string) => (name === 'key' && kindPath ? (keys.get(kindPath) ?? 'x') : (sample[name] ?? 'x')));
        paths.add(path);
      }
    }
    paths.add('/informasjonstjenester?tier=2023').add('/matriser/aktorer?category=plan').add('/horing/1?side=2').add('/vurdering/dashbord?sorter=omstridt');
    expect(paths.size).toBeGreaterThan(100);

    const normalise = (body: string) => body.replace(/nonce="[^"]*"/g, 'nonce=""').replace(/nonce-[A-Za-z0-9+/=_-]+/g, 'nonce-');
    let compared = 0;
    for (const path of paths) {
      for (const [who, headers] of [['anonym', {}], ['administrator', admin]] as const) {
        const [a, b] = await Promise.all(apps.map((app) => app.request(path, { headers })));
        expect(b!.status, `${who} ${path}`).toBe(a!.status);
        expect(a!.status, `${who} ${path}`).toBeLessThan(500);
        const type = a!.headers.get('content-type') ?? '';
        const [bodyA, bodyB] = await Promise.all([a!.arrayBuffer(), b!.arrayBuffer()]);
        // Spreadsheets carry the moment they were written; the rest is text.
        if (/spreadsheet/.test(type)) continue;
        expect(normalise(Buffer.from(bodyB).toString('utf8')), `${who} ${path}`).toBe(normalise(Buffer.from(bodyA).toString('utf8')));
        if (a!.status === 200) compared++;
      }
    }
    expect(compared).toBeGreaterThan(150);
  });

  it('sets the sequences after the copy: new rows get new ids, not those of rows deleted before', async () => {
    const at = new Date().toISOString();
    const element = await target
      .insertInto('element')
      .values({ kind: 'goal', key: 'etter-flyttingen', name: 'Etter flyttingen', name_en: null, description: '', tentative: 0, position: 999, version: 1, created_at: at, updated_at: at, source_document_id: null, source_from: null, source_to: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(element.id).toBeGreaterThan(deletedId);
    const maxAudit = (await target.selectFrom('audit_event').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id!;
    const audit = await target.insertInto('audit_event').values({ at, action: 'test.etter', user_id: null, entity: null, entity_id: null, element_id: null, before_json: null, after_json: null, client_address: null, details: null, prev_hash: null, hash: null }).returning('id').executeTakeFirstOrThrow();
    expect(audit.id).toBe(maxAudit + 1);
    await target.deleteFrom('element').where('id', '=', element.id).execute();
  });
});

function copyAuditVerify(url: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/audit.ts', 'verify'], { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, DATABASE_URL: url } });
}
