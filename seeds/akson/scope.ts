import type { ElementSeed, NeedLevelSeed } from './types.ts';

/** "Løsningsomfanget for hele tiltaket kan deles inn i tre hoveddeler" (lines 1696-1713). */
export const solutionParts: ElementSeed[] = [
  {
    key: 'felles-journallosning',
    name: 'Felles journalløsning og integrasjon med administrative funksjoner i kommunal helse- og omsorgstjeneste',
    nameEn: 'Shared record and integration with administrative functions',
    description: 'Hoveddel 1 av løsningsomfanget.',
    lines: [1697, 1701],
  },
  {
    key: 'samhandlingsplattform',
    name: 'Samhandlingsplattform',
    nameEn: 'Collaboration platform',
    description:
      'Hoveddel 2 av løsningsomfanget: samhandling med innbygger, samhandling helsepersonell og samhandling andre kommunale og statlige tjenester.',
    lines: [1703, 1709],
    inferred:
      'Tekstuttrekket mister lysarkets oppsett: at de tre «Samhandling …»-boksene (linje 1703-1707) hører under «Samhandlingsplattform» (1709), og at den er hoveddel 2 (sifrene «1 2 3», linje 1711-1713), er lest ut av rekkefølgen.',
  },
  {
    key: 'identitets-og-tilgangsstyring',
    name: 'Identitets- og tilgangsstyring',
    nameEn: 'Identity and access management',
    description: 'Hoveddel 3 av løsningsomfanget.',
    lines: [1711, 1713],
    inferred:
      'Sifrene «1 2 3» står klistret til «Identitets- og tilgangsstyring» (linje 1711-1713); at den er hoveddel 3, er lest ut av rekkefølgen.',
  },
];

/**
 * The municipal service areas (tjenesteområder): "Felles kommunal pasientjournal omfatter alle
 * kommunale helse- og omsorgstjenester og alle helsepersonellgrupper som jobber i disse
 * tjenestene" (lines 1494-1503). These are services, not personnel groups: the record covers
 * every personnel group working in them, and a group may work in several.
 */
export const personnelGroups: ElementSeed[] = [
  { key: 'pleie-og-omsorgstjenester', name: 'Pleie- og omsorgstjenester', nameEn: 'Nursing and care services', lines: [1496, 1496] },
  { key: 'fastleger', name: 'Fastleger', nameEn: 'Regular general practitioners', lines: [1496, 1496] },
  { key: 'legevakt', name: 'Legevakt', nameEn: 'Out-of-hours emergency service', lines: [1496, 1496] },
  {
    key: 'helsestasjon-og-skolehelsetjeneste',
    name: 'Helsestasjon og skolehelsetjeneste',
    nameEn: 'Child health clinics and school health service',
    lines: [1498, 1498],
  },
  {
    key: 'habilitering-og-rehabilitering',
    name: 'Habilitering og rehabilitering',
    nameEn: 'Habilitation and rehabilitation',
    lines: [1498, 1498],
  },
  {
    key: 'offentlig-tannhelsetjeneste',
    name: 'Offentlig tannhelsetjeneste',
    nameEn: 'Public dental service',
    lines: [1498, 1498],
  },
];

/** "Hvilke oppgaver og prosesser skal understøttes av journalløsningen?" (lines 1852-1890). */
export const tasks: ElementSeed[] = [
  { key: 'yte-helse-og-omsorgshjelp', name: 'Yte helse- og omsorgshjelp', nameEn: 'Provide health and care', lines: [1856, 1860] },
  {
    key: 'stotte-til-ytelse-av-helsehjelp',
    name: 'Støtte til ytelse av omsorgs- og helsehjelp',
    nameEn: 'Support the provision of care',
    lines: [1862, 1868],
  },
  {
    key: 'administrere-tjenester',
    name: 'Administrere kommunale helse- og omsorgstjenester',
    nameEn: 'Administer municipal health and care services',
    lines: [1870, 1878],
  },
  {
    key: 'planlegge-utvikle-folge-opp',
    name: 'Planlegge, utvikle og følge opp helse- og omsorgstjenester',
    nameEn: 'Plan, develop and follow up health and care services',
    lines: [1880, 1890],
  },
];

