import { serve } from '@hono/node-server';
import { collectWhenIdle } from './http/idle-collect.ts';
import { shutdownGracefully } from './http/shutdown.ts';
import { createApp } from './app.tsx';
import { invitePath } from './auth/invites.ts';
import { createSetupLink } from './commands/invites.ts';
import { sql, type LogEvent } from 'kysely';
import { ConfigError, databaseLabel, databaseLocation, loadConfig } from './config.ts';
import { openDatabase, migrateToLatest } from './db/index.ts';
import { claimSqliteFile, secondProcessWarning } from './db/single-process.ts';
import { seedDatabase } from '../seeds/seed.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = openDatabase(databaseLocation(config), {
    poolSize: config.DATABASE_POOL_SIZE,
    onPoolError: (error) => console.error(`Mistet en tilkobling til databasen (${error.message}); den erstattes ved neste forespørsel.`),
    ...(config.LOG_SQL ? { log: (e: LogEvent) => console.log(e.query.sql) } : {}),
  });
  if (config.DATABASE_URL) {
    // Fail early and clearly when the server cannot be reached or refuses us.
    await sql`select 1`.execute(db).catch((error: unknown) => {
      throw new ConfigError(`DATABASE_URL: kan ikke koble til PostgreSQL på ${databaseLabel(config)}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
  // One server per SQLite file is the supported setup: say so when this is a second one.
  const claim = !config.DATABASE_URL && config.DATABASE_FILE !== ':memory:' ? claimSqliteFile(config.DATABASE_FILE) : null;
  if (claim?.other) console.warn(secondProcessWarning(config.DATABASE_FILE, claim.other));
  process.on('exit', () => claim?.release());
  const migrated = await migrateToLatest(db);
  const ran = migrated.results?.filter((r) => r.status === 'Success').length ?? 0;
  if (ran > 0) console.log(`Databasen ${databaseLabel(config)}: ${ran} migrering(er) kjørt.`);
  const seeded = await seedDatabase(db);
  if (seeded.seeded) console.log(`Fylte databasen med Akson-innholdet: ${seeded.elements} elementer, ${seeded.municipalities} kommuner.`);

  const setupToken = await createSetupLink(db, config, new Date());
  const app = createApp({ db, config });
  // Garbage a burst of requests left behind is collected once the server is quiet (with --expose-gc, as npm start runs it).
  const idle = collectWhenIdle();
  const fetch: typeof app.fetch = (request, env, executionCtx) => {
    idle.touch();
    return app.fetch(request, env, executionCtx);
  };
  const server = serve({ fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    const origin = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${info.port}`;
    console.log(`Akson omfang kjører på ${origin}/`);
    if (setupToken) {
      console.log(
        `Ingen administrator finnes ennå. Opprett den første med denne lenken; den virker én gang og i ${config.SETUP_LINK_MINUTES} minutter:\n` +
          `  ${config.PUBLIC_URL ?? origin}${invitePath(setupToken)}\n` +
          'Er den utløpt, start på nytt for en ny lenke, eller bruk npm run user -- add --role administrator.',
      );
    }
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    idle.stop();
    console.log(`${signal}: tar ikke imot nye forespørsler, fullfører de som pågår (høyst 10 sekunder) og avslutter.`);
    void shutdownGracefully(server, 10_000)
      .then(({ forced }) => forced && console.log('Noen forbindelser var fortsatt åpne etter 10 sekunder og ble brutt.'))
      .finally(() => void db.destroy().finally(() => process.exit(0)));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Oppstarten feilet:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
