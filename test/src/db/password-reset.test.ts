import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { down as migrationDown, up as migrationUp } from '../../../src/db/migrations/0007_password_reset.ts';
import type { Db } from '../../../src/db/index.ts';
import { refused, schemaOf } from '../../engine.ts';
import { testDb } from '../../helpers.ts';

let db: Db;
beforeEach(async () => {
  db = await testDb();
});
afterEach(() => db.destroy());

const at = '2026-11-26T12:00:00.000Z';
const link = (id: number, purpose: string, userId: number | null) =>
  sql`insert into invite (id, token_hash, purpose, email, role, created_at, expires_at, user_id)
      values (${id}, ${`hash-${id}`}, ${purpose}, 'a@test.no', 'reader', ${at}, ${at}, ${userId})`.execute(db);

async function user(): Promise<number> {
  const row = await db
    .insertInto('app_user')
    .values({ email: 'a@test.no', name: 'A', role: 'reader', password_hash: 'x', municipality_number: null, organisation_id: null, created_at: at, updated_at: at, disabled_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function indexes(): Promise<string[]> {
  return schemaOf.createdIndexes(db, 'invite');
}

describe('migration 0007: reset links', () => {
  it('stores a reset link only for a user, and no purpose it does not know', async () => {
    const id = await user();
    await link(1, 'reset', id);
    await expect(link(2, 'reset', null)).rejects.toThrow(refused.check);
    await expect(link(3, 'glemt', id)).rejects.toThrow(refused.check);
  });

  it('migrates down (reset links go) and up again, keeping the other links and every index', async () => {
    const before = await indexes();
    expect(before).toContain('invite_user_idx');
    const id = await user();
    await link(1, 'invite', null);
    await link(2, 'reset', id);
    const any = db as unknown as Parameters<typeof migrationDown>[0];
    await migrationDown(any);
    expect(await db.selectFrom('invite').select(['id', 'purpose']).execute()).toEqual([{ id: 1, purpose: 'invite' }]);
    await expect(link(3, 'reset', id)).rejects.toThrow(refused.check);
    await migrationUp(any);
    expect(await db.selectFrom('invite').select(['id', 'purpose']).execute()).toEqual([{ id: 1, purpose: 'invite' }]);
    expect(await indexes()).toEqual(before);
    await link(4, 'reset', id);
  });
});
