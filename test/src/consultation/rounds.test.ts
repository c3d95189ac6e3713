import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { htmx, signIn, signInAs, testApp, textOf, type TestContext } from '../../helpers.ts';
import { addComments, makeRound, organisationMember, postComment, requirementIds } from '../../consultation-fixtures.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await testApp();
});
afterEach(() => ctx.db.destroy());

/** The round form as a browser posts it: repeated `elements` fields. */
function postRound(path: string, fields: Record<string, string>, elements: number[], headers: Record<string, string>) {
  const body = new URLSearchParams(fields);
  for (const id of elements) body.append('elements', String(id));
  return ctx.app.request(path, {
    method: 'POST',
    body: body.toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin', ...headers },
  });
}

const roundFields = { title: 'Høring om samhandling', description: 'Vi ber om innspill.', phase: 'anskaffelse', opensOn: '2026-12-01', closesOn: '2027-01-15' };

describe('creating and changing a round', () => {
  it('lets an architect open a round on requirements and other elements, and records it', async () => {
    const architect = await signIn(ctx, 'architect');
    const form = await ctx.app.request('/horing/ny', { headers: architect });
    expect(form.status).toBe(200);
    expect(textOf(await form.text())).toContain('Ingen krav eller elementer er valgt ennå.');
    const [first, second] = await requirementIds(ctx.db);
    const multidose = await ctx.db.selectFrom('element').select('id').where('key', '=', 'multidose').executeTakeFirstOrThrow();
    const res = await postRound('/horing', roundFields, [second!, first!, multidose.id], architect);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/horing/1?lagret=runde');
    const page = textOf(await (await ctx.app.request(res.headers.get('location')!, { headers: architect })).text());
    expect(page).toContain('Høringsrunden er lagret.');
    expect(page).toContain('Planlagt');
    expect(page).toContain('Høringen åpner 1. desember 2026');
    // In the order chosen.
    expect(page.indexOf('AKS-0002')).toBeLessThan(page.indexOf('AKS-0001'));
    expect(page).toContain('Multidose');
    const audit = await ctx.db.selectFrom('audit_event').select(['action', 'entity_id', 'after_json']).where('action', '=', 'consultation.round.create').executeTakeFirstOrThrow();
    expect(audit.entity_id).toBe('1');
    expect(JSON.parse(audit.after_json!)).toMatchObject({ title: 'Høring om samhandling', phase: 'anskaffelse', elements: [second, first, multidose.id] });
  });

  it('re-renders the form with a message beside each field at fault, and writes nothing', async () => {
    const architect = await signIn(ctx, 'architect');
    const res = await postRound('/horing', { ...roundFields, title: ' ', opensOn: '2027-02-01', closesOn: '2027-01-01' }, [], architect);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="felt-title-feil"');
    expect(textOf(html)).toContain('Skriv en tittel.');
    expect(textOf(html)).toContain('Fristen må være samme dag som eller etter åpningsdatoen.');
    expect(textOf(html)).toContain('Velg minst ett krav eller element.');
    expect(html).toContain('>Vi ber om innspill.</textarea>'); // what was typed is kept
    expect(await ctx.db.selectFrom('consultation_round').select('id').execute()).toEqual([]);
  });

  it('refuses an element that does not exist, without a partial round', async () => {
    const architect = await signIn(ctx, 'architect');
    const [first] = await requirementIds(ctx.db);
    const res = await postRound('/horing', roundFields, [first!, 999_999], architect);
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain('Noen av de valgte elementene finnes ikke lenger.');
    expect(await ctx.db.selectFrom('consultation_round').select('id').execute()).toEqual([]);
    expect(await ctx.db.selectFrom('consultation_item').select('id').execute()).toEqual([]);
  });

  it('adds elements last and refuses to take out one that has comments', async () => {
    const architect = await signIn(ctx, 'architect');
    const ids = await requirementIds(ctx.db);
    const { id, items } = await makeRound(ctx.db, { elements: ids.slice(0, 2) });
    const { organisationId } = await organisationMember(ctx, 'Fagforeningen');
    await addComments(ctx.db, [{ roundId: id, itemId: items[0]!.id, organisationId }]);

    const edit = await ctx.app.request(`/horing/${id}/rediger`, { headers: architect });
    expect(edit.status).toBe(200);
    const version = /name="version" value="([^"]+)"/.exec(await edit.text())![1]!;
    const refused = await postRound(`/horing/${id}`, { ...roundFields, version }, [ids[1]!, ids[2]!], architect);
    expect(refused.status).toBe(422);
    expect(textOf(await refused.text())).toContain('Disse har kommentarer og kan ikke tas ut av høringen: AKS-0001.');

    const saved = await postRound(`/horing/${id}`, { ...roundFields, title: 'Nytt navn', version }, [ids[0]!, ids[2]!], architect);
    expect(saved.status).toBe(303);
    const now = await ctx.db.selectFrom('consultation_item').select(['element_id', 'position']).where('round_id', '=', id).orderBy('position').execute();
    expect(now.map((i) => i.element_id)).toEqual([ids[0], ids[2]]);
    const audit = await ctx.db.selectFrom('audit_event').select(['before_json', 'after_json']).where('action', '=', 'consultation.round.update').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!)).toMatchObject({ title: 'Høring om kravene', elements: ids.slice(0, 2) });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ title: 'Nytt navn', elements: [ids[0], ids[2]] });
  });

  it('is only for architects', async () => {
    for (const role of ['organisation', 'reader', 'municipality', 'administrator'] as const) {
      const res = await postRound('/horing', roundFields, await requirementIds(ctx.db), await signIn(ctx, role));
      expect(res.status, role).toBe(403);
    }
    expect(await ctx.db.selectFrom('consultation_round').select('id').execute()).toEqual([]);
  });
});

