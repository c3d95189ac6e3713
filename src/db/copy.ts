import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { engineOf, migrateToLatest, openSqlite, type Db } from './index.ts';
import { migrations } from './migrations/index.ts';
import { verifyAuditChain } from './queries/audit-chain.ts';

/**
 * Moves an installation from one database to another (`npm run copy-db`), usually from the SQLite
 * file to PostgreSQL: every table in dependency order, in one transaction on the target, the
 * sequences set after, then every row read back and compared with the source before the
 * transaction commits, so the audit log and the baselines (like everything else) arrive byte for
 * byte or not at all. The target must be empty; it is migrated first.
 *
 * Engine differences are kept here to the catalogue queries (`tablesOf`, `foreignKeysOf`,
 * `columnsOf`, sequences).
 */

/** A refusal or failure with a message for the person running the command (no stack trace). */
export class CopyRefused extends Error {}

export interface CopyReport {
  /** Rows per table, in the order they were copied. */
  tables: Array<{ table: string; rows: number }>;
  auditEntries: number;
  /** Whether the audit log's hash chain holds (in the copy as in the source). */
  auditChainWhole: boolean;
  baselines: number;
}

/** Derived data the target's own triggers rebuild as rows arrive (the search index, the review tallies). */
const derived = (table: string) => table === 'element_search' || table.startsWith('element_search_') || table === 'review_tally' || table === 'review_service_tally';
const bookkeeping = (table: string) => table.startsWith('kysely_') || table.startsWith('sqlite_');

/**
 * Tables that triggers on other tables write (the model change counter moves with every insert):
 * copied after everything else, so they end as the source has them.
 */
const writtenByTriggers = ['model_change'];

type Row = Record<string, unknown>;

async function tablesOf(db: Db): Promise<string[]> {
  const { rows } =
    engineOf(db) === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
  return rows.map((r) => r.name).filter((t) => !bookkeeping(t) && !derived(t)).sort();
}

/** For each table, the tables its foreign keys refer to (itself included). */
async function foreignKeysOf(db: Db, tables: string[]): Promise<Map<string, Array<{ column: string; table: string; to: string }>>> {
  const result = new Map<string, Array<{ column: string; table: string; to: string }>>();
  for (const table of tables) result.set(table, []);
  if (engineOf(db) === 'postgres') {
    const { rows } = await sql<{ from_table: string; from_column: string; to_table: string; to_column: string }>`
      select t.relname as from_table, a.attname as from_column, f.relname as to_table, fa.attname as to_column
      from pg_constraint c
      join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
      join pg_class f on f.oid = c.confrelid
      join pg_attribute a on a.attrelid = t.oid and a.attnum = c.conkey[1]
      join pg_attribute fa on fa.attrelid = f.oid and fa.attnum = c.confkey[1]
      where c.contype = 'f' and n.nspname = current_schema()`.execute(db);
    for (const r of rows) result.get(r.from_table)?.push({ column: r.from_column, table: r.to_table, to: r.to_column });
    return result;
  }
  for (const table of tables) {
    const { rows } = await sql<{ from: string; table: string; to: string | null }>`select "from", "table", "to" from pragma_foreign_key_list(${table})`.execute(db);
    result.set(table, rows.map((r) => ({ column: r.from, table: r.table, to: r.to ?? 'id' })));
  }
  return result;
}

