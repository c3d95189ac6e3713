import { createHash } from 'node:crypto';
import { fieldChanges } from '../../model/audit.ts';
import { reviewProgress } from '../../model/review/progress.ts';
import { endOfOsloDay, roundState } from '../../model/review/rounds.ts';
import { firstDeliverySnapshot } from '../../model/review/snapshot.ts';
import { answerBasis, mergeAnswers, type IntentionInput, type PostedAnswer, type ReviewEntry } from '../../model/review/schemas.ts';
import type { FrozenService, IntentionDeclaration, StoredEntry } from '../../model/review/types.ts';
import { intentionVersion } from '../../model/versions.ts';
import type { MessageKey } from '../../views/i18n/keys.ts';
import type { Db } from '../db/index.ts';
import { baselineForRound } from './baselines.ts';
import { loadCatalogue } from '../db/queries/catalogue.ts';
import { declarationOf, municipalityByNumber } from '../db/queries/review/intentions.ts';
import { saveDeclaration } from './writes/review/intentions.ts';
import { answeredCount, reviewOf } from '../db/queries/review/reviews.ts';
import { reopenReview, saveAnswer, saveReview, submitReview as writeSubmitted } from './writes/review/reviews.ts';
import { openRoundId, roundById } from '../db/queries/review/rounds.ts';
import { closeRound, insertRound, reopenRound } from './writes/review/rounds.ts';
import { NotFound } from './errors.ts';
import { change, type Caller } from './run.ts';

/**
 * The municipal review: architects open, close and reopen rounds and reopen a submitted review;
 * a municipality saves its own answers (one at a time as it types, or the whole form), submits
 * them, and declares its intention. Each save names what its page showed, so a colleague's newer
 * answer is never overwritten unseen.
 */

const noRound = { key: 'errors.refused.noReviewRound' } as const;
const noMunicipality = { key: 'errors.refused.noMunicipality' } as const;

/** The stored review as its audit record keeps it: each stance by the service's key. */
export function reviewAuditRecord(status: string | null, entries: readonly StoredEntry[], services: readonly FrozenService[]) {
  const keyOf = new Map(services.map((s) => [s.id, s.key]));
  return { status, stances: Object.fromEntries(entries.map((e) => [keyOf.get(e.roundServiceId) ?? String(e.roundServiceId), { stance: e.stance, comment: e.comment }])) };
}

/** What a submit confirmation is for: the stored answers exactly as they were shown. */
export function draftFingerprint(entries: readonly StoredEntry[]): string {
  const sorted = [...entries].sort((a, b) => a.roundServiceId - b.roundServiceId).map((e) => [e.roundServiceId, e.stance, e.comment]);
  return createHash('sha256').update(JSON.stringify(sorted)).digest('base64url').slice(0, 22);
}

const sameEntries = (a: readonly StoredEntry[], b: readonly StoredEntry[]) => {
  const key = (e: StoredEntry) => `${e.roundServiceId}\u0000${e.stance}\u0000${e.comment}`;
  const left = new Set(a.map(key));
  return a.length === b.length && b.every((e) => left.has(key(e)));
};

// ---------------------------------------------------------------------------------------------
// Rounds (architects)

/** `field` names the form field a refusal belongs beside (the baseline), when it belongs to one; `message` is a catalogue key. */
export type OpenRoundOutcome = { kind: 'problem'; message: MessageKey; field?: 'baseline' } | { kind: 'opened'; id: number };

