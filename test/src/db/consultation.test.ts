import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { down as migrationDown, up as migrationUp } from '../../../src/db/migrations/0005_consultation.ts';
import type { Db } from '../../../src/db/index.ts';
import { addComments, makeRound } from '../../consultation-fixtures.ts';
import { testDb } from '../../helpers.ts';

let db: Db;
beforeEach(async () => {
  db = await testDb();
});
afterEach(() => db.destroy());

const consultationTables = ['consultation_round', 'consultation_item', 'consultation_comment', 'consultation_comment_version', 'consultation_reply', 'consultation_visit'];

async function foreignKeys(table: string) {
  const { rows } = await sql<{ table: string; from: string; on_delete: string }>`select * from pragma_foreign_key_list(${table})`.execute(db);
  return rows.map((r) => `${r.from} → ${r.table} (${r.on_delete})`);
}

async function organisation(name: string) {
  const at = '2026-11-01T00:00:00.000Z';
  return (await db.insertInto('organisation').values({ name, kind: 'annet', contact: '', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id;
}

describe('the consultation tables keep users’ words', () => {
  it('refer to scope elements only from consultation_item, with ON DELETE SET NULL', async () => {
    const toElement: string[] = [];
    for (const table of consultationTables) for (const fk of await foreignKeys(table)) if (fk.includes('→ element ')) toElement.push(`${table}.${fk}`);
    expect(toElement).toEqual(['consultation_item.element_id → element (SET NULL)']);
  });

  it('refuse to delete an organisation or a round that has comments, and keep the comment when its element goes', async () => {
    const { id, items } = await makeRound(db);
    const org = await organisation('Forening');
    await addComments(db, [{ roundId: id, itemId: items[0]!.id, organisationId: org, text: 'Står igjen.' }]);
    await expect(db.deleteFrom('organisation').where('id', '=', org).execute()).rejects.toThrow(/FOREIGN KEY/);
    await expect(db.deleteFrom('consultation_round').where('id', '=', id).execute()).rejects.toThrow(/FOREIGN KEY/);
    await expect(db.deleteFrom('consultation_item').where('id', '=', items[0]!.id).execute()).rejects.toThrow(/FOREIGN KEY/);
    await db.deleteFrom('element').where('id', '=', items[0]!.elementId!).execute();
    const kept = await db.selectFrom('consultation_comment as c').innerJoin('consultation_item as i', 'i.id', 'c.item_id').select(['c.text', 'i.element_id', 'i.element_name']).executeTakeFirstOrThrow();
    expect(kept).toEqual({ text: 'Står igjen.', element_id: null, element_name: 'Alle kommunale helse- og omsorgstjenester' });
  });

  it('refuse a round whose deadline comes before its opening, and a status or kind outside the lists', async () => {
    const at = '2026-11-01T00:00:00.000Z';
    await expect(db.insertInto('consultation_round').values({ title: 'x', phase: 'forprosjekt', opens_on: '2026-12-01', closes_on: '2026-11-30', created_at: at, updated_at: at }).execute()).rejects.toThrow(/CHECK/);
    const { id, items } = await makeRound(db);
    const org = await organisation('Forening');
    const [comment] = await addComments(db, [{ roundId: id, itemId: items[0]!.id, organisationId: org }]);
    await expect(db.updateTable('consultation_comment').set({ status: 'godkjent' }).where('id', '=', comment!).execute()).rejects.toThrow(/CHECK/);
    await expect(db.updateTable('consultation_comment').set({ kind: 'klage' }).where('id', '=', comment!).execute()).rejects.toThrow(/CHECK/);
  });

  it('index every foreign key', async () => {
    const missing: string[] = [];
    for (const table of consultationTables) {
      const { rows: indexes } = await sql<{ name: string }>`select name from pragma_index_list(${table})`.execute(db);
      const leading = new Set<string>();
      for (const index of indexes) {
        const { rows } = await sql<{ name: string; seqno: number }>`select name, seqno from pragma_index_info(${index.name})`.execute(db);
        const first = rows.find((r) => r.seqno === 0);
        if (first) leading.add(first.name);
      }
      for (const fk of await foreignKeys(table)) {
        const column = fk.split(' ')[0]!;
        if (!leading.has(column)) missing.push(`${table}.${column}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('migrates down and up again', async () => {
    const any = db as unknown as Parameters<typeof migrationDown>[0];
    await migrationDown(any);
    const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name like 'consultation%'`.execute(db);
    expect(rows).toEqual([]);
    await migrationUp(any);
    expect((await makeRound(db)).items).toHaveLength(10);
  });
});
