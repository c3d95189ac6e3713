import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  pageNumberSchema,
  portfolioQuerySchema,
  resolveServiceFilter,
  servicePageQuerySchema,
  type ServicePageQuery,
  sourceQuerySchema,
} from '../../model/filters.ts';
import { kindByPath, kindInfo, kindPathParam, type ElementKind } from '../../model/kinds.ts';
import { refOptions } from '../../model/editing.ts';
import { byPosition, indexModel, type ModelIndex } from '../../model/lookup.ts';
import type { Message } from '../../model/messages.ts';
import { actorMatrix, personnelMatrix, selectServices } from '../../model/matrix.ts';
import { selectProjects } from '../../model/portfolio.ts';
import { elementKeySchema, type ScopeModel } from '../../model/schemas.ts';
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
import { loadModelSlice } from '../db/queries/model.ts';
import { countServices, matrixCoverage, pageCount, servicePageIds } from '../db/queries/service-selection.ts';
import { capabilityServiceCounts, kindCounts, listCounts } from '../db/queries/element-lists.ts';
import { gapListLimit, gapPanelLimit, loadGapReport } from '../db/queries/gaps.ts';
import { loadOverview } from '../db/queries/overview.ts';
import { loadNeighbourhood } from '../db/queries/neighbourhood.ts';
import { listSourceDocuments, sourceDocumentByKey, sourceLines } from '../db/queries/sources.ts';
import { listMunicipalities } from '../db/queries/review/intentions.ts';
import { loadTraceContextFor } from '../db/queries/requirement-trace.ts';
import type { AppDeps } from '../deps.ts';
import { notFound, respond, respondError } from '../http/render.tsx';
import { validParams } from '../http/validate.ts';
import { canEditRequirements, canEditScope } from '../http/permissions.ts';

/** The "new element" region of a list page, for architects. */
function createPanel(c: Context, kind: ElementKind, model: ScopeModel, index: ModelIndex) {
  if (!canEditScope(c)) return null;
  return <CreatePanel kind={kind} open={false} state={{ values: {}, errors: {} }} options={refOptions(model, index)} />;
}

function unknownFilter(c: Context, message: Message) {
  const { t } = c.var.i18n;
  return respondError(c, { status: 400, title: t('scope.badFilter'), message: t(message.key, message.values) });
}

