import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  PostgresDriver,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type LogEvent,
  type MigrationResultSet,
  type SqliteDialectConfig,
  type TransactionBuilder,
  type TransactionSettings,
} from 'kysely';
import { isRetryable } from './errors.ts';
import { migrations } from './migrations/index.ts';
import { isPostgres } from './migrations/portable.ts';
import type { Database } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';

export type Db = Kysely<Database>;
export type Engine = 'sqlite' | 'postgres';

export interface OpenOptions {
  /** Receives every query Kysely runs (tests count them; `DEBUG_SQL` prints them). */
  log?: (event: LogEvent) => void;
  /** PostgreSQL only: connections in the pool (default 10). */
  poolSize?: number;
  /** PostgreSQL only: called when an idle pooled connection fails (e.g. the server restarted). */
  onPoolError?: (error: Error) => void;
}

/** True for a `postgres://` or `postgresql://` address, false for a SQLite file name. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Which engine a database handle talks to. */
export function engineOf(db: Kysely<any>): Engine { // eslint-disable-line @typescript-eslint/no-explicit-any
  return isPostgres(db) ? 'postgres' : 'sqlite';
}

/**
 * Opens the database at `location`: a PostgreSQL server for a `postgres://` address (a pool of
 * connections), otherwise the embedded SQLite database in that file (`:memory:` for tests). This,
 * `errors.ts` and the migrations' `portable.ts` are the places that know which engine is underneath.
 */
export function openDatabase(location: string, options: OpenOptions = {}): Db {
  if (isPostgresUrl(location)) return openPostgres(location, options);
  if (location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
  return openSqlite(new SQLite(location), options, location);
}

/** Wraps an open better-sqlite3 connection (tests open theirs from a serialized template). */
export function openSqlite(sqlite: SQLite.Database, options: OpenOptions = {}, file = ':memory:'): Db {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new AksonKysely({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }, file),
    ...(options.log ? { log: options.log } : {}),
  });
  sqliteConnections.set(db, sqlite);
  return db;
}

const sqliteConnections = new WeakMap<Db, SQLite.Database>();

/**
 * The better-sqlite3 connection under a SQLite handle (undefined for PostgreSQL), for the one read
 * that must cost next to nothing: the model's change counter on every anonymous page request
 * (src/db/queries/model-change.ts). Bypasses Kysely, its log and its connection lock: a caller must
 * only read, synchronously, and only when no transaction is open on it (`inTransaction`).
 */
export function sqliteConnectionOf(db: Db): SQLite.Database | undefined {
  return sqliteConnections.get(db);
}

/**
 * SQLite's plain `BEGIN` takes the write lock only at the first write, so a transaction that read
 * first fails at once (SQLITE_BUSY) when another connection wrote in between. `BEGIN IMMEDIATE`
 * takes it up front: a second writer waits within `busy_timeout` instead.
 *
 * better-sqlite3 waits synchronously, which would block the first writer too when both
 * connections live in this process (two apps on one file in a test, a CLI beside the server). So
 * connections to the same file in this process also take turns here, asynchronously.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly config: SqliteDialectConfig,
    private readonly file: string,
  ) {
    super(config);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.config, this.file === ':memory:' ? null : this.file);
  }
}

/** Per database file: the tail of the queue of this process's connections waiting to use it. */
const fileTurns = new Map<string, Promise<void>>();

class ImmediateSqliteDriver extends SqliteDriver {
  private release: (() => void) | undefined;
  constructor(
    config: SqliteDialectConfig,
    private readonly file: string | null,
  ) {
    super(config);
  }
  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    if (this.file === null) return connection;
    const before = fileTurns.get(this.file) ?? Promise.resolve();
    const mine = new Promise<void>((resolve) => (this.release = resolve));
    const tail = before.then(() => mine);
    fileTurns.set(this.file, tail);
    await before;
    const file = this.file;
    const release = this.release!;
    this.release = () => {
      release();
      if (fileTurns.get(file) === tail) fileTurns.delete(file);
    };
    return connection;
  }
  override async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = undefined;
    release?.();
    await super.releaseConnection();
  }
  /**
   * A writer takes the write lock as it begins (a second writer waits for the first rather than
   * failing half-way); a read-only snapshot (`readSnapshot`) begins deferred, so a page being
   * read never holds, or waits for, the writers' lock another process has.
   */
  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(settings?.accessMode === 'read only' ? 'begin deferred' : 'begin immediate'));
  }
  /**
   * After some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY in a statement) SQLite has already
   * rolled the transaction back itself; Kysely's ROLLBACK then fails with "cannot rollback - no
   * transaction is active" and that error replaces the real one. Nothing is left to undo then, so
   * the real cause is what propagates.
   */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await super.rollbackTransaction(connection);
    } catch (error) {
      if (error instanceof Error && /no transaction is active/.test(error.message)) return;
      throw error;
    }
  }
}

/**
 * PostgreSQL returns bigint (count(*)) and numeric (sum, avg) as strings so as not to lose
 * precision; our counts and sums fit in a double, and SQLite returns numbers, so both engines
 * give the application the same types. Dates stay the text they are stored as.
 */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8) return (v: string) => Number.parseInt(v, 10);
    if (oid === pg.types.builtins.NUMERIC) return (v: string) => Number.parseFloat(v);
    if (oid === pg.types.builtins.DATE || oid === pg.types.builtins.TIMESTAMP || oid === pg.types.builtins.TIMESTAMPTZ) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

