import type { Transaction } from 'kysely';
import { baselineSnapshotSchema, type BaselineSnapshot, type BaselineSummary } from '../../../model/baselines.ts';
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
