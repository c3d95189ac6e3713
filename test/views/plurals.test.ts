import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { catalogues, defaultLanguage } from '../../views/i18n/catalogues.ts';
import { i18nFor, type MessageKey, type MessageValues } from '../../views/i18n/index.ts';

/**
 * Every counted thing in both languages, for 0, 1 and 2, as a reader expects it: number and
 * gender inside the messages ("1 kommune", "den har", "Nytt krav"), never "1 kommuner". A message
 * that counts something and is not in this table fails the last test, so a new one gets checked.
 */
type Three = [string, string, string];
interface Case {
  values?: (n: number) => MessageValues;
  nb: Three;
  en: Three;
}

const count = (n: number) => ({ count: n });

const kindCounts: Record<string, { nb: Three; en: Three }> = {
  solutionPart: { nb: ['ingen løsningsdeler', '1 løsningsdel', '2 løsningsdeler'], en: ['no solution parts', '1 solution part', '2 solution parts'] },
  personnelGroup: { nb: ['ingen tjenesteområder', '1 tjenesteområde', '2 tjenesteområder'], en: ['no service areas', '1 service area', '2 service areas'] },
  task: { nb: ['ingen oppgaver og prosesser', '1 oppgave / prosess', '2 oppgaver og prosesser'], en: ['no tasks and processes', '1 task / process', '2 tasks and processes'] },
  capability: { nb: ['ingen funksjonsområder', '1 funksjonsområde', '2 funksjonsområder'], en: ['no capabilities', '1 capability', '2 capabilities'] },
  informationCategory: { nb: ['ingen informasjonskategorier', '1 informasjonskategori', '2 informasjonskategorier'], en: ['no information categories', '1 information category', '2 information categories'] },
  informationService: { nb: ['ingen informasjonstjenester', '1 informasjonstjeneste', '2 informasjonstjenester'], en: ['no information services', '1 information service', '2 information services'] },
  deliveryTier: { nb: ['ingen leveransetrinn', '1 leveransetrinn', '2 leveransetrinn'], en: ['no delivery tiers', '1 delivery tier', '2 delivery tiers'] },
  collaborationMode: { nb: ['ingen samhandlingsformer', '1 samhandlingsform', '2 samhandlingsformer'], en: ['no collaboration modes', '1 collaboration mode', '2 collaboration modes'] },
  actor: { nb: ['ingen aktører', '1 aktør', '2 aktører'], en: ['no actors', '1 actor', '2 actors'] },
  needLevel: { nb: ['ingen behovsnivåer', '1 behovsnivå', '2 behovsnivåer'], en: ['no need levels', '1 need level', '2 need levels'] },
  goal: { nb: ['ingen mål', '1 mål', '2 mål'], en: ['no goals', '1 goal', '2 goals'] },
  roadmapPhase: { nb: ['ingen faser', '1 fase', '2 faser'], en: ['no roadmap phases', '1 roadmap phase', '2 roadmap phases'] },
  milestone: { nb: ['ingen milepæler', '1 milepæl', '2 milepæler'], en: ['no milestones', '1 milestone', '2 milestones'] },
  decisionPoint: { nb: ['ingen beslutningspunkter', '1 beslutningspunkt', '2 beslutningspunkter'], en: ['no decision points', '1 decision point', '2 decision points'] },
  stakeholder: { nb: ['ingen interessenter', '1 interessent', '2 interessenter'], en: ['no stakeholders', '1 stakeholder', '2 stakeholders'] },
  nationalProject: { nb: ['ingen prosjekter', '1 prosjekt', '2 prosjekter'], en: ['no projects', '1 project', '2 projects'] },
  requirement: { nb: ['ingen krav', '1 krav', '2 krav'], en: ['no requirements', '1 requirement', '2 requirements'] },
  journalInterface: { nb: ['ingen grensesnitt', '1 grensesnitt', '2 grensesnitt'], en: ['no interfaces', '1 interface', '2 interfaces'] },
  region: { nb: ['ingen regioner', '1 region', '2 regioner'], en: ['no regions', '1 region', '2 regions'] },
  nationalSolution: { nb: ['ingen nasjonale e-helseløsninger', '1 nasjonal e-helseløsning', '2 nasjonale e-helseløsninger'], en: ['no national e-health solutions', '1 national e-health solution', '2 national e-health solutions'] },
  risk: { nb: ['ingen risikoer', '1 risiko', '2 risikoer'], en: ['no risks', '1 risk', '2 risks'] },
  guideline: { nb: ['ingen føringer', '1 føring', '2 føringer'], en: ['no guidelines', '1 guideline', '2 guidelines'] },
};

/** The "new …" button of each kind: the adjective agrees with the noun's gender in bokmål. */
const newOfKind: Record<string, [string, string]> = {
  solutionPart: ['Ny løsningsdel', 'New solution part'],
  personnelGroup: ['Nytt tjenesteområde', 'New service area'],
  task: ['Ny oppgave / prosess', 'New task / process'],
  capability: ['Nytt funksjonsområde', 'New capability'],
  informationCategory: ['Ny informasjonskategori', 'New information category'],
  informationService: ['Ny informasjonstjeneste', 'New information service'],
  deliveryTier: ['Nytt leveransetrinn', 'New delivery tier'],
  collaborationMode: ['Ny samhandlingsform', 'New collaboration mode'],
  actor: ['Ny aktør', 'New actor'],
  needLevel: ['Nytt behovsnivå', 'New need level'],
  goal: ['Nytt mål', 'New goal'],
  roadmapPhase: ['Ny fase', 'New roadmap phase'],
  milestone: ['Ny milepæl', 'New milestone'],
  decisionPoint: ['Nytt beslutningspunkt', 'New decision point'],
  stakeholder: ['Ny interessent', 'New stakeholder'],
  nationalProject: ['Nytt prosjekt i nasjonal portefølje', 'New project in the national portfolio'],
  requirement: ['Nytt krav', 'New requirement'],
  journalInterface: ['Nytt grensesnitt', 'New interface'],
  region: ['Ny region', 'New region'],
  nationalSolution: ['Ny nasjonal e-helseløsning', 'New national e-health solution'],
  risk: ['Ny risiko', 'New risk'],
  guideline: ['Ny føring', 'New guideline'],
};

