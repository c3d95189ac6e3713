import type { ElementSeed, RegionSeed, RelationSeed } from './types.ts';

/*
 * The concepts the first seed left out (issue 16), each from the document with its lines: the
 * interfaces at the edge of the shared record, the regions of the target picture, the national
 * solutions services are delivered by, the portfolio's risks, the ministry's mandate and the key
 * guidelines, and the relations between them and the rest of the scope.
 */

/** "Løsningsomfanget for felles journalløsning bestemmes av tre faktorer" is framed by three interfaces (lines 1811-1844). */
export const journalInterfaces: ElementSeed[] = [
  {
    key: 'samhandling',
    name: 'Grensesnitt for å støtte samhandling med helsepersonell, innbyggere og andre statlige og kommunale tjenester',
    nameEn: 'Interface for collaboration with health personnel, citizens and other services',
    description: 'Grensesnittet i kanten av felles journalløsning der samhandlingsplattformen kobles til.',
    lines: [1820, 1828],
  },
  {
    key: 'administrative-funksjoner',
    name: 'Grensesnitt for å støtte integrasjoner med kommunale administrative funksjoner',
    nameEn: 'Interface for integration with municipal administrative functions',
    lines: [1830, 1836],
  },
  {
    key: 'velferdsteknologi',
    name: 'Grensesnitt for å støtte integrasjon med trygghetsskapende tiltak og velferdsteknologi',
    nameEn: 'Interface for integration with safety measures and welfare technology',
    lines: [1838, 1844],
  },
];

const PICTURE =
  'Bildet «Veikart for Én innbygger – én journal» (linje 1459-1490) mister oppsettet i teksten: regionene står på én linje (1470), «Felles journal» (1474) og «Helseplattformen» skrevet loddrett (1476-1490) uten plassering.';

/** "Veikart for Én innbygger – én journal": the four health regions and their record solution. */
export const regions: RegionSeed[] = [
  {
    key: 'midt-norge',
    name: 'Midt-Norge',
    description:
      'Helseplattformen er felles journal for både kommunale helse- og omsorgstjenester og spesialisthelsetjenesten. Løsninger for helhetlig samhandling er felles for alle regioner. Tidslinjen viser også «Helseplattformen første innføring» (linje 1610-1612), uten en dato teksten bevarer.',
    recordSolution: 'helseplattformen',
    lines: [1459, 1490],
    inferred: `${PICTURE} Helseplattformen er Helse Midt-Norges prosjekt (prosjekt 111, linje 493), så den leses som regionens løsning for begge nivåer.`,
    counties: ['15', '50'],
    countiesReason:
      'Dokumentet nevner ingen fylker: Helse Midt-Norge dekker Møre og Romsdal (15) og Trøndelag (50) med 2024-numrene.',
  },
  {
    key: 'nord',
    name: 'Nord',
    description: 'Felles kommunal journal for kommunene; løsninger for helhetlig samhandling felles for alle.',
    recordSolution: 'felles-kommunal-journal',
    lines: [1459, 1474],
    inferred: `${PICTURE} Regionene uten Helseplattformen leses som regioner med felles kommunal journal.`,
    counties: ['18', '55', '56'],
    countiesReason: 'Dokumentet nevner ingen fylker: Helse Nord dekker Nordland (18), Troms (55) og Finnmark (56) med 2024-numrene.',
  },
  {
    key: 'vest',
    name: 'Vest',
    description: 'Felles kommunal journal for kommunene; løsninger for helhetlig samhandling felles for alle.',
    recordSolution: 'felles-kommunal-journal',
    lines: [1459, 1474],
    inferred: `${PICTURE} Regionene uten Helseplattformen leses som regioner med felles kommunal journal.`,
    counties: ['11', '46'],
    countiesReason: 'Dokumentet nevner ingen fylker: Helse Vest dekker Rogaland (11) og Vestland (46) med 2024-numrene.',
  },
  {
    key: 'sor-ost',
    name: 'Sør-Øst',
    description: 'Felles kommunal journal for kommunene; løsninger for helhetlig samhandling felles for alle.',
    recordSolution: 'felles-kommunal-journal',
    lines: [1459, 1474],
    inferred: `${PICTURE} Regionene uten Helseplattformen leses som regioner med felles kommunal journal.`,
    counties: ['03', '31', '32', '33', '34', '39', '40', '42'],
    countiesReason:
      'Dokumentet nevner ingen fylker: Helse Sør-Øst dekker Oslo, Østfold, Akershus, Buskerud, Innlandet, Vestfold, Telemark og Agder med 2024-numrene.',
  },
];

