import { elementKinds, kindInfo, type ElementKind } from '../kinds.ts';
import { provenanceLabel, type LinkProvenance } from '../provenance.ts';
import { relationInfo } from '../relations.ts';
import { recordSolutionLabel, usageLabel, type RelationType, type ScopeElement, type ScopeModel } from '../schemas.ts';
import { xmlId, xmlText } from './xml.ts';

/**
 * The scope as an ArchiMate 3.1 Model Exchange File (The Open Group), so that Archi and other
 * tools can open it. Pure: the same model gives the same file, byte for byte (identifiers come
 * from each element's kind and key, never from a counter).
 */
export const ARCHIMATE_NAMESPACE = 'http://www.opengroup.org/xsd/archimate/3.0/';

/** Which ArchiMate 3.1 element type each kind becomes. Exhaustive: a new kind must choose. */
export const archimateTypeOfKind = {
  solutionPart: 'ApplicationComponent',
  personnelGroup: 'BusinessActor',
  task: 'BusinessProcess',
  capability: 'Capability',
  informationCategory: 'Grouping',
  informationService: 'ApplicationService',
  deliveryTier: 'Plateau',
  collaborationMode: 'ApplicationInteraction',
  actor: 'BusinessActor',
  needLevel: 'Assessment',
  goal: 'Goal',
  roadmapPhase: 'WorkPackage',
  milestone: 'ImplementationEvent',
  decisionPoint: 'ImplementationEvent',
  stakeholder: 'Stakeholder',
  nationalProject: 'WorkPackage',
  requirement: 'Requirement',
  journalInterface: 'ApplicationInterface',
  region: 'Location',
  nationalSolution: 'ApplicationComponent',
  risk: 'Assessment',
  guideline: 'Principle',
} as const satisfies Record<ElementKind, ArchimateElementType>;

/** The element types of ArchiMate 3.1 that this export uses or may use. */
export const archimateElementTypes = [
  'BusinessActor', 'BusinessRole', 'BusinessCollaboration', 'BusinessInterface', 'BusinessProcess',
  'BusinessFunction', 'BusinessInteraction', 'BusinessEvent', 'BusinessService', 'BusinessObject',
  'Contract', 'Representation', 'Product', 'ApplicationComponent', 'ApplicationCollaboration',
  'ApplicationInterface', 'ApplicationFunction', 'ApplicationInteraction', 'ApplicationProcess',
  'ApplicationEvent', 'ApplicationService', 'DataObject', 'Node', 'Device', 'SystemSoftware',
  'TechnologyCollaboration', 'TechnologyInterface', 'Path', 'CommunicationNetwork',
  'TechnologyFunction', 'TechnologyProcess', 'TechnologyInteraction', 'TechnologyEvent',
  'TechnologyService', 'Artifact', 'Equipment', 'Facility', 'DistributionNetwork', 'Material',
  'Stakeholder', 'Driver', 'Assessment', 'Goal', 'Outcome', 'Principle', 'Requirement', 'Constraint',
  'Meaning', 'Value', 'Resource', 'Capability', 'ValueStream', 'CourseOfAction', 'WorkPackage',
  'Deliverable', 'ImplementationEvent', 'Plateau', 'Gap', 'Grouping', 'Location',
] as const;
export type ArchimateElementType = (typeof archimateElementTypes)[number];

export const archimateRelationshipTypes = [
  'Composition', 'Aggregation', 'Assignment', 'Realization', 'Serving', 'Access', 'Influence',
  'Triggering', 'Flow', 'Specialization', 'Association',
] as const;
export type ArchimateRelationshipType = (typeof archimateRelationshipTypes)[number];