/** "Informasjonstjenestene bruker ulike samhandlingsformer", marked UNDER ARBEID (lines 1908-1969). */
export const collaborationModes: ElementSeed[] = [
  {
    key: 'sla-opp-og-tilgjengeliggjore',
    name: 'Slå opp og tilgjengeliggjøre',
    nameEn: 'Look up and make available',
    lines: [1956, 1962],
    tentative: true,
  },
  { key: 'sende-og-motta', name: 'Sende og motta', nameEn: 'Send and receive', lines: [1964, 1966], tentative: true },
  { key: 'endre-og-dele', name: 'Endre og dele', nameEn: 'Edit and share', lines: [1967, 1969], tentative: true },
];

/** The actors around the collaboration platform, marked UNDER ARBEID (lines 1913-1954). */
export const actors: ElementSeed[] = [
  {
    key: 'innbygger',
    name: 'Innbygger (løsninger for samhandling med innbygger)',
    nameEn: 'Citizen',
    lines: [1918, 1922],
    tentative: true,
  },
  {
    key: 'helsepersonell-felles-journal',
    name: 'Helsepersonell i kommunal helse- og omsorgstjeneste som bruker felles journalløsning',
    nameEn: 'Municipal health personnel using the shared record',
    lines: [1924, 1928],
    tentative: true,
  },
  {
    key: 'avtaleparter-uten-felles-journal',
    name: 'Avtaleparter som velger å ikke ta i bruk felles journalløsning',
    nameEn: 'Contracted parties not using the shared record',
    lines: [1930, 1934],
    tentative: true,
  },
  {
    key: 'spesialisthelsetjenesten',
    name: 'Spesialisthelsetjenesten',
    nameEn: 'Specialist health service',
    lines: [1936, 1936],
    tentative: true,
  },
  {
    key: 'andre-aktorer-helse-og-omsorg',
    name: 'Andre aktører i helse- og omsorgstjeneste',
    nameEn: 'Other health and care actors',
    lines: [1938, 1940],
    tentative: true,
  },
  {
    key: 'andre-kommunale-og-statlige-tjenester',
    name: 'Andre kommunale og statlige tjenester',
    nameEn: 'Other municipal and state services',
    lines: [1942, 1944],
    tentative: true,
  },
  { key: 'helseplattformen', name: 'Helseplattformen', nameEn: 'Helseplattformen (Central Norway)', lines: [1946, 1946], tentative: true },
  {
    key: 'kommuner-uten-felles-journal',
    name: 'Kommuner som ennå ikke har tatt i bruk felles journalløsning',
    nameEn: 'Municipalities not yet using the shared record',
    lines: [1948, 1952],
    tentative: true,
  },
];

/** "…det er behov for nyutvikling eller forbedring på en rekke områder…", UNDER ARBEID (lines 1973-2015). */
export const needLevels: NeedLevelSeed[] = [
  { key: 'lite', name: 'Lite behov for utvidelse', nameEn: 'Little need for extension', rank: 1, lines: [2012, 2012], tentative: true },
  {
    key: 'middels-til-stort',
    name: 'Middels til stort behov for utvidelse',
    nameEn: 'Medium to large need for extension',
    rank: 2,
    lines: [2013, 2015],
    tentative: true,
  },
  { key: 'nye', name: 'Nye informasjonstjenester', nameEn: 'New information services', rank: 3, lines: [2015, 2015], tentative: true },
];

/** "Hva vil vi oppnå?" (lines 2311-2317). */
export const goals: ElementSeed[] = [
  {
    key: 'trygghet-og-pasientsikkerhet',
    name: 'Økt trygghet og pasientsikkerhet',
    nameEn: 'Greater safety and patient safety',
    lines: [2313, 2313],
  },
  { key: 'involverte-pasienter', name: 'Involverte pasienter', nameEn: 'Involved patients', lines: [2315, 2315] },
  {
    key: 'morgendagens-utfordringer',
    name: 'Møte morgendagens utfordringer',
    nameEn: "Meet tomorrow's challenges",
    lines: [2317, 2317],
  },
  {
    key: 'felles-loft',
    name: 'Behov for et felles løft',
    nameEn: 'The need for a joint effort',
    description: 'Vi kan ikke fortsette å jobbe som i dag. Vi trenger et felles digitalt løft.',
    lines: [1407, 1414],
  },
];