function openPostgres(url: string, options: OpenOptions): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: pgTypes,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection the server ends (restart, pg_terminate_backend) is reported here; without a
  // listener it would end the process. The pool replaces it on the next request.
  const onError = (error: Error) => (options.onPoolError ?? (() => undefined))(error);
  pool.on('error', onError);
  // A connection in use (a transaction between two statements, or waiting on a lock) that the
  // server ends reports it as an 'error' event of its client too, besides failing its query; the
  // pool listens only to idle ones, and an unheard 'error' event ends the whole process. So every
  // client gets a listener: the request fails with its 503, the server keeps running.
  pool.on('connect', (client) => client.on('error', onError));
  const dialect = new PostgresDialect({ pool });
  return new AksonKysely({
    dialect: {
      createAdapter: () => dialect.createAdapter(),
      createDriver: () => new SerialWriterDriver({ pool }),
      createIntrospector: (db) => dialect.createIntrospector(db),
      createQueryCompiler: () => dialect.createQueryCompiler(),
    },
    ...(options.log ? { log: options.log } : {}),
  });
}

/**
 * Write transactions on PostgreSQL take turns, across every app instance on the database, as
 * SQLite's `BEGIN IMMEDIATE` makes them take turns on one file: each first takes one
 * transaction-scoped advisory lock, waiting for it at most 5 s (SQLite's busy timeout; then 503).
 * So read, check and write hold exactly as with one SQLite writer: no lost update, no duplicate
 * number, a stale version is seen as stale (409). READ COMMITTED, because each statement then sees
 * everything the writers before it committed; SERIALIZABLE would keep the snapshot taken before
 * the wait and abort instead (40001, as many times as writers queue up on a hot row).
 *
 * Kysely does not roll back when `beginTransaction` fails, so a lock that times out is rolled back
 * here, and the connection goes back to the pool clean.
 */
export const WRITER_LOCK = 120_014;

class SerialWriterDriver extends PostgresDriver implements Driver {
  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    if (settings.isolationLevel || settings.accessMode) return super.beginTransaction(connection, settings);
    try {
      await connection.executeQuery(CompiledQuery.raw(`begin isolation level read committed; set local lock_timeout = '5s'; select pg_advisory_xact_lock(${WRITER_LOCK})`));
    } catch (error) {
      await connection.executeQuery(CompiledQuery.raw('rollback')).catch(() => undefined);
      throw error;
    }
  }
}

/** How often a transaction that lost a race (serialization failure, deadlock) is run again. */
export const TRANSACTION_ATTEMPTS = 6;

/**
 * Kysely whose `transaction().execute(work)` runs `work` again when the database reports that the
 * transaction lost a race with another one (PostgreSQL 40001/40P01, SQLite busy at BEGIN), a
 * bounded number of times with a short random pause; after that the error goes up and the app
 * answers 503. `work` must therefore only write through its transaction (it does: all our writes do).
 */
class AksonKysely extends Kysely<Database> {
  /**
   * PostgreSQL: this instance's write transactions queue here, before taking a connection, so that
   * one at a time waits for the writers' lock in the database. As with SQLite's per-file queue, a
   * burst waits in the process (no time limit, the pool stays free for reads) rather than in the
   * database, where all but the first would meet the 5 s lock timeout. Across instances the wait
   * for the lock is then one transaction of each other instance.
   */
  private writerTail: Promise<void> = Promise.resolve();

  private async inTurn<T>(work: () => Promise<T>): Promise<T> {
    if (!isPostgres(this)) return work();
    const before = this.writerTail;
    let done!: () => void;
    this.writerTail = new Promise<void>((resolve) => (done = resolve));
    await before;
    try {
      return await work();
    } finally {
      done();
    }
  }

  override transaction(): TransactionBuilder<Database> {
    const builder = super.transaction();
    const run = builder.execute.bind(builder);
    builder.execute = <T>(callback: Parameters<typeof run<T>>[0]): Promise<T> => this.inTurn(() => retried(callback));
    const retried = async <T>(callback: Parameters<typeof run<T>>[0]): Promise<T> => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await run(callback);
        } catch (error) {
          if (attempt >= TRANSACTION_ATTEMPTS || !isRetryable(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));
        }
      }
    };
    return builder;
  }
}

export function migrator(db: Db): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Features numbered their migrations side by side in one release; each stands alone, so a
    // database that already ran a higher number may still run a lower one that arrived later.
    allowUnorderedMigrations: true,
  });
}

/** Brings the schema up to date; throws with the failing migration's name on error. */
export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const result = await migrator(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migrering ${failed?.migrationName ?? '(ukjent)'} feilet: ${cause}`);
  }
  return result;
}

/** True when every registered migration has run. */
export async function isMigrated(db: Db): Promise<boolean> {
  const done = await migrator(db).getMigrations();
  return done.length > 0 && done.every((m) => m.executedAt !== undefined);
}