/** The properties every exported element may carry; Archi shows them in its Properties tab. */
const propertyDefinitions = [
  { id: 'pd-key', name: 'akson:nøkkel', type: 'string' },
  { id: 'pd-kind', name: 'akson:type', type: 'string' },
  { id: 'pd-tentative', name: 'akson:tentativ', type: 'boolean' },
  { id: 'pd-source', name: 'akson:kilde', type: 'string' },
  { id: 'pd-tier', name: 'akson:leveransetrinn', type: 'string' },
  { id: 'pd-first-delivery', name: 'akson:første leveranse', type: 'boolean' },
  { id: 'pd-ref', name: 'akson:kravnummer', type: 'string' },
  { id: 'pd-priority', name: 'akson:prioritet', type: 'string' },
  { id: 'pd-status', name: 'akson:status', type: 'string' },
  { id: 'pd-starts', name: 'akson:start', type: 'date' },
  { id: 'pd-ends', name: 'akson:slutt', type: 'date' },
  { id: 'pd-mode', name: 'akson:samhandlingsform', type: 'string' },
  { id: 'pd-need', name: 'akson:behovsnivå', type: 'string' },
  { id: 'pd-usage', name: 'akson:bruk', type: 'string' },
  { id: 'pd-project-no', name: 'akson:prosjektnummer', type: 'number' },
  { id: 'pd-budget', name: 'akson:budsjett (MNOK)', type: 'number' },
  { id: 'pd-provenance', name: 'akson:kildegrunnlag', type: 'string' },
  { id: 'pd-provenance-note', name: 'akson:begrunnelse', type: 'string' },
  { id: 'pd-record-solution', name: 'akson:journalløsning', type: 'string' },
] as const;
type PropertyId = (typeof propertyDefinitions)[number]['id'];
type Properties = [PropertyId, string | number | boolean | null | undefined][];

/** How each typed relation reads in ArchiMate. */
const relationArchimateType: Record<RelationType, ArchimateRelationshipType> = {
  usesInterface: 'Serving',
  deliveredBy: 'Serving',
  threatens: 'Influence',
  builtBy: 'Realization',
  preProjectOf: 'Association',
  issuedBy: 'Association',
  involvedIn: 'Association',
};

export interface ArchimateRelationship {
  id: string;
  type: ArchimateRelationshipType;
  source: string;
  target: string;
  name?: string;
  properties?: Properties;
}

export function archimateElementId(kind: ElementKind, key: string): string {
  return xmlId('id', kind, key);
}

