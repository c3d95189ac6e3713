import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import { z } from 'zod';
import { acceptsComments, hiddenAccessOf, roundState, type Round, type RoundState } from '../../../model/consultation.ts';
import { grantFor, type Action } from '../../auth/policy.ts';
import type { Reader } from '../../db/queries/consultation-comments.ts';
import { roundById } from '../../db/queries/consultation-rounds.ts';
import type { AppDeps } from '../../deps.ts';
import { notFound, respondError } from '../../http/render.tsx';
import { describeIssues } from '../../http/validate.ts';

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

const id = (what: string) => z.coerce.number({ error: `${what} må være et tall.` }).int(`${what} må være et heltall.`).positive(`${what} må være et positivt tall.`);

/** Route parameters, validated; a bad one is a 400 page (and nothing to own). */
function params<T extends z.ZodType>(schema: T) {
  return zValidator('param', schema, (result, c) => {
    if (result.success) return undefined;
    nothingToOwn(c);
    return respondError(c, { status: 400, title: 'Ugyldig forespørsel', message: 'Adressen er ugyldig.', details: describeIssues(result.error) });
  });
}

export const roundParam = params(z.object({ id: id('Høringens id') }));
export const commentParam = params(z.object({ id: id('Høringens id'), kommentar: id('Kommentarens id') }));

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
  const message =
    state === 'planned'
      ? `Høringen åpner ${round.opensOn}. Før det kan ingen kommentere.`
      : `Fristen for høringen var ${round.closesOn}. Etter fristen kan ingen skrive, endre eller svare i tråden. Ingenting er lagret.`;
  return respondError(c, { status: 409, title: acceptsComments(state) ? 'Ikke mulig' : 'Høringen er ikke åpen', message });
}
