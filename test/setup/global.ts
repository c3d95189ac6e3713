/**
 * Global setup of a test project: builds the template databases once for the whole run (see
 * `templates.ts`) and hands their location to the test files through `inject`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildPostgresTemplate, buildSqliteTemplate, dropPostgresDatabases } from './templates.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** SQLite: files holding the serialized templates. */
    sqliteTemplates: { empty: string; seeded: string };
    /** PostgreSQL: the server, and the prefix of this run's databases (the template is `<prefix>tpl`). */
    postgres: { url: string; prefix: string } | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'akson-test-'));
  const empty = join(dir, 'empty.db');
  const seeded = join(dir, 'seeded.db');
  writeFileSync(empty, await buildSqliteTemplate(false));
  writeFileSync(seeded, await buildSqliteTemplate(true));
  project.provide('sqliteTemplates', { empty, seeded });

  const url = project.name === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;
  let prefix = '';
  if (url) {
    prefix = `akson_t${randomBytes(3).toString('hex')}_`;
    await buildPostgresTemplate(url, `${prefix}tpl`);
  }
  project.provide('postgres', url ? { url, prefix } : null);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (url) await dropPostgresDatabases(url, prefix);
  };
}
