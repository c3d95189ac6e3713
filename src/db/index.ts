import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type LogEvent,
  type MigrationResultSet,
  type SqliteDialectConfig,
} from 'kysely';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';

export type Db = Kysely<Database>;

export interface OpenOptions {
  /** Receives every query Kysely runs (tests count them; `DEBUG_SQL` prints them). */
  log?: (event: LogEvent) => void;
}

/**
 * Opens the embedded SQLite database in `file` (`:memory:` for tests). This and the migrations'
 * `portable.ts` are the only places that know which database is underneath.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }, file),
    ...(options.log ? { log: options.log } : {}),
  });
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
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
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

export function migrator(db: Db): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
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
