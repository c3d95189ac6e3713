import { serve } from '@hono/node-server';
import { createApp } from './app.tsx';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase, migrateToLatest } from './db/index.ts';
import { seedDatabase } from '../seeds/seed.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = openDatabase(config.DATABASE_FILE, config.LOG_SQL ? { log: (e) => console.log(e.query.sql) } : {});
  const migrated = await migrateToLatest(db);
  const ran = migrated.results?.filter((r) => r.status === 'Success').length ?? 0;
  if (ran > 0) console.log(`Databasen ${config.DATABASE_FILE}: ${ran} migrering(er) kjørt.`);
  const seeded = await seedDatabase(db);
  if (seeded.seeded) console.log(`Fylte databasen med Akson-innholdet: ${seeded.elements} elementer, ${seeded.municipalities} kommuner.`);

  const app = createApp({ db });
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    console.log(`Akson omfang kjører på http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${info.port}/`);
  });

  const stop = () => {
    server.close(() => {
      void db.destroy().finally(() => process.exit(0));
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Oppstarten feilet:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
