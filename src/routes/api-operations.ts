import { z } from 'zod';
import { modelPageSchema } from '../../model/export.ts';
import { baselineDiffDocumentSchema, baselineDocumentSchema, baselineSummarySchema } from '../../model/baselines.ts';
import { apiRequirementInputSchema, apiRequirementUpdateSchema, apiRequirementWrittenSchema } from '../../model/exchange/api-requirements.ts';
import { apiRequirementLinkSchema } from '../../model/exchange/api-tokens.ts';
import type { ApiOperation } from '../../model/exchange/openapi.ts';

/**
 * Every `/api` route, described for `GET /api/openapi.json` from the schemas that shape it.
 * `test/src/exchange/openapi.test.ts` walks the app's routes: an `/api` route missing here fails it.
 */
export const apiOperations: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/api/model',
    operationId: 'getModel',
    summary: 'Hele omfangsmodellen som JSON, samlet eller side for side',
    description:
      'Elementene gruppert etter type, koblingene med id-er og kommunene. Formatet har et versjonsnummer (formatVersion) og får bare nye felt; et felt som fjernes eller endres, gir nytt nummer. ' +
      'Uten cursor kommer hele modellen i ett dokument (en eksport; flere MB i en stor modell), skrevet ut mens den leses, så de første bytene kommer med en gang. Endres modellen mens eksporten skrives, avbrytes svaret før slutt (JSON-en er ufullstendig): hent den på nytt. Med cursor kommer den side for side: start med cursor= (tom), ' +
      'og hent så page.next til den er null. Første side har rammen (alle typer som ikke vokser med innholdet, kildene, kommunene og koblingene mellom dem) og de første informasjonstjenestene; ' +
      'de neste har flere tjenester (etter id) med koblingene sine, og så kravene (etter id) med det de gjelder. Slås alle listene sammen, er resultatet hele dokumentet. ' +
      'Markøren er ugjennomsiktig: bruk verdien fra page.next. Endres modellen mens du blar, kan en side mangle det som ble endret; ETag-en forteller om modellen er endret.',
    tags: ['Modell'],
    query: z.object({
      cursor: z.string().optional().describe('Tom for første side, ellers page.next fra forrige side. Uten cursor: hele modellen.'),
      limit: z.string().regex(/^\d+$/).optional().describe('Høyst så mange tjenester eller krav per side (1–1000, standard 200).'),
    }),
    writes: false,
    responses: {
      200: { description: 'Modellen, eller én side av den (med page) når cursor er gitt.', schema: modelPageSchema.extend({ page: modelPageSchema.shape.page.optional() }) },
      400: { description: 'Ugyldig markør eller grense.' },
    },
  },
  {
    method: 'get',
    path: '/api/baselines',
    operationId: 'listBaselines',
    summary: 'Alle baselines (frosne utgaver av modellen), nyeste først',
    tags: ['Baselines'],
    writes: false,
    responses: { 200: { description: 'Baselinene, uten innhold.', schema: z.object({ baselines: z.array(baselineSummarySchema) }) } },
  },
  {
    method: 'get',
    path: '/api/baselines/:id',
    operationId: 'getBaseline',
    summary: 'Én baseline i samme format som /api/model',
    description: 'Modellen slik den var da baselinen ble frosset, med baselinen selv og kravenes kapitler, koblinger mellom krav og kravtyper.',
    tags: ['Baselines'],
    params: z.object({ id: z.string().regex(/^\d+$/) }),
    writes: false,
    responses: { 200: { description: 'Baselinen.', schema: baselineDocumentSchema }, 404: { description: 'Ingen baseline med den id-en.' } },
  },
  {
    method: 'get',
    path: '/api/baselines/:from/diff/:to',
    operationId: 'diffBaselines',
    summary: 'Endringene fra én baseline til en annen, eller til modellen nå (to = now)',
    tags: ['Baselines'],
    params: z.object({ from: z.string().regex(/^\d+$/), to: z.string().regex(/^(\d+|now)$/) }),
    writes: false,
    responses: { 200: { description: 'Endringene.', schema: baselineDiffDocumentSchema }, 404: { description: 'Ingen baseline med den id-en.' } },
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    operationId: 'getOpenApi',
    summary: 'Denne beskrivelsen av API-et (OpenAPI 3.1)',
    tags: ['API'],
    writes: false,
    responses: { 200: { description: 'OpenAPI-dokumentet.', schema: z.looseObject({ openapi: z.literal('3.1.0') }) } },
  },
  {
    method: 'post',
    path: '/api/requirements',
    operationId: 'createRequirement',
    summary: 'Opprette et krav',
    description:
      'Som skjemaet «Nytt krav»: de samme reglene (kravteksten er et «skal»-utsagn, kapittel og kravtype må finnes) og det neste kravnummeret fra telleren. Svarer med nøkkel, kravnummer og versjon.',
    tags: ['Krav'],
    body: apiRequirementInputSchema,
    writes: true,
    responses: {
      201: { description: 'Kravet er opprettet.', schema: apiRequirementWrittenSchema },
      422: { description: 'Ugyldige felt (error.fields sier hvilke).' },
    },
  },
  {
    method: 'put',
    path: '/api/requirements/:key',
    operationId: 'updateRequirement',
    summary: 'Endre et krav (hele kravet, med versjonen skriptet leste)',
    description:
      'Som redigeringsskjemaet: alle feltene sendes, med kravets versjon slik skriptet leste den (fra /api/model). Er kravet endret siden, svarer API-et 409 og endrer ingenting. Felt som utelates, tømmes.',
    tags: ['Krav'],
    params: z.object({ key: z.string().describe('Kravets nøkkel, f.eks. aks-0001') }),
    body: apiRequirementUpdateSchema,
    writes: true,
    responses: {
      200: { description: 'Kravet er endret; versjonen er den nye.', schema: apiRequirementWrittenSchema },
      404: { description: 'Kravet finnes ikke.' },
      409: { description: 'Kravet er endret siden versjonen som ble sendt.' },
      422: { description: 'Ugyldige felt (error.fields sier hvilke).' },
    },
  },
  {
    method: 'post',
    path: '/api/requirements/:key/links',
    operationId: 'changeRequirementLink',
    summary: 'Koble et krav til et element, eller fjerne koblingen',
    description:
      'Som skjemaet på kravets side: «governs» (gjelder) til et hvilket som helst element, «derived_from» (avledet fra, et tre) og «supersedes» (erstatter) til et annet krav. Versjonen er kravets versjon slik skriptet leste den; er kravet endret siden, svarer API-et 409 og endrer ingenting.',
    tags: ['Krav'],
    params: z.object({ key: z.string().describe('Kravets nøkkel') }),
    body: apiRequirementLinkSchema,
    writes: true,
    responses: {
      200: { description: 'Koblingen er lagt til eller fjernet (changed: false når den allerede var slik).', schema: z.object({ changed: z.boolean() }) },
      404: { description: 'Kravet finnes ikke.' },
      409: { description: 'Kravet er endret siden versjonen som ble sendt.' },
      422: { description: 'Ugyldige felt (error.fields sier hvilke).' },
    },
  },
];
