import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScopeModel } from '../../src/db/queries/model.ts';
import type { Db } from '../../src/db/index.ts';
import type { ScopeModel } from '../../model/schemas.ts';
import { allElements } from '../../model/lookup.ts';
import { referenceProblems } from '../../model/integrity.ts';
import { isSeeded, seedDatabase } from '../../seeds/seed.ts';
import { testDb } from '../helpers.ts';

/*
 * The names below are typed from the source document, independently of the seed files, so a
 * seed that loses or misspells one fails here.
 */
const document = {
  informationCategories: [
    'Legemidler og vaksiner',
    'Journaldokumenter',
    'Kritisk informasjon',
    'Klinisk oppsummering',
    'Bestilling og svar (lab)',
    'Tekstlig dialog',
    'Henvisning',
    'Epikrise',
    'Problem, diagnose og behov for helsehjelp',
    'Tjenester, ytelser og hjelpemidler',
    'Plan',
    'Innbyggers opplysninger og ønsker',
    'Kliniske bakgrunnsopplysninger',
    'Pasientdemografi',
    'Undersøkelser, målinger og funn',
  ],
  collaborationModes: ['Slå opp og tilgjengeliggjøre', 'Sende og motta', 'Endre og dele'],
  personnelGroups: [
    'Pleie- og omsorgstjenester',
    'Fastleger',
    'Legevakt',
    'Helsestasjon og skolehelsetjeneste',
    'Habilitering og rehabilitering',
    'Offentlig tannhelsetjeneste',
  ],
  actors: [
    'Helsepersonell i kommunal helse- og omsorgstjeneste som bruker felles journalløsning',
    'Avtaleparter som velger å ikke ta i bruk felles journalløsning',
    'Spesialisthelsetjenesten',
    'Andre aktører i helse- og omsorgstjeneste',
    'Andre kommunale og statlige tjenester',
    'Helseplattformen',
    'Kommuner som ennå ikke har tatt i bruk felles journalløsning',
    'Innbygger',
  ],
  needLevels: ['Lite behov for utvidelse', 'Middels til stort behov for utvidelse', 'Nye informasjonstjenester'],
  goals: ['Økt trygghet og pasientsikkerhet', 'Involverte pasienter', 'Møte morgendagens utfordringer', 'Behov for et felles løft'],
  solutionParts: ['Felles journalløsning', 'Samhandlingsplattform', 'Identitets- og tilgangsstyring'],
  tasks: [
    'Yte helse- og omsorgshjelp',
    'Støtte til ytelse av omsorgs- og helsehjelp',
    'Administrere kommunale helse- og omsorgstjenester',
    'Planlegge, utvikle og følge opp helse- og omsorgstjenester',
  ],
  capabilities: [
    'Dokumentasjon av forløp og tilstand',
    'Håndtere klinisk dokumentasjon',
    'Håndtere klinisk historikk',
    'Gjengi ekstern informasjon',
    'Håndtere bestillinger',
    'Administrasjon av legemidler',
    'Administrasjon av behandling',
    'Håndtere fremtidig behandling',
    'Håndtering av journal',
    'Pasientrettet planlegging, saksbehandling og koordinering',
    'Håndtere pasientopplæring',
    'Håndtering av arbeidsflyt',
    'Håndtere koordinering av helsehjelp',
    'Støtte til kommunikasjon',
    'Håndtere oppgaver i klinisk arbeidsflyt',
    'Administrasjon av kontakter',
    'Organisering av helsepersonell, ressurser og oppgaver',
    'Kunnskaps-, beslutnings- og fagfellesstøtte',
    'Løsninger for samhandling med innbygger',
    'PPT',
    'NAV',
    'Skole/barnehage',
    'Barnevern',
    'Velferdsteknologi',
    'Flåtestyring',
    'Lønn',
    'Personal',
  ],
  /** Concrete services named on the first-delivery slide, as short phrases found in them. */
  services: [
    'Administrasjon (utdeling) av legemidler',
    '"ved behov"-legemidler',
    'Smitte hos pasient',
    'Multidose',
    'Innsyn i journaldokumenter fra sykehus',
    'allergier, CAVE',
    'Digital dialog mellom helsepersonell (veiledning, konsultering)',
    'Anmodning om vurdering for utredning eller behandling',
    'Oppsummering av behandlingsperiode',
    'problemliste',
    'Tidligere sykdommer',
    'Pågående bruk av hjelpemidler',
    'Individuell plan',
    'Kriseplan (psykiatri)',
    'Vergemål og samtykkekompetanse',
    'Barthel ADL',
    'blodtrykk, puls, respirasjon',
  ],
  roadmapPhases: [
    'Forprosjekt og KS2',
    'Anskaffelse',
    'Etablering og tilpasning',
    'Innføring, drift og forvaltning',
    'Plan for innspill på foreløpig dokumentasjon',
  ],
  stakeholders: [
    'KS',
    'Referansekommuner',
    'Profesjons- og pasientforeninger m.fl.',
    'Spesialisthelsetjenesten',
    'Direktoratet for e-helse',
    'Helse- og omsorgsdepartementet',
    'Dir. for e-helse, SPA',
    'Arbeidsmøter Løsningsomfang & Arkitektur',
    'KS2',
  ],
  /** Project id and name, from the portfolio table. */
  projects: [
    [11, 'EPJ-løftet'], [81, 'felles journal- og samhandlingsløsning'], [111, 'Helseplattformen'], [114, 'Digital patologi'],
    [117, 'Enklere digitale tjenester'], [118, 'Innføring av digital patologi'], [119, 'HMN Lab'], [132, 'PKI infrastrukturløsning'],
    [142, 'Regionalt laboratoriesystem'], [161, 'Heliks'], [164, 'Regional EPJ Modernisering'], [167, 'FRESK'],
    [172, 'Digihelse fase 2'], [173, 'Regional Ambulansejournal'], [143, 'Medikamentell kreftbehandling'],
    [144, 'Regional kurve og medikasjon'], [122, 'Velg behandlingssted - avtalespesialister'], [124, 'Pakkeforløp psykisk helse og rus'],
    [128, 'Kjernejournal'], [139, 'Primærhelseteam'], [140, 'Pilotprosjekt ParkinsonNet i Norge'], [174, 'Pakkeforløp hjem - kreft'],
    [175, 'Pakkeforløp Hjerneslag - fase 2'], [102, 'SAFEST realisering'], [160, 'Digitalisering av legemiddelområdet'],
    [107, 'Helsedataprogrammet'], [121, 'En vei inn'], [138, 'Oppfølgingsteam'], [163, 'Regional EPJ Journalinnsyn'],
    [60, 'Nasjonalt infeksjonsregister'], [112, 'Nasjonal laboratoriedatabase'], [125, 'Generisk funksjonsvurderingsverktøy'],
    [137, 'Modernisering av Reseptregisteret'], [170, 'Innsyn og tilgjengeliggjøring NPR og KPR'], [180, 'Nøkkelregister for DSA'],
    [5, 'Nasjonalt program for velferdsteknologi'], [3, 'Digital dialog fastlege'], [51, 'Alle møter'],
    [83, 'Digitale innbyggertjenester for spesialisthelsetjenesten'], [145, 'DigiHelsestasjon'], [149, 'Digital Førerettsforvaltning'],
    [165, 'Nasjonalt prosjekt Digihelse'], [168, 'Digitale pasienttjenester i Nord'], [123, 'DIGI-UNG'],
    [179, 'Velferdsteknologisk knutepunkt'], [100, 'MF Helse'], [47, 'Program for kodeverk og terminologi'],
    [101, 'Robust Mobilt Helsenett'], [178, 'Grunndata - Risikoløft'], [133, 'Nasjonal e-helsemonitor'], [169, 'KPR trinn to'],
    [171, 'MSIS-databasen'],
  ] as Array<[number, string]>,
};

