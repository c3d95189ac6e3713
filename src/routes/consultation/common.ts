import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import { z } from 'zod';
import { acceptsComments, hiddenAccessOf, roundState, type Round, type RoundState } from '../../../model/consultation.ts';
import { grantFor, type Action } from '../../auth/policy.ts';
import type { Reader } from '../../db/queries/consultation-comments.ts';
import { roundById } from '../../db/queries/consultation-rounds.ts';
import type { AppDeps } from '../../deps.ts';
import type { FieldErrors } from '../../../views/components/form.tsx';
import type { Message } from '../../../model/messages.ts';
import type { MessageKey } from '../../../views/i18n/index.ts';
import { issueText } from '../../../views/i18n/issues.ts';
import { notFound, respondError } from '../../http/render.tsx';
import { describeIssues } from '../../http/validate.ts';

/** Field messages the model or a query decided (key and values), in the request's language. */
export function said(c: Context, errors: Record<string, Message>): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, c.var.i18n.t(message.key, message.values)]));
}

/** Field messages given as catalogue keys (by the model's rules), in the request's language. */
export function translated(c: Context, errors: Record<string, MessageKey>): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, c.var.i18n.t(key)]));
}

/**
 * A request about something that does not exist has no owner to check: the policy's
 * after-the-handler check is satisfied, and the answer is "not found" (or "bad address").
 */
export function nothingToOwn(c: Context): void {
  const policy = c.var.policy;
  if (policy) policy.ownershipChecked = true;
}

export function missing(c: Context, message: string) {
  nothingToOwn(c);
  return notFound(c, message);
}

const id = (what: MessageKey) => z.coerce.number({ error: what }).int(what).positive(what);

/** Route parameters, validated; a bad one is a 400 page (and nothing to own). */
function params<T extends z.ZodType>(schema: T) {
  return zValidator('param', schema, (result, c) => {
    if (result.success) return undefined;
    nothingToOwn(c);
    const { t } = c.var.i18n;
    return respondError(c, {
      status: 400,
      title: t('consultation.error.badRequest'),
      message: t('consultation.error.badAddress'),
      details: describeIssues({ issues: result.error.issues.map((issue) => ({ ...issue, message: issueText(issue, c.var.i18n) })) }),
    });
  });
}

export const roundParam = params(z.object({ id: id('consultation.error.roundId') }));
export const commentParam = params(z.object({ id: id('consultation.error.roundId'), kommentar: id('consultation.error.commentId') }));

/** What the viewer may see of hidden comments, and who "others" are for what is new. */
export function readerOf(c: Context): Reader {
  const viewer = c.var.viewer;
  return { access: hiddenAccessOf(viewer), userId: viewer?.id ?? null, organisationId: viewer?.role === 'organisation' ? viewer.organisationId : null };
}

/** Whether the viewer's role may take an action at all (ownership aside): what to offer on a page. */
export function mayTake(c: Context, deps: Pick<AppDeps, 'config'>, action: Action): boolean {
  return grantFor(action, c.var.viewer?.role ?? 'anonymous', { publicRead: deps.config.PUBLIC_READ }) !== undefined;
}

/** The round and its state now, or undefined. */
export async function loadRound(deps: Pick<AppDeps, 'db'>, c: Context, roundId: number): Promise<{ round: Round; state: RoundState } | undefined> {
  const round = await roundById(deps.db, roundId);
  return round && { round, state: roundState(round, c.var.clock()) };
}

/** Refuses a write that comes after the deadline (or before the opening): 409 with a page that says why. Check ownership first. */
export function closedForComments(c: Context, round: Round, state: RoundState) {
  const { t, date } = c.var.i18n;
  const message = state === 'planned' ? t('consultation.closed.planned', { date: date(round.opensOn) }) : t('consultation.closed.closed', { date: date(round.closesOn) });
  return respondError(c, { status: 409, title: acceptsComments(state) ? t('consultation.closed.impossible') : t('consultation.closed.title'), message });
}
