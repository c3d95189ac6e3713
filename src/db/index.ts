import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type LogEvent, type MigrationResultSet } from 'kysely';
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
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    ...(options.log ? { log: options.log } : {}),
  });
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