const source = readFileSync(new URL('../../seeds/source/akson-arena-2019-10-24.txt', import.meta.url), 'utf8').split('\n');
/** Lowercase letters and digits only, so line breaks and hyphenation at them do not matter. */
const squash = (s: string) => s.toLowerCase().replace(/[^a-zæøå0-9]/g, '');

let db: Db;
let model: ScopeModel;
beforeAll(async () => {
  db = await testDb();
  model = await loadScopeModel(db);
});
afterAll(() => db.destroy());

const names = (list: Array<{ name: string; description: string }>) => list.map((e) => `${e.name} ${e.description}`);
const containsAll = (haystack: string[], needles: string[]) =>
  needles.filter((n) => !haystack.some((h) => h.toLowerCase().includes(n.toLowerCase())));

describe('the seed covers the source document', () => {
  it('has the 15 information categories', () => {
    expect(model.elements.informationCategory).toHaveLength(15);
    expect(model.elements.informationCategory.map((c) => c.name).sort()).toEqual([...document.informationCategories].sort());
  });

  it('has the 3 collaboration modes, 6 service areas, 8 actors, 3 need levels, 4 goals, 3 solution parts, 4 tasks', () => {
    expect(model.elements.collaborationMode.map((e) => e.name)).toEqual(document.collaborationModes);
    expect(model.elements.personnelGroup.map((e) => e.name)).toEqual(document.personnelGroups);
    expect(model.elements.actor).toHaveLength(8);
    expect(containsAll(names(model.elements.actor), document.actors)).toEqual([]);
    expect(model.elements.needLevel.map((e) => e.name)).toEqual(document.needLevels);
    expect(model.elements.goal.map((e) => e.name)).toEqual(document.goals);
    expect(model.elements.solutionPart).toHaveLength(3);
    expect(containsAll(names(model.elements.solutionPart), document.solutionParts)).toEqual([]);
    expect(model.elements.task.map((e) => e.name)).toEqual(document.tasks);
  });

  it('has the capability tree, with the slide children under their groups', () => {
    expect(containsAll(names(model.elements.capability), document.capabilities)).toEqual([]);
    const byName = new Map(model.elements.capability.map((c) => [c.name, c]));
    const parentOf = (name: string) => model.elements.capability.find((c) => c.id === byName.get(name)?.parentId)?.name;
    expect(parentOf('Multidose')).toBeUndefined();
    expect(parentOf('Håndtere klinisk historikk')).toBe('Dokumentasjon av forløp og tilstand');
    expect(parentOf('Administrasjon av kontakter')).toBe('Pasientrettet planlegging, saksbehandling og koordinering');
    expect(parentOf('NAV')).toMatch(/^Løsninger for samhandling med kommunale og statlige/);
    expect(parentOf('Lønn')).toBe('Integrasjon med andre kommunale løsninger');
  });

  it('has every concrete service on the first-delivery slide, each in a category and a tentative tier', () => {
    expect(containsAll(names(model.elements.informationService), document.services)).toEqual([]);
    expect(model.elements.informationService).toHaveLength(34);
    for (const s of model.elements.informationService) {
      expect(s.categoryId, s.key).not.toBeNull();
      expect(s.tierId, s.key).not.toBeNull();
      expect(s.tierTentative, s.key).toBe(true);
      expect(s.tentative, s.key).toBe(true);
    }
  });

  it('places services in the four tiers in the slide order: 7, 4, 7 and 16', () => {
    const tiers = [...model.elements.deliveryTier].sort((a, b) => a.position - b.position);
    // Plain display names; the slide's own heading is the source quote, and the first group has none.
    expect(tiers.map((t) => t.name)).toEqual(['Uten overskrift', 'Innen 2023', 'Første leveranse', 'I tillegg i første leveranse']);
    expect(tiers.map((t) => t.sourceQuote)).toEqual([null, '2023', 'Første leveranse i Akson…', '+']);
    const counts = tiers.map((t) => model.elements.informationService.filter((s) => s.tierId === t.id).length);
    expect(counts).toEqual([7, 4, 7, 16]);
    const inTier = (key: string) => model.elements.deliveryTier.find((t) => t.id === model.elements.informationService.find((s) => s.key === key)?.tierId)?.name;
    expect(inTier('multidose')).toBe('Innen 2023');
    expect(inTier('smitte-hos-pasient')).toBe('Uten overskrift');
    expect(inTier('individuell-plan')).toBe('I tillegg i første leveranse');
  });

  it('reads the swapped Henvisning/Epikrise bullets the right way round', () => {
    const category = (key: string) =>
      model.elements.informationCategory.find((c) => c.id === model.elements.informationService.find((s) => s.key === key)?.categoryId)?.name;
    expect(category('henvisning')).toBe('Henvisning');
    expect(model.elements.informationService.find((s) => s.key === 'henvisning')?.name).toMatch(/^Anmodning om vurdering/);
    expect(category('epikrise')).toBe('Epikrise');
    expect(model.elements.informationService.find((s) => s.key === 'epikrise')?.name).toMatch(/^Oppsummering av behandlingsperiode/);
  });

  it('has all 52 national portfolio projects with owner, phase, area, status and budget', () => {
    const projects = model.elements.nationalProject;
    expect(projects).toHaveLength(52);
    for (const [no, name] of document.projects) {
      const p = projects.find((x) => x.projectNo === no);
      expect(p, `prosjekt ${no}`).toBeDefined();
      expect(p!.name, `prosjekt ${no}`).toContain(name);
    }
    const helseplattformen = projects.find((p) => p.projectNo === 111)!;
    expect(helseplattformen).toMatchObject({ ownerOrganisation: 'Helse Midt-Norge RHF', phase: 'Planlegging', status: 'Grønn', budgetMnok: 0 });
    expect(projects.find((p) => p.projectNo === 142)).toMatchObject({ status: 'Rød', budgetMnok: 73, strategicArea: '1 Digitalisering av arbeidsprosesser' });
    expect(projects.find((p) => p.projectNo === 174)?.budgetMnok).toBe(0.5);
    expect(projects.find((p) => p.projectNo === 178)?.status).toBeNull();
    expect(projects.find((p) => p.projectNo === 132)?.budgetMnok).toBeNull();
    expect(projects.find((p) => p.projectNo === 100)).toMatchObject({ status: 'Grønn', budgetMnok: 63, strategicArea: '5 Felles grunnmur for digitale tjenester' });
    expect(new Set(projects.map((p) => p.status))).toEqual(new Set(['Grønn', 'Gul', 'Rød', null]));
  });

  it('has the roadmap phases, the decision questions of both tracks and the stakeholders', () => {
    expect(model.elements.roadmapPhase.map((p) => p.name)).toEqual(document.roadmapPhases);
    const decisions = model.elements.decisionPoint;
    expect(decisions.filter((d) => d.track === 'journal').map((d) => d.number).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(decisions.filter((d) => d.track === 'samhandling').map((d) => d.number).sort()).toEqual([1, 2, 3]);
    expect(model.elements.milestone.map((m) => m.name)).toContain('Intensjonsavtaler med kommuner');
    expect(containsAll(names(model.elements.stakeholder), document.stakeholders)).toEqual([]);
  });

  it('has the 357 municipalities summing to 5,550,203 inhabitants', () => {
    expect(model.municipalities).toHaveLength(357);
    expect(model.municipalities.reduce((sum, m) => sum + m.population, 0)).toBe(5_550_203);
    expect(model.municipalities.find((m) => m.number === '0301')).toMatchObject({ name: 'Oslo', countyNumber: '03' });
    expect(new Set(model.municipalities.map((m) => m.countyNumber)).size).toBe(15);
  });

  it('points every stated and tentative element at source lines that contain its words', () => {
    const misplaced: string[] = [];
    // Inferred elements (tier names among them: the slide prints only "2023", "+" and the like)
    // rest on their lines with a reason; see test/seeds/provenance.test.ts.
    for (const e of allElements(model).filter((x) => x.provenance !== 'inferred')) {
      expect(e.source, `${e.kind} ${e.key}`).not.toBeNull();
      const { fromLine, toLine } = e.source!;
      expect(toLine).toBeLessThanOrEqual(source.length);
      const text = squash(source.slice(fromLine - 1, toLine).join(' '));
      // The first significant word of the name, or of the verbatim description, must be there.
      const words = `${e.name}`.split(/[\s,/()«»"–-]+/).filter((w) => squash(w).length >= 4);
      const probe = words[0] ?? e.name;
      if (!text.includes(squash(probe)) && !text.includes(squash(e.description.split(/\s+/)[0] ?? ''))) {
        misplaced.push(`${e.kind} ${e.key}: «${probe}» ikke i linje ${fromLine}-${toLine}`);
      }
    }
    expect(misplaced).toEqual([]);
  });

  it('points each tier at the lines that hold its services', () => {
    for (const s of model.elements.informationService) {
      const tier = model.elements.deliveryTier.find((t) => t.id === s.tierId)!;
      expect(s.source!.fromLine, s.key).toBeGreaterThanOrEqual(tier.source!.fromLine);
      expect(s.source!.toLine, s.key).toBeLessThanOrEqual(tier.source!.toLine);
    }
  });

  it('marks what the document marks TENTATIVT or UNDER ARBEID', () => {
    expect(model.elements.collaborationMode.every((m) => m.tentative)).toBe(true);
    expect(model.elements.actor.every((a) => a.tentative)).toBe(true);
    expect(model.elements.deliveryTier.every((t) => t.tentative)).toBe(true);
    expect(model.elements.personnelGroup.some((g) => g.tentative)).toBe(false);
    expect(model.elements.goal.some((g) => g.tentative)).toBe(false);
  });

  it('leaves the links the text cannot give to architects: no actor, personnel or capability links for services', () => {
    expect(model.links.serviceExchanges).toEqual([]);
    expect(model.links.servicePersonnelGroups).toEqual([]);
    expect(model.links.serviceCapabilities).toEqual([]);
    expect(referenceProblems(model)).toEqual([]);
  });
});

describe('seeding', () => {
  it('is idempotent: a second run changes nothing', async () => {
    const fresh = await testDb();
    const before = await loadScopeModel(fresh);
    expect(await isSeeded(fresh)).toBe(true);
    const again = await seedDatabase(fresh);
    expect(again.seeded).toBe(false);
    expect(await loadScopeModel(fresh)).toEqual(before);
    await fresh.destroy();
  });

  it('leaves a database with content alone, so architects’ edits survive a restart', async () => {
    const fresh = await testDb();
    await fresh.updateTable('element').set({ name: 'Endret av arkitekt' }).where('key', '=', 'multidose').execute();
    await fresh.deleteFrom('meta').execute();
    expect((await seedDatabase(fresh)).seeded).toBe(false);
    const row = await fresh.selectFrom('element').select('name').where('key', '=', 'multidose').executeTakeFirstOrThrow();
    expect(row.name).toBe('Endret av arkitekt');
    await fresh.destroy();
  });
});
