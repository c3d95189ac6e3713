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
import { kindByPath, kindInfo, kindPathParam, type ElementKind } from '../../model/kinds.ts';
import { refOptions } from '../../model/editing.ts';
import { indexModel, type ModelIndex } from '../../model/lookup.ts';
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
import { RequirementsPage, RequirementTable } from '../../views/pages/requirements.tsx';
import { RoadmapPage } from '../../views/pages/roadmap.tsx';
import { SourceDocumentPage, SourceIndexPage } from '../../views/pages/source.tsx';
import { historyFor } from '../http/history.ts';
import { loadScopeModel } from '../db/queries/model.ts';
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

  app.get('/krav', validParams('query', requirementQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const { model, index } = await load();
    const rows = model.elements.requirement
      .filter((r) => query.status === undefined || r.status === query.status)
      .filter((r) => query.priority === undefined || r.priority === query.priority)
      .sort((a, b) => a.ref.localeCompare(b.ref));
    const params = new URLSearchParams();
    if (query.status) params.set('status', query.status);
    if (query.priority) params.set('priority', query.priority);
    const selfUrl = params.size > 0 ? `/krav?${params}` : '/krav';
    return respond(c, {
      title: 'Krav',
      body: <RequirementsPage model={model} index={index} rows={rows} query={query} selfUrl={selfUrl} createPanel={createPanel(c, 'requirement', model, index)} />,
      fragment: <RequirementTable model={model} index={index} rows={rows} selfUrl={selfUrl} />,
      announce: `${countOf(rows.length, 'krav', 'krav')} vises.`,
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

  app.get('/matriser/personellgrupper', validParams('query', serviceFilterSchema), async (c) => {
    const filter = c.req.valid('query');
    const { model, index } = await load();
    const selection = resolveServiceFilter(filter, index);
    if (typeof selection === 'string') return unknownFilter(c, selection);
    const matrix = personnelMatrix(model, selectServices(model, index, selection));
    const region = { index, matrix, canEdit: canEditScope(c), selfUrl: `/matriser/personellgrupper${filterQuery(filter)}` };
    return respond(c, {
      title: 'Informasjonstjenester × helsepersonellgrupper',
      body: (
        <PersonnelMatrixPage
          {...region}
          model={model}
          filter={filter}
          gapPanel={<GapPanel gaps={analyseGaps(model)} focus="personell" />}
          createPanel={createPanel(c, 'informationService', model, index)}
        />
      ),
      fragment: (
        <>
          <PersonnelMatrixTable {...region} />
          <PersonnelCoverage matrix={matrix} url={coverageUrl(region.selfUrl)} oob />
        </>
      ),
      announce: `Matrisen viser ${countOf(matrix.services.length, 'informasjonstjeneste', 'informasjonstjenester')}.`,
    });
  });

  app.get('/matriser/aktorer', validParams('query', serviceFilterSchema), async (c) => {
    const filter = c.req.valid('query');
    const { model, index } = await load();
    const selection = resolveServiceFilter(filter, index);
    if (typeof selection === 'string') return unknownFilter(c, selection);
    const matrix = actorMatrix(model, index, selectServices(model, index, selection));
    const region = { index, matrix, canEdit: canEditScope(c), selfUrl: `/matriser/aktorer${filterQuery(filter)}` };
    return respond(c, {
      title: 'Informasjonstjenester × aktører',
      body: (
        <ActorMatrixPage
          {...region}
          model={model}
          filter={filter}
          gapPanel={<GapPanel gaps={analyseGaps(model)} focus="aktorer" />}
          createPanel={createPanel(c, 'informationService', model, index)}
        />
      ),
      fragment: (
        <>
          <ActorMatrixTable {...region} />
          <ActorCoverage matrix={matrix} url={coverageUrl(region.selfUrl)} oob />
        </>
      ),
      announce: `Matrisen viser ${countOf(matrix.services.length, 'informasjonstjeneste', 'informasjonstjenester')}.`,
    });
  });

  // The coverage under each matrix, redrawn on its own when a cell changes.
  app.get('/matriser/personellgrupper/dekning', validParams('query', serviceFilterSchema), async (c) => {
    const filter = c.req.valid('query');
    const { model, index } = await load();
    const selection = resolveServiceFilter(filter, index);
    if (typeof selection === 'string') return unknownFilter(c, selection);
    const view = <PersonnelCoverage matrix={personnelMatrix(model, selectServices(model, index, selection))} url={`/matriser/personellgrupper/dekning${filterQuery(filter)}`} />;
    return respond(c, { title: 'Dekning', body: view, fragment: view });
  });

  app.get('/matriser/aktorer/dekning', validParams('query', serviceFilterSchema), async (c) => {
    const filter = c.req.valid('query');
    const { model, index } = await load();
    const selection = resolveServiceFilter(filter, index);
    if (typeof selection === 'string') return unknownFilter(c, selection);
    const view = <ActorCoverage matrix={actorMatrix(model, index, selectServices(model, index, selection))} url={`/matriser/aktorer/dekning${filterQuery(filter)}`} />;
    return respond(c, { title: 'Dekning', body: view, fragment: view });
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

