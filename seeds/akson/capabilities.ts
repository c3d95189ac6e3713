import type { CapabilitySeed } from './types.ts';

/**
 * The capability tree. The top level is the slide "Felles kommunal pasientjournal og helhetlig
 * samhandling" (lines 1507-1573); the children of the first two groups come from the slide
 * "…gjennom en helhetlig arbeidsflate" (lines 2019-2092), marked UNDER ARBEID. A group sits under
 * a solution part where the slides put it there by heading: "Journalløsning" and "Felles
 * journalløsning" over the record's groups, the "Løsninger for samhandling…" groups matching the
 * three kinds of collaboration that make up the collaboration platform (lines 1703-1709), and
 * the integration with other municipal solutions matching part 1's "integrasjon med
 * administrative funksjoner" (lines 1697-1701).
 */
const JOURNAL =
  'Lysarket setter gruppen under overskriften «Journalløsning» (linje 1508) og «Felles journalløsning» (2023); plasseringen i hoveddel 1 er lest av oppsettet.';
const SAMHANDLING =
  'Gruppen tilsvarer en av de tre samhandlingsformene som utgjør samhandlingsplattformen (linje 1703-1709); plasseringen i hoveddel 2 er lest av navnet.';
const INTEGRASJON =
  'Integrasjon med andre kommunale løsninger tilsvarer hoveddel 1s «integrasjon med administrative funksjoner» (linje 1697-1701); plasseringen er lest av navnet.';

export const capabilities: CapabilitySeed[] = [
  {
    key: 'dokumentasjon-av-forlop-og-tilstand',
    name: 'Dokumentasjon av forløp og tilstand',
    solutionPart: 'felles-journallosning',
    solutionPartReason: JOURNAL,
    lines: [1510, 1512],
    children: [
      { key: 'klinisk-dokumentasjon', name: 'Håndtere klinisk dokumentasjon', lines: [2028, 2030], tentative: true },
      { key: 'klinisk-historikk', name: 'Håndtere klinisk historikk', lines: [2032, 2034], tentative: true },
      { key: 'gjengi-ekstern-informasjon', name: 'Gjengi ekstern informasjon', lines: [2036, 2038], tentative: true },
      { key: 'bestillinger', name: 'Håndtere bestillinger', lines: [2040, 2042], tentative: true },
      { key: 'administrasjon-av-legemidler', name: 'Administrasjon av legemidler', lines: [2044, 2046], tentative: true },
      { key: 'administrasjon-av-behandling', name: 'Administrasjon av behandling', lines: [2048, 2050], tentative: true },
      { key: 'fremtidig-behandling', name: 'Håndtere fremtidig behandling', lines: [2052, 2054], tentative: true },
      { key: 'handtering-av-journal', name: 'Håndtering av journal', lines: [2056, 2058], tentative: true },
    ],
  },
  {
    key: 'pasientrettet-planlegging',
    name: 'Pasientrettet planlegging, saksbehandling og koordinering',
    solutionPart: 'felles-journallosning',
    solutionPartReason: JOURNAL,
    lines: [1514, 1516],
    children: [
      { key: 'pasientopplaering', name: 'Håndtere pasientopplæring', lines: [2064, 2066], tentative: true },
      { key: 'arbeidsflyt', name: 'Håndtering av arbeidsflyt', lines: [2068, 2070], tentative: true },
      { key: 'koordinering-av-helsehjelp', name: 'Håndtere koordinering av helsehjelp', lines: [2072, 2076], tentative: true },
      { key: 'stotte-til-kommunikasjon', name: 'Støtte til kommunikasjon', lines: [2078, 2080], tentative: true },
      {
        key: 'oppgaver-i-klinisk-arbeidsflyt',
        name: 'Håndtere oppgaver i klinisk arbeidsflyt',
        lines: [2082, 2086],
        tentative: true,
      },
      { key: 'administrasjon-av-kontakter', name: 'Administrasjon av kontakter', lines: [2088, 2090], tentative: true },
    ],
  },
  {
    key: 'organisering-av-helsepersonell',
    name: 'Organisering av helsepersonell, ressurser og oppgaver',
    solutionPart: 'felles-journallosning',
    solutionPartReason: JOURNAL,
    lines: [1518, 1520],
  },
  {
    key: 'kunnskaps-og-beslutningsstotte',
    name: 'Kunnskaps-, beslutnings- og fagfellesstøtte',
    solutionPart: 'felles-journallosning',
    solutionPartReason: JOURNAL,
    lines: [1522, 1524],
  },
  {
    key: 'samhandling-med-innbygger',
    name: 'Løsninger for samhandling med innbygger',
    solutionPart: 'samhandlingsplattform',
    solutionPartReason: SAMHANDLING,
    lines: [1526, 1528],
  },
  {
    key: 'samhandling-utenfor-helse',
    name: 'Løsninger for samhandling med kommunale og statlige tjenesteområder utenfor helse- og omsorgssektoren',
    solutionPart: 'samhandlingsplattform',
    solutionPartReason: SAMHANDLING,
    lines: [1529, 1535],
    children: [
      { key: 'ppt', name: 'PPT', description: 'Pedagogisk-psykologisk tjeneste.', lines: [1537, 1537] },
      { key: 'nav', name: 'NAV', lines: [1539, 1539] },
      { key: 'skole-barnehage', name: 'Skole/barnehage', lines: [1541, 1543] },
      { key: 'barnevern', name: 'Barnevern', lines: [1549, 1549] },
      { key: 'andre-tjenesteomrader', name: 'Andre', lines: [1551, 1551] },
    ],
  },
  {
    key: 'samhandling-i-samme-losning',
    name: 'Samhandling mellom helsepersonell i samme løsning',
    solutionPart: 'samhandlingsplattform',
    solutionPartReason: SAMHANDLING,
    lines: [1545, 1547],
  },
  {
    key: 'samhandling-i-helsesektoren',
    name: 'Løsninger for samhandling mellom aktørene i helsesektoren',
    solutionPart: 'samhandlingsplattform',
    solutionPartReason: SAMHANDLING,
    lines: [1553, 1555],
  },
  {
    key: 'integrasjon-kommunale-losninger',
    name: 'Integrasjon med andre kommunale løsninger',
    solutionPart: 'felles-journallosning',
    solutionPartReason: INTEGRASJON,
    lines: [1557, 1559],
    children: [
      { key: 'velferdsteknologi', name: 'Velferdsteknologi', lines: [1561, 1561] },
      { key: 'flatestyring', name: 'Flåtestyring', lines: [1561, 1561] },
      { key: 'administrasjon', name: 'Administrasjon', lines: [1563, 1563] },
      { key: 'lonn', name: 'Lønn', lines: [1565, 1565] },
      { key: 'personal', name: 'Personal', lines: [1566, 1566] },
    ],
  },
  { key: 'ulike-arbeidsflater', name: 'Ulike arbeidsflater', lines: [1570, 1570] },
  { key: 'tilpasning-lokale-behov', name: 'Tilpasning til lokale kliniske behov', lines: [1572, 1573] },
];
