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
  singular: string;
  plural: string;
  pluralEn: string;
  /** One sentence for the list page, in the domain's words. */
  intro: string;
}

export const kindInfo: Record<ElementKind, KindInfo> = {
  solutionPart: {
    kind: 'solutionPart',
    path: 'losningsdeler',
    singular: 'Løsningsdel',
    plural: 'Løsningsdeler',
    pluralEn: 'Solution parts',
    intro: 'De tre hoveddelene løsningsomfanget for hele tiltaket deles inn i.',
  },
  // The code name is historical: the slide (lines 1494-1503) lists municipal service areas and
  // says the record covers them and every personnel group working in them.
  personnelGroup: {
    kind: 'personnelGroup',
    path: 'tjenesteomrader',
    singular: 'Tjenesteområde',
    plural: 'Tjenesteområder',
    pluralEn: 'Municipal service areas',
    intro:
      'De kommunale helse- og omsorgstjenestene felles kommunal pasientjournal omfatter. Journalen omfatter også alle helsepersonellgrupper som jobber i disse tjenestene; en personellgruppe kan jobbe i flere tjenesteområder.',
  },
  task: {
    kind: 'task',
    path: 'oppgaver',
    singular: 'Oppgave / prosess',
    plural: 'Oppgaver og prosesser',
    pluralEn: 'Tasks and processes',
    intro: 'Oppgavene og prosessene journalløsningen skal understøtte.',
  },
  capability: {
    kind: 'capability',
    path: 'funksjonsomrader',
    singular: 'Funksjonsområde',
    plural: 'Funksjonsområder',
    pluralEn: 'Capabilities',
    intro: 'Funksjonaliteten løsningen skal ha, som et tre.',
  },
  informationCategory: {
    kind: 'informationCategory',
    path: 'informasjonskategorier',
    singular: 'Informasjonskategori',
    plural: 'Informasjonskategorier',
    pluralEn: 'Information categories',
    intro: 'Kategoriene informasjonstjenestene er gruppert i.',
  },
  informationService: {
    kind: 'informationService',
    path: 'informasjonstjenester',
    singular: 'Informasjonstjeneste',
    plural: 'Informasjonstjenester',
    pluralEn: 'Information services',
    intro: 'Informasjonstjenestene som bør være implementert i første leveranse i Akson.',
  },
  deliveryTier: {
    kind: 'deliveryTier',
    path: 'leveransetrinn',
    singular: 'Leveransetrinn',
    plural: 'Leveransetrinn',
    pluralEn: 'Delivery tiers',
    intro: 'Trinnene informasjonstjenestene er fordelt på, slik lysarket om første leveranse viser dem.',
  },
  collaborationMode: {
    kind: 'collaborationMode',
    path: 'samhandlingsformer',
    singular: 'Samhandlingsform',
    plural: 'Samhandlingsformer',
    pluralEn: 'Collaboration modes',
    intro: 'Måtene informasjonstjenestene utveksles på.',
  },
  actor: {
    kind: 'actor',
    path: 'aktorer',
    singular: 'Aktør',
    plural: 'Aktører',
    pluralEn: 'Actors',
    intro: 'Aktørene samhandlingsplattformen skal sikre samhandling mellom.',
  },
  needLevel: {
    kind: 'needLevel',
    path: 'behovsnivaer',
    singular: 'Behovsnivå',
    plural: 'Behovsnivåer',
    pluralEn: 'Need levels',
    intro: 'Hvor stort behovet for nyutvikling eller forbedring er.',
  },
  goal: {
    kind: 'goal',
    path: 'mal',
    singular: 'Mål',
    plural: 'Mål',
    pluralEn: 'Goals',
    intro: 'Hva vil vi oppnå?',
  },
  roadmapPhase: {
    kind: 'roadmapPhase',
    path: 'faser',
    singular: 'Fase',
    plural: 'Faser',
    pluralEn: 'Roadmap phases',
    intro: 'Fasene i den tentative tidslinjen.',
  },
  milestone: {
    kind: 'milestone',
    path: 'milepaeler',
    singular: 'Milepæl',
    plural: 'Milepæler',
    pluralEn: 'Milestones',
    intro: 'Milepælene i tidslinjen.',
  },
  decisionPoint: {
    kind: 'decisionPoint',
    path: 'beslutningspunkter',
    singular: 'Beslutningspunkt',
    plural: 'Beslutningspunkter',
    pluralEn: 'Decision points',
    intro: 'Spørsmålene som må besluttes om omfanget for journalløsningen og for samhandling.',
  },
  stakeholder: {
    kind: 'stakeholder',
    path: 'interessenter',
    singular: 'Interessent',
    plural: 'Interessenter',
    pluralEn: 'Stakeholders',
    intro: 'Hvem som involveres i arbeidet, og hvordan.',
  },
  nationalProject: {
    kind: 'nationalProject',
    path: 'portefolje',
    singular: 'Prosjekt i nasjonal portefølje',
    plural: 'Nasjonal e-helseportefølje',
    pluralEn: 'National e-health portfolio',
    intro: 'De 52 prosjektene og programmene i nasjonal e-helseportefølje 2019.',
  },
  requirement: {
    kind: 'requirement',
    path: 'krav',
    singular: 'Krav',
    plural: 'Krav',
    pluralEn: 'Requirements',
    intro: 'Kravene («skal»-utsagn) som knyttes til elementer i omfanget.',
  },
  journalInterface: {
    kind: 'journalInterface',
    path: 'grensesnitt',
    singular: 'Grensesnitt',
    plural: 'Grensesnitt',
    pluralEn: 'Interfaces of the shared record',
    intro:
      'Grensesnittene i kanten av felles journalløsning: mot samhandling, mot kommunale administrative funksjoner og mot velferdsteknologi. De avgrenser omfanget; informasjonstjenester kobles til grensesnittet de går gjennom.',
  },
  region: {
    kind: 'region',
    path: 'regioner',
    singular: 'Region',
    plural: 'Regioner',
    pluralEn: 'Regions',
    intro:
      'Målbildet «Én innbygger – én journal»: Helseplattformen for både kommuner og spesialisthelsetjeneste i Midt-Norge, felles kommunal journal i de andre regionene, og felles løsninger for helhetlig samhandling for alle.',
  },
  nationalSolution: {
    kind: 'nationalSolution',
    path: 'nasjonale-losninger',
    singular: 'Nasjonal e-helseløsning',
    plural: 'Nasjonale e-helseløsninger',
    pluralEn: 'National e-health solutions',
    intro: 'Nasjonale e-helseløsninger som informasjonstjenester kan leveres av, integrert i journalen.',
  },
  risk: {
    kind: 'risk',
    path: 'risikoer',
    singular: 'Risiko',
    plural: 'Risikoer',
    pluralEn: 'Risks',
    intro: 'Hovedutfordringene i nasjonal e-helseportefølje, og hva i omfanget de truer.',
  },
  guideline: {
    kind: 'guideline',
    path: 'foringer',
    singular: 'Føring',
    plural: 'Oppdrag og føringer',
    pluralEn: 'Mandate and guidelines',
    intro: 'Oppdraget fra Helse- og omsorgsdepartementet og de sentrale føringene for arbeidet.',
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
