import { indexModel } from '../../../model/lookup.ts';
import type { ScopeModel } from '../../../model/schemas.ts';
import { element, emptyModel } from '../fixtures.ts';

/**
 * A small model with one of everything the diagrams draw:
 * - parts 1 and 2; capabilities 10 (part 1) > 11 > 15 and 10 > 12, 13 (part 2), 14 (no part);
 * - categories 20, 21, 22 (22 has no services); tiers 30 and 31 (first delivery), 32 (later);
 * - services 40 (cat 20, tier 30, tentatively, part 1), 41 (cat 20, tier 31), 42 (cat 21,
 *   tier 32), 43 (cat 21, no tier), 44 (no category, tier 30);
 * - actors 50, 51, 52; modes 60, 61; need levels 70-72 (ranks 1-3); groups 80, 81;
 * - projects 90 Grønn, 91 Gul, 92 Rød, 93 without status;
 * - service 40 depends on 91, 41 on 90, 42 on 92, 43 on 93: only 40 is a first-delivery risk.
 */
export function diagramModel(): ScopeModel {
  const m = emptyModel();
  const named = <K extends Parameters<typeof element>[0]>(kind: K, id: number, name: string, extra: Parameters<typeof element<K>>[2] = {}) =>
    element(kind, id, { name, ...extra });
  m.elements.solutionPart = [named('solutionPart', 1, 'Felles journal'), named('solutionPart', 2, 'Samhandlingsplattform')];
  m.elements.capability = [
    named('capability', 10, 'Dokumentasjon', { solutionPartId: 1 }),
    named('capability', 11, 'Klinisk dokumentasjon', { parentId: 10 }),
    named('capability', 12, 'Legemidler', { parentId: 10 }),
    named('capability', 13, 'Samhandling med innbygger', { solutionPartId: 2 }),
    named('capability', 14, 'Ulike arbeidsflater'),
    named('capability', 15, 'Notater', { parentId: 11 }),
  ];
  m.elements.informationCategory = [
    named('informationCategory', 20, 'Legemidler og vaksiner'),
    named('informationCategory', 21, 'Plan'),
    named('informationCategory', 22, 'Epikrise'),
  ];
  m.elements.deliveryTier = [
    named('deliveryTier', 30, '2023'),
    named('deliveryTier', 31, 'Første leveranse'),
    named('deliveryTier', 32, 'Senere', { firstDelivery: false }),
  ];
  m.elements.informationService = [
    named('informationService', 40, 'Multidose', { categoryId: 20, tierId: 30, tierTentative: true, solutionPartId: 1 }),
    named('informationService', 41, 'Vaksiner', { categoryId: 20, tierId: 31 }),
    named('informationService', 42, 'Individuell plan', { categoryId: 21, tierId: 32 }),
    named('informationService', 43, 'Kriseplan', { categoryId: 21, tierId: null }),
    named('informationService', 44, 'Uten kategori', { categoryId: null, tierId: 30 }),
  ];
  m.elements.actor = [named('actor', 50, 'Spesialisthelsetjenesten'), named('actor', 51, 'Innbygger'), named('actor', 52, 'Helseplattformen')];
  m.elements.collaborationMode = [named('collaborationMode', 60, 'Sende og motta'), named('collaborationMode', 61, 'Endre og dele')];
  m.elements.needLevel = [
    named('needLevel', 70, 'Lite behov', { rank: 1 }),
    named('needLevel', 71, 'Middels behov', { rank: 2 }),
    named('needLevel', 72, 'Nye tjenester', { rank: 3 }),
  ];
  m.elements.personnelGroup = [named('personnelGroup', 80, 'Legevakt'), named('personnelGroup', 81, 'Fastleger')];
  const project = (id: number, name: string, status: 'Grønn' | 'Gul' | 'Rød' | null) =>
    element('nationalProject', id, {
      name,
      projectNo: id,
      priorityCategory: 1,
      ownerOrganisation: 'Direktoratet for e-helse',
      owner: 'Eier',
      phase: 'Gjennomføring',
      strategicArea: '1 Digitalisering',
      focusArea: '1.1 Journal',
      status,
      budgetMnok: null,
    });
  m.elements.nationalProject = [project(90, 'Kjernejournal', 'Grønn'), project(91, 'Legemiddelområdet', 'Gul'), project(92, 'Laboratoriedatabase', 'Rød'), project(93, 'Ukjent status', null)];
  m.elements.roadmapPhase = [
    named('roadmapPhase', 100, 'Forprosjekt', { startsOn: '2019-01-01', endsOn: '2020-12-31', tentative: true }),
    named('roadmapPhase', 101, 'Gjennomføring', { startsOn: '2021-01-01', endsOn: null }),
  ];
  m.elements.milestone = [
    named('milestone', 110, 'Styringsdokument', { startsOn: '2020-02-01', endsOn: null, phaseId: 100 }),
    named('milestone', 111, 'Helseplattformen innført', { startsOn: '2021-06-01', endsOn: null, phaseId: null }),
  ];
  m.elements.decisionPoint = [
    named('decisionPoint', 120, 'Omfang inn i gjennomføringen', { startsOn: '2020-12-31', endsOn: null, phaseId: 100, track: 'journal', number: 1, tentative: true }),
    named('decisionPoint', 121, 'Status for samhandling', { startsOn: '2023-01-01', endsOn: null, phaseId: 101, track: 'samhandling', number: 2 }),
  ];
  m.links.serviceExchanges = [
    { serviceId: 40, actorId: 50, modeId: 60, needLevelId: 72 },
    { serviceId: 40, actorId: 50, modeId: 61, needLevelId: null },
    { serviceId: 41, actorId: 51, modeId: 60, needLevelId: 70 },
  ];
  m.links.servicePersonnelGroups = [
    { serviceId: 40, personnelGroupId: 80, usage: 'reads' },
    { serviceId: 41, personnelGroupId: 81, usage: 'both' },
  ];
  m.links.serviceCapabilities = [
    { serviceId: 40, capabilityId: 15 },
    { serviceId: 41, capabilityId: 13 },
  ];
  m.links.serviceDependencies = [
    { serviceId: 40, projectId: 91 },
    { serviceId: 41, projectId: 90 },
    { serviceId: 42, projectId: 92 },
    { serviceId: 43, projectId: 93 },
  ];
  return m;
}

export function withIndex(model: ScopeModel = diagramModel()) {
  return { model, index: indexModel(model) };
}

/** The same model with every element renamed, in turn, to one of the given names. */
export function renamed(model: ScopeModel, names: string[]): ScopeModel {
  let i = 0;
  const elements = Object.fromEntries(
    Object.entries(model.elements).map(([kind, list]) => [kind, list.map((e: { name: string }) => ({ ...e, name: names[i++ % names.length]! }))]),
  ) as ScopeModel['elements'];
  return { ...model, elements };
}
