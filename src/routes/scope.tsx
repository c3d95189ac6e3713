import type { Context } from 'hono';
import { Hono } from 'hono';
import {
  portfolioQuerySchema,
  requirementQuerySchema,
  resolveServiceFilter,
  serviceFilterSchema,
  sourceQuerySchema,
} from '../../model/filters.ts';
import { analyseGaps } from '../../model/gaps.ts';
import { kindByPath, kindInfo } from '../../model/kinds.ts';
import { indexModel } from '../../model/lookup.ts';
import { actorMatrix, personnelMatrix, selectServices } from '../../model/matrix.ts';
import { selectProjects } from '../../model/portfolio.ts';
import { elementKeySchema } from '../../model/schemas.ts';
import { CapabilityTreePage } from '../../views/pages/capabilities.tsx';
import { ElementDetailPage } from '../../views/pages/element-detail.tsx';
import { ElementListPage, ElementTable, KindIndexPage } from '../../views/pages/elements.tsx';
import { GapsPage } from '../../views/pages/gaps.tsx';
import { ActorMatrixPage, ActorMatrixTable, PersonnelMatrixPage, PersonnelMatrixTable } from '../../views/pages/matrices.tsx';
import { MunicipalitiesPage } from '../../views/pages/municipalities.tsx';
import { OverviewPage } from '../../views/pages/overview.tsx';
import { PortfolioPage, PortfolioTable } from '../../views/pages/portfolio.tsx';
import { RequirementsPage, RequirementTable } from '../../views/pages/requirements.tsx';
import { RoadmapPage } from '../../views/pages/roadmap.tsx';
import { SourceDocumentPage, SourceIndexPage } from '../../views/pages/source.tsx';
import { loadScopeModel } from '../db/queries/model.ts';
import { sourceDocumentByKey, sourceLines } from '../db/queries/sources.ts';
import type { AppDeps } from '../deps.ts';
import { notFound, respond, respondError } from '../http/render.tsx';
import { validParams } from '../http/validate.ts';

function unknownFilter(c: Context, message: string) {
  return respondError(c, { status: 400, title: 'Ugyldig filter', message });
}

