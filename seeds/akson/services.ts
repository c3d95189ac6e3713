import type { CategorySeed, ServiceSeed, TierSeed } from './types.ts';

/**
 * The first-delivery slide: "I en prosess med sektor er det identifisert en rekke
 * informasjonstjenester som bør være implementert i en første leveranse i Akson" (lines
 * 2096-2307), marked TENTATIVT, ER UNDER ARBEID. The text extraction keeps the slide's boxes in
 * order but loses where they sat, so the four groups of services in text order become four tiers
 * with plain display names; the slide's own heading is kept as each tier's source quote, and the
 * group printed without a heading stays unlabeled. Every tier and every assignment is tentative;
 * the names and the unlabeled group's place in the first delivery are the editors' reading.
 */
export const deliveryTiers: TierSeed[] = [
  {
    key: 'uten-overskrift',
    name: 'Uten overskrift',
    description:
      'Tjenestene som står først i teksten, før lysarkets tittel og uten noen av kolonneoverskriftene «2023», «Første leveranse i Akson…» eller «+». Hvilken kolonne de stod i på lysarket går ikke fram av teksten.',
    lines: [2096, 2132],
    tentative: true,
    firstDelivery: true,
    inferred:
      'Gruppen har ingen overskrift (trykt før lysarkets tittel, linje 2134); at den hører til første leveranse, er lest ut av at den står på samme lysark.',
  },
  {
    key: '2023',
    name: 'Innen 2023',
    description: 'Tjenestene under kolonneoverskriften «2023»: det som skal være på plass innen 2023.',
    lines: [2136, 2162],
    tentative: true,
    firstDelivery: true,
    quote: '2023',
    inferred: 'Visningsnavnet er redaksjonens; lysarket har bare kolonneoverskriften «2023» (linje 2136), lest som «innen 2023».',
  },
  {
    key: 'forste-leveranse',
    name: 'Første leveranse',
    description: 'Tjenestene under kolonneoverskriften «Første leveranse i Akson…».',
    lines: [2164, 2212],
    tentative: true,
    firstDelivery: true,
    quote: 'Første leveranse i Akson…',
    inferred: 'Visningsnavnet er redaksjonens forkortelse av kolonneoverskriften «Første leveranse i Akson…» (linje 2164).',
  },
  {
    key: 'pluss',
    name: 'I tillegg i første leveranse',
    description: 'Tjenestene etter tegnet «+» på lysarket: det som kommer i tillegg.',
    lines: [2214, 2305],
    tentative: true,
    firstDelivery: true,
    quote: '+',
    inferred: 'Lysarket har bare tegnet «+» (linje 2214); at gruppen kommer i tillegg i første leveranse, er en lesning.',
  },
];

/** The 15 information categories, in the order the slide first prints them. */
export const informationCategories: CategorySeed[] = [
  { key: 'legemidler-og-vaksiner', name: 'Legemidler og vaksiner', nameEn: 'Medicines and vaccines', lines: [2096, 2098] },
  { key: 'journaldokumenter', name: 'Journaldokumenter', nameEn: 'Record documents', lines: [2106, 2108] },
  { key: 'kritisk-informasjon', name: 'Kritisk informasjon', nameEn: 'Critical information', lines: [2114, 2116] },
  { key: 'klinisk-oppsummering', name: 'Klinisk oppsummering', nameEn: 'Clinical summary', lines: [2120, 2122] },
  { key: 'bestilling-og-svar-lab', name: 'Bestilling og svar (lab)', nameEn: 'Orders and results (lab)', lines: [2166, 2170] },
  { key: 'tekstlig-dialog', name: 'Tekstlig dialog', nameEn: 'Text dialogue', lines: [2172, 2174] },
  { key: 'henvisning', name: 'Henvisning', nameEn: 'Referral', lines: [2196, 2196] },
  { key: 'epikrise', name: 'Epikrise', nameEn: 'Discharge summary', lines: [2198, 2198] },
  {
    key: 'problem-diagnose-og-behov',
    name: 'Problem, diagnose og behov for helsehjelp',
    nameEn: 'Problems, diagnoses and care needs',
    lines: [2216, 2222],
  },
  {
    key: 'tjenester-ytelser-og-hjelpemidler',
    name: 'Tjenester, ytelser og hjelpemidler',
    nameEn: 'Services, benefits and aids',
    lines: [2232, 2236],
  },
  { key: 'plan', name: 'Plan', nameEn: 'Plan', lines: [2241, 2241] },
  {
    key: 'innbyggers-opplysninger-og-onsker',
    name: 'Innbyggers opplysninger og ønsker',
    nameEn: "The citizen's information and wishes",
    lines: [2257, 2263],
  },
  {
    key: 'kliniske-bakgrunnsopplysninger',
    name: 'Kliniske bakgrunnsopplysninger',
    nameEn: 'Clinical background',
    lines: [2271, 2275],
  },
  { key: 'pasientdemografi', name: 'Pasientdemografi', nameEn: 'Patient demographics', lines: [2281, 2283] },
  {
    key: 'undersokelser-malinger-og-funn',
    name: 'Undersøkelser, målinger og funn',
    nameEn: 'Examinations, measurements and findings',
    lines: [2287, 2291],
  },
];