/** Opens a round on the first delivery as it is now; refused while another round is open. */
export function openReviewRound(db: Db, caller: Caller, input: { title: string; deadline: string; baseline?: number | null }): Promise<OpenRoundOutcome> {
  return change(db, caller, 'review.manage', {
    load: async (trx) => ({ openId: await openRoundId(trx, caller.at), catalogue: await loadCatalogue(trx) }),
    write: async (trx, { openId, catalogue }, audit): Promise<OpenRoundOutcome> => {
      if (openId !== undefined) return { kind: 'problem', message: 'review.error.roundStillOpen' };
      const version = new Map(catalogue.services.map((s) => [s.id, s.version]));
      const services = firstDeliverySnapshot(catalogue).map((s) => ({ ...s, version: version.get(s.elementId!) ?? 1 }));
      if (services.length === 0) return { kind: 'problem', message: 'review.error.nothingToReview' };
      const closesAt = endOfOsloDay(input.deadline);
      // The round opens on a baseline (issue 13): the one named, or the model frozen now.
      const baselineId = await baselineForRound(trx, input.baseline ?? null, { label: 'Vurderingsrunde', title: input.title }, caller, audit);
      if (baselineId === undefined) return { kind: 'problem', field: 'baseline', message: 'review.error.baselineGone' };
      const id = await insertRound(trx, { title: input.title, deadlineOn: input.deadline, closesAt, openedAt: caller.at, openedBy: caller.user!.id, services });
      await trx.updateTable('review_round').set({ baseline_id: baselineId }).where('id', '=', id).execute();
      await audit({
        action: 'review-round.open',
        entity: 'review_round',
        entityId: id,
        after: { title: input.title, deadlineOn: input.deadline, closesAt: closesAt.toISOString(), services: services.map((s) => s.key), baselineId },
      });
      return { kind: 'opened', id };
    },
  });
}

/** Closes an open round now; `closed` when it was closed already. */
export function closeReviewRound(db: Db, caller: Caller, roundId: number): Promise<'done' | 'closed'> {
  return change(db, caller, 'review.manage', {
    load: (trx) => roundOrNotFound(trx, roundId),
    write: async (trx, round, audit) => {
      if (!roundState(round, caller.at).open) return 'closed';
      await closeRound(trx, round.id, caller.at, caller.user!.id);
      await audit({ action: 'review-round.close', entity: 'review_round', entityId: round.id, before: { closedAt: null }, after: { closedAt: caller.at.toISOString() } });
      return 'done';
    },
  });
}

/** Opens a closed round again with a new deadline; refused while it, or another round, is open. */
export function reopenReviewRound(db: Db, caller: Caller, roundId: number, deadline: string): Promise<'done' | 'open' | 'other-open'> {
  return change(db, caller, 'review.manage', {
    load: async (trx) => ({ round: await roundOrNotFound(trx, roundId), openId: await openRoundId(trx, caller.at) }),
    write: async (trx, { round, openId }, audit) => {
      if (roundState(round, caller.at).open) return 'open';
      if (openId !== undefined) return 'other-open';
      const closesAt = endOfOsloDay(deadline);
      await reopenRound(trx, round.id, deadline, closesAt);
      await audit({
        action: 'review-round.reopen',
        entity: 'review_round',
        entityId: round.id,
        before: { deadlineOn: round.deadlineOn, closesAt: round.closesAt, closedAt: round.closedAt },
        after: { deadlineOn: deadline, closesAt: closesAt.toISOString(), closedAt: null },
      });
      return 'done';
    },
  });
}

/** Opens a municipality's submitted review for changes again, while the round is open. */
export function reopenSubmittedReview(db: Db, caller: Caller, at: { roundId: number; municipalityNumber: string }): Promise<'done' | 'not-submitted' | 'closed'> {
  return change(db, caller, 'review.manage', {
    load: async (trx) => ({ round: await roundOrNotFound(trx, at.roundId), stored: await reviewOf(trx, at.roundId, at.municipalityNumber) }),
    write: async (trx, { round, stored }, audit) => {
      if (!stored || stored.review.status !== 'submitted') return 'not-submitted';
      if (!roundState(round, caller.at).open) return 'closed';
      await reopenReview(trx, stored.review.id, caller.at, caller.user!.id);
      await audit({
        action: 'review.reopen',
        entity: 'municipality_review',
        entityId: stored.review.id,
        before: { status: 'submitted' },
        after: { status: 'draft' },
        details: `${at.municipalityNumber}, runde ${at.roundId}`,
      });
      return 'done';
    },
  });
}

/** Who took a copy of every municipality's words is worth knowing: the export is audited. */
export function recordReviewExport(db: Db, caller: Caller, roundId: number, details: string): Promise<void> {
  return change(db, caller, 'review.results', {
    load: async () => undefined,
    write: (_, __, audit) => audit({ action: 'review.export', entity: 'review_round', entityId: roundId, details }),
  });
}

