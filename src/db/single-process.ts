import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * One app process per SQLite file is the supported setup: a second one works (each write
 * transaction takes the write lock at its start, BEGIN IMMEDIATE, so writers wait for each other
 * up to the busy timeout), but the two queue on one lock, keep separate page caches, and a write
 * held up longer than the timeout answers 503. So the server notes its process id beside the file
 * (`<file>.pid`) and a second server on the same file is told at start. Several instances belong
 * on PostgreSQL (DATABASE_URL). Command-line tools (user, backup, copy-db) do not claim the file.
 */

export interface Claim {
  /** The process id of another live server on the same file, or null when there is none. */
  other: number | null;
  /** Removes the note if it is this process's (at shutdown). */
  release: () => void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function claimSqliteFile(file: string, pid = process.pid): Claim {
  const note = `${file}.pid`;
  let other: number | null = null;
  try {
    writeFileSync(note, `${pid}\n`, { flag: 'wx' });
  } catch {
    const previous = Number.parseInt(readFileSync(note, 'utf8'), 10);
    if (Number.isInteger(previous) && previous !== pid && alive(previous)) {
      other = previous;
    } else {
      // Left behind by a server that did not stop cleanly (or unreadable): ours now.
      writeFileSync(note, `${pid}\n`);
    }
  }
  return {
    other,
    release: () => {
      try {
        if (Number.parseInt(readFileSync(note, 'utf8'), 10) === pid) rmSync(note, { force: true });
      } catch {
        // already gone
      }
    },
  };
}

/** The warning a second server on the same file prints. */
export function secondProcessWarning(file: string, other: number): string {
  return (
    `ADVARSEL: en annen prosess (pid ${other}) kjører allerede Akson omfang på ${file}. Én prosess per SQLite-fil er oppsettet som støttes: ` +
    'to prosesser på samme fil må vente på hverandre ved hver skriving og kan svare 503 når ventetiden blir for lang. ' +
    'Stopp den andre, eller bruk PostgreSQL (DATABASE_URL) for flere instanser; se README, «Several instances».'
  );
}