/** The columns a row is written through (generated columns are left to the database). */
async function columnsOf(db: Db, table: string): Promise<string[]> {
  const { rows } =
    engineOf(db) === 'postgres'
      ? await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table} and is_generated = 'NEVER' order by ordinal_position`.execute(db)
      : await sql<{ name: string }>`select name from pragma_table_xinfo(${table}) where hidden = 0 order by cid`.execute(db);
  return rows.map((r) => r.name);
}

/** Tables so that every table comes after those it refers to; ties alphabetical. */
export function dependencyOrder(tables: string[], refersTo: Map<string, Array<{ table: string }>>): string[] {
  const remaining = new Set(tables);
  const order: string[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining].filter((t) => (refersTo.get(t) ?? []).every((fk) => fk.table === t || !remaining.has(fk.table))).sort();
    if (ready.length === 0) throw new CopyRefused(`Tabellene ${[...remaining].join(', ')} refererer til hverandre i ring; de kan ikke kopieres i rekkefølge.`);
    const next = ready[0]!;
    order.push(next);
    remaining.delete(next);
  }
  const last = order.filter((t) => writtenByTriggers.includes(t));
  return [...order.filter((t) => !writtenByTriggers.includes(t)), ...last];
}

/** Rows of a table that refers to itself (a chapter's parent), parents before children. */
function parentsFirst(rows: Row[], selfKeys: Array<{ column: string; to: string }>): Row[] {
  if (selfKeys.length === 0) return rows;
  const placed = new Set<string>();
  const ordered: Row[] = [];
  const pending = [...rows];
  const key = (to: string, value: unknown) => `${to}=${String(value)}`;
  const present = new Set(rows.flatMap((r) => selfKeys.map((k) => key(k.to, r[k.to]))));
  while (pending.length > 0) {
    const before = pending.length;
    for (let i = 0; i < pending.length; ) {
      const row = pending[i]!;
      const waits = selfKeys.some((k) => row[k.column] !== null && present.has(key(k.to, row[k.column])) && !placed.has(key(k.to, row[k.column])));
      if (waits) {
        i++;
        continue;
      }
      ordered.push(row);
      for (const k of selfKeys) placed.add(key(k.to, row[k.to]));
      pending.splice(i, 1);
    }
    if (pending.length === before) throw new CopyRefused('En tabell refererer til seg selv i ring; radene kan ikke kopieres i rekkefølge.');
  }
  return ordered;
}

/** One value as it is compared between the engines (a boolean is 0/1 in SQLite, bytes as hex). */
function comparable(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Buffer.isBuffer(value)) return `bytes:${value.toString('hex')}`;
  if (typeof value === 'bigint') return Number(value);
  return value ?? null;
}

const rowKey = (row: Row, columns: string[]) => JSON.stringify(columns.map((c) => comparable(row[c])));

/** What the target may hold and still count as empty: what the migrations themselves write. */
async function rowsMigrationsWrite(): Promise<Map<string, number>> {
  const sqlite = new SQLite(':memory:');
  const db = openSqlite(sqlite);
  try {
    await migrateToLatest(db);
    const counts = new Map<string, number>();
    for (const table of await tablesOf(db)) counts.set(table, await countRows(db, table));
    return counts;
  } finally {
    await db.destroy();
  }
}

async function countRows(db: Db, table: string): Promise<number> {
  const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(row.rows[0]!.n);
}

/** Refuses a target that holds anything beyond what migrating an empty database writes. */
async function requireEmpty(target: Db): Promise<void> {
  const fresh = await rowsMigrationsWrite();
  const filled: string[] = [];
  for (const table of await tablesOf(target)) {
    const rows = await countRows(target, table);
    if (rows > (fresh.get(table) ?? 0)) filled.push(`${table} (${rows})`);
  }
  if (filled.length > 0) {
    throw new CopyRefused(`Måldatabasen er ikke tom, så ingenting er kopiert. Tabeller med innhold: ${filled.slice(0, 8).join(', ')}${filled.length > 8 ? ` og ${filled.length - 8} til` : ''}. Bruk en ny, tom database.`);
  }
}

/** Refuses a source that is behind (or ahead of) this version of the app. */
async function requireCurrent(source: Db): Promise<void> {
  const tables = await tablesOf(source).catch(() => []);
  const all = engineOf(source) === 'postgres'
    ? (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(source)).rows.map((r) => r.name)
    : (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(source)).rows.map((r) => r.name);
  if (!all.includes('kysely_migration') || tables.length === 0) throw new CopyRefused('Kilden er ikke en database fra Akson omfang (ingen migreringstabell).');
  const done = new Set((await sql<{ name: string }>`select name from kysely_migration`.execute(source)).rows.map((r) => r.name));
  const unknown = [...done].filter((name) => !(name in migrations));
  if (unknown.length > 0) throw new CopyRefused(`Kilden er fra en nyere versjon av appen (migreringer denne versjonen ikke kjenner: ${unknown.join(', ')}). Oppgrader appen først.`);
  const missing = Object.keys(migrations).filter((name) => !done.has(name));
  if (missing.length > 0) {
    throw new CopyRefused(`Kilden mangler migreringene ${missing.join(', ')}. Kjør npm run migrate mot kilden (eller start appen på den én gang) og prøv igjen.`);
  }
}

/** Where the source's sequences stand (ids of deleted rows are not handed out again). */
async function sequencePositions(db: Db): Promise<Map<string, number>> {
  const positions = new Map<string, number>();
  if (engineOf(db) === 'postgres') {
    const { rows } = await sql<{ table_name: string; position: number | null }>`
      select c.table_name, (select s.last_value from pg_sequences s where s.schemaname || '.' || s.sequencename = pg_get_serial_sequence(c.table_schema || '.' || c.table_name, c.column_name)) as position
      from information_schema.columns c where c.table_schema = current_schema() and (c.is_identity = 'YES' or c.column_default like 'nextval%')`.execute(db);
    for (const r of rows) if (r.position !== null) positions.set(r.table_name, Number(r.position));
    return positions;
  }
  const exists = await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'sqlite_sequence'`.execute(db);
  if (Number(exists.rows[0]!.n) === 0) return positions;
  const { rows } = await sql<{ name: string; seq: number }>`select name, seq from sqlite_sequence`.execute(db);
  for (const r of rows) positions.set(r.name, Number(r.seq));
  return positions;
}

