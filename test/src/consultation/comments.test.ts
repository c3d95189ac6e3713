import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postForm, signIn, signInAs, testApp, textOf, type TestContext } from '../../helpers.ts';
import { basisOf, commentIdFrom, makeRound, organisationMember, postComment } from '../../consultation-fixtures.ts';

let ctx: TestContext;
let round: Awaited<ReturnType<typeof makeRound>>;
let member: Awaited<ReturnType<typeof organisationMember>>;
const stegvis = 'Tiltaket skal gjennomføres stegvis.';

beforeEach(async () => {
  ctx = await testApp();
  round = await makeRound(ctx.db);
  member = await organisationMember(ctx, 'Norsk Sykepleierforbund');
});
afterEach(() => ctx.db.destroy());

/** AKS-0005 "Tiltaket skal gjennomføres stegvis." */
const punkt = () => String(round.items[4]!.id);
const commentPath = (id: number) => `/horing/${round.id}/kommentarer/${id}`;

describe('an organisation comments', () => {
  it('writes a change proposal on behalf of its organisation, shown as a word diff against the current text', async () => {
    const form = await ctx.app.request(`/horing/${round.id}/kommentarer/ny?punkt=${punkt()}`, { headers: member.headers });
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain(`>${stegvis}</textarea>`); // the proposal starts from today's text

    const res = await postComment(ctx, round.id, { punkt: punkt(), kind: 'endringsforslag', text: 'Tydeligere tidsplan.', proposal: 'Tiltaket skal gjennomføres stegvis og med tydelige milepæler.' }, member.headers);
    expect(res.status).toBe(303);
    const id = commentIdFrom(res);
    const stored = await ctx.db.selectFrom('consultation_comment').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ organisation_id: member.organisationId, author_id: member.user.id, kind: 'endringsforslag', base_text: stegvis, status: 'mottatt', version: 1 });

    const html = await (await ctx.app.request(res.headers.get('location')!, { headers: member.headers })).text();
    expect(textOf(html)).toContain('Kommentaren er sendt.');
    expect(textOf(html)).toContain('Endringsforslag fra Norsk Sykepleierforbund');
    expect(html).toContain('<div class="word-diff">Tiltaket skal gjennomføres stegvis<ins><span class="ds-sr-only">[lagt til: </span> og med tydelige milepæler<span class="ds-sr-only">]</span></ins>.</div>');
    const audit = await ctx.db.selectFrom('audit_event').select(['user_id', 'entity_id', 'after_json']).where('action', '=', 'consultation.comment.create').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ user_id: member.user.id, entity_id: String(id) });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ organisationId: member.organisationId, kind: 'endringsforslag', text: 'Tydeligere tidsplan.' });
  });

  it('shows the word diff on request without saving anything', async () => {
    const res = await postComment(ctx, round.id, { punkt: punkt(), kind: 'endringsforslag', text: 'x', proposal: 'Tiltaket bør gjennomføres stegvis.', handling: 'forhandsvis' }, member.headers);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<del><span class="ds-sr-only">[slettet: </span>skal<span class="ds-sr-only">]</span></del>');
    expect(html).toContain('<ins><span class="ds-sr-only">[lagt til: </span>bør<span class="ds-sr-only">]</span></ins>');
    expect(html).toContain('>Tiltaket bør gjennomføres stegvis.</textarea>');
    expect(await ctx.db.selectFrom('consultation_comment').select('id').execute()).toEqual([]);
  });

  it('re-renders the form with the message beside the field at fault, and writes nothing', async () => {
    const missing = await postComment(ctx, round.id, { punkt: punkt(), kind: 'endringsforslag', text: 'Se forslaget.', proposal: '' }, member.headers);
    expect(missing.status).toBe(422);
    const html = await missing.text();
    expect(html).toContain('id="felt-proposal-feil"');
    expect(textOf(html)).toContain('Et endringsforslag må ha den foreslåtte teksten.');
    expect(html).toContain('>Se forslaget.</textarea>');
    const same = await postComment(ctx, round.id, { punkt: punkt(), kind: 'endringsforslag', text: 'x', proposal: ` ${stegvis}` }, member.headers);
    expect(same.status).toBe(422);
    expect(textOf(await same.text())).toContain('Forslaget er likt dagens tekst.');
    const badKind = await postComment(ctx, round.id, { punkt: punkt(), kind: 'klage', text: '' }, member.headers);
    expect(badKind.status).toBe(422);
    expect(textOf(await badKind.text())).toContain('Velg hva slags kommentar dette er.');
    expect((await postComment(ctx, round.id, { punkt: '99999' }, member.headers)).status).toBe(404);
    expect(await ctx.db.selectFrom('consultation_comment').select('id').execute()).toEqual([]);
  });

  it('is for organisation users only', async () => {
    for (const role of ['architect', 'reader', 'municipality', 'administrator'] as const) {
      expect((await postComment(ctx, round.id, { punkt: punkt() }, await signIn(ctx, role))).status, role).toBe(403);
    }
    expect((await postComment(ctx, round.id, { punkt: punkt() }, {})).status).toBe(401);
  });
});

