import type { DecisionPointSeed, MilestoneSeed, RoadmapPhaseSeed } from './types.ts';

/**
 * The roadmap. Phases come from the "Tentativ tidslinje" (lines 1590-1616) and the two decision
 * slides (lines 1717-1807); the text keeps their order but not where they sat against the years,
 * so dates are read as closely as the text allows (gjennomføring "tent. fra 2021", first
 * delivery "2024/2025", the 2030 ambition) and every date that is an estimate is tentative and
 * inferred, with its reason.
 */
const YEARS =
  'Tidslinjen (linje 1592, 1720, 1775) viser bare år; datoen er lest av rekkefølgen i teksten, ikke oppgitt.';
export const roadmapPhases: RoadmapPhaseSeed[] = [
  {
    key: 'forprosjekt-og-ks2',
    name: 'Forprosjekt og KS2',
    description: 'Forprosjektet med ekstern kvalitetssikring (KS2).',
    startsOn: '2019-01-01',
    endsOn: '2020-12-31',
    lines: [1598, 1598],
    tentative: true,
    inferred: YEARS,
  },
  {
    key: 'anskaffelse',
    name: 'Anskaffelse',
    startsOn: '2021-01-01',
    endsOn: '2022-06-30',
    lines: [1598, 1598],
    tentative: true,
    inferred: YEARS,
  },
  {
    key: 'etablering-og-tilpasning',
    name: 'Etablering og tilpasning',
    startsOn: '2022-07-01',
    endsOn: '2024-12-31',
    lines: [1598, 1598],
    tentative: true,
    inferred: YEARS,
  },
  {
    key: 'innforing-drift-og-forvaltning',
    name: 'Innføring, drift og forvaltning',
    startsOn: '2025-01-01',
    endsOn: '2030-12-31',
    lines: [1608, 1608],
    tentative: true,
    inferred: YEARS,
  },
  {
    key: 'plan-for-innspill',
    name: 'Plan for innspill på foreløpig dokumentasjon',
    description:
      'Planen KS og kommunesektoren lager sammen med direktoratet: møter i KommIT-rådet, Nasjonalt e-helsestyre, prosjektstyret, arbeidsgruppe prosjektstrategi, SPA, KS2 og arbeidsmøtene om løsningsomfang og arkitektur.',
    startsOn: '2019-05-01',
    endsOn: '2020-06-30',
    lines: [2333, 2338],
    inferred:
      'Planens akse viser månedene mai–jun og ukene 18–26 uten år (linje 2336-2338); lest som mai 2019 til juni 2020 fordi møtet er i oktober 2019.',
  },
];

export const milestones: MilestoneSeed[] = [
  {
    key: 'sentralt-styringsdokument',
    name: 'Sentralt styringsdokument leveres',
    description: 'Oppdrag fra Helse- og omsorgsdepartementet: sentralt styringsdokument skal leveres februar 2020.',
    on: '2020-02-01',
    phase: 'forprosjekt-og-ks2',
    lines: [1431, 1433],
  },
  {
    key: 'intensjonserklaeringer',
    name: 'Intensjonsavtaler med kommuner',
    description:
      'Mål om signering av intensjonsavtaler med kommuner som representerer over halvparten av Norges befolkning innen juni 2020.',
    on: '2020-06-30',
    phase: 'forprosjekt-og-ks2',
    lines: [1582, 1586],
  },
  {
    key: 'kunngjoring-av-anskaffelse',
    name: 'Kunngjøring av anskaffelse',
    on: '2021-01-01',
    phase: 'anskaffelse',
    lines: [1594, 1596],
    tentative: true,
    inferred: YEARS,
  },
  {
    key: 'signering-av-kontrakt',
    name: 'Signering av kontrakt',
    on: '2022-06-30',
    phase: 'anskaffelse',
    lines: [1600, 1602],
    tentative: true,
    inferred: YEARS,
  },
  {
    key: 'innfort-i-forste-kommuner',
    name: 'Innført i de første kommunene',
    on: '2025-01-01',
    phase: 'innforing-drift-og-forvaltning',
    lines: [1604, 1606],
    tentative: true,
    inferred: YEARS,
  },
];

