import {
  acceptsComments,
  commentStatusLabel,
  roundState,
  statusAfterEdit,
  type AnswerInput,
  type Comment,
  type CommentBasis,
  type CommentInput,
} from '../../model/consultation.ts';
import type { Db } from '../db/index.ts';
import { commentById } from '../db/queries/consultation-comments.ts';
import { answerComment as writeAnswer, commentRecord, hideComment as writeHidden, insertComment, insertReply, reviseComment } from './writes/consultation-comments.ts';
import { itemById, roundById } from '../db/queries/consultation-rounds.ts';
import { NotFound, RuleRefused, StaleVersion } from './errors.ts';
import { change, type Caller, type Tx } from './run.ts';

/**
 * Changes to an existing consultation comment: its organisation edits it, architects answer and
 * hide it. Each names the version of the comment it was based on; when the comment has changed
 * since, nothing is written and `StaleVersion` says so (the route shows what changed).
 */

/** While the round is open, an organisation comments on an item that is still in the scope. */
export function writeComment(db: Db, caller: Caller, at: { roundId: number; itemId: number }, input: CommentInput): Promise<number> {
  return change(db, caller, 'consultation.comment', {
    load: async (trx) => {
      const round = await roundById(trx, at.roundId);
      const item = round && (await itemById(trx, round.id, at.itemId));
      if (!round || !item) throw new NotFound({ key: 'errors.refused.notInConsultation' });
      return { round, item };
    },
    check: ({ round, item }) => {
      openForComments(round, caller.at);
      if (item.currentText === null) throw deletedItem();
    },
    write: async (trx, { round, item }, audit) => {
      const organisationId = caller.user!.organisationId!;
      const baseText = input.proposal !== null ? item.currentText : null;
      const id = await insertComment(trx, { roundId: round.id, itemId: item.id, organisationId, authorId: caller.user!.id, ...input, baseText }, caller.at);
      await audit({
        action: 'consultation.comment.create',
        entity: 'consultation_comment',
        entityId: id,
        after: commentRecord({ ...input, status: 'mottatt', answer: null, itemId: item.id, organisationId }),
      });
      return id;
    },
  });
}

/** Organisations and the programme write in the thread under a comment while the round is open and the comment shown. */
export function replyToComment(db: Db, caller: Caller, ref: CommentRef, text: string): Promise<void> {
  return change(db, caller, 'consultation.reply', {
    load: (trx) => loadComment(trx, ref),
    check: ({ round, comment }) => {
      openForComments(round, caller.at);
      if (comment.hidden) throw new RuleRefused({ key: 'errors.refused.hiddenThread' }, { key: 'errors.refused.hidden.title' });
    },
    write: async (trx, { comment }, audit) => {
      const user = caller.user!;
      const organisationId = user.role === 'organisation' ? user.organisationId : null;
      const id = await insertReply(trx, { commentId: comment.id, authorId: user.id, organisationId, text }, caller.at);
      await audit({ action: 'consultation.comment.reply', entity: 'consultation_reply', entityId: id, after: { commentId: comment.id, organisationId, text } });
    },
  });
}

function openForComments(round: { opensOn: string; closesOn: string }, at: Date): void {
  const state = roundState(round, at);
  if (acceptsComments(state)) return;
  throw new RuleRefused(
    state === 'planned' ? { key: 'errors.refused.consultationPlanned', values: { date: round.opensOn } } : { key: 'errors.refused.consultationClosed', values: { date: round.closesOn } },
    { key: 'errors.refused.consultationNotOpen.title' },
  );
}

const deletedItem = () => new RuleRefused({ key: 'errors.refused.itemDeleted' }, { key: 'errors.refused.itemDeleted.title' });

export interface CommentRef {
  roundId: number;
  commentId: number;
}

/** Everything about the comment, hidden or not: a use case sees what it changes. */
const everything = { access: { administrator: true, organisationId: null }, userId: null, organisationId: null };

async function loadComment(trx: Tx, ref: CommentRef) {
  const round = await roundById(trx, ref.roundId);
  const comment = round && (await commentById(trx, round.id, ref.commentId, everything));
  const item = comment && (await itemById(trx, comment.roundId, comment.itemId));
  if (!round || !comment || !item) throw new NotFound({ key: 'errors.refused.noComment' });
  return { round, comment, item };
}