describe('editing a comment', () => {
  it('keeps every earlier version, and shows them with the comment', async () => {
    const id = commentIdFrom(await postComment(ctx, round.id, { punkt: punkt(), kind: 'innvending', text: 'Første versjon.' }, member.headers));
    ctx.clock.advance({ minutes: 5 });
    const edited = await postForm(ctx, commentPath(id), { ...(await basisOf(ctx.db, id)), kind: 'endringsforslag', text: 'Andre versjon.', proposal: 'Tiltaket skal gjennomføres trinnvis.', handling: 'send' }, member.headers);
    expect(edited.status).toBe(303);
    ctx.clock.advance({ minutes: 5 });
    expect((await postForm(ctx, commentPath(id), { ...(await basisOf(ctx.db, id)), kind: 'stotte', text: 'Tredje versjon.', handling: 'send' }, member.headers)).status).toBe(303);

    const stored = await ctx.db.selectFrom('consultation_comment').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ version: 3, kind: 'stotte', text: 'Tredje versjon.', proposal: null, base_text: null });
    const versions = await ctx.db.selectFrom('consultation_comment_version').select(['version', 'kind', 'text', 'proposal']).where('comment_id', '=', id).orderBy('version').execute();
    expect(versions).toEqual([
      { version: 1, kind: 'innvending', text: 'Første versjon.', proposal: null },
      { version: 2, kind: 'endringsforslag', text: 'Andre versjon.', proposal: 'Tiltaket skal gjennomføres trinnvis.' },
    ]);
    const page = textOf(await (await ctx.app.request(commentPath(id))).text());
    expect(page).toContain('Tidligere versjoner (2)');
    expect(page).toContain('Versjon 1: Innvending');
    expect(page).toContain('Andre versjon.');
    expect(page).toContain('(versjon 3)');
    expect(await ctx.db.selectFrom('audit_event').select('details').where('action', '=', 'consultation.comment.update').execute()).toEqual([{ details: 'Versjon 1 → 2' }, { details: 'Versjon 2 → 3' }]);
  });

  it('adds no version when nothing changed', async () => {
    const id = commentIdFrom(await postComment(ctx, round.id, { punkt: punkt(), text: 'Uendret.' }, member.headers));
    expect((await postForm(ctx, commentPath(id), { ...(await basisOf(ctx.db, id)), kind: 'stotte', text: 'Uendret.', handling: 'send' }, member.headers)).status).toBe(303);
    expect(await ctx.db.selectFrom('consultation_comment_version').select('id').execute()).toEqual([]);
  });

  it('is closed with the round: nothing can be added, edited or replied after the deadline, but the programme still answers', async () => {
    const id = commentIdFrom(await postComment(ctx, round.id, { punkt: punkt(), text: 'Før fristen.' }, member.headers));
    ctx.clock.set('2026-12-16T09:00:00Z');
    const again = await signInAs(ctx, member.user);
    const architect = await signIn(ctx, 'architect');
    expect((await ctx.app.request(`${commentPath(id)}/rediger`, { headers: again })).status).toBe(409);
    const edit = await postForm(ctx, commentPath(id), { ...(await basisOf(ctx.db, id)), kind: 'stotte', text: 'Etter fristen.', handling: 'send' }, again);
    expect(edit.status).toBe(409);
    expect(textOf(await edit.text())).toContain('Etter fristen kan ingen skrive eller endre kommentarer eller skrive innlegg i trådene.');
    expect((await postComment(ctx, round.id, { punkt: punkt() }, again)).status).toBe(409);
    expect((await postForm(ctx, `${commentPath(id)}/svar`, { text: 'Et innlegg.' }, again)).status).toBe(409);
    expect((await postForm(ctx, `${commentPath(id)}/svar`, { text: 'Et innlegg.' }, architect)).status).toBe(409);
    expect((await postForm(ctx, `${commentPath(id)}/behandling`, { ...(await basisOf(ctx.db, id)), status: 'tatt-til-folge', answer: 'Tatt inn i neste versjon.' }, architect)).status).toBe(303);
    const stored = await ctx.db.selectFrom('consultation_comment').select(['text', 'status', 'answer']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ text: 'Før fristen.', status: 'tatt-til-folge', answer: 'Tatt inn i neste versjon.' });
    expect(await ctx.db.selectFrom('consultation_reply').select('id').execute()).toEqual([]);
    const page = textOf(await (await ctx.app.request(commentPath(id), { headers: again })).text());
    expect(page).not.toContain('Endre kommentaren');
    expect(page).not.toContain('Nytt innlegg');
  });
});

