import { databaseLabel, databaseLocation, loadConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/index.ts';

/** `npm run migrate`: brings the configured database's schema up to date. */
const config = loadConfig();
const db = openDatabase(databaseLocation(config), { poolSize: 2 });
try {
  const result = await migrateToLatest(db);
  const ran = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
  console.log(ran.length > 0 ? `Kjørte ${ran.join(', ')} på ${databaseLabel(config)}.` : `${databaseLabel(config)} er allerede oppdatert.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
