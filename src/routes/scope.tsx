import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  portfolioQuerySchema,
  resolveServiceFilter,
  serviceFilterSchema,
  servicePageQuerySchema,
  type ServicePageQuery,
  sourceQuerySchema,
} from '../../model/filters.ts';
import { kindByPath, kindInfo, kindPathParam, type ElementKind } from '../../model/kinds.ts';
import { refOptions } from '../../model/editing.ts';
import { byPosition, indexModel, type ModelIndex } from '../../model/lookup.ts';
import { actorMatrix, personnelMatrix, selectServices } from '../../model/matrix.ts';
import { selectProjects } from '../../model/portfolio.ts';
import { elementKeySchema, type ScopeModel } from '../../model/schemas.ts';
import { countOf } from '../../views/components/common.tsx';
import { CapabilityTree, CapabilityTreePage } from '../../views/pages/capabilities.tsx';
import { CreatePanel } from '../../views/pages/edit.tsx';
import { ElementDetailPage } from '../../views/pages/element-detail.tsx';
import { ElementListPage, ElementTable, KindIndexPage } from '../../views/pages/elements.tsx';
import { GapPanel, GapsPage } from '../../views/pages/gaps.tsx';
import {
  ActorCoverage,
  ActorMatrixPage,
  ActorMatrixTable,
  coverageUrl,
  filterQuery,
  PersonnelCoverage,
  PersonnelMatrixPage,
  PersonnelMatrixTable,
} from '../../views/pages/matrices.tsx';
import { MunicipalitiesPage } from '../../views/pages/municipalities.tsx';
import { OverviewPage } from '../../views/pages/overview.tsx';
import { PortfolioPage, PortfolioTable } from '../../views/pages/portfolio.tsx';
import { RoadmapPage } from '../../views/pages/roadmap.tsx';
import { SourceDocumentPage, SourceIndexPage } from '../../views/pages/source.tsx';
import { historyFor } from '../http/history.ts';
import { loadModelSlice, loadScopeModel } from '../db/queries/model.ts';
import { countServices, matrixCoverage, pageCount, servicePage } from '../db/queries/service-selection.ts';
import { gapListLimit, gapPanelLimit, loadGapReport } from '../db/queries/gaps.ts';
import { loadOverview } from '../db/queries/overview.ts';
import { loadNeighbourhood } from '../db/queries/neighbourhood.ts';
import { sourceDocumentByKey, sourceLines } from '../db/queries/sources.ts';
import { loadTraceContext } from '../db/queries/requirement-trace.ts';
import type { AppDeps } from '../deps.ts';
import { notFound, respond, respondError } from '../http/render.tsx';
import { validParams } from '../http/validate.ts';
import { canEditRequirements, canEditScope } from '../http/permissions.ts';