/** The relationships the model's links become, with identifiers stable across exports. */
export function archimateRelationships(model: ScopeModel): ArchimateRelationship[] {
  const byId = new Map<number, ScopeElement>();
  for (const kind of elementKinds) for (const e of model.elements[kind]) byId.set(e.id, e);
  const ref = (id: number | null): string | null => {
    const e = id === null ? undefined : byId.get(id);
    return e ? archimateElementId(e.kind, e.key) : null;
  };
  const out: ArchimateRelationship[] = [];
  const seen = new Set<string>();
  const add = (
    type: ArchimateRelationshipType,
    source: string | null,
    target: string | null,
    name?: string,
    properties?: Properties,
    provenance?: LinkProvenance,
  ) => {
    if (!source || !target || source === target) return;
    // Stable: the same link always gets the same identifier (its provenance may change, so it is not part of it).
    const base = xmlId('rel', type, source.slice(3), target.slice(3), ...(properties ?? []).map(([, v]) => String(v ?? '')));
    let id = base;
    for (let n = 2; seen.has(id); n++) id = `${base}-${n}`;
    seen.add(id);
    const all: Properties = [
      ...(properties ?? []),
      ...(provenance ? ([['pd-provenance', provenanceLabel[provenance.level]], ['pd-provenance-note', provenance.note]] as Properties) : []),
    ];
    out.push({ id, type, source, target, ...(name ? { name } : {}), ...(all.length > 0 ? { properties: all } : {}) });
  };

  for (const c of model.elements.capability) {
    add('Aggregation', ref(c.parentId), ref(c.id));
    add('Realization', ref(c.solutionPartId), ref(c.id), undefined, undefined, c.solutionPartId !== null ? c.solutionPartProvenance : undefined);
  }
  for (const s of model.elements.informationService) {
    add('Aggregation', ref(s.categoryId), ref(s.id));
    add('Aggregation', ref(s.tierId), ref(s.id), undefined, s.tierTentative ? [['pd-tentative', true]] : undefined);
    add('Realization', ref(s.solutionPartId), ref(s.id));
  }
  for (const m of model.elements.milestone) add('Association', ref(m.phaseId), ref(m.id));
  for (const d of model.elements.decisionPoint) add('Association', ref(d.phaseId), ref(d.id));
  const names = (id: number | null) => (id === null ? undefined : byId.get(id)?.name);
  for (const l of model.links.serviceCapabilities) add('Realization', ref(l.serviceId), ref(l.capabilityId), undefined, undefined, l.provenance);
  for (const l of model.links.serviceGoals) add('Association', ref(l.serviceId), ref(l.goalId), 'bidrar til', undefined, l.provenance);
  for (const l of model.links.serviceDependencies) add('Association', ref(l.serviceId), ref(l.projectId), 'avhenger av', undefined, l.provenance);
  for (const l of model.links.servicePersonnelGroups) {
    add('Serving', ref(l.serviceId), ref(l.personnelGroupId), usageLabel[l.usage], [['pd-usage', usageLabel[l.usage]]], l.provenance);
  }
  for (const l of model.links.serviceExchanges) {
    add(
      'Association',
      ref(l.actorId),
      ref(l.serviceId),
      names(l.modeId),
      [
        ['pd-mode', names(l.modeId)],
        ['pd-need', names(l.needLevelId)],
      ],
      l.provenance,
    );
  }
  for (const l of model.links.requirementElements) add('Association', ref(l.requirementId), ref(l.elementId), 'gjelder', undefined, l.provenance);
  for (const l of model.links.relations) {
    add(relationArchimateType[l.relation], ref(l.fromId), ref(l.toId), relationInfo[l.relation].label.toLowerCase(), undefined, l.provenance);
  }
  return out;
}

function propertiesXml(properties: Properties, indent: string): string {
  const present = properties.filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (present.length === 0) return '';
  const rows = present.map(
    ([id, v]) => `${indent}  <property propertyDefinitionRef="${id}"><value xml:lang="nb">${xmlText(String(v))}</value></property>`,
  );
  return `${indent}<properties>\n${rows.join('\n')}\n${indent}</properties>\n`;
}

function elementProperties(e: ScopeElement, model: ScopeModel): Properties {
  const props: Properties = [
    ['pd-key', e.key],
    ['pd-kind', e.kind],
    ['pd-tentative', e.tentative],
    ['pd-source', e.source ? `${e.source.document}:${e.source.fromLine}-${e.source.toLine}` : null],
    ['pd-provenance', provenanceLabel[e.provenance]],
    ['pd-provenance-note', e.provenanceNote],
  ];
  switch (e.kind) {
    case 'informationService': {
      const tier = model.elements.deliveryTier.find((t) => t.id === e.tierId);
      props.push(['pd-tier', tier?.name], ['pd-first-delivery', tier?.firstDelivery]);
      break;
    }
    case 'deliveryTier':
      props.push(['pd-first-delivery', e.firstDelivery]);
      break;
    case 'requirement':
      props.push(['pd-ref', e.ref], ['pd-priority', e.priority], ['pd-status', e.status]);
      break;
    case 'roadmapPhase':
    case 'milestone':
    case 'decisionPoint':
      props.push(['pd-starts', e.startsOn], ['pd-ends', e.endsOn]);
      break;
    case 'nationalProject':
      props.push(['pd-project-no', e.projectNo], ['pd-budget', e.budgetMnok], ['pd-status', e.status]);
      break;
    case 'solutionPart':
    case 'personnelGroup':
    case 'task':
    case 'capability':
    case 'informationCategory':
    case 'collaborationMode':
    case 'actor':
    case 'needLevel':
    case 'goal':
    case 'stakeholder':
    case 'journalInterface':
    case 'nationalSolution':
    case 'risk':
    case 'guideline':
      break;
    case 'region':
      props.push(['pd-record-solution', recordSolutionLabel[e.recordSolution]]);
      break;
    default: {
      const unhandled: never = e;
      return unhandled;
    }
  }
  return props;
}