/** The read-only pages of the scope model. */
export function scopeRoutes({ db }: AppDeps): Hono {
  const app = new Hono();
  /** The frame of the model (every kind that does not grow with the content), without services, requirements or municipalities. */
  const frame = async () => {
    const model = await loadModelSlice(db, { services: 'none', requirements: 'none', municipalities: false });
    return { model, index: indexModel(model) };
  };

  app.get('/', async (c) => {
    const [overview, gaps] = await Promise.all([loadOverview(db), loadGapReport(db)]);
    return respond(c, { title: c.var.i18n.t('layout.nav.overview'), body: <OverviewPage overview={overview} gaps={gaps} /> });
  });

  app.get('/elementer', async (c) => {
    const counts = await kindCounts(db);
    return respond(c, { title: c.var.i18n.t('scope.kinds.title'), body: <KindIndexPage counts={counts} /> });
  });

  app.get('/gapanalyse', async (c) => {
    const gaps = await loadGapReport(db, gapListLimit);
    return respond(c, { title: c.var.i18n.t('layout.nav.gaps'), body: <GapsPage gaps={gaps} index={indexModel(gaps.model)} /> });
  });

  app.get('/funksjonsomrader', async (c) => {
    const [{ model, index }, serviceCounts] = await Promise.all([frame(), capabilityServiceCounts(db)]);
    const canEdit = canEditScope(c);
    return respond(c, {
      title: c.var.i18n.t('kinds.capability.plural'),
      body: <CapabilityTreePage model={model} index={index} serviceCounts={serviceCounts} canEdit={canEdit} createPanel={createPanel(c, 'capability', model, index)} />,
      fragment: <CapabilityTree model={model} index={index} serviceCounts={serviceCounts} canEdit={canEdit} />,
    });
  });

  app.get('/veikart', async (c) => {
    const { model, index } = await frame();
    return respond(c, { title: c.var.i18n.t('layout.nav.roadmap'), body: <RoadmapPage model={model} index={index} /> });
  });

  app.get('/portefolje', validParams('query', portfolioQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const { model, index } = await frame();
    const rows = selectProjects(model.elements.nationalProject, query);
    return respond(c, {
      title: c.var.i18n.t('layout.nav.portfolio'),
      body: <PortfolioPage all={model.elements.nationalProject} rows={rows} query={query} createPanel={createPanel(c, 'nationalProject', model, index)} />,
      fragment: <PortfolioTable rows={rows} query={query} />,
      announce: c.var.i18n.t('scope.announce.projects', { count: rows.length }),
    });
  });

  /**
   * The service list reads one page of services (in their own order, `side` in the address beside
   * the filter) and counts the selection in SQL; a page past the end answers 404.
   */
  const serviceListPageSize = 100;
  app.get('/informasjonstjenester', validParams('query', servicePageQuerySchema), async (c) => {
    const filter = c.req.valid('query');
    const keys = { tier: filter.tier, category: filter.category, service: filter.service };
    const page = filter.side ?? 1;
    const [ids, total] = await Promise.all([servicePageIds(db, keys, page, serviceListPageSize, 'position'), countServices(db, keys)]);
    const model = await loadModelSlice(db, { services: ids, requirements: 'none', municipalities: false });
    const index = indexModel(model);
    const selection = resolveServiceFilter(filter, index);
    if ('key' in selection) return unknownFilter(c, selection);
    const pages = pageCount(total, serviceListPageSize);
    if (page > pages) return notFound(c, c.var.i18n.t('scope.list.pastEnd', { pages, page }));
    const elements = model.elements.informationService;
    const href = (p: number) => `/informasjonstjenester${filterQuery({ ...filter, side: p })}`;
    const paging = { page, pageSize: serviceListPageSize, total, href };
    const props = { kind: 'informationService' as const, model, index, elements, counts: new Map<number, number>(), paging, canEdit: canEditScope(c), selfUrl: href(page) };
    return respond(c, {
      title: c.var.i18n.t('kinds.informationService.plural'),
      body: (
        <ElementListPage
          {...props}
          filter={{ value: filter, action: '/informasjonstjenester' }}
          createPanel={createPanel(c, 'informationService', model, index)}
        />
      ),
      fragment: <ElementTable {...props} />,
      announce: c.var.i18n.t('scope.announce.services', { count: elements.length, total }),
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
  // The actor matrix's rows are wider (a cell per actor, each with its modes), so it shows fewer at a time.
  const matrixPageSizes = { personnel: 100, actors: 50 } as const;
  async function matrixData(filter: ServicePageQuery, matrix: 'personnel' | 'actors') {
    const matrixPageSize = matrixPageSizes[matrix];
    const keys = { tier: filter.tier, category: filter.category, service: filter.service };
    const total = await countServices(db, keys);
    const page = filter.side ?? 1;
    if (page > pageCount(total, matrixPageSize)) return { outOfRange: pageCount(total, matrixPageSize) } as const;
    const [model, coverage, gaps] = await Promise.all([
      servicePageIds(db, keys, page, matrixPageSize).then((ids) => loadModelSlice(db, { services: ids, requirements: 'none', municipalities: false })),
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
  const lastPage = (c: Context, pages: number) => notFound(c, c.var.i18n.t('scope.matrix.pastEnd', { pages }));

  app.get('/matriser/personellgrupper', validParams('query', servicePageQuerySchema), async (c) => {
    const filter = c.req.valid('query');
    const data = await matrixData(filter, 'personnel');
    if ('outOfRange' in data) return lastPage(c, data.outOfRange ?? 1);
    const { model, index, selection, coverage, gaps, paging, selfUrl } = data;
    if ('key' in selection) return unknownFilter(c, selection);
    const matrix = personnelMatrix(model, selectServices(model, index, selection));
    const region = { index, matrix, canEdit: canEditScope(c), selfUrl, paging, highlight: filter.service };
    return respond(c, {
      title: c.var.i18n.t('scope.title.personnelMatrix'),
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
      announce: c.var.i18n.t('scope.announce.matrix', { count: matrix.services.length, total: paging.total }),
    });
  });

  app.get('/matriser/aktorer', validParams('query', servicePageQuerySchema), async (c) => {
    const filter = c.req.valid('query');
    const data = await matrixData(filter, 'actors');
    if ('outOfRange' in data) return lastPage(c, data.outOfRange ?? 1);
    const { model, index, selection, coverage, gaps, paging, selfUrl } = data;
    if ('key' in selection) return unknownFilter(c, selection);
    const matrix = actorMatrix(model, index, selectServices(model, index, selection));
    const region = { index, matrix, canEdit: canEditScope(c), selfUrl, paging, highlight: filter.service };
    return respond(c, {
      title: c.var.i18n.t('scope.title.actorMatrix'),
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
      announce: c.var.i18n.t('scope.announce.matrix', { count: matrix.services.length, total: paging.total }),
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
      if ('key' in selection) return unknownFilter(c, selection);
      const coverage = await matrixCoverage(db, { tier: filter.tier, category: filter.category, service: filter.service }, matrix);
      const url = `${path}${filterQuery(filter)}`;
      const groups = [...model.elements.personnelGroup].sort(byPosition);
      const actors = [...model.elements.actor].sort(byPosition);
      const view = matrix === 'personnel' ? <PersonnelCoverage coverage={coverage} groups={groups} url={url} /> : <ActorCoverage coverage={coverage} actors={actors} url={url} />;
      return respond(c, { title: c.var.i18n.t('scope.title.coverage'), body: view, fragment: view });
    });
  }

  app.get('/kommuner', async (c) => {
    const municipalities = await listMunicipalities(db);
    return respond(c, { title: c.var.i18n.t('scope.title.municipalities'), body: <MunicipalitiesPage municipalities={municipalities} /> });
  });

  app.get('/kilde', async (c) => {
    const documents = await listSourceDocuments(db);
    return respond(c, { title: c.var.i18n.t('scope.title.sources'), body: <SourceIndexPage documents={documents} /> });
  });

  app.get('/kilde/:document', validParams('query', sourceQuerySchema), async (c) => {
    const key = elementKeySchema.safeParse(c.req.param('document'));
    const found = key.success ? await sourceDocumentByKey(db, key.data) : undefined;
    if (!found) return notFound(c, c.var.i18n.t('scope.source.missing'));
    const { fra, til } = c.req.valid('query');
    if (fra !== undefined && fra > found.document.lineCount) {
      return respondError(c, {
        status: 400,
        title: c.var.i18n.t('common.request.invalid'),
        message: c.var.i18n.t('scope.source.pastEnd', { lines: found.document.lineCount, line: fra }),
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
    if (!kind) return notFound(c, c.var.i18n.t('scope.page.missing'));
    if (kind === 'capability') return c.redirect('/funksjonsomrader');
    // Services and requirements have list pages of their own (registered above); the other kinds are the frame.
    const [{ model, index }, counts] = await Promise.all([frame(), listCounts(db, kind)]);
    const props = { kind, model, index, elements: model.elements[kind], counts, canEdit: canEditScope(c), selfUrl: `/${kindInfo[kind].path}` };
    return respond(c, {
      title: c.var.i18n.t(`kinds.${kind}.plural`),
      body: <ElementListPage {...props} createPanel={createPanel(c, kind, model, index)} />,
      fragment: <ElementTable {...props} />,
    });
  });

  app.get(`/${kindPathParam}/:key`, validParams('query', z.object({ side: pageNumberSchema })), async (c) => {
    const kind = kindByPath.get(c.req.param('kindPath') ?? '');
    if (!kind) return notFound(c, c.var.i18n.t('scope.page.missing'));
    const key = c.req.param('key');
    // Which page of the element's services (a tier or an actor can have thousands); past the last answers 404.
    const page = c.req.valid('query').side;
    const found = elementKeySchema.safeParse(key).success ? await loadNeighbourhood(db, kind, key, page) : undefined;
    if (!found) {
      return notFound(c, c.var.i18n.t('scope.element.missing', { kind, key }));
    }
    const { element, model, index, services } = found;
    const pages = services ? pageCount(services.total, services.pageSize) : 1;
    if (page > pages) return notFound(c, c.var.i18n.t('scope.list.pastEnd', { pages, page }));
    const excerpt = element.source ? await sourceLines(db, element.source) : null;
    const history = await historyFor(c, db, element.id);
    const trace = await loadTraceContextFor(db, model);
    const props = { element, model, index, excerpt, canEdit: canEditScope(c), canLink: canEditRequirements(c), history, trace, services };
    return respond(c, { title: c.var.i18n.name(element), body: <ElementDetailPage {...props} />, fragment: <ElementDetailPage {...props} focus /> });
  });

  return app;
}