const sameBasis = (a: CommentBasis, c: Comment) => a.version === c.version && a.revision === c.revision;

/** The organisation rewrites its comment while the round is open; an answered comment is assessed again. */
export function editComment(db: Db, caller: Caller, ref: CommentRef, basis: CommentBasis, input: CommentInput): Promise<{ reopened: boolean }> {
  return change(db, caller, 'consultation.edit', {
    load: (trx) => loadComment(trx, ref),
    owner: ({ comment }) => ({ organisationId: comment.organisationId }),
    check: ({ round, comment, item }) => {
      openForComments(round, caller.at);
      if (comment.hidden) throw new RuleRefused({ key: 'errors.refused.hiddenComment' }, { key: 'errors.refused.hidden.title' });
      if (item.currentText === null) throw deletedItem();
      if (!sameBasis(basis, comment)) throw new StaleVersion();
    },
    write: async (trx, { comment, item }, audit) => {
      const status = statusAfterEdit(comment);
      const baseText = input.proposal !== null ? (item.currentText ?? '') : null;
      if ((await reviseComment(trx, comment.id, basis, { ...input, baseText, editorId: caller.user?.id ?? null }, caller.at)) === 'conflict') throw new StaleVersion();
      const reopened = status !== comment.status ? `; status ${commentStatusLabel[comment.status].toLowerCase()} → ${commentStatusLabel[status].toLowerCase()}` : '';
      const earlier = comment.answer !== null ? `; svaret står, og gjaldt versjon ${comment.answeredVersion ?? comment.version}` : '';
      await audit({
        action: 'consultation.comment.update',
        entity: 'consultation_comment',
        entityId: comment.id,
        before: commentRecord(comment),
        after: commentRecord({ ...comment, ...input, status, version: comment.version + 1 }),
        details: `Versjon ${comment.version} → ${comment.version + 1}${reopened}${earlier}`,
      });
      return { reopened: status !== comment.status || comment.answer !== null };
    },
  });
}

/** The programme gives the wording it read a status and, optionally, an answer. */
export function answerComment(db: Db, caller: Caller, ref: CommentRef, basis: CommentBasis, input: AnswerInput): Promise<void> {
  return change(db, caller, 'consultation.answer', {
    load: (trx) => loadComment(trx, ref),
    check: ({ comment }) => {
      if (!sameBasis(basis, comment)) throw new StaleVersion();
    },
    write: async (trx, { comment }, audit) => {
      if ((await writeAnswer(trx, comment.id, basis, { ...input, by: caller.user!.id }, caller.at)) === 'conflict') throw new StaleVersion();
      const answer = input.answer === '' ? null : input.answer;
      await audit({
        action: 'consultation.comment.answer',
        entity: 'consultation_comment',
        entityId: comment.id,
        before: { status: comment.status, answer: comment.answer, ...(comment.answer !== null ? { answeredVersion: comment.answeredVersion } : {}) },
        after: { status: input.status, answer, ...(answer !== null ? { answeredVersion: comment.version } : {}) },
        details: `Versjon ${comment.version}`,
      });
    },
  });
}

export const alreadyHidden = () => new RuleRefused({ key: 'errors.refused.alreadyHidden' }, { key: 'errors.refused.alreadyHidden.title' });

/** The programme hides the wording it read, with a reason; refused when it was rewritten since. */
export function hideComment(db: Db, caller: Caller, ref: CommentRef, basis: { version: number }, reason: string): Promise<void> {
  return change(db, caller, 'consultation.hide', {
    load: (trx) => loadComment(trx, ref),
    check: ({ comment }) => {
      if (comment.hidden) throw alreadyHidden();
      if (basis.version !== comment.version) throw new StaleVersion();
    },
    write: async (trx, { comment }, audit) => {
      if ((await writeHidden(trx, comment.id, basis, { reason, by: caller.user!.id }, caller.at)) === 'conflict') throw new StaleVersion();
      await audit({
        action: 'consultation.comment.hide',
        entity: 'consultation_comment',
        entityId: comment.id,
        before: { hidden: false },
        after: { hidden: true, reason },
        details: `Versjon ${comment.version}`,
      });
    },
  });
}
