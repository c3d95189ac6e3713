import type { LogEvent } from 'kysely';
import { createApp } from '../src/app.tsx';
import { migrateToLatest, openDatabase, type Db } from '../src/db/index.ts';
import { seedDatabase } from '../seeds/seed.ts';

/** A fresh in-memory database, migrated and (unless told otherwise) seeded. */
export async function testDb(options: { seed?: boolean; log?: (e: LogEvent) => void } = {}): Promise<Db> {
  const db = openDatabase(':memory:', options.log ? { log: options.log } : {});
  await migrateToLatest(db);
  if (options.seed !== false) await seedDatabase(db, new Date('2026-01-01T00:00:00Z'));
  return db;
}

/** An app on a fresh seeded in-memory database, with a log of every SQL query it runs. */
export async function testApp(options: { seed?: boolean } = {}) {
  const queries: string[] = [];
  const db = await testDb({ ...options, log: (e) => e.level === 'query' && queries.push(e.query.sql) });
  queries.length = 0;
  const errors: unknown[] = [];
  const app = createApp({ db, now: () => new Date('2026-11-26T12:00:00Z'), logError: (e) => errors.push(e) });
  return { app, db, queries, errors };
}

export const htmx = { 'HX-Request': 'true' } as const;

/** The visible text of an HTML document, tags removed and entities for the common cases decoded. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}
