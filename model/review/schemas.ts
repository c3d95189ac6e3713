import { z } from 'zod';
import { say } from '../messages.ts';
import { textRule } from '../text.ts';
import { dbIdMax, isoDateSchema } from '../schemas.ts';
import type { StoredEntry } from './types.ts';
import { missingVersionMessage } from '../versions.ts';
import type { MessageKey } from '../../views/i18n/keys.ts';

/*
 * Every message below is a catalogue key (`views/i18n/{nb,en}/review.json`): this file cannot know
 * the reader's language, so the route shows it through `issueMessage` (src/http/forms.ts).
 */

/** A municipality's stance on one service in the first-delivery list. */
export const stances = ['supports', 'supports-with-changes', 'opposes', 'no-opinion'] as const;
export const stanceSchema = z.enum(stances, { error: say('review.error.stance') });
export type Stance = z.infer<typeof stanceSchema>;
/** A stance's label in the interface: `review.stance.<stance>` in the catalogues. */
export const stanceKey = (stance: Stance) => `review.stance.${stance}` as const;

/** Where a municipality stands on joining: its intention declaration (intensjonserklæring). */
export const intentionStatuses = ['undecided', 'considering', 'signed', 'declined'] as const;
export const intentionStatusSchema = z.enum(intentionStatuses, { error: say('review.error.intentionStatus') });
export type IntentionStatus = z.infer<typeof intentionStatusSchema>;
/** A declaration status's label in the interface: `review.intentionStatus.<status>` in the catalogues. */
export const intentionStatusKey = (status: IntentionStatus) => `review.intentionStatus.${status}` as const;

export const reviewStatuses = ['draft', 'submitted'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];
/** A review's status label in the interface: `review.reviewStatus.<status>` in the catalogues. */
export const reviewStatusKey = (status: ReviewStatus | 'not-started') => `review.reviewStatus.${status}` as const;

export const commentMaxLength = 2000;

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * A calendar date that exists. `isoDateSchema` lets through days such as 2027-02-30 (Date.parse
 * rolls them over), which a deadline or a signing date must not be.
 */
export const calendarDateSchema = isoDateSchema.refine((d) => {
  const at = new Date(`${d}T00:00:00Z`);
  return Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) === d; // the format check reports the rest
}, say('review.error.noSuchDate'));

/** How far ahead a deadline may be set: a round is weeks, not years. */
export const maxDeadlineDays = 730;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A deadline (the last day a round is open, Norwegian time) from today onwards. */
function deadlineSchema(today: string) {
  return z
    .string({ error: say('review.error.deadlineMissing') })
    .trim()
    .min(1, say('review.error.deadlineMissing'))
    .pipe(calendarDateSchema)
    .refine((d) => d >= today, say('review.error.deadlinePast'))
    .refine((d) => d <= addDays(today, maxDeadlineDays), say('review.error.deadlineFar'));
}

/** Opening a round: a title and the last day municipalities may submit. `today` is the Norwegian date now. */
export function roundInputSchema(today: string) {
  return z.object({
    title: z.preprocess(
      trimmed,
      z.string({ error: say('review.error.titleMissing') }).min(3, say('review.error.titleShort')).max(200, say('review.error.titleLong')),
    ),
    deadline: deadlineSchema(today),
  });
}
export type RoundInput = z.infer<ReturnType<typeof roundInputSchema>>;

/** Reopening a closed round needs a new deadline. */
export function reopenRoundSchema(today: string) {
  return z.object({ deadline: deadlineSchema(today) });
}

/** An intention declaration as a municipality or an architect records it. `today` is the Norwegian date now. */
export function intentionInputSchema(today: string) {
  return z
    .object({
      status: intentionStatusSchema,
      date: z.preprocess(blank, calendarDateSchema.refine((d) => d <= today, say('review.error.dateFuture')).optional()),
      reference: z.preprocess(
        trimmed,
        textRule('one-line', 'validation.subject.reference', z.string().max(300, say('review.error.referenceLong'))).default(''),
      ),
    })
    .superRefine((v, ctx) => {
      if ((v.status === 'signed' || v.status === 'declined') && !v.date) {
        ctx.addIssue({ code: 'custom', path: ['date'], message: v.status === 'signed' ? say('review.error.dateSigned') : say('review.error.dateDeclined') });
      }
    });
}
export type IntentionInput = z.infer<ReturnType<typeof intentionInputSchema>>;

