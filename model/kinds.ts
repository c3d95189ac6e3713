import { z } from 'zod';

/**
 * Every scope element has one of these kinds. The kind decides which table holds its
 * kind-specific columns and where it lives in the UI; the common identity (id, key, name,
 * description, source, tentative) is shared, so that requirements, comments, reviews and
 * history attach to any element with one foreign key.
 */
export const elementKinds = [
  'solutionPart',
  'personnelGroup',
  'task',
  'capability',
  'informationCategory',
  'informationService',
  'deliveryTier',
  'collaborationMode',
  'actor',
  'needLevel',
  'goal',
  'roadmapPhase',
  'milestone',
  'decisionPoint',
  'stakeholder',
  'nationalProject',
  'requirement',
  'journalInterface',
  'region',
  'nationalSolution',
  'risk',
  'guideline',
] as const;

export const elementKindSchema = z.enum(elementKinds);
export type ElementKind = z.infer<typeof elementKindSchema>;

export interface KindInfo {
  kind: ElementKind;
  /** URL segment of the list page; detail pages are `/${path}/${key}`. */
  path: string;
  /**
   * The kind's name in bokmål, for what is written in the model's own language (exports to other
   * tools, audit text). The interface says it from the catalogue: `kinds.<kind>.singular`,
   * `.plural`, `.new`, `.count` and `.intro` (the sentence on the list page), in each language.
   */
  singular: string;
  plural: string;
}

export const kindInfo: Record<ElementKind, KindInfo> = {
  solutionPart: {
    kind: 'solutionPart',
    path: 'losningsdeler',
    singular: 'Løsningsdel',
    plural: 'Løsningsdeler',
  },
  // The code name is historical: the slide (lines 1494-1503) lists municipal service areas and
  // says the record covers them and every personnel group working in them.
  personnelGroup: {
    kind: 'personnelGroup',
    path: 'tjenesteomrader',
    singular: 'Tjenesteområde',
    plural: 'Tjenesteområder',
  },
  task: {
    kind: 'task',
    path: 'oppgaver',
    singular: 'Oppgave / prosess',
    plural: 'Oppgaver og prosesser',
  },
  capability: {
    kind: 'capability',
    path: 'funksjonsomrader',
    singular: 'Funksjonsområde',
    plural: 'Funksjonsområder',
  },
  informationCategory: {
    kind: 'informationCategory',
    path: 'informasjonskategorier',
    singular: 'Informasjonskategori',
    plural: 'Informasjonskategorier',
  },
  informationService: {
    kind: 'informationService',
    path: 'informasjonstjenester',
    singular: 'Informasjonstjeneste',
    plural: 'Informasjonstjenester',
  },
  deliveryTier: {
    kind: 'deliveryTier',
    path: 'leveransetrinn',
    singular: 'Leveransetrinn',
    plural: 'Leveransetrinn',
  },
  collaborationMode: {
    kind: 'collaborationMode',
    path: 'samhandlingsformer',
    singular: 'Samhandlingsform',
    plural: 'Samhandlingsformer',
  },
  actor: {
    kind: 'actor',
    path: 'aktorer',
    singular: 'Aktør',
    plural: 'Aktører',
  },
  needLevel: {
    kind: 'needLevel',
    path: 'behovsnivaer',
    singular: 'Behovsnivå',
    plural: 'Behovsnivåer',
  },
  goal: {
    kind: 'goal',
    path: 'mal',
    singular: 'Mål',
    plural: 'Mål',
  },
  roadmapPhase: {
    kind: 'roadmapPhase',
    path: 'faser',
    singular: 'Fase',
    plural: 'Faser',
  },
  milestone: {
    kind: 'milestone',
    path: 'milepaeler',
    singular: 'Milepæl',
    plural: 'Milepæler',
  },
  decisionPoint: {
    kind: 'decisionPoint',
    path: 'beslutningspunkter',
    singular: 'Beslutningspunkt',
    plural: 'Beslutningspunkter',
  },
  stakeholder: {
    kind: 'stakeholder',
    path: 'interessenter',
    singular: 'Interessent',
    plural: 'Interessenter',
  },
  nationalProject: {
    kind: 'nationalProject',
    path: 'portefolje',
    singular: 'Prosjekt i nasjonal portefølje',
    plural: 'Nasjonal e-helseportefølje',
  },
  requirement: {
    kind: 'requirement',
    path: 'krav',
    singular: 'Krav',
    plural: 'Krav',
  },
  journalInterface: {
    kind: 'journalInterface',
    path: 'grensesnitt',
    singular: 'Grensesnitt',
    plural: 'Grensesnitt',
  },
  region: {
    kind: 'region',
    path: 'regioner',
    singular: 'Region',
    plural: 'Regioner',
  },
  nationalSolution: {
    kind: 'nationalSolution',
    path: 'nasjonale-losninger',
    singular: 'Nasjonal e-helseløsning',
    plural: 'Nasjonale e-helseløsninger',
  },
  risk: {
    kind: 'risk',
    path: 'risikoer',
    singular: 'Risiko',
    plural: 'Risikoer',
  },
  guideline: {
    kind: 'guideline',
    path: 'foringer',
    singular: 'Føring',
    plural: 'Oppdrag og føringer',
  },
};

export const kindByPath: ReadonlyMap<string, ElementKind> = new Map(
  elementKinds.map((kind) => [kindInfo[kind].path, kind]),
);

/**
 * A Hono path parameter that matches only the kinds' list paths. The alternatives sit in a
 * non-capturing group: bare `a|b` leaks out of Hono's combined route regex and matches too much.
 */
export const kindPathParam = `:kindPath{(?:${elementKinds.map((k) => kindInfo[k].path).join('|')})}`;

export function elementHref(kind: ElementKind, key: string): string {
  return `/${kindInfo[kind].path}/${encodeURIComponent(key)}`;
}

/**
 * The `default` of a `switch` over kinds: it compiles only while every kind has its `case`, so
 * adding a kind makes the compiler name each switch that must handle it. (A record over kinds
 * says the same with `satisfies Record<ElementKind, …>`.)
 */
export function unhandledKind(kind: never): never {
  throw new Error(`Elementtypen ${String(kind)} er ikke håndtert.`);
}
