import type { Database as SQLiteDatabase, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Kysely's SQLite driver calls `prepare` for every statement it runs; preparing is a large part
 * of a small page's cost (a CPU profile of the service page showed it). This hands Kysely the
 * same prepared statement again for the same SQL text: a bounded map, least recently used out
 * first, so generated SQL (e.g. `in (?, ?, …)` with varying lengths) cannot grow it without end.
 *
 * Safe with Kysely's one connection: statements run one at a time under its lock, and a streamed
 * query holds the connection until its iterator is done. SQLite re-prepares a cached statement by
 * itself when the schema changes.
 */
export function withStatementCache(sqlite: SQLiteDatabase, capacity = 1000): SqliteDatabase & { readonly cached: number } {
  const statements = new Map<string, Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      const hit = statements.get(sql);
      if (hit) {
        // Move it to the back: the front is the least recently used.
        statements.delete(sql);
        statements.set(sql, hit);
        return hit;
      }
      const statement = sqlite.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > capacity) statements.delete(statements.keys().next().value!);
      return statement;
    },
    get cached() {
      return statements.size;
    },
  };
}