/** One service's answer in a review form: a stance (or none yet) and a comment. */
export interface ReviewEntry {
  roundServiceId: number;
  stance: Stance | null;
  comment: string;
}

export const stanceField = (roundServiceId: number) => `standpunkt-${roundServiceId}`;
export const commentField = (roundServiceId: number) => `kommentar-${roundServiceId}`;
/** The hidden field that says what the service's answer was when the page showed it. */
export const basisField = (roundServiceId: number) => `vist-${roundServiceId}`;

/** What the page showed for one answer (`answerBasis`): required, so a form cannot overwrite unseen. */
const shownBasisSchema = z
  .string({ error: missingVersionMessage })
  .min(1, missingVersionMessage)
  .max(40, say('review.error.notThisPage'));

/**
 * A short fingerprint of one answer (stance and comment), for the form to say what it started
 * from. FNV-1a over the text, with its length: enough to tell answers of one service apart.
 */
export function answerBasis(stance: Stance | null, comment: string): string {
  const text = `${stance ?? ''}\u0000${comment}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}-${hash.toString(16).padStart(8, '0')}`;
}

/** One service's answer as posted with the whole form, and what the page had shown for it. */
export interface PostedAnswer {
  roundServiceId: number;
  stance: Stance | null;
  comment: string;
  /** `answerBasis` of the answer the page showed (required of every posted answer). */
  basis: string | undefined;
}

/**
 * What saving the whole form makes of the stored draft. Autosave and other users of the same
 * municipality may have saved answers since the page was shown, so the form changes only the
 * answers it changed itself; an answer changed both here and elsewhere, differently, is a
 * conflict to show, not something to overwrite unseen.
 */
export function mergeAnswers(stored: readonly StoredEntry[], posted: readonly PostedAnswer[]): { entries: StoredEntry[]; conflicts: number[] } {
  const next = new Map(stored.map((e) => [e.roundServiceId, e]));
  const conflicts: number[] = [];
  for (const answer of posted) {
    const mine = answerBasis(answer.stance, answer.comment);
    if (answer.basis !== undefined) {
      if (mine === answer.basis) continue; // untouched on this page: what is stored stands
      const current = next.get(answer.roundServiceId);
      const theirs = answerBasis(current?.stance ?? null, current?.comment ?? '');
      if (theirs !== answer.basis && theirs !== mine) {
        conflicts.push(answer.roundServiceId);
        continue;
      }
    }
    if (answer.stance === null) next.delete(answer.roundServiceId);
    else next.set(answer.roundServiceId, { roundServiceId: answer.roundServiceId, stance: answer.stance, comment: answer.comment });
  }
  return { entries: [...next.values()].sort((a, b) => a.roundServiceId - b.roundServiceId), conflicts };
}

export type ReviewAction = 'save' | 'submit';

// Messages are catalogue keys: the route shows them in the reader's language (`issueMessage`).
const supportsWithChangesMessage: MessageKey = 'review.error.changesMissing';
const stanceForCommentMessage: MessageKey = 'review.error.stanceForComment';

/**
 * What is wrong with one service's answer, if anything: a comment needs a stance (a stance is
 * what a stored answer is), and "støtter med endringer" needs a comment that says which.
 */
export function answerProblem(stance: Stance | undefined, comment: string): { field: 'stance' | 'comment'; message: MessageKey } | undefined {
  if (!stance && comment !== '') return { field: 'stance', message: stanceForCommentMessage };
  if (stance === 'supports-with-changes' && comment === '') return { field: 'comment', message: supportsWithChangesMessage };
  return undefined;
}

const commentText = () => textRule('multi-line', 'validation.subject.comment', z.string().max(commentMaxLength, say('review.error.commentLong')));
const commentSchema = z.preprocess(trimmed, commentText().default(''));
/** A comment in the whole form, absent when the form does not mention the service. */
const postedCommentSchema = z.preprocess(trimmed, commentText().optional());