const cases: Record<string, Case> = {
  ...Object.fromEntries(Object.entries(kindCounts).map(([kind, expected]) => [`kinds.${kind}.count`, expected])),
  'links.bulkMove.moved': { nb: ['Ingen tjenester er flyttet.', 'Flyttet 1 tjeneste.', 'Flyttet 2 tjenester.'], en: ['No services were moved.', 'Moved 1 service.', 'Moved 2 services.'] },
  'import.json.note.fromComments': {
    nb: ['Ingen krav i filen kom fra høringskommentarer.', '1 krav i filen kom fra en høringskommentar; hvilken kommentar følger ikke med til en annen database.', '2 krav i filen kom fra høringskommentarer; hvilken kommentar følger ikke med til en annen database.'],
    en: ['No requirements in the file came from consultation comments.', '1 requirement in the file came from a consultation comment; which comment does not carry over to another database.', '2 requirements in the file came from consultation comments; which comment does not carry over to another database.'],
  },
  'import.json.note.kept': {
    nb: ['Alle elementene i databasen står i filen.', '1 element i databasen står ikke i filen; importen sletter ingenting, så det blir stående.', '2 elementer i databasen står ikke i filen; importen sletter ingenting, så de blir stående.'],
    en: ['Every element in the database is in the file.', '1 element in the database is not in the file; the import deletes nothing, so it stays.', '2 elements in the database are not in the file; the import deletes nothing, so they stay.'],
  },
  'import.reqif.attributeKept': {
    values: (n) => ({ count: n, name: 'Owner', tag: 'owner' }),
    nb: ['Attributtet «Owner» har ingen plass i akson-scope.', 'Attributtet «Owner» har ingen plass i akson-scope; verdien er tatt vare på som etikett på 1 krav («owner:verdi»).', 'Attributtet «Owner» har ingen plass i akson-scope; verdien er tatt vare på som etikett på 2 krav («owner:verdi»).'],
    en: ['The attribute “Owner” has no place in akson-scope.', 'The attribute “Owner” has no place in akson-scope; its value is kept as a tag on 1 requirement (“owner:value”).', 'The attribute “Owner” has no place in akson-scope; its value is kept as a tag on 2 requirements (“owner:value”).'],
  },
  'import.reqif.attributeDropped': {
    values: (n) => ({ count: n, name: 'Owner' }),
    nb: ['Attributtet «Owner» har ingen plass i akson-scope og er for langt til en etikett; det er ikke tatt med.', 'Attributtet «Owner» har ingen plass i akson-scope og er for langt til en etikett; det er ikke tatt med (1 krav).', 'Attributtet «Owner» har ingen plass i akson-scope og er for langt til en etikett; det er ikke tatt med (2 krav).'],
    en: ['The attribute “Owner” has no place in akson-scope and is too long for a tag; it is left out.', 'The attribute “Owner” has no place in akson-scope and is too long for a tag; it is left out (1 requirement).', 'The attribute “Owner” has no place in akson-scope and is too long for a tag; it is left out (2 requirements).'],
  },
  'import.reqif.linkTypeSkipped': {
    values: (n) => ({ count: n, name: 'Trace' }),
    nb: ['Koblingstypen «Trace» har ingen plass i akson-scope.', 'Koblingstypen «Trace» har ingen plass i akson-scope; 1 kobling av den typen er ikke tatt med.', 'Koblingstypen «Trace» har ingen plass i akson-scope; 2 koblinger av den typen er ikke tatt med.'],
    en: ['The link type “Trace” has no place in akson-scope.', 'The link type “Trace” has no place in akson-scope; 1 link of that type is left out.', 'The link type “Trace” has no place in akson-scope; 2 links of that type are left out.'],
  },
  'import.archimate.unmatched': {
    values: (n) => ({ count: n, names: 'x' }),
    nb: ['Alle elementene i filen har en nøkkel.', '1 element i filen har ingen akson:nøkkel/akson:type og ingen identifikator fra akson-scope, og er ikke importert: x.', '2 elementer i filen har ingen akson:nøkkel/akson:type og ingen identifikator fra akson-scope, og er ikke importert: x.'],
    en: ['Every element in the file has a key.', '1 element in the file has no akson:nøkkel/akson:type and no identifier from akson-scope, and is not imported: x.', '2 elements in the file have no akson:nøkkel/akson:type and no identifier from akson-scope, and are not imported: x.'],
  },
  'import.archimate.requirements': {
    nb: ['Ingen krav er endret fra ArchiMate-filen.', '1 krav er ikke endret fra ArchiMate-filen; bruk ReqIF eller regnearket for krav.', '2 krav er ikke endret fra ArchiMate-filen; bruk ReqIF eller regnearket for krav.'],
    en: ['No requirements are changed from the ArchiMate file.', '1 requirement is not changed from the ArchiMate file; use ReqIF or the spreadsheet for requirements.', '2 requirements are not changed from the ArchiMate file; use ReqIF or the spreadsheet for requirements.'],
  },
  'import.archimate.relationships': {
    nb: ['Ingen relasjoner i filen er importert.', '1 relasjon i filen er ikke importert; koblinger endres på sidene.', '2 relasjoner i filen er ikke importert; koblinger endres på sidene.'],
    en: ['No relationships in the file are imported.', '1 relationship in the file is not imported; links are changed on the pages.', '2 relationships in the file are not imported; links are changed on the pages.'],
  },
  'validation.ref.documentLines': {
    nb: ['Kildedokumentet har ingen linjer.', 'Kildedokumentet har 1 linje.', 'Kildedokumentet har 2 linjer.'],
    en: ['The source document has no lines.', 'The source document has 1 line.', 'The source document has 2 lines.'],
  },
  'common.count.comments': { nb: ['ingen kommentarer', '1 kommentar', '2 kommentarer'], en: ['no comments', '1 comment', '2 comments'] },
  'common.count.newComments': { nb: ['ingen nye kommentarer', '1 ny kommentar', '2 nye kommentarer'], en: ['no new comments', '1 new comment', '2 new comments'] },
  'common.count.projects': { nb: ['ingen prosjekter', '1 prosjekt', '2 prosjekter'], en: ['no projects', '1 project', '2 projects'] },
  'common.count.municipalities': { nb: ['ingen kommuner', '1 kommune', '2 kommuner'], en: ['no municipalities', '1 municipality', '2 municipalities'] },
  'common.count.services': { nb: ['ingen tjenester', '1 tjeneste', '2 tjenester'], en: ['no services', '1 service', '2 services'] },
  'common.count.informationServices': { nb: ['ingen informasjonstjenester', '1 informasjonstjeneste', '2 informasjonstjenester'], en: ['no information services', '1 information service', '2 information services'] },
  'common.count.replies': { nb: ['ingen innlegg', '1 innlegg', '2 innlegg'], en: ['no replies', '1 reply', '2 replies'] },
  'common.count.answers': { nb: ['ingen svar', '1 svar', '2 svar'], en: ['no answers', '1 answer', '2 answers'] },
  'errors.api.exportsBusy': {
    values: (n) => ({ seconds: n }),
    nb: [
      'Mange henter hele modellen akkurat nå. Prøv igjen om 0 sekunder.',
      'Mange henter hele modellen akkurat nå. Prøv igjen om 1 sekund.',
      'Mange henter hele modellen akkurat nå. Prøv igjen om 2 sekunder.',
    ],
    en: [
      'Many are fetching the whole model right now. Try again in 0 seconds.',
      'Many are fetching the whole model right now. Try again in 1 second.',
      'Many are fetching the whole model right now. Try again in 2 seconds.',
    ],
  },
  'errors.zod.tooSmall.string': {
    values: (n) => ({ minimum: n }),
    nb: ['Må være minst 0 tegn.', 'Må fylles ut.', 'Må være minst 2 tegn.'],
    en: ['Must be at least 0 characters.', 'Must be filled in.', 'Must be at least 2 characters.'],
  },
  'errors.zod.tooBig.string': {
    values: (n) => ({ maximum: n }),
    nb: ['Kan være høyst 0 tegn.', 'Kan være høyst ett tegn.', 'Kan være høyst 2 tegn.'],
    en: ['Can be at most 0 characters.', 'Can be at most one character.', 'Can be at most 2 characters.'],
  },
  'consultation.visit.comments': { nb: ['0 nye kommentarer', '1 ny kommentar', '2 nye kommentarer'], en: ['0 new comments', '1 new comment', '2 new comments'] },
  'consultation.visit.edited': { nb: ['0 endrede kommentarer', '1 endret kommentar', '2 endrede kommentarer'], en: ['0 edited comments', '1 edited comment', '2 edited comments'] },
  'consultation.visit.answered': {
    nb: ['0 nye svar fra prosjektet', '1 nytt svar fra prosjektet', '2 nye svar fra prosjektet'],
    en: ['0 new answers from the programme', '1 new answer from the programme', '2 new answers from the programme'],
  },
  'consultation.visit.replied': {
    nb: ['0 kommentarer med nye innlegg i tråden', '1 kommentar med nye innlegg i tråden', '2 kommentarer med nye innlegg i tråden'],
    en: ['0 comments with new replies in their threads', '1 comment with new replies in its thread', '2 comments with new replies in their threads'],
  },
  'consultation.round.count': {
    values: (n) => ({ total: n, filtered: 'yes' }),
    nb: ['Ingen kommentarer passer filteret.', '1 kommentar passer filteret.', '2 kommentarer passer filteret.'],
    en: ['No comments match the filter.', '1 comment matches the filter.', '2 comments match the filter.'],
  },
  'consultation.rounds.newCount': {
    nb: ['Ingenting nytt', '1 kommentar med noe nytt', '2 kommentarer med noe nytt'],
    en: ['Nothing new', '1 comment with something new', '2 comments with something new'],
  },
  // Consultation: a thread's replies ("innlegg"), apart from the programme's answer ("svar").
  'consultation.comment.open': {
    nb: ['Åpne kommentaren', 'Åpne tråden (1 innlegg)', 'Åpne tråden (2 innlegg)'],
    en: ['Open the comment', 'Open the thread (1 reply)', 'Open the thread (2 replies)'],
  },
  'consultation.thread.heading': { nb: ['Tråden (0 innlegg)', 'Tråden (1 innlegg)', 'Tråden (2 innlegg)'], en: ['The thread (0 replies)', 'The thread (1 reply)', 'The thread (2 replies)'] },
  'consultation.report.thread': {
    nb: ['Innlegg i tråden (0):', 'Innlegg i tråden (1):', 'Innlegg i tråden (2):'],
    en: ['Replies in the thread (0):', 'Reply in the thread (1):', 'Replies in the thread (2):'],
  },
  'consultation.report.threadHeading': {
    nb: ['Innlegg i tråden (0)', 'Innlegg i tråden (1)', 'Innlegg i tråden (2)'],
    en: ['Replies in the thread (0)', 'Reply in the thread (1)', 'Replies in the thread (2)'],
  },
  'consultation.round.commentsOn': {
    values: (n) => ({ count: n, item: 'AKS-0001 Alle tjenester' }),
    nb: ['0 kommentarer til AKS-0001 Alle tjenester', '1 kommentar til AKS-0001 Alle tjenester', '2 kommentarer til AKS-0001 Alle tjenester'],
    en: ['0 comments on AKS-0001 Alle tjenester', '1 comment on AKS-0001 Alle tjenester', '2 comments on AKS-0001 Alle tjenester'],
  },
  'scope.portfolio.summary': {
    values: (n) => ({ count: n, budget: '10' }),
    nb: ['Ingen prosjekter, til sammen 10 MNOK i rapportert budsjett for 2019.', '1 prosjekt, til sammen 10 MNOK i rapportert budsjett for 2019.', '2 prosjekter, til sammen 10 MNOK i rapportert budsjett for 2019.'],
    en: ['No projects, in all 10 million NOK in reported budget for 2019.', '1 project, in all 10 million NOK in reported budget for 2019.', '2 projects, in all 10 million NOK in reported budget for 2019.'],
  },
  'scope.municipalities.county': {
    values: (n) => ({ county: 'Agder', number: '42', count: n, population: 5 }),
    nb: ['Agder (42): 0 kommuner, 5 innbyggere', 'Agder (42): 1 kommune, 5 innbyggere', 'Agder (42): 2 kommuner, 5 innbyggere'],
    en: ['Agder (42): 0 municipalities, 5 inhabitants', 'Agder (42): 1 municipality, 5 inhabitants', 'Agder (42): 2 municipalities, 5 inhabitants'],
  },
  'scope.announce.projects': { nb: ['Ingen prosjekter vises.', '1 prosjekt vises.', '2 prosjekter vises.'], en: ['No projects shown.', '1 project shown.', '2 projects shown.'] },
  'scope.announce.services': {
    values: (n) => ({ count: n, total: 5 }),
    nb: ['Listen viser ingen informasjonstjenester av 5.', 'Listen viser 1 informasjonstjeneste av 5.', 'Listen viser 2 informasjonstjenester av 5.'],
    en: ['The list shows no information services of 5.', 'The list shows 1 information service of 5.', 'The list shows 2 information services of 5.'],
  },
  'scope.announce.matrix': {
    values: (n) => ({ count: n, total: 5 }),
    nb: ['Matrisen viser ingen informasjonstjenester av 5.', 'Matrisen viser 1 informasjonstjeneste av 5.', 'Matrisen viser 2 informasjonstjenester av 5.'],
    en: ['The matrix shows no information services of 5.', 'The matrix shows 1 information service of 5.', 'The matrix shows 2 information services of 5.'],
  },
  'scope.matrix.pastEnd': {
    values: (n) => ({ pages: n }),
    nb: ['Matrisen har 0 sider; den siden finnes ikke.', 'Matrisen har én side; den siden finnes ikke.', 'Matrisen har 2 sider; den siden finnes ikke.'],
    en: ['The matrix has 0 pages; that page does not exist.', 'The matrix has one page; that page does not exist.', 'The matrix has 2 pages; that page does not exist.'],
  },
  'scope.municipalities.lead': {
    values: (n) => ({ count: n, population: '5' }),
    nb: ['Norges 0 kommuner med innbyggertall 1. januar 2024, til sammen 5 innbyggere. Kilde: Statistisk sentralbyrå.', 'Norges 1 kommune med innbyggertall 1. januar 2024, til sammen 5 innbyggere. Kilde: Statistisk sentralbyrå.', 'Norges 2 kommuner med innbyggertall 1. januar 2024, til sammen 5 innbyggere. Kilde: Statistisk sentralbyrå.'],
    en: ["Norway's 0 municipalities with their populations on 1 January 2024, 5 inhabitants in all. Source: Statistics Norway.", "Norway's 1 municipality with their populations on 1 January 2024, 5 inhabitants in all. Source: Statistics Norway.", "Norway's 2 municipalities with their populations on 1 January 2024, 5 inhabitants in all. Source: Statistics Norway."],
  },
  'scope.sources.about': {
    values: (n) => ({ publisher: 'E-helse', published: '2019', lines: n }),
    nb: ['(E-helse, 2019, 0 linjer)', '(E-helse, 2019, 1 linje)', '(E-helse, 2019, 2 linjer)'],
    en: ['(E-helse, 2019, 0 lines)', '(E-helse, 2019, 1 line)', '(E-helse, 2019, 2 lines)'],
  },
  'scope.overview.more': { nb: ['og 0 til', 'og 1 til', 'og 2 til'], en: ['and 0 more', 'and 1 more', 'and 2 more'] },
  'scope.region.population': {
    values: (n) => ({ count: n, population: '5' }),
    nb: ['0 kommuner med 5 innbyggere (2024).', '1 kommune med 5 innbyggere (2024).', '2 kommuner med 5 innbyggere (2024).'],
    en: ['0 municipalities with 5 inhabitants (2024).', '1 municipality with 5 inhabitants (2024).', '2 municipalities with 5 inhabitants (2024).'],
  },
  'scope.capabilities.services': { nb: ['ingen tjenester', '1 tjeneste', '2 tjenester'], en: ['no services', '1 service', '2 services'] },
  'domain.portfolio.total': {
    values: (n) => ({ count: n, budget: '10', line1: 1, line2: 2 }),
    nb: [
      'Ingen prosjekter. Dokumentet oppgir til sammen 10 MNOK i rapportert budsjett for 2019 (linje 1 og 2).',
      '1 prosjekt. Dokumentet oppgir til sammen 10 MNOK i rapportert budsjett for 2019 (linje 1 og 2).',
      '2 prosjekter. Dokumentet oppgir til sammen 10 MNOK i rapportert budsjett for 2019 (linje 1 og 2).',
    ],
    en: [
      'No projects. The document gives a total of 10 million NOK in reported budget for 2019 (lines 1 and 2).',
      '1 project. The document gives a total of 10 million NOK in reported budget for 2019 (lines 1 and 2).',
      '2 projects. The document gives a total of 10 million NOK in reported budget for 2019 (lines 1 and 2).',
    ],
  },
  'domain.portfolio.filtered': {
    values: (n) => ({ count: n, sum: '3', budget: '10' }),
    nb: [
      'Ingen prosjekter. Summen av budsjettene i radene som vises er 3 MNOK; dokumentets totalsum for hele porteføljen er 10 MNOK.',
      '1 prosjekt. Summen av budsjettene i radene som vises er 3 MNOK; dokumentets totalsum for hele porteføljen er 10 MNOK.',
      '2 prosjekter. Summen av budsjettene i radene som vises er 3 MNOK; dokumentets totalsum for hele porteføljen er 10 MNOK.',
    ],
    en: [
      "No projects. The budgets of the rows shown add up to 3 million NOK; the document's total for the whole portfolio is 10 million NOK.",
      "1 project. The budgets of the rows shown add up to 3 million NOK; the document's total for the whole portfolio is 10 million NOK.",
      "2 projects. The budgets of the rows shown add up to 3 million NOK; the document's total for the whole portfolio is 10 million NOK.",
    ],
  },
  'review.intention.count': { nb: ['Ingen kommuner.', '1 kommune.', '2 kommuner.'], en: ['No municipalities.', '1 municipality.', '2 municipalities.'] },
  'review.submit.answered': {
    values: (n) => ({ answered: n, total: n }),
    nb: ['0 av 0 tjenester er besvart', '1 av 1 tjeneste er besvart', '2 av 2 tjenester er besvart'],
    en: ['0 of 0 services answered', '1 of 1 service answered', '2 of 2 services answered'],
  },
  'review.submit.moreUnanswered': {
    nb: [
      '… og 0 tjenester til, som dere finner side for side i vurderingen.',
      '… og 1 tjeneste til, som dere finner side for side i vurderingen.',
      '… og 2 tjenester til, som dere finner side for side i vurderingen.',
    ],
    en: [
      '… and 0 more services, which you will find page by page in the review.',
      '… and 1 more service, which you will find page by page in the review.',
      '… and 2 more services, which you will find page by page in the review.',
    ],
  },
  'links.gaps.inferredLinks.sum': {
    values: (n) => ({ count: n, missing: n }),
    nb: ['Ingen koblinger er tolkninger; alle har begrunnelse.', '1 kobling er en tolkning; 1 mangler begrunnelse.', '2 koblinger er tolkninger; 2 mangler begrunnelse.'],
    en: ['No links are inferred; all have a reason.', '1 link is inferred; 1 lacks a reason.', '2 links are inferred; 2 lack a reason.'],
  },
  'import.read': {
    values: (n) => ({ format: 'XLSX', rows: n }),
    nb: ["XLSX med 0 rader", "XLSX med 1 rad", "XLSX med 2 rader"],
    en: ["XLSX with 0 rows", "XLSX with 1 row", "XLSX with 2 rows"],
  },
  'import.readCsv': {
    values: (n) => ({ encoding: 'UTF-8', delimiter: ';', rows: n }),
    nb: ["CSV (UTF-8, skilt med «;») med 0 rader", "CSV (UTF-8, skilt med «;») med 1 rad", "CSV (UTF-8, skilt med «;») med 2 rader"],
    en: ["CSV (UTF-8, separated by “;”) with 0 rows", "CSV (UTF-8, separated by “;”) with 1 row", "CSV (UTF-8, separated by “;”) with 2 rows"],
  },
  'import.count.created': {
    nb: ["Ingen nye krav", "1 nytt krav", "2 nye krav"],
    en: ["No new requirements", "1 new requirement", "2 new requirements"],
  },
  'import.count.changed': {
    nb: ["ingen endres", "1 endres", "2 endres"],
    en: ["none changed", "1 changed", "2 changed"],
  },
  'import.count.unchanged': {
    nb: ["ingen står uendret", "1 står uendret", "2 står uendret"],
    en: ["none left unchanged", "1 left unchanged", "2 left unchanged"],
  },
  'import.count.conflicts': {
    nb: ["ingen konflikter", "1 konflikt", "2 konflikter"],
    en: ["no conflicts", "1 conflict", "2 conflicts"],
  },
  'import.count.problems': {
    values: (n) => ({ count: n, rows: n }),
    nb: ["ingen feil i ingen rader", "1 feil i 1 rad", "2 feil i 2 rader"],
    en: ["no problems in no rows", "1 problem in 1 row", "2 problems in 2 rows"],
  },
  'import.applyValidText': {
    nb: ["0 rader med feil eller konflikt blir ikke brukt og listes i resultatet. Resten lagres i én operasjon.", "1 rad med feil eller konflikt blir ikke brukt og listes i resultatet. Resten lagres i én operasjon.", "2 rader med feil eller konflikt blir ikke brukt og listes i resultatet. Resten lagres i én operasjon."],
    en: ["0 rows with a problem or conflict will not be applied and are listed in the result. The rest is saved in one operation.", "1 row with a problem or conflict will not be applied and is listed in the result. The rest is saved in one operation.", "2 rows with a problem or conflict will not be applied and are listed in the result. The rest is saved in one operation."],
  },
  'import.resultText': {
    values: (n) => ({ created: n, changed: n, unchanged: n }),
    nb: ["Ingen nye krav, ingen endret, ingen uendret.", "1 nytt krav, 1 endret, 1 uendret.", "2 nye krav, 2 endret, 2 uendret."],
    en: ["No new requirements, none changed, none unchanged.", "1 new requirement, 1 changed, 1 unchanged.", "2 new requirements, 2 changed, 2 unchanged."],
  },
  'import.resultLeftOut': {
    values: (n) => ({ count: n, rows: '14' }),
    nb: ["0 rader ble ikke brukt: 14.", "1 rad ble ikke brukt: 14.", "2 rader ble ikke brukt: 14."],
    en: ["0 rows were not applied: 14.", "1 row was not applied: 14.", "2 rows were not applied: 14."],
  },
  'import.doc.count.created': {
    nb: ['ingenting nytt', '1 ny', '2 nye'],
    en: ['nothing new', '1 new', '2 new'],
  },
  'import.doc.count.changed': {
    nb: ['ingenting endres', '1 endres', '2 endres'],
    en: ['nothing changed', '1 changed', '2 changed'],
  },
  'import.doc.count.unchanged': {
    nb: ['ingenting står uendret', '1 står uendret', '2 står uendret'],
    en: ['nothing left unchanged', '1 left unchanged', '2 left unchanged'],
  },
  'import.doc.count.problems': {
    nb: ['ingen feil', '1 feil', '2 feil'],
    en: ['no problems', '1 problem', '2 problems'],
  },
  'import.doc.resultText': {
    values: (n) => ({ created: n, changed: n, unchanged: n }),
    nb: ['Ingenting nytt, ingenting endret, ingenting uendret.', '1 ny, 1 endret, 1 uendret.', '2 nye, 2 endret, 2 uendret.'],
    en: ['Nothing new, nothing changed, nothing unchanged.', '1 new, 1 changed, 1 unchanged.', '2 new, 2 changed, 2 unchanged.'],
  },
  'requirement.chapters.heading': {
    nb: ["Ingen kapitler", "1 kapittel", "2 kapitler"],
    en: ["No chapters", "1 chapter", "2 chapters"],
  },
  'requirement.chapters.count': {
    nb: ["(ingen krav)", "(1 krav)", "(2 krav)"],
    en: ["(no requirements)", "(1 requirement)", "(2 requirements)"],
  },
  'requirement.types.heading': {
    nb: ["Ingen kravtyper", "1 kravtype", "2 kravtyper"],
    en: ["No requirement types", "1 requirement type", "2 requirement types"],
  },
  'requirement.types.used': {
    nb: ["(ingen krav)", "(1 krav)", "(2 krav)"],
    en: ["(no requirements)", "(1 requirement)", "(2 requirements)"],
  },
  'requirement.trace.more': {
    nb: ["… og 0 til", "… og 1 til", "… og 2 til"],
    en: ["… and 0 more", "… and 1 more", "… and 2 more"],
  },
  'requirement.trace.servicesShown': {
    nb: ["Ingen tjenester.", "1 tjeneste.", "2 tjenester."],
    en: ["No services.", "1 service.", "2 services."],
  },
  'requirement.trace.capabilitiesShown': {
    nb: ["Ingen funksjonsområder.", "1 funksjonsområde.", "2 funksjonsområder."],
    en: ["No capabilities.", "1 capability.", "2 capabilities."],
  },
  'scope.list.pastEnd': {
    values: (n) => ({ pages: n, page: 9 }),
    nb: ['Listen har 0 sider; side 9 finnes ikke.', 'Listen har én side; side 9 finnes ikke.', 'Listen har 2 sider; side 9 finnes ikke.'],
    en: ['The list has 0 pages; page 9 does not exist.', 'The list has one page; page 9 does not exist.', 'The list has 2 pages; page 9 does not exist.'],
  },
  'review.dashboard.reviewed': {
    values: (n) => ({ reviewed: n, total: 2, population: 1000, share: '5,0 %' }),
    nb: [
      '0 av 2 kommuner har sendt inn vurderingen; de har 1 000 innbyggere (5,0 % av befolkningen).',
      '1 av 2 kommuner har sendt inn vurderingen; den har 1 000 innbyggere (5,0 % av befolkningen).',
      '2 av 2 kommuner har sendt inn vurderingen; de har 1 000 innbyggere (5,0 % av befolkningen).',
    ],
    en: [
      '0 of 2 municipalities have submitted their review; they have 1,000 inhabitants (5,0 % of the population).',
      '1 of 2 municipalities has submitted its review; it has 1,000 inhabitants (5,0 % of the population).',
      '2 of 2 municipalities have submitted their review; they have 1,000 inhabitants (5,0 % of the population).',
    ],
  },
  'review.dashboard.drafts': {
    nb: ['Ingen kommuner har et utkast som ikke er sendt inn.', '1 kommune har et utkast som ikke er sendt inn.', '2 kommuner har et utkast som ikke er sendt inn.'],
    en: ['No municipality has an unsubmitted draft.', '1 municipality has an unsubmitted draft.', '2 municipalities have an unsubmitted draft.'],
  },
  'review.coverage.line': {
    values: (n) => ({ municipalities: n, total: 357, share: '1,0 %', signed: 10, population: 1000 }),
    nb: [
      'Ingen av de 357 kommunene har signert.',
      '1,0 % av innbyggerne (10 av 1 000) bor i den ene av 357 kommuner som har signert.',
      '1,0 % av innbyggerne (10 av 1 000) bor i de 2 av 357 kommunene som har signert.',
    ],
    en: [
      'None of the 357 municipalities has signed.',
      '1,0 % of the population (10 of 1,000) live in the one municipality of 357 that has signed.',
      '1,0 % of the population (10 of 1,000) live in the 2 of 357 municipalities that have signed.',
    ],
  },  // The requirement list and its bulk actions (issue 13).
  'requirementList.summary': {
    values: (n) => ({ count: n, from: '1', to: String(n) }),
    nb: ["0 krav passer filteret; 1–0 vises.","1 krav passer filteret; 1–1 vises.","2 krav passer filteret; 1–2 vises."],
    en: ["0 requirements match the filter; showing 1–0.","1 requirement matches the filter; showing 1–1.","2 requirements match the filter; showing 1–2."],
  },
  'requirementList.announce': {
    nb: ["Ingen krav passer filteret.","1 krav passer filteret.","2 krav passer filteret."],
    en: ["No requirements match the filter.","1 requirement matches the filter.","2 requirements match the filter."],
  },
  'requirementList.governsMore': {
    nb: ["og 0 til","og 1 til","og 2 til"],
    en: ["and 0 more","and 1 more","and 2 more"],
  },
  'requirementList.pageMissing': {
    values: (n) => ({ pages: n, page: 3 }),
    nb: ["Med dette filteret har kravlisten 0 sider, så side 3 finnes ikke.","Med dette filteret har kravlisten 1 side, så side 3 finnes ikke.","Med dette filteret har kravlisten 2 sider, så side 3 finnes ikke."],
    en: ["With this filter the requirement list has 0 pages, so page 3 does not exist.","With this filter the requirement list has 1 page, so page 3 does not exist.","With this filter the requirement list has 2 pages, so page 3 does not exist."],
  },
  'requirementList.bulk.scope.filtered': {
    nb: ["Alle 0 krav som passer filteret","Det ene kravet som passer filteret","Alle 2 krav som passer filteret"],
    en: ["All 0 requirements that match the filter","The one requirement that matches the filter","All 2 requirements that match the filter"],
  },
  'requirementList.bulk.summary': {
    values: (n) => ({ count: n, changed: n, unchanged: n }),
    nb: ["0 krav er med: ingen endres, ingen er allerede slik.","1 krav er med: 1 endres, 1 er allerede slik.","2 krav er med: 2 endres, 2 er allerede slik."],
    en: ["0 requirements are included: none changes, none is already so.","1 requirement is included: 1 changes, 1 is already so.","2 requirements are included: 2 change, 2 are already so."],
  },
  'requirementList.bulk.group': {
    values: (n) => ({ from: 'Utkast', to: 'Godkjent', count: n }),
    nb: ["Utkast → Godkjent: 0 krav","Utkast → Godkjent: 1 krav","Utkast → Godkjent: 2 krav"],
    en: ["Utkast → Godkjent: 0 requirements","Utkast → Godkjent: 1 requirement","Utkast → Godkjent: 2 requirements"],
  },
  'requirementList.bulk.groupUnchanged': {
    values: (n) => ({ value: 'Godkjent', count: n }),
    nb: ["Allerede Godkjent: 0 krav (uendret)","Allerede Godkjent: 1 krav (uendret)","Allerede Godkjent: 2 krav (uendret)"],
    en: ["Already Godkjent: 0 requirements (unchanged)","Already Godkjent: 1 requirement (unchanged)","Already Godkjent: 2 requirements (unchanged)"],
  },
  'requirementList.bulk.truncated': {
    values: (n) => ({ shown: '500', count: n }),
    nb: ["Tabellen viser de 500 første; alle 0 krav er med i endringen og i tallene over.","Tabellen viser de 500 første; det ene kravet er med i endringen og i tallene over.","Tabellen viser de 500 første; alle 2 krav er med i endringen og i tallene over."],
    en: ["The table shows the first 500; all 0 requirements are in the change and in the figures above.","The table shows the first 500; the 1 requirement is in the change and in the figures above.","The table shows the first 500; all 2 requirements are in the change and in the figures above."],
  },
  'requirementList.bulk.confirm': {
    nb: ["Utfør endringen på 0 krav","Utfør endringen på 1 krav","Utfør endringen på 2 krav"],
    en: ["Apply the change to 0 requirements","Apply the change to 1 requirement","Apply the change to 2 requirements"],
  },
  'requirementList.bulk.done': {
    values: (n) => ({ changed: n, unchanged: n }),
    nb: ["Ingen krav er endret.","1 krav er endret; 1 var allerede slik.","2 krav er endret; 2 var allerede slik."],
    en: ["No requirements changed.","1 requirement changed; 1 was already so.","2 requirements changed; 2 were already so."],
  },
  'requirementList.bulk.stale.text': {
    nb: ["Ingenting er lagret. 0 krav er endret eller slettet siden du forhåndsviste. Under er forhåndsvisningen slik kravene er nå: se gjennom den og utfør igjen.","Ingenting er lagret. 1 krav er endret eller slettet siden du forhåndsviste. Under er forhåndsvisningen slik kravene er nå: se gjennom den og utfør igjen.","Ingenting er lagret. 2 krav er endret eller slettet siden du forhåndsviste. Under er forhåndsvisningen slik kravene er nå: se gjennom den og utfør igjen."],
    en: ["Nothing was saved. 0 requirements were changed or deleted since your preview. Below is the preview as the requirements are now: review it and apply again.","Nothing was saved. 1 requirement was changed or deleted since your preview. Below is the preview as the requirements are now: review it and apply again.","Nothing was saved. 2 requirements were changed or deleted since your preview. Below is the preview as the requirements are now: review it and apply again."],
  },
  'search.hits': {
    values: (n) => ({ count: n, query: 'dose' }),
    nb: ['0 treff for «dose».', '1 treff for «dose».', '2 treff for «dose».'],
    en: ['0 results for “dose”.', '1 result for “dose”.', '2 results for “dose”.'],
  },
  'baselines.md.summary': {
    values: (n) => ({ added: n, removed: n, changed: n, linksAdded: n, linksRemoved: n, chapters: n }),
    nb: [
      '0 lagt til, 0 fjernet, 0 endret; 0 koblinger lagt til, 0 fjernet; 0 kapittelendringer.',
      '1 lagt til, 1 fjernet, 1 endret; 1 kobling lagt til, 1 fjernet; 1 kapittelendring.',
      '2 lagt til, 2 fjernet, 2 endret; 2 koblinger lagt til, 2 fjernet; 2 kapittelendringer.',
    ],
    en: [
      '0 added, 0 removed, 0 changed; 0 links added, 0 removed; 0 chapter changes.',
      '1 added, 1 removed, 1 changed; 1 link added, 1 removed; 1 chapter change.',
      '2 added, 2 removed, 2 changed; 2 links added, 2 removed; 2 chapter changes.',
    ],
  },
  'auth.throttled': {
    values: (n) => ({ seconds: n, minutes: 0 }),
    nb: ["For mange mislykkede forsøk på å logge inn. Vent 0 sekunder før du prøver igjen.","For mange mislykkede forsøk på å logge inn. Vent 1 sekund før du prøver igjen.","For mange mislykkede forsøk på å logge inn. Vent 2 sekunder før du prøver igjen."],
    en: ["Too many failed attempts to sign in. Wait 0 seconds before you try again.","Too many failed attempts to sign in. Wait 1 second before you try again.","Too many failed attempts to sign in. Wait 2 seconds before you try again."],
  },
  'review.list.diff.some': {
    values: (n) => ({ changed: n, removed: n, added: n }),
    nb: ["Etter at runden åpnet er ingen av tjenestene i listen endret og ingen fjernet i omfanget, og ingen nye er kommet til. Endringene er merket ved hver tjeneste; listen selv er den samme for alle kommunene.","Etter at runden åpnet er 1 av tjenestene i listen endret og 1 fjernet i omfanget, og én ny er kommet til. Endringene er merket ved hver tjeneste; listen selv er den samme for alle kommunene.","Etter at runden åpnet er 2 av tjenestene i listen endret og 2 fjernet i omfanget, og 2 nye er kommet til. Endringene er merket ved hver tjeneste; listen selv er den samme for alle kommunene."],
    en: ["Since the round opened, none of the services on the list have changed and none have been removed in the scope, and no new ones have been added. The changes are marked at each service; the list itself is the same for every municipality.","Since the round opened, 1 of the services on the list has changed and 1 has been removed in the scope, and one new one has been added. The changes are marked at each service; the list itself is the same for every municipality.","Since the round opened, 2 of the services on the list have changed and 2 have been removed in the scope, and 2 new ones have been added. The changes are marked at each service; the list itself is the same for every municipality."],
  },
  'review.round.lead': {
    nb: ["Første leveranse slik den var da runden åpnet : 0 informasjonstjenester.","Første leveranse slik den var da runden åpnet : 1 informasjonstjeneste.","Første leveranse slik den var da runden åpnet : 2 informasjonstjenester."],
    en: ["The first delivery as it was when the round opened : 0 information services.","The first delivery as it was when the round opened : 1 information service.","The first delivery as it was when the round opened : 2 information services."],
  },
  'review.round.dashboardLink': {
    nb: ["Standpunktene så langt, på dashbordet (0 kommuner har sendt inn)","Standpunktene så langt, på dashbordet (1 kommune har sendt inn)","Standpunktene så langt, på dashbordet (2 kommuner har sendt inn)"],
    en: ["The stances so far, on the dashboard (0 municipalities have submitted)","The stances so far, on the dashboard (1 municipality has submitted)","The stances so far, on the dashboard (2 municipalities have submitted)"],
  },
  'review.close.submitted': {
    nb: ["Ingen kommuner har sendt inn vurderingen; bare de teller i tallene.","1 kommune har sendt inn vurderingen; bare de teller i tallene.","2 kommuner har sendt inn vurderingen; bare de teller i tallene."],
    en: ["No municipalities have submitted their review; only those count in the figures.","1 municipality has submitted its review; only those count in the figures.","2 municipalities have submitted their review; only those count in the figures."],
  },
  'review.close.drafts': {
    nb: ["Ingen kommune har et utkast som ikke er sendt inn.","1 kommune har et utkast som ikke er sendt inn. Det blir ikke sendt inn og teller ikke.","2 kommuner har et utkast som ikke er sendt inn. De blir ikke sendt inn og teller ikke."],
    en: ["No municipality has a draft that has not been submitted.","1 municipality has a draft that has not been submitted. It will not be submitted and does not count.","2 municipalities have a draft that has not been submitted. They will not be submitted and do not count."],
  },
  'review.municipality.lead': {
    values: (n) => ({ count: n, name: 'Oslo', round: 'R1' }),
    nb: ["Oslo kommunes vurdering av de 0 informasjonstjenestene i runden «R1».","Oslo kommunes vurdering av den ene informasjonstjenesten i runden «R1».","Oslo kommunes vurdering av de 2 informasjonstjenestene i runden «R1»."],
    en: ["Oslo municipality’s review of the 0 information services in the round “R1”.","Oslo municipality’s review of the one information service in the round “R1”.","Oslo municipality’s review of the 2 information services in the round “R1”."],
  },
  'review.autosave.sessionEnded': {
    values: (n) => ({ minutes: n }),
    nb: ["Du er ikke logget inn lenger (økten avsluttes etter 0 minutter uten aktivitet). Det du har skrevet, står fortsatt på siden, men er ikke lagret.","Du er ikke logget inn lenger (økten avsluttes etter 1 minutt uten aktivitet). Det du har skrevet, står fortsatt på siden, men er ikke lagret.","Du er ikke logget inn lenger (økten avsluttes etter 2 minutter uten aktivitet). Det du har skrevet, står fortsatt på siden, men er ikke lagret."],
    en: ["You are no longer signed in (the session ends after 0 minutes without activity). What you have written is still on the page, but it is not saved.","You are no longer signed in (the session ends after 1 minute without activity). What you have written is still on the page, but it is not saved.","You are no longer signed in (the session ends after 2 minutes without activity). What you have written is still on the page, but it is not saved."],
  },
  'review.submit.countedUnanswered': {
    values: (n) => ({ unanswered: n, total: 2 }),
    nb: ["0 av 2 tjenester er ikke besvart og telles som «Ikke besvart» i tallene.","1 av 2 tjenester er ikke besvart og telles som «Ikke besvart» i tallene.","2 av 2 tjenester er ikke besvart og telles som «Ikke besvart» i tallene."],
    en: ["0 of 2 services are not answered and count as “Not answered” in the figures.","1 of 2 services is not answered and counts as “Not answered” in the figures.","2 of 2 services are not answered and count as “Not answered” in the figures."],
  },
  'review.submit.weighted': {
    values: (n) => ({ population: n }),
    nb: ["Vurderingen teller i tallene på dashbordet, vektet med kommunens 0 innbyggere.","Vurderingen teller i tallene på dashbordet, vektet med kommunens 1 innbygger.","Vurderingen teller i tallene på dashbordet, vektet med kommunens 2 innbyggere."],
    en: ["The review counts in the figures on the dashboard, weighted by the municipality’s 0 inhabitants.","The review counts in the figures on the dashboard, weighted by the municipality’s 1 inhabitant.","The review counts in the figures on the dashboard, weighted by the municipality’s 2 inhabitants."],
  },
  'review.signedOut.notice': {
    values: (n) => ({ minutes: n }),
    nb: ["Du er ikke logget inn lenger: økten avsluttes etter 0 minutter uten aktivitet. Det du sendte, er ikke lagret ennå, men det er ikke borte. Logg inn her, så lagres det i kommunens utkast.","Du er ikke logget inn lenger: økten avsluttes etter 1 minutt uten aktivitet. Det du sendte, er ikke lagret ennå, men det er ikke borte. Logg inn her, så lagres det i kommunens utkast.","Du er ikke logget inn lenger: økten avsluttes etter 2 minutter uten aktivitet. Det du sendte, er ikke lagret ennå, men det er ikke borte. Logg inn her, så lagres det i kommunens utkast."],
    en: ["You are no longer signed in: the session ends after 0 minutes without activity. What you sent is not saved yet, but it is not lost. Sign in here and it is saved in the municipality’s draft.","You are no longer signed in: the session ends after 1 minute without activity. What you sent is not saved yet, but it is not lost. Sign in here and it is saved in the municipality’s draft.","You are no longer signed in: the session ends after 2 minutes without activity. What you sent is not saved yet, but it is not lost. Sign in here and it is saved in the municipality’s draft."],
  },
  'review.signedOut.noticeSubmitting': {
    values: (n) => ({ minutes: n }),
    nb: ["Du er ikke logget inn lenger: økten avsluttes etter 0 minutter uten aktivitet. Det du sendte, er ikke lagret ennå, men det er ikke borte. Logg inn her, så lagres det i kommunens utkast, og du kommer videre til innsendingen.","Du er ikke logget inn lenger: økten avsluttes etter 1 minutt uten aktivitet. Det du sendte, er ikke lagret ennå, men det er ikke borte. Logg inn her, så lagres det i kommunens utkast, og du kommer videre til innsendingen.","Du er ikke logget inn lenger: økten avsluttes etter 2 minutter uten aktivitet. Det du sendte, er ikke lagret ennå, men det er ikke borte. Logg inn her, så lagres det i kommunens utkast, og du kommer videre til innsendingen."],
    en: ["You are no longer signed in: the session ends after 0 minutes without activity. What you sent is not saved yet, but it is not lost. Sign in here and it is saved in the municipality’s draft, and you go on to submitting it.","You are no longer signed in: the session ends after 1 minute without activity. What you sent is not saved yet, but it is not lost. Sign in here and it is saved in the municipality’s draft, and you go on to submitting it.","You are no longer signed in: the session ends after 2 minutes without activity. What you sent is not saved yet, but it is not lost. Sign in here and it is saved in the municipality’s draft, and you go on to submitting it."],
  },
  'review.intention.lead': {
    values: (n) => ({ population: n, name: 'Utsira', county: 'Rogaland' }),
    nb: ["Om Utsira kommune (0 innbyggere, Rogaland) vil slutte seg til Akson. Signerte erklæringer teller i dekningen på dashbordet.","Om Utsira kommune (1 innbygger, Rogaland) vil slutte seg til Akson. Signerte erklæringer teller i dekningen på dashbordet.","Om Utsira kommune (2 innbyggere, Rogaland) vil slutte seg til Akson. Signerte erklæringer teller i dekningen på dashbordet."],
    en: ["Whether Utsira municipality (0 inhabitants, Rogaland) will join Akson. Signed declarations count in the coverage on the dashboard.","Whether Utsira municipality (1 inhabitant, Rogaland) will join Akson. Signed declarations count in the coverage on the dashboard.","Whether Utsira municipality (2 inhabitants, Rogaland) will join Akson. Signed declarations count in the coverage on the dashboard."],
  },
  'review.dashboard.tallyCaption': {
    values: (n) => ({ count: n, order: 'X' }),
    nb: ["Standpunkt per tjeneste: antall kommuner, og i parentes andelen av innbyggerne i de 0 kommunene som har sendt inn. Sortert: X.","Standpunkt per tjeneste: antall kommuner, og i parentes andelen av innbyggerne i den ene kommunen som har sendt inn. Sortert: X.","Standpunkt per tjeneste: antall kommuner, og i parentes andelen av innbyggerne i de 2 kommunene som har sendt inn. Sortert: X."],
    en: ["Stance per service: the number of municipalities, and in brackets the share of the inhabitants in the 0 municipalities that have submitted. Sorted: X.","Stance per service: the number of municipalities, and in brackets the share of the inhabitants in the one municipality that has submitted. Sorted: X.","Stance per service: the number of municipalities, and in brackets the share of the inhabitants in the 2 municipalities that have submitted. Sorted: X."],
  },
  'review.comments.range': {
    values: (n) => ({ first: 1, last: n, total: n }),
    nb: ["Viser 1–0 av 0 kommentarer.","Viser 1–1 av 1 kommentar.","Viser 1–2 av 2 kommentarer."],
    en: ["Showing 1–0 of 0 comments.","Showing 1–1 of 1 comment.","Showing 1–2 of 2 comments."],
  },
  'review.comments.rangeFiltered': {
    values: (n) => ({ first: 1, last: n, total: n }),
    nb: ["Viser 1–0 av 0 kommentarer som passer filteret.","Viser 1–1 av 1 kommentar som passer filteret.","Viser 1–2 av 2 kommentarer som passer filteret."],
    en: ["Showing 1–0 of 0 comments that match the filter.","Showing 1–1 of 1 comment that matches the filter.","Showing 1–2 of 2 comments that match the filter."],
  },
  'diagrams.service.found.count': {
    values: (n) => ({ count: n, query: 'dose' }),
    nb: ['0 informasjonstjenester har «dose» i navnet.', '1 informasjonstjeneste har «dose» i navnet.', '2 informasjonstjenester har «dose» i navnet.'],
    en: ['0 information services have “dose” in the name.', '1 information service has “dose” in the name.', '2 information services have “dose” in the name.'],
  },
  'diagrams.redrawn': {
    nb: ['Diagrammet er tegnet på nytt med 0 bokser. Tabellen under viser det samme.', 'Diagrammet er tegnet på nytt med 1 boks. Tabellen under viser det samme.', 'Diagrammet er tegnet på nytt med 2 bokser. Tabellen under viser det samme.'],
    en: ['The diagram is redrawn with 0 boxes. The table below shows the same.', 'The diagram is redrawn with 1 box. The table below shows the same.', 'The diagram is redrawn with 2 boxes. The table below shows the same.'],
  },
  'diagrams.fd.description': {
    values: (n) => ({ count: n, tiers: n, filtered: n === 2 ? 'yes' : 'no' }),
    nb: [
      '0 informasjonstjenester fordelt på 0 leveransetrinn og informasjonskategoriene i hvert trinn.',
      '1 informasjonstjeneste fordelt på 1 leveransetrinn og informasjonskategoriene i hvert trinn.',
      '2 informasjonstjenester i filteret fordelt på 2 leveransetrinn og informasjonskategoriene i hvert trinn.',
    ],
    en: [
      '0 information services across 0 delivery tiers and the information categories in each tier.',
      '1 information service across 1 delivery tier and the information categories in each tier.',
      '2 information services in the filter across 2 delivery tiers and the information categories in each tier.',
    ],
  },
  'diagrams.fd.seeList': {
    nb: ['Se de 0 tjenestene i listen', 'Se tjenesten i listen', 'Se de 2 tjenestene i listen'],
    en: ['See the 0 services in the list', 'See the service in the list', 'See the 2 services in the list'],
  },
  'diagrams.fd.note.tentative': {
    nb: [
      '0 informasjonstjenester har tentativ plassering i trinnet (stiplet): lysarket er merket «TENTATIVT, ER UNDER ARBEID».',
      '1 informasjonstjeneste har tentativ plassering i trinnet (stiplet): lysarket er merket «TENTATIVT, ER UNDER ARBEID».',
      '2 informasjonstjenester har tentativ plassering i trinnet (stiplet): lysarket er merket «TENTATIVT, ER UNDER ARBEID».',
    ],
    en: [
      '0 information services have a tentative placement in their tiers (dashed): the slide is marked “TENTATIVE, WORK IN PROGRESS”.',
      '1 information service has a tentative placement in its tier (dashed): the slide is marked “TENTATIVE, WORK IN PROGRESS”.',
      '2 information services have a tentative placement in their tiers (dashed): the slide is marked “TENTATIVE, WORK IN PROGRESS”.',
    ],
  },
  'diagrams.fd.note.withoutTier': {
    nb: ['0 informasjonstjenester er ikke plassert i noe leveransetrinn.', '1 informasjonstjeneste er ikke plassert i noe leveransetrinn.', '2 informasjonstjenester er ikke plassert i noe leveransetrinn.'],
    en: ['0 information services are not placed in any delivery tier.', '1 information service is not placed in any delivery tier.', '2 information services are not placed in any delivery tier.'],
  },
  'search.announce': { nb: ['0 treff.', '1 treff.', '2 treff.'], en: ['0 results.', '1 result.', '2 results.'] },
  // Diagrams, matrices, administration, traceability and the deletion impact (this session's catalogue moves).
  'admin.reset.text': {
    values: (n) => ({ hours: n }),
    nb: ['Har brukeren glemt passordet, lager du en lenke som du sender til brukeren. Med den velger brukeren et nytt passord selv. Lenken virker én gang i 0 timer. Når det nye passordet er valgt, avsluttes alle øktene brukeren har.', 'Har brukeren glemt passordet, lager du en lenke som du sender til brukeren. Med den velger brukeren et nytt passord selv. Lenken virker én gang i 1 time. Når det nye passordet er valgt, avsluttes alle øktene brukeren har.', 'Har brukeren glemt passordet, lager du en lenke som du sender til brukeren. Med den velger brukeren et nytt passord selv. Lenken virker én gang i 2 timer. Når det nye passordet er valgt, avsluttes alle øktene brukeren har.'],
    en: ['If the user has forgotten their password, you make a link and send it to them. With it they choose a new password themselves. The link works once within 0 hours. When the new password is chosen, all the user\'s sessions end.', 'If the user has forgotten their password, you make a link and send it to them. With it they choose a new password themselves. The link works once within 1 hour. When the new password is chosen, all the user\'s sessions end.', 'If the user has forgotten their password, you make a link and send it to them. With it they choose a new password themselves. The link works once within 2 hours. When the new password is chosen, all the user\'s sessions end.'],
  },
  'admin.invites.lead': {
    values: (n) => ({ hours: n }),
    nb: ['En invitasjon er en lenke som virker én gang i 0 timer. Den inviterte velger selv navn og passord.', 'En invitasjon er en lenke som virker én gang i 1 time. Den inviterte velger selv navn og passord.', 'En invitasjon er en lenke som virker én gang i 2 timer. Den inviterte velger selv navn og passord.'],
    en: ['An invitation is a link that works once within 0 hours. The invited person chooses their own name and password.', 'An invitation is a link that works once within 1 hour. The invited person chooses their own name and password.', 'An invitation is a link that works once within 2 hours. The invited person chooses their own name and password.'],
  },
  'diagrams.scope.description': {
    values: (n) => ({ parts: n, filtered: 'no' }),
    nb: ['0 løsningsdeler med funksjonsområdene under seg og informasjonskategoriene de bærer.', '1 løsningsdel med funksjonsområdene under seg og informasjonskategoriene de bærer.', '2 løsningsdeler med funksjonsområdene under seg og informasjonskategoriene de bærer.'],
    en: ['0 solution parts with the capabilities under them and the information categories they carry.', '1 solution part with the capabilities under them and the information categories they carry.', '2 solution parts with the capabilities under them and the information categories they carry.'],
  },
  'diagrams.scope.categoryNode': {
    values: (n) => ({ name: 'Legemidler', count: n }),
    nb: ['Legemidler (0 tjenester)', 'Legemidler (1 tjeneste)', 'Legemidler (2 tjenester)'],
    en: ['Legemidler (0 services)', 'Legemidler (1 service)', 'Legemidler (2 services)'],
  },
  'diagrams.scope.services': {
    nb: ['0 tjenester', '1 tjeneste', '2 tjenester'],
    en: ['0 services', '1 service', '2 services'],
  },
  'diagrams.scope.subareas': {
    nb: ['0 underområder', '1 underområde', '2 underområder'],
    en: ['0 sub-capabilities', '1 sub-capability', '2 sub-capabilities'],
  },
  'diagrams.scope.note.unplaced': {
    nb: ['0 informasjonstjenester er ikke plassert i noen løsningsdel; kategoriene deres står under «Ikke plassert i en løsningsdel».', '1 informasjonstjeneste er ikke plassert i noen løsningsdel; kategorien dens står under «Ikke plassert i en løsningsdel».', '2 informasjonstjenester er ikke plassert i noen løsningsdel; kategoriene deres står under «Ikke plassert i en løsningsdel».'],
    en: ['0 information services are not placed in any solution part; their categories are under “Not placed in a solution part”.', '1 information service is not placed in any solution part; its category is under “Not placed in a solution part”.', '2 information services are not placed in any solution part; their categories are under “Not placed in a solution part”.'],
  },
  'diagrams.roadmap.description': {
    values: (n) => ({ phases: n, count: n, track: 'none' }),
    nb: ['Gantt-diagram med 0 faser og 0 milepæler og beslutningspunkter.', 'Gantt-diagram med 1 fase og 1 milepæl eller beslutningspunkt.', 'Gantt-diagram med 2 faser og 2 milepæler og beslutningspunkter.'],
    en: ['Gantt chart with 0 phases and 0 milestones and decision points.', 'Gantt chart with 1 phase and 1 milestone or decision point.', 'Gantt chart with 2 phases and 2 milestones and decision points.'],
  },
  'diagrams.collab.description': {
    values: (n) => ({ actors: n, filtered: 'no' }),
    nb: ['0 aktører rundt løsningsdelene i Akson. Kantene viser samhandlingsform og antall informasjonstjenester; tykkere linjer betyr større behov for utvidelse.', '1 aktør rundt løsningsdelene i Akson. Kantene viser samhandlingsform og antall informasjonstjenester; tykkere linjer betyr større behov for utvidelse.', '2 aktører rundt løsningsdelene i Akson. Kantene viser samhandlingsform og antall informasjonstjenester; tykkere linjer betyr større behov for utvidelse.'],
    en: ['0 actors around Akson\'s solution parts. The edges show the collaboration mode and the number of information services; thicker lines mean a greater need for extension.', '1 actor around Akson\'s solution parts. The edges show the collaboration mode and the number of information services; thicker lines mean a greater need for extension.', '2 actors around Akson\'s solution parts. The edges show the collaboration mode and the number of information services; thicker lines mean a greater need for extension.'],
  },
  'diagrams.collab.seeActor': {
    nb: ['Se de 0 tjenestene på aktørens side', 'Se tjenesten på aktørens side', 'Se de 2 tjenestene på aktørens side'],
    en: ['See the 0 services on the actor\'s page', 'See the service on the actor\'s page', 'See the 2 services on the actor\'s page'],
  },
  'diagrams.collab.note.noExchanges': {
    values: (n) => ({ filtered: 'no', actors: n }),
    nb: ['Ingen utvekslinger mellom informasjonstjenester og aktører er registrert. Kilden viser ikke hvilke tjenester aktørene utveksler (lysarket viste det med farger og plassering), så alle 0 aktører står som åpne til arkitektene kobler dem.', 'Ingen utvekslinger mellom informasjonstjenester og aktører er registrert. Kilden viser ikke hvilke tjenester aktørene utveksler (lysarket viste det med farger og plassering), så aktøren står som åpen til arkitektene kobler den.', 'Ingen utvekslinger mellom informasjonstjenester og aktører er registrert. Kilden viser ikke hvilke tjenester aktørene utveksler (lysarket viste det med farger og plassering), så alle 2 aktører står som åpne til arkitektene kobler dem.'],
    en: ['No exchanges between information services and actors are registered. The source does not show which services the actors exchange (the slide showed it with colours and placement), so all 0 actors stand open until the architects link them.', 'No exchanges between information services and actors are registered. The source does not show which services the actors exchange (the slide showed it with colours and placement), so the actor stands open until the architects link it.', 'No exchanges between information services and actors are registered. The source does not show which services the actors exchange (the slide showed it with colours and placement), so all 2 actors stand open until the architects link them.'],
  },
  'diagrams.context.description': {
    values: (n) => ({ actors: n, groups: n, capabilities: n, projects: n }),
    nb: ['0 aktører, 0 tjenesteområder, 0 funksjonsområder og 0 prosjekter i nasjonal portefølje som tjenesten avhenger av.', '1 aktør, 1 tjenesteområde, 1 funksjonsområde og 1 prosjekt i nasjonal portefølje som tjenesten avhenger av.', '2 aktører, 2 tjenesteområder, 2 funksjonsområder og 2 prosjekter i nasjonal portefølje som tjenesten avhenger av.'],
    en: ['0 actors, 0 service areas, 0 capabilities and 0 projects in the national portfolio that the service depends on.', '1 actor, 1 service area, 1 capability and 1 project in the national portfolio that the service depends on.', '2 actors, 2 service areas, 2 capabilities and 2 projects in the national portfolio that the service depends on.'],
  },
  'diagrams.context.note.risky': {
    values: (n) => ({ count: n, projects: 'Kjernejournal' }),
    nb: ['Tjenesten avhenger av 0 prosjekter med status Gul eller Rød: Kjernejournal.', 'Tjenesten avhenger av 1 prosjekt med status Gul eller Rød: Kjernejournal.', 'Tjenesten avhenger av 2 prosjekter med status Gul eller Rød: Kjernejournal.'],
    en: ['The service depends on 0 projects with status Yellow or Red: Kjernejournal.', 'The service depends on 1 project with status Yellow or Red: Kjernejournal.', 'The service depends on 2 projects with status Yellow or Red: Kjernejournal.'],
  },
  'diagrams.deps.description': {
    values: (n) => ({ projects: n, dependent: n, filtered: 'no', atRisk: n }),
    nb: ['0 prosjekter i nasjonal portefølje og 0 informasjonstjenester som avhenger av dem. 0 tjenester i første leveranse avhenger av et prosjekt med status Gul eller Rød.', '1 prosjekt i nasjonal portefølje og 1 informasjonstjeneste som avhenger av det. 1 tjeneste i første leveranse avhenger av et prosjekt med status Gul eller Rød.', '2 prosjekter i nasjonal portefølje og 2 informasjonstjenester som avhenger av dem. 2 tjenester i første leveranse avhenger av et prosjekt med status Gul eller Rød.'],
    en: ['0 projects in the national portfolio and 0 information services that depend on them. 0 services in the first delivery depend on a project with status Yellow or Red.', '1 project in the national portfolio and 1 information service that depends on it. 1 service in the first delivery depends on a project with status Yellow or Red.', '2 projects in the national portfolio and 2 information services that depend on them. 2 services in the first delivery depend on a project with status Yellow or Red.'],
  },
  'diagrams.deps.statusNode': {
    values: (n) => ({ status: 'green', count: n }),
    nb: ['Grønn: 0 prosjekter', 'Grønn: 1 prosjekt', 'Grønn: 2 prosjekter'],
    en: ['Green: 0 projects', 'Green: 1 project', 'Green: 2 projects'],
  },
  'diagrams.deps.categoryNode': {
    values: (n) => ({ name: 'Legemidler', count: n, atRisk: n, risk: '!' }),
    nb: ['Legemidler (0 tjenester)', 'Legemidler (1 tjeneste, ! 1 med risiko)', 'Legemidler (2 tjenester, ! 2 med risiko)'],
    en: ['Legemidler (0 services)', 'Legemidler (1 service, ! 1 at risk)', 'Legemidler (2 services, ! 2 at risk)'],
  },
  'diagrams.deps.categoryCount': {
    values: (n) => ({ count: n, atRisk: n, risk: '!' }),
    nb: ['0 tjenester', '1 tjeneste, ! 1 i første leveranse med risiko', '2 tjenester, ! 2 i første leveranse med risiko'],
    en: ['0 services', '1 service, ! 1 in the first delivery at risk', '2 services, ! 2 in the first delivery at risk'],
  },
  'diagrams.deps.note.atRisk': {
    values: (n) => ({ risk: '!', count: n, names: 'Multidose' }),
    nb: ['! 0 tjenester i første leveranse avhenger av et prosjekt med status Gul eller Rød: Multidose.', '! 1 tjeneste i første leveranse avhenger av et prosjekt med status Gul eller Rød: Multidose.', '! 2 tjenester i første leveranse avhenger av et prosjekt med status Gul eller Rød: Multidose.'],
    en: ['! 0 services in the first delivery depend on a project with status Yellow or Red: Multidose.', '! 1 service in the first delivery depends on a project with status Yellow or Red: Multidose.', '! 2 services in the first delivery depend on a project with status Yellow or Red: Multidose.'],
  },
  'diagrams.deps.note.without': {
    values: (n) => ({ count: n, filtered: 'no' }),
    nb: ['0 informasjonstjenester har ingen registrert avhengighet og er ikke med i diagrammet.', '1 informasjonstjeneste har ingen registrert avhengighet og er ikke med i diagrammet.', '2 informasjonstjenester har ingen registrert avhengighet og er ikke med i diagrammet.'],
    en: ['0 information services have no registered dependency and are not in the diagram.', '1 information service has no registered dependency and is not in the diagram.', '2 information services have no registered dependency and are not in the diagram.'],
  },
  'diagrams.deps.none.description': {
    values: (n) => ({ filtered: 'no', projects: n }),
    nb: ['Ingen informasjonstjeneste er registrert som avhengig av et prosjekt i nasjonal portefølje. Diagrammet viser porteføljens 0 prosjekter etter status.', 'Ingen informasjonstjeneste er registrert som avhengig av et prosjekt i nasjonal portefølje. Diagrammet viser porteføljens 1 prosjekt etter status.', 'Ingen informasjonstjeneste er registrert som avhengig av et prosjekt i nasjonal portefølje. Diagrammet viser porteføljens 2 prosjekter etter status.'],
    en: ['No information service is registered as depending on a project in the national portfolio. The diagram shows the portfolio\'s 0 projects by status.', 'No information service is registered as depending on a project in the national portfolio. The diagram shows the portfolio\'s 1 project by status.', 'No information service is registered as depending on a project in the national portfolio. The diagram shows the portfolio\'s 2 projects by status.'],
  },
  'diagrams.deps.none.node': {
    nb: ['Ingen avhengighet registrert for 0 informasjonstjenester', 'Ingen avhengighet registrert for 1 informasjonstjeneste', 'Ingen avhengighet registrert for 2 informasjonstjenester'],
    en: ['No dependency registered for 0 information services', 'No dependency registered for 1 information service', 'No dependency registered for 2 information services'],
  },
  'matrix.coverage.personnel': {
    values: (n) => ({ services: n, linked: n }),
    nb: ['0 informasjonstjenester i matrisen, 0 av dem koblet til minst én gruppe.', '1 informasjonstjeneste i matrisen, koblet til minst én gruppe.', '2 informasjonstjenester i matrisen, 2 av dem koblet til minst én gruppe.'],
    en: ['0 information services in the matrix, 0 of them linked to at least one group.', '1 information service in the matrix, linked to at least one group.', '2 information services in the matrix, 2 of them linked to at least one group.'],
  },
  'matrix.coverage.actors': {
    values: (n) => ({ services: n, linked: n }),
    nb: ['0 informasjonstjenester i matrisen, 0 av dem koblet til minst én aktør.', '1 informasjonstjeneste i matrisen, koblet til minst én aktør.', '2 informasjonstjenester i matrisen, 2 av dem koblet til minst én aktør.'],
    en: ['0 information services in the matrix, 0 of them linked to at least one actor.', '1 information service in the matrix, linked to at least one actor.', '2 information services in the matrix, 2 of them linked to at least one actor.'],
  },
  'matrix.coverage.bar': {
    nb: ['0 tjenester', '1 tjeneste', '2 tjenester'],
    en: ['0 services', '1 service', '2 services'],
  },
  'matrix.cell.exchange.button': {
    values: (n) => ({ count: n, service: 'Multidose', actor: 'Legevakt', shown: 'L', summary: 'leser' }),
    nb: ['Multidose × Legevakt: ingen kobling. Endre.', 'L: Multidose × Legevakt: leser. Endre.', 'L: Multidose × Legevakt: leser. Endre.'],
    en: ['Multidose × Legevakt: no link. Change.', 'L: Multidose × Legevakt: leser. Change.', 'L: Multidose × Legevakt: leser. Change.'],
  },
  'requirement.trace.allOfRow': {
    values: (n) => ({ count: n, name: 'Legemidler' }),
    nb: ['Se alle 0 krav for «Legemidler»', 'Se kravet for «Legemidler»', 'Se alle 2 krav for «Legemidler»'],
    en: ['See all 0 requirements for “Legemidler”', 'See the requirement for “Legemidler”', 'See all 2 requirements for “Legemidler”'],
  },
  'scope.delete.kept.comments': {
    nb: ['0 høringskommentarer, som blir stående med elementets navn', '1 høringskommentar, som blir stående med elementets navn', '2 høringskommentarer, som blir stående med elementets navn'],
    en: ['0 consultation comments, which stay with the element\'s name', '1 consultation comment, which stays with the element\'s name', '2 consultation comments, which stay with the element\'s name'],
  },
  'scope.delete.kept.stances': {
    nb: ['0 kommuners standpunkter i vurderingsrunder, som blir stående med tjenestens navn', '1 kommunes standpunkt i vurderingsrunder, som blir stående med tjenestens navn', '2 kommuners standpunkter i vurderingsrunder, som blir stående med tjenestens navn'],
    en: ['0 municipalities\' positions in review rounds, which stay with the service\'s name', '1 municipality\'s position in review rounds, which stays with the service\'s name', '2 municipalities\' positions in review rounds, which stay with the service\'s name'],
  },
  'scope.delete.links.exchanges': {
    nb: ['0 koblinger mellom informasjonstjeneste, aktør og samhandlingsform', '1 kobling mellom informasjonstjeneste, aktør og samhandlingsform', '2 koblinger mellom informasjonstjeneste, aktør og samhandlingsform'],
    en: ['0 links between information service, actor and collaboration mode', '1 link between information service, actor and collaboration mode', '2 links between information service, actor and collaboration mode'],
  },
  'scope.delete.links.needs': {
    nb: ['0 behovsvurderinger på slike koblinger (koblingen blir stående uten behov)', '1 behovsvurdering på slike koblinger (koblingen blir stående uten behov)', '2 behovsvurderinger på slike koblinger (koblingen blir stående uten behov)'],
    en: ['0 need assessments on such links (the link stays, without a need)', '1 need assessment on such links (the link stays, without a need)', '2 need assessments on such links (the link stays, without a need)'],
  },
  'scope.delete.links.personnelGroups': {
    nb: ['0 koblinger mellom informasjonstjeneste og tjenesteområde', '1 kobling mellom informasjonstjeneste og tjenesteområde', '2 koblinger mellom informasjonstjeneste og tjenesteområde'],
    en: ['0 links between information service and service area', '1 link between information service and service area', '2 links between information service and service area'],
  },
  'scope.delete.links.capabilities': {
    nb: ['0 koblinger mellom informasjonstjeneste og funksjonsområde', '1 kobling mellom informasjonstjeneste og funksjonsområde', '2 koblinger mellom informasjonstjeneste og funksjonsområde'],
    en: ['0 links between information service and capability', '1 link between information service and capability', '2 links between information service and capability'],
  },
  'scope.delete.links.goals': {
    nb: ['0 koblinger mellom informasjonstjeneste og mål', '1 kobling mellom informasjonstjeneste og mål', '2 koblinger mellom informasjonstjeneste og mål'],
    en: ['0 links between information service and goal', '1 link between information service and goal', '2 links between information service and goal'],
  },
  'scope.delete.links.dependencies': {
    nb: ['0 avhengigheter til prosjekter i nasjonal portefølje', '1 avhengighet til prosjekter i nasjonal portefølje', '2 avhengigheter til prosjekter i nasjonal portefølje'],
    en: ['0 dependencies on projects in the national portfolio', '1 dependency on projects in the national portfolio', '2 dependencies on projects in the national portfolio'],
  },
  'scope.delete.links.requirements': {
    nb: ['0 koblinger mellom krav og element', '1 kobling mellom krav og element', '2 koblinger mellom krav og element'],
    en: ['0 links between requirement and element', '1 link between requirement and element', '2 links between requirement and element'],
  },
};