describe('organisation isolation', () => {
  it("lets one organisation neither edit, answer nor hide another's comment", async () => {
    const id = commentIdFrom(await postComment(ctx, round.id, { punkt: punkt(), text: 'Vår kommentar.' }, member.headers));
    const other = await organisationMember(ctx, 'Pasientforeningen');
    expect((await ctx.app.request(`${commentPath(id)}/rediger`, { headers: other.headers })).status).toBe(403);
    const edit = await postForm(ctx, commentPath(id), { ...(await basisOf(ctx.db, id)), kind: 'innvending', text: 'Kapret.', handling: 'send' }, other.headers);
    expect(edit.status).toBe(403);
    expect(textOf(await edit.text())).toContain('Du kan bare gjøre dette for din egen kommune eller organisasjon.');
    expect((await postForm(ctx, `${commentPath(id)}/behandling`, { ...(await basisOf(ctx.db, id)), status: 'ikke-tatt-til-folge', answer: 'Nei.' }, other.headers)).status).toBe(403);
    expect((await postForm(ctx, `${commentPath(id)}/skjul`, { ...(await basisOf(ctx.db, id)), reason: 'Uenig' }, other.headers)).status).toBe(403);
    expect((await postForm(ctx, `${commentPath(id)}/behandling`, { ...(await basisOf(ctx.db, id)), status: 'ikke-tatt-til-folge', answer: 'Nei.' }, member.headers)).status).toBe(403);
    expect((await postForm(ctx, `${commentPath(id)}/skjul`, { ...(await basisOf(ctx.db, id)), reason: 'Angrer' }, member.headers)).status).toBe(403);
    const stored = await ctx.db.selectFrom('consultation_comment').select(['text', 'kind', 'status', 'answer', 'hidden_at', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ text: 'Vår kommentar.', kind: 'stotte', status: 'mottatt', answer: null, hidden_at: null, version: 1 });
    const denied = await ctx.db.selectFrom('audit_event').select('details').where('action', '=', 'request.denied').orderBy('id').execute();
    expect(denied.map((d) => d.details)).toContain(`POST ${commentPath(id)} (ownership:consultation.edit)`);
    // The other organisation is not offered the edit link either.
    expect(textOf(await (await ctx.app.request(`/horing/${round.id}`, { headers: other.headers })).text())).not.toContain('Endre kommentaren');
    expect(textOf(await (await ctx.app.request(`/horing/${round.id}`, { headers: member.headers })).text())).toContain('Endre kommentaren');
  });

  it('lets a colleague in the same organisation edit the comment', async () => {
    const id = commentIdFrom(await postComment(ctx, round.id, { punkt: punkt(), text: 'Kari skrev.' }, member.headers));
    const colleague = await organisationMember(ctx, 'Norsk Sykepleierforbund');
    expect((await postForm(ctx, commentPath(id), { ...(await basisOf(ctx.db, id)), kind: 'stotte', text: 'Ola rettet.', handling: 'send' }, colleague.headers)).status).toBe(303);
    const stored = await ctx.db.selectFrom('consultation_comment').select(['text', 'author_id', 'updated_by']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ text: 'Ola rettet.', author_id: member.user.id, updated_by: colleague.user.id });
  });
});

