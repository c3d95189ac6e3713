import { NO_MIGRATIONS } from 'kysely';
import { seedDatabase } from '../../seeds/seed.ts';
import { loadConfig } from '../config.ts';
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
const db = openDatabase(config.DATABASE_FILE);
try {
  if (reset) {
    const down = await migrator(db).migrateTo(NO_MIGRATIONS);
    if (down.error) throw down.error;
    console.log(`Tømte ${config.DATABASE_FILE}.`);
  }
  await migrateToLatest(db);
  const result = await seedDatabase(db);
  console.log(
    result.seeded
      ? `Fylte ${config.DATABASE_FILE} med ${result.elements} elementer og ${result.municipalities} kommuner.`
      : `${config.DATABASE_FILE} har allerede innhold; ingenting endret. Bruk --reset for å bygge den på nytt.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
