/**
 * The database engine this test file runs against, and fresh databases for its tests, copied from
 * the templates the global setup built (`test/setup/templates.ts`): nothing is migrated or seeded
 * per test.
 *
 * PostgreSQL: each worker has databases of its own (`<prefix>w<pool id>_<n>`), made from the
 * template the first time and reset to the wanted snapshot (one server-side call) for each use.
 * A database taken inside a test is handed back after the test; one taken in `beforeAll` is the
 * file's until it ends. So files run in parallel, tests within a file one after another.
 */
import { readFileSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, openSqlite, type Db, type Engine, type OpenOptions } from '../src/db/index.ts';

export const testEngine: Engine = process.env.AKSON_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

const templates: Partial<Record<'empty' | 'seeded', Buffer>> = {};
function sqliteTemplate(state: 'empty' | 'seeded'): Buffer {
  return (templates[state] ??= readFileSync(inject('sqliteTemplates')[state]));
}

/** Open handles, so each is closed when its test (or file) is done. */
const testHandles: Db[] = [];
const fileHandles: Db[] = [];
let inTest = false;
let testIndex = 0;
let fileIndex = 0;
const created = new Set<string>();

/**
 * The hooks that hand databases out per test and per file, registered for every test file by
 * `test/setup.ts`: a setup file runs again before each file, whereas this module is evaluated once
 * per worker when files share one (`isolate: false`), so hooks registered here would only hold for
 * the first file.
 */
export const engineHooks = {
  beforeEach(): void {
    inTest = true;
    testIndex = 0;
  },
  async afterEach(): Promise<void> {
    inTest = false;
    await Promise.all(testHandles.splice(0).map((db) => db.destroy().catch(() => undefined)));
  },
  async afterAll(): Promise<void> {
    await Promise.all([...testHandles.splice(0), ...fileHandles.splice(0)].map((db) => db.destroy().catch(() => undefined)));
    // The file's databases are closed: the next file in this worker takes them again (reset).
    fileIndex = 0;
  },
};

function postgresSettings() {
  const settings = inject('postgres');
  if (!settings) throw new Error('AKSON_TEST_ENGINE=postgres needs TEST_DATABASE_URL (the global setup did not make a template).');
  return settings;
}

export function urlFor(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function ensureDatabase(name: string): Promise<void> {
  if (created.has(name)) return;
  const { url, prefix } = postgresSettings();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      for (let attempt = 1; ; attempt++) {
        try {
          await admin.query(`create database "${name}" template "${prefix}tpl"`);
          break;
        } catch (error) {
          // Another worker copying the template at the same moment: wait and try again.
          if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
          await new Promise((r) => setTimeout(r, 100 * attempt));
        }
      }
    }
  } finally {
    await admin.end();
  }
  created.add(name);
}

async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: postgresSettings().url });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
  created.delete(name);
}

