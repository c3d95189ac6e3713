import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postForm, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';
import { basisOf, commentIdFrom, makeRound, organisationMember, postComment } from '../../consultation-fixtures.ts';

let ctx: TestContext;
let round: Awaited<ReturnType<typeof makeRound>>;
let author: Awaited<ReturnType<typeof organisationMember>>;

beforeEach(async () => {
  ctx = await testApp();
  round = await makeRound(ctx.db);
  author = await organisationMember(ctx, 'Norsk Sykepleierforbund');
});
afterEach(() => ctx.db.destroy());

const secret = 'Pasienten Ola Nordmann, født 01.01.1950, fikk feil medisin.';
const reason = 'Inneholder personopplysninger om en pasient.';

describe('hiding a comment', () => {
  it('keeps the comment in place, marked as hidden, and shows its words only to administrators and its own organisation', async () => {
    const id = commentIdFrom(await postComment(ctx, round.id, { punkt: String(round.items[0]!.id), kind: 'innvending', text: secret }, author.headers));
    const architect = await signIn(ctx, 'architect');
    expect((await postForm(ctx, `/horing/${round.id}/kommentarer/${id}/svar`, { text: `Gjelder ${secret}` }, architect)).status).toBe(303);
    const noReason = await postForm(ctx, `/horing/${round.id}/kommentarer/${id}/skjul`, { ...(await basisOf(ctx.db, id)), reason: ' ' }, architect);
    expect(noReason.status).toBe(422);
    expect(textOf(await noReason.text())).toContain('Skriv hvorfor kommentaren skjules.');
    expect((await postForm(ctx, `/horing/${round.id}/kommentarer/${id}/skjul`, { ...(await basisOf(ctx.db, id)), reason }, architect)).status).toBe(303);
    expect((await postForm(ctx, `/horing/${round.id}/kommentarer/${id}/behandling`, { ...(await basisOf(ctx.db, id)), status: 'ikke-tatt-til-folge', answer: 'Skjult; send gjerne en ny kommentar uten personopplysninger.' }, architect)).status).toBe(303);
    expect((await postForm(ctx, `/horing/${round.id}/kommentarer/${id}/skjul`, { ...(await basisOf(ctx.db, id)), reason }, architect)).status).toBe(409);

    const viewers = {
      anonymous: {},
      reader: await signIn(ctx, 'reader'),
      architect,
      otherOrganisation: (await organisationMember(ctx, 'Pasientforeningen')).headers,
      author: author.headers,
      administrator: await signIn(ctx, 'administrator'),
    };
    const paths = [`/horing/${round.id}`, `/horing/${round.id}/kommentarer/${id}`, `/horing/${round.id}/rapport`, `/horing/${round.id}/rapport.csv`, `/horing/${round.id}/rapport.md`, `/horing/organisasjon/${author.organisationId}`];
    for (const [who, headers] of Object.entries(viewers)) {
      const mayRead = who === 'author' || who === 'administrator';
      for (const path of paths) {
        const res = await ctx.app.request(path, { headers });
        expect(res.status, `${who} ${path}`).toBe(200);
        const body = await res.text();
        const text = path.endsWith('.md') ? body.replace(/\\(.)/g, '$1') : textOf(body);
        expect(text.includes('Ola Nordmann'), `${who} ${path}`).toBe(mayRead);
        expect(text.includes(reason), `${who} ${path}: the reason`).toBe(who === 'administrator');
        expect(/[Ss]kjult/.test(text), `${who} ${path}: marked hidden`).toBe(true);
        expect(text, `${who} ${path}: the answer`).toContain('send gjerne en ny kommentar');
      }
    }
    const csv = await (await ctx.app.request(`/horing/${round.id}/rapport.csv`)).text();
    expect(csv).toContain('(Teksten er skjult.)');
    expect(csv).toContain('Skjult av prosjektet');
    const audit = await ctx.db.selectFrom('audit_event').select(['user_id', 'after_json']).where('action', '=', 'consultation.comment.hide').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toEqual({ hidden: true, reason });
    expect(audit.user_id).toBe(ctx.users.get('architect')!.id);
  });

  it('closes the thread and stops editing', async () => {
    const id = commentIdFrom(await postComment(ctx, round.id, { punkt: String(round.items[0]!.id), text: secret }, author.headers));
    await postForm(ctx, `/horing/${round.id}/kommentarer/${id}/skjul`, { ...(await basisOf(ctx.db, id)), reason }, await signIn(ctx, 'architect'));
    expect((await postForm(ctx, `/horing/${round.id}/kommentarer/${id}`, { ...(await basisOf(ctx.db, id)), kind: 'stotte', text: 'Ny tekst', handling: 'send' }, author.headers)).status).toBe(409);
    expect((await postForm(ctx, `/horing/${round.id}/kommentarer/${id}/svar`, { text: 'Svar' }, author.headers)).status).toBe(409);
  });

  it('is only for architects', async () => {
    const id = commentIdFrom(await postComment(ctx, round.id, { punkt: String(round.items[0]!.id), text: secret }, author.headers));
    for (const role of ['administrator', 'reader', 'municipality'] as const) {
      expect((await postForm(ctx, `/horing/${round.id}/kommentarer/${id}/skjul`, { ...(await basisOf(ctx.db, id)), reason }, await signIn(ctx, role))).status, role).toBe(403);
    }
    expect((await ctx.db.selectFrom('consultation_comment').select('hidden_at').executeTakeFirstOrThrow()).hidden_at).toBeNull();
  });
});

describe('user text is escaped in the consultation pages and exports', () => {
  const payload = '<script>alert("x")</script><img src=x onerror=alert(1)>';

  it('shows comments, proposals, replies, answers and names as text, never as markup', async () => {
    await ctx.db.updateTable('organisation').set({ name: `Forening ${payload}` }).where('id', '=', author.organisationId).execute();
    await ctx.db.updateTable('consultation_round').set({ title: `Høring ${payload}`, description: payload }).execute();
    const id = commentIdFrom(await postComment(ctx, round.id, { punkt: String(round.items[4]!.id), kind: 'endringsforslag', text: payload, proposal: `Tiltaket skal ${payload} stegvis.` }, author.headers));
    const architect = await signIn(ctx, 'architect');
    await postForm(ctx, `/horing/${round.id}/kommentarer/${id}/svar`, { text: payload }, architect);
    await postForm(ctx, `/horing/${round.id}/kommentarer/${id}/behandling`, { ...(await basisOf(ctx.db, id)), status: 'tatt-til-folge', answer: payload }, architect);
    const pages = [
      '/horing',
      `/horing/${round.id}`,
      `/horing/${round.id}?vis=organisasjon`,
      `/horing/${round.id}/kommentarer/${id}`,
      `/horing/${round.id}/kommentarer/${id}/rediger`,
      `/horing/${round.id}/rapport`,
      `/horing/organisasjon/${author.organisationId}`,
      `/horing/${round.id}/rediger`,
    ];
    for (const path of pages) {
      const headers = path.endsWith('/rediger') && !path.includes('kommentarer') ? architect : author.headers;
      const res = await ctx.app.request(path, { headers });
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(html, path).not.toMatch(/<script>alert|<img src=x/);
      expect(textOf(html), path).toContain(payload);
    }
    const diff = await (await ctx.app.request(`/horing/${round.id}/kommentarer/${id}`)).text();
    expect(diff).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    const md = await (await ctx.app.request(`/horing/${round.id}/rapport.md`)).text();
    expect(md).not.toMatch(/<script|<img/);
    expect(md).toContain('&lt;script&gt;alert(');
  });
});