/** Plain text of a message: tags rendered as their content. */
function render(code: 'nb' | 'en', key: string, values: MessageValues): string {
  const { tx } = i18nFor(code);
  const tags = { strong: (chunks: unknown[]) => chunks.join(''), region: (chunks: unknown[]) => chunks.join(''), sr: (chunks: unknown[]) => chunks.join(''), link: (chunks: unknown[]) => chunks.join(''), time: () => '', date: () => '' };
  return tx(key as MessageKey, { ...values, ...tags } as never).join('');
}

describe('counted things in both languages, for 0, 1 and 2', () => {
  it.each(Object.entries(cases))('%s', (key, { values = count, nb, en }) => {
    expect([0, 1, 2].map((n) => render('nb', key, values(n)).replace(/\u00a0/g, ' ')), 'nb').toEqual(nb);
    expect([0, 1, 2].map((n) => render('en', key, values(n)).replace(/\u00a0/g, ' ')), 'en').toEqual(en);
  });

  it('names each kind’s new element with the adjective in the noun’s gender', () => {
    for (const [kind, [nb, en]] of Object.entries(newOfKind)) {
      expect(i18nFor('nb').t(`kinds.${kind}.new` as MessageKey), kind).toBe(nb);
      expect(i18nFor('en').t(`kinds.${kind}.new` as MessageKey), kind).toBe(en);
    }
  });

  it('covers every message that counts something, and every kind', () => {
    const hasPlural = (elements: MessageFormatElement[]): boolean =>
      elements.some(
        (el) =>
          el.type === TYPE.plural ||
          (el.type === TYPE.select && Object.values(el.options).some((o) => hasPlural(o.value))) ||
          (el.type === TYPE.tag && hasPlural(el.children)),
      );
    const counting = [...catalogues.get(defaultLanguage)!.messages].filter(([, text]) => hasPlural(parse(text))).map(([key]) => key);
    expect(counting.filter((key) => !(key in cases))).toEqual([]);
    const kinds = [...catalogues.get(defaultLanguage)!.messages.keys()].filter((k) => k.startsWith('kinds.') && k.endsWith('.new')).map((k) => k.split('.')[1]);
    expect(kinds.sort()).toEqual(Object.keys(newOfKind).sort());
  });
});