/** Sets the target's sequences past the highest id copied (and past the source's position). */
async function setSequences(trx: Db, positions: Map<string, number>): Promise<void> {
  if (engineOf(trx) === 'postgres') {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and (is_identity = 'YES' or column_default like 'nextval%')`.execute(trx);
    for (const { table_name: table, column_name: column } of rows) {
      const top = await sql<{ top: number | null }>`select max(${sql.ref(column)}) as top from ${sql.table(table)}`.execute(trx);
      const value = Math.max(Number(top.rows[0]!.top ?? 0), positions.get(table) ?? 0);
      await sql`select setval(pg_get_serial_sequence(${table}, ${column}), ${Math.max(value, 1)}, ${value > 0})`.execute(trx);
    }
    return;
  }
  // SQLite moves sqlite_sequence past every id inserted; only positions beyond the rows remain.
  for (const [table, position] of positions) {
    await sql`update sqlite_sequence set seq = max(seq, ${position}) where name = ${table}`.execute(trx);
    await sql`insert into sqlite_sequence (name, seq) select ${table}, ${position} where not exists (select 1 from sqlite_sequence where name = ${table})`.execute(trx);
  }
}

/**
 * Copies everything in `source` into the empty `target`. Throws `CopyRefused` with a reason, and
 * then the target holds nothing of the source (it may be left migrated).
 */
export async function copyDatabase(source: Db, target: Db): Promise<CopyReport> {
  await requireCurrent(source);
  await requireEmpty(target);
  await migrateToLatest(target);
  // Read the source in one transaction too, so the copy is one moment of it (stop the app first:
  // what it writes after that moment is not in the copy).
  const report = await source.transaction().execute((src) => copyInto(src as unknown as Db, target));
  if (engineOf(target) === 'postgres') await settle(target);
  return report;
}

/**
 * PostgreSQL after the copy: the triggers that rebuilt the derived tables as the rows arrived left
 * a dead row version behind for every stance in the review tallies (over a million at 100x, a
 * 70 MB table for 13,600 live rows), and no table has statistics yet, so the planner guessed and
 * read the dead rows too until autovacuum came by (never, where it is off). The derived tables are
 * rewritten and every table counted once now, as after any bulk load: seconds, outside the copy's
 * transaction (VACUUM cannot run in one).
 */
async function settle(target: Db): Promise<void> {
  const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(target);
  const rebuilt = rows.map((r) => r.name).filter(derived).sort();
  if (rebuilt.length > 0) await sql`vacuum (full) ${sql.join(rebuilt.map((t) => sql.table(t)))}`.execute(target);
  await sql`vacuum analyze`.execute(target);
}

async function copyInto(source: Db, target: Db): Promise<CopyReport> {

  const tables = await tablesOf(target);
  const sourceTables = new Set(await tablesOf(source));
  const absent = tables.filter((t) => !sourceTables.has(t));
  if (absent.length > 0) throw new CopyRefused(`Kilden mangler tabellene ${absent.join(', ')}.`);
  const keys = await foreignKeysOf(target, tables);
  const order = dependencyOrder(tables, keys);
  const positions = await sequencePositions(source);
  const fresh = await rowsMigrationsWrite();
  const toSqlite = engineOf(target) === 'sqlite';

  const report: CopyReport = { tables: [], auditEntries: 0, auditChainWhole: true, baselines: 0 };
  await target.transaction().execute(async (trx) => {
    const written = new Map<string, Row[]>();
    // What the migrations wrote (the counter, the requirement types) is replaced by the source's:
    // children first.
    for (const table of [...order].reverse()) if ((fresh.get(table) ?? 0) > 0) await sql`delete from ${sql.table(table)}`.execute(trx);
    for (const table of order) {
      const columns = await columnsOf(trx, table);
      const selected = sql.join(columns.map((c) => sql.ref(c)));
      const read = (await sql<Row>`select ${selected} from ${sql.table(table)}`.execute(source)).rows;
      const selfKeys = (keys.get(table) ?? []).filter((k) => k.table === table);
      const rows = parentsFirst(read, selfKeys).map((row) => {
        if (!toSqlite) return row;
        const out: Row = {};
        for (const c of columns) out[c] = typeof row[c] === 'boolean' ? (row[c] ? 1 : 0) : row[c];
        return out;
      });
      // Well within either engine's limit on bound values per statement.
      const batch = Math.max(1, Math.min(500, Math.floor(30_000 / Math.max(1, columns.length))));
      for (let i = 0; i < rows.length; i += batch) {
        await trx.insertInto(table as never).values(rows.slice(i, i + batch) as never).execute();
      }
      written.set(table, read);
      report.tables.push({ table, rows: rows.length });
    }
    await setSequences(trx as unknown as Db, positions);

    // Read back and compare, value by value, before anything is committed.
    for (const table of order) {
      const columns = await columnsOf(trx, table);
      const selected = sql.join(columns.map((c) => sql.ref(c)));
      const copied = (await sql<Row>`select ${selected} from ${sql.table(table)}`.execute(trx)).rows;
      const want = written.get(table)!.map((r) => rowKey(r, columns)).sort();
      const got = copied.map((r) => rowKey(r, columns)).sort();
      const differs = want.length !== got.length || want.some((w, i) => w !== got[i]);
      if (differs) {
        const example = want.find((w, i) => w !== got[i]);
        throw new CopyRefused(`Kopien av ${table} er ikke lik kilden (${want.length} rader i kilden, ${got.length} i målet${example ? `; første avvik: ${example.slice(0, 200)}` : ''}). Ingenting er lagret.`);
      }
    }
    // The chain holds in the copy exactly as far as it held in the source.
    const [was, now] = [await verifyAuditChain(source), await verifyAuditChain(trx)];
    const verdict = (r: typeof was) => (r.whole ? 'hel' : `brutt ved hendelse ${r.brokenAt}`);
    if (verdict(was) !== verdict(now)) throw new CopyRefused(`Revisjonsloggens kjede er ${verdict(now)} i målet, men ${verdict(was)} i kilden. Ingenting er lagret.`);
    report.auditEntries = now.entries;
    report.auditChainWhole = now.whole;
    report.baselines = written.get('baseline')?.length ?? 0;
  });
  return report;
}
