import type { Kysely, Transaction } from 'kysely';
import type { Round, RoundInput } from '../../../model/consultation.ts';
import type { Message } from '../../../model/messages.ts';
import type { Database } from '../../db/schema.ts';
import { roundItems } from '../../db/queries/consultation-rounds.ts';

/**
 * Consultation rounds as the use cases write them (issue 10: the reads stay in
 * `src/db/queries/consultation-rounds.ts`), each in the use case's transaction, which audits it.
 */
type Executor = Kysely<Database> | Transaction<Database>;

/** The elements (with what an item snapshots of them) among these ids; unknown ids are left out. */
async function elementsFor(trx: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  return trx.selectFrom('element').select(['id', 'kind', 'key', 'name']).where('id', 'in', ids).execute();
}

/** A refused write names, per field, what to tell the reader (said in their language by the route). */
export type RoundWriteResult = { kind: 'ok'; id: number } | { kind: 'invalid'; errors: Record<string, Message> };

/** Inserts the round and its items in the order given. Call inside a transaction. */
export async function insertRound(trx: Executor, input: RoundInput, at: Date): Promise<RoundWriteResult> {
  const elements = await elementsFor(trx, input.elements);
  if (elements.length !== input.elements.length) return { kind: 'invalid', errors: { elements: { key: 'consultation.error.elementsGone' } } };
  const iso = at.toISOString();
  const row = await trx
    .insertInto('consultation_round')
    .values({ title: input.title, description: input.description, phase: input.phase, opens_on: input.opensOn, closes_on: input.closesOn, created_at: iso, updated_at: iso })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertItems(trx, row.id, input.elements, elements, 0);
  return { kind: 'ok', id: row.id };
}

async function insertItems(trx: Executor, roundId: number, order: number[], elements: Array<{ id: number; kind: string; key: string; name: string }>, from: number) {
  const byId = new Map(elements.map((e) => [e.id, e]));
  const values = order.flatMap((id, i) => {
    const e = byId.get(id);
    return e ? [{ round_id: roundId, element_id: e.id, element_kind: e.kind, element_key: e.key, element_name: e.name, position: from + i }] : [];
  });
  if (values.length > 0) await trx.insertInto('consultation_item').values(values).execute();
}

/**
 * Changes a round: its fields, and which elements are open for comment. An element that already
 * has comments cannot be taken out (the comments would lose their place); new ones go last.
 */
export async function updateRound(trx: Executor, round: Round, input: RoundInput, at: Date): Promise<RoundWriteResult> {
  const items = await roundItems(trx, round.id);
  const wanted = new Set(input.elements);
  const removed = items.filter((i) => i.elementId === null ? false : !wanted.has(i.elementId));
  if (removed.length > 0) {
    const commented = await trx
      .selectFrom('consultation_comment')
      .select('item_id')
      .distinct()
      .where('item_id', 'in', removed.map((i) => i.id))
      .execute();
    if (commented.length > 0) {
      const names = removed.filter((i) => commented.some((c) => c.item_id === i.id)).map((i) => i.ref ?? i.name);
      return { kind: 'invalid', errors: { elements: { key: 'consultation.error.elementsCommented', values: { names: names.join(', ') } } } };
    }
    await trx.deleteFrom('consultation_item').where('id', 'in', removed.map((i) => i.id)).execute();
  }
  const present = new Set(items.map((i) => i.elementId));
  const added = input.elements.filter((id) => !present.has(id));
  const elements = await elementsFor(trx, added);
  if (elements.length !== added.length) return { kind: 'invalid', errors: { elements: { key: 'consultation.error.elementsGone' } } };
  await insertItems(trx, round.id, added, elements, Math.max(-1, ...items.map((i) => i.position)) + 1);
  await trx
    .updateTable('consultation_round')
    .set({ title: input.title, description: input.description, phase: input.phase, opens_on: input.opensOn, closes_on: input.closesOn, updated_at: at.toISOString() })
    .where('id', '=', round.id)
    .execute();
  return { kind: 'ok', id: round.id };
}

/**
 * Records that the user saw the round at `at` in this session. A look in a new session moves the
 * previous session's last look to `previous_seen_at`; another look in the same session keeps it,
 * so paging through a round does not use up what is new. Called by the page's POST, never by a GET.
 */
export async function recordVisit(db: Executor, visit: { userId: number; roundId: number; sessionId: string; at: Date }): Promise<void> {
  await db
    .insertInto('consultation_visit')
    .values({ user_id: visit.userId, round_id: visit.roundId, session_id: visit.sessionId, last_seen_at: visit.at.toISOString(), previous_seen_at: null })
    .onConflict((oc) =>
      oc.columns(['user_id', 'round_id']).doUpdateSet((eb) => ({
        previous_seen_at: eb
          .case()
          .when('consultation_visit.session_id', '=', eb.ref('excluded.session_id'))
          .then(eb.ref('consultation_visit.previous_seen_at'))
          .else(eb.ref('consultation_visit.last_seen_at'))
          .end(),
        session_id: eb.ref('excluded.session_id'),
        last_seen_at: eb.ref('excluded.last_seen_at'),
      })),
    )
    .execute();
}
