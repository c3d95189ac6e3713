import { Hono } from 'hono';
import { traceQuerySchema } from '../../model/requirements.ts';
import { TraceabilityPage, TraceTable } from '../../views/pages/traceability.tsx';
import { loadChapters, loadRequirementTypes } from '../db/queries/requirement-structure.ts';
import { loadCoverageFigures, loadTracePage, tracePageSize } from '../db/queries/traceability.ts';
import type { AppDeps } from '../deps.ts';
import { respond } from '../http/render.tsx';
import { validParams } from '../http/validate.ts';

/** The traceability view (issue 13): coverage figures and requirements by service or capability. */
export function traceabilityRoutes({ db }: AppDeps): Hono {
  const app = new Hono();

  app.get('/krav/sporbarhet', validParams('query', traceQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const [chapters, types, tiers, coverage] = await Promise.all([
      loadChapters(db),
      loadRequirementTypes(db),
      db.selectFrom('element').select(['key', 'name']).where('kind', '=', 'deliveryTier').orderBy('position').orderBy('id').execute(),
      loadCoverageFigures(db),
    ]);
    const page = await loadTracePage(db, query, chapters);
    const props = { query, coverage, page, pageSize: tracePageSize, chapters, types, tiers };
    return respond(c, {
      title: c.var.i18n.t('requirement.trace.title'),
      body: <TraceabilityPage {...props} />,
      fragment: <TraceTable {...props} />,
    });
  });

  return app;
}