describe('choosing what a round opens, without a list of every element (issue 10)', () => {
  /** The ids of the ticked element checkboxes, in order. */
  const ticked = (html: string) => [...html.matchAll(/<input class="ds-input" type="checkbox" name="elements" value="(\d+)"[^>]* checked/g)].map((m) => Number(m[1]));
  const multidoseId = async () => (await ctx.db.selectFrom('element').select('id').where('kind', '=', 'informationService').where('key', '=', 'multidose').executeTakeFirstOrThrow()).id;

  it('lists only what is chosen, adds by number or code with «Legg til», keeps everything typed, and creates the round from it', async () => {
    const architect = await signIn(ctx, 'architect');
    const [first] = await requirementIds(ctx.db);
    const empty = await (await ctx.app.request('/horing/ny', { headers: architect })).text();
    expect(ticked(empty)).toEqual([]);
    expect(empty).not.toContain('Alle kommunale helse- og omsorgstjenester');
    expect(empty).toContain('formaction="/horing/ny"');

    // A requirement's number as typed (any case), then an element's code as the picker suggests it.
    const once = await postRound('/horing/ny', { ...roundFields, add: 'aks-0001' }, [], architect);
    expect(once.status).toBe(200);
    const onceHtml = await once.text();
    expect(ticked(onceHtml)).toEqual([first]);
    expect(textOf(onceHtml)).toContain('Lagt til: AKS-0001 Alle kommunale helse- og omsorgstjenester');
    expect(onceHtml).toContain('>Vi ber om innspill.</textarea>');
    expect(onceHtml).toContain('value="Høring om samhandling"');
    const twice = await (await postRound('/horing/ny', { ...roundFields, add: 'informationService:multidose' }, [first!], architect)).text();
    expect(ticked(twice)).toEqual([first, await multidoseId()]);
    expect(textOf(twice)).toContain('Lagt til: Multidose.');
    // The picker is empty again, ready for the next one.
    expect(twice).toMatch(/<input class="ds-input" id="felt-add" type="text" name="add"[^>]* value=""/);
    // Added again, it is said to be chosen already, and listed once.
    const again = await (await postRound('/horing/ny', { ...roundFields, add: 'AKS-0001' }, [first!], architect)).text();
    expect(ticked(again)).toEqual([first]);
    expect(textOf(again)).toContain('AKS-0001 Alle kommunale helse- og omsorgstjenester er allerede valgt.');

    // One it cannot find is said beside the picker; what was chosen and typed stays, nothing is written.
    const unknown = await postRound('/horing/ny', { ...roundFields, add: 'AKS-9999' }, [first!], architect);
    expect(unknown.status).toBe(422);
    const unknownHtml = await unknown.text();
    expect(unknownHtml).toContain('id="felt-add-feil"');
    expect(textOf(unknownHtml)).toContain('Fant ikke «AKS-9999».');
    expect(ticked(unknownHtml)).toEqual([first]);
    expect(unknownHtml).toContain('value="AKS-9999"');
    expect(await ctx.db.selectFrom('consultation_round').select('id').execute()).toEqual([]);

    // What the form now holds creates the round, as before.
    const created = await postRound('/horing', { ...roundFields, add: '' }, [first!, await multidoseId()], architect);
    expect(created.status).toBe(303);
    const items = await ctx.db.selectFrom('consultation_item').select('element_id').orderBy('position').execute();
    expect(items.map((i) => i.element_id)).toEqual([first, await multidoseId()]);
  });

  it('answers htmx with the elements fieldset alone, and announces what was added', async () => {
    const architect = await signIn(ctx, 'architect');
    const [first] = await requirementIds(ctx.db);
    const res = await postRound('/horing/ny', { ...roundFields, add: 'AKS-0001' }, [], { ...architect, ...htmx });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('<html');
    expect(html.startsWith('<fieldset class="ds-fieldset" id="felt-elements"')).toBe(true);
    expect(ticked(html)).toEqual([first]);
    expect(html).toContain('<p id="kunngjoring" class="ds-sr-only" role="status" hx-swap-oob="true">Lagt til: AKS-0001 Alle kommunale helse- og omsorgstjenester.</p>');
    // The page itself is never a fragment.
    expect(await (await ctx.app.request('/horing/ny', { headers: { ...architect, ...htmx } })).text()).toContain('<html');
  });

  it('edits a round the same way: its own elements listed, one added, the version kept', async () => {
    const architect = await signIn(ctx, 'architect');
    const ids = await requirementIds(ctx.db);
    const { id } = await makeRound(ctx.db, { elements: ids.slice(0, 2) });
    const edit = await (await ctx.app.request(`/horing/${id}/rediger`, { headers: architect })).text();
    expect(ticked(edit)).toEqual(ids.slice(0, 2));
    expect(edit).toContain(`formaction="/horing/${id}/rediger"`);
    const version = /name="version" value="([^"]+)"/.exec(edit)![1]!;
    const added = await (await postRound(`/horing/${id}/rediger`, { ...roundFields, version, add: 'informationService:multidose' }, ids.slice(0, 2), architect)).text();
    expect(ticked(added)).toEqual([...ids.slice(0, 2), await multidoseId()]);
    expect(added).toContain(`name="version" value="${version}"`);
    const saved = await postRound(`/horing/${id}`, { ...roundFields, version }, [...ids.slice(0, 2), await multidoseId()], architect);
    expect(saved.status).toBe(303);
  });

  it('saves a code left in the picker with the others on «Opprett», or says beside the picker that it cannot find it (review A1)', async () => {
    const architect = await signIn(ctx, 'architect');
    const [first] = await requirementIds(ctx.db);
    const rounds = () => ctx.db.selectFrom('consultation_round').select('id').execute();

    // Not found: 422 beside the picker, everything typed kept, nothing written.
    const unknown = await postRound('/horing', { ...roundFields, add: 'AKS-9999' }, [first!], architect);
    expect(unknown.status).toBe(422);
    const unknownHtml = await unknown.text();
    expect(textOf(unknownHtml)).toContain('Fant ikke «AKS-9999».');
    expect(unknownHtml).toContain('id="felt-add-feil"');
    expect(unknownHtml).toContain('value="AKS-9999"');
    expect(unknownHtml).toContain('value="Høring om samhandling"');
    expect(ticked(unknownHtml)).toEqual([first]);
    expect(await rounds()).toEqual([]);

    // Too long to be a code: said without echoing it back whole.
    const long = await postRound('/horing', { ...roundFields, add: 'x'.repeat(5000) }, [first!], architect);
    expect(long.status).toBe(422);
    const longHtml = await long.text();
    expect(textOf(longHtml)).toContain('Det du skrev i feltet, er for langt.');
    expect(longHtml).not.toContain('x'.repeat(201));
    expect(await rounds()).toEqual([]);

    // Found: the round opens on it too, even with nothing else chosen.
    const created = await postRound('/horing', { ...roundFields, add: 'informationService:multidose' }, [first!], architect);
    expect(created.status).toBe(303);
    const items = await ctx.db.selectFrom('consultation_item').select('element_id').orderBy('position').execute();
    expect(items.map((i) => i.element_id)).toEqual([first, await multidoseId()]);
    const alone = await postRound('/horing', { ...roundFields, add: 'aks-0001' }, [], architect);
    expect(alone.status).toBe(303);
    expect(await rounds()).toHaveLength(2);

    // Another field at fault: the picked element comes back chosen, the picker empty.
    const faulty = await (await postRound('/horing', { ...roundFields, title: '', add: 'informationService:multidose' }, [first!], architect)).text();
    expect(ticked(faulty)).toEqual([first, await multidoseId()]);
    expect(faulty).toMatch(/<input class="ds-input" id="felt-add" type="text" name="add"[^>]* value=""/);
  });

  it('saves a code left in the picker on «Lagre» of a round being edited, or refuses it beside the picker (review A1)', async () => {
    const architect = await signIn(ctx, 'architect');
    const ids = await requirementIds(ctx.db);
    const { id } = await makeRound(ctx.db, { elements: ids.slice(0, 2) });
    const edit = await (await ctx.app.request(`/horing/${id}/rediger`, { headers: architect })).text();
    const version = /name="version" value="([^"]+)"/.exec(edit)![1]!;
    const items = async () => (await ctx.db.selectFrom('consultation_item').select('element_id').where('round_id', '=', id).orderBy('position').execute()).map((i) => i.element_id);

    const unknown = await postRound(`/horing/${id}`, { ...roundFields, title: 'Nytt navn', version, add: 'AKS-9999' }, ids.slice(0, 2), architect);
    expect(unknown.status).toBe(422);
    const unknownHtml = await unknown.text();
    expect(textOf(unknownHtml)).toContain('Fant ikke «AKS-9999».');
    expect(unknownHtml).toContain('value="Nytt navn"');
    expect(unknownHtml).toContain(`name="version" value="${version}"`);
    expect(await items()).toEqual(ids.slice(0, 2));
    expect((await ctx.db.selectFrom('consultation_round').select('title').where('id', '=', id).executeTakeFirstOrThrow()).title).not.toBe('Nytt navn');

    const saved = await postRound(`/horing/${id}`, { ...roundFields, version, add: 'informationService:multidose' }, ids.slice(0, 2), architect);
    expect(saved.status).toBe(303);
    expect(await items()).toEqual([...ids.slice(0, 2), await multidoseId()]);
  });

  it('refuses an element id too large for the database as not from the list, not as a fault (review A8)', async () => {
    const architect = await signIn(ctx, 'architect');
    const [first] = await requirementIds(ctx.db);
    const huge = 99_999_999_999;
    const added = await postRound('/horing/ny', { ...roundFields, add: 'AKS-0001' }, [huge], architect);
    expect(added.status).toBe(200);
    expect(ticked(await added.text())).toEqual([first]);
    const saved = await postRound('/horing', { ...roundFields, add: '' }, [first!, huge], architect);
    expect(saved.status).toBe(422);
    expect(textOf(await saved.text())).toContain('Velg elementene i listen.');
    expect(await ctx.db.selectFrom('consultation_round').select('id').execute()).toEqual([]);
    const { id } = await makeRound(ctx.db, { elements: [first!] });
    const filtered = await ctx.app.request(`/horing/${id}?punkt=${huge}`, { headers: architect });
    expect(filtered.status).toBe(400);
    expect(textOf(await filtered.text())).toContain('Tallet er for stort. En id er høyst 2');
  });

  it('makes the save, not «Legg til», the button Enter in a field presses (review A2)', async () => {
    const architect = await signIn(ctx, 'architect');
    const { id } = await makeRound(ctx.db, { elements: (await requirementIds(ctx.db)).slice(0, 1) });
    for (const [path, action, label] of [['/horing/ny', '/horing', 'Opprett høringsrunden'], [`/horing/${id}/rediger`, `/horing/${id}`, 'Lagre endringene']] as const) {
      const html = await (await ctx.app.request(path, { headers: architect })).text();
      const form = html.slice(html.indexOf(`<form method="post" action="${action}"`));
      // The form's default button is its first submit button: one without a formaction of its own.
      const first = /<button[^>]*type="submit"[^>]*>([^<]*)<\/button>/.exec(form)!;
      expect(first[0], path).not.toContain('formaction');
      expect(first[1], path).toBe(label);
    }
  });

  it('is only for architects', async () => {
    for (const role of ['organisation', 'reader', 'municipality'] as const) {
      expect((await postRound('/horing/ny', { ...roundFields, add: 'AKS-0001' }, [], await signIn(ctx, role))).status, role).toBe(403);
    }
  });
});

