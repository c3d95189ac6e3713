import { z } from 'zod';
import type { AppliedProposal, ProposalTarget } from './consultation-proposals.ts';
import { dbIdMax, isoDateSchema } from './schemas.ts';
import { say, type Message, type MessageKey } from './messages.ts';
import { textRule } from './text.ts';

/**
 * Consultation (høring): architects open rounds on requirements and other scope elements,
 * organisations comment on behalf of their organisation, architects answer every comment.
 * The codes are ASCII and stable (they are stored); what people read is in the catalogue
 * (`consultation.phase.*`, `consultation.kind.*`, `consultation.status.*`, …), in their language.
 */

/**
 * Something to tell the reader, as the model decides it: a catalogue key and its values. A
 * comment status among the values is named by its code (`status`) and put in words by the view
 * (`consultation.statusInText.*`), since a code is not a word in any language.
 */
export interface ConsultationMessage extends Message {
  status?: CommentStatus;
}

export const roundPhases = ['forprosjekt', 'anskaffelse', 'etablering-og-tilpasning', 'innforing-drift-og-forvaltning'] as const;
export type RoundPhase = (typeof roundPhases)[number];

export const commentKinds = ['stotte', 'innvending', 'endringsforslag', 'sporsmal'] as const;
export type CommentKind = (typeof commentKinds)[number];

export const commentStatuses = ['mottatt', 'under-vurdering', 'tatt-til-folge', 'delvis-tatt-til-folge', 'ikke-tatt-til-folge'] as const;
export type CommentStatus = (typeof commentStatuses)[number];
/** The bokmål names, for the audit log's stored details (the pages use the catalogue). */
export const commentStatusLabel: Record<CommentStatus, string> = {
  mottatt: 'Mottatt',
  'under-vurdering': 'Under vurdering',
  'tatt-til-folge': 'Tatt til følge',
  'delvis-tatt-til-folge': 'Delvis tatt til følge',
  'ikke-tatt-til-folge': 'Ikke tatt til følge',
};
/** A decision closes the loop, so it needs an answer the organisation can read. */
export const decidedStatuses: readonly CommentStatus[] = ['tatt-til-folge', 'delvis-tatt-til-folge', 'ikke-tatt-til-folge'];
export const commentStatusColor: Record<CommentStatus, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  mottatt: 'neutral',
  'under-vurdering': 'info',
  'tatt-til-folge': 'success',
  'delvis-tatt-til-folge': 'warning',
  'ikke-tatt-til-folge': 'danger',
};

// The round's lifecycle ------------------------------------------------------------------------

export type RoundState = 'planned' | 'open' | 'closed';

/** Rounds are announced in Norwegian dates: a round closing on 15 March takes comments all that day, Norwegian time. */
export const roundTimeZone = 'Europe/Oslo';

