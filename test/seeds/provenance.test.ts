import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScopeModel } from '../../src/db/queries/model.ts';
import type { Db } from '../../src/db/index.ts';
import type { ScopeModel } from '../../model/schemas.ts';
import { allElements, indexModel, type ModelIndex } from '../../model/lookup.ts';
import { provenanceLevels } from '../../model/provenance.ts';
import type { ElementKind } from '../../model/kinds.ts';
import { referenceProblems } from '../../model/integrity.ts';
import { testDb } from '../helpers.ts';

/*
 * Issue 16: what the seed says against what the source document says. The corrections are
 * asserted one by one; the provenance checks run over the whole seed against the source file.
 */

const source = readFileSync(new URL('../../seeds/source/akson-arena-2019-10-24.txt', import.meta.url), 'utf8').split('\n');
const squash = (s: string) => s.toLowerCase().replace(/[^a-zæøå0-9]/g, '');
const linesText = (from: number, to: number) => squash(source.slice(from - 1, to).join(' '));
/** Whether the lines contain the name, or at least one of its words (of 3 letters or more). */
const citesName = (name: string, from: number, to: number) => {
  const text = linesText(from, to);
  if (text.includes(squash(name))) return true;
  return name
    .split(/[\s,/()«»"–&.-]+/)
    .map(squash)
    .filter((w) => w.length >= 3)
    .some((w) => text.includes(w));
};

let db: Db;
let model: ScopeModel;
let index: ModelIndex;
beforeAll(async () => {
  db = await testDb();
  model = await loadScopeModel(db);
  index = indexModel(model);
});
afterAll(() => db.destroy());

const el = <K extends ElementKind>(kind: K, key: string) => {
  const e = index.byKey(kind, key);
  if (!e) throw new Error(`${kind} ${key} mangler i frøet`);
  return e;
};

describe('the corrections of issue 16, against the seeded data', () => {
  it('requirements 8-10 are the interfaces at the edge of the record, not the three factors', () => {
    for (const ref of ['AKS-0008', 'AKS-0009', 'AKS-0010']) {
      const r = model.elements.requirement.find((x) => x.ref === ref)!;
      expect(r.rationale, ref).not.toContain('En av tre faktorer');
      expect(r.rationale, ref).toContain('grensesnittene i kanten av felles journalløsning');
      expect(r.rationale, ref).toContain('helsepersonellgrupper, oppgaver og prosesser, og funksjonalitet');
    }
  });

  it('attaches each description on the stakeholder slide to its own party', () => {
    const spesialist = el('stakeholder', 'spesialisthelsetjenesten');
    expect(spesialist.description).not.toContain('Faglig gruppe');
    expect(spesialist.source).toMatchObject({ fromLine: 1636, toLine: 1638 });
    const ks = el('stakeholder', 'ks');
    expect(ks.description).toMatch(/^Faglig gruppe som kan gi innspill til løsning, KS Råd og utvalg/);
    expect(ks.source).toMatchObject({ fromLine: 1640, toLine: 1656 });
    expect(ks.provenance).toBe('inferred');
  });

  it('spells project 145 as the document does, and records the two deliberate corrections as such', () => {
    const p = (no: number) => model.elements.nationalProject.find((x) => x.projectNo === no)!;
    expect(p(145).ownerOrganisation).toBe('Oslo Kommune');
    expect(source[796 - 1]).toContain('Oslo Kommune');
    expect(p(81).provenanceNote).toMatch(/rettet med vilje.*«Èn innbygger - èn journal»/);
    expect(p(142).provenanceNote).toMatch(/rettet med vilje.*«Regionalt laboratoriestystem»/);
    // Every other project carries no note: its fields are as the table prints them.
    expect(model.elements.nationalProject.filter((x) => x.provenanceNote !== '').map((x) => x.projectNo).sort()).toEqual([142, 81]);
  });

  it('links project 81 to Akson as its own pre-project', () => {
    const p81 = model.elements.nationalProject.find((x) => x.projectNo === 81)!;
    const link = model.links.relations.find((r) => r.fromId === p81.id && r.relation === 'preProjectOf');
    expect(index.byId.get(link!.toId)?.key).toBe('forprosjekt-og-ks2');
    expect(link!.provenance.level).toBe('inferred');
    expect(link!.provenance.note).toContain('EIEJ');
  });

  it('names the milestone as its lines do: intensjonsavtaler', () => {
    const m = el('milestone', 'intensjonserklaeringer');
    expect(m.name).toBe('Intensjonsavtaler med kommuner');
    expect(linesText(m.source!.fromLine, m.source!.toLine)).toContain('intensjonsavtaler');
  });

  it('makes S1-S3 questions for the pre-project, not decisions dated 2023, 2024 and 2030', () => {
    const s = model.elements.decisionPoint.filter((d) => d.track === 'samhandling');
    expect(s).toHaveLength(3);
    const phase = el('roadmapPhase', 'forprosjekt-og-ks2');
    for (const d of s) {
      expect(d.phaseId, d.key).toBe(phase.id);
      expect(d.startsOn <= phase.endsOn!, d.key).toBe(true);
      expect(d.description, d.key).toMatch(/^Spørsmål forprosjektet må svare på/);
      expect(d.provenance, d.key).toBe('inferred');
    }
  });

  it('has no invented date for "Helseplattformen første innføring"', () => {
    expect(allElements(model).filter((e) => e.kind === 'milestone' && /Helseplattformen/.test(e.name))).toEqual([]);
    expect(el('region', 'midt-norge').description).toContain('Helseplattformen første innføring');
  });

  it('calls the slide’s list what it is: service areas, which personnel groups work in', () => {
    expect(model.elements.personnelGroup.map((g) => g.name)).toContain('Legevakt');
  });
});

describe('provenance over the whole seed', () => {
  it('gives every element and every link a level', () => {
    const levels = new Set<string>(provenanceLevels);
    for (const e of allElements(model)) expect(levels.has(e.provenance), `${e.kind} ${e.key}`).toBe(true);
    const { links } = model;
    const all = [
      ...links.serviceCapabilities,
      ...links.serviceGoals,
      ...links.serviceDependencies,
      ...links.serviceExchanges,
      ...links.servicePersonnelGroups,
      ...links.requirementElements,
      ...links.relations,
      ...links.regionCounties,
    ];
    expect(all.length).toBeGreaterThan(50);
    for (const l of all) expect(levels.has(l.provenance!.level), JSON.stringify(l)).toBe(true);
    for (const c of model.elements.capability.filter((x) => x.solutionPartId !== null)) {
      expect(c.solutionPartProvenance.level, c.key).toBe('inferred');
    }
  });

  it('cites, for every stated and tentative element, lines that contain its name or a word of it', () => {
    const problems: string[] = [];
    for (const e of allElements(model).filter((x) => x.provenance !== 'inferred')) {
      if (!e.source) problems.push(`${e.kind} ${e.key}: ingen linjer`);
      else if (!citesName(e.name, e.source.fromLine, e.source.toLine)) {
        problems.push(`${e.kind} ${e.key}: «${e.name}» ikke i linje ${e.source.fromLine}-${e.source.toLine}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('cites, for every stated and tentative link, lines that name one of its ends', () => {
    const problems: string[] = [];
    const check = (what: string, names: string[], p: { level: string; fromLine: number | null; toLine: number | null }) => {
      if (p.level === 'inferred') return;
      if (p.fromLine === null || p.toLine === null) problems.push(`${what}: ingen linjer`);
      else if (!names.some((n) => citesName(n, p.fromLine!, p.toLine!))) problems.push(`${what}: ${names.join(' / ')} ikke i linje ${p.fromLine}-${p.toLine}`);
    };
    for (const r of model.links.relations) {
      const names = [index.byId.get(r.fromId)!.name, index.byId.get(r.toId)!.name];
      check(`${r.relation} ${names.join(' → ')}`, names, r.provenance);
    }
    for (const l of model.links.requirementElements) {
      check(`krav ${l.requirementId}`, [index.byId.get(l.requirementId)!.name, index.byId.get(l.elementId)!.name], l.provenance!);
    }
    expect(problems).toEqual([]);
  });

  it('gives every inferred element and link its reason and the lines it rests on', () => {
    const missing: string[] = [];
    for (const e of allElements(model).filter((x) => x.provenance === 'inferred')) {
      if (e.provenanceNote.trim() === '') missing.push(`${e.kind} ${e.key}`);
      if (!e.source) missing.push(`${e.kind} ${e.key}: ingen linjer`);
    }
    const links = [...model.links.relations, ...model.links.regionCounties, ...model.links.requirementElements];
    for (const l of links) {
      if (l.provenance!.level !== 'inferred') continue;
      if (l.provenance!.note.trim() === '' || l.provenance!.fromLine === null) missing.push(JSON.stringify(l));
    }
    for (const c of model.elements.capability.filter((x) => x.solutionPartId !== null)) {
      if (c.solutionPartProvenance.note.trim() === '') missing.push(`plassering ${c.key}`);
    }
    expect(missing).toEqual([]);
  });

  it('marks today’s readings as inferred', () => {
    // Requirement priorities and what they are about.
    expect(model.elements.requirement.every((r) => r.provenance === 'inferred')).toBe(true);
    expect(model.links.requirementElements.every((l) => l.provenance!.level === 'inferred')).toBe(true);
    // Tier names and the unlabeled group's place in the first delivery.
    expect(model.elements.deliveryTier.every((t) => t.provenance === 'inferred' && t.tentative)).toBe(true);
    expect(el('deliveryTier', 'uten-overskrift').provenanceNote).toContain('første leveranse');
    // The county exclusion: the regions' counties.
    expect(model.links.regionCounties.every((l) => l.provenance!.level === 'inferred')).toBe(true);
    // Dates read off year-only timelines.
    for (const key of ['forprosjekt-og-ks2', 'anskaffelse', 'etablering-og-tilpasning', 'innforing-drift-og-forvaltning']) {
      expect(el('roadmapPhase', key).provenance, key).toBe('inferred');
    }
    expect(el('milestone', 'signering-av-kontrakt').provenance).toBe('inferred');
    // Solution parts 2 and 3; part 1 is stated.
    expect(model.elements.solutionPart.map((p) => p.provenance)).toEqual(['stated', 'inferred', 'inferred']);
    // The first-delivery services are tentative, as the slide says.
    expect(model.elements.informationService.every((s) => s.provenance === 'tentative')).toBe(true);
  });
});

describe('the concepts the first seed left out', () => {
  it('has the three interfaces at the edge of the record, with services linked to them', () => {
    expect(model.elements.journalInterface.map((i) => i.source!.fromLine)).toEqual([1820, 1830, 1838]);
    const uses = model.links.relations.filter((r) => r.relation === 'usesInterface');
    expect(new Set(uses.map((r) => r.toId)).size).toBe(3);
  });

  it('has the target picture’s regions tied to municipalities by county', () => {
    expect(model.elements.region.map((r) => [r.name, r.recordSolution])).toEqual([
      ['Midt-Norge', 'helseplattformen'],
      ['Nord', 'felles-kommunal-journal'],
      ['Vest', 'felles-kommunal-journal'],
      ['Sør-Øst', 'felles-kommunal-journal'],
    ]);
    const counties = model.links.regionCounties.map((l) => l.countyNumber).sort();
    expect(counties).toEqual([...new Set(model.municipalities.map((m) => m.countyNumber))].sort());
    const midt = el('region', 'midt-norge');
    expect(model.links.regionCounties.filter((l) => l.regionId === midt.id).map((l) => l.countyNumber)).toEqual(['15', '50']);
  });

  it('has the ministry’s mandate, the ministry as stakeholder and all five key guidelines', () => {
    const hod = el('stakeholder', 'helse-og-omsorgsdepartementet');
    expect(model.elements.guideline.map((g) => g.name)).toEqual([
      'Oppdrag fra Helse- og omsorgsdepartementet',
      'Stegvis gjennomføring',
      'Modeller for styring, organisering og ansvarsplassering',
      'Frivillighet i innledende faser',
      'Konkretisere kostnads- og gevinstfordeling',
      'Utrede standarder og tekniske krav',
    ]);
    const mandate = model.links.relations.find((r) => r.fromId === el('guideline', 'oppdrag-fra-hod').id);
    expect(mandate).toMatchObject({ toId: hod.id, relation: 'issuedBy', provenance: { level: 'stated' } });
  });

  it('has the portfolio’s five risks, each linked to what it threatens', () => {
    expect(model.elements.risk).toHaveLength(5);
    for (const risk of model.elements.risk) {
      expect(model.links.relations.some((r) => r.fromId === risk.id && r.relation === 'threatens'), risk.key).toBe(true);
    }
    const idm = el('solutionPart', 'identitets-og-tilgangsstyring');
    expect(model.links.relations.some((r) => r.fromId === el('risk', 'eid-og-helseid').id && r.toId === idm.id)).toBe(true);
  });

  it('has the involvement plan as a roadmap item with the bodies in it, and the organisations in every phase', () => {
    const plan = el('roadmapPhase', 'plan-for-innspill');
    const bodies = model.links.relations.filter((r) => r.relation === 'involvedIn' && r.toId === plan.id);
    expect(bodies.map((r) => index.byId.get(r.fromId)!.key)).toContain('arbeidsmoter-losningsomfang-og-arkitektur');
    const org = el('stakeholder', 'profesjons-og-pasientforeninger');
    expect(model.links.relations.filter((r) => r.fromId === org.id && r.relation === 'involvedIn')).toHaveLength(4);
  });

  it('has "Behov for et felles løft" and national solutions that deliver services in the "2023" tier', () => {
    expect(el('goal', 'felles-loft').description).toContain('felles digitalt løft');
    const tier2023 = el('deliveryTier', '2023');
    const delivered = model.links.relations.filter((r) => r.relation === 'deliveredBy').map((r) => index.get('informationService', r.fromId)!);
    expect(delivered.every((s) => s.tierId === tier2023.id)).toBe(true);
    expect(model.elements.informationService.filter((s) => s.tierId === tier2023.id).every((s) => delivered.includes(s))).toBe(true);
    const kj = el('nationalSolution', 'kjernejournal');
    expect(model.links.relations.find((r) => r.fromId === kj.id && r.relation === 'builtBy')?.toId).toBe(
      model.elements.nationalProject.find((p) => p.projectNo === 128)!.id,
    );
  });

  it('keeps every reference pointing at the right kind', () => {
    expect(referenceProblems(model)).toEqual([]);
  });
});
