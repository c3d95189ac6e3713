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
    summary: 'api.op.getModel.summary',
    description: 'api.op.getModel.description',
    tags: ['Modell'],
    query: z.object({
      cursor: z.string().optional().describe('Tom for første side, ellers page.next fra forrige side. Uten cursor: hele modellen.'),
      limit: z.string().regex(/^\d+$/).optional().describe('Høyst så mange tjenester eller krav per side (1–1000, standard 50).'),
    }),
    writes: false,
    responses: {
      200: { description: 'Modellen, eller én side av den (med page) når cursor er gitt.', schema: modelPageSchema.extend({ page: modelPageSchema.shape.page.optional() }) },
      400: { description: 'Ugyldig markør eller grense.' },
      503: { description: 'Uten cursor: for mange venter allerede på hele modellen; spør igjen etter Retry-After sekunder.' },
    },
  },
  {
    method: 'get',
    path: '/api/baselines',
    operationId: 'listBaselines',
    summary: 'api.op.listBaselines.summary',
    tags: ['Baselines'],
    writes: false,
    responses: { 200: { description: 'Baselinene, uten innhold.', schema: z.object({ baselines: z.array(baselineSummarySchema) }) } },
  },
  {
    method: 'get',
    path: '/api/baselines/:id',
    operationId: 'getBaseline',
    summary: 'api.op.getBaseline.summary',
    description: 'api.op.getBaseline.description',
    tags: ['Baselines'],
    params: z.object({ id: z.string().regex(/^\d+$/) }),
    writes: false,
    responses: { 200: { description: 'Baselinen.', schema: baselineDocumentSchema }, 404: { description: 'Ingen baseline med den id-en.' } },
  },
  {
    method: 'get',
    path: '/api/baselines/:from/diff/:to',
    operationId: 'diffBaselines',
    summary: 'api.op.diffBaselines.summary',
    tags: ['Baselines'],
    params: z.object({ from: z.string().regex(/^\d+$/), to: z.string().regex(/^(\d+|now)$/) }),
    writes: false,
    responses: { 200: { description: 'Endringene.', schema: baselineDiffDocumentSchema }, 404: { description: 'Ingen baseline med den id-en.' } },
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    operationId: 'getOpenApi',
    summary: 'api.op.getOpenApi.summary',
    tags: ['API'],
    writes: false,
    responses: { 200: { description: 'OpenAPI-dokumentet.', schema: z.looseObject({ openapi: z.literal('3.1.0') }) } },
  },
  {
    method: 'post',
    path: '/api/requirements',
    operationId: 'createRequirement',
    summary: 'api.op.createRequirement.summary',
    description: 'api.op.createRequirement.description',
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
    summary: 'api.op.updateRequirement.summary',
    description: 'api.op.updateRequirement.description',
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
    summary: 'api.op.changeRequirementLink.summary',
    description: 'api.op.changeRequirementLink.description',
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
