import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { down as down0006, up as up0006 } from '../../../src/db/migrations/0006_consultation_answer_versions.ts';
import { migrateToLatest, migrator, openDatabase, type Db } from '../../../src/db/index.ts';
import { seedDatabase } from '../../../seeds/seed.ts';
import { addComments, makeRound } from '../../consultation-fixtures.ts';
import { refused, schemaOf } from '../../engine.ts';
import { testDb } from '../../helpers.ts';

let db: Db;
beforeEach(async () => {
  db = await testDb();
});
afterEach(() => db.destroy());

const consultationTables = ['consultation_round', 'consultation_item', 'consultation_comment', 'consultation_comment_version', 'consultation_reply', 'consultation_visit'];

const foreignKeys = (table: string) => schemaOf.foreignKeys(db, table);

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
    await expect(db.deleteFrom('organisation').where('id', '=', org).execute()).rejects.toThrow(refused.foreignKey);
    await expect(db.deleteFrom('consultation_round').where('id', '=', id).execute()).rejects.toThrow(refused.foreignKey);
    await expect(db.deleteFrom('consultation_item').where('id', '=', items[0]!.id).execute()).rejects.toThrow(refused.foreignKey);
    await db.deleteFrom('element').where('id', '=', items[0]!.elementId!).execute();
    const kept = await db.selectFrom('consultation_comment as c').innerJoin('consultation_item as i', 'i.id', 'c.item_id').select(['c.text', 'i.element_id', 'i.element_name']).executeTakeFirstOrThrow();
    expect(kept).toEqual({ text: 'Står igjen.', element_id: null, element_name: 'Alle kommunale helse- og omsorgstjenester' });
  });

  it('refuse a round whose deadline comes before its opening, and a status or kind outside the lists', async () => {
    const at = '2026-11-01T00:00:00.000Z';
    await expect(db.insertInto('consultation_round').values({ title: 'x', phase: 'forprosjekt', opens_on: '2026-12-01', closes_on: '2026-11-30', created_at: at, updated_at: at }).execute()).rejects.toThrow(refused.check);
    const { id, items } = await makeRound(db);
    const org = await organisation('Forening');
    const [comment] = await addComments(db, [{ roundId: id, itemId: items[0]!.id, organisationId: org }]);
    await expect(db.updateTable('consultation_comment').set({ status: 'godkjent' }).where('id', '=', comment!).execute()).rejects.toThrow(refused.check);
    await expect(db.updateTable('consultation_comment').set({ kind: 'klage' }).where('id', '=', comment!).execute()).rejects.toThrow(refused.check);
  });

  it('index every foreign key', async () => {
    const missing: string[] = [];
    for (const table of consultationTables) {
      const leading = await schemaOf.leadingIndexColumns(db, table);
      for (const fk of await foreignKeys(table)) {
        const column = fk.split(' ')[0]!;
        if (!leading.has(column)) missing.push(`${table}.${column}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('migrates down and up again', async () => {
    // Down through every later migration first: requirements (0013) refer to comments, and
    // PostgreSQL will not drop a table another table still refers to.
    const down = await migrator(db).migrateTo('0004_municipality_review');
    expect(down.error).toBeUndefined();
    expect((await schemaOf.tables(db)).filter((t) => t.startsWith('consultation'))).toEqual([]);
    await migrateToLatest(db);
    expect((await makeRound(db)).items).toHaveLength(10);
  });
});

describe('migration 0006: answers belong to the wording they answered', () => {
  /** A database as it stood before 0006, seeded, with a round and an organisation. */
  async function before0006() {
    const old = openDatabase(':memory:');
    const result = await migrator(old).migrateTo('0005_consultation');
    if (result.error) throw result.error;
    await seedDatabase(old, new Date('2026-01-01T00:00:00Z'));
    const { id, items } = await makeRound(old);
    const at = '2026-11-01T00:00:00.000Z';
    const org = (await old.insertInto('organisation').values({ name: 'Forening', kind: 'annet', contact: '', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id;
    return { old, roundId: id, itemId: items[0]!.id, org };
  }

  it('repairs a comment edited after its answer, as the application now does, and records the repair', async () => {
    const { old, roundId, itemId, org } = await before0006();
    const comment = (values: Record<string, unknown>) =>
      old
        .insertInto('consultation_comment')
        .values({ round_id: roundId, item_id: itemId, organisation_id: org, kind: 'innvending', text: 'x', created_at: '2026-11-20T10:00:00.000Z', updated_at: '2026-11-20T10:00:00.000Z', ...values } as never)
        .returning('id')
        .executeTakeFirstOrThrow()
        .then((r) => r.id);
    // Answered at version 1 (10:30), then edited to version 2 (11:00): the defect this migration repairs.
    const stale = await comment({ text: 'Vi støtter kravet.', version: 2, updated_at: '2026-11-20T11:00:00.000Z', status: 'tatt-til-folge', answer: 'Enig.', answered_at: '2026-11-20T10:30:00.000Z' });
    await old.insertInto('consultation_comment_version').values({ comment_id: stale, version: 1, kind: 'innvending', text: 'Kravet må fjernes.', written_at: '2026-11-20T10:00:00.000Z' } as never).execute();
    // Edited to version 2 (10:15), then answered (10:30): the answer is to the current wording.
    const current = await comment({ version: 2, updated_at: '2026-11-20T10:15:00.000Z', status: 'ikke-tatt-til-folge', answer: 'Nei.', answered_at: '2026-11-20T10:30:00.000Z' });
    await old.insertInto('consultation_comment_version').values({ comment_id: current, version: 1, kind: 'innvending', text: 'y', written_at: '2026-11-20T10:00:00.000Z' } as never).execute();
    const unanswered = await comment({});

    await migrateToLatest(old);
    const rows = await old.selectFrom('consultation_comment').select(['id', 'version', 'revision', 'status', 'answer', 'answered_version', 'answered_status']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: stale, version: 2, revision: 2, status: 'under-vurdering', answer: 'Enig.', answered_version: 1, answered_status: 'tatt-til-folge' },
      { id: current, version: 2, revision: 1, status: 'ikke-tatt-til-folge', answer: 'Nei.', answered_version: 2, answered_status: 'ikke-tatt-til-folge' },
      { id: unanswered, version: 1, revision: 1, status: 'mottatt', answer: null, answered_version: null, answered_status: null },
    ]);
    const kept = await old.selectFrom('consultation_comment_version').select(['comment_id', 'status', 'answer', 'answered_at']).orderBy('comment_id').execute();
    expect(kept).toEqual([
      { comment_id: stale, status: 'tatt-til-folge', answer: 'Enig.', answered_at: '2026-11-20T10:30:00.000Z' },
      { comment_id: current, status: null, answer: null, answered_at: null },
    ]);
    const audit = await old.selectFrom('audit_event').select(['action', 'entity_id', 'user_id', 'before_json', 'after_json']).where('action', 'like', 'consultation%').execute();
    expect(audit).toEqual([
      {
        action: 'consultation.comment.reopen',
        entity_id: String(stale),
        user_id: null,
        before_json: JSON.stringify({ status: 'tatt-til-folge', answer: 'Enig.' }),
        after_json: JSON.stringify({ status: 'under-vurdering', answer: 'Enig.', answeredVersion: 1 }),
      },
    ]);
    await old.destroy();
  });

  it('migrates down and up again', async () => {
    const any = db as unknown as Parameters<typeof down0006>[0];
    // Later migrations build on 0006's columns (0026 indexes answered_version): step back to 0006 first.
    expect((await migrator(db).migrateTo('0006_consultation_answer_versions')).error).toBeUndefined();
    await down0006(any);
    expect(await schemaOf.columns(db, 'consultation_comment')).not.toContain('revision');
    await up0006(any);
    await migrateToLatest(db);
    const { id, items } = await makeRound(db);
    const [comment] = await addComments(db, [{ roundId: id, itemId: items[0]!.id, organisationId: await organisation('Forening') }]);
    expect(await db.selectFrom('consultation_comment').select(['revision', 'answered_version']).where('id', '=', comment!).executeTakeFirstOrThrow()).toEqual({ revision: 1, answered_version: null });
    await expect(db.updateTable('consultation_comment').set({ answered_status: 'godkjent' }).where('id', '=', comment!).execute()).rejects.toThrow(refused.check);
  });
});
