import { Hono } from 'hono';
import { sql } from 'kysely';
import { engineOf } from '../db/index.ts';
import { migrations } from '../db/migrations/index.ts';
import type { AppDeps } from '../deps.ts';

const latest = Object.keys(migrations).sort().at(-1) ?? '';

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
    let applied: string | undefined;
    try {
      const row = await sql<{ name: string }>`select max(name) as name from kysely_migration`.execute(db);
      applied = row.rows[0]?.name ?? undefined;
    } catch {
      // Either the database does not answer, or it has no migrations table yet.
      const answers = await sql`select 1`.execute(db).then(() => true, () => false);
      if (!answers) return c.json({ status: 'unavailable', engine, database: 'svarer ikke' }, 503);
    }
    const migration = { applied: applied ?? null, expected: latest };
    if (applied === latest) return c.json({ status: 'ok', engine, migration });
    // Newer than this version knows: another instance has migrated ahead; this one still works with it.
    if (applied && applied > latest) return c.json({ status: 'ok', engine, migration });
    return c.json({ status: 'starting', engine, migration }, 503);
  });
  return app;
}
