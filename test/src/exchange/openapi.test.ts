import { describe, expect, it } from 'vitest';
import { openApiPath } from '../../../model/exchange/openapi.ts';
import { apiOperations } from '../../../src/routes/api-operations.ts';
import { testApp } from '../../helpers.ts';

describe('the API description', () => {
  it('describes exactly the /api routes the app answers, each once', async () => {
    const { app } = await testApp();
    const served = new Set(
      app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && r.path !== '/api/dokumentasjon').map((r) => `${r.method} ${r.path}`),
    );
    const described = apiOperations.map((op) => `${op.method.toUpperCase()} ${op.path}`);
    expect(new Set(described).size).toBe(described.length);
    expect([...served].sort()).toEqual([...described].sort());
  });

  it('is an OpenAPI 3.1 document with a schema for every JSON answer and the one error shape', async () => {
    const { app } = await testApp();
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
      components: { schemas: { Error: { properties: { error: { properties: Record<string, unknown>; required: string[] } } } } };
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const op of apiOperations) {
      const described = doc.paths[openApiPath(op.path)]?.[op.method];
      expect(described?.operationId, `${op.method} ${op.path}`).toBe(op.operationId);
      expect((described?.responses['200'] ?? described?.responses['201'])?.content?.['application/json']?.schema).toBeTruthy();
      expect(described?.responses['401']).toBeTruthy();
    }
    expect(doc.components.schemas.Error.properties.error.required.sort()).toEqual(['code', 'message']);
    expect(Object.keys(doc.components.schemas.Error.properties.error.properties).sort()).toEqual(['code', 'fields', 'message']);
    // The model's schema is the one that validates /api/model: its required top-level fields are there.
    const model = doc.paths['/api/model']!.get!.responses['200']!.content!['application/json']!.schema as { required: string[] };
    expect(model.required).toEqual(expect.arrayContaining(['format', 'formatVersion', 'elements', 'links']));
  });

  it('has a page for people that lists every route', async () => {
    const { app } = await testApp();
    const res = await app.request('/api/dokumentasjon');
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const op of apiOperations) expect(html).toContain(`${op.method.toUpperCase()} ${openApiPath(op.path)}`);
    expect(html).toContain('href="/api/openapi.json"');
  });
});
