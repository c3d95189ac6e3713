import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase, checkBackup, restoreDatabase } from '../../../src/db/backup.ts';
import { verifyAuditChain } from '../../../src/db/queries/audit-chain.ts';
import { recordAudit } from '../../../src/commands/writes/audit.ts';
import { migrateToLatest, openDatabase, type Db } from '../../../src/db/index.ts';

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'akson-backup-'));
  db = openDatabase(join(dir, 'live', 'akson.db'));
  await migrateToLatest(db);
});
afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const write = (i: number) => recordAudit(db, { at: new Date(), userId: null, clientAddress: null, action: 'test.burst', details: `skriving ${i}` });
const burstRows = (file: string) => {
  const copy = new SQLite(file, { fileMustExist: true });
  try {
    return (copy.prepare("select details from audit_event where action = 'test.burst' order by id").all() as Array<{ details: string }>).map((r) => r.details);
  } finally {
    copy.close();
  }
};

describe('npm run backup and npm run restore', () => {
  it('copies the live database during a write burst; the restored copy holds every acknowledged write and passes integrity_check', async () => {
    const acknowledged: number[] = [];
    for (let i = 0; i < 300; i++) {
      await write(i);
      acknowledged.push(i);
    }
    // Keep writing while the backup runs, and count what was acknowledged before it started.
    let writing = true;
    const burst = (async () => {
      for (let i = 300; writing; i++) {
        await write(i);
        acknowledged.push(i);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const before = acknowledged.length;
    const backup = join(dir, 'kopi.db');
    try {
      await backupDatabase(join(dir, 'live', 'akson.db'), backup);
    } finally {
      writing = false;
      await burst;
    }
    expect(acknowledged.length).toBeGreaterThan(before); // the burst really overlapped the backup

    const restored = join(dir, 'fresh', 'akson.db');
    rmSync(join(dir, 'fresh'), { recursive: true, force: true });
    const fresh = openDatabase(restored);
    await fresh.destroy();
    const result = await restoreDatabase(backup, restored);
    expect(result.ok).toBe(true);
    const rows = burstRows(restored);
    // Every write acknowledged before the backup began is there, and the copy is a consistent prefix: no gaps.
    expect(rows.length).toBeGreaterThanOrEqual(before);
    expect(rows).toEqual(acknowledged.slice(0, rows.length).map((i) => `skriving ${i}`));
    const check = new SQLite(restored);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
    const reopened = openDatabase(restored);
    expect(await verifyAuditChain(reopened)).toMatchObject({ whole: true });
    await reopened.destroy();
  });

  it('refuses to restore a file that is not a sound database of this app, and changes nothing', async () => {
    await write(1);
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'dette er ikke en database');
    expect(checkBackup(junk)).toMatchObject({ ok: false });
    const newer = join(dir, 'newer.db');
    await backupDatabase(join(dir, 'live', 'akson.db'), newer);
    const handle = new SQLite(newer);
    handle.prepare("insert into kysely_migration (name, timestamp) values ('9999_fra_framtiden', '2030-01-01')").run();
    handle.close();
    const refused = await restoreDatabase(newer, join(dir, 'live', 'akson.db'));
    expect(refused).toMatchObject({ ok: false });
    expect(refused.ok ? '' : refused.problem).toContain('9999_fra_framtiden');
    expect(burstRows(join(dir, 'live', 'akson.db'))).toEqual(['skriving 1']);
  });
});