export interface ArchimateOptions {
  /** Shown as the model's name in Archi. */
  title: string;
  exportedAt: Date;
}

/** The whole exchange file. Elements are grouped in one organisation folder per kind. */
export function toArchimateXml(model: ScopeModel, options: ArchimateOptions): string {
  const lines: string[] = [];
  lines.push('<?xml version="1.0" encoding="UTF-8"?>');
  lines.push(
    `<model xmlns="${ARCHIMATE_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
      `xsi:schemaLocation="${ARCHIMATE_NAMESPACE} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Model.xsd" ` +
      `identifier="id-akson-scope">`,
  );
  lines.push(`  <name xml:lang="nb">${xmlText(options.title)}</name>`);
  lines.push(
    `  <documentation xml:lang="nb">${xmlText(`Eksportert fra akson-scope ${options.exportedAt.toISOString()}.`)}</documentation>`,
  );

  lines.push('  <elements>');
  for (const kind of elementKinds) {
    for (const e of model.elements[kind]) {
      lines.push(`    <element identifier="${archimateElementId(kind, e.key)}" xsi:type="${archimateTypeOfKind[kind]}">`);
      lines.push(`      <name xml:lang="nb">${xmlText(e.kind === 'requirement' ? `${e.ref} ${e.name}` : e.name)}</name>`);
      if (e.nameEn) lines.push(`      <name xml:lang="en">${xmlText(e.nameEn)}</name>`);
      const doc = e.kind === 'requirement' ? [e.text, e.rationale].filter(Boolean).join('\n\n') : e.description;
      if (doc) lines.push(`      <documentation xml:lang="nb">${xmlText(doc)}</documentation>`);
      const props = propertiesXml(elementProperties(e, model), '      ');
      if (props) lines.push(props.trimEnd());
      lines.push('    </element>');
    }
  }
  lines.push('  </elements>');

  const relationships = archimateRelationships(model);
  if (relationships.length > 0) {
    lines.push('  <relationships>');
    for (const r of relationships) {
      const props = propertiesXml(r.properties ?? [], '      ');
      const open = `    <relationship identifier="${r.id}" source="${r.source}" target="${r.target}" xsi:type="${r.type}"`;
      if (!r.name && !props) {
        lines.push(`${open}/>`);
        continue;
      }
      lines.push(`${open}>`);
      if (r.name) lines.push(`      <name xml:lang="nb">${xmlText(r.name)}</name>`);
      if (props) lines.push(props.trimEnd());
      lines.push('    </relationship>');
    }
    lines.push('  </relationships>');
  }

  lines.push('  <organizations>');
  for (const kind of elementKinds) {
    if (model.elements[kind].length === 0) continue;
    lines.push('    <item>');
    lines.push(`      <label xml:lang="nb">${xmlText(kindInfo[kind].plural)}</label>`);
    for (const e of model.elements[kind]) lines.push(`      <item identifierRef="${archimateElementId(kind, e.key)}"/>`);
    lines.push('    </item>');
  }
  if (relationships.length > 0) {
    lines.push('    <item>');
    lines.push('      <label xml:lang="nb">Relasjoner</label>');
    for (const r of relationships) lines.push(`      <item identifierRef="${r.id}"/>`);
    lines.push('    </item>');
  }
  lines.push('  </organizations>');

  lines.push('  <propertyDefinitions>');
  for (const p of propertyDefinitions) {
    lines.push(`    <propertyDefinition identifier="${p.id}" type="${p.type}">`);
    lines.push(`      <name xml:lang="nb">${xmlText(p.name)}</name>`);
    lines.push('    </propertyDefinition>');
  }
  lines.push('  </propertyDefinitions>');
  lines.push('</model>');
  return `${lines.join('\n')}\n`;
}