const dateInZone = new Intl.DateTimeFormat('en-CA', { timeZone: roundTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Norway at an instant. */
export function norwegianDate(at: Date): string {
  return dateInZone.format(at);
}

/** Planned before its opening date, open from the opening date through the closing date, closed after. */
export function roundState(round: { opensOn: string; closesOn: string }, now: Date): RoundState {
  const today = norwegianDate(now);
  if (today < round.opensOn) return 'planned';
  if (today > round.closesOn) return 'closed';
  return 'open';
}

/** Comments, edits and replies are only taken while the round is open; answers come at any time. */
export const acceptsComments = (state: RoundState) => state === 'open';

// Input ----------------------------------------------------------------------------------------

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const positiveId = (message: string, tooLarge = message) => z.coerce.number({ error: message }).int(message).positive(message).max(dbIdMax, tooLarge);

export const roundTitleMax = 200;
export const roundInputSchema = z
  .object({
    title: textRule('one-line', 'validation.subject.title', z.string({ error: say('consultation.error.titleMissing') }).trim().min(1, say('consultation.error.titleMissing')).max(roundTitleMax, say('consultation.error.titleTooLong'))),
    description: textRule('multi-line', 'validation.subject.description', z.string().trim().max(5000, say('consultation.error.descriptionTooLong'))).default(''),
    phase: z.enum(roundPhases, { error: say('consultation.error.phase') }),
    opensOn: z.string({ error: say('consultation.error.opensOnMissing') }).trim().min(1, say('consultation.error.opensOnMissing')).pipe(isoDateSchema),
    closesOn: z.string({ error: say('consultation.error.closesOnMissing') }).trim().min(1, say('consultation.error.closesOnMissing')).pipe(isoDateSchema),
    /** The elements open for comment, by id; at least one. */
    elements: z
      .array(positiveId(say('consultation.error.elementsFromList')), { error: say('consultation.error.elementsMissing') })
      .min(1, say('consultation.error.elementsMissing'))
      .max(500, say('consultation.error.elementsTooMany'))
      .transform((ids) => [...new Set(ids)]),
  })
  .refine((r) => r.closesOn >= r.opensOn, { path: ['closesOn'], message: say('consultation.error.closesBeforeOpens') });
export type RoundInput = z.infer<typeof roundInputSchema>;

export const commentTextMax = 5000;
export const proposalMax = 10_000;

const commentText = textRule(
  'multi-line',
  'validation.subject.comment',
  z.string({ error: say('consultation.error.textMissing') }).trim().min(1, say('consultation.error.textMissing')).max(commentTextMax, say('consultation.error.textTooLong')),
);

/**
 * A comment: its kind, its text and, for a change proposal only, the proposed wording (the
 * whole new text, which is shown as a word diff against the text it was written against).
 */
export const commentInputSchema = z
  .object({
    kind: z.enum(commentKinds, { error: say('consultation.error.kind') }),
    text: commentText,
    proposal: z.preprocess(blank, textRule('multi-line', 'validation.subject.proposal', z.string().trim().max(proposalMax, say('consultation.error.proposalTooLong'))).optional()),
  })
  .superRefine((c, ctx) => {
    if (c.kind === 'endringsforslag' && !c.proposal) {
      ctx.addIssue({ code: 'custom', path: ['proposal'], message: say('consultation.error.proposalMissing') });
    }
  })
  .transform((c) => ({ kind: c.kind, text: c.text, proposal: c.kind === 'endringsforslag' ? (c.proposal ?? null) : null }));
export type CommentInput = z.infer<typeof commentInputSchema>;

/** A proposal that changes nothing is a mistake worth telling the writer about. */
export function proposalProblem(input: CommentInput, currentText: string): MessageKey | undefined {
  if (input.proposal !== null && input.proposal.replace(/\s+/g, ' ') === currentText.trim().replace(/\s+/g, ' ')) {
    return 'consultation.error.proposalUnchanged';
  }
  return undefined;
}

export const replyInputSchema = z.object({
  text: textRule('multi-line', 'validation.subject.reply', z.string({ error: say('consultation.error.replyMissing') }).trim().min(1, say('consultation.error.replyMissing')).max(commentTextMax, say('consultation.error.replyTooLong'))),
});

export const answerMax = 10_000;
/** The architects' handling: a status, and the official answer (required once a decision is made). */
export const answerInputSchema = z
  .object({
    status: z.enum(commentStatuses, { error: say('consultation.error.status') }),
    answer: textRule('multi-line', 'validation.subject.answer', z.string().trim().max(answerMax, say('consultation.error.answerTooLong'))).default(''),
  })
  .refine((a) => !decidedStatuses.includes(a.status) || a.answer !== '', {
    path: ['answer'],
    message: say('consultation.error.answerMissing'),
  });
export type AnswerInput = z.infer<typeof answerInputSchema>;

/**
 * What a form that changes a comment was based on: the wording (`version`, what people see as
 * "versjon 2") and the comment's `revision` (bumped by every change to its wording or its handling).
 * A save based on an older revision writes nothing: someone changed the comment since the form was opened.
 */
const formNumber = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .regex(/^[1-9]\d{0,8}$/, say('consultation.error.versionInvalid'))
    .transform(Number);
export const commentBasisSchema = z.object({
  version: formNumber(say('consultation.error.versionMissing')),
  revision: formNumber(say('consultation.error.versionMissing')),
});
export type CommentBasis = z.infer<typeof commentBasisSchema>;
/** Hiding is about the words: its form carries the wording version only. */
export const wordingBasisSchema = commentBasisSchema.pick({ version: true });

/**
 * An edit after the programme has taken the comment up (a status beyond "mottatt", or an answer)
 * sends it back to "under vurdering": the programme answers the new wording. An earlier answer
 * stays, labelled with the version it answered.
 */
export function statusAfterEdit(c: Pick<Comment, 'status' | 'answer'>): CommentStatus {
  return c.status === 'mottatt' && c.answer === null ? 'mottatt' : 'under-vurdering';
}

/** Whether the answer shown with a comment was given to an earlier wording of it. */
export const answersEarlierVersion = (c: Pick<Comment, 'answer' | 'answeredVersion' | 'version'>) =>
  c.answer !== null && c.answeredVersion !== null && c.answeredVersion < c.version;

export const hideInputSchema = z.object({
  reason: textRule('multi-line', 'validation.subject.reason', z.string({ error: say('consultation.error.reasonMissing') }).trim().min(1, say('consultation.error.reasonMissing')).max(1000, say('consultation.error.reasonTooLong'))),
});

// Query strings ----------------------------------------------------------------------------------

export const roundViews = ['element', 'organisasjon', 'status'] as const;
export type RoundView = (typeof roundViews)[number];

const unknownParameter = {
  error: (issue: z.core.$ZodRawIssue) => (issue.code === 'unrecognized_keys' ? say('validation.unknownParameter') : undefined),
};
const pageNumber = z.preprocess(
  blank,
  z.coerce.number({ error: say('consultation.error.pageNumber') }).int(say('consultation.error.pageNumber')).min(1, say('consultation.error.pageNumber')).max(100_000, say('consultation.error.pageNumber')).default(1),
);
const optionalId = z.preprocess(blank, positiveId(say('consultation.error.positiveId'), say('consultation.error.idTooLarge', { max: dbIdMax })).optional());

/** A round's comment list: how it is grouped, which page, and the filters. */
export const roundQuerySchema = z.strictObject(
  {
    vis: z.preprocess(blank, z.enum(roundViews, { error: say('consultation.error.view') }).default('element')),
    side: pageNumber,
    punkt: optionalId,
    organisasjon: optionalId,
    status: z.preprocess(blank, z.enum(commentStatuses, { error: say('consultation.error.statusParam') }).optional()),
    nye: z.preprocess(blank, z.enum(['ja'], { error: say('consultation.error.newParam') }).optional()),
    lagret: z.string().max(40).optional(),
  },
  unknownParameter,
);
export type RoundQuery = z.infer<typeof roundQuerySchema>;

export const pageQuerySchema = z.strictObject({ side: pageNumber, lagret: z.string().max(40).optional() }, unknownParameter);

// Shapes the pages work with ------------------------------------------------------------------

export interface Round {
  id: number;
  title: string;
  description: string;
  phase: RoundPhase;
  opensOn: string;
  closesOn: string;
  createdAt: string;
  updatedAt: string;
}

/** One requirement or element open for comment in a round, as it was when added and as it is now. */
export interface RoundItem {
  id: number;
  roundId: number;
  position: number;
  /** Null once the element has been deleted: the snapshot below still names it. */
  elementId: number | null;
  kind: string;
  key: string;
  name: string;
  /** The requirement's reference (AKS-0001), if it is a requirement. */
  ref: string | null;
  /** The text comments are about: the requirement's statement, or the element's description; null once deleted. */
  currentText: string | null;
  /** The element's version now (null once deleted): what applying a proposal checks it is writing over. */
  elementVersion: number | null;
  /** The field a change proposal replaces, if the element has one (see `proposalTargetOf`); null once deleted. */
  proposalTarget: ProposalTarget | null;
}

export interface CommentVersion {
  version: number;
  kind: CommentKind;
  text: string;
  proposal: string | null;
  baseText: string | null;
  writtenAt: string;
  writtenByName: string | null;
  /** The answer this wording got before the organisation rewrote it, if it got one. */
  status: CommentStatus | null;
  answer: string | null;
  answeredAt: string | null;
}

/** A comment as a page shows it; `text` and `proposal` are null when the viewer may not see a hidden comment. */
export interface Comment {
  id: number;
  roundId: number;
  roundTitle: string;
  itemId: number;
  /** What the comment is about, named as the item names it (see `RoundItem`). */
  item: Pick<RoundItem, 'kind' | 'key' | 'name' | 'ref'> & { deleted: boolean };
  organisationId: number;
  organisationName: string;
  authorName: string | null;
  kind: CommentKind;
  text: string | null;
  proposal: string | null;
  /** The text the proposal was written against (the element's text when the comment was written or last edited). */
  baseText: string | null;
  /** The wording: 1, then one more for each edit. */
  version: number;
  /** Bumped by every change to the wording or the handling; forms carry it to detect a save based on an older state. */
  revision: number;
  createdAt: string;
  updatedAt: string;
  status: CommentStatus;
  answer: string | null;
  answeredAt: string | null;
  answeredByName: string | null;
  /** The wording the answer was given to, and the status given with it (null without an answer). */
  answeredVersion: number | null;
  answeredStatus: CommentStatus | null;
  hidden: boolean;
  hiddenAt: string | null;
  /** Only for administrators. */
  hiddenReason: string | null;
  /** Set once an architect has written the proposal into the element's text (see `consultation-proposals.ts`). */
  applied: AppliedProposal | null;
  replyCount: number;
  /** The latest reply by someone other than the viewer. */
  lastOtherReplyAt: string | null;
}

export interface Reply {
  id: number;
  commentId: number;
  authorName: string | null;
  organisationName: string | null;
  /** Null for a reply by the programme (an architect). */
  organisationId: number | null;
  text: string | null;
  createdAt: string;
}

/** What a reader may see of hidden comments. */
export interface HiddenAccess {
  /** Administrators see every hidden comment's text and the reason. */
  administrator: boolean;
  /** An organisation sees its own words even when hidden from others. */
  organisationId: number | null;
}

export const hiddenAccessOf = (viewer: { role: string; organisationId: number | null } | null): HiddenAccess => ({
  administrator: viewer?.role === 'administrator',
  organisationId: viewer?.role === 'organisation' ? viewer.organisationId : null,
});

/** Whether the viewer may read a hidden comment's own words (and its thread). */
export function mayReadHidden(access: HiddenAccess, comment: { organisationId: number }): boolean {
  return access.administrator || (access.organisationId !== null && access.organisationId === comment.organisationId);
}

/** What a round's comments have that is new since the viewer's previous visit. */
export interface Novelty {
  comment: boolean;
  edited: boolean;
  answered: boolean;
  replied: boolean;
}

/**
 * What is new about a comment since `since` (the viewer's previous visit), leaving out what the
 * viewer's own organisation wrote. Null `since` (a first visit, or nobody signed in): nothing is marked.
 */
export function noveltyOf(comment: Pick<Comment, 'createdAt' | 'updatedAt' | 'answeredAt' | 'lastOtherReplyAt' | 'organisationId'>, since: string | null, ownOrganisationId: number | null): Novelty {
  const none = { comment: false, edited: false, answered: false, replied: false };
  if (since === null) return none;
  const own = ownOrganisationId !== null && comment.organisationId === ownOrganisationId;
  const created = !own && comment.createdAt > since;
  return {
    comment: created,
    edited: !own && !created && comment.updatedAt > since,
    answered: comment.answeredAt !== null && comment.answeredAt > since,
    replied: comment.lastOtherReplyAt !== null && comment.lastOtherReplyAt > since,
  };
}

/** A user's record of looking at a round: the session that last looked, when, and the mark that session started from. */
export interface VisitRecord {
  sessionId: string;
  lastSeenAt: string;
  previousSeenAt: string | null;
}

/**
 * The mark for "new" on a round: within the session that last looked, the look before that session
 * (so paging and reloading do not use up what is new); in a later session, the last look. Null on
 * a first visit.
 */
export function visitMark(visit: VisitRecord | undefined, sessionId: string): string | null {
  if (!visit) return null;
  return visit.sessionId === sessionId ? visit.previousSeenAt : visit.lastSeenAt;
}

/** The round page reports that it was seen, with the instant its data was read. */
export const visitInputSchema = z.object({
  sett: z.iso.datetime({ error: 'sett må være et tidspunkt (ISO 8601, UTC).' }),
});

export const isNew = (n: Novelty) => n.comment || n.edited || n.answered || n.replied;

/** The text people comment on: a requirement's statement, otherwise the element's description, otherwise its name. */
export function commentableText(element: { name: string; description: string }, requirementText: string | null): string {
  if (requirementText !== null) return requirementText;
  return element.description.trim() !== '' ? element.description : element.name;
}

/**
 * What a viewer may see of a comment: a hidden comment keeps its place, kind, organisation,
 * status and answer, but its words (and its reason) only reach those `mayReadHidden` allows;
 * the reason only administrators.
 */
export function redactComment(comment: Comment, access: HiddenAccess): Comment {
  if (!comment.hidden) return { ...comment, hiddenReason: null };
  const reason = access.administrator ? comment.hiddenReason : null;
  if (mayReadHidden(access, comment)) return { ...comment, hiddenReason: reason };
  return { ...comment, text: null, proposal: null, baseText: null, hiddenReason: reason };
}

/** Replies in a hidden comment's thread are hidden with it (they may quote it). */
export function redactReply(reply: Reply, comment: Pick<Comment, 'hidden' | 'organisationId'>, access: HiddenAccess): Reply {
  return comment.hidden && !mayReadHidden(access, comment) ? { ...reply, text: null } : reply;
}
