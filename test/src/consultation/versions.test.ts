import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postForm, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';
import { listRounds } from '../../../src/db/queries/consultation-rounds.ts';
import { commentIdFrom, hiddenFields, makeRound, organisationMember, postComment } from '../../consultation-fixtures.ts';

/**
 * A comment's forms carry the version they were opened on: nobody overwrites or answers words they
 * never saw, and an answer always names the wording it answered.
 */
let ctx: TestContext;
let round: Awaited<ReturnType<typeof makeRound>>;
let member: Awaited<ReturnType<typeof organisationMember>>;
let architect: Record<string, string>;

beforeEach(async () => {
  ctx = await testApp();
  round = await makeRound(ctx.db);
  member = await organisationMember(ctx, 'Norsk Sykepleierforbund');
  architect = await signIn(ctx, 'architect');
});
afterEach(() => ctx.db.destroy());

const commentPath = (id: number) => `/horing/${round.id}/kommentarer/${id}`;

async function open(path: string, headers: Record<string, string>) {
  const res = await ctx.app.request(path, { headers });
  expect(res.status, path).toBe(200);
  return res.text();
}
/** The hidden fields of the edit form and the answer form, as a browser holds them once the page is open. */
const openEdit = async (id: number, headers: Record<string, string>) => hiddenFields(await open(`${commentPath(id)}/rediger`, headers), commentPath(id));
const openAnswer = async (id: number, headers = architect) => hiddenFields(await open(commentPath(id), headers), `${commentPath(id)}/behandling`);

const edit = (id: number, fields: Record<string, string>, headers: Record<string, string>) => postForm(ctx, commentPath(id), { kind: 'stotte', handling: 'send', ...fields }, headers);
const answer = (id: number, fields: Record<string, string>, headers = architect) => postForm(ctx, `${commentPath(id)}/behandling`, fields, headers);
const stored = (id: number) =>
  ctx.db.selectFrom('consultation_comment').select(['kind', 'text', 'version', 'status', 'answer', 'answered_version', 'answered_status']).where('id', '=', id).executeTakeFirstOrThrow();

/** One CSV line's cells (quoted cells may hold commas; no line breaks in these). */
const csvCells = (line: string) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));

async function objection() {
  const id = commentIdFrom(await postComment(ctx, round.id, { punkt: String(round.items[4]!.id), kind: 'innvending', text: 'Kravet må fjernes.' }, member.headers));
  ctx.clock.advance({ minutes: 5 });
  return id;
}

