import { databaseLocation, loadConfig } from '../config.ts';
import { migrateToLatest, openDatabase, type Db } from '../db/index.ts';

/** What a command needs from the process: the database, the clock and the two output streams. */
export interface CommandIo {
  db: Db;
  now: () => Date;
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * Runs one command-line command against the configured database (`DATABASE_URL`, else the SQLite
 * file), migrated first; the command's number is the exit code, and an error is told in one line,
 * never as a stack trace. The database is closed however the command ends.
 */
export async function runWithDatabase(command: (io: CommandIo) => Promise<number>): Promise<void> {
  const db = openDatabase(databaseLocation(loadConfig()), { poolSize: 2 });
  try {
    await migrateToLatest(db);
    process.exitCode = await command({ db, now: () => new Date(), out: (line) => console.log(line), err: (line) => console.error(line) });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}
