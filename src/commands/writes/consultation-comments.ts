import type { Kysely, Transaction } from 'kysely';
import { statusAfterEdit, type Comment, type CommentBasis, type CommentKind, type CommentStatus } from '../../../model/consultation.ts';
import type { Database } from '../../db/schema.ts';
import { asStatus } from '../../db/queries/consultation-comments.ts';

/**
 * Writes to comments and their threads. Each is called inside the transaction that also records
 * the audit event. A change to an existing comment names the version it is based on and writes
 * nothing when the comment has changed since (`claim`).
 */
type Executor = Kysely<Database> | Transaction<Database>;

export interface NewComment {
  roundId: number;
  itemId: number;
  organisationId: number;
  authorId: number | null;
  kind: CommentKind;
  text: string;
  proposal: string | null;
  baseText: string | null;
}

export async function insertComment(trx: Executor, c: NewComment, at: Date): Promise<number> {
  const iso = at.toISOString();
  const row = await trx
    .insertInto('consultation_comment')
    .values({
      round_id: c.roundId,
      item_id: c.itemId,
      organisation_id: c.organisationId,
      author_id: c.authorId,
      updated_by: c.authorId,
      kind: c.kind,
      text: c.text,
      proposal: c.proposal,
      base_text: c.baseText,
      created_at: iso,
      updated_at: iso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Claims the comment for a change based on `basis`: bumps its revision, or returns false when the
 * comment has changed since the form was opened (nothing is written then). The conditional update
 * also locks the row until the transaction ends (PostgreSQL), so no other save can come between.
 */
async function claim(trx: Executor, commentId: number, basis: CommentBasis): Promise<boolean> {
  const result = await trx
    .updateTable('consultation_comment')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('id', '=', commentId)
    .where('version', '=', basis.version)
    .where('revision', '=', basis.revision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type WriteResult = 'saved' | 'conflict';

/**
 * Keeps the current wording as an earlier version (with the answer it got, if the answer was to
 * it), then writes the new one. An answered or assessed comment goes back to "under vurdering"
 * (`statusAfterEdit`); its answer stays, labelled with the version it answered.
 */
export async function reviseComment(
  trx: Executor,
  commentId: number,
  basis: CommentBasis,
  change: { kind: CommentKind; text: string; proposal: string | null; baseText: string | null; editorId: number | null },
  at: Date,
): Promise<WriteResult> {
  if (!(await claim(trx, commentId, basis))) return 'conflict';
  const current = await trx
    .selectFrom('consultation_comment')
    .select(['version', 'kind', 'text', 'proposal', 'base_text', 'updated_at', 'updated_by', 'status', 'answer', 'answered_at', 'answered_version', 'answered_status'])
    .where('id', '=', commentId)
    .executeTakeFirstOrThrow();
  const answeredThis = current.answer !== null && current.answered_version === current.version;
  await trx
    .insertInto('consultation_comment_version')
    .values({
      comment_id: commentId,
      version: current.version,
      kind: current.kind,
      text: current.text,
      proposal: current.proposal,
      base_text: current.base_text,
      written_at: current.updated_at,
      written_by: current.updated_by,
      status: answeredThis ? current.answered_status : null,
      answer: answeredThis ? current.answer : null,
      answered_at: answeredThis ? current.answered_at : null,
    })
    .execute();
  await trx
    .updateTable('consultation_comment')
    .set({
      kind: change.kind,
      text: change.text,
      proposal: change.proposal,
      base_text: change.baseText,
      version: current.version + 1,
      status: statusAfterEdit({ status: asStatus(current.status), answer: current.answer }),
      updated_by: change.editorId,
      updated_at: at.toISOString(),
    })
    .where('id', '=', commentId)
    .execute();
  return 'saved';
}

export async function insertReply(trx: Executor, r: { commentId: number; authorId: number | null; organisationId: number | null; text: string }, at: Date): Promise<number> {
  const row = await trx
    .insertInto('consultation_reply')
    .values({ comment_id: r.commentId, author_id: r.authorId, organisation_id: r.organisationId, text: r.text, created_at: at.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The programme's handling of the wording the architect read (`basis`): a status, and an answer
 * to that version. It replaces an answer to an earlier version, which stays with that version.
 */
export async function answerComment(trx: Executor, commentId: number, basis: CommentBasis, a: { status: CommentStatus; answer: string; by: number }, at: Date): Promise<WriteResult> {
  if (!(await claim(trx, commentId, basis))) return 'conflict';
  const answer = a.answer === '' ? null : a.answer;
  await trx
    .updateTable('consultation_comment')
    .set({
      status: a.status,
      answer,
      answered_at: at.toISOString(),
      answered_by: a.by,
      answered_version: answer === null ? null : basis.version,
      answered_status: answer === null ? null : a.status,
    })
    .where('id', '=', commentId)
    .execute();
  return 'saved';
}

/** Hides the wording the architect read; refused when the organisation has rewritten it since. */
export async function hideComment(trx: Executor, commentId: number, basis: { version: number }, h: { reason: string; by: number }, at: Date): Promise<WriteResult> {
  const result = await trx
    .updateTable('consultation_comment')
    .set({ hidden_at: at.toISOString(), hidden_by: h.by, hidden_reason: h.reason })
    .where('id', '=', commentId)
    .where('version', '=', basis.version)
    .where('hidden_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? 'saved' : 'conflict';
}

/** The fields an audit record keeps of a comment. */
export const commentRecord = (
  c: Pick<Comment, 'kind' | 'text' | 'proposal' | 'status' | 'answer'> & { itemId?: number; organisationId?: number; version?: number; answeredVersion?: number | null },
) => ({
  ...(c.itemId !== undefined ? { itemId: c.itemId } : {}),
  ...(c.organisationId !== undefined ? { organisationId: c.organisationId } : {}),
  ...(c.version !== undefined ? { version: c.version } : {}),
  kind: c.kind,
  text: c.text,
  proposal: c.proposal,
  status: c.status,
  answer: c.answer,
  ...(c.answeredVersion !== undefined && c.answer !== null ? { answeredVersion: c.answeredVersion } : {}),
});