describe('an edit after the answer', () => {
  it('sends the comment back to "under vurdering" and keeps the answer, labelled with the version it answered, everywhere it is shown', async () => {
    const id = await objection();
    expect((await answer(id, { ...(await openAnswer(id)), status: 'tatt-til-folge', answer: 'Enig, vi fjerner kravet.' })).status).toBe(303);
    ctx.clock.advance({ minutes: 5 });

    const form = await open(`${commentPath(id)}/rediger`, member.headers);
    expect(textOf(form)).toContain('Lagrer du en endring, settes statusen tilbake til «under vurdering»');
    const edited = await edit(id, { ...hiddenFields(form, commentPath(id)), text: 'Vi støtter kravet fullt ut.' }, member.headers);
    expect(edited.status).toBe(303);
    expect(edited.headers.get('location')).toBe(`${commentPath(id)}?lagret=endret-vurderes`);

    expect(await stored(id)).toEqual({
      kind: 'stotte',
      text: 'Vi støtter kravet fullt ut.',
      version: 2,
      status: 'under-vurdering',
      answer: 'Enig, vi fjerner kravet.',
      answered_version: 1,
      answered_status: 'tatt-til-folge',
    });
    const versions = await ctx.db.selectFrom('consultation_comment_version').select(['version', 'text', 'status', 'answer']).where('comment_id', '=', id).execute();
    expect(versions).toEqual([{ version: 1, text: 'Kravet må fjernes.', status: 'tatt-til-folge', answer: 'Enig, vi fjerner kravet.' }]);

    const decidedTag = 'data-color="success" data-size="sm">Tatt til følge</span>';
    for (const path of [commentPath(id), `/horing/${round.id}`, `/horing/${round.id}?vis=status`, `/horing/organisasjon/${member.organisationId}`, `/horing/${round.id}/rapport`]) {
      const html = await open(path, member.headers);
      const text = textOf(html);
      expect(text, path).toContain('Vi støtter kravet fullt ut.');
      expect(text, path).toContain('Enig, vi fjerner kravet.');
      expect(text, path).toContain('Svaret gjaldt versjon 1 (status da: tatt til følge)');
      expect(text, path).toContain('prosjektet har ikke svart på versjon 2 ennå');
      expect(html, path).not.toContain(decidedTag);
    }
    expect(textOf(await open(edited.headers.get('location')!, member.headers))).toContain('Kommentaren er satt tilbake til «under vurdering»');

    const csv = (await open(`/horing/${round.id}/rapport.csv`, member.headers)).replace('\uFEFF', '').split('\r\n').map(csvCells);
    const row = csv.find((cells) => cells.includes('Vi støtter kravet fullt ut.'))!;
    const cell = (name: string) => row[csv[0]!.indexOf(name)];
    expect([cell('Status'), cell('Svar'), cell('Svaret gjelder versjon'), cell('Status da svaret ble gitt'), cell('Versjon')]).toEqual([
      'Under vurdering',
      'Enig, vi fjerner kravet.',
      '1',
      'Tatt til følge',
      '2',
    ]);
    const md = (await open(`/horing/${round.id}/rapport.md`, member.headers)).replace(/\\(.)/g, '$1');
    expect(md).toContain('- Status: Under vurdering');
    expect(md).toContain('Svar fra prosjektet (26. november 2026, på versjon 1):');
    expect(md).toContain('**Svaret gjaldt versjon 1** (status da: tatt til følge). Kommentaren er endret etter svaret, og prosjektet har ikke svart på versjon 2 ennå.');

    const audit = await ctx.db.selectFrom('audit_event').select(['before_json', 'after_json', 'details']).where('action', '=', 'consultation.comment.update').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!)).toMatchObject({ version: 1, text: 'Kravet må fjernes.', status: 'tatt-til-folge', answer: 'Enig, vi fjerner kravet.', answeredVersion: 1 });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ version: 2, text: 'Vi støtter kravet fullt ut.', status: 'under-vurdering', answer: 'Enig, vi fjerner kravet.', answeredVersion: 1 });
    expect(audit.details).toBe('Versjon 1 → 2; status tatt til følge → under vurdering; svaret står, og gjaldt versjon 1');
  });

  it('lets the architect answer the new version, which replaces the label while the earlier answer stays with version 1', async () => {
    const id = await objection();
    await answer(id, { ...(await openAnswer(id)), status: 'tatt-til-folge', answer: 'Enig, vi fjerner kravet.' });
    await edit(id, { ...(await openEdit(id, member.headers)), text: 'Vi støtter kravet fullt ut.' }, member.headers);
    const answeredInList = async () => (await listRounds(ctx.db, null))[0]!.answeredCount;
    expect(await answeredInList()).toBe(0); // the list of rounds does not count an answer to an earlier wording

    const page = await open(commentPath(id), architect);
    expect(page).toMatch(/<textarea[^>]*name="answer"[^>]*><\/textarea>/); // the old answer is not offered for re-saving
    expect(textOf(page)).toContain('Svaret som står, gjaldt versjon 1. Skriv svaret på versjon 2');
    ctx.clock.advance({ minutes: 5 });
    expect((await answer(id, { ...hiddenFields(page, `${commentPath(id)}/behandling`), status: 'ikke-tatt-til-folge', answer: 'Kravet blir stående.' })).status).toBe(303);

    expect(await stored(id)).toMatchObject({ status: 'ikke-tatt-til-folge', answer: 'Kravet blir stående.', answered_version: 2, answered_status: 'ikke-tatt-til-folge' });
    expect(await answeredInList()).toBe(1);
    const text = textOf(await open(commentPath(id), member.headers));
    expect(text).toContain('Svar fra prosjektet på versjon 2');
    expect(text).not.toContain('Svaret gjaldt versjon 1');
    expect(text).toContain('Svar fra prosjektet på versjon 1 (tatt til følge)'); // under «Tidligere versjoner»
    expect(text).toContain('Enig, vi fjerner kravet.');
  });

  it('leaves a comment nobody has taken up as "mottatt"', async () => {
    const id = await objection();
    expect((await edit(id, { ...(await openEdit(id, member.headers)), text: 'Kravet bør fjernes.' }, member.headers)).headers.get('location')).toBe(`${commentPath(id)}?lagret=endret`);
    expect(await stored(id)).toMatchObject({ version: 2, status: 'mottatt', answer: null, answered_version: null });
  });
});