/** A new PostgreSQL database name of this run (empty, not from the template), for tests that need one. */
export async function blankPostgresDatabase(label: string): Promise<string> {
  const { url, prefix } = postgresSettings();
  const name = `${prefix}w${process.env.VITEST_POOL_ID ?? '0'}_${label}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return urlFor(url, name);
}

/**
 * A fresh database in the template's state (`seed: false`: migrated only). The log only sees
 * queries after the copy is made.
 */
export async function freshDatabase(options: { seed?: boolean; log?: OpenOptions['log'] } = {}): Promise<Db> {
  const state = options.seed === false ? 'empty' : 'seeded';
  if (testEngine === 'sqlite') {
    const db = openSqlite(new SQLite(sqliteTemplate(state)), options.log ? { log: options.log } : {});
    return db;
  }
  const { url, prefix } = postgresSettings();
  const slot = process.env.VITEST_POOL_ID ?? '0';
  const name = inTest ? `${prefix}w${slot}_t${testIndex++}` : `${prefix}w${slot}_f${fileIndex++}`;
  for (let attempt = 1; ; attempt++) {
    await ensureDatabase(name);
    let ready = false;
    const log = options.log;
    const db = openDatabase(urlFor(url, name), {
      poolSize: 4,
      ...(log ? { log: (e) => (ready ? log(e) : undefined) } : {}),
    });
    try {
      await sql`select ${sql.id(`akson_test_${state}`, 'reset')}()`.execute(db);
    } catch (error) {
      await db.destroy();
      if (attempt > 1 || !/akson_test: schema changed/.test(String(error))) throw error;
      await dropDatabase(name);
      continue;
    }
    ready = true;
    (inTest ? testHandles : fileHandles).push(db);
    lastDatabase = urlFor(url, name);
    return db;
  }
}

/** The address of the PostgreSQL database `freshDatabase` handed out last (for a server process). */
export let lastDatabase = '';

/**
 * The schema as either engine describes it, for tests that check tables, columns, indexes and
 * foreign keys (SQLite's pragmas, PostgreSQL's catalogue).
 */
export const schemaOf = {
  async tables(db: Db): Promise<string[]> {
    const { rows } =
      testEngine === 'postgres'
        ? await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`.execute(db)
        : await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' and name not like 'element_search%'`.execute(db);
    // The search index is an FTS5 table (and its shadow tables) on SQLite, a plain table on PostgreSQL.
    return rows.map((r) => r.name).filter((n) => n !== 'element_search').sort();
  },
  async columns(db: Db, table: string): Promise<string[]> {
    const { rows } =
      testEngine === 'postgres'
        ? await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = 'public' and table_name = ${table} order by ordinal_position`.execute(db)
        : await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
    return rows.map((r) => r.name);
  },
  /** Indexes made by CREATE INDEX (not those behind a primary key or UNIQUE constraint), by name. */
  async createdIndexes(db: Db, table: string): Promise<string[]> {
    const { rows } =
      testEngine === 'postgres'
        ? await sql<{ name: string }>`select i.relname as name from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
            where t.relname = ${table} and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`.execute(db)
        : await sql<{ name: string }>`select name from pragma_index_list(${table}) where origin = 'c'`.execute(db);
    return rows.map((r) => r.name).sort();
  },
  /** The first column of every index on the table (any origin). */
  async leadingIndexColumns(db: Db, table: string): Promise<Set<string>> {
    if (testEngine === 'postgres') {
      const { rows } = await sql<{ name: string }>`select a.attname as name from pg_index x join pg_class t on t.oid = x.indrelid
          join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0] where t.relname = ${table}`.execute(db);
      return new Set(rows.map((r) => r.name));
    }
    const { rows: indexes } = await sql<{ name: string }>`select name from pragma_index_list(${table})`.execute(db);
    const leading = new Set<string>();
    for (const index of indexes) {
      const { rows } = await sql<{ name: string; seqno: number }>`select name, seqno from pragma_index_info(${index.name})`.execute(db);
      const first = rows.find((r) => r.seqno === 0);
      if (first) leading.add(first.name);
    }
    return leading;
  },
  /** `column → table (ON DELETE action)` for each foreign key, actions as SQLite spells them. */
  async foreignKeys(db: Db, table: string): Promise<string[]> {
    if (testEngine === 'postgres') {
      const { rows } = await sql<{ from: string; table: string; on_delete: string }>`
        select a.attname as "from", f.relname as "table",
               case c.confdeltype when 'a' then 'NO ACTION' when 'r' then 'RESTRICT' when 'c' then 'CASCADE' when 'n' then 'SET NULL' else 'SET DEFAULT' end as on_delete
        from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_class f on f.oid = c.confrelid
        join pg_attribute a on a.attrelid = t.oid and a.attnum = c.conkey[1]
        where c.contype = 'f' and t.relname = ${table} order by c.conname`.execute(db);
      return rows.map((r) => `${r.from} → ${r.table} (${r.on_delete})`);
    }
    const { rows } = await sql<{ table: string; from: string; on_delete: string }>`select * from pragma_foreign_key_list(${table})`.execute(db);
    return rows.map((r) => `${r.from} → ${r.table} (${r.on_delete})`);
  },
};

/** Triggers, as the tests that check or defeat them need them on either engine. */
export const triggersOf = {
  /** The events (insert, update, delete) on `table` that move the model change counter (migration 0010). */
  async modelChangeEvents(db: Db, table: string): Promise<string[]> {
    if (testEngine === 'postgres') {
      // One statement trigger per table; tgtype bits: 4 insert, 8 delete, 16 update.
      const { rows } = await sql<{ tgtype: number }>`select t.tgtype from pg_trigger t join pg_class c on c.oid = t.tgrelid
          where c.relname = ${table} and t.tgname = ${`${table}_model_change`} and not t.tgisinternal`.execute(db);
      const type = rows[0]?.tgtype ?? 0;
      return (['insert', 'update', 'delete'] as const).filter((e) => type & { insert: 4, delete: 8, update: 16 }[e]);
    }
    const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and tbl_name = ${table}`.execute(db);
    return (['insert', 'update', 'delete'] as const).filter((e) => rows.some((r) => r.name === `${table}_model_change_${e}`));
  },
  /** Drops what refuses `event` on an append-only table, as someone with the database's owner rights could. */
  async dropGuard(db: Db, table: string, event: 'update' | 'delete'): Promise<void> {
    // PostgreSQL has one trigger for both (refuseUpdateAndDelete in portable.ts).
    if (testEngine === 'postgres') await sql`drop trigger if exists ${sql.id(`${table}_no_change`)} on ${sql.table(table)}`.execute(db);
    else await sql`drop trigger ${sql.id(`${table}_no_${event}`)}`.execute(db);
  },
};

/** The message each engine gives when a CHECK or FOREIGN KEY constraint refuses a row. */
export const refused = {
  check: /CHECK constraint failed|violates check constraint/,
  foreignKey: /FOREIGN KEY constraint failed|violates foreign key constraint/,
};
