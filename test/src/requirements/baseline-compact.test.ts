import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { diffBaselines } from '../../../model/baselines.ts';
import { i18nFor } from '../../../views/i18n/index.ts';
import { baselineWording } from '../../../views/pages/baseline-wording.ts';
import { growChapters, growModel } from '../../../seeds/synthetic.ts';
import { freezeBaselineAsOperator } from '../../../src/commands/baselines.ts';
import { currentSnapshot, diffStoredBaselines, loadBaseline } from '../../../src/db/queries/baselines.ts';
import { serializeBaseline } from '../../../model/baseline-compact.ts';
import type { Db } from '../../../src/db/index.ts';
import { isPostgres } from '../../../src/db/migrations/portable.ts';
import { signIn, testApp, testDb, textOf } from '../../helpers.ts';

/**
 * The compact form of a baseline (migration 0024): comparing two baselines from the rows that
 * differ gives exactly the diff of the whole snapshots, and the rows are as frozen as the baseline.
 */

const wording = baselineWording(i18nFor('nb'));
const actor = { at: new Date('2026-11-26T12:00:00Z'), userId: null, clientAddress: null, name: 'Test' };

async function freeze(db: Db, name: string): Promise<number> {
  const result = await freezeBaselineAsOperator(db, actor.at, { name, description: '' });
  if (!result.ok) throw new Error(`taken: ${result.name}`);
  return result.id;
}

/** One change of every kind the diff knows, on a grown model. */
async function changeEverything(db: Db): Promise<void> {
  const stamp = actor.at.toISOString();
  const id = async (kind: string, key: string) => (await db.selectFrom('element').select('id').where('kind', '=', kind).where('key', '=', key).executeTakeFirstOrThrow()).id;
  const [edited, moved, relating] = await Promise.all([id('requirement', 'aks-0002'), id('requirement', 'aks-0001'), id('requirement', 'aks-0003')]);
  const multidose = await id('informationService', 'multidose');
  await db.insertInto('element').values({ kind: 'goal', key: 'nytt-mal', name: 'Nytt mål', name_en: null, description: '', tentative: 0, position: 99, version: 1, created_at: stamp, updated_at: stamp, source_document_id: null, source_from: null, source_to: null }).execute();
  const doomed = await db.selectFrom('element').select('id').where('kind', '=', 'stakeholder').orderBy('id', 'desc').executeTakeFirstOrThrow();
  await db.deleteFrom('element').where('id', '=', doomed.id).execute();
  const goal = await db.selectFrom('element').select('id').where('kind', '=', 'goal').orderBy('id').executeTakeFirstOrThrow();
  await db.updateTable('element').set({ name: 'Omdøpt mål', version: 2 }).where('id', '=', goal.id).execute();
  await db.updateTable('requirement').set({ text: 'Løsningen skal vise alle endringer ord for ord.' }).where('element_id', '=', edited).execute();
  const chapters = await db.selectFrom('requirement_chapter').select('id').orderBy('id', 'desc').execute();
  await db.updateTable('requirement').set({ chapter_id: chapters[0]!.id }).where('element_id', '=', moved).execute();
  await db.insertInto('requirement_element').values({ requirement_id: edited, element_id: multidose }).execute();
  const dropped = await db.selectFrom('requirement_element').selectAll().where('requirement_id', '=', moved).orderBy('element_id').executeTakeFirstOrThrow();
  await db.deleteFrom('requirement_element').where('requirement_id', '=', moved).where('element_id', '=', dropped.element_id).execute();
  await db.insertInto('requirement_relation').values({ from_id: relating, to_id: moved, kind: 'derived_from' }).execute();
  // A service's own links: an exchange's need level and a personnel group's usage.
  await db.updateTable('service_exchange').set({ need_level_id: null }).where('service_id', '=', multidose).execute();
  await db.updateTable('service_personnel').set({ usage: 'reads' }).where('service_id', '=', multidose).execute();
  await db.updateTable('requirement_chapter').set({ name: 'Omdøpt kapittel' }).where('id', '=', chapters[1]!.id).execute();
  await db.insertInto('requirement_chapter').values({ name: 'Nytt kapittel', parent_id: null, position: 99, created_at: stamp }).execute();
}

