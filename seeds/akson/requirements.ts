import type { RequirementSeed } from './types.ts';

/**
 * The document states no numbered requirements, but it does state what the solution shall do.
 * Each statement below restates one of those sentences as a shall-statement, keeps its source
 * lines, and starts as a draft for architects to refine. Nothing here goes beyond what the
 * quoted lines say.
 */
/** What is the editors' reading in every seeded requirement: its priority and what it is about. */
export const REQUIREMENT_READING =
  'Kravteksten gjengir linjene som et «skal»-utsagn; prioriteten og hvilke elementer kravet handler om, er redaksjonens vurdering.';

export const requirements: RequirementSeed[] = [
  {
    key: 'aks-0001',
    name: 'Alle kommunale helse- og omsorgstjenester',
    text: 'Felles kommunal pasientjournal skal omfatte alle kommunale helse- og omsorgstjenester og alle helsepersonellgrupper som jobber i disse tjenestene.',
    rationale: 'Lysark 43: «Felles kommunal pasientjournal omfatter alle kommunale helse- og omsorgstjenester og alle helsepersonellgrupper som jobber i disse tjenestene».',
    priority: 'must',
    status: 'draft',
    lines: [1494, 1503],
    about: [
      ['solutionPart', 'felles-journallosning'],
      ['personnelGroup', 'pleie-og-omsorgstjenester'],
      ['personnelGroup', 'fastleger'],
      ['personnelGroup', 'legevakt'],
      ['personnelGroup', 'helsestasjon-og-skolehelsetjeneste'],
      ['personnelGroup', 'habilitering-og-rehabilitering'],
      ['personnelGroup', 'offentlig-tannhelsetjeneste'],
    ],
  },
  {
    key: 'aks-0002',
    name: 'Helhetlig arbeidsflate',
    text: 'Helsepersonell i kommunal helse- og omsorgstjeneste skal kunne forholde seg til helseopplysninger og funksjonalitet gjennom en helhetlig arbeidsflate.',
    rationale: 'Lysarket «…og at helsepersonell i kommunal helse- og omsorgstjeneste skal kunne forholde seg til helseopplysninger og funksjonalitet gjennom en helhetlig arbeidsflate».',
    priority: 'must',
    status: 'draft',
    lines: [2019, 2020],
    about: [
      ['actor', 'helsepersonell-felles-journal'],
      ['solutionPart', 'felles-journallosning'],
      ['solutionPart', 'samhandlingsplattform'],
    ],
  },
  {
    key: 'aks-0003',
    name: 'Samhandling på tvers av aktører',
    text: 'Samhandlingsplattformen skal sikre samhandling på tvers av ulike aktører.',
    rationale: 'Målbildet: «å etablere en helhetlig samhandlingsplattform som sikrer samhandling på tvers av ulike aktører».',
    priority: 'must',
    status: 'draft',
    lines: [1913, 1914],
    about: [['solutionPart', 'samhandlingsplattform']],
  },
  {
    key: 'aks-0004',
    name: 'Frivillig for kommunene',
    text: 'Det skal være frivillig for kommunene å ta i bruk Akson i de innledende fasene.',
    rationale: 'Sentrale føringer: «Frivillighet i innledende faser»; «Akson vil være frivillig for kommunene».',
    priority: 'must',
    status: 'draft',
    lines: [1579, 1580],
    about: [
      ['stakeholder', 'referansekommuner'],
      ['actor', 'kommuner-uten-felles-journal'],
    ],
  },
  {
    key: 'aks-0005',
    name: 'Stegvis gjennomføring',
    text: 'Tiltaket skal gjennomføres stegvis.',
    rationale: 'Sentrale føringer: «Stegvis gjennomføring»; «Store mål – men stegvis tilnærming».',
    priority: 'must',
    status: 'draft',
    lines: [1441, 1443],
    about: [
      ['roadmapPhase', 'etablering-og-tilpasning'],
      ['roadmapPhase', 'innforing-drift-og-forvaltning'],
    ],
  },
  {
    key: 'aks-0006',
    name: 'Tilpasning til lokale kliniske behov',
    text: 'Journalløsningen skal kunne tilpasses lokale kliniske behov.',
    rationale: 'Lysarket over funksjonsområdene: «Tilpasning til lokale kliniske behov».',
    priority: 'should',
    status: 'draft',
    lines: [1572, 1573],
    about: [['capability', 'tilpasning-lokale-behov']],
  },
  {
    key: 'aks-0007',
    name: 'Ulike arbeidsflater',
    text: 'Journalløsningen skal tilby ulike arbeidsflater for ulike brukere.',
    rationale: 'Lysarket over funksjonsområdene: «Ulike arbeidsflater».',
    priority: 'should',
    status: 'draft',
    lines: [1570, 1570],
    about: [['capability', 'ulike-arbeidsflater']],
  },
  {
    key: 'aks-0008',
    name: 'Grensesnitt for samhandling',
    text: 'Felles journalløsning skal ha grensesnitt som støtter samhandling med helsepersonell, innbyggere og andre statlige og kommunale tjenester.',
    rationale:
      'Et av de tre grensesnittene i kanten av felles journalløsning (linje 1820-1844). Løsningsomfanget selv bestemmes av tre faktorer (linje 1811): helsepersonellgrupper, oppgaver og prosesser, og funksjonalitet (linje 1846-1904).',
    priority: 'must',
    status: 'draft',
    lines: [1820, 1828],
    about: [
      ['solutionPart', 'felles-journallosning'],
      ['solutionPart', 'samhandlingsplattform'],
    ],
  },
  {
    key: 'aks-0009',
    name: 'Grensesnitt mot kommunale administrative funksjoner',
    text: 'Felles journalløsning skal ha grensesnitt som støtter integrasjoner med kommunale administrative funksjoner.',
    rationale:
      'Et av de tre grensesnittene i kanten av felles journalløsning (linje 1820-1844). Løsningsomfanget selv bestemmes av tre faktorer (linje 1811): helsepersonellgrupper, oppgaver og prosesser, og funksjonalitet (linje 1846-1904).',
    priority: 'must',
    status: 'draft',
    lines: [1830, 1836],
    about: [
      ['capability', 'integrasjon-kommunale-losninger'],
      ['capability', 'administrasjon'],
      ['capability', 'lonn'],
      ['capability', 'personal'],
    ],
  },
  {
    key: 'aks-0010',
    name: 'Grensesnitt mot trygghetsskapende tiltak og velferdsteknologi',
    text: 'Felles journalløsning skal ha grensesnitt som støtter integrasjon med trygghetsskapende tiltak og velferdsteknologi.',
    rationale:
      'Et av de tre grensesnittene i kanten av felles journalløsning (linje 1820-1844). Løsningsomfanget selv bestemmes av tre faktorer (linje 1811): helsepersonellgrupper, oppgaver og prosesser, og funksjonalitet (linje 1846-1904).',
    priority: 'must',
    status: 'draft',
    lines: [1838, 1844],
    about: [['capability', 'velferdsteknologi']],
  },
];
