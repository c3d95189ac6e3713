import { sql, type Kysely, type Transaction } from 'kysely';
import { commentableText, roundPhases, type Round, type RoundItem, type RoundPhase, type VisitRecord } from '../../../model/consultation.ts';
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

/** An element a round can open for comment, as the round form lists it (its name, a requirement's number). */
export interface RoundElementChoice {
  id: number;
  kind: string;
  name: string;
  nameEn: string | null;
  ref: string | null;
}

/**
 * The elements `ids` named, as the round form lists those chosen: one query over the elements and
 * the requirements' numbers, without their links (the form lists names, nothing more), in the
 * model's order. None asked, none read: the form never lists every element (issue 10).
 */
export async function roundElementChoices(db: Executor, ids: readonly number[]): Promise<RoundElementChoice[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('element')
    .leftJoin('requirement', 'requirement.element_id', 'element.id')
    .select(['element.id', 'element.kind', 'element.name', 'element.name_en', 'requirement.ref'])
    .where('element.id', 'in', [...new Set(ids)])
    .orderBy('element.kind')
    .orderBy('element.position')
    .orderBy('element.id')
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, nameEn: r.name_en, ref: r.ref }));
}

/**
 * The element a round form's picker names (one query): `kind:key` as the picker's suggestions
 * and search page write it, or a requirement's number as typed (any case).
 */
export async function roundElementByCode(db: Executor, code: string): Promise<RoundElementChoice | undefined> {
  const text = code.trim();
  const [kind, key, ...rest] = text.split(':');
  let q = db.selectFrom('element').leftJoin('requirement', 'requirement.element_id', 'element.id').select(['element.id', 'element.kind', 'element.name', 'element.name_en', 'requirement.ref']);
  q = key !== undefined && rest.length === 0 ? q.where('element.kind', '=', kind!).where('element.key', '=', key) : q.where('requirement.ref', '=', text.toUpperCase());
  const row = await q.executeTakeFirst();
  return row && { id: row.id, kind: row.kind, name: row.name, nameEn: row.name_en, ref: row.ref };
}