describe('a save based on an older version', () => {
  it('is refused for an edit when a colleague saved first: nothing is written, and the 409 shows both texts and lets the writer save again', async () => {
    const id = await objection();
    const colleague = await organisationMember(ctx, 'Norsk Sykepleierforbund');
    const karisForm = await openEdit(id, member.headers);
    const olasForm = await openEdit(id, colleague.headers);
    expect((await edit(id, { ...olasForm, text: 'Ola rettet.' }, colleague.headers)).status).toBe(303);

    const late = await edit(id, { ...karisForm, text: 'Kari rettet.' }, member.headers);
    expect(late.status).toBe(409);
    const html = await late.text();
    const text = textOf(html);
    expect(text).toContain('Kommentaren er endret etter at du åpnet skjemaet');
    expect(text).toContain('Ingenting er lagret. Du tok utgangspunkt i versjon 1, men noen i organisasjonen din har lagret versjon 2 i mellomtiden.');
    expect(text).toMatch(/Kommentar Kari rettet\. Ola rettet\./); // the conflict table: hers, then what is stored
    expect(html).toContain('>Kari rettet.</textarea>'); // her words are still in the form
    expect(await stored(id)).toMatchObject({ text: 'Ola rettet.', version: 2 });
    expect(await ctx.db.selectFrom('consultation_comment_version').select('version').where('comment_id', '=', id).execute()).toEqual([{ version: 1 }]);
    expect(await ctx.db.selectFrom('audit_event').select('id').where('action', '=', 'consultation.comment.update').execute()).toHaveLength(1);

    // The form that came back carries version 2: saving it now is a deliberate choice.
    const again = hiddenFields(html, commentPath(id));
    expect(again).toMatchObject({ version: '2' });
    expect((await edit(id, { ...again, text: 'Kari rettet.' }, member.headers)).status).toBe(303);
    expect(await stored(id)).toMatchObject({ text: 'Kari rettet.', version: 3 });
  });

  it('is refused for an edit when the programme answered after the form was opened, showing the answer', async () => {
    const id = await objection();
    const form = await openEdit(id, member.headers);
    await answer(id, { ...(await openAnswer(id)), status: 'ikke-tatt-til-folge', answer: 'Kravet blir stående.' });
    const late = await edit(id, { ...form, text: 'Kravet må fjernes straks.' }, member.headers);
    expect(late.status).toBe(409);
    const text = textOf(await late.text());
    expect(text).toContain('Prosjektet har endret status eller svar i mellomtiden.');
    expect(text).toContain('Kravet blir stående.');
    expect(text).toContain('Lagrer du endringen, settes statusen tilbake til «under vurdering»');
    expect(await stored(id)).toMatchObject({ text: 'Kravet må fjernes.', version: 1, status: 'ikke-tatt-til-folge' });
  });

  it('is refused for an answer to a version the architect never saw, showing how the text changed, and keeps what the architect wrote', async () => {
    const id = await objection();
    const seen = await openAnswer(id);
    await edit(id, { ...(await openEdit(id, member.headers)), text: 'Vi støtter kravet fullt ut.' }, member.headers);

    const late = await answer(id, { ...seen, status: 'tatt-til-folge', answer: 'Enig, vi fjerner kravet.' });
    expect(late.status).toBe(409);
    const html = await late.text();
    const text = textOf(html);
    expect(text).toContain('Kommentaren er endret etter at du åpnet den. Svaret ditt er ikke lagret.');
    expect(text).toContain('Du svarte på versjon 1, men organisasjonen har lagret versjon 2 i mellomtiden.');
    expect(html).toContain('<del><span class="ds-sr-only">[slettet: </span>Kravet må fjernes<span class="ds-sr-only">]</span></del>');
    expect(html).toContain('<ins><span class="ds-sr-only">[lagt til: </span>Vi støtter kravet fullt ut<span class="ds-sr-only">]</span></ins>');
    expect(html).toContain('>Enig, vi fjerner kravet.</textarea>');
    expect(await stored(id)).toMatchObject({ status: 'mottatt', answer: null, answered_version: null });
    expect(await ctx.db.selectFrom('audit_event').select('id').where('action', '=', 'consultation.comment.answer').execute()).toEqual([]);

    const again = hiddenFields(html, `${commentPath(id)}/behandling`);
    expect(again).toMatchObject({ version: '2' });
    expect((await answer(id, { ...again, status: 'ikke-tatt-til-folge', answer: 'Kravet blir stående.' })).status).toBe(303);
    expect(await stored(id)).toMatchObject({ status: 'ikke-tatt-til-folge', answered_version: 2 });
  });

  it('is refused for an answer when another architect answered first', async () => {
    const id = await objection();
    const colleague = await signIn(ctx, 'architect'); // a second session: the same form open twice
    const first = await openAnswer(id);
    const second = await openAnswer(id, colleague);
    expect((await answer(id, { ...second, status: 'delvis-tatt-til-folge', answer: 'Vi ser på ordlyden.' }, colleague)).status).toBe(303);
    const late = await answer(id, { ...first, status: 'ikke-tatt-til-folge', answer: 'Nei.' });
    expect(late.status).toBe(409);
    const text = textOf(await late.text());
    expect(text).toContain('Noen har endret status eller svar i mellomtiden.');
    expect(text).toContain('Status nå: Delvis tatt til følge. Svaret som står: Vi ser på ordlyden.');
    expect(await stored(id)).toMatchObject({ status: 'delvis-tatt-til-folge', answer: 'Vi ser på ordlyden.' });
  });

  it('is refused for hiding a version the architect never saw', async () => {
    const id = await objection();
    const seen = hiddenFields(await open(commentPath(id), architect), `${commentPath(id)}/skjul`);
    await edit(id, { ...(await openEdit(id, member.headers)), text: 'Uten personopplysninger nå.' }, member.headers);
    const late = await postForm(ctx, `${commentPath(id)}/skjul`, { ...seen, reason: 'Personopplysninger.' }, architect);
    expect(late.status).toBe(409);
    expect(textOf(await late.text())).toContain('Kommentaren er ikke skjult: organisasjonen har lagret versjon 2 etter at du åpnet den');
    expect((await ctx.db.selectFrom('consultation_comment').select('hidden_at').where('id', '=', id).executeTakeFirstOrThrow()).hidden_at).toBeNull();
  });

  it('needs the version: a form without it is refused with 422 and writes nothing', async () => {
    const id = await objection();
    const edited = await edit(id, { text: 'Uten versjon.' }, member.headers);
    expect(edited.status).toBe(422);
    expect(textOf(await edited.text())).toContain('Skjemaet mangler versjon; last siden på nytt.');
    const answered = await answer(id, { revision: '1', status: 'tatt-til-folge', answer: 'Ja.' });
    expect(answered.status).toBe(422);
    expect(textOf(await answered.text())).toContain('Skjemaet mangler versjon; last siden på nytt.');
    expect((await answer(id, { version: 'x', revision: '1', status: 'tatt-til-folge', answer: 'Ja.' })).status).toBe(422);
    expect(await stored(id)).toMatchObject({ text: 'Kravet må fjernes.', version: 1, status: 'mottatt', answer: null });
  });

  it('keeps the posted version through a failed validation, so a retry cannot skip past a change', async () => {
    const id = await objection();
    const seen = await openAnswer(id);
    await edit(id, { ...(await openEdit(id, member.headers)), text: 'Ny tekst.' }, member.headers);
    const invalid = await answer(id, { ...seen, status: 'tatt-til-folge', answer: '' });
    expect(invalid.status).toBe(422);
    const retry = hiddenFields(await invalid.text(), `${commentPath(id)}/behandling`);
    expect(retry).toEqual(seen);
    expect((await answer(id, { ...retry, status: 'tatt-til-folge', answer: 'Ja.' })).status).toBe(409);
  });
});
