import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { elementHref } from '../../../model/kinds.ts';
import { postForm, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';
import { basisOf, commentIdFrom, hiddenFields, makeRound, organisationMember, postComment } from '../../consultation-fixtures.ts';

/**
 * An accepted change proposal is written into the requirement's text by an architect: an ordinary
 * edit of the element (validated, versioned, audited), marked on the comment, or nothing at all.
 */
let ctx: TestContext;
let round: Awaited<ReturnType<typeof makeRound>>;
let member: Awaited<ReturnType<typeof organisationMember>>;
let architect: Record<string, string>;
/** A requirement, an element with a description, and one with only a name, all open for comment. */
let requirementItem: (typeof round.items)[number];
let describedItem: (typeof round.items)[number];
let bareItem: (typeof round.items)[number];

beforeEach(async () => {
  ctx = await testApp();
  const requirement = await ctx.db.selectFrom('requirement').select('element_id').orderBy('ref').executeTakeFirstOrThrow();
  const described = await ctx.db.selectFrom('element').select('id').where('kind', '!=', 'requirement').where('description', '!=', '').orderBy('id').executeTakeFirstOrThrow();
  const bare = await ctx.db.selectFrom('element').select('id').where('kind', '!=', 'requirement').where('description', '=', '').orderBy('id').executeTakeFirstOrThrow();
  round = await makeRound(ctx.db, { elements: [requirement.element_id, described.id, bare.id] });
  [requirementItem, describedItem, bareItem] = round.items as [typeof requirementItem, typeof requirementItem, typeof requirementItem];
  member = await organisationMember(ctx, 'Norsk Sykepleierforbund');
  architect = await signIn(ctx, 'architect');
});
afterEach(() => ctx.db.destroy());

const commentPath = (id: number) => `/horing/${round.id}/kommentarer/${id}`;
const applyPath = (id: number) => `${commentPath(id)}/innarbeid`;
const proposal = 'Journalløsningen skal omfatte alle kommunale helse- og omsorgstjenester, også legevakt.';

async function open(path: string, headers: Record<string, string>) {
  const res = await ctx.app.request(path, { headers });
  expect(res.status, path).toBe(200);
  return res.text();
}

/** A change proposal on the requirement, answered by the programme with `status`. */
async function answeredProposal(status: string, text = proposal, item = requirementItem) {
  const id = commentIdFrom(await postComment(ctx, round.id, { punkt: String(item.id), kind: 'endringsforslag', text: 'Legevakt må med.', proposal: text }, member.headers));
  expect(id).toBeGreaterThan(0);
  ctx.clock.advance({ minutes: 5 });
  const answered = await postForm(ctx, `${commentPath(id)}/behandling`, { ...(await basisOf(ctx.db, id)), status, answer: 'Vurdert.' }, architect);
  expect(answered.status).toBe(303);
  ctx.clock.advance({ minutes: 5 });
  return id;
}

const requirementRow = () =>
  ctx.db
    .selectFrom('requirement')
    .innerJoin('element', 'element.id', 'requirement.element_id')
    .select(['requirement.text', 'element.version', 'element.key', 'element.name', 'requirement.rationale', 'requirement.priority', 'requirement.status'])
    .where('element.id', '=', requirementItem.elementId!)
    .executeTakeFirstOrThrow();
const appliedMark = (id: number) =>
  ctx.db.selectFrom('consultation_comment').select(['applied_comment_version', 'applied_element_version', 'revision']).where('id', '=', id).executeTakeFirstOrThrow();
const updatesOf = (elementId: number) => ctx.db.selectFrom('audit_event').select(['action', 'details', 'after_json']).where('element_id', '=', elementId).where('action', '=', 'element.update').execute();

describe('applying an accepted proposal', () => {
  it('writes the text as an element edit, bumps the version, is audited and shows on the requirement, its history, the comment and the report', async () => {
    const id = await answeredProposal('delvis-tatt-til-folge');
    const before = await requirementRow();
    const page = await open(commentPath(id), architect);
    expect(textOf(page)).toContain('Bruk forslaget i kravteksten');
    const res = await postForm(ctx, applyPath(id), hiddenFields(page, applyPath(id)), architect);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${commentPath(id)}?lagret=innarbeidet`);
    expect(res.headers.get('HX-Trigger')).toBe('scopeChanged');

    const after = await requirementRow();
    expect(after.text).toBe(proposal);
    expect(after.version).toBe(before.version + 1);
    expect(await appliedMark(id)).toMatchObject({ applied_comment_version: 1, applied_element_version: before.version + 1 });
    const audits = await updatesOf(requirementItem.elementId!);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toContain(`høringskommentar ${id} fra Norsk Sykepleierforbund`);
    expect(JSON.parse(audits[0]!.after_json!)).toMatchObject({ text: proposal });

    const requirementPage = textOf(await open(elementHref('requirement', before.key), architect));
    expect(requirementPage).toContain(proposal);
    expect(requirementPage).toContain(`høringskommentar ${id}`);
    const commentPage = textOf(await open(`${commentPath(id)}?lagret=innarbeidet`, member.headers));
    expect(commentPage).toContain(`Innarbeidet i kravteksten (versjon ${before.version + 1})`);
    expect(commentPage).toContain('Forslaget er brukt i elementets tekst.');
    for (const path of [`/horing/${round.id}/rapport`, `/horing/${round.id}`]) expect(textOf(await open(path, member.headers)), path).toContain(`Innarbeidet i kravteksten (versjon ${before.version + 1})`);
    expect(await (await ctx.app.request(`/horing/${round.id}/rapport.csv`, { headers: member.headers })).text()).toContain(`Innarbeidet i kravteksten (versjon ${before.version + 1})`);
    // Done is done: the architect is no longer offered it, and a second post is refused.
    expect(textOf(await open(commentPath(id), architect))).not.toContain('Bruk forslaget i kravteksten');
    const again = await postForm(ctx, applyPath(id), { elementVersion: String(after.version), commentVersion: '1' }, architect);
    expect(again.status).toBe(409);
    expect((await requirementRow()).version).toBe(after.version);
  });

  it('writes a proposal on an element with a description into the description', async () => {
    const description = 'En ny beskrivelse som organisasjonen foreslår.';
    const id = await answeredProposal('tatt-til-folge', description, describedItem);
    const page = await open(commentPath(id), architect);
    expect(textOf(page)).toContain('Bruk forslaget i beskrivelsen');
    const versionBefore = (await ctx.db.selectFrom('element').select('version').where('id', '=', describedItem.elementId!).executeTakeFirstOrThrow()).version;
    expect((await postForm(ctx, applyPath(id), hiddenFields(page, applyPath(id)), architect)).status).toBe(303);
    const element = await ctx.db.selectFrom('element').select(['description', 'version']).where('id', '=', describedItem.elementId!).executeTakeFirstOrThrow();
    expect(element).toEqual({ description, version: versionBefore + 1 });
    expect(textOf(await open(commentPath(id), member.headers))).toContain(`Innarbeidet i beskrivelsen (versjon ${versionBefore + 1})`);
  });

  it('writes nothing when the requirement changed after the page was opened, and shows the current text beside the proposal', async () => {
    const id = await answeredProposal('tatt-til-folge');
    const page = await open(commentPath(id), architect);
    // Another architect edits the requirement through its form meanwhile.
    const row = await requirementRow();
    const edited = 'Journalløsningen skal omfatte alle kommunale tjenester, også helsestasjon.';
    const edit = await postForm(ctx, elementHref('requirement', row.key), { name: row.name, text: edited, rationale: row.rationale, priority: row.priority, status: row.status, version: String(row.version) }, architect);
    expect(edit.status).toBe(303);

    const res = await postForm(ctx, applyPath(id), hiddenFields(page, applyPath(id)), architect);
    expect(res.status).toBe(409);
    const text = textOf(await res.text());
    expect(text).toContain(`du så versjon ${row.version}, nå er den versjon ${row.version + 1}`);
    expect(text).toContain('Ingenting er lagret');
    expect(text).toContain(edited);
    expect(text).toContain('også legevakt');
    expect(await requirementRow()).toMatchObject({ text: edited, version: row.version + 1 });
    expect(await appliedMark(id)).toMatchObject({ applied_comment_version: null, applied_element_version: null });
    expect((await updatesOf(requirementItem.elementId!)).filter((a) => a.details !== null)).toEqual([]);
  });

  it('is refused with 409 unless the comment is accepted or partly accepted', async () => {
    for (const status of ['ikke-tatt-til-folge', 'under-vurdering']) {
      const id = await answeredProposal(status);
      const row = await requirementRow();
      expect(textOf(await open(commentPath(id), architect))).toContain('Forslaget kan brukes i kravteksten når kommentaren er tatt til følge eller delvis tatt til følge.');
      const res = await postForm(ctx, applyPath(id), { elementVersion: String(row.version), commentVersion: '1' }, architect);
      expect(res.status, status).toBe(409);
      expect(textOf(await res.text())).toContain('Bare forslag som er tatt til følge eller delvis tatt til følge, kan innarbeides.');
      expect(await requirementRow()).toEqual(row);
      expect(await appliedMark(id)).toMatchObject({ applied_comment_version: null });
    }
  });

  it('is for architects only', async () => {
    const id = await answeredProposal('tatt-til-folge');
    const row = await requirementRow();
    for (const headers of [member.headers, await signIn(ctx, 'reader'), await signIn(ctx, 'administrator')]) {
      expect(textOf(await open(commentPath(id), headers))).not.toContain('Bruk forslaget');
      const res = await postForm(ctx, applyPath(id), { elementVersion: String(row.version), commentVersion: '1' }, headers);
      expect(res.status).toBe(403);
    }
    expect(await requirementRow()).toEqual(row);
  });

  it('refuses a proposed text the requirement rules refuse (422), writing nothing', async () => {
    const id = await answeredProposal('tatt-til-folge', 'Journalløsningen bør omfatte legevakt.');
    const row = await requirementRow();
    const page = await open(commentPath(id), architect);
    const res = await postForm(ctx, applyPath(id), hiddenFields(page, applyPath(id)), architect);
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain('Et krav er et «skal»-utsagn: teksten må inneholde «skal». Ingenting er lagret.');
    expect(await requirementRow()).toEqual(row);
    expect(await appliedMark(id)).toMatchObject({ applied_comment_version: null });
    expect(await updatesOf(requirementItem.elementId!)).toEqual([]);
  });

  it('answers 409 when the organisation rewrote the comment after the page was opened', async () => {
    const id = await answeredProposal('tatt-til-folge');
    const page = await open(commentPath(id), architect);
    const row = await requirementRow();
    await ctx.db.updateTable('consultation_comment').set({ version: 2, proposal: 'Journalløsningen skal omfatte alt.' }).where('id', '=', id).execute();
    const res = await postForm(ctx, applyPath(id), hiddenFields(page, applyPath(id)), architect);
    expect(res.status).toBe(409);
    expect(textOf(await res.text())).toContain('Kommentaren er endret etter at du åpnet siden.');
    expect(await requirementRow()).toEqual(row);
  });
});

describe('the proposed wording', () => {
  it('is offered where the element has a requirement text or a description, prefilled with it', async () => {
    const form = await open(`/horing/${round.id}/kommentarer/ny?punkt=${requirementItem.id}`, member.headers);
    expect(form).toContain('name="proposal"');
    expect(form).toContain('value="endringsforslag"');
    expect(textOf(form)).toContain('skriv hele kravteksten slik dere foreslår den');
    const described = await open(`/horing/${round.id}/kommentarer/ny?punkt=${describedItem.id}`, member.headers);
    expect(described).toContain('name="proposal"');
    expect(textOf(described)).toContain('skriv hele beskrivelsen slik dere foreslår den');
    // The word diff compares with the description.
    const preview = await postComment(ctx, round.id, { punkt: String(describedItem.id), kind: 'endringsforslag', text: 'Se forslaget.', proposal: 'Helt ny beskrivelse.', handling: 'forhandsvis' }, member.headers);
    const diff = textOf(await preview.text());
    expect(diff).toContain('[lagt til: Helt ny beskrivelse ]');
    expect(diff).toMatch(/\[slettet: [^\]]+\]/);
  });

  it('is absent for an element with only a name, and refused beside the field if posted anyway', async () => {
    const form = await open(`/horing/${round.id}/kommentarer/ny?punkt=${bareItem.id}`, member.headers);
    expect(form).not.toContain('name="proposal"');
    expect(form).not.toContain('value="endringsforslag"');
    expect(textOf(form)).toContain('Elementet har ingen kravtekst eller beskrivelse');

    const count = async () => Number((await ctx.db.selectFrom('consultation_comment').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const posted = await postComment(ctx, round.id, { punkt: String(bareItem.id), kind: 'endringsforslag', text: 'Bytt navn.', proposal: 'Et nytt navn' }, member.headers);
    expect(posted.status).toBe(422);
    const html = await posted.text();
    expect(html).toContain('name="proposal"');
    expect(textOf(html)).toContain('Elementet har ingen kravtekst eller beskrivelse som et forslag kan erstatte.');
    const kindOnly = await postComment(ctx, round.id, { punkt: String(bareItem.id), kind: 'endringsforslag', text: 'Bytt navn.' }, member.headers);
    expect(kindOnly.status).toBe(422);
    expect(textOf(await kindOnly.text())).toContain('Velg en annen type kommentar.');
    expect(await count()).toBe(0);
    // Other kinds of comment are still welcome.
    expect((await postComment(ctx, round.id, { punkt: String(bareItem.id), kind: 'sporsmal', text: 'Hva betyr dette?' }, member.headers)).status).toBe(303);
  });
});
