import { loadConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/index.ts';

/** `npm run migrate`: brings the configured database's schema up to date. */
const config = loadConfig();
const db = openDatabase(config.DATABASE_FILE);
try {
  const result = await migrateToLatest(db);
  const ran = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
  console.log(ran.length > 0 ? `Kjørte ${ran.join(', ')} på ${config.DATABASE_FILE}.` : `${config.DATABASE_FILE} er allerede oppdatert.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
