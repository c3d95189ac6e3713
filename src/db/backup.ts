import { existsSync, rmSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { migrations } from './migrations/index.ts';

/**
 * Backups of the SQLite database that cannot lose committed data: the SQLite online backup API
 * copies a consistent snapshot while the app keeps running (a copy of the file would not be:
 * half-written pages, and what is still in the WAL is missed). A restore checks the copy first.
 */

/** Copies the live database `source` to `target` (replaced if present) while the app runs. */
export async function backupDatabase(source: string, target: string): Promise<{ pages: number }> {
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    if (existsSync(target)) rmSync(target);
    // After the first step, the rest in one step: in WAL mode that never blocks the app's writers,
    // while many small steps would restart every time a write lands between them.
    const result = await db.backup(target, { progress: ({ totalPages }) => totalPages + 1000 });
    return { pages: result.totalPages };
  } finally {
    db.close();
  }
}

export type BackupCheck = { ok: true; migrations: number } | { ok: false; problem: string };

/** Whether `file` is a sound database of this app at a migration level this app can run. */
export function checkBackup(file: string): BackupCheck {
  if (!existsSync(file)) return { ok: false, problem: `Finner ikke ${file}.` };
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(file, { fileMustExist: true });
    const integrity = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
      return { ok: false, problem: `Integritetskontrollen feilet: ${integrity.map((r) => r.integrity_check).slice(0, 5).join('; ')}` };
    }
    const table = db.prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
    if (!table) return { ok: false, problem: 'Filen er ikke en database fra Akson omfang (ingen migreringstabell).' };
    const done = (db.prepare('select name from kysely_migration order by name').all() as Array<{ name: string }>).map((r) => r.name);
    const unknown = done.filter((name) => !(name in migrations));
    if (unknown.length > 0) {
      return { ok: false, problem: `Kopien er fra en nyere versjon av appen (migreringer denne versjonen ikke kjenner: ${unknown.join(', ')}). Oppgrader appen først.` };
    }
    return { ok: true, migrations: done.length };
  } catch (error) {
    return { ok: false, problem: `Filen kan ikke leses som en SQLite-database: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    db?.close();
  }
}

/**
 * Replaces the database `target` with the checked copy `backup`, through the backup API, so that
 * a running app's connections see the restored content rather than a file swapped under them.
 * Older migration levels are fine: the app migrates at start.
 */
export async function restoreDatabase(backup: string, target: string): Promise<BackupCheck> {
  const check = checkBackup(backup);
  if (!check.ok) return check;
  const db = new SQLite(backup, { fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  const after = checkBackup(target);
  return after.ok ? check : after;
}