describe('the compact form of a baseline', () => {
  it('gives the same diff as the whole snapshots, for every kind of change, in both directions', async () => {
    const db = await testDb();
    await growModel(db, 2);
    await growChapters(db, { chapters: 10 });
    const a = await freeze(db, 'Før');
    await changeEverything(db);
    const b = await freeze(db, 'Etter');
    const [from, to] = await Promise.all([loadBaseline(db, a), loadBaseline(db, b)]);
    // The snapshot column, written from the elements' shared JSON, is the snapshot.
    const now = await currentSnapshot(db, actor.at);
    expect(JSON.parse(serializeBaseline(now).snapshot)).toEqual(now);
    expect(to!.snapshot).toEqual(now);
    const whole = diffBaselines(from!.snapshot, to!.snapshot, wording);
    // Every kind of change is there to compare.
    expect(whole.counts).toMatchObject({ elementsAdded: 1, elementsRemoved: 1, requirementsMoved: 1 });
    expect(whole.counts.elementsChanged).toBeGreaterThanOrEqual(3);
    expect(whole.links.added.length).toBeGreaterThanOrEqual(3);
    expect(whole.links.removed.length).toBeGreaterThanOrEqual(3);
    expect(whole.chapters.added).toHaveLength(1);
    expect(whole.chapters.renamed).toHaveLength(1);
    expect(await diffStoredBaselines(db, a, b, wording)).toEqual(whole);
    expect(await diffStoredBaselines(db, b, a, wording)).toEqual(diffBaselines(to!.snapshot, from!.snapshot, wording));
    expect((await diffStoredBaselines(db, a, a, wording))?.counts).toEqual(diffBaselines(from!.snapshot, from!.snapshot, wording).counts);
    await db.destroy();
  });

  it('is frozen: the database refuses UPDATE, DELETE and INSERT OR REPLACE of its rows', async () => {
    const db = await testDb();
    const id = await freeze(db, 'Låst');
    const rows = await db.selectFrom('baseline_element').select(['element_id']).where('baseline_id', '=', id).execute();
    expect(rows.length).toBeGreaterThan(100);
    await expect(db.updateTable('baseline_element').set({ data: '{}' }).where('baseline_id', '=', id).execute()).rejects.toThrow(/frozen/);
    await expect(db.deleteFrom('baseline_element').where('baseline_id', '=', id).execute()).rejects.toThrow(/frozen/);
    const again = { baseline_id: id, element_id: rows[1]!.element_id, fingerprint: 'x', data: '{}' };
    // Writing over a row: INSERT OR REPLACE on SQLite, an upsert on PostgreSQL.
    const overwrite = isPostgres(db)
      ? db.insertInto('baseline_element').values(again).onConflict((oc) => oc.columns(['baseline_id', 'element_id']).doUpdateSet({ data: '{}' })).execute()
      : db.replaceInto('baseline_element').values(again).execute();
    await expect(overwrite).rejects.toThrow(/frozen/);
    await db.destroy();
  });

  it('falls back to the whole snapshots for a baseline frozen before it existed, on the page and in the API', async () => {
    const ctx = await testApp();
    const a = await freeze(ctx.db, 'Ny');
    // A baseline as migration 0013 wrote them: the snapshot only, no compact rows.
    const snapshot = (await loadBaseline(ctx.db, a))!.snapshot;
    await ctx.db.updateTable('element').set({ name: 'Endret navn' }).where('key', '=', 'multidose').execute();
    await ctx.db.updateTable('element').set({ name: 'Multidose' }).where('key', '=', 'multidose').execute();
    const old = await ctx.db
      .insertInto('baseline')
      .values({ name: 'Gammel', created_at: actor.at.toISOString(), created_by: null, created_by_name: 'Test', element_count: 0, requirement_count: 10, snapshot: JSON.stringify({ ...snapshot, model: { ...snapshot.model, elements: { ...snapshot.model.elements, goal: [] } } }) })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await diffStoredBaselines(ctx.db, old.id, a, wording)).toBeUndefined();
    const architect = await signIn(ctx, 'architect');
    const page = await ctx.app.request(`/baselines/sammenlign?fra=${old.id}&til=${a}`, { headers: architect });
    expect(page.status).toBe(200);
    const goals = snapshot.model.elements.goal.length;
    expect(goals).toBeGreaterThan(0);
    const json = (await (await ctx.app.request(`/api/baselines/${old.id}/diff/${a}`, { headers: architect })).json()) as { diff: { counts: { elementsAdded: number } } };
    expect(json.diff.counts.elementsAdded).toBe(goals);
    expect(textOf(await page.text())).toContain(snapshot.model.elements.goal[0]!.name);
    const count = await sql<{ n: number }>`select count(*) as n from baseline_element where baseline_id = ${old.id}`.execute(ctx.db);
    expect(Number(count.rows[0]!.n)).toBe(0);
    await ctx.db.destroy();
  });
});
