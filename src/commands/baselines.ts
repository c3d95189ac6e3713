import { serializeBaseline } from '../../model/baseline-compact.ts';
import { elementKinds } from '../../model/kinds.ts';
import { currentSnapshot } from '../db/queries/baselines.ts';
import { writeBaselineElements } from './writes/baselines.ts';
import type { Db } from '../db/index.ts';
import { change, changeAs, type AuditNote, type Caller, type Tx } from './run.ts';

/** Frozen, or refused because the name is taken (the caller says so in the reader's language). */
export type FreezeResult = { ok: true; id: number; name: string } | { ok: false; reason: 'taken'; name: string };

/** Who freezes a baseline, as the baseline keeps it (the name stays when the user is gone). */
interface Freezer {
  at: Date;
  userId: number | null;
  name: string;
}

/**
 * Use case: freeze the whole model (elements, links, requirements, chapters) as a named
 * baseline: read everything, write one row, audit. The row can never change afterwards
 * (triggers of migration 0013). A name already used is refused. Who may: `requirements.edit`.
 */
export function freezeBaseline(db: Db, caller: Caller, input: { name: string; description: string }): Promise<FreezeResult> {
  return change(db, caller, 'requirements.edit', {
    load: (trx) => freezerOf(trx, caller),
    write: (trx, freezer, audit) => freezeBaselineIn(trx, input, freezer, audit),
  });
}

/** The same by the operator at the command line (`npm run baseline -- create`), who is no signed-in user. */
export function freezeBaselineAsOperator(db: Db, at: Date, input: { name: string; description: string }): Promise<FreezeResult> {
  return changeAs(db, { at, userId: null, clientAddress: null }, (trx, audit) => freezeBaselineIn(trx, input, { at, userId: null, name: 'kommandolinjen' }, audit));
}

async function freezerOf(trx: Tx, caller: Caller): Promise<Freezer> {
  const userId = caller.user?.id ?? null;
  const user = userId === null ? undefined : await trx.selectFrom('app_user').select('name').where('id', '=', userId).executeTakeFirst();
  return { at: caller.at, userId, name: user?.name ?? 'System' };
}

/** `freezeBaseline` inside a use case's transaction (opening a round freezes the model it opens on). */
async function freezeBaselineIn(trx: Tx, input: { name: string; description: string }, by: Freezer, audit: (note: AuditNote) => Promise<void>): Promise<FreezeResult> {
  const taken = await trx.selectFrom('baseline').select('id').where('name', '=', input.name).executeTakeFirst();
  if (taken) return { ok: false, reason: 'taken', name: input.name };
  const snapshot = await currentSnapshot(trx, by.at);
  const elementCount = elementKinds.reduce((n, kind) => n + snapshot.model.elements[kind].length, 0);
  // The snapshot, and the compact rows beside it (migration 0024).
  const serialized = serializeBaseline(snapshot);
  const row = await trx
    .insertInto('baseline')
    .values({
      name: input.name,
      description: input.description,
      created_at: by.at.toISOString(),
      created_by: by.userId,
      created_by_name: by.name,
      element_count: elementCount,
      requirement_count: snapshot.model.elements.requirement.length,
      snapshot: serialized.snapshot,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The compact form beside it, so comparing two baselines reads only what differs (migration 0024).
  await writeBaselineElements(trx, row.id, serialized.rows);
  await audit({
    action: 'baseline.freeze',
    entity: 'baseline',
    entityId: row.id,
    before: null,
    after: { name: input.name, description: input.description, elements: elementCount, requirements: snapshot.model.elements.requirement.length },
  });
  return { ok: true, id: row.id, name: input.name };
}

/**
 * The baseline a review or consultation round is opened on, inside the opening use case's
 * transaction: the one the architect named, or a new one frozen now, named after the round.
 * `undefined` when the named one does not exist.
 */
export async function baselineForRound(
  trx: Tx,
  named: number | null,
  round: { label: string; title: string },
  caller: Caller,
  audit: (note: AuditNote) => Promise<void>,
): Promise<number | undefined> {
  if (named !== null) return (await trx.selectFrom('baseline').select('id').where('id', '=', named).executeTakeFirst())?.id;
  const base = `${round.label}: ${round.title}`.slice(0, 180);
  const taken = new Set((await trx.selectFrom('baseline').select('name').where('name', 'like', `${base}%`).execute()).map((b) => b.name));
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base} (${n})`;
  const frozen = await freezeBaselineIn(trx, { name, description: '' }, await freezerOf(trx, caller), audit);
  return frozen.ok ? frozen.id : undefined;
}
