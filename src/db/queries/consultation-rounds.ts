import type { Message } from '../../../model/messages.ts';
import { sql, type Kysely, type Transaction } from 'kysely';
import { commentableText, roundPhases, type Round, type RoundInput, type RoundItem, type RoundPhase, type VisitRecord } from '../../../model/consultation.ts';
import { proposalTargetOf } from '../../../model/consultation-proposals.ts';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

interface RoundRow {
  id: number;
  title: string;
  description: string;
  phase: string;
  opens_on: string;
  closes_on: string;
  created_at: string;
  updated_at: string;
}

const toPhase = (p: string): RoundPhase => (roundPhases as readonly string[]).includes(p) ? (p as RoundPhase) : 'forprosjekt';

export function toRound(r: RoundRow): Round {
  return { id: r.id, title: r.title, description: r.description, phase: toPhase(r.phase), opensOn: r.opens_on, closesOn: r.closes_on, createdAt: r.created_at, updatedAt: r.updated_at };
}

export async function roundById(db: Executor, id: number): Promise<Round | undefined> {
  const row = await db.selectFrom('consultation_round').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRound(row);
}

/** The baseline a round was opened on (issue 13), by name; none for rounds opened before baselines. */
export async function roundBaseline(db: Executor, roundId: number): Promise<{ id: number; name: string } | null> {
  const row = await db
    .selectFrom('consultation_round as r')
    .innerJoin('baseline as b', 'b.id', 'r.baseline_id')
    .select(['b.id', 'b.name'])
    .where('r.id', '=', roundId)
    .executeTakeFirst();
  return row ?? null;
}

/** A round in the list, with its figures and (for a signed-in viewer) how much is new since the viewer last looked. */
export interface RoundSummary extends Round {
  itemCount: number;
  commentCount: number;
  answeredCount: number;
  /** Null for anonymous visitors, and rounds the viewer has not opened before this visit. */
  lastSeenAt: string | null;
  newCount: number;
}

/**
 * Every round, latest opening first, in one query whatever the number of rounds or comments.
 * "New" uses the same mark as the round page: within the session that last opened the round, the
 * visit before it; otherwise the last time the round was opened.
 */
export async function listRounds(db: Db, viewer: { id: number; organisationId: number | null; sessionId: string } | null): Promise<RoundSummary[]> {
  const viewerId = viewer?.id ?? -1;
  const ownOrganisation = viewer?.organisationId ?? -1;
  const rows = await db
    .selectFrom('consultation_round as r')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('consultation_visit')
          .select((s) => [
            'round_id',
            s
              .case()
              .when('session_id', '=', viewer?.sessionId ?? '')
              .then(s.ref('previous_seen_at'))
              .else(s.ref('last_seen_at'))
              .end()
              .as('last_seen_at'),
          ])
          .where('user_id', '=', viewerId)
          .as('v'),
      (j) => j.onRef('v.round_id', '=', 'r.id'),
    )
    .selectAll('r')
    .select((eb) => [
      'v.last_seen_at',
      eb.selectFrom('consultation_item as i').select((s) => s.fn.countAll<number>().as('n')).whereRef('i.round_id', '=', 'r.id').as('item_count'),
      eb.selectFrom('consultation_comment as c').select((s) => s.fn.countAll<number>().as('n')).whereRef('c.round_id', '=', 'r.id').as('comment_count'),
      eb
        .selectFrom('consultation_comment as c')
        .select((s) => s.fn.countAll<number>().as('n'))
        .whereRef('c.round_id', '=', 'r.id')
        .where('c.answer', 'is not', null)
        // An answer to an earlier wording does not answer the comment as it stands.
        .whereRef('c.answered_version', '=', 'c.version')
        .as('answered_count'),
      // Comments written or edited by others, answered, or replied to by others since the last look.
      // A reader who is not signed in, or has not opened the round, has nothing new: nothing to count
      // (with thousands of comments the count would otherwise look for replies to every one of them).
      viewer === null
        ? sql<number>`0`.as('new_count')
        : eb
        .selectFrom('consultation_comment as c')
        .select((s) => s.fn.countAll<number>().as('n'))
        .whereRef('c.round_id', '=', 'r.id')
        .where(sql<boolean>`v.last_seen_at is not null`)
        .where((w) =>
          w.or([
            w.and([w('c.organisation_id', '!=', ownOrganisation), w('c.updated_at', '>', w.ref('v.last_seen_at'))]),
            w('c.answered_at', '>', w.ref('v.last_seen_at')),
            w.exists(
              w
                .selectFrom('consultation_reply as rp')
                .select('rp.id')
                .whereRef('rp.comment_id', '=', 'c.id')
                .where('rp.created_at', '>', w.ref('v.last_seen_at'))
                .where((x) => x.or([x('rp.author_id', 'is', null), x('rp.author_id', '!=', viewerId)])),
            ),
          ]),
        )
        .as('new_count'),
    ])
    .orderBy('r.opens_on', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
  return rows.map((r) => ({
    ...toRound(r),
    itemCount: Number(r.item_count ?? 0),
    commentCount: Number(r.comment_count ?? 0),
    answeredCount: Number(r.answered_count ?? 0),
    lastSeenAt: r.last_seen_at ?? null,
    newCount: r.last_seen_at ? Number(r.new_count ?? 0) : 0,
  }));
}

