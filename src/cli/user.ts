import { databaseLocation, loadConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/index.ts';
import { seedDatabase } from '../../seeds/seed.ts';
import { runUserCommand } from './user-command.ts';

/** `npm run user -- add …` and `npm run user -- reset-password …`: see `userUsage`. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const config = loadConfig();
const db = openDatabase(databaseLocation(config), { poolSize: 2 });
try {
  // As at start: a municipality user needs the municipalities to be there.
  await migrateToLatest(db);
  await seedDatabase(db);
  process.exitCode = await runUserCommand(process.argv.slice(2), {
    db,
    config,
    now: () => new Date(),
    readStdin,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
