import type { ElementKind } from './kinds.ts';
import type { ElementRelation, RelationType, ScopeModel } from './schemas.ts';

export interface RelationInfo {
  relation: RelationType;
  /** The kinds at the "from" end; null means any kind. */
  from: readonly ElementKind[];
  to: readonly ElementKind[] | null;
  /** Read from the "from" element: "<from> leveres av nasjonal løsning <to>". */
  label: string;
  /** Read from the "to" element. */
  inverse: string;
}

/** Every typed relation between elements, in the domain's words. */
export const relationInfo: Record<RelationType, RelationInfo> = {
  usesInterface: {
    relation: 'usesInterface',
    from: ['informationService'],
    to: ['journalInterface'],
    label: 'Går gjennom grensesnitt',
    inverse: 'Informasjonstjenester som går gjennom grensesnittet',
  },
  deliveredBy: {
    relation: 'deliveredBy',
    from: ['informationService'],
    to: ['nationalSolution'],
    label: 'Leveres av nasjonal løsning',
    inverse: 'Informasjonstjenester løsningen leverer',
  },
  threatens: {
    relation: 'threatens',
    from: ['risk'],
    to: null,
    label: 'Truer',
    inverse: 'Trues av risiko',
  },
  builtBy: {
    relation: 'builtBy',
    from: ['nationalSolution'],
    to: ['nationalProject'],
    label: 'Utvikles i prosjekt',
    inverse: 'Nasjonale løsninger prosjektet utvikler',
  },
  preProjectOf: {
    relation: 'preProjectOf',
    from: ['nationalProject'],
    to: ['roadmapPhase'],
    label: 'Er Aksons eget forprosjekt',
    inverse: 'Prosjekt i nasjonal portefølje som er denne fasen',
  },
  issuedBy: {
    relation: 'issuedBy',
    from: ['guideline'],
    to: ['stakeholder'],
    label: 'Gitt av',
    inverse: 'Oppdrag og føringer gitt av interessenten',
  },
  involvedIn: {
    relation: 'involvedIn',
    from: ['stakeholder'],
    to: ['roadmapPhase'],
    label: 'Involveres i',
    inverse: 'Interessenter som involveres',
  },
};

/** The relations that start at an element of this kind. */
export function relationsFrom(kind: ElementKind): RelationInfo[] {
  return Object.values(relationInfo).filter((r) => r.from.includes(kind));
}

/** Whether `to` may be the far end of this relation. */
export function relationAccepts(relation: RelationType, toKind: ElementKind): boolean {
  const to = relationInfo[relation].to;
  return to === null || to.includes(toKind);
}

/** The relations at an element, outgoing and incoming. */
export function relationsOf(model: ScopeModel, elementId: number): { outgoing: ElementRelation[]; incoming: ElementRelation[] } {
  return {
    outgoing: model.links.relations.filter((r) => r.fromId === elementId),
    incoming: model.links.relations.filter((r) => r.toId === elementId),
  };
}