/** National e-health solutions the document names (the portfolio's common building blocks). */
export const nationalSolutions: ElementSeed[] = [
  {
    key: 'kjernejournal',
    name: 'Kjernejournal',
    nameEn: 'Summary Care Record',
    description: 'Nasjonal løsning; prosjekt 128 «Kjernejournal – Innsyn journal for helsepersonell på tvers».',
    lines: [645, 645],
  },
  {
    key: 'legemiddelopplysninger',
    name: 'Delte legemiddelopplysninger',
    nameEn: 'Shared medication information',
    description: 'Innsatsområde 2.2 «Dele oppdaterte legemiddelopplysninger», prosjekt 160 «Digitalisering av legemiddelområdet».',
    lines: [681, 685],
    inferred:
      'Dokumentet navngir ingen nasjonal legemiddelløsning; innsatsområde 2.2 og prosjekt 160 (linje 681-685) er det nærmeste, og navnet er redaksjonens.',
  },
  { key: 'helseid', name: 'HelseID', description: 'Nasjonal løsning for pålogging for helsepersonell.', lines: [1340, 1342] },
  { key: 'grunndata', name: 'Grunndata', description: 'Prosjekt 178 «Grunndata - Risikoløft».', lines: [882, 882] },
  {
    key: 'folkeregisteret',
    name: 'Folkeregisteret i helse- og omsorgssektoren',
    description: 'Prosjekt 100 «MF Helse - Felles samarbeidsprogram for modernisering av Folkeregisteret i helse- og omsorgssektoren».',
    lines: [1086, 1086],
  },
  { key: 'helsenett', name: 'Helsenett', description: 'Prosjekt 101 «Robust Mobilt Helsenett».', lines: [868, 868] },
];

/** "Risikomatrise med hovedutfordringer i nasjonal portefølje" (lines 1314-1346). */
export const risks: ElementSeed[] = [
  {
    key: 'leveransekraft-i-grunnmur',
    name: 'Manglende leveransekraft i grunnmursarbeid',
    description: 'Undergraver samhandling og videreutvikling av nasjonale e-helseløsninger, og fordyrer utviklingen.',
    lines: [1326, 1330],
  },
  {
    key: 'bredding-av-nasjonale-losninger',
    name: 'Manglende bredding av nasjonale løsninger',
    description: 'Reduserer muligheter for realisering av gevinster.',
    lines: [1332, 1334],
  },
  {
    key: 'utvikling-av-epj',
    name: 'Manglende utvikling av EPJ-løsningene',
    description: 'Vil forsinke utbredelse av nasjonale løsninger.',
    lines: [1336, 1338],
  },
  {
    key: 'eid-og-helseid',
    name: 'Manglende innføring av eID og HelseID',
    description: 'Vil gi alvorlige forsinkelser og redusert gevinst for helsepersonell.',
    lines: [1340, 1342],
  },
  {
    key: 'finansieringsmodeller',
    name: 'Manglende finansieringsmodeller',
    description: 'Gjør at flere prosjekter har usikker finansiering framover.',
    lines: [1344, 1346],
  },
];

/** "Oppdrag fra Helse- og omsorgsdepartementet" and "Sentrale føringer" (lines 1418-1455). */
export const guidelines: ElementSeed[] = [
  {
    key: 'oppdrag-fra-hod',
    name: 'Oppdrag fra Helse- og omsorgsdepartementet',
    nameEn: "The ministry's mandate",
    description:
      'Gjennomføre et forprosjekt for helhetlig samhandling og felles kommunal journal. Sentralt styringsdokument skal leveres februar 2020. Intensjonserklæringer med kommuner innen juni 2020.',
    lines: [1422, 1437],
  },
  { key: 'stegvis-gjennomforing', name: 'Stegvis gjennomføring', lines: [1443, 1443] },
  {
    key: 'styring-organisering-ansvar',
    name: 'Modeller for styring, organisering og ansvarsplassering',
    lines: [1445, 1447],
  },
  { key: 'frivillighet', name: 'Frivillighet i innledende faser', lines: [1449, 1449] },
  { key: 'kostnads-og-gevinstfordeling', name: 'Konkretisere kostnads- og gevinstfordeling', lines: [1451, 1453] },
  { key: 'standarder-og-tekniske-krav', name: 'Utrede standarder og tekniske krav', lines: [1455, 1455] },
];