/** The "new element" region of a list page, for architects. */
function createPanel(c: Context, kind: ElementKind, model: ScopeModel, index: ModelIndex) {
  if (!canEditScope(c)) return null;
  return <CreatePanel kind={kind} open={false} state={{ values: {}, errors: {} }} options={refOptions(model, index)} />;
}

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
    const [overview, gaps] = await Promise.all([loadOverview(db), loadGapReport(db)]);
    return respond(c, { title: 'Oversikt', body: <OverviewPage overview={overview} gaps={gaps} /> });
  });

  app.get('/elementer', async (c) => {
    const { model } = await load();
    return respond(c, { title: 'Alle elementer', body: <KindIndexPage model={model} /> });
  });

  app.get('/gapanalyse', async (c) => {
    const gaps = await loadGapReport(db, gapListLimit);
    return respond(c, { title: 'Gapanalyse', body: <GapsPage gaps={gaps} index={indexModel(gaps.model)} /> });
  });

  app.get('/funksjonsomrader', async (c) => {
    const { model, index } = await load();
    const canEdit = canEditScope(c);
    return respond(c, {
      title: 'Funksjonsområder',
      body: <CapabilityTreePage model={model} index={index} canEdit={canEdit} createPanel={createPanel(c, 'capability', model, index)} />,
      fragment: <CapabilityTree model={model} index={index} canEdit={canEdit} />,
    });
  });

  app.get('/veikart', async (c) => {
    const { model, index } = await load();
    return respond(c, { title: 'Veikart', body: <RoadmapPage model={model} index={index} /> });
  });

  app.get('/portefolje', validParams('query', portfolioQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const { model, index } = await load();
    const rows = selectProjects(model.elements.nationalProject, query);
    return respond(c, {
      title: 'Portefølje',
      body: <PortfolioPage all={model.elements.nationalProject} rows={rows} query={query} createPanel={createPanel(c, 'nationalProject', model, index)} />,
      fragment: <PortfolioTable rows={rows} query={query} />,
      announce: `${countOf(rows.length, 'prosjekt', 'prosjekter')} vises.`,
    });
  });

  app.get('/informasjonstjenester', validParams('query', serviceFilterSchema), async (c) => {
    const filter = c.req.valid('query');
    const { model, index } = await load();
    const selection = resolveServiceFilter(filter, index);
    if (typeof selection === 'string') return unknownFilter(c, selection);
    const elements = selectServices(model, index, selection);
    const selfUrl = `/informasjonstjenester${filterQuery(filter)}`;
    const props = { kind: 'informationService' as const, model, index, elements, canEdit: canEditScope(c), selfUrl };
    return respond(c, {
      title: kindInfo.informationService.plural,
      body: (
        <ElementListPage
          {...props}
          filter={{ value: filter, action: '/informasjonstjenester' }}
          createPanel={createPanel(c, 'informationService', model, index)}
        />
      ),
      fragment: <ElementTable {...props} />,
      announce: `${countOf(elements.length, 'informasjonstjeneste', 'informasjonstjenester')} vises.`,
    });
  });

  app.get('/matriser', (c) => c.redirect('/matriser/personellgrupper'));
  // The service areas' pages moved when the kind got its right name (issue 16); old links still work.
  app.get('/personellgrupper', (c) => c.redirect('/tjenesteomrader', 301));
  app.get('/personellgrupper/:key', validParams('param', z.object({ key: elementKeySchema })), (c) =>
    c.redirect(`/tjenesteomrader/${c.req.valid('param').key}`, 301),
  );

  /**
   * A matrix reads one page of rows (services in the slide's order, filtered by tier and
   * category) with their links, the coverage over the whole selection counted in SQL, and the
   * gap panel's lists. `side` past the last page answers 404.
   */
  const matrixPageSize = 100;
  async function matrixData(filter: ServicePageQuery, matrix: 'personnel' | 'actors') {
    const keys = { tier: filter.tier, category: filter.category };
    const total = await countServices(db, keys);
    const page = filter.side ?? 1;
    if (page > pageCount(total, matrixPageSize)) return { outOfRange: pageCount(total, matrixPageSize) } as const;
    const [model, coverage, gaps] = await Promise.all([
      loadModelSlice(db, { services: servicePage(keys, page, matrixPageSize), requirements: 'none', municipalities: false }),
      matrixCoverage(db, keys, matrix),
      loadGapReport(db, gapPanelLimit),
    ]);
    const index = indexModel(model);
    const selection = resolveServiceFilter(filter, index);
    const path = matrix === 'personnel' ? '/matriser/personellgrupper' : '/matriser/aktorer';
    const href = (page: number) => `${path}${filterQuery({ ...filter, side: page })}`;
    const paging = { page, pageSize: matrixPageSize, total, href };
    return { model, index, selection, coverage, gaps, paging, selfUrl: href(page) } as const;
  }
  const lastPage = (c: Context, pages: number) => notFound(c, `Matrisen har ${pages === 1 ? 'én side' : `${pages} sider`}; den siden finnes ikke.`);

  app.get('/matriser/personellgrupper', validParams('query', servicePageQuerySchema), async (c) => {
    const filter = c.req.valid('query');
    const data = await matrixData(filter, 'personnel');
    if ('outOfRange' in data) return lastPage(c, data.outOfRange ?? 1);
    const { model, index, selection, coverage, gaps, paging, selfUrl } = data;
    if (typeof selection === 'string') return unknownFilter(c, selection);
    const matrix = personnelMatrix(model, selectServices(model, index, selection));
    const region = { index, matrix, canEdit: canEditScope(c), selfUrl, paging };
    return respond(c, {
      title: 'Informasjonstjenester × tjenesteområder',
      body: (
        <PersonnelMatrixPage
          {...region}
          model={model}
          filter={filter}
          coverage={coverage}
          gapPanel={<GapPanel gaps={gaps} focus="personell" />}
          createPanel={createPanel(c, 'informationService', model, index)}
        />
      ),
      fragment: (
        <>
          <PersonnelMatrixTable {...region} />
          <PersonnelCoverage coverage={coverage} groups={matrix.groups} url={coverageUrl(selfUrl)} oob />
        </>
      ),
      announce: `Matrisen viser ${countOf(matrix.services.length, 'informasjonstjeneste', 'informasjonstjenester')} av ${paging.total}.`,
    });
  });

  app.get('/matriser/aktorer', validParams('query', servicePageQuerySchema), async (c) => {
    const filter = c.req.valid('query');
    const data = await matrixData(filter, 'actors');
    if ('outOfRange' in data) return lastPage(c, data.outOfRange ?? 1);
    const { model, index, selection, coverage, gaps, paging, selfUrl } = data;
    if (typeof selection === 'string') return unknownFilter(c, selection);
    const matrix = actorMatrix(model, index, selectServices(model, index, selection));
    const region = { index, matrix, canEdit: canEditScope(c), selfUrl, paging };
    return respond(c, {
      title: 'Informasjonstjenester × aktører',
      body: (
        <ActorMatrixPage
          {...region}
          model={model}
          filter={filter}
          coverage={coverage}
          gapPanel={<GapPanel gaps={gaps} focus="aktorer" />}
          createPanel={createPanel(c, 'informationService', model, index)}
        />
      ),
      fragment: (
        <>
          <ActorMatrixTable {...region} />
          <ActorCoverage coverage={coverage} actors={matrix.actors} url={coverageUrl(selfUrl)} oob />
        </>
      ),
      announce: `Matrisen viser ${countOf(matrix.services.length, 'informasjonstjeneste', 'informasjonstjenester')} av ${paging.total}.`,
    });
  });

  // The coverage under each matrix, redrawn on its own when a cell changes: counted in SQL over the whole selection.
  for (const [path, matrix] of [
    ['/matriser/personellgrupper/dekning', 'personnel'],
    ['/matriser/aktorer/dekning', 'actors'],
  ] as const) {
    app.get(path, validParams('query', servicePageQuerySchema), async (c) => {
      const filter = c.req.valid('query');
      const model = await loadModelSlice(db, { services: 'none', requirements: 'none', municipalities: false });
      const selection = resolveServiceFilter(filter, indexModel(model));
      if (typeof selection === 'string') return unknownFilter(c, selection);
      const coverage = await matrixCoverage(db, { tier: filter.tier, category: filter.category }, matrix);
      const url = `${path}${filterQuery(filter)}`;
      const groups = [...model.elements.personnelGroup].sort(byPosition);
      const actors = [...model.elements.actor].sort(byPosition);
      const view = matrix === 'personnel' ? <PersonnelCoverage coverage={coverage} groups={groups} url={url} /> : <ActorCoverage coverage={coverage} actors={actors} url={url} />;
      return respond(c, { title: 'Dekning', body: view, fragment: view });
    });
  }

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
  app.get(`/${kindPathParam}`, async (c) => {
    const kind = kindByPath.get(c.req.param('kindPath') ?? '');
    if (!kind) return notFound(c, 'Det finnes ingen side med den adressen.');
    if (kind === 'capability') return c.redirect('/funksjonsomrader');
    const { model, index } = await load();
    const props = { kind, model, index, elements: model.elements[kind], canEdit: canEditScope(c), selfUrl: `/${kindInfo[kind].path}` };
    return respond(c, {
      title: kindInfo[kind].plural,
      body: <ElementListPage {...props} createPanel={createPanel(c, kind, model, index)} />,
      fragment: <ElementTable {...props} />,
    });
  });

  app.get(`/${kindPathParam}/:key`, async (c) => {
    const kind = kindByPath.get(c.req.param('kindPath') ?? '');
    if (!kind) return notFound(c, 'Det finnes ingen side med den adressen.');
    const key = c.req.param('key');
    const found = elementKeySchema.safeParse(key).success ? await loadNeighbourhood(db, kind, key) : undefined;
    if (!found) {
      return notFound(c, `Det finnes ingen ${kindInfo[kind].singular.toLowerCase()} med nøkkelen «${key}».`);
    }
    const { element, model, index } = found;
    const excerpt = element.source ? await sourceLines(db, element.source) : null;
    const history = await historyFor(c, db, element.id);
    const trace = await loadTraceContext(db, { targets: canEditRequirements(c) });
    const props = { element, model, index, excerpt, canEdit: canEditScope(c), canLink: canEditRequirements(c), history, trace };
    return respond(c, { title: element.name, body: <ElementDetailPage {...props} />, fragment: <ElementDetailPage {...props} focus /> });
  });

  return app;
}

