import { Hono } from 'hono';
import { searchQuerySchema } from '../../model/search.ts';
import { SearchPage, SearchResults } from '../../views/pages/search.tsx';
import { searchElements } from '../db/queries/search.ts';
import type { AppDeps } from '../deps.ts';
import { respond } from '../http/render.tsx';
import { validParams } from '../http/validate.ts';

/** Search across the model as you type (names, descriptions, requirement texts). */
export function searchRoutes({ db }: AppDeps): Hono {
  const app = new Hono();
  app.get('/sok', validParams('query', searchQuerySchema), async (c) => {
    const { q } = c.req.valid('query');
    const results = await searchElements(db, q);
    const { t } = c.var.i18n;
    return respond(c, {
      title: q ? t('search.titleWithQuery', { query: q }) : t('search.title'),
      body: <SearchPage query={q} results={results} />,
      fragment: <SearchResults query={q} results={results} />,
      announce: q ? t('search.announce', { count: results.length }) : '',
    });
  });
  return app;
}