// ---------------------------------------------------------------------------------------------
// A municipality's own review

export interface ReviewAt {
  roundId: number;
  municipalityNumber: string;
}

export type AnswerOutcome =
  | { kind: 'closed' }
  | { kind: 'submitted' }
  | { kind: 'stale'; stored: { stance: ReviewEntry['stance']; comment: string } }
  | { kind: 'unchanged' }
  | { kind: 'saved'; answered: number };

/**
 * One service's answer, saved as the municipality types it. `basis` is the fingerprint of the
 * answer the page showed: when someone else has saved a different answer since, nothing is written.
 */
export function saveOneAnswer(db: Db, caller: Caller, at: ReviewAt, service: FrozenService, entry: ReviewEntry, basis: string): Promise<AnswerOutcome> {
  return change(db, caller, 'review.write', {
    load: (trx) => loadReview(trx, at),
    owner: () => ({ municipalityNumber: at.municipalityNumber }),
    write: async (trx, { round, before }, audit): Promise<AnswerOutcome> => {
      if (!roundState(round, caller.at).open) return { kind: 'closed' };
      if (before?.review.status === 'submitted') return { kind: 'submitted' };
      const was = before?.entries.find((e) => e.roundServiceId === service.id);
      const same = was ? was.stance === entry.stance && was.comment === entry.comment : entry.stance === null;
      const stored = { stance: was?.stance ?? null, comment: was?.comment ?? '' };
      // Someone else saved a different answer since the page showed it: keep theirs, show both.
      if (!same && answerBasis(stored.stance, stored.comment) !== basis) return { kind: 'stale', stored };
      // Unchanged, or clearing an answer the review never had: nothing to write, and no empty draft.
      if (same) return { kind: 'unchanged' };
      const reviewId = await saveAnswer(trx, { roundId: at.roundId, municipalityNumber: at.municipalityNumber, entry, at: caller.at, userId: caller.user!.id });
      await audit({
        action: 'review.save',
        entity: 'municipality_review',
        entityId: reviewId,
        before: { [service.key]: was ? { stance: was.stance, comment: was.comment } : null },
        after: { [service.key]: entry.stance === null ? null : { stance: entry.stance, comment: entry.comment } },
        details: `${at.municipalityNumber}, runde ${at.roundId}: ${service.name}`,
      });
      return { kind: 'saved', answered: await answeredCount(trx, reviewId) };
    },
  });
}

export type ReviewSaveOutcome = { kind: 'closed' } | { kind: 'submitted' } | { kind: 'conflict'; conflicts: number[] } | { kind: 'saved' };

/**
 * The whole form saved as the draft. It changes only the answers it changed itself (each carries
 * what the page showed); an answer changed differently here and elsewhere is a conflict, and then
 * nothing is written. Saving it unchanged writes and records nothing.
 */
export function saveReviewDraft(db: Db, caller: Caller, at: ReviewAt, services: readonly FrozenService[], answers: readonly PostedAnswer[]): Promise<ReviewSaveOutcome> {
  return change(db, caller, 'review.write', {
    load: async (trx) => ({ ...(await loadReview(trx, at)), municipality: await municipalityOrNotFound(trx, at.municipalityNumber) }),
    owner: () => ({ municipalityNumber: at.municipalityNumber }),
    write: async (trx, { round, before, municipality }, audit): Promise<ReviewSaveOutcome> => {
      if (!roundState(round, caller.at).open) return { kind: 'closed' };
      if (before?.review.status === 'submitted') return { kind: 'submitted' };
      const merged = mergeAnswers(before?.entries ?? [], answers);
      if (merged.conflicts.length > 0) return { kind: 'conflict', conflicts: merged.conflicts };
      if (before ? sameEntries(before.entries, merged.entries) : merged.entries.length === 0) return { kind: 'saved' };
      const reviewId = await saveReview(trx, { roundId: at.roundId, municipalityNumber: at.municipalityNumber, entries: merged.entries, at: caller.at, userId: caller.user!.id });
      await audit({
        action: 'review.save',
        entity: 'municipality_review',
        entityId: reviewId,
        before: before ? reviewAuditRecord(before.review.status, before.entries, services) : undefined,
        after: reviewAuditRecord('draft', merged.entries, services),
        details: `${municipality.name} (${at.municipalityNumber}), runde ${at.roundId}`,
      });
      return { kind: 'saved' };
    },
  });
}