const INTERFACE_SAMHANDLING =
  'Tjenesten utveksles med aktører utenfor felles journalløsning, og det går gjennom grensesnittet for samhandling (linje 1820-1828).';
const NATIONAL_2023 =
  '«2023»-kolonnen (linje 2136-2162) leses som tjenester levert av nasjonale løsninger integrert i journal («integrert i journal», linje 2162).';
const FORINGER_HOD =
  'Føringene står på samme lysark som oppdraget fra departementet (linje 1418-1455); at de er departementets føringer, er en lesning.';
const INVOLVE =
  'Spørsmålet «Hvordan skal vi best involvere fag- og interesseorganisasjonene?» for denne fasen (linje 2433-2442); svaret er åpent.';

/** The relations between the seeded elements, each with its provenance. */
export const relations: RelationSeed[] = [
  // Services through the record's interfaces.
  ...(['dialog-mellom-helsepersonell', 'dialog-med-innbygger-og-parorende', 'henvisning', 'epikrise', 'bestilling-av-undersokelser', 'svarrapporter-og-provesvar'] as const).map(
    (service): RelationSeed => ({
      from: ['informationService', service],
      to: ['journalInterface', 'samhandling'],
      relation: 'usesInterface',
      lines: [1820, 1828],
      inferred: INTERFACE_SAMHANDLING,
    }),
  ),
  {
    from: ['informationService', 'tilbudte-og-innvilgede-tjenester'],
    to: ['journalInterface', 'administrative-funksjoner'],
    relation: 'usesInterface',
    lines: [1830, 1836],
    inferred: 'Tilbudte og innvilgede kommunale tjenester er vedtak i kommunens administrative løsninger (linje 2238, 1830-1836).',
  },
  {
    from: ['informationService', 'tidligere-kliniske-malinger'],
    to: ['journalInterface', 'velferdsteknologi'],
    relation: 'usesInterface',
    lines: [1838, 1844],
    inferred: 'Målinger som blodtrykk og puls kan komme fra velferdsteknologi i hjemmet (linje 2303-2305, 1838-1844).',
  },
  // The "2023" tier: services from national solutions integrated in the record.
  { from: ['informationService', 'kritisk-informasjon'], to: ['nationalSolution', 'kjernejournal'], relation: 'deliveredBy', lines: [2158, 2162], inferred: `${NATIONAL_2023} Kritisk informasjon finnes i kjernejournal.` },
  { from: ['informationService', 'dokumenter-fra-sykehus'], to: ['nationalSolution', 'kjernejournal'], relation: 'deliveredBy', lines: [2152, 2152], inferred: `${NATIONAL_2023} Prosjekt 128 gir innsyn i journal på tvers (linje 645).` },
  { from: ['informationService', 'legemidler-i-bruk'], to: ['nationalSolution', 'legemiddelopplysninger'], relation: 'deliveredBy', lines: [2142, 2144], inferred: NATIONAL_2023 },
  { from: ['informationService', 'multidose'], to: ['nationalSolution', 'legemiddelopplysninger'], relation: 'deliveredBy', lines: [2146, 2146], inferred: NATIONAL_2023 },
  // Which portfolio project builds each national solution.
  { from: ['nationalSolution', 'kjernejournal'], to: ['nationalProject', 'p128-kjernejournal-innsyn-journal-for-helsepersonell-pa-tvers'], relation: 'builtBy', lines: [645, 649] },
  { from: ['nationalSolution', 'legemiddelopplysninger'], to: ['nationalProject', 'p160-digitalisering-av-legemiddelomradet'], relation: 'builtBy', lines: [681, 685], inferred: 'Prosjekt 160 har innsatsområde 2.2 «Dele oppdaterte legemiddelopplysninger» (linje 681-685).' },
  { from: ['nationalSolution', 'grunndata'], to: ['nationalProject', 'p178-grunndata-risikoloft'], relation: 'builtBy', lines: [882, 896] },
  { from: ['nationalSolution', 'folkeregisteret'], to: ['nationalProject', 'p100-mf-helse-felles-samarbeidsprogram-for-modernisering-av-folke'], relation: 'builtBy', lines: [832, 850] },
  { from: ['nationalSolution', 'helsenett'], to: ['nationalProject', 'p101-robust-mobilt-helsenett'], relation: 'builtBy', lines: [868, 880] },
  // Project 81 is Akson's own pre-project.
  {
    from: ['nationalProject', 'p81-en-innbygger-en-journal-felles-journal-og-samhandlingslosnin'],
    to: ['roadmapPhase', 'forprosjekt-og-ks2'],
    relation: 'preProjectOf',
    lines: [483, 491],
    inferred:
      'Prosjekt 81 «Én innbygger - én journal - felles journal- og samhandlingsløsning» (linje 483-491, «EIEJ» linje 983) har samme navn som målbildet (1459) og er Direktoratet for e-helses prosjekt i konseptfasen: Akson-forprosjektet (1374-1375).',
  },
  // What the portfolio's risks threaten.
  { from: ['risk', 'eid-og-helseid'], to: ['solutionPart', 'identitets-og-tilgangsstyring'], relation: 'threatens', lines: [1340, 1342], inferred: 'Uten eID og HelseID mangler grunnlaget for identitets- og tilgangsstyring (hoveddel 3, linje 1711).' },
  { from: ['risk', 'eid-og-helseid'], to: ['nationalSolution', 'helseid'], relation: 'threatens', lines: [1340, 1342] },
  { from: ['risk', 'leveransekraft-i-grunnmur'], to: ['solutionPart', 'samhandlingsplattform'], relation: 'threatens', lines: [1326, 1330], inferred: 'Risikoen «undergraver samhandling» (linje 1328); samhandlingsplattformen er hoveddel 2.' },
  { from: ['risk', 'leveransekraft-i-grunnmur'], to: ['nationalSolution', 'grunndata'], relation: 'threatens', lines: [1326, 1330], inferred: 'Grunndata er en del av den felles grunnmuren (innsatsområde 5.1, linje 882-896).' },
  { from: ['risk', 'bredding-av-nasjonale-losninger'], to: ['nationalSolution', 'kjernejournal'], relation: 'threatens', lines: [1332, 1334], inferred: 'Kjernejournal er en nasjonal løsning som «2023»-tjenestene leses som levert av.' },
  { from: ['risk', 'bredding-av-nasjonale-losninger'], to: ['deliveryTier', '2023'], relation: 'threatens', lines: [1332, 1334], inferred: NATIONAL_2023 },
  { from: ['risk', 'utvikling-av-epj'], to: ['nationalSolution', 'kjernejournal'], relation: 'threatens', lines: [1336, 1338], inferred: 'Risikoen «vil forsinke utbredelse av nasjonale løsninger» (linje 1338), som kjernejournal.' },
  { from: ['risk', 'finansieringsmodeller'], to: ['guideline', 'kostnads-og-gevinstfordeling'], relation: 'threatens', lines: [1344, 1346], inferred: 'Usikker finansiering rammer føringen om å konkretisere kostnads- og gevinstfordeling (linje 1451-1453).' },
  // The mandate and the guidelines.
  { from: ['guideline', 'oppdrag-fra-hod'], to: ['stakeholder', 'helse-og-omsorgsdepartementet'], relation: 'issuedBy', lines: [1422, 1423] },
  ...(['stegvis-gjennomforing', 'styring-organisering-ansvar', 'frivillighet', 'kostnads-og-gevinstfordeling', 'standarder-og-tekniske-krav'] as const).map(
    (key): RelationSeed => ({
      from: ['guideline', key],
      to: ['stakeholder', 'helse-og-omsorgsdepartementet'],
      relation: 'issuedBy',
      lines: [1418, 1455],
      inferred: FORINGER_HOD,
    }),
  ),
  // The involvement plan: who is involved in it, and the organisations' involvement per phase.
  ...(['kommit-radet', 'nasjonalt-e-helsestyre', 'prosjektstyre', 'arbeidsgruppe-prosjektstrategi', 'direktoratet-spa', 'arbeidsmoter-losningsomfang-og-arkitektur', 'ks2-kvalitetssikrer'] as const).map(
    (key): RelationSeed => ({
      from: ['stakeholder', key],
      to: ['roadmapPhase', 'plan-for-innspill'],
      relation: 'involvedIn',
      lines: [2333, 2429],
    }),
  ),
  ...(['forprosjekt-og-ks2', 'anskaffelse', 'etablering-og-tilpasning', 'innforing-drift-og-forvaltning'] as const).map(
    (phase): RelationSeed => ({
      from: ['stakeholder', 'profesjons-og-pasientforeninger'],
      to: ['roadmapPhase', phase],
      relation: 'involvedIn',
      lines: [2433, 2442],
      inferred: INVOLVE,
    }),
  ),
];