describe('the round lifecycle with the clock', () => {
  it('takes comments only from the opening date through the closing date, Norwegian time', async () => {
    const { id, items } = await makeRound(ctx.db, { opensOn: '2026-12-01', closesOn: '2026-12-15' });
    const { user } = await organisationMember(ctx, 'Fagforeningen');
    const punkt = String(items[0]!.id);
    // Sessions expire when the clock jumps, so sign in again at each moment.
    const at = async (time: string) => {
      ctx.clock.set(time);
      return signInAs(ctx, user);
    };

    let member = await at('2026-11-30T22:59:00Z'); // 23:59 on 30 November in Oslo
    const early = await postComment(ctx, id, { punkt }, member);
    expect(early.status).toBe(409);
    expect(textOf(await early.text())).toContain('Høringen åpner 1. desember 2026.');
    expect((await ctx.app.request(`/horing/${id}/kommentarer/ny?punkt=${punkt}`, { headers: member })).status).toBe(409);

    member = await at('2026-11-30T23:00:00Z'); // midnight in Oslo: open
    expect((await postComment(ctx, id, { punkt }, member)).status).toBe(303);
    member = await at('2026-12-15T22:59:00Z'); // the last minute of the last day
    expect((await postComment(ctx, id, { punkt }, member)).status).toBe(303);

    member = await at('2026-12-15T23:00:00Z');
    const late = await postComment(ctx, id, { punkt }, member);
    expect(late.status).toBe(409);
    expect(textOf(await late.text())).toContain('Fristen for høringen var 15. desember 2026.');
    expect(await ctx.db.selectFrom('consultation_comment').select('id').execute()).toHaveLength(2);
  });

  it('shows each round with its state in the list, newest opening first', async () => {
    await makeRound(ctx.db, { title: 'Gammel høring', opensOn: '2026-09-01', closesOn: '2026-10-01' });
    await makeRound(ctx.db, { title: 'Åpen høring', opensOn: '2026-11-01', closesOn: '2026-12-15' });
    await makeRound(ctx.db, { title: 'Kommende høring', opensOn: '2027-01-10', closesOn: '2027-02-10' });
    const text = textOf(await (await ctx.app.request('/horing')).text());
    expect(text).toMatch(/Kommende høring .*Planlagt.*Åpen høring .*Åpen.*Gammel høring .*Avsluttet/);
    ctx.clock.set('2027-03-01T12:00:00Z');
    const later = textOf(await (await ctx.app.request('/horing')).text());
    expect(later).not.toContain('Planlagt');
    expect(later.match(/Avsluttet/g)).toHaveLength(3);
  });
});