/**
 * Who is involved and how: "Bred faglig forankring i sektoren er en forutsetning for arbeidet"
 * (lines 1630-1692), and the bodies in the involvement plan (lines 2333-2429).
 */
export const stakeholders: ElementSeed[] = [
  {
    key: 'helse-og-omsorgsdepartementet',
    name: 'Helse- og omsorgsdepartementet (HOD)',
    nameEn: 'Ministry of Health and Care Services',
    description: 'Gir oppdraget: forprosjekt, sentralt styringsdokument februar 2020, intensjonserklæringer med kommuner innen juni 2020.',
    lines: [1422, 1437],
  },
  {
    key: 'direktoratet-for-e-helse',
    name: 'Direktoratet for e-helse',
    description: 'Ansvarlig for gjennomføring av forprosjektet med involvering fra sektoren.',
    lines: [1684, 1692],
  },
  {
    key: 'ks',
    name: 'KS',
    description:
      'Faglig gruppe som kan gi innspill til løsning, KS Råd og utvalg, kjerneteam m.fl. Sikre kommunesektorens behov og interesser. Bidrar i faglige vurderinger.',
    lines: [1640, 1656],
    inferred:
      'Lysarkets bobler er tapt i teksten: «Faglig gruppe som kan gi innspill til løsning,» fortsetter med komma i «KS Råd og utvalg, kjerneteam m.fl.», så begge leses som KS sin rolle.',
  },
  {
    key: 'referansekommuner',
    name: 'Referansekommuner',
    description:
      'Referansekommunene er samarbeidspartnere siden 2016. Videre forankring og eierskap i kommunesektoren.',
    lines: [1658, 1672],
  },
  {
    key: 'profesjons-og-pasientforeninger',
    name: 'Profesjons- og pasientforeninger m.fl.',
    description:
      'Fag- og profesjonsforeninger og andre som i ulik grad har deltatt i arbeidet, som er representert i ulike arbeidsgrupper og i styringen av arbeidet.',
    lines: [1674, 1682],
  },
  {
    key: 'spesialisthelsetjenesten',
    name: 'Spesialisthelsetjenesten',
    description: 'Står på lysarket om faglig forankring uten egen beskrivelse av rollen.',
    lines: [1636, 1638],
  },
  {
    key: 'kommit-radet',
    name: 'KommIT-rådet',
    description: 'Gir innspill på foreløpig dokumentasjon etter planen laget sammen med KS og kommunesektoren.',
    lines: [2333, 2344],
  },
  {
    key: 'nasjonalt-e-helsestyre',
    name: 'Nasjonalt e-helsestyre',
    description:
      'Øverste organ i den nasjonale styringsmodellen for e-helse; står med møtedatoer i planen for involvering (linje 2400).',
    lines: [154, 154],
  },
  { key: 'prosjektstyre', name: 'Prosjektstyre', description: 'Styrer forprosjektet.', lines: [2404, 2404] },
  {
    key: 'arbeidsgruppe-prosjektstrategi',
    name: 'Arbeidsgruppe Prosjektstrategi',
    description: 'Arbeidsgruppe med møter i planen for involvering.',
    lines: [2375, 2376],
  },
  {
    key: 'direktoratet-spa',
    name: 'Dir. for e-helse, SPA',
    description: 'Rad i planen for involvering med egne møtedatoer; teksten forklarer ikke forkortelsen SPA.',
    lines: [2367, 2367],
  },
  {
    key: 'arbeidsmoter-losningsomfang-og-arkitektur',
    name: 'Arbeidsmøter Løsningsomfang & Arkitektur',
    description: 'Arbeidsmøtene om løsningsomfang og arkitektur i planen for involvering.',
    lines: [2422, 2422],
  },
  {
    key: 'ks2-kvalitetssikrer',
    name: 'KS2 (ekstern kvalitetssikring)',
    description: 'Raden «KS2» i planen for involvering: statens eksterne kvalitetssikring av forprosjektets styringsdokument.',
    lines: [2392, 2392],
    inferred: 'Planen har bare raden «KS2» (linje 2392); at det er den eksterne kvalitetssikreren som involveres, er en lesning.',
  },
];
