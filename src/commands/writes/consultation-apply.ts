import { applicableStatuses, type AppliedProposal, type ApplyBasis, type ProposalTarget } from '../../../model/consultation-proposals.ts';
import { elementInputSchemas, toFormValues } from '../../../model/editing.ts';
import type { ElementKind } from '../../../model/kinds.ts';
import { say } from '../../../model/messages.ts';
import { indexModel } from '../../../model/lookup.ts';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { recordAudit, type AuditActor } from './audit.ts';
import { updateElementIn } from './elements.ts';
import { loadModelSlice, oneElementSlice } from '../../db/queries/model.ts';
import { issueText } from '../../../views/i18n/issues.ts';

export type ApplyResult =
  | { ok: true; elementVersion: number }
  /** The comment's wording, status or apply mark changed since the page was opened. */
  | { ok: false; reason: 'comment-changed' }
  /** The element changed since the page was opened (its version). */
  | { ok: false; reason: 'element-changed' }
  /** The element's own rules refuse the proposed text (as its edit form would). */
  | { ok: false; reason: 'invalid'; message: string }
  | { ok: false; reason: 'not-found' };

/**
 * Thrown inside the transaction to undo what it wrote; the use case catches it outside the
 * transaction (after the rollback) and answers with `result`.
 */
export class Rollback extends Error {
  constructor(readonly result: ApplyResult) {
    super('rollback');
  }
}

export interface ApplyRequest {
  commentId: number;
  basis: ApplyBasis;
  element: { kind: ElementKind; key: string };
  target: ProposalTarget;
  /** An earlier wording of the comment that was applied before, if any. */
  previouslyApplied: AppliedProposal | null;
  /** Where the change came from, for the element's history. */
  details: string;
  actor: AuditActor & { userId: number };
}

/**
 * Writes an accepted proposal into its element as an ordinary element edit (the edit form's
 * validation, a version bump, an `element.update` audit event) and marks the comment as applied,
 * all in one transaction: either both happen or neither. The comment is claimed first, which also
 * locks its row (PostgreSQL) so a change to its status or wording cannot come between.
 */
export async function applyProposal(trx: Transaction<Database>, r: ApplyRequest): Promise<ApplyResult> {
  const at = r.actor.at.toISOString();
  const claimed = await trx
    .updateTable('consultation_comment')
    .set((eb) => ({
      revision: eb('revision', '+', 1),
      applied_comment_version: r.basis.commentVersion,
      applied_element_version: r.basis.elementVersion + 1,
      applied_at: at,
      applied_by: r.actor.userId,
    }))
    .where('id', '=', r.commentId)
    .where('version', '=', r.basis.commentVersion)
    .where('kind', '=', 'endringsforslag')
    .where('proposal', 'is not', null)
    .where('status', 'in', [...applicableStatuses])
    .where('hidden_at', 'is', null)
    .where((eb) => eb.or([eb('applied_comment_version', 'is', null), eb('applied_comment_version', '<', r.basis.commentVersion)]))
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return { ok: false, reason: 'comment-changed' };
  const { proposal } = await trx.selectFrom('consultation_comment').select('proposal').where('id', '=', r.commentId).executeTakeFirstOrThrow();

  // The frame and the element the proposal changes, not the whole model.
  const model = await loadModelSlice(trx, oneElementSlice(r.element.kind, r.element.key));
  const index = indexModel(model);
  const current = index.byKey(r.element.kind, r.element.key);
  if (!current) throw new Rollback({ ok: false, reason: 'not-found' });
  if (current.version !== r.basis.elementVersion) throw new Rollback({ ok: false, reason: 'element-changed' });
  const values = { ...toFormValues(current, index), [r.target]: proposal ?? '' };
  const parsed = elementInputSchemas[r.element.kind].safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues.find((i) => i.path[0] === r.target) ?? parsed.error.issues[0];
    throw new Rollback({ ok: false, reason: 'invalid', message: issue ? issueText(issue) : issueText({ message: say('validation.ref.textUnusable') }) });
  }
  const saved = await updateElementIn(trx, r.element.kind, r.element.key, r.basis.elementVersion, parsed.data, r.actor, r.details);
  if (!saved.ok) {
    if (saved.reason === 'invalid') throw new Rollback({ ok: false, reason: 'invalid', message: issueText({ message: Object.values(saved.errors)[0] ?? say('validation.ref.textUnusable') }) });
    throw new Rollback({ ok: false, reason: saved.reason === 'conflict' ? 'element-changed' : 'not-found' });
  }
  await recordAudit(trx, {
    ...r.actor,
    action: 'consultation.comment.apply',
    entity: 'consultation_comment',
    entityId: r.commentId,
    before: { applied: r.previouslyApplied },
    after: { appliedCommentVersion: r.basis.commentVersion, element: `${r.element.kind}:${r.element.key}`, elementVersion: r.basis.elementVersion + 1 },
    details: r.details,
  });
  return { ok: true, elementVersion: r.basis.elementVersion + 1 };
}
