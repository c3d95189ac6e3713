import { Hono } from 'hono';
import { openApiDocument } from '../../model/exchange/openapi.ts';
import { defaultLanguage, i18nFor } from '../../views/i18n/index.ts';
import { ApiDocsPage } from '../../views/pages/api-docs.tsx';
import type { AppDeps } from '../deps.ts';
import { respond } from '../http/render.tsx';
import { apiOperations } from './api-operations.ts';

/** The API's description: OpenAPI 3.1 for tools, and a page for people. */
export function apiDocsRoutes({ config }: AppDeps): Hono {
  const app = new Hono();
  // The document for tools is in bokmål, as the API's error messages are; the page for people is in the reader's language.
  const document = openApiDocument(
    apiOperations,
    {
      title: 'Akson omfang API',
      version: '1',
      description: 'Les omfanget, kravene og grunnlinjene, og skriv krav og koblinger med et personlig API-token.',
      ...(config.PUBLIC_URL ? { serverUrl: config.PUBLIC_URL } : {}),
    },
    i18nFor(defaultLanguage).t,
  );
  app.get('/api/openapi.json', (c) => c.json(document));
  app.get('/api/dokumentasjon', (c) => respond(c, { title: c.var.i18n.t('api.docs.title'), body: <ApiDocsPage operations={apiOperations} /> }));
  return app;
}
