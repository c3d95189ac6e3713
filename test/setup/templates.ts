/**
 * The migrated (and seeded) databases every test starts from, built once per test run instead of
 * migrating and seeding in every `beforeEach`:
 * - SQLite: two serialized databases (`seed: false` and seeded); each test opens an in-memory copy.
 * - PostgreSQL: one template database holding both states as snapshots; each worker gets databases
 *   of its own made from it (`CREATE DATABASE ... TEMPLATE`), and each test resets one to a
 *   snapshot in a single server-side call (see `test/engine.ts`).
 * The seed date is fixed so every copy is the same.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { migrateToLatest, openDatabase, openSqlite, type Db } from '../../src/db/index.ts';
import { seedDatabase } from '../../seeds/seed.ts';

export const seedDate = new Date('2026-01-01T00:00:00Z');

/** Tables the snapshots leave alone: the migrator's bookkeeping. */
const notReset = new Set(['kysely_migration', 'kysely_migration_lock']);

export const snapshotSchema = 'akson_test';

export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function pgAdmin(base: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  return client;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Tables, columns, types and triggers of the public schema, as one hash. */
const fingerprintSql = `(select md5(string_agg(x, ',' order by x)) from (
    select c.relname || '.' || a.attname || ':' || a.atttypid::text as x
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and a.attnum > 0 and not a.attisdropped
    union all
    select t.tgname from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and not t.tgisinternal) s)`;

/** Copies every table and sequence state into `<schema>_<state>`, to reset to later. */
async function snapshot(client: pg.Client, state: 'empty' | 'seeded'): Promise<string> {
  const schema = `${snapshotSchema}_${state}`;
  await client.query(`create schema ${ident(schema)}`);
  const tables = (await client.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  )).rows.map((r) => r.table_name).filter((t) => !notReset.has(t));
  const fingerprint = (await client.query<{ f: string }>(`select ${fingerprintSql} as f`)).rows[0]!.f;
  const body: string[] = [
    // A test that changed the schema (dropped a table to provoke an error) leaves a database that
    // cannot be reset: say so, and the test helper makes it again from the template.
    `if ${fingerprintSql} <> '${fingerprint}' then raise exception 'akson_test: schema changed'; end if;`,
    `perform set_config('session_replication_role', 'replica', true);`,
  ];
  for (const table of tables) {
    await client.query(`create table ${ident(schema)}.${ident(table)} as select * from public.${ident(table)}`);
    const columns = (await client.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position`,
      [table],
    )).rows.map((r) => ident(r.column_name)).join(', ');
    body.push(`delete from public.${ident(table)};`);
    body.push(`insert into public.${ident(table)} (${columns}) select ${columns} from ${ident(schema)}.${ident(table)};`);
  }
  const sequences = (await client.query<{ sequencename: string; last_value: string | null }>(
    `select sequencename, last_value from pg_sequences where schemaname = 'public'`,
  )).rows;
  for (const s of sequences) {
    const name = `public.${ident(s.sequencename)}`;
    body.push(s.last_value === null ? `perform setval('${name}', 1, false);` : `perform setval('${name}', ${s.last_value}, true);`);
  }
  await client.query(`create function ${ident(schema)}.reset() returns void language plpgsql as $body$ begin ${body.join('\n')} end $body$`);
  return schema;
}

/** Builds the PostgreSQL template `name` on the server at `base`; drops an older one first. */
export async function buildPostgresTemplate(base: string, name: string): Promise<void> {
  const admin = await pgAdmin(base);
  try {
    await admin.query(`drop database if exists ${ident(name)} with (force)`);
    await admin.query(`create database ${ident(name)}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(base, name);
  const db = openDatabase(url);
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  const client = await pgAdmin(url);
  try {
    await snapshot(client, 'empty');
  } finally {
    await client.end();
  }
  const seeded = openDatabase(url);
  try {
    await seedDatabase(seeded, seedDate);
  } finally {
    await seeded.destroy();
  }
  const again = await pgAdmin(url);
  try {
    await snapshot(again, 'seeded');
  } finally {
    await again.end();
  }
}

/** Drops every database whose name starts with `prefix` (this run's copies and template). */
export async function dropPostgresDatabases(base: string, prefix: string): Promise<void> {
  const admin = await pgAdmin(base);
  try {
    const names = (await admin.query<{ datname: string }>(`select datname from pg_database where starts_with(datname, $1)`, [prefix])).rows;
    for (const { datname } of names) await admin.query(`drop database if exists ${ident(datname)} with (force)`);
  } finally {
    await admin.end();
  }
}

/** A serialized SQLite database, migrated and optionally seeded. */
export async function buildSqliteTemplate(seed: boolean): Promise<Buffer> {
  const sqlite = new SQLite(':memory:');
  const db: Db = openSqlite(sqlite);
  await migrateToLatest(db);
  if (seed) await seedDatabase(db, seedDate);
  const bytes = sqlite.serialize();
  await db.destroy();
  return bytes;
}
