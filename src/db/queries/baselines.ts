import type { Transaction } from 'kysely';
import { headerRowId, namedIds, partialSnapshot, type CompactElement, type CompactHeader } from '../../../model/baseline-compact.ts';
import { baselineSnapshotSchema, diffBaselines, type BaselineDiff, type BaselineSnapshot, type BaselineSummary, type DiffWording } from '../../../model/baselines.ts';
import { toModelExport } from '../../../model/export.ts';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';
import { loadScopeModel } from './model.ts';
import { loadTraceContext } from './requirement-trace.ts';

/** The model as it is now, in the shape a baseline stores (reads inside `db` if it is a transaction). */
export async function currentSnapshot(db: Db | Transaction<Database>, at: Date): Promise<BaselineSnapshot> {
  const model = await loadScopeModel(db, { municipalities: false });
  const trace = await loadTraceContext(db as Db);
  return {
    model: toModelExport(model, at),
    requirementChapters: trace.chapters,
    requirementRelations: trace.relations,
    requirementTypes: trace.types,
  };
}

const summaryColumns = ['id', 'name', 'description', 'created_at', 'created_by_name', 'element_count', 'requirement_count'] as const;

function toSummary(row: { id: number; name: string; description: string; created_at: string; created_by_name: string; element_count: number; requirement_count: number }): BaselineSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
    elementCount: row.element_count,
    requirementCount: row.requirement_count,
  };
}

/** Every baseline, newest first, without its snapshot. One query. */
export async function listBaselines(db: Db): Promise<BaselineSummary[]> {
  const rows = await db.selectFrom('baseline').select(summaryColumns).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toSummary);
}

export async function baselineSummary(db: Db, id: number): Promise<BaselineSummary | undefined> {
  const row = await db.selectFrom('baseline').select(summaryColumns).where('id', '=', id).executeTakeFirst();
  return row ? toSummary(row) : undefined;
}

/** A baseline with its snapshot, parsed (trusted: it was written by `freezeBaseline`). */
export async function loadBaseline(db: Db, id: number): Promise<{ summary: BaselineSummary; snapshot: BaselineSnapshot } | undefined> {
  const row = await db.selectFrom('baseline').select([...summaryColumns, 'snapshot']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return { summary: toSummary(row), snapshot: JSON.parse(row.snapshot) as BaselineSnapshot };
}

/** For tests and the import of old snapshots: the snapshot checked against its schema. */
export function parseSnapshot(json: string): BaselineSnapshot {
  return baselineSnapshotSchema.parse(JSON.parse(json));
}

// The compact form (migration 0024) -----------------------------------------------------------

/**
 * The diff between two frozen baselines from their compact forms: the fingerprints compared in
 * SQL, and only the rows that differ (with the elements their links name) read and parsed. The
 * same diff as `diffBaselines` over the whole snapshots. Undefined when either baseline has no
 * compact form (frozen before migration 0024): the caller diffs the whole snapshots.
 * Four queries, and one more per thousand named elements.
 */
export async function diffStoredBaselines(db: Db, fromId: number, toId: number, wording: DiffWording): Promise<BaselineDiff | undefined> {
  const [headers, differing, added] = await Promise.all([
    db.selectFrom('baseline_element').select(['baseline_id', 'data']).where('baseline_id', 'in', [fromId, toId]).where('element_id', '=', headerRowId).execute(),
    // In "from" and not the same in "to": removed or changed.
    db
      .selectFrom('baseline_element as a')
      .leftJoin('baseline_element as b', (join) => join.on('b.baseline_id', '=', toId).onRef('b.element_id', '=', 'a.element_id'))
      .select(['a.element_id', 'a.data as before', 'b.data as after'])
      .where('a.baseline_id', '=', fromId)
      .where('a.element_id', '<>', headerRowId)
      .where((eb) => eb.or([eb('b.element_id', 'is', null), eb('b.fingerprint', '<>', eb.ref('a.fingerprint'))]))
      .execute(),
    // Only in "to": added.
    db
      .selectFrom('baseline_element as b')
      .select(['b.element_id', 'b.data'])
      .where('b.baseline_id', '=', toId)
      .where('b.element_id', '<>', headerRowId)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('baseline_element as a').select('a.element_id').where('a.baseline_id', '=', fromId).whereRef('a.element_id', '=', 'b.element_id'))))
      .execute(),
  ]);
  const fromHeader = headers.find((h) => h.baseline_id === fromId);
  const toHeader = headers.find((h) => h.baseline_id === toId);
  if (!fromHeader || !toHeader) return undefined;
  const before = new Map<number, CompactElement>();
  const after = new Map<number, CompactElement>();
  for (const row of differing) {
    before.set(row.element_id, JSON.parse(row.before) as CompactElement);
    if (row.after !== null) after.set(row.element_id, JSON.parse(row.after) as CompactElement);
  }
  for (const row of added) after.set(row.element_id, JSON.parse(row.data) as CompactElement);
  // The elements the differing rows' links name, on each side, so the links show names: the same
  // on both sides (unchanged) or already among the differing rows.
  const named = new Set<number>();
  for (const side of [before, after]) for (const row of side.values()) for (const id of namedIds(row)) if (!before.has(id) && !after.has(id)) named.add(id);
  const ids = [...named];
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectFrom('baseline_element')
      .select(['baseline_id', 'element_id', 'data'])
      .where('baseline_id', 'in', [fromId, toId])
      .where('element_id', 'in', ids.slice(i, i + 1000))
      .execute();
    for (const row of rows) {
      // Only the element, not its links: its links are the same on both sides and not part of the diff.
      const { element } = JSON.parse(row.data) as CompactElement;
      (row.baseline_id === fromId ? before : after).set(row.element_id, { element, links: {} });
    }
  }
  return diffBaselines(partialSnapshot(JSON.parse(fromHeader.data) as CompactHeader, before.values()), partialSnapshot(JSON.parse(toHeader.data) as CompactHeader, after.values()), wording);
}
