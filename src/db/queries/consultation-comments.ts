import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import {
  commentKinds,
  commentStatuses,
  redactComment,
  redactReply,
  type Comment,
  type CommentKind,
  type CommentStatus,
  type CommentVersion,
  type HiddenAccess,
  type Reply,
  type RoundView,
} from '../../../model/consultation.ts';
import type { TallyRow } from '../../../model/consultation-report.ts';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;
type CommentScope = ExpressionBuilder<Database & { c: Database['consultation_comment'] }, 'c'>;

/** Who is reading: what they may see of hidden comments, and who "others" are for what is new. */
export interface Reader {
  access: HiddenAccess;
  userId: number | null;
  organisationId: number | null;
}

const asKind = (k: string): CommentKind => ((commentKinds as readonly string[]).includes(k) ? (k as CommentKind) : 'sporsmal');
export const asStatus = (s: string): CommentStatus => ((commentStatuses as readonly string[]).includes(s) ? (s as CommentStatus) : 'mottatt');

function commentQuery(db: Executor, reader: Reader) {
  const viewerId = reader.userId ?? -1;
  return db
    .selectFrom('consultation_comment as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .innerJoin('consultation_item as i', 'i.id', 'c.item_id')
    .innerJoin('consultation_round as rd', 'rd.id', 'c.round_id')
    .leftJoin('element as e', 'e.id', 'i.element_id')
    .leftJoin('requirement as q', 'q.element_id', 'i.element_id')
    .leftJoin('app_user as au', 'au.id', 'c.author_id')
    .leftJoin('app_user as ab', 'ab.id', 'c.answered_by')
    .select((eb) => [
      'c.id',
      'c.round_id',
      'rd.title as round_title',
      'c.item_id',
      'i.element_kind',
      'i.element_key',
      'i.element_name',
      'e.key as current_key',
      'e.name as current_name',
      'q.ref',
      'c.organisation_id',
      'o.name as organisation_name',
      'au.name as author_name',
      'c.kind',
      'c.text',
      'c.proposal',
      'c.base_text',
      'c.version',
      'c.revision',
      'c.created_at',
      'c.updated_at',
      'c.status',
      'c.answer',
      'c.answered_at',
      'ab.name as answered_by_name',
      'c.answered_version',
      'c.answered_status',
      'c.hidden_at',
      'c.hidden_reason',
      'c.applied_comment_version',
      'c.applied_element_version',
      'c.applied_at',
      eb.selectFrom('consultation_reply as r').select((s) => s.fn.countAll<number>().as('n')).whereRef('r.comment_id', '=', 'c.id').as('reply_count'),
      eb
        .selectFrom('consultation_reply as r')
        .select((s) => s.fn.max('r.created_at').as('m'))
        .whereRef('r.comment_id', '=', 'c.id')
        .where((w) => w.or([w('r.author_id', 'is', null), w('r.author_id', '!=', viewerId)]))
        .as('last_other_reply_at'),
    ]);
}

type CommentRow = Awaited<ReturnType<ReturnType<typeof commentQuery>['executeTakeFirstOrThrow']>>;

function toComment(r: CommentRow, access: HiddenAccess): Comment {
  const key = r.current_key ?? r.element_key;
  return redactComment(
    {
      id: r.id,
      roundId: r.round_id,
      roundTitle: r.round_title,
      itemId: r.item_id,
      item: {
        kind: r.element_kind,
        key,
        name: r.current_name ?? r.element_name,
        ref: r.ref ?? (r.element_kind === 'requirement' ? key.toUpperCase() : null),
        deleted: r.current_name === null,
      },
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      authorName: r.author_name,
      kind: asKind(r.kind),
      text: r.text,
      proposal: r.proposal,
      baseText: r.base_text,
      version: r.version,
      revision: r.revision,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      status: asStatus(r.status),
      answer: r.answer,
      answeredAt: r.answered_at,
      answeredByName: r.answered_by_name,
      answeredVersion: r.answer === null ? null : r.answered_version,
      answeredStatus: r.answer === null || r.answered_status === null ? null : asStatus(r.answered_status),
      hidden: r.hidden_at !== null,
      hiddenAt: r.hidden_at,
      hiddenReason: r.hidden_reason,
      applied:
        r.applied_comment_version !== null && r.applied_element_version !== null && r.applied_at !== null
          ? { commentVersion: r.applied_comment_version, elementVersion: r.applied_element_version, at: r.applied_at }
          : null,
      replyCount: Number(r.reply_count ?? 0),
      lastOtherReplyAt: (r.last_other_reply_at as string | null) ?? null,
    },
    access,
  );
}

/** Which comments of a round a list shows. */
export interface CommentFilter {
  itemId?: number | undefined;
  organisationId?: number | undefined;
  status?: CommentStatus | undefined;
  /** Only what is new since this time (for this reader). */
  newSince?: string | undefined;
}

/** The SQL mirror of `noveltyOf`: written or edited by another organisation, answered, or replied to by someone else, since `since`. */
function newSinceCondition(eb: CommentScope, since: string, reader: Reader) {
  const own = reader.organisationId ?? -1;
  const viewerId = reader.userId ?? -1;
  return eb.or([
    eb.and([eb('c.organisation_id', '!=', own), eb('c.updated_at', '>', since)]),
    eb('c.answered_at', '>', since),
    eb.exists(
      eb
        .selectFrom('consultation_reply as r')
        .select('r.id')
        .whereRef('r.comment_id', '=', 'c.id')
        .where('r.created_at', '>', since)
        .where((w) => w.or([w('r.author_id', 'is', null), w('r.author_id', '!=', viewerId)])),
    ),
  ]);
}

/** The condition a comment list's filter puts on the round's comments. */
function commentFilter(roundId: number, filter: CommentFilter, reader: Reader) {
  return (eb: CommentScope) => {
    const parts = [eb('c.round_id', '=', roundId)];
    if (filter.itemId !== undefined) parts.push(eb('c.item_id', '=', filter.itemId));
    if (filter.organisationId !== undefined) parts.push(eb('c.organisation_id', '=', filter.organisationId));
    if (filter.status !== undefined) parts.push(eb('c.status', '=', filter.status));
    if (filter.newSince !== undefined) parts.push(newSinceCondition(eb, filter.newSince, reader));
    return eb.and(parts);
  };
}

/** The order of the statuses, as the status view lists them. */
const statusRank = sql<number>`case c.status ${sql.join(
  commentStatuses.map((s, i) => sql`when ${s} then ${i}`),
  sql` `,
)} else ${commentStatuses.length} end`;

/** One page of a round's comments in the view's order, in one query however many comments there are. */
export async function commentsPage(
  db: Db,
  roundId: number,
  options: { view: RoundView; filter: CommentFilter; page: number; pageSize: number; reader: Reader },
): Promise<Comment[]> {
  let query = commentQuery(db, options.reader).where(commentFilter(roundId, options.filter, options.reader));
  if (options.view === 'element') query = query.orderBy('i.position').orderBy('c.item_id');
  else if (options.view === 'organisasjon') query = query.orderBy('o.name').orderBy('c.organisation_id');
  else query = query.orderBy(statusRank);
  const rows = await query
    .orderBy('c.id')
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return rows.map((r) => toComment(r, options.reader.access));
}

export async function countComments(db: Db, roundId: number, filter: CommentFilter, reader: Reader): Promise<number> {
  const row = await db
    .selectFrom('consultation_comment as c')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(commentFilter(roundId, filter, reader))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every comment of a round, for the report: element order, then oldest first. */
export async function allComments(db: Db, roundId: number, reader: Reader): Promise<Comment[]> {
  const rows = await commentQuery(db, reader).where('c.round_id', '=', roundId).orderBy('i.position').orderBy('c.item_id').orderBy('c.id').execute();
  return rows.map((r) => toComment(r, reader.access));
}

/** One organisation's comments over every round, newest first, one page at a time. */
export async function organisationComments(db: Db, organisationId: number, options: { page: number; pageSize: number; reader: Reader }): Promise<Comment[]> {
  const rows = await commentQuery(db, options.reader)
    .where('c.organisation_id', '=', organisationId)
    .orderBy('c.id', 'desc')
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return rows.map((r) => toComment(r, options.reader.access));
}

export async function countOrganisationComments(db: Db, organisationId: number): Promise<number> {
  const row = await db.selectFrom('consultation_comment').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', organisationId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function commentById(db: Executor, roundId: number, id: number, reader: Reader): Promise<Comment | undefined> {
  const row = await commentQuery(db, reader).where('c.round_id', '=', roundId).where('c.id', '=', id).executeTakeFirst();
  return row && toComment(row, reader.access);
}

/** The round's comments counted by element, organisation, status and hidden, in one grouped query. */
export async function tallyRows(db: Db, where: { roundId: number } | { organisationId: number }): Promise<TallyRow[]> {
  let query = db
    .selectFrom('consultation_comment as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select((eb) => [
      'c.item_id',
      'c.organisation_id',
      'o.name',
      'c.status',
      eb.case().when('c.hidden_at', 'is', null).then(0).else(1).end().as('hidden'),
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['c.item_id', 'c.organisation_id', 'o.name', 'c.status', sql`case when c.hidden_at is null then 0 else 1 end`]);
  query = 'roundId' in where ? query.where('c.round_id', '=', where.roundId) : query.where('c.organisation_id', '=', where.organisationId);
  const rows = await query.execute();
  return rows.map((r) => ({ itemId: r.item_id, organisationId: r.organisation_id, organisationName: r.name, status: asStatus(r.status), hidden: Number(r.hidden) === 1, count: Number(r.n) }));
}

export interface NewSummary {
  comments: number;
  edited: number;
  answered: number;
  replied: number;
}

/** How much of the round is new since `since` for this reader, counted the way `noveltyOf` marks it. */
export async function newSummary(db: Db, roundId: number, since: string, reader: Reader): Promise<NewSummary> {
  const own = reader.organisationId ?? -1;
  const viewerId = reader.userId ?? -1;
  const count = (condition: ReturnType<typeof sql<boolean>>) => sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;
  const others = sql<boolean>`c.organisation_id <> ${own}`;
  const row = await db
    .selectFrom('consultation_comment as c')
    .select([
      count(sql<boolean>`${others} and c.created_at > ${since}`).as('comments'),
      count(sql<boolean>`${others} and c.created_at <= ${since} and c.updated_at > ${since}`).as('edited'),
      count(sql<boolean>`c.answered_at > ${since}`).as('answered'),
      count(
        sql<boolean>`exists (select 1 from consultation_reply r where r.comment_id = c.id and r.created_at > ${since} and (r.author_id is null or r.author_id <> ${viewerId}))`,
      ).as('replied'),
    ])
    .where('c.round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  return { comments: Number(row.comments), edited: Number(row.edited), answered: Number(row.answered), replied: Number(row.replied) };
}

/** A comment's earlier wordings, oldest first (the current one is the comment itself). */
export async function commentVersions(db: Db, commentId: number): Promise<CommentVersion[]> {
  const rows = await db
    .selectFrom('consultation_comment_version as v')
    .leftJoin('app_user as u', 'u.id', 'v.written_by')
    .select(['v.version', 'v.kind', 'v.text', 'v.proposal', 'v.base_text', 'v.written_at', 'u.name', 'v.status', 'v.answer', 'v.answered_at'])
    .where('v.comment_id', '=', commentId)
    .orderBy('v.version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    kind: asKind(r.kind),
    text: r.text,
    proposal: r.proposal,
    baseText: r.base_text,
    writtenAt: r.written_at,
    writtenByName: r.name,
    status: r.answer === null || r.status === null ? null : asStatus(r.status),
    answer: r.answer,
    answeredAt: r.answer === null ? null : r.answered_at,
  }));
}

/**
 * Every reply in a round's threads, oldest first, in one query: for the report, which gives the
 * threads in full. Each is redacted as its comment is for this reader.
 */
export async function roundReplies(db: Db, comments: Comment[], roundId: number, access: HiddenAccess): Promise<Reply[]> {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const rows = await db
    .selectFrom('consultation_reply as r')
    .innerJoin('consultation_comment as c', 'c.id', 'r.comment_id')
    .leftJoin('app_user as u', 'u.id', 'r.author_id')
    .leftJoin('organisation as o', 'o.id', 'r.organisation_id')
    .select(['r.id', 'r.comment_id', 'r.organisation_id', 'r.text', 'r.created_at', 'u.name as author_name', 'o.name as organisation_name'])
    .where('c.round_id', '=', roundId)
    .orderBy('r.comment_id')
    .orderBy('r.id')
    .execute();
  return rows.flatMap((r) => {
    const comment = byId.get(r.comment_id);
    if (!comment) return [];
    return [redactReply({ id: r.id, commentId: r.comment_id, authorName: r.author_name, organisationId: r.organisation_id, organisationName: r.organisation_name, text: r.text, createdAt: r.created_at }, comment, access)];
  });
}

/** One page of a comment's thread, oldest first. */
export async function repliesPage(db: Db, comment: Comment, options: { page: number; pageSize: number; access: HiddenAccess }): Promise<Reply[]> {
  const rows = await db
    .selectFrom('consultation_reply as r')
    .leftJoin('app_user as u', 'u.id', 'r.author_id')
    .leftJoin('organisation as o', 'o.id', 'r.organisation_id')
    .select(['r.id', 'r.comment_id', 'r.organisation_id', 'r.text', 'r.created_at', 'u.name as author_name', 'o.name as organisation_name'])
    .where('r.comment_id', '=', comment.id)
    .orderBy('r.id')
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return rows.map((r) =>
    redactReply(
      { id: r.id, commentId: r.comment_id, authorName: r.author_name, organisationId: r.organisation_id, organisationName: r.organisation_name, text: r.text, createdAt: r.created_at },
      comment,
      options.access,
    ),
  );
}
