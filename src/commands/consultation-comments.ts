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
import { answerComment as writeAnswer, commentRecord, hideComment as writeHidden, reviseComment } from '../db/queries/consultation-comment-writes.ts';
import { itemById, roundById } from '../db/queries/consultation-rounds.ts';
import { NotFound, RuleRefused, StaleVersion } from './errors.ts';
import { change, type Caller, type Tx } from './run.ts';

/**
 * Changes to an existing consultation comment: its organisation edits it, architects answer and
 * hide it. Each names the version of the comment it was based on; when the comment has changed
 * since, nothing is written and `StaleVersion` says so (the route shows what changed).
 */

export interface CommentRef {
  roundId: number;
  commentId: number;
}

/** Everything about the comment, hidden or not: a use case sees what it changes. */
const everything = { access: { administrator: true, organisationId: null }, userId: null, organisationId: null };

async function loadComment(trx: Tx, ref: CommentRef, at: Date) {
  const round = await roundById(trx, ref.roundId);
  const comment = round && (await commentById(trx, round.id, ref.commentId, everything));
  const item = comment && (await itemById(trx, comment.roundId, comment.itemId));
  if (!round || !comment || !item) throw new NotFound('Det finnes ingen slik kommentar i denne høringen.');
  return { round, state: roundState(round, at), comment, item };
}

const sameBasis = (a: CommentBasis, c: Comment) => a.version === c.version && a.revision === c.revision;

/** The organisation rewrites its comment while the round is open; an answered comment is assessed again. */
export function editComment(db: Db, caller: Caller, ref: CommentRef, basis: CommentBasis, input: CommentInput): Promise<{ reopened: boolean }> {
  return change(db, caller, 'consultation.edit', {
    load: (trx) => loadComment(trx, ref, caller.at),
    owner: ({ comment }) => ({ organisationId: comment.organisationId }),
    check: ({ round, state, comment, item }) => {
      if (!acceptsComments(state)) throw new RuleRefused(`Fristen for høringen var ${round.closesOn}. Ingenting er lagret.`, 'Høringen er ikke åpen');
      if (comment.hidden) throw new RuleRefused('Prosjektet har skjult kommentaren, så den kan ikke endres. Skriv heller en ny kommentar.', 'Kommentaren er skjult');
      if (item.currentText === null) throw new RuleRefused('Elementet er slettet fra omfanget, så det kan ikke kommenteres lenger.', 'Elementet er slettet');
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
    load: (trx) => loadComment(trx, ref, caller.at),
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

export const alreadyHidden = () => new RuleRefused('Kommentaren er allerede skjult.', 'Allerede skjult');

/** The programme hides the wording it read, with a reason; refused when it was rewritten since. */
export function hideComment(db: Db, caller: Caller, ref: CommentRef, basis: { version: number }, reason: string): Promise<void> {
  return change(db, caller, 'consultation.hide', {
    load: (trx) => loadComment(trx, ref, caller.at),
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
