import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../../src/db/statement-cache.ts';
import { testDb } from '../../helpers.ts';

describe('the statement cache', () => {
  it('prepares each SQL text once and hands back the same statement', () => {
    const sqlite = new SQLite(':memory:');
    let prepared = 0;
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((sql: string) => (prepared++, prepare(sql))) as typeof sqlite.prepare;
    const db = withStatementCache(sqlite, 2);
    const a = db.prepare('select 1');
    expect(db.prepare('select 1')).toBe(a);
    expect(prepared).toBe(1);
    db.prepare('select 2');
    db.prepare('select 1'); // now the most recently used
    db.prepare('select 3'); // pushes out «select 2», the least recently used
    expect(db.cached).toBe(2);
    expect(db.prepare('select 1')).toBe(a);
    db.prepare('select 2');
    expect(prepared).toBe(4);
    db.close();
  });

  it('keeps giving right answers through writes, transactions and schema changes', async () => {
    const db = await testDb({ seed: false });
    const count = () => db.selectFrom('organisation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number((await count()).n)).toBe(0);
    await db.transaction().execute((trx) =>
      trx.insertInto('organisation').values({ name: 'A', kind: 'annet', contact: '', created_at: 'x', updated_at: 'x' }).execute(),
    );
    await db.schema.createIndex('organisation_contact_test_idx').on('organisation').column('contact').execute();
    expect(Number((await count()).n)).toBe(1);
    await db.destroy();
  });
});