describe('the round page', () => {
  it('lists the requirements open for comment with their text, and offers organisation users to comment', async () => {
    const { id } = await makeRound(ctx.db);
    const member = await organisationMember(ctx, 'Fagforeningen');
    const asMember = textOf(await (await ctx.app.request(`/horing/${id}`, { headers: member.headers })).text());
    expect(asMember).toContain('Til høring (10)');
    // The state is said once, by its tag; the dates are the period, not a second "Åpen".
    expect(asMember).toContain('Høringsperiode: 1. november 2026 til og med 15. desember 2026');
    expect(asMember.match(/Åpen/g)).toHaveLength(1);
    expect(asMember).toContain('Tiltaket skal gjennomføres stegvis.');
    expect(asMember).toContain('Kommenter AKS-0005 Stegvis gjennomføring');
    const asReader = textOf(await (await ctx.app.request(`/horing/${id}`, { headers: await signIn(ctx, 'reader') })).text());
    expect(asReader).not.toContain('Kommenter AKS-0005');
    expect(asReader).toContain('Tiltaket skal gjennomføres stegvis.');
  });

  it('keeps an element deleted from the scope in the round, by its name, with its comments', async () => {
    const { id, items } = await makeRound(ctx.db);
    const { organisationId } = await organisationMember(ctx, 'Fagforeningen');
    const [commentId] = await addComments(ctx.db, [{ roundId: id, itemId: items[4]!.id, organisationId, text: 'Stegvis er klokt.' }]);
    await ctx.db.deleteFrom('element').where('key', '=', 'aks-0005').where('kind', '=', 'requirement').execute();
    const item = await ctx.db.selectFrom('consultation_item').selectAll().where('id', '=', items[4]!.id).executeTakeFirstOrThrow();
    expect(item).toMatchObject({ element_id: null, element_key: 'aks-0005', element_name: 'Stegvis gjennomføring' });
    const page = textOf(await (await ctx.app.request(`/horing/${id}`)).text());
    expect(page).toContain('AKS-0005 Stegvis gjennomføring (slettet fra omfanget)');
    expect(page).toContain('Stegvis er klokt.');
    const report = textOf(await (await ctx.app.request(`/horing/${id}/rapport`)).text());
    expect(report).toContain('Stegvis er klokt.');
    expect((await ctx.app.request(`/horing/${id}/kommentarer/${commentId}`)).status).toBe(200);
    const member = await organisationMember(ctx, 'Fagforeningen');
    expect((await postComment(ctx, id, { punkt: String(items[4]!.id) }, member.headers)).status).toBe(409);
  });

  it('answers an htmx request with the comment list only, and pages through it', async () => {
    const small = await testApp({ config: { CONSULTATION_PAGE_SIZE: '5' } });
    const { id, items } = await makeRound(small.db);
    const { organisationId } = await organisationMember(small, 'Fagforeningen');
    await addComments(small.db, Array.from({ length: 12 }, (_, i) => ({ roundId: id, itemId: items[i % 3]!.id, organisationId, text: `Kommentar nummer ${i + 1}.` })));
    const first = textOf(await (await small.app.request(`/horing/${id}`)).text());
    expect(first).toContain('12 kommentarer.');
    expect(first).toContain('Side 1 av 3');
    const second = await small.app.request(`/horing/${id}?side=2`, { headers: htmx });
    const html = await second.text();
    expect(html.trimStart().startsWith('<section id="kommentarer"')).toBe(true);
    expect(html).not.toContain('<html');
    expect(textOf(html)).toContain('Side 2 av 3');
    expect(html.match(/<article/g)).toHaveLength(5);
    const third = await (await small.app.request(`/horing/${id}?side=3`)).text();
    expect(third.match(/<article/g)).toHaveLength(2);
    const beyond = textOf(await (await small.app.request(`/horing/${id}?side=9`)).text());
    expect(beyond).toContain('Det er ingen kommentarer på side 9.');
    expect((await small.app.request(`/horing/${id}?side=0`)).status).toBe(400);
    await small.db.destroy();
  });

  it('orders the comments by element, organisation or status, with a heading for each group, and filters them', async () => {
    const { id, items } = await makeRound(ctx.db);
    const a = await organisationMember(ctx, 'Aforeningen');
    const b = await organisationMember(ctx, 'Bforeningen');
    const ids = await addComments(ctx.db, [
      { roundId: id, itemId: items[1]!.id, organisationId: b.organisationId, text: 'B om krav 2' },
      { roundId: id, itemId: items[0]!.id, organisationId: b.organisationId, text: 'B om krav 1' },
      { roundId: id, itemId: items[1]!.id, organisationId: a.organisationId, text: 'A om krav 2' },
    ]);
    await ctx.db.updateTable('consultation_comment').set({ status: 'tatt-til-folge', answer: 'Ja.' }).where('id', '=', ids[2]!).execute();
    const order = async (query: string) => {
      const text = textOf(await (await ctx.app.request(`/horing/${id}${query}`)).text());
      return ['B om krav 1', 'B om krav 2', 'A om krav 2'].sort((x, y) => text.indexOf(x) - text.indexOf(y));
    };
    expect(await order('')).toEqual(['B om krav 1', 'B om krav 2', 'A om krav 2']);
    expect(await order('?vis=organisasjon')).toEqual(['A om krav 2', 'B om krav 2', 'B om krav 1']);
    expect(await order('?vis=status')).toEqual(['B om krav 2', 'B om krav 1', 'A om krav 2']);
    const html = await (await ctx.app.request(`/horing/${id}?vis=organisasjon`)).text();
    expect(html).toMatch(/<h3[^>]*>Aforeningen<\/h3>/);
    const onlyB = textOf(await (await ctx.app.request(`/horing/${id}?organisasjon=${b.organisationId}&status=mottatt`)).text());
    expect(onlyB).toContain('2 kommentarer passer filteret.');
    expect(onlyB).not.toContain('A om krav 2');
    const onlyItem = textOf(await (await ctx.app.request(`/horing/${id}?punkt=${items[0]!.id}`)).text());
    expect(onlyItem).toContain('1 kommentar passer filteret.');
  });

  it('answers a round that does not exist, or a bad address, with a page that says so', async () => {
    expect((await ctx.app.request('/horing/99')).status).toBe(404);
    expect((await ctx.app.request('/horing/abc')).status).toBe(400);
    expect((await ctx.app.request('/horing/99/rapport')).status).toBe(404);
    expect((await ctx.app.request('/horing/1?vis=tid')).status).toBe(400);
    expect(ctx.errors).toEqual([]);
  });

  it('is in the main menu', async () => {
    const html = await (await ctx.app.request('/horing')).text();
    expect(html).toMatch(/<a class="ds-link" href="\/horing" aria-current="page">Høring<\/a>/);
  });
});
