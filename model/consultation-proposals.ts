import { z } from 'zod';
import type { MessageKey } from '../views/i18n/keys.ts';
import type { Comment, CommentStatus, ConsultationMessage, RoundItem } from './consultation.ts';

/**
 * Change proposals (endringsforslag) and the text they replace. A proposal is the whole new
 * wording of one field of the element: a requirement's text, or another element's description.
 * An element with neither (only a name) has no text to propose against, so it takes no proposal.
 * Once the programme has accepted a proposal, an architect can write it into that field.
 */

export type ProposalTarget = 'text' | 'description';

/**
 * The field a proposal on an element replaces: a requirement's text, otherwise a description that
 * is not empty. This is the text `commentableText` shows and the word diff compares against.
 */
export function proposalTargetOf(kind: string, description: string, requirementText: string | null): ProposalTarget | null {
  if (kind === 'requirement' && requirementText !== null) return 'text';
  return description.trim() !== '' ? 'description' : null;
}

/** The field a comment's item is about, from its kind (a requirement's proposal is always about its text). */
export const targetOfComment = (c: Pick<Comment, 'item'>): ProposalTarget => (c.item.kind === 'requirement' ? 'text' : 'description');

/**
 * A comment form's proposal where the element has no text to replace: refused beside the field
 * that carries it (the proposal if one was sent, otherwise the kind). Undefined when acceptable.
 */
export function proposalRefusal(form: { kind?: string | undefined; proposal?: string | undefined }, target: ProposalTarget | null): Record<string, MessageKey> | undefined {
  if (target !== null) return undefined;
  if ((form.proposal ?? '').trim() !== '') return { proposal: 'consultation.error.proposalWithoutText' };
  if (form.kind === 'endringsforslag') return { kind: 'consultation.error.proposalKindWithoutText' };
  return undefined;
}

/** A proposal that has been written into the element: which wording, and the element version it made. */
export interface AppliedProposal {
  commentVersion: number;
  elementVersion: number;
  at: string;
}

/** The statuses that let an architect apply a proposal. */
export const applicableStatuses: readonly CommentStatus[] = ['tatt-til-folge', 'delvis-tatt-til-folge'];

/**
 * "Innarbeidet i kravteksten (versjon 4)", naming the comment's wording if it has been rewritten
 * since: the message, for the page and the exports to say in the reader's language.
 */
export function appliedMessage(c: Pick<Comment, 'item' | 'applied' | 'version'>): ConsultationMessage | null {
  if (!c.applied) return null;
  const values = { target: targetOfComment(c), elementVersion: c.applied.elementVersion, commentVersion: c.applied.commentVersion };
  return { key: c.applied.commentVersion === c.version ? 'consultation.applied.same' : 'consultation.applied.earlier', values };
}

/** Why a comment's proposal cannot be applied now (a 409), or undefined when it can. */
export function applyProblem(c: Comment, item: RoundItem): ConsultationMessage | undefined {
  if (c.kind !== 'endringsforslag' || c.proposal === null) {
    return { key: c.hidden ? 'consultation.apply.problem.hidden' : 'consultation.apply.problem.notProposal' };
  }
  if (c.hidden) return { key: 'consultation.apply.problem.hidden' };
  if (item.currentText === null || item.elementVersion === null) return { key: 'consultation.apply.problem.deleted' };
  if (item.proposalTarget === null) return { key: 'consultation.apply.problem.noTarget' };
  if (!applicableStatuses.includes(c.status)) return { key: 'consultation.apply.problem.notAccepted', status: c.status };
  if (c.applied && c.applied.commentVersion === c.version) {
    return { key: 'consultation.apply.problem.applied', values: { target: targetOfComment(c), elementVersion: c.applied.elementVersion } };
  }
  if (c.proposal.replace(/\s+/g, ' ').trim() === item.currentText.replace(/\s+/g, ' ').trim()) {
    return { key: 'consultation.apply.problem.same', values: { target: item.proposalTarget } };
  }
  return undefined;
}

const formNumber = z
  .string({ error: 'consultation.error.versionMissing' satisfies MessageKey })
  .trim()
  .regex(/^[1-9]\d{0,8}$/, 'consultation.error.versionInvalid' satisfies MessageKey)
  .transform(Number);

/** What the architect saw when choosing to apply: the element's version and the comment's wording. */
export const applyBasisSchema = z.object({ elementVersion: formNumber, commentVersion: formNumber });
export type ApplyBasis = z.infer<typeof applyBasisSchema>;
