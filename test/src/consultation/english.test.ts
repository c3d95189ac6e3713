import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addReply, commentIdFrom, makeRound, organisationMember, postComment } from '../../consultation-fixtures.ts';
import { postForm, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';

let ctx: TestContext;
let round: Awaited<ReturnType<typeof makeRound>>;
let member: Awaited<ReturnType<typeof organisationMember>>;
const english = { 'Accept-Language': 'en' };

beforeEach(async () => {
  ctx = await testApp();
  round = await makeRound(ctx.db);
  member = await organisationMember(ctx, 'Norsk Sykepleierforbund');
});
afterEach(() => ctx.db.destroy());

const page = async (path: string, headers: Record<string, string>) => {
  const res = await ctx.app.request(path, { headers: { ...headers, ...english } });
  expect(res.status, path).toBe(200);
  return textOf(await res.text());
};

/** Bokmål interface words that must not be left on an English consultation page (domain content aside). */
const bokmal = /Høringsperiode|Kommentarer per|Svar fra prosjektet|Ikke besvart|Tråden \(|innlegg|Skrevet|Gjelder|Til høring|Etter element|Velg|Lagre|Oversikt/;

describe('the consultation in English', () => {
  it('shows the rounds, a round and its figures in English, with codes as English labels', async () => {
    const list = await page('/horing', member.headers);
    expect(list).toContain('Consultation rounds');
    expect(list).toContain('Every comment from your organisation, with answers');
    expect(list).toContain('Pre-project');
    const shown = await page(`/horing/${round.id}`, member.headers);
    expect(shown).toContain('Consultation period: 1 November 2026 to 15 December 2026 inclusive');
    expect(shown).toContain(`Open for comment (${round.items.length})`);
    expect(shown).toContain('Comments by status and by organisation');
    expect(shown).toContain('Received Under consideration Accepted Partly accepted Not accepted Hidden Total');
    expect(shown).toContain('By element');
    expect(shown).not.toMatch(bokmal);
  });

  it('writes, refuses and shows a comment and its thread in English, "reply" apart from the programme\'s "answer"', async () => {
    const punkt = String(round.items[4]!.id);
    const refused = await postComment(ctx, round.id, { punkt, kind: 'endringsforslag', text: 'See the proposal.', proposal: '' }, { ...member.headers, ...english });
    expect(refused.status).toBe(422);
    expect(textOf(await refused.text())).toContain('A change proposal needs the proposed text.');
    const res = await postComment(ctx, round.id, { punkt, text: 'We support this.' }, { ...member.headers, ...english });
    const id = commentIdFrom(res);
    await addReply(ctx.db, id, 'One area at a time.', null);
    const shown = await page(`/horing/${round.id}/kommentarer/${id}?lagret=kommentar`, member.headers);
    expect(shown).toContain('The comment is sent. The programme answers it here.');
    expect(shown).toContain(`Comment ${id}: Support from Norsk Sykepleierforbund`);
    expect(shown).toContain('Not answered yet.');
    expect(shown).toContain('The thread (1 reply)');
    expect(shown).toContain('The programme (Norwegian Directorate of eHealth)');
    expect(shown).toContain('New reply');
    expect(shown).not.toMatch(bokmal);
    const empty = await postForm(ctx, `/horing/${round.id}/kommentarer/${id}/svar`, { text: ' ' }, { ...member.headers, ...english });
    expect(empty.status).toBe(422);
    expect(textOf(await empty.text())).toContain('Write your reply.');
    const architect = await signIn(ctx, 'architect');
    const answerForm = await page(`/horing/${round.id}/kommentarer/${id}`, architect);
    expect(answerForm).toContain('Status and answer');
    expect(answerForm).toContain('Hide the comment');
  });

  it('gives the report, its CSV and its Markdown in English', async () => {
    const res = await postComment(ctx, round.id, { punkt: String(round.items[0]!.id), text: 'Vi støtter kravet.' }, member.headers);
    await addReply(ctx.db, commentIdFrom(res), 'Takk.', null);
    const report = await page(`/horing/${round.id}/rapport`, member.headers);
    expect(report).toContain('Consultation report: Høring om kravene');
    expect(report).toContain('Download as CSV (spreadsheet)');
    expect(report).toContain('Reply in the thread (1)');
    expect(report).not.toMatch(bokmal);
    const csv = await (await ctx.app.request(`/horing/${round.id}/rapport.csv`, { headers: { ...member.headers, ...english } })).text();
    // (Response.text() drops the byte-order mark.)
    expect(csv.startsWith('Consultation,Ref.,Element,Comment id,Organisation,Kind,Comment,')).toBe(true);
    expect(csv).toContain('The programme (2026-11-21 13:00:00): Takk.');
    const md = await ctx.app.request(`/horing/${round.id}/rapport.md`, { headers: { ...member.headers, ...english } });
    expect(md.headers.get('content-disposition')).toContain('filename="consultation-report-');
    const text = await md.text();
    expect(text).toContain('# Consultation report: Høring om kravene');
    expect(text).toContain('Reply in the thread (1):\n\n**The programme**, 21 November 2026:\n\n> Takk.');
  });

  it("refuses a round form in English, field by field, the model's and the database's reasons alike", async () => {
    const architect = await signIn(ctx, 'architect');
    const body = new URLSearchParams({ title: ' ', description: '', phase: 'forprosjekt', opensOn: '2027-02-01', closesOn: '2027-01-01' });
    const post = (form: URLSearchParams) =>
      ctx.app.request('/horing', { method: 'POST', body: form.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin', ...architect, ...english } });
    const refused = await post(body);
    expect(refused.status).toBe(422);
    const text = textOf(await refused.text());
    expect(text).toContain('Enter a title.');
    expect(text).toContain('The deadline must be on or after the opening date.');
    expect(text).toContain('Choose at least one requirement or element.');
    const gone = new URLSearchParams({ title: 'Round', description: '', phase: 'forprosjekt', opensOn: '2027-01-01', closesOn: '2027-02-01', elements: '999999' });
    const missing = await post(gone);
    expect(missing.status).toBe(422);
    expect(textOf(await missing.text())).toContain('Some of the chosen elements no longer exist. Choose again.');
  });

  it('names an unknown parameter of the round page in English', async () => {
    const res = await ctx.app.request(`/horing/${round.id}?sort=x`, { headers: { ...member.headers, ...english } });
    expect(res.status).toBe(400);
    expect(textOf(await res.text())).toContain('Unknown parameter: sort.');
  });

  it('says in English why a closed round takes no comment', async () => {
    const closed = await makeRound(ctx.db, { opensOn: '2026-10-01', closesOn: '2026-10-15' });
    const res = await ctx.app.request(`/horing/${closed.id}/kommentarer/ny?punkt=${closed.items[0]!.id}`, { headers: { ...member.headers, ...english } });
    expect(res.status).toBe(409);
    expect(textOf(await res.text())).toContain("The consultation’s deadline was 15 October 2026.");
  });
});
