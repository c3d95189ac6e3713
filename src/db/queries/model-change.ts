import type { Statement } from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';
import { sqliteConnectionOf, type Db } from '../index.ts';

const compiled = new WeakMap<Db, CompiledQuery>();

/**
 * The model's change counter (migration 0010): moves forward, in the database, with every change
 * to what the pages show, whichever process made it. One indexed single-row read, compiled once.
 */
export async function modelVersion(db: Db): Promise<string> {
  let query = compiled.get(db);
  if (!query) {
    query = db.selectFrom('model_change').select('counter').where('id', '=', 1).compile();
    compiled.set(db, query);
  }
  const { rows } = await db.executeQuery<{ counter: number | string }>(query);
  // PostgreSQL hands a bigint over as a string; SQLite as a number.
  return String(rows[0]?.counter ?? 0);
}

const prepared = new WeakMap<Db, Statement | null>();

/**
 * The same counter read at once, without waiting for Kysely's connection: SQLite only, and only
 * when this process's connection has no transaction open (whose uncommitted counter it would see)
 * and is not in the middle of a streamed query (better-sqlite3 refuses then). Otherwise, and on
 * PostgreSQL, undefined: ask `modelVersion`. It reads the database each time, so a change another
 * process committed is seen as at once as with `modelVersion`.
 */
export function modelVersionNow(db: Db): string | undefined {
  let statement = prepared.get(db);
  if (statement === undefined) {
    const sqlite = sqliteConnectionOf(db);
    try {
      statement = sqlite ? sqlite.prepare('select "counter" from "model_change" where "id" = 1').pluck() : null;
    } catch {
      return undefined; // not migrated yet
    }
    prepared.set(db, statement);
  }
  if (statement === null || statement.database.inTransaction) return undefined;
  try {
    return String((statement.get() as number | undefined) ?? 0);
  } catch {
    return undefined; // busy with a streamed query, or closed: the ordinary way answers
  }
}
