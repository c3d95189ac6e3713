import { Hono } from 'hono';
import { sql } from 'kysely';
import { engineOf } from '../db/index.ts';
import { migrations } from '../db/migrations/index.ts';
import type { AppDeps } from '../deps.ts';

const names = Object.keys(migrations);

/**
 * `/healthz` (readiness, for a load balancer): `ok` only when the database answers and has every
 * migration this version knows; one small query on the migrator's own table per call, no schema
 * scan. `/livez` (liveness): the process answers, whatever the database does.
 */
export function healthRoutes({ db }: AppDeps): Hono {
  const app = new Hono();
  const engine = engineOf(db);
  app.get('/livez', (c) => c.json({ status: 'alive' }));
  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    // Counted, not the highest name: migrations of parallel features may run out of name order
    // (0020 after 0023), so the highest name says nothing about the ones below it.
    let counted: { known: number; total: number } | undefined;
    try {
      const row = await sql<{ known: number | null; total: number }>`select sum(case when name in (${sql.join(names)}) then 1 else 0 end) as known, count(*) as total from kysely_migration`.execute(db);
      counted = { known: Number(row.rows[0]?.known ?? 0), total: Number(row.rows[0]?.total ?? 0) };
    } catch {
      // Either the database does not answer, or it has no migrations table yet.
      const answers = await sql`select 1`.execute(db).then(() => true, () => false);
      if (!answers) return c.json({ status: 'unavailable', engine, database: 'svarer ikke' }, 503);
    }
    const migration = { applied: counted?.known ?? 0, expected: names.length };
    // More than this version knows: another instance has migrated ahead; this one still works with it.
    if (counted && counted.known === names.length) return c.json({ status: 'ok', engine, migration: { ...migration, newer: counted.total - counted.known } });
    return c.json({ status: 'starting', engine, migration }, 503);
  });
  return app;
}
