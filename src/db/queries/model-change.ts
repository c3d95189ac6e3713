import type { CompiledQuery } from 'kysely';
import type { Db } from '../index.ts';

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
