import { z } from 'zod';
import type { MessageKey } from '../messages.ts';

/**
 * The OpenAPI 3.1 description of the JSON API, built from the same zod schemas that validate the
 * requests and describe the responses, so the document cannot drift from the code. Pure.
 */

/** Every API error has this shape, whatever the status. */
export const apiErrorSchema = z.object({
  error: z.object({
    /** Stable, machine-readable: `not_found`, `validation`, `unauthorized`, `forbidden`, `read_only`, `conflict`, `too_large`, `server_error`. */
    code: z.string(),
    /** For people, in Norwegian. */
    message: z.string(),
    /** Field name → what is wrong with it, for `validation`. */
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export interface ApiResponseSpec {
  description: string;
  /** The JSON body's schema; left out for a body that is not JSON (then `contentType` says what). */
  schema?: z.ZodType;
  contentType?: string;
}

export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The path as Hono registers it (`/api/x/:id`); OpenAPI's `{id}` form is derived. */
  path: string;
  operationId: string;
  /** What the operation does, and more about it: catalogue keys (the page says them in the reader's language, the document in bokmål). */
  summary: MessageKey;
  description?: MessageKey;
  tags: string[];
  /** Path parameters' and query parameters' schemas (objects of strings, as they arrive). */
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Whether the operation changes data (a read-only token is refused). */
  writes: boolean;
  responses: Record<number, ApiResponseSpec>;
}

export function openApiPath(honoPath: string): string {
  return honoPath.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
}

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'output' }) as Record<
    string,
    unknown
  >;
  return rest;
}

function parametersOf(where: 'path' | 'query', schema: z.ZodObject | undefined): Record<string, unknown>[] {
  if (!schema) return [];
  const json = jsonSchemaOf(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    schema: s,
  }));
}

const standardErrors: Record<number, string> = {
  401: 'Ikke innlogget, eller ugyldig eller tilbakekalt token.',
  403: 'Rollen eller tokenet har ikke lov til dette.',
  500: 'Feil på serveren (logget).',
};

export interface OpenApiInfo {
  title: string;
  version: string;
  description: string;
  serverUrl?: string;
}

export function openApiDocument(operations: readonly ApiOperation[], info: OpenApiInfo, say: (key: MessageKey) => string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(op.responses)) {
      responses[status] = {
        description: r.description,
        ...(r.schema
          ? { content: { 'application/json': { schema: jsonSchemaOf(r.schema) } } }
          : r.contentType
            ? { content: { [r.contentType]: {} } }
            : Number(status) >= 400
              ? { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }
              : {}),
      };
    }
    for (const [status, description] of Object.entries(standardErrors)) {
      responses[status] ??= { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
    const path = openApiPath(op.path);
    paths[path] ??= {};
    paths[path][op.method] = {
      operationId: op.operationId,
      summary: say(op.summary),
      ...(op.description ? { description: say(op.description) } : {}),
      tags: op.tags,
      parameters: [...parametersOf('path', op.params), ...parametersOf('query', op.query)],
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(op.body) } } } } : {}),
      responses,
      security: op.writes ? [{ bearer: [] }, { session: [] }] : [{}, { bearer: [] }, { session: [] }],
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, description: info.description },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    paths,
    components: {
      schemas: { Error: jsonSchemaOf(apiErrorSchema) },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Et personlig API-token (Authorization: Bearer ...).' },
        session: { type: 'apiKey', in: 'cookie', name: 'akson-sesjon', description: 'Innloggingen i nettleseren.' },
      },
    },
  };
}