/**
 * The review form for a round's frozen list: a stance and a comment per service, and whether to
 * save a draft or go on to submitting it. Every answer must be complete (see `answerProblem`); a
 * submission needs at least one stance, here or among the `answeredElsewhere` stored answers to
 * services the form does not show (a page of a longer list). Fields not in the list are refused.
 */
export function reviewFormSchema(roundServiceIds: readonly number[], { answeredElsewhere = 0 }: { answeredElsewhere?: number } = {}) {
  const shape: Record<string, z.ZodType> = {
    handling: z.enum(['lagre', 'send'], { error: say('review.error.action') }),
  };
  for (const id of roundServiceIds) {
    shape[stanceField(id)] = z.preprocess(blank, stanceSchema.optional());
    shape[commentField(id)] = postedCommentSchema;
    shape[basisField(id)] = shownBasisSchema.optional();
  }
  const posted = (form: Record<string, unknown>, id: number) => form[stanceField(id)] !== undefined || form[commentField(id)] !== undefined;
  return z
    .strictObject(shape, {
      error: (issue) => (issue.code === 'unrecognized_keys' ? say('review.error.unknownFieldsRound') : undefined),
    })
    .superRefine((form, ctx) => {
      let answered = 0;
      for (const id of roundServiceIds) {
        const stance = form[stanceField(id)] as Stance | undefined;
        if (stance) answered++;
        const problem = answerProblem(stance, (form[commentField(id)] as string | undefined) ?? '');
        if (problem) ctx.addIssue({ code: 'custom', path: [problem.field === 'stance' ? stanceField(id) : commentField(id)], message: problem.message });
        // An answer that does not say what the page showed for it could overwrite a colleague's unseen.
        if (posted(form, id) && form[basisField(id)] === undefined) ctx.addIssue({ code: 'custom', path: [basisField(id)], message: missingVersionMessage });
      }
      if (form.handling === 'send' && answered + answeredElsewhere === 0) {
        ctx.addIssue({ code: 'custom', path: ['skjema'], message: say('review.error.atLeastOne') });
      }
    })
    .transform((form): { action: ReviewAction; answers: PostedAnswer[] } => ({
      action: form.handling === 'send' ? 'submit' : 'save',
      // A service the form does not mention at all is left as it is stored.
      answers: roundServiceIds
        .filter((id) => posted(form, id))
        .map((id) => ({
          roundServiceId: id,
          stance: (form[stanceField(id)] as Stance | undefined) ?? null,
          comment: (form[commentField(id)] as string | undefined) ?? '',
          basis: form[basisField(id)] as string,
        })),
    }));
}

/**
 * One service's answer as the review page saves it on its own while the municipality works: the
 * same rules as the whole form. Both fields empty clears the answer.
 */
export function serviceAnswerSchema(roundServiceId: number) {
  const stanceName = stanceField(roundServiceId);
  const commentName = commentField(roundServiceId);
  const basisName = basisField(roundServiceId);
  return z
    .strictObject(
      {
        [stanceName]: z.preprocess(blank, stanceSchema.optional()),
        [commentName]: commentSchema,
        // What the page showed for this answer (its version): a save from a stale page is refused,
        // and one that does not say what it was based on could overwrite unseen, so it is refused too.
        [basisName]: shownBasisSchema,
      },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? say('review.error.unknownFieldsService') : undefined) },
    )
    .superRefine((form, ctx) => {
      const problem = answerProblem(form[stanceName] as Stance | undefined, form[commentName] as string);
      if (problem) ctx.addIssue({ code: 'custom', path: [problem.field === 'stance' ? stanceName : commentName], message: problem.message });
    })
    .transform((form): ReviewEntry & { basis: string } => ({
      roundServiceId,
      stance: (form[stanceName] as Stance | undefined) ?? null,
      comment: form[commentName] as string,
      basis: form[basisName] as string,
    }));
}

/** A round's id in a path. */
export const roundIdSchema = z.coerce.number({ error: say('review.error.roundId') }).int(say('review.error.roundId')).positive(say('review.error.roundId')).max(dbIdMax, say('review.error.roundId'));

/** A service on a round's frozen list, by its id in a path or a query. */
export const roundServiceIdSchema = z.coerce.number({ error: say('review.error.serviceId') }).int(say('review.error.serviceId')).positive(say('review.error.serviceId')).max(dbIdMax, say('review.error.serviceId'));
