import { expect } from 'vitest';
import { createUser } from '../../../src/commands/users.ts';
import { postForm, postShown, signIn, signInAs, testPassword, type TestContext } from '../../helpers.ts';

/** Opens a round as an architect (deadline 15 December 2026; the test clock starts 26 November) and returns its id. */
export async function openRound(ctx: TestContext, fields: Record<string, string> = {}): Promise<number> {
  const res = await postForm(ctx, '/vurdering/runder', { title: 'Første runde', deadline: '2026-12-15', ...fields }, await signIn(ctx, 'architect'));
  expect(res.status, await res.clone().text()).toBe(303);
  return Number(/\/vurdering\/runder\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
}

/** The round's frozen services by key: their ids are the form's field names. */
export async function frozenIds(ctx: Pick<TestContext, 'db'>, roundId: number): Promise<Record<string, number>> {
  const rows = await ctx.db.selectFrom('review_round_service').select(['id', 'key']).where('round_id', '=', roundId).execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.id]));
}

/** A signed-in user of another municipality than the test user's Oslo. */
export async function municipalityUser(ctx: TestContext, number: string): Promise<{ Cookie: string }> {
  const email = `kommune-${number}@test.no`;
  const result = await createUser(
    ctx.db,
    { email, name: `Bruker ${number}`, role: 'municipality', municipalityNumber: number, organisationId: null, password: testPassword },
    { at: ctx.clock.now(), userId: null, clientAddress: null },
  );
  expect(result.kind).toBe('ok');
  return signInAs(ctx, { email, password: testPassword });
}

/** Every row of the tables this feature writes, to check that a refused request wrote nothing. */
export async function reviewTables(ctx: Pick<TestContext, 'db'>) {
  const [rounds, services, reviews, stances, declarations] = await Promise.all([
    ctx.db.selectFrom('review_round').selectAll().orderBy('id').execute(),
    ctx.db.selectFrom('review_round_service').selectAll().orderBy('id').execute(),
    ctx.db.selectFrom('municipality_review').selectAll().orderBy('id').execute(),
    ctx.db.selectFrom('review_stance').selectAll().orderBy('review_id').orderBy('round_service_id').execute(),
    ctx.db.selectFrom('intention_declaration').selectAll().orderBy('municipality_number').execute(),
  ]);
  return { rounds, services, reviews, stances, declarations };
}

export async function auditActions(ctx: Pick<TestContext, 'db'>): Promise<string[]> {
  return (await ctx.db.selectFrom('audit_event').select('action').where('action', 'not in', ['login', 'request.denied']).orderBy('id').execute()).map((r) => r.action);
}

/**
 * Submits a municipality's review as the page does: "Send inn" saves the form and leads to the
 * confirmation, whose button submits the draft shown there. Returns the confirmation's response.
 */
export async function submitReview(ctx: TestContext, path: string, fields: Record<string, string>, headers: Record<string, string>): Promise<Response> {
  const saved = await postShown(ctx, path, { handling: 'send', ...fields }, headers);
  expect(saved.status, await saved.clone().text()).toBe(303);
  expect(saved.headers.get('location')).toBe(`${path}/send-inn`);
  const confirmation = await (await ctx.app.request(`${path}/send-inn`, { headers })).text();
  const fingerprint = /name="bekreft" value="([^"]+)"/.exec(confirmation)?.[1];
  expect(fingerprint, confirmation).toBeDefined();
  return postForm(ctx, `${path}/send-inn`, { bekreft: fingerprint! }, headers);
}

/** Closes a round as the architect's confirmation page does. */
export async function closeRound(ctx: TestContext, roundId: number, headers: Record<string, string>): Promise<Response> {
  return postForm(ctx, `/vurdering/runder/${roundId}/lukk`, { bekreft: 'ja' }, headers);
}
