import { beforeEach, describe, expect, it } from 'vitest';
import { elementKinds, kindInfo, type ElementKind } from '../../model/kinds.ts';
import { loadScopeModel } from '../../src/db/queries/model.ts';
import { addComments, makeRound, organisationMember } from '../consultation-fixtures.ts';
import { htmx, postForm, postShown, sameOrigin, signIn, testApp, textOf, type TestContext } from '../helpers.ts';
import { frozenIds, openRound } from './review/helpers.ts';

let ctx: TestContext;
/** The signed-in architect's session cookie. */
let architect: { Cookie: string };
beforeEach(async () => {
  ctx = await testApp();
  architect = await signIn(ctx, 'architect');
});

/** A form post from our own page (repeated fields allowed), as the architect with htmx unless told otherwise. */
async function post(path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = { ...htmx, ...architect }) {
  // A matrix cell's editor carries what the cell showed; a post "from the page" opens the editor first.
  if (path.endsWith('/celle') && !('vist' in fields) && !('version' in fields)) fields = { ...(await cellShown(path, fields)), ...fields };
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return ctx.app.request(path, { method: 'POST', body, headers: { ...sameOrigin, ...headers, 'Content-Type': 'application/x-www-form-urlencoded' } });
}
/** The hidden fields (`vist`, `version`) of a cell's editor, as the architect's browser would have them. */
async function cellShown(path: string, fields: Record<string, string | string[]>): Promise<Record<string, string>> {
  const query = new URLSearchParams(Object.entries(fields).filter(([k]) => ['service', 'group', 'actor'].includes(k)) as Array<[string, string]>);
  const html = await (await ctx.app.request(`${path}?${query}`, { headers: architect })).text();
  return Object.fromEntries([...html.matchAll(/<input type="hidden" name="(vist|version)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}
const get = (path: string, headers: Record<string, string> = {}) => ctx.app.request(path, { headers: { ...architect, ...headers } });
const count = async () => Number((await ctx.db.selectFrom('element').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const element = (kind: ElementKind, key: string) =>
  ctx.db.selectFrom('element').selectAll().where('kind', '=', kind).where('key', '=', key).executeTakeFirst();

/** A delete from the element's page, which carries the version the architect saw. */
const remove = (path: string, version = '1') => post(`${path}/slett`, { version });
/** The fingerprint a delete confirmation carries. */
const confirmationIn = (html: string) => /name="confirm" value="([0-9a-f]{16})"/.exec(html)?.[1] ?? '';

/** A valid new element of each kind, as a form posts it. */
const valid: Record<ElementKind, Record<string, string>> = {
  solutionPart: { name: 'Ny løsningsdel' },
  personnelGroup: { name: 'Jordmortjeneste', description: 'Kommunal jordmortjeneste' },
  task: { name: 'Dokumentere helsehjelp' },
  capability: { name: 'Håndtere samtykke', parent: 'dokumentasjon-av-forlop-og-tilstand', solutionPart: 'felles-journallosning' },
  informationCategory: { name: 'Vaksiner' },
  informationService: { name: 'Vaksinasjonsstatus', category: 'legemidler-og-vaksiner', tier: '2023', tentative: 'on' },
  deliveryTier: { name: 'Senere leveranser', firstDelivery: '' },
  collaborationMode: { name: 'Abonnere' },
  actor: { name: 'Private tjenesteytere' },
  needLevel: { name: 'Svært stort behov', rank: '4' },
  goal: { name: 'Mindre dobbeltregistrering' },
  roadmapPhase: { name: 'Videreutvikling', startsOn: '2031-01-01', endsOn: '2033-12-31' },
  milestone: { name: 'Alle kommuner innført', startsOn: '2030-06-30', phase: 'innforing-drift-og-forvaltning' },
  decisionPoint: { name: 'Hva skal med i neste leveranse?', startsOn: '2027-01-01', track: 'samhandling', number: '4', phase: 'innforing-drift-og-forvaltning' },
  stakeholder: { name: 'Legeforeningen' },
  nationalProject: {
    name: 'Pasientens legemiddelliste',
    projectNo: '200',
    priorityCategory: '1',
    ownerOrganisation: 'E-helse',
    owner: 'Ola Nordmann',
    phase: 'Konsept',
    strategicArea: '2 Bedre sammenheng i pasientforløp',
    focusArea: '2.2 Dele oppdaterte legemiddelopplysninger',
    status: 'Gul',
    budgetMnok: '12,5',
  },
  requirement: { name: 'Logg over innsyn', text: 'Løsningen skal logge hvem som har sett journalen.', priority: 'must', status: 'proposed' },
  journalInterface: { name: 'Grensesnitt mot kommunalt arkiv', provenance: 'inferred', provenanceNote: 'Arkivering er en kommunal administrativ funksjon.' },
  region: { name: 'Svalbard', recordSolution: 'felles-kommunal-journal' },
  nationalSolution: { name: 'Helsenorge' },
  risk: { name: 'Manglende kapasitet hos leverandørene' },
  guideline: { name: 'Gjenbruk nasjonale løsninger', provenance: 'stated' },
};

describe('create, edit and delete every kind in place', () => {
  it.each(elementKinds)('%s', async (kind) => {
    const path = `/${kindInfo[kind].path}`;
    // Create: the form comes back ready for the next one, and the lists are told to redraw.
    const created = await post(path, valid[kind]);
    expect(created.status, await created.clone().text()).toBe(200);
    expect(created.headers.get('hx-trigger')).toBe('scopeChanged');
    const html = await created.text();
    expect(html).not.toContain('<html');
    expect(textOf(html)).toContain('Opprettet');
    const key = /href="\/[a-z-]+\/([a-z0-9-]+)"/.exec(html.slice(html.indexOf('Opprettet')))![1]!;
    const row = await element(kind, key);
    expect(row?.name).toBe(valid[kind].name);
    expect(row?.version).toBe(1);

    // Edit: the form is there, a save returns the page content with the new name.
    const form = await get(`${path}/${key}/rediger`, htmx);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('name="version" value="1"');
    const saved = await post(`${path}/${key}`, { ...valid[kind], name: `${valid[kind].name} (endret)`, version: '1' });
    expect(saved.status).toBe(200);
    expect(textOf(await saved.text())).toContain(`${valid[kind].name} (endret)`);
    expect((await element(kind, key))?.version).toBe(2);

    // Delete: nothing depends on a new element, so it goes at once and the list is shown.
    const deleted = await remove(`${path}/${key}`, '2');
    expect(deleted.status).toBe(204);
    expect(deleted.headers.get('hx-redirect')).toBe(path);
    expect(await element(kind, key)).toBeUndefined();
  });

  it('gives requirements a readable number that is never reused', async () => {
    const first = await post('/krav', valid.requirement);
    expect(textOf(await first.text())).toContain('Opprettet');
    expect(await ctx.db.selectFrom('requirement').select('ref').where('ref', '=', 'AKS-0011').executeTakeFirst()).toBeDefined();
    expect((await remove('/krav/aks-0011')).status).toBe(204);
    await post('/krav', { ...valid.requirement, name: 'Enda et krav' });
    const refs = (await ctx.db.selectFrom('requirement').select('ref').orderBy('ref').execute()).map((r) => r.ref);
    expect(refs).toContain('AKS-0012');
    expect(refs).not.toContain('AKS-0011');
    const page = textOf(await (await get('/krav/aks-0012')).text());
    expect(page).toContain('AKS-0012 Enda et krav');
  });

  it('works without JavaScript: a plain form post redirects to the new element', async () => {
    const res = await post('/mal', { name: 'Bedre kvalitet' }, architect);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/mal/bedre-kvalitet');
  });

  it('never gives out a key that would shadow the workspace paths', async () => {
    await post('/mal', { name: 'Ny' });
    expect(await element('goal', 'ny')).toBeUndefined();
    expect(await element('goal', 'ny-2')).toBeDefined();
  });
});

describe('only architects change the scope', () => {
  it.each(['anonymous', 'reader', 'municipality', 'organisation', 'administrator'] as const)('%s is refused and nothing is written', async (who) => {
    const before = await count();
    const cookie = who === 'anonymous' ? {} : await signIn(ctx, who);
    const res = await post('/mal', { name: 'Uønsket mål' }, { ...htmx, ...cookie });
    expect([401, 403]).toContain(res.status);
    expect((await post('/matriser/personellgrupper/celle', { service: 'multidose', group: 'legevakt', usage: 'both' }, { ...htmx, ...cookie })).status).not.toBe(200);
    expect(await count()).toBe(before);
    // The pages show no workspace controls to them.
    const page = await ctx.app.request('/informasjonskategorier', { headers: cookie });
    expect(await page.text()).not.toContain('Ny informasjonskategori');
  });

  it('shows the controls to architects', async () => {
    const html = await (await get('/informasjonskategorier')).text();
    expect(html).toContain('Ny informasjonskategori');
    expect(html).toContain('Flytt «Plan» opp');
  });
});

describe('history', () => {
  it('shows who changed which field when, from the audit log', async () => {
    ctx.clock.set('2026-06-30T22:30:00Z'); // past midnight in Norway, in summer time
    const base = { name: 'Multidose', category: 'legemidler-og-vaksiner', tier: '2023', tierTentative: 'on', tentative: 'on', version: '1' };
    await post('/informasjonstjenester/multidose', { ...base, description: 'Maskinell dosepakking' });
    await post('/informasjonstjenester/multidose/koblinger', { version: '2', goals: 'involverte-pasienter' });
    await post('/matriser/personellgrupper/celle', { service: 'multidose', group: 'legevakt', usage: 'reads' });
    const html = await (await get('/informasjonstjenester/multidose')).text();
    const history = textOf(html.slice(html.indexOf('id="historikk"')));
    expect(history).toContain('Element endret');
    expect(history).toContain('Beskrivelse Multidose Maskinell dosepakking');
    expect(history).toContain('Mål – Involverte pasienter');
    expect(history).toContain('Kobling til tjenesteområde endret');
    expect(history).toContain('1. juli 2026 kl. 00:30');
    const name = (await ctx.db.selectFrom('app_user').select('name').where('role', '=', 'architect').executeTakeFirstOrThrow()).name;
    expect(history).toContain(name);
    // Newest first.
    expect(history.indexOf('Kobling til tjenesteområde endret')).toBeLessThan(history.indexOf('Element endret'));
    // Anonymous readers see the page, not who changed it.
    const anonymous = await ctx.app.request('/informasjonstjenester/multidose');
    expect(await anonymous.text()).not.toContain('id="historikk"');
  });

  it('shows labels and names where the log keeps codes and keys', async () => {
    const base = { name: 'Multidose', category: 'legemidler-og-vaksiner', tier: '2023', tierTentative: 'on', tentative: 'on' };
    const version = String((await ctx.db.selectFrom('element').select('version').where('key', '=', 'multidose').executeTakeFirstOrThrow()).version);
    await post('/informasjonstjenester/multidose', { ...base, tier: 'forste-leveranse', version });
    await post('/matriser/personellgrupper/celle', { service: 'multidose', group: 'legevakt', usage: 'both' });
    const html = await (await get('/informasjonstjenester/multidose')).text();
    const history = textOf(html.slice(html.indexOf('id="historikk"')));
    expect(history).toContain('Leveransetrinn Innen 2023 Første leveranse');
    expect(history).toContain('Legevakt – Leser og dokumenterer');
    expect(history).not.toMatch(/forste-leveranse|legevakt|\bboth\b/);
  });

  it('speaks English in the English interface: actions, fields and options by their English labels', async () => {
    const base = { name: 'Multidose', category: 'legemidler-og-vaksiner', tier: '2023', tierTentative: 'on', tentative: 'on' };
    const version = String((await ctx.db.selectFrom('element').select('version').where('key', '=', 'multidose').executeTakeFirstOrThrow()).version);
    await post('/informasjonstjenester/multidose', { ...base, tier: 'forste-leveranse', version });
    await post('/matriser/personellgrupper/celle', { service: 'multidose', group: 'legevakt', usage: 'both' });
    const html = await (await get('/informasjonstjenester/multidose', { 'Accept-Language': 'en' })).text();
    const history = textOf(html.slice(html.indexOf('id="historikk"')));
    expect(history).toContain('History');
    expect(history).toContain('Element changed');
    expect(history).toContain('Link to a service area changed');
    expect(history).toContain('Delivery tier');
    expect(history).toContain('Legevakt – Reads and records');
    expect(history).not.toMatch(/Element endret|Leveransetrinn|Leser og dokumenterer/);
  });
});

describe('invalid input', () => {
  it.each([
    ['/informasjonstjenester', { name: '', category: '' }, ['Navnet må fylles ut.', 'Velg en informasjonskategori.']],
    ['/informasjonstjenester', { name: 'X', category: 'finnes-ikke' }, ['Fant ingen informasjonskategori med nøkkelen «finnes-ikke».']],
    ['/faser', { name: 'Fase', startsOn: '2030-01-01', endsOn: '2029-01-01' }, ['Sluttdatoen kan ikke komme før startdatoen.']],
    ['/faser', { name: 'Fase', startsOn: '2030-02-30', endsOn: '2031-01-01' }, ['Datoen finnes ikke.']],
    ['/behovsnivaer', { name: 'Nivå', rank: 'tre' }, ['Rangen må være et heltall.']],
    ['/krav', { name: 'Krav', text: 'Løsningen bør være rask.', priority: 'must', status: 'draft' }, ['teksten må inneholde «skal»']],
    ['/krav', { name: 'Krav', text: 'Den skal.', priority: 'viktig', status: 'draft' }, ['Velg prioritet.']],
    ['/portefolje', { ...valid.nationalProject, projectNo: '11' }, ['Prosjekt-ID 11 er allerede brukt.']],
    ['/portefolje', { ...valid.nationalProject, budgetMnok: 'mye' }, ['Budsjettet må være et tall']],
    ['/mal', { name: 'x'.repeat(501) }, ['Navnet kan være på høyst 500 tegn.']],
    ['/portefolje', { ...valid.nationalProject, budgetMnok: '9'.repeat(400) }, ['Budsjettet må være et tall mellom 0 og 1 000 000 MNOK.']],
  ] as Array<[string, Record<string, string>, string[]]>)('%s %o answers 422 beside the field and writes nothing', async (path, fields, messages) => {
    const before = await count();
    const res = await post(path, fields);
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const m of messages) expect(textOf(html)).toContain(m);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('class="ds-error-summary"');
    // What was typed is kept.
    if (fields.name) expect(html).toContain(`value="${fields.name.slice(0, 50)}`);
    expect(await count()).toBe(before);
  });

  it('says what is wrong in the reader’s language: the same refusals in English', async () => {
    const english = { ...htmx, ...architect, 'Accept-Language': 'en' };
    const service = textOf(await (await post('/informasjonstjenester', { name: '', category: '' }, english)).text());
    expect(service).toContain('The name must be filled in.');
    expect(service).toContain('Choose an information category.');
    const level = textOf(await (await post('/behovsnivaer', { name: 'Level\nTwo', rank: 'tre' }, english)).text());
    expect(level).toContain('The name must be on one line (no line breaks).');
    expect(level).toContain('The rank must be a whole number.');
    const phase = textOf(await (await post('/faser', { name: 'Phase', startsOn: '2030-02-30', endsOn: '2031-01-01' }, english)).text());
    expect(phase).toContain('That date does not exist.');
    expect(`${service} ${level} ${phase}`).not.toMatch(/må fylles ut|Velg en|heltall|finnes ikke|validation\./);
  });

  it('refuses an edit without a version, and an unknown element', async () => {
    const res = await post('/informasjonstjenester/multidose', { name: 'Multidose', category: 'legemidler-og-vaksiner' });
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain('Skjemaet mangler versjon');
    expect((await post('/informasjonstjenester/finnes-ikke', { name: 'X', category: 'plan', version: '1' })).status).toBe(404);
    expect((await element('informationService', 'multidose'))?.version).toBe(1);
  });
});

describe('no lost updates', () => {
  it('shows a conflict with both values when the form is based on an old version, and writes nothing', async () => {
    const base = { name: 'Multidose', category: 'legemidler-og-vaksiner', tier: '2023', tierTentative: 'on', tentative: 'on', version: '1' };
    expect((await post('/informasjonstjenester/multidose', { ...base, description: 'Endret av Kari' })).status).toBe(200);
    const stale = await post('/informasjonstjenester/multidose', { ...base, description: 'Endret av Ola' });
    expect(stale.status).toBe(409);
    const text = textOf(await stale.text());
    expect(text).toContain('Noen andre har endret dette elementet');
    expect(text).toContain('Endret av Ola');
    expect(text).toContain('Endret av Kari');
    const row = await ctx.db.selectFrom('element').select(['description', 'version']).where('key', '=', 'multidose').executeTakeFirstOrThrow();
    expect(row).toEqual({ description: 'Endret av Kari', version: 2 });

    // Choosing "keep mine" posts again against the current version.
    expect((await post('/informasjonstjenester/multidose', { ...base, description: 'Endret av Ola', version: '2' })).status).toBe(200);
    expect((await element('informationService', 'multidose'))?.description).toBe('Endret av Ola');
  });

  it('counts a change of links as a change: an edit form opened before it conflicts', async () => {
    await post('/informasjonstjenester/multidose/koblinger', { version: '1', goals: 'involverte-pasienter' });
    const res = await post('/informasjonstjenester/multidose', {
      name: 'Multidose (endret)',
      category: 'legemidler-og-vaksiner',
      tier: '2023',
      version: '1',
    });
    expect(res.status).toBe(409);
    expect((await element('informationService', 'multidose'))?.name).toBe('Multidose');
  });
});

describe('deleting what others depend on', () => {
  it('shows exactly what else would go and deletes nothing until confirmed', async () => {
    const before = await count();
    const res = await remove('/funksjonsomrader/dokumentasjon-av-forlop-og-tilstand');
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = textOf(html);
    expect(text).toContain('Slettes også (8)');
    expect(text).toContain('Håndtere klinisk historikk');
    expect(await count()).toBe(before);

    const category = await remove('/informasjonskategorier/plan');
    const categoryText = textOf(await category.text());
    expect(categoryText).toContain('mister koblingen (5)');
    expect(categoryText).toContain('Individuell plan mister informasjonskategori');
    expect(await count()).toBe(before);

    const confirmed = await post('/funksjonsomrader/dokumentasjon-av-forlop-og-tilstand/slett', { confirm: confirmationIn(html) });
    expect(confirmed.status).toBe(204);
    expect(await count()).toBe(before - 9);
  });

  it('shows the impact again, and deletes nothing, when something changed after it was shown', async () => {
    const shown = await (await remove('/informasjonskategorier/plan')).text();
    expect(textOf(shown)).toContain('mister koblingen (5)');
    // Another architect moves a service into the category meanwhile.
    await post('/informasjonstjenester/flytt', { services: 'multidose:1', category: 'plan' });
    const stale = await post('/informasjonskategorier/plan/slett', { confirm: confirmationIn(shown) });
    expect(stale.status).toBe(200);
    const again = await stale.text();
    expect(textOf(again)).toContain('Noe har endret seg siden du så dette, så ingenting er slettet.');
    expect(textOf(again)).toContain('mister koblingen (6)');
    expect(await element('informationCategory', 'plan')).toBeDefined();
    expect((await post('/informasjonskategorier/plan/slett', { confirm: confirmationIn(again) })).status).toBe(204);
    expect(await element('informationCategory', 'plan')).toBeUndefined();
  });

  it('refuses a delete from a page showing an older version', async () => {
    await post('/mal', { name: 'Bedre kvalitet' });
    await post('/mal/bedre-kvalitet', { name: 'Bedre kvalitet i tjenestene', version: '1' });
    const res = await remove('/mal/bedre-kvalitet', '1');
    expect(res.status).toBe(409);
    expect(await element('goal', 'bedre-kvalitet')).toBeDefined();
    expect((await post('/mal/bedre-kvalitet/slett', {})).status).toBe(400);
  });

  it('says which consultation comments stay, with the element’s name, when a requirement goes', async () => {
    const round = await makeRound(ctx.db);
    const member = await organisationMember(ctx, 'Pasientforeningen');
    const item = round.items.find((i) => i.key === 'aks-0005')!;
    await addComments(ctx.db, [{ roundId: round.id, itemId: item.id, organisationId: member.organisationId, text: 'Stegvis er bra.' }]);
    const html = await (await remove('/krav/aks-0005')).text();
    expect(textOf(html)).toContain('1 høringskommentar, som blir stående med elementets navn');
    expect(await element('requirement', 'aks-0005')).toBeDefined();
    expect((await post('/krav/aks-0005/slett', { confirm: confirmationIn(html) })).status).toBe(204);
    const kept = await ctx.db.selectFrom('consultation_item').select(['element_id', 'element_name']).where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(kept).toEqual({ element_id: null, element_name: 'Stegvis gjennomføring' });
    expect(await ctx.db.selectFrom('consultation_comment').select('text').where('item_id', '=', item.id).execute()).toEqual([{ text: 'Stegvis er bra.' }]);
  });

  it('says which municipalities’ stances stay, with the service’s name, when a service goes', async () => {
    const round = await openRound(ctx);
    const ids = await frozenIds(ctx, round);
    const oslo = await signIn(ctx, 'municipality');
    const sent = await postShown(ctx, `/vurdering/runder/${round}/kommuner/0301`, { handling: 'send', [`standpunkt-${ids.multidose}`]: 'supports' }, oslo);
    expect(sent.status).toBe(303);
    const text = textOf(await (await remove('/informasjonstjenester/multidose')).text());
    expect(text).toContain('1 kommunes standpunkt i vurderingsrunder, som blir stående med tjenestens navn');
    expect(await element('informationService', 'multidose')).toBeDefined();
  });

  it('counts the links that go with a service', async () => {
    await post('/matriser/personellgrupper/celle', { service: 'multidose', group: 'legevakt', usage: 'both' });
    await post('/matriser/aktorer/celle', { service: 'multidose', actor: 'innbygger', 'mode-sende-og-motta': 'nye' });
    const text = textOf(await (await remove('/informasjonstjenester/multidose')).text());
    expect(text).toContain('1 kobling mellom informasjonstjeneste, aktør og samhandlingsform');
    expect(text).toContain('1 kobling mellom informasjonstjeneste og tjenesteområde');
  });
});

describe('the capability tree', () => {
  it('refuses to move a capability under itself or its own descendant', async () => {
    const base = { name: 'Dokumentasjon av forløp og tilstand', solutionPart: 'felles-journallosning', version: '1' };
    for (const parent of ['dokumentasjon-av-forlop-og-tilstand', 'klinisk-historikk']) {
      const res = await post('/funksjonsomrader/dokumentasjon-av-forlop-og-tilstand', { ...base, parent });
      expect(res.status).toBe(422);
      expect(textOf(await res.text())).toContain('kan ikke ligge under seg selv eller under et av sine egne underområder');
    }
    const row = await ctx.db.selectFrom('capability').innerJoin('element', 'element.id', 'capability.element_id').select('parent_id').where('key', '=', 'dokumentasjon-av-forlop-og-tilstand').executeTakeFirstOrThrow();
    expect(row.parent_id).toBeNull();
  });

  it('refuses the second of two moves sent at once that together would make a loop', async () => {
    const move = (key: string, name: string, parent: string) => post(`/funksjonsomrader/${key}`, { name, parent, version: '1' });
    const [a, b] = await Promise.all([move('ppt', 'PPT', 'nav'), move('nav', 'NAV', 'ppt')]);
    expect([a.status, b.status].sort()).toEqual([200, 422]);
    const model = await loadScopeModel(ctx.db);
    const byKey = new Map(model.elements.capability.map((c) => [c.key, c]));
    expect(byKey.get('ppt')!.parentId === byKey.get('nav')!.id && byKey.get('nav')!.parentId === byKey.get('ppt')!.id).toBe(false);
    expect((await get('/')).status).toBe(200);
  });

  it('moves a capability under another parent', async () => {
    const res = await post('/funksjonsomrader/nav', { name: 'NAV', parent: 'samhandling-med-innbygger', version: '1' });
    expect(res.status).toBe(200);
    const model = await loadScopeModel(ctx.db);
    const nav = model.elements.capability.find((c) => c.key === 'nav')!;
    expect(model.elements.capability.find((c) => c.id === nav.parentId)?.key).toBe('samhandling-med-innbygger');
  });

  it('orders siblings up and down, and the page shows the new order', async () => {
    const order = async () => {
      const model = await loadScopeModel(ctx.db);
      return [...model.elements.informationCategory].sort((a, b) => a.position - b.position || a.id - b.id).map((c) => c.key);
    };
    expect((await order()).slice(0, 2)).toEqual(['legemidler-og-vaksiner', 'journaldokumenter']);
    const place = async (key: string) => String((await element(key === 'klinisk-historikk' ? 'capability' : 'informationCategory', key))!.position);
    const shown = await place('journaldokumenter');
    const res = await post('/informasjonskategorier/journaldokumenter/flytt', { retning: 'opp', plass: shown });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/aria-label="Flytt «Journaldokumenter» opp"[^>]*autofocus/);
    expect((await order()).slice(0, 2)).toEqual(['journaldokumenter', 'legemidler-og-vaksiner']);
    // The same button again, from the list as it was: refused, the list redrawn as it is now, nothing moved.
    const stale = await post('/informasjonskategorier/journaldokumenter/flytt', { retning: 'opp', plass: shown });
    expect(stale.status).toBe(409);
    expect((await order()).slice(0, 2)).toEqual(['journaldokumenter', 'legemidler-og-vaksiner']);
    expect((await post('/informasjonskategorier/journaldokumenter/flytt', { retning: 'opp' })).status).toBe(422);
    expect((await post('/informasjonskategorier/journaldokumenter/flytt', { retning: 'sidelengs' })).status).toBe(400);
    const tree = await post('/funksjonsomrader/klinisk-historikk/flytt', { retning: 'opp', plass: await place('klinisk-historikk') });
    expect(tree.status).toBe(200);
    const html = await tree.text();
    expect(html.indexOf('Håndtere klinisk historikk')).toBeLessThan(html.indexOf('Håndtere klinisk dokumentasjon'));
  });
});

describe('links', () => {
  it('sets and clears a personnel cell, and the gap panel is told to redraw', async () => {
    const set = await post('/matriser/personellgrupper/celle', { service: 'multidose', group: 'fastleger', usage: 'reads' });
    expect(set.status).toBe(200);
    expect(set.headers.get('hx-trigger')).toBe('linksChanged');
    expect(await set.text()).toContain('Multidose × Fastleger: leser. Endre.');
    let panel = textOf(await (await get('/gapanalyse/panel?for=personell', htmx)).text());
    expect(panel).toContain('uten tjenesteområde: 33');
    const cleared = await post('/matriser/personellgrupper/celle', { service: 'multidose', group: 'fastleger', usage: '' });
    expect(await cleared.text()).toContain('ingen kobling');
    panel = textOf(await (await get('/gapanalyse/panel?for=personell', htmx)).text());
    expect(panel).toContain('uten tjenesteområde: 34');
    expect((await post('/matriser/personellgrupper/celle', { service: 'multidose', group: 'fastleger', usage: 'writes' })).status).toBe(422);
  });

  it('sets modes and need levels in an actor cell', async () => {
    const res = await post('/matriser/aktorer/celle', {
      service: 'multidose',
      actor: 'spesialisthelsetjenesten',
      'mode-sla-opp-og-tilgjengeliggjore': 'lite',
      'mode-sende-og-motta': 'uvurdert',
      'mode-endre-og-dele': '',
    });
    expect(res.status).toBe(200);
    const model = await loadScopeModel(ctx.db);
    expect(model.links.serviceExchanges).toHaveLength(2);
    expect(model.links.serviceExchanges.filter((l) => l.needLevelId === null)).toHaveLength(1);
    const bad = await post('/matriser/aktorer/celle', { service: 'multidose', actor: 'innbygger', 'mode-sende-og-motta': 'enormt' });
    expect(bad.status).toBe(422);
    expect(textOf(await bad.text())).toContain('Fant ingen behovsnivå med nøkkelen «enormt»');
  });

  it('refuses a cell saved from a stale editor with 409, shows what the cell holds now, and writes nothing', async () => {
    const personnel = await cellShown('/matriser/personellgrupper/celle', { service: 'multidose', group: 'fastleger' });
    expect(personnel).toEqual({ vist: '' });
    expect((await post('/matriser/personellgrupper/celle', { service: 'multidose', group: 'fastleger', usage: 'reads', ...personnel })).status).toBe(200);
    const stale = await post('/matriser/personellgrupper/celle', { service: 'multidose', group: 'fastleger', usage: 'both', ...personnel });
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain('Noen andre har endret cellen etter at du åpnet den. Ingenting er lagret. Nå: Leser.');
    const usage = async () => (await loadScopeModel(ctx.db)).links.servicePersonnelGroups.map((l) => l.usage);
    expect(await usage()).toEqual(['reads']);
    // Without what the editor showed, the post is not from our page.
    expect((await post('/matriser/personellgrupper/celle', { service: 'multidose', group: 'fastleger', usage: 'both', vist: 'alt' })).status).toBe(422);

    const exchange = await cellShown('/matriser/aktorer/celle', { service: 'multidose', actor: 'innbygger' });
    expect(exchange.version).toMatch(/^[0-9a-z]+-[0-9a-f]{16}$/);
    expect((await post('/matriser/aktorer/celle', { service: 'multidose', actor: 'innbygger', 'mode-sende-og-motta': 'nye', ...exchange })).status).toBe(200);
    const staleExchange = await post('/matriser/aktorer/celle', { service: 'multidose', actor: 'innbygger', 'mode-sende-og-motta': '', ...exchange });
    expect(staleExchange.status).toBe(409);
    expect(textOf(await staleExchange.text())).toContain('Ingenting er lagret. Nå: Sende og motta');
    expect((await loadScopeModel(ctx.db)).links.serviceExchanges).toHaveLength(1);
    const noVersion = await ctx.app.request('/matriser/aktorer/celle', {
      method: 'POST',
      body: new URLSearchParams({ service: 'multidose', actor: 'innbygger', 'mode-sende-og-motta': '' }),
      headers: { ...sameOrigin, ...htmx, ...architect, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(noVersion.status).toBe(422);
    expect((await loadScopeModel(ctx.db)).links.serviceExchanges).toHaveLength(1);
  });

  it('edits a service’s capabilities, goals and project dependencies as sets', async () => {
    const res = await post('/informasjonstjenester/multidose/koblinger', {
      version: '1',
      capabilities: ['administrasjon-av-legemidler', 'klinisk-historikk'],
      goals: 'trygghet-og-pasientsikkerhet',
      projects: ['p160-digitalisering-av-legemiddelomradet'],
    });
    expect(res.status).toBe(200);
    const text = textOf(await res.text());
    expect(text).toContain('Koblingene er lagret.');
    expect(text).toContain('Funksjonsområder (2)');
    expect(text).toContain('Digitalisering av legemiddelområdet');
    const stale = await post('/informasjonstjenester/multidose/koblinger', { version: '1', goals: 'involverte-pasienter' });
    expect(stale.status).toBe(409);
    const model = await loadScopeModel(ctx.db);
    expect(model.links.serviceGoals).toHaveLength(1);
  });

  it('moves several services to another tier and category in one step', async () => {
    // The list's checkboxes carry each service's version.
    const list = await (await get('/informasjonstjenester')).text();
    expect(list).toContain('name="services" value="multidose:1"');
    const res = await post('/informasjonstjenester/flytt', { services: ['multidose:1', 'smitte-hos-pasient:1'], tier: 'pluss', category: 'plan' });
    expect(res.status).toBe(200);
    expect(res.headers.get('hx-trigger')).toBe('scopeChanged');
    expect(textOf(await res.text())).toContain('Flyttet 2 tjenester.');
    const model = await loadScopeModel(ctx.db);
    const tier = model.elements.deliveryTier.find((t) => t.key === 'pluss')!;
    const moved = model.elements.informationService.filter((s) => s.tierId === tier.id && ['multidose', 'smitte-hos-pasient'].includes(s.key));
    expect(moved).toHaveLength(2);
    expect(moved.every((s) => !s.tierTentative && s.version === 2)).toBe(true);

    const none = await post('/informasjonstjenester/flytt', { services: 'multidose:2' });
    expect(none.status).toBe(422);
    expect(textOf(await none.text())).toContain('Velg et leveransetrinn eller en kategori');
    const many = await post('/informasjonstjenester/flytt', { services: Array.from({ length: 1500 }, (_, i) => `tjeneste-${i}:1`), tier: '2023' });
    expect(many.status).toBe(422);
    const unknown = await post('/informasjonstjenester/flytt', { services: ['multidose:2', 'finnes-ikke:1'], tier: '2023' });
    expect(unknown.status).toBe(422);
    // Without the version the list showed, or from a list shown before the move: refused, nothing moved.
    const blind = await post('/informasjonstjenester/flytt', { services: 'multidose', tier: '2023' });
    expect(blind.status).toBe(422);
    expect(textOf(await blind.text())).toContain('Skjemaet sier ikke hvilken versjon');
    const stale = await post('/informasjonstjenester/flytt', { services: ['multidose:1', 'behandlingsmal:1'], tier: '2023' });
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain('Noen andre har endret Multidose etter at du åpnet listen. Ingenting er flyttet');
    const after = (await loadScopeModel(ctx.db)).elements.informationService;
    expect(after.find((s) => s.key === 'behandlingsmal')?.version).toBe(1);
    expect((await loadScopeModel(ctx.db)).elements.informationService.find((s) => s.key === 'multidose')?.tierId).toBe(tier.id);
  });
});

describe('search', () => {
  it('finds names, descriptions and requirement texts, grouped by kind, as prefixes', async () => {
    const res = await get('/sok?q=multi', htmx);
    const text = textOf(await res.text());
    expect(text).toContain('Informasjonstjenester (1)');
    expect(text).toContain('Multidose');

    const req = textOf(await (await get('/sok?q=arbeidsflate')).text());
    expect(req).toContain('Krav');
    expect(req).toContain('Helhetlig arbeidsflate');
    expect(req).toContain('Funksjonsområder');

    const both = textOf(await (await get('/sok?q=legemidler%20utdeling')).text());
    expect(both).toContain('Administrasjon (utdeling) av legemidler');
    expect(both).not.toContain('Multidose');
  });

  it('finds other forms of a word, alike on SQLite and PostgreSQL', async () => {
    for (const form of ['legemiddel', 'legemidlene', 'Legemidler']) {
      expect(textOf(await (await get(`/sok?q=${form}`)).text()), form).toContain('Legemidler i bruk inkl. plan med midlertidige endringer');
    }
    // Still narrowed by every word: the medicine list is not about distribution.
    expect(textOf(await (await get('/sok?q=legemiddel%20utdeling')).text())).not.toContain('Legemidler i bruk');
  });

  it('finds what was just created or renamed, and forgets what was deleted', async () => {
    await post('/mal', { name: 'Færre feilmedisineringer' });
    expect(textOf(await (await get('/sok?q=feilmedisin')).text())).toContain('Færre feilmedisineringer');
    await remove('/mal/faerre-feilmedisineringer');
    expect(textOf(await (await get('/sok?q=feilmedisin')).text())).toContain('Ingen treff');
  });

  it('treats search syntax as plain words and escapes what it shows', async () => {
    await post('/mal', { name: '<b>fet</b> "sitat" OR NOT*' });
    const html = await (await get('/sok?q=%22fet%22%20OR%20NOT*%20(')).text();
    expect(html).not.toContain('<b>fet</b>');
    expect(html).toContain('&lt;b&gt;');
    expect((await get('/sok?q=' + 'x'.repeat(201))).status).toBe(400);
  });
});