interface ItemRow {
  id: number;
  round_id: number;
  position: number;
  element_id: number | null;
  element_kind: string;
  element_key: string;
  element_name: string;
  current_name: string | null;
  current_key: string | null;
  description: string | null;
  current_version: number | null;
  ref: string | null;
  requirement_text: string | null;
}

function itemQuery(db: Executor) {
  return db
    .selectFrom('consultation_item as i')
    .leftJoin('element as e', 'e.id', 'i.element_id')
    .leftJoin('requirement as q', 'q.element_id', 'i.element_id')
    .select([
      'i.id',
      'i.round_id',
      'i.position',
      'i.element_id',
      'i.element_kind',
      'i.element_key',
      'i.element_name',
      'e.name as current_name',
      'e.key as current_key',
      'e.description',
      'e.version as current_version',
      'q.ref',
      'q.text as requirement_text',
    ]);
}

/** An item as it is now if its element still exists, otherwise as it was when it was added. */
function toItem(r: ItemRow): RoundItem {
  const exists = r.current_name !== null;
  const key = r.current_key ?? r.element_key;
  return {
    id: r.id,
    roundId: r.round_id,
    position: r.position,
    elementId: r.element_id,
    kind: r.element_kind,
    key,
    name: r.current_name ?? r.element_name,
    ref: r.ref ?? (r.element_kind === 'requirement' ? key.toUpperCase() : null),
    currentText: exists ? commentableText({ name: r.current_name ?? '', description: r.description ?? '' }, r.requirement_text) : null,
    elementVersion: exists ? r.current_version : null,
    proposalTarget: exists ? proposalTargetOf(r.element_kind, r.description ?? '', r.requirement_text) : null,
  };
}

export async function roundItems(db: Executor, roundId: number): Promise<RoundItem[]> {
  return (await itemQuery(db).where('i.round_id', '=', roundId).orderBy('i.position').orderBy('i.id').execute()).map(toItem);
}

export async function itemById(db: Executor, roundId: number, itemId: number): Promise<RoundItem | undefined> {
  const row = await itemQuery(db).where('i.round_id', '=', roundId).where('i.id', '=', itemId).executeTakeFirst();
  return row && toItem(row);
}

/** What an audit record keeps of a round. */
export const roundRecord = (r: Pick<Round, 'title' | 'description' | 'phase' | 'opensOn' | 'closesOn'>, elementIds: number[]) => ({
  title: r.title,
  description: r.description,
  phase: r.phase,
  opensOn: r.opensOn,
  closesOn: r.closesOn,
  elements: elementIds,
});

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

/** The user's record of looking at the round (see `visitMark`), or undefined before the first look. One query, read only. */
export async function lastVisit(db: Db, who: { userId: number; roundId: number }): Promise<VisitRecord | undefined> {
  const row = await db
    .selectFrom('consultation_visit')
    .select(['session_id', 'last_seen_at', 'previous_seen_at'])
    .where('user_id', '=', who.userId)
    .where('round_id', '=', who.roundId)
    .executeTakeFirst();
  return row && { sessionId: row.session_id, lastSeenAt: row.last_seen_at, previousSeenAt: row.previous_seen_at };
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

/** An element a round can open for comment, as the round form lists it (its name, a requirement's number). */
export interface RoundElementChoice {
  id: number;
  kind: string;
  name: string;
  nameEn: string | null;
  ref: string | null;
}

/**
 * Every element a round can open, named: one query over the elements and the requirements'
 * numbers, without their links (the form lists names, nothing more), in the model's order.
 */
export async function roundElementChoices(db: Executor): Promise<RoundElementChoice[]> {
  const rows = await db
    .selectFrom('element')
    .leftJoin('requirement', 'requirement.element_id', 'element.id')
    .select(['element.id', 'element.kind', 'element.name', 'element.name_en', 'requirement.ref'])
    .orderBy('element.kind')
    .orderBy('element.position')
    .orderBy('element.id')
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, nameEn: r.name_en, ref: r.ref }));
}
