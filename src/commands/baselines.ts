import { serializeBaseline } from '../../model/baseline-compact.ts';
import { elementKinds } from '../../model/kinds.ts';
import type { AuditActor } from '../db/queries/audit.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { currentSnapshot, writeBaselineElements } from '../db/queries/baselines.ts';
import type { Transaction } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Database } from '../db/schema.ts';

/** Frozen, or refused because the name is taken (the caller says so in the reader's language). */
export type FreezeResult = { ok: true; id: number; name: string } | { ok: false; reason: 'taken'; name: string };

/**
 * Use case: freeze the whole model (elements, links, requirements, chapters) as a named
 * baseline, in one transaction: read everything, write one row, audit. The row can never change
 * afterwards (triggers of migration 0013). A name already used is refused.
 */
export async function freezeBaseline(
  db: Db,
  input: { name: string; description: string },
  actor: AuditActor & { name: string },
): Promise<FreezeResult> {
  return db.transaction().execute((trx) => freezeBaselineIn(trx, input, actor));
}

/** `freezeBaseline` inside a transaction the caller owns (opening a round freezes the model it opens on). */
export async function freezeBaselineIn(
  trx: Transaction<Database>,
  input: { name: string; description: string },
  actor: AuditActor & { name: string },
): Promise<FreezeResult> {
  {
    const taken = await trx.selectFrom('baseline').select('id').where('name', '=', input.name).executeTakeFirst();
    if (taken) return { ok: false, reason: 'taken', name: input.name };
    const snapshot = await currentSnapshot(trx, actor.at);
    const elementCount = elementKinds.reduce((n, kind) => n + snapshot.model.elements[kind].length, 0);
    // The snapshot, and the compact rows beside it (migration 0024).
    const serialized = serializeBaseline(snapshot);
    const row = await trx
      .insertInto('baseline')
      .values({
        name: input.name,
        description: input.description,
        created_at: actor.at.toISOString(),
        created_by: actor.userId,
        created_by_name: actor.name,
        element_count: elementCount,
        requirement_count: snapshot.model.elements.requirement.length,
        snapshot: serialized.snapshot,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The compact form beside it, so comparing two baselines reads only what differs (migration 0024).
    await writeBaselineElements(trx, row.id, serialized.rows);
    await recordAudit(trx, {
      ...actor,
      action: 'baseline.freeze',
      entity: 'baseline',
      entityId: row.id,
      before: null,
      after: { name: input.name, description: input.description, elements: elementCount, requirements: snapshot.model.elements.requirement.length },
    });
    return { ok: true, id: row.id, name: input.name };
  }
}

/**
 * The baseline a review or consultation round is opened on: the one the architect named, or a
 * new one frozen now, named after the round. `undefined` when the named one does not exist.
 */
export async function baselineForRound(
  trx: Transaction<Database>,
  named: number | null,
  round: { label: string; title: string },
  actor: AuditActor,
): Promise<number | undefined> {
  if (named !== null) return (await trx.selectFrom('baseline').select('id').where('id', '=', named).executeTakeFirst())?.id;
  const user = actor.userId === null ? undefined : await trx.selectFrom('app_user').select('name').where('id', '=', actor.userId).executeTakeFirst();
  const base = `${round.label}: ${round.title}`.slice(0, 180);
  const taken = new Set((await trx.selectFrom('baseline').select('name').where('name', 'like', `${base}%`).execute()).map((b) => b.name));
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base} (${n})`;
  const frozen = await freezeBaselineIn(trx, { name, description: '' }, { ...actor, name: user?.name ?? 'System' });
  return frozen.ok ? frozen.id : undefined;
}
