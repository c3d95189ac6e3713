import { z } from 'zod';
import { modelExportSchema } from '../../model/export.ts';
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
    summary: 'Hele omfangsmodellen som JSON',
    description:
      'Elementene gruppert etter type, koblingene med id-er og kommunene. Formatet har et versjonsnummer (formatVersion) og får bare nye felt; et felt som fjernes eller endres, gir nytt nummer.',
    tags: ['Modell'],
    writes: false,
    responses: { 200: { description: 'Modellen.', schema: modelExportSchema } },
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
];