/**
 * Submits the stored draft, only if it is still what the confirmation page showed (`confirmed`,
 * its `draftFingerprint`) and every answer is complete. A second click finds it `already` submitted.
 */
export function submitReviewDraft(
  db: Db,
  caller: Caller,
  at: ReviewAt,
  services: readonly FrozenService[],
  confirmed: string,
): Promise<'done' | 'already' | 'closed' | 'changed' | 'problems'> {
  return change(db, caller, 'review.write', {
    load: async (trx) => ({ ...(await loadReview(trx, at)), municipality: await municipalityOrNotFound(trx, at.municipalityNumber) }),
    owner: () => ({ municipalityNumber: at.municipalityNumber }),
    write: async (trx, { round, before: stored, municipality }, audit) => {
      if (!roundState(round, caller.at).open) return 'closed';
      if (stored?.review.status === 'submitted') return 'already';
      if (!stored || draftFingerprint(stored.entries) !== confirmed) return 'changed';
      if (reviewProgress(services, stored.entries).problems.length > 0) return 'problems';
      await writeSubmitted(trx, stored.review.id, caller.at, caller.user!.id);
      await audit({
        action: 'review.submit',
        entity: 'municipality_review',
        entityId: stored.review.id,
        before: reviewAuditRecord('draft', stored.entries, services),
        after: reviewAuditRecord('submitted', stored.entries, services),
        details: `${municipality.name} (${at.municipalityNumber}), runde ${at.roundId}`,
      });
      return 'done';
    },
  });
}

export type IntentionOutcome = { kind: 'saved' } | { kind: 'stale'; stored: IntentionDeclaration | undefined };

/**
 * A municipality's intention declaration, by the municipality itself or an architect. `shown` is
 * the version the form showed (`intentionVersion`): when the declaration has changed since,
 * nothing is written. Saving it unchanged records nothing.
 */
export function declareIntention(db: Db, caller: Caller, municipalityNumber: string, input: IntentionInput, shown: string): Promise<IntentionOutcome> {
  return change(db, caller, 'intention.edit', {
    load: async (trx) => ({ municipality: await municipalityOrNotFound(trx, municipalityNumber), found: await declarationOf(trx, municipalityNumber) }),
    owner: () => ({ municipalityNumber }),
    write: async (trx, { municipality, found }, audit): Promise<IntentionOutcome> => {
      if (shown !== intentionVersion(found)) return { kind: 'stale', stored: found };
      const before = found ? { status: found.status, decidedOn: found.decidedOn, reference: found.reference } : undefined;
      const after = { status: input.status, decidedOn: input.date ?? null, reference: input.reference };
      if (before && fieldChanges(before, after).length === 0) return { kind: 'saved' };
      await saveDeclaration(trx, municipalityNumber, input, caller.at, caller.user!.id);
      await audit({ action: 'intention.update', entity: 'intention_declaration', entityId: municipalityNumber, before, after, details: municipality.name });
      return { kind: 'saved' };
    },
  });
}

// ---------------------------------------------------------------------------------------------

type Executor = Parameters<typeof roundById>[0];

async function roundOrNotFound(trx: Executor, roundId: number) {
  const round = await roundById(trx, roundId);
  if (!round) throw new NotFound(noRound);
  return round;
}

async function municipalityOrNotFound(trx: Executor, number: string) {
  const municipality = await municipalityByNumber(trx, number);
  if (!municipality) throw new NotFound(noMunicipality);
  return municipality;
}

/** The round (read again inside the transaction: it may have closed since the page) and the review as stored. */
async function loadReview(trx: Executor, at: ReviewAt) {
  return { round: await roundOrNotFound(trx, at.roundId), before: await reviewOf(trx, at.roundId, at.municipalityNumber) };
}
