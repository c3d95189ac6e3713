import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 10, "queries only query": `src/db/queries` reads. Every change, its statements and its
 * audit entry, lives in the use-case layer (`src/commands`, the statements in `src/commands/writes`),
 * which opens the transaction. This reads the source: no file under `src/db/queries` holds a
 * statement that writes (Kysely's or raw SQL), appends to the audit log or calls anything of the
 * use-case layer, and none opens a transaction but the one named below, a read.
 */
const root = join(import.meta.dirname, '../../..');
const files = (dir: string): string[] =>
  readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
/** The source without its comments, so that a comment naming `insertInto` is no write. */
const code = (path: string) =>
  readFileSync(join(root, path), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
const lines = (path: string, pattern: RegExp) =>
  code(path)
    .split('\n')
    .filter((line) => pattern.test(line))
    .map((line) => `${path}: ${line.trim()}`);

/** A statement that writes: Kysely's builders, or INSERT/UPDATE/DELETE/REPLACE in raw SQL. */
const writeStatement = /\.(insertInto|replaceInto|updateTable|deleteFrom|mergeInto)\(|\b(insert|replace)\s+(or\s+\w+\s+)?into\b|\bdelete\s+from\b|\bupdate\s+["\w.]+\s+set\b|\brecordAudits?\(|\bappendAuditRows\(/i;

/** Opening a transaction, in Kysely or in raw SQL. */
const opensTransaction = /\.transaction\(\)|\.startTransaction\(\)|\b(begin|start\s+transaction|savepoint)\b[^'"`]*[`'"]/i;

/** Where a query may open a transaction, and why: only for a consistent read. */
const readTransactions: Record<string, string> = {
  'src/db/queries/model.ts':
    'readSnapshot: several reads as one snapshot (REPEATABLE READ on PostgreSQL), joined when already inside a transaction; it writes nothing',
};

const queries = () => files('src/db/queries');

describe('queries only query', () => {
  it('no file under src/db/queries writes a row or appends to the audit log', () => {
    expect(queries().flatMap((path) => lines(path, writeStatement))).toEqual([]);
  });

  it('no query calls into the use-case layer (its writes and its audit)', () => {
    expect(queries().flatMap((path) => lines(path, /^import\s[^;]*from\s+'[^']*\/commands\//))).toEqual([]);
  });

  it('no query opens a transaction but the named consistent reads, and each of those still does', () => {
    const opening = queries().filter((path) => lines(path, opensTransaction).length > 0);
    expect(opening.filter((path) => !(path in readTransactions))).toEqual([]);
    expect(Object.keys(readTransactions).filter((path) => !opening.includes(path))).toEqual([]);
  });

  it('sees a write, raw or built, and a transaction where there is one', () => {
    // The guard must recognise what it guards against, or an empty list above proves nothing.
    for (const statement of [
      "await trx.insertInto('element').values(row).execute();",
      "await trx.updateTable('element').set({ name }).execute();",
      "await trx.deleteFrom('element').where('id', '=', id).execute();",
      'await sql`insert into element (kind) values (${kind})`.execute(trx);',
      'await sql`UPDATE element SET name = ${name}`.execute(trx);',
      'await sql`delete from element where id = ${id}`.execute(trx);',
      "await sql.raw('INSERT OR REPLACE INTO counter VALUES (1)').execute(trx);",
      'await recordAudit(trx, entry);',
    ])
      expect(statement, statement).toMatch(writeStatement);
    for (const statement of ["await trx.selectFrom('element').select('id').execute();", "const updated = 'update';", 'await sql`select 1`.execute(db);'])
      expect(statement, statement).not.toMatch(writeStatement);
    expect('db.transaction().execute(work)').toMatch(opensTransaction);
    expect("await sql`begin immediate`.execute(db);").toMatch(opensTransaction);
  });
});