describe('the answer and status flow', () => {
  it('lets architects set a status and the official answer, which everyone who reads the round sees with the comment', async () => {
    const id = commentIdFrom(await postComment(ctx, round.id, { punkt: punkt(), kind: 'sporsmal', text: 'Hvor mange steg?' }, member.headers));
    const architect = await signIn(ctx, 'architect');
    const considering = await postForm(ctx, `${commentPath(id)}/behandling`, { ...(await basisOf(ctx.db, id)), status: 'under-vurdering', answer: '' }, architect);
    expect(considering.status).toBe(303);
    const missingAnswer = await postForm(ctx, `${commentPath(id)}/behandling`, { ...(await basisOf(ctx.db, id)), status: 'delvis-tatt-til-folge', answer: ' ' }, architect);
    expect(missingAnswer.status).toBe(422);
    expect(textOf(await missingAnswer.text())).toContain('Skriv prosjektets svar');
    ctx.clock.advance({ minutes: 1 });
    expect((await postForm(ctx, `${commentPath(id)}/behandling`, { ...(await basisOf(ctx.db, id)), status: 'delvis-tatt-til-folge', answer: 'Tre steg, se veikartet.' }, architect)).status).toBe(303);

    const reader = await signIn(ctx, 'reader');
    for (const [who, headers] of [['reader', reader], ['anonymous', {}], ['author', member.headers]] as const) {
      for (const path of [`/horing/${round.id}`, commentPath(id), `/horing/organisasjon/${member.organisationId}`, `/horing/${round.id}/rapport`]) {
        const text = textOf(await (await ctx.app.request(path, { headers })).text());
        expect(text, `${who} ${path}`).toContain('Hvor mange steg?');
        expect(text, `${who} ${path}`).toContain('Delvis tatt til følge');
        expect(text, `${who} ${path}`).toContain('Tre steg, se veikartet.');
      }
    }
    const audits = await ctx.db.selectFrom('audit_event').select(['before_json', 'after_json']).where('action', '=', 'consultation.comment.answer').orderBy('id').execute();
    expect(audits.map((a) => [JSON.parse(a.before_json!), JSON.parse(a.after_json!)])).toEqual([
      [{ status: 'mottatt', answer: null }, { status: 'under-vurdering', answer: null }],
      [{ status: 'under-vurdering', answer: null }, { status: 'delvis-tatt-til-folge', answer: 'Tre steg, se veikartet.', answeredVersion: 1 }],
    ]);
  });

  it('keeps the answer from anonymous visitors when the scope is not public', async () => {
    const closed = await testApp({ config: { PUBLIC_READ: 'false' } });
    const r = await makeRound(closed.db);
    expect((await closed.app.request(`/horing/${r.id}`)).status).toBe(303);
    expect((await closed.app.request(`/horing/${r.id}/rapport.csv`)).status).toBe(303);
    expect((await closed.app.request(`/horing/${r.id}`, { headers: await signIn(closed, 'reader') })).status).toBe(200);
    await closed.db.destroy();
  });
});

describe('threaded replies', () => {
  it('lets organisations and architects reply under a comment, in order, on behalf of whom they speak for', async () => {
    const id = commentIdFrom(await postComment(ctx, round.id, { punkt: punkt(), text: 'Hva betyr stegvis?' }, member.headers));
    const architect = await signIn(ctx, 'architect');
    const other = await organisationMember(ctx, 'Pasientforeningen');
    expect((await postForm(ctx, `${commentPath(id)}/svar`, { text: 'Ett område om gangen.' }, architect)).status).toBe(303);
    ctx.clock.advance({ minutes: 1 });
    expect((await postForm(ctx, `${commentPath(id)}/svar`, { text: 'Vi lurte på det samme.' }, other.headers)).status).toBe(303);
    const empty = await postForm(ctx, `${commentPath(id)}/svar`, { text: '  ' }, member.headers);
    expect(empty.status).toBe(422);
    expect(textOf(await empty.text())).toContain('Skriv innlegget.');
    expect((await postForm(ctx, `${commentPath(id)}/svar`, { text: 'Ingen tilgang' }, await signIn(ctx, 'reader'))).status).toBe(403);

    const page = textOf(await (await ctx.app.request(commentPath(id))).text());
    expect(page).toContain('Tråden (2 innlegg)');
    expect(page).toMatch(/Prosjektet \(Direktoratet for e-helse\) , .*Ett område om gangen\..*Pasientforeningen , .*Vi lurte på det samme\./);
    const replies = await ctx.db.selectFrom('consultation_reply').select(['organisation_id', 'author_id']).orderBy('id').execute();
    expect(replies).toEqual([
      { organisation_id: null, author_id: ctx.users.get('architect')!.id },
      { organisation_id: other.organisationId, author_id: other.user.id },
    ]);
    expect(textOf(await (await ctx.app.request(`/horing/${round.id}`)).text())).toContain('Åpne tråden (2 innlegg)');
  });

  it('pages a long thread', async () => {
    const small = await testApp({ config: { CONSULTATION_PAGE_SIZE: '5' } });
    const r = await makeRound(small.db);
    const m = await organisationMember(small, 'Forening');
    const id = commentIdFrom(await postComment(small, r.id, { punkt: String(r.items[0]!.id) }, m.headers));
    let last = '';
    for (let i = 1; i <= 7; i++) last = (await postForm(small, `/horing/${r.id}/kommentarer/${id}/svar`, { text: `Innlegg ${i}` }, m.headers)).headers.get('location')!;
    expect(last).toBe(`/horing/${r.id}/kommentarer/${id}?lagret=innlegg&side=2#traden`);
    const second = textOf(await (await small.app.request(`/horing/${r.id}/kommentarer/${id}?side=2`)).text());
    expect(second).toContain('Innlegg 6');
    expect(second).toContain('Innlegg 7');
    expect(second).not.toContain('Innlegg 5');
    expect(second).toContain('Side 2 av 2');
    await small.db.destroy();
  });
});
