import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 10, "writes go one way": routes parse, call one use case in `src/commands`, and render.
 * This reads the source: no route opens a transaction or writes a statement or an audit entry of
 * its own; nothing outside the writing layers (the use cases, the database layer beneath them,
 * the seed data) writes, directly or through a write helper of `src/commands/writes`, or runs a
 * use-case runner; and the only places that open a transaction are the use-case runner and the
 * few named below, each with its reason. A new `.transaction()` anywhere else fails here.
 */
const root = join(import.meta.dirname, '../../..');
const files = (dir: string): string[] =>
  readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
const source = (path: string) => readFileSync(join(root, path), 'utf8');
/** The source without its comments, so that a comment naming `recordAudit(…)` is no write. */
const code = (path: string) => source(path).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** A statement that writes, an audit entry, or a transaction, in Kysely or in raw SQL. */
const writes = /\.insertInto\(|\.replaceInto\(|\.updateTable\(|\.deleteFrom\(|\brecordAudits?\(|\.transaction\(\)|sql`\s*(insert|update|delete|replace)\b/i;

/** Where writing is at home: the use cases, the database layer they call (engine, migrations, statements), the seed data. */
const writingLayers = ['src/commands/', 'src/db/', 'seeds/'];
const inWritingLayer = (path: string) => writingLayers.some((layer) => path.startsWith(layer));
const everyModule = () => ['src', 'views', 'model', 'seeds'].flatMap(files);

/**
 * The functions the database layer's queries and the use cases' write helpers export whose body
 * writes (`insertUser`, `recordAudit`, …), by name. (`queries-only-query.test.ts` keeps the queries
 * free of them; this counts both, so a write that slips back into a query is still guarded here.)
 */
function writingFunctions(): Set<string> {
  const names = new Set<string>();
  for (const path of ['src/db/queries', 'src/commands/writes'].filter((dir) => existsSync(join(root, dir))).flatMap(files)) {
    const text = code(path);
    for (const start of text.matchAll(/^export (?:async )?function (\w+)|^export const (\w+)\s*=/gm)) {
      // To the end of the top-level declaration (its closing brace or semicolon at the line's start).
      const end = /\n[};]/.exec(text.slice(start.index + 1));
      const body = text.slice(start.index, end ? start.index + 1 + end.index : text.length);
      // A read-only snapshot opens a transaction too; what counts here is a statement that writes.
      if (writes.test(body.replace(/\.transaction\(\)/g, ''))) names.add((start[1] ?? start[2])!);
    }
  }
  return names;
}

/** The names a module imports (not as types) from modules whose path matches `from`. */
function valueImports(path: string, from: RegExp): string[] {
  return [...code(path).matchAll(/^import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)'/gm)]
    .filter((m) => !m[1] && from.test(m[3]!))
    .flatMap((m) => m[2]!.split(',').map((n) => n.trim()).filter((n) => n && !n.startsWith('type ')).map((n) => n.split(/\s+as\s+/)[0]!));
}

/** Where a transaction may be opened, and why. */
const opensTransactions: Record<string, string> = {
  'src/commands/run.ts': 'the use-case runner: change() and changeAs()',
  'src/db/index.ts': 'the engine wrapper (BEGIN IMMEDIATE, the PostgreSQL retry)',
  'src/db/migrations/portable.ts': 'migrations, all or nothing',
  'src/db/copy.ts': 'npm run copy-db: a consistent read of one database and a bulk load into another',
  'src/db/queries/model.ts': 'a read-only snapshot of the whole model (one consistent read)',
  'src/commands/writes/audit.ts': 'an audit entry appended outside a use case (a test on the bare database) gets a short transaction of its own, so appends to the chain stay serialised',
};

describe('writes go one way', () => {
  it('no route opens a transaction, writes a row or records an audit entry itself', () => {
    const offenders = files('src/routes').flatMap((path) =>
      source(path)
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(root, join(root, path))}:${i + 1}` }))
        .filter(({ line }) => /\.transaction\(\)|\.insertInto\(|\.updateTable\(|\.deleteFrom\(|\brecordAudits?\(/.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    // One exception, named: the signed-out review page records the refused request as the policy middleware does.
    expect(offenders.filter((o) => !o.startsWith('src/routes/review/signed-out.tsx') || !o.includes("action: 'request.denied'"))).toEqual([]);
  });

  it('nothing outside the use cases, the database layer and the seed data writes a row, audits or opens a transaction', () => {
    const offenders = everyModule()
      .filter((path) => !inWritingLayer(path))
      .flatMap((path) =>
        code(path)
          .split('\n')
          .filter((line) => writes.test(line))
          .map((line) => `${path}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  it('nothing outside them calls a write helper or a use-case runner', () => {
    const writing = writingFunctions();
    // The guard must see the writers it guards: signing in, sessions and the audit log among them.
    for (const name of ['recordAudit', 'insertUser', 'claimInvite', 'setPasswordHash']) expect(writing, name).toContain(name);
    const offenders = everyModule()
      .filter((path) => !inWritingLayer(path))
      .flatMap((path) => [
        ...valueImports(path, /\/db\/queries\/|\/commands\/writes\//).filter((name) => writing.has(name)),
        ...valueImports(path, /\/commands\/run\.ts$/),
      ].map((name) => `${path}: ${name}`));
    expect(offenders).toEqual([]);
  });

  it('only the use-case runner and the named places open a transaction, and each named place still does', () => {
    const opening = files('src').filter((path) => /\.transaction\(\)/.test(source(path).replace(/^\s*(\*|\/\/).*$/gm, '')));
    expect(opening.filter((path) => !(path in opensTransactions))).toEqual([]);
    expect(Object.keys(opensTransactions).filter((path) => !opening.includes(path))).toEqual([]);
  });
});