/**
 * "I denne fasen trenger vi å bestemme omfanget for journalløsningen…" (lines 1717-1770), five
 * questions, and "Det er noe mer komplisert når det gjelder samhandlingsfunksjonalitet" (lines
 * 1774-1807), three. The numbers are the slides' own.
 */
const QUESTION =
  'Lysarket stiller spørsmålene i denne fasen (linje 1774-1807) og tidfester dem ikke; 2023, 2024/2025 og 2030 er det de spør om, ikke når de besluttes. Datoen er forprosjektets slutt.';

export const decisionPoints: DecisionPointSeed[] = [
  {
    key: 'journal-1-omfang-inn-i-gjennomforingen',
    name: 'Med hvilket omfang skal vi anbefale at man går inn i gjennomføringen med, tent. fra 2021?',
    track: 'journal',
    number: 1,
    on: '2020-12-31',
    phase: 'forprosjekt-og-ks2',
    lines: [1724, 1732],
    tentative: true,
    inferred: YEARS,
  },
  {
    key: 'journal-2-avstemme-med-leverandorene',
    name: 'Avstemme løsningsomfang gjennom dialog med leverandørene',
    track: 'journal',
    number: 2,
    on: '2021-12-31',
    phase: 'anskaffelse',
    lines: [1742, 1750],
    tentative: true,
    inferred: YEARS,
  },
  {
    key: 'journal-3-omfang-i-kontrakten',
    name: 'Beslutte hvilket omfang som kontrakten skal omfatte',
    track: 'journal',
    number: 3,
    on: '2022-06-30',
    phase: 'anskaffelse',
    lines: [1734, 1740],
    tentative: true,
    inferred: YEARS,
  },
  {
    key: 'journal-4-omfang-forste-kommuner',
    name: 'Løsningsomfang for de første kommunene som tar i bruk løsningen',
    track: 'journal',
    number: 4,
    on: '2024-06-30',
    phase: 'etablering-og-tilpasning',
    lines: [1752, 1758],
    tentative: true,
    inferred: YEARS,
  },
  {
    key: 'journal-5-videreutvikling',
    name: 'Håndtere videreutvikling i avtale med valgt leverandør og innovasjon i markedet',
    track: 'journal',
    number: 5,
    on: '2026-01-01',
    phase: 'innforing-drift-og-forvaltning',
    lines: [1762, 1770],
    tentative: true,
    inferred: YEARS,
  },
  {
    key: 'samhandling-1-status-2023',
    name: 'Hvor står vi med samhandlingsfunksjonalitet i inngangen til 2023?',
    track: 'samhandling',
    number: 1,
    on: '2020-12-31',
    phase: 'forprosjekt-og-ks2',
    lines: [1779, 1787],
    tentative: true,
    description:
      'Spørsmål forprosjektet må svare på: hvor står samhandlingsfunksjonaliteten når 2023 begynner? Ikke en beslutning tatt i 2023.',
    inferred: QUESTION,
  },
  {
    key: 'samhandling-2-forste-leveranse',
    name: 'Hva bør være innholdet i første leveranse i 2024/2025? (noe mer presist)',
    track: 'samhandling',
    number: 2,
    on: '2020-12-31',
    phase: 'forprosjekt-og-ks2',
    lines: [1799, 1807],
    tentative: true,
    description:
      'Spørsmål forprosjektet må svare på: hva bør første leveranse i 2024/2025 inneholde? Ikke en beslutning tatt i 2024.',
    inferred: QUESTION,
  },
  {
    key: 'samhandling-3-ambisjon-2030',
    name: 'Hvilket ambisjonsnivå skal vi ha for samhandling i 2030 (sånn cirka)?',
    track: 'samhandling',
    number: 3,
    on: '2020-12-31',
    phase: 'forprosjekt-og-ks2',
    lines: [1789, 1797],
    tentative: true,
    description:
      'Spørsmål forprosjektet må svare på: hvilket ambisjonsnivå for samhandling i 2030? Ikke en beslutning tatt i 2030.',
    inferred: QUESTION,
  },
];
