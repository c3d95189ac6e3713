import type { RoundInput } from '../model/consultation.ts';
import { createUser } from '../src/commands/users.ts';
import type { Db } from '../src/db/index.ts';
import { insertComment, insertReply, type NewComment } from '../src/commands/writes/consultation-comments.ts';
import { roundItems } from '../src/db/queries/consultation-rounds.ts';
import { insertRound } from '../src/commands/writes/consultation-rounds.ts';
import { postForm, signInAs, testPassword, type TestContext } from './helpers.ts';

/** The seeded requirements' element ids, AKS-0001 first. */
export async function requirementIds(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('requirement').select(['element_id', 'ref']).orderBy('ref').execute();
  return rows.map((r) => r.element_id);
}

/** A round straight into the database (the form has its own tests): open by default around the test clock's 26 November 2026. */
export async function makeRound(db: Db, input: Partial<RoundInput> = {}, at = new Date('2026-11-01T12:00:00Z')) {
  const elements = input.elements ?? (await requirementIds(db));
  const result = await db.transaction().execute((trx) =>
    insertRound(trx, { title: 'Høring om kravene', description: '', phase: 'forprosjekt', opensOn: '2026-11-01', closesOn: '2026-12-15', ...input, elements }, at),
  );
  if (result.kind !== 'ok') throw new Error(JSON.stringify(result.errors));
  return { id: result.id, items: await roundItems(db, result.id) };
}

/** An organisation and one signed-in user acting for it. */
export async function organisationMember(ctx: TestContext, name: string) {
  const at = ctx.clock.now().toISOString();
  const existing = await ctx.db.selectFrom('organisation').select('id').where('name', '=', name).executeTakeFirst();
  const organisationId =
    existing?.id ?? (await ctx.db.insertInto('organisation').values({ name, kind: 'pasientforening', contact: '', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id;
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${Math.random().toString(36).slice(2, 8)}@test.no`;
  const created = await createUser(ctx.db, { email, name: `Medlem av ${name}`, role: 'organisation', municipalityNumber: null, organisationId, password: testPassword }, { at: ctx.clock.now(), userId: null, clientAddress: null });
  if (created.kind !== 'ok') throw new Error('could not create user');
  const user = { id: created.id, email, password: testPassword };
  return { organisationId, user, headers: await signInAs(ctx, user) };
}

/** Comments straight into the database, for lists and query counts. */
export async function addComments(db: Db, comments: Array<Partial<NewComment> & Pick<NewComment, 'roundId' | 'itemId' | 'organisationId'>>, at = new Date('2026-11-20T12:00:00Z')) {
  const ids: number[] = [];
  for (const c of comments) {
    ids.push(await insertComment(db, { authorId: null, kind: 'stotte', text: 'Vi støtter kravet.', proposal: null, baseText: null, ...c }, at));
  }
  return ids;
}

export async function addReply(db: Db, commentId: number, text: string, organisationId: number | null, at = new Date('2026-11-21T12:00:00Z')) {
  return insertReply(db, { commentId, authorId: null, organisationId, text }, at);
}

/** Posts a comment through the form as a signed-in organisation user. */
export function postComment(ctx: TestContext, roundId: number, fields: Record<string, string>, headers: Record<string, string>) {
  return postForm(ctx, `/horing/${roundId}/kommentarer`, { kind: 'stotte', text: 'Vi støtter dette.', handling: 'send', ...fields }, headers);
}

/** The comment the last redirect pointed at. */
export const commentIdFrom = (res: Response) => Number(/kommentarer\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);

const attributes = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&')]));

/** The hidden fields of the form on a page that posts to `action`: what a browser sends back unchanged. */
export function hiddenFields(html: string, action: string): Record<string, string> {
  const form = [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => attributes(/<form\b[^>]*>/.exec(f)![0]).action === action);
  if (!form) throw new Error(`no form posting to ${action}`);
  const fields: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const a = attributes(tag);
    if (a.type === 'hidden' && a.name) fields[a.name] = a.value ?? '';
  }
  return fields;
}

/** The version fields a comment's forms carry when opened now (read from the database, for tests not about conflicts). */
export async function basisOf(db: Db, commentId: number): Promise<{ version: string; revision: string }> {
  const row = await db.selectFrom('consultation_comment').select(['version', 'revision']).where('id', '=', commentId).executeTakeFirstOrThrow();
  return { version: String(row.version), revision: String(row.revision) };
}

/**
 * Opens the round page as a browser does: the GET, then the visit the page reports once loaded
 * (its `hx-post` element with `hx-trigger="load"`), sent the way htmx sends it. Returns the page.
 */
export async function lookAtRound(ctx: TestContext, roundId: number, headers: Record<string, string>, query = ''): Promise<string> {
  const res = await ctx.app.request(`/horing/${roundId}${query}`, { headers });
  if (res.status !== 200) throw new Error(`GET /horing/${roundId}${query}: ${res.status}`);
  const html = await res.text();
  const tag = /<div\b[^>]*hx-trigger="load"[^>]*>/.exec(html)?.[0];
  if (tag) {
    const a = attributes(tag);
    const reported = await postForm(ctx, a['hx-post']!, JSON.parse(a['hx-vals'] ?? '{}') as Record<string, string>, { ...headers, 'HX-Request': 'true' });
    if (reported.status !== 204) throw new Error(`visit: ${reported.status}`);
  }
  return html;
}