/**
 * The concrete services. The name is a short label; the description is the slide's bullet in
 * full (hyphenation at line breaks joined). The slide prints the two bullets under
 * "Henvisning / Epikrise" in swapped order: the referral is the request for assessment, the
 * discharge summary the summary of a treatment period.
 */
export const informationServices: ServiceSeed[] = [
  // Before the slide's title, no column heading.
  {
    key: 'utdeling-av-legemidler',
    name: 'Administrasjon (utdeling) av legemidler',
    description: 'Administrasjon (utdeling) av legemidler',
    category: 'legemidler-og-vaksiner',
    tier: 'uten-overskrift',
    lines: [2100, 2100],
  },
  {
    key: 'ved-behov-legemidler',
    name: 'Forbruk av «ved behov»-legemidler og kosttilskudd',
    description: 'Forbruk av "ved behov"-legemidler, håndkjøpspreparater, næringsdrikker og kosttilskudd',
    category: 'legemidler-og-vaksiner',
    tier: 'uten-overskrift',
    lines: [2102, 2104],
  },
  {
    key: 'dokumenter-fra-spesialisthelsetjenesten',
    name: 'Innsyn i journaldokumenter fra spesialisthelsetjenesten',
    description: 'Innsyn i journaldokumenter fra spesialisthelsetjenesten inkl. avtalespesialister',
    category: 'journaldokumenter',
    tier: 'uten-overskrift',
    lines: [2110, 2112],
  },
  {
    key: 'smitte-hos-pasient',
    name: 'Smitte hos pasient',
    description: 'Smitte hos pasient',
    category: 'kritisk-informasjon',
    tier: 'uten-overskrift',
    lines: [2118, 2118],
  },
  {
    key: 'tidligere-kontakter-hele',
    name: 'Tidligere kontakter med helsetjenesten (hele)',
    description: 'Tidligere kontakter med helsetjenesten (hele)',
    category: 'klinisk-oppsummering',
    tier: 'uten-overskrift',
    lines: [2124, 2124],
  },
  {
    key: 'tekstlig-oppsummering',
    name: 'Tekstlig oppsummering av innbyggers tilstand og behov for helsehjelp',
    description: 'Tekstlig oppsummering av innbyggers tilstand og behov for helsehjelp, fra ulike profesjoner',
    category: 'klinisk-oppsummering',
    tier: 'uten-overskrift',
    lines: [2126, 2128],
  },
  {
    key: 'hvor-innbygger-befinner-seg',
    name: 'Hvor innbygger befinner seg i helsetjenesten',
    description: 'Hvor innbygger befinner seg i helsetjenesten (behandlingsansvar og opphold)',
    category: 'klinisk-oppsummering',
    tier: 'uten-overskrift',
    lines: [2130, 2132],
  },
  // Under "2023".
  {
    key: 'legemidler-i-bruk',
    name: 'Legemidler i bruk inkl. plan med midlertidige endringer',
    description: 'Legemidler i bruk inkl. plan med midlertidige endringer (f.eks. nulling)',
    category: 'legemidler-og-vaksiner',
    tier: '2023',
    lines: [2142, 2144],
  },
  {
    key: 'multidose',
    name: 'Multidose',
    description: 'Multidose',
    category: 'legemidler-og-vaksiner',
    tier: '2023',
    lines: [2146, 2146],
  },
  {
    key: 'dokumenter-fra-sykehus',
    name: 'Innsyn i journaldokumenter fra sykehus',
    description: 'Innsyn i journaldokumenter fra sykehus',
    category: 'journaldokumenter',
    tier: '2023',
    lines: [2152, 2152],
  },
  {
    key: 'kritisk-informasjon',
    name: 'Kritisk informasjon inkl. allergier og CAVE',
    description:
      'Kritisk informasjon inkl. allergier, CAVE, komplikasjon ved anestesi, implantater, kritiske medisinske tilstander og endringer i behandlingsrutiner (integrert i journal)',
    category: 'kritisk-informasjon',
    tier: '2023',
    lines: [2158, 2162],
  },
  // Under "Første leveranse i Akson…".
  {
    key: 'svarrapporter-og-provesvar',
    name: 'Svarrapporter og prøvesvar fra laboratorier og radiologi',
    description:
      'Svarrapporter og prøvesvar lab.undersøkelser (f.eks. patologi, immunologi, mikrobiologi) og radiologiske/nukleærmed. undersøkelser',
    category: 'bestilling-og-svar-lab',
    tier: 'forste-leveranse',
    lines: [2176, 2180],
  },
  {
    key: 'bestilling-av-undersokelser',
    name: 'Bestilling av laboratorieundersøkelser og henvisning til radiologi',
    description:
      'Bestilling av lab.undersøkelser (f.eks. mikrobiologi, patologi), henvisning til radiologiske/nukleærmed. undersøkelser',
    category: 'bestilling-og-svar-lab',
    tier: 'forste-leveranse',
    lines: [2182, 2186],
  },
  {
    key: 'dialog-mellom-helsepersonell',
    name: 'Digital dialog mellom helsepersonell',
    description: 'Digital dialog mellom helsepersonell (veiledning, konsultering)',
    category: 'tekstlig-dialog',
    tier: 'forste-leveranse',
    lines: [2188, 2190],
  },
  {
    key: 'dialog-med-innbygger-og-parorende',
    name: 'Digital dialog mellom helsepersonell, innbygger og pårørende',
    description: 'Digital dialog mellom helsepersonell, innbygger og pårørende',
    category: 'tekstlig-dialog',
    tier: 'forste-leveranse',
    lines: [2192, 2194],
  },
  {
    key: 'henvisning',
    name: 'Anmodning om vurdering for utredning eller behandling',
    description: 'Anmodning om vurdering for utredning eller behandling',
    category: 'henvisning',
    tier: 'forste-leveranse',
    lines: [2204, 2204],
  },
  {
    key: 'epikrise',
    name: 'Oppsummering av behandlingsperiode eller konsultasjon(er)',
    description: 'Oppsummering av behandlingsperiode eller konsultasjon(er) fra ulike profesjoner',
    category: 'epikrise',
    tier: 'forste-leveranse',
    lines: [2200, 2202],
  },
  {
    key: 'tidligere-kontakter-sykehus',
    name: 'Tidligere kontakter med helsetjenesten i sykehus',
    description: 'Tidligere kontakter med helsetjenesten (besøk, konsultasjoner, opphold, etc.) i sykehus',
    category: 'klinisk-oppsummering',
    tier: 'forste-leveranse',
    lines: [2210, 2212],
  },
  // After "+".
  {
    key: 'problemliste',
    name: 'Aktuelle diagnoser, problemstillinger og behov for helsehjelp (problemliste)',
    description: 'Aktuelle diagnoser, problemstillinger og behov for helsehjelp (problemliste)',
    category: 'problem-diagnose-og-behov',
    tier: 'pluss',
    lines: [2224, 2226],
  },
  {
    key: 'tidligere-sykdommer',
    name: 'Tidligere sykdommer',
    description: 'Tidligere sykdommer',
    category: 'problem-diagnose-og-behov',
    tier: 'pluss',
    lines: [2228, 2228],
  },
  {
    key: 'funksjonsniva-og-behov',
    name: 'Vurdering av funksjonsnivå og behov for tjenester',
    description: 'Vurdering av funksjonsnivå og behov for tjenester',
    category: 'problem-diagnose-og-behov',
    tier: 'pluss',
    lines: [2230, 2230],
  },
  {
    key: 'tilbudte-og-innvilgede-tjenester',
    name: 'Tilbudte og innvilgede tjenester (kommunale og andre)',
    description: 'Tilbudte og innvilgede tjenester (kommunale og andre)',
    category: 'tjenester-ytelser-og-hjelpemidler',
    tier: 'pluss',
    lines: [2238, 2238],
  },
  {
    key: 'bruk-av-hjelpemidler',
    name: 'Pågående bruk av hjelpemidler',
    description: 'Pågående bruk av hjelpemidler',
    category: 'tjenester-ytelser-og-hjelpemidler',
    tier: 'pluss',
    lines: [2240, 2240],
  },
  {
    key: 'behandlingsmal',
    name: 'Behandlingsmål og innbyggers egne mål',
    description: 'Behandlingsmål og innbyggers egne mål ("hva er viktigst for deg?")',
    category: 'plan',
    tier: 'pluss',
    lines: [2243, 2245],
  },
  {
    key: 'planlagte-kontakter',
    name: 'Planlagte kontakter med helsetjenesten',
    description: 'Planlagte kontakter med helsetjenesten',
    category: 'plan',
    tier: 'pluss',
    lines: [2247, 2247],
  },
  {
    key: 'behandlingsplan',
    name: 'Behandlingsplan',
    description: 'Behandlingsplan (medisin, sykepleie m.m.) evt. tentative overordnede tiltak',
    category: 'plan',
    tier: 'pluss',
    lines: [2249, 2251],
  },
  {
    key: 'individuell-plan',
    name: 'Individuell plan',
    description: 'Individuell plan',
    category: 'plan',
    tier: 'pluss',
    lines: [2253, 2253],
  },
  {
    key: 'kriseplan',
    name: 'Kriseplan (psykiatri) og andre betingede tiltaksplaner',
    description: 'Kriseplan (psykiatri) og andre betingede tiltaksplaner',
    category: 'plan',
    tier: 'pluss',
    lines: [2255, 2255],
  },
  {
    key: 'innbyggers-preferanser',
    name: 'Innbyggers preferanser, motivasjon og reservasjoner',
    description:
      'Innbyggers preferanser og motivasjon for tjenester/ytelser/behandling, samt eventuelle reservasjoner',
    category: 'innbyggers-opplysninger-og-onsker',
    tier: 'pluss',
    lines: [2265, 2269],
  },
  {
    key: 'sosiale-forhold',
    name: 'Sosialt: boevne, økonomi, sikkerhet og nettverk',
    description: 'Sosialt: boevne, økonomi, sikkerhet (voldsrisiko) og nettverk',
    category: 'kliniske-bakgrunnsopplysninger',
    tier: 'pluss',
    lines: [2277, 2279],
  },
  {
    key: 'vergemal-og-samtykkekompetanse',
    name: 'Vergemål og samtykkekompetanse',
    description: 'Vergemål og samtykkekompetanse',
    category: 'pasientdemografi',
    tier: 'pluss',
    lines: [2285, 2285],
  },
  {
    key: 'tidligere-provesvar',
    name: 'Tidligere prøvesvar medisinsk biokjemi og svarrapporter radiologi',
    description: 'Tidligere prøvesvar medisinsk biokjemi og svarrapporter radiologi og nukleærmedisin',
    category: 'undersokelser-malinger-og-funn',
    tier: 'pluss',
    lines: [2293, 2295],
  },
  {
    key: 'tidligere-scoringer',
    name: 'Tidligere scoringer og kliniske tester',
    description:
      'Tidligere scoringer og kliniske tester inkl. funksjonsmålinger (f.eks. Barthel ADL, AAQ, MADRS, NEWS)',
    category: 'undersokelser-malinger-og-funn',
    tier: 'pluss',
    lines: [2297, 2301],
  },
  {
    key: 'tidligere-kliniske-malinger',
    name: 'Tidligere kliniske målinger',
    description: 'Tidligere kliniske målinger (f.eks. blodtrykk, puls, respirasjon)',
    category: 'undersokelser-malinger-og-funn',
    tier: 'pluss',
    lines: [2303, 2305],
  },
];