/** The read-only pages of the scope model. */
export function scopeRoutes({ db }: AppDeps): Hono {
  const app = new Hono();
  const load = async (municipalities = false) => {
    const model = await loadScopeModel(db, { municipalities });
    return { model, index: indexModel(model) };
  };

  app.get('/', async (c) => {
    const { model, index } = await load(true);
    return respond(c, { title: 'Oversikt', body: <OverviewPage model={model} index={index} gaps={analyseGaps(model)} /> });
  });

  app.get('/elementer', async (c) => {
    const { model } = await load();
    return respond(c, { title: 'Alle elementer', body: <KindIndexPage model={model} /> });
  });

  app.get('/gapanalyse', async (c) => {
    const { model, index } = await load();
    return respond(c, { title: 'Gapanalyse', body: <GapsPage gaps={analyseGaps(model)} index={index} /> });
  });

  app.get('/funksjonsomrader', async (c) => {
    const { model, index } = await load();
    return respond(c, { title: 'Funksjonsområder', body: <CapabilityTreePage model={model} index={index} /> });
  });

  app.get('/veikart', async (c) => {
    const { model, index } = await load();
    return respond(c, { title: 'Veikart', body: <RoadmapPage model={model} index={index} /> });
  });

  app.get('/portefolje', validParams('query', portfolioQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const { model } = await load();
    const rows = selectProjects(model.elements.nationalProject, query);
    return respond(c, {
      title: 'Portefølje',
      body: <PortfolioPage all={model.elements.nationalProject} rows={rows} query={query} />,
      fragment: <PortfolioTable rows={rows} query={query} />,
    });
  });

  app.get('/krav', validParams('query', requirementQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const { model, index } = await load();
    const rows = model.elements.requirement
      .filter((r) => query.status === undefined || r.status === query.status)
      .filter((r) => query.priority === undefined || r.priority === query.priority)
      .sort((a, b) => a.ref.localeCompare(b.ref));
    return respond(c, {
      title: 'Krav',
      body: <RequirementsPage model={model} index={index} rows={rows} query={query} />,
      fragment: <RequirementTable model={model} index={index} rows={rows} />,
    });
  });

  app.get('/informasjonstjenester', validParams('query', serviceFilterSchema), async (c) => {
    const filter = c.req.valid('query');
    const { model, index } = await load();
    const selection = resolveServiceFilter(filter, index);
    if (typeof selection === 'string') return unknownFilter(c, selection);
    const elements = selectServices(model, index, selection);
    const props = { kind: 'informationService' as const, model, index, elements };
    return respond(c, {
      title: kindInfo.informationService.plural,
      body: <ElementListPage {...props} filter={{ value: filter, action: '/informasjonstjenester' }} />,
      fragment: <ElementTable {...props} />,
    });
  });

  app.get('/matriser', (c) => c.redirect('/matriser/personellgrupper'));

  app.get('/matriser/personellgrupper', validParams('query', serviceFilterSchema), async (c) => {
    const filter = c.req.valid('query');
    const { model, index } = await load();
    const selection = resolveServiceFilter(filter, index);
    if (typeof selection === 'string') return unknownFilter(c, selection);
    const matrix = personnelMatrix(model, selectServices(model, index, selection));
    return respond(c, {
      title: 'Matrise: tjenester × helsepersonellgrupper',
      body: <PersonnelMatrixPage model={model} index={index} matrix={matrix} filter={filter} />,
      fragment: <PersonnelMatrixTable index={index} matrix={matrix} />,
    });
  });

  app.get('/matriser/aktorer', validParams('query', serviceFilterSchema), async (c) => {
    const filter = c.req.valid('query');
    const { model, index } = await load();
    const selection = resolveServiceFilter(filter, index);
    if (typeof selection === 'string') return unknownFilter(c, selection);
    const matrix = actorMatrix(model, index, selectServices(model, index, selection));
    return respond(c, {
      title: 'Matrise: tjenester × aktører',
      body: <ActorMatrixPage model={model} index={index} matrix={matrix} filter={filter} />,
      fragment: <ActorMatrixTable index={index} matrix={matrix} />,
    });
  });

  app.get('/kommuner', async (c) => {
    const { model } = await load(true);
    return respond(c, { title: 'Kommuner', body: <MunicipalitiesPage municipalities={model.municipalities} /> });
  });

  app.get('/kilde', async (c) => {
    const { model } = await load();
    return respond(c, { title: 'Kilder', body: <SourceIndexPage documents={model.sourceDocuments} /> });
  });

  app.get('/kilde/:document', validParams('query', sourceQuerySchema), async (c) => {
    const key = elementKeySchema.safeParse(c.req.param('document'));
    const found = key.success ? await sourceDocumentByKey(db, key.data) : undefined;
    if (!found) return notFound(c, 'Det finnes ingen kilde med den adressen.');
    const { fra, til } = c.req.valid('query');
    if (fra !== undefined && fra > found.document.lineCount) {
      return respondError(c, {
        status: 400,
        title: 'Ugyldig forespørsel',
        message: `Kilden har ${found.document.lineCount} linjer; linje ${fra} finnes ikke.`,
      });
    }
    const highlight = fra !== undefined ? { from: fra, to: til ?? fra } : null;
    return respond(c, {
      title: found.document.title,
      body: <SourceDocumentPage document={found.document} lines={found.lines} highlight={highlight} />,
    });
  });

  // Every kind's list page, and the capability tree as the capability list.
  app.get('/:kindPath', async (c) => {
    const kind = kindByPath.get(c.req.param('kindPath'));
    if (!kind) return notFound(c, 'Det finnes ingen side med den adressen.');
    if (kind === 'capability') return c.redirect('/funksjonsomrader');
    const { model, index } = await load();
    return respond(c, {
      title: kindInfo[kind].plural,
      body: <ElementListPage kind={kind} model={model} index={index} elements={model.elements[kind]} />,
    });
  });

  app.get('/:kindPath/:key', async (c) => {
    const kind = kindByPath.get(c.req.param('kindPath'));
    if (!kind) return notFound(c, 'Det finnes ingen side med den adressen.');
    const key = c.req.param('key');
    const { model, index } = await load();
    const element = elementKeySchema.safeParse(key).success ? index.byKey(kind, key) : undefined;
    if (!element) {
      return notFound(c, `Det finnes ingen ${kindInfo[kind].singular.toLowerCase()} med nøkkelen «${key}».`);
    }
    const excerpt = element.source ? await sourceLines(db, element.source) : null;
    return respond(c, {
      title: element.name,
      body: <ElementDetailPage element={element} model={model} index={index} excerpt={excerpt} />,
    });
  });

  return app;
}

