import { NO_MIGRATIONS } from 'kysely';
import { seedDatabase } from '../../seeds/seed.ts';
import { databaseLabel, databaseLocation, loadConfig } from '../config.ts';
import { migrateToLatest, migrator, openDatabase } from '../db/index.ts';

/**
 * `npm run seed`: fills an empty database with the Akson content. `npm run seed -- --reset`
 * rebuilds the database from scratch first (every migration down, then up), losing all changes.
 */
const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--reset');
if (unknown.length > 0) {
  console.error(`Ukjent argument: ${unknown.join(' ')}. Bruk: npm run seed [-- --reset]`);
  process.exit(2);
}
const reset = args.includes('--reset');
const config = loadConfig();
const db = openDatabase(databaseLocation(config), { poolSize: 2 });
try {
  if (reset) {
    const down = await migrator(db).migrateTo(NO_MIGRATIONS);
    if (down.error) throw down.error;
    console.log(`Tømte ${databaseLabel(config)}.`);
  }
  await migrateToLatest(db);
  const result = await seedDatabase(db);
  console.log(
    result.seeded
      ? `Fylte ${databaseLabel(config)} med ${result.elements} elementer og ${result.municipalities} kommuner.`
      : `${databaseLabel(config)} har allerede innhold; ingenting endret. Bruk --reset for å bygge den på nytt.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
