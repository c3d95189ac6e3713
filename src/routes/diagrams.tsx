import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { collaborationMap } from '../../model/diagrams/collaboration-map.ts';
import { dependencies } from '../../model/diagrams/dependencies.ts';
import { firstDelivery } from '../../model/diagrams/first-delivery.ts';
import { roadmapGantt } from '../../model/diagrams/roadmap.ts';
import { scopeOverview } from '../../model/diagrams/scope-overview.ts';
import { serviceContext } from '../../model/diagrams/service-context.ts';
import { dependenciesLayout } from '../../model/diagrams/dependencies.ts';
import type { DiagramFigures } from '../../model/diagrams/figures.ts';
import { firstDeliveryLayout } from '../../model/diagrams/first-delivery.ts';
import { DEFAULT_THRESHOLD, EXPAND_PAGE, pageOf, type Diagram, type DiagramOptions, type DiagramWords } from '../../model/diagrams/types.ts';
import { say } from '../../model/messages.ts';
import {
  diagramFilterSchema,
  resolveServiceFilter,
  roadmapDiagramFilterSchema,
  serviceDiagramFilterSchema,
  type DiagramFilter,
} from '../../model/filters.ts';
import { indexModel, type ModelIndex } from '../../model/lookup.ts';
import { elementKeySchema, type ScopeModel } from '../../model/schemas.ts';
import {
  DiagramIndexPage,
  DiagramPage,
  DiagramRegionFor,
  diagramPages,
  PICKER_MAX,
  FOUND_MAX,
  ServiceSearchPage,
  roadmapSelects,
  serviceSelects,
  ServiceDiagramPage,
  ServiceDiagramRegion,
  type DiagramSlug,
} from '../../views/pages/diagrams.tsx';
import { sql, type Transaction } from 'kysely';
import { countTiers, diagramFigures, drawnServiceIds, type DrawnServices, type FigureParts } from '../db/queries/diagrams.ts';
import { loadModelSlice, readSnapshot, type IdSet } from '../db/queries/model.ts';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { notFound, respond, respondError } from '../http/render.tsx';
import { validParams } from '../http/validate.ts';
import { useI18n } from '../../views/i18n/index.ts';

type Generator = (model: ScopeModel, index: ModelIndex, words: DiagramWords, options: DiagramOptions) => Diagram;

/** Above this many services exchanged with actors, the collaboration map's table counts them instead of naming them. */
const LISTED_EXCHANGES = DEFAULT_THRESHOLD;

/** Which services a diagram draws, from the counts over every selected one. */
type Draws = (figures: DiagramFigures, tierCount: number, filter: DiagramFilter, expandId: number | null) => DrawnServices;

const filteredBy = (filter: DiagramFilter) => Boolean(filter.tier || filter.category || filter.actor || filter.group);

/** The page of the expanded category's services, from its total in the figures. */
function expandedPage(total: number, filter: DiagramFilter): Pick<DrawnServices, 'categoryKey' | 'limit' | 'offset'> {
  const { page } = pageOf(total, filter.side);
  return { categoryKey: filter.expand, limit: EXPAND_PAGE, offset: (page - 1) * EXPAND_PAGE };
}

/** The diagrams drawn over a selection of services: what "expand" opens, what they count and which services they read. */
const serviceDiagrams: Array<{ slug: DiagramSlug; generate: Generator; expands: 'capability' | 'informationCategory' | null; counts: FigureParts[]; draws: Draws }> = [
  // Categories with counts, never services.
  { slug: 'omfang', generate: scopeOverview, expands: 'capability', counts: ['categoryParts'], draws: () => ({ limit: 0 }) },
  // One edge per actor, part, mode and need; the table names the services when there are few.
  { slug: 'samhandling', generate: collaborationMap, expands: null, counts: ['exchanges'], draws: () => ({ exchanged: true, limit: LISTED_EXCHANGES + 1 }) },
  {
    slug: 'forste-leveranse',
    generate: firstDelivery,
    expands: 'informationCategory',
    counts: [],
    draws: (figures, tierCount, filter, expandId) => {
      if (!firstDeliveryLayout(figures, tierCount, filteredBy(filter)).collapsed) return { limit: DEFAULT_THRESHOLD };
      if (expandId === null) return { limit: 0 };
      return expandedPage(figures.tierCategory.reduce((n, r) => n + (r.categoryId === expandId ? r.services : 0), 0), filter);
    },
  },
  {
    slug: 'avhengigheter',
    generate: dependencies,
    expands: 'informationCategory',
    counts: ['dependencies'],
    draws: (figures, _tiers, filter, expandId) => {
      if (!dependenciesLayout(figures).collapsed) return { dependent: true, limit: DEFAULT_THRESHOLD };
      if (expandId === null) return { limit: 0 };
      return { dependent: true, ...expandedPage(figures.dependencies.perCategory.find((c) => c.categoryId === expandId)?.services ?? 0, filter) };
    },
  },
];

function badFilter(c: Context, message: string) {
  return respondError(c, { status: 400, title: c.var.i18n.t('diagrams.error.title'), message });
}

/** Mermaid source as a file, named for the diagram. */
function mermaidFile(c: Context, fileName: string, source: string) {
  c.header('Content-Type', 'text/plain; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${fileName}.mmd"`);
  return c.body(source);
}

const serviceQuerySchema = z
  .strictObject({
    service: elementKeySchema.optional(),
    q: z.string().trim().min(1, say('diagrams.service.error.empty')).max(200, say('diagrams.service.error.long')).optional(),
  })
  .refine((v) => v.service !== undefined || v.q !== undefined, say('diagrams.service.error.missing'));

/** What a screen reader hears when a filter redraws a diagram. */
const redrawn = (c: Context, diagram: { nodeCount: number }) => c.var.i18n.t('diagrams.redrawn', { count: diagram.nodeCount });

/** The frame (tiers, categories, parts, actors, projects, the roadmap…) and the services listed, with their links. */
const slice = (trx: Transaction<Database>, services: IdSet) => loadModelSlice(trx, { services, requirements: 'none', municipalities: false });

/** The query a diagram's links carry: its filter, the page only past the first. */
const queryOf = (filter: DiagramFilter) => ({ ...filter, side: filter.side && filter.side > 1 ? String(filter.side) : undefined });

/** The diagram pages, their htmx fragments and their Mermaid downloads. */
export function diagramRoutes({ db }: AppDeps): Hono {
  const app = new Hono();

  app.get('/diagrammer', async (c) => {
    const services = await db
      .selectFrom('element')
      .select(['id', 'key', 'name', 'name_en as nameEn'])
      .where('kind', '=', 'informationService')
      .orderBy('position')
      .orderBy('id')
      .limit(PICKER_MAX + 1)
      .execute();
    return respond(c, { title: c.var.i18n.t('diagrams.index.title'), body: <DiagramIndexPage services={services} /> });
  });

  for (const { slug, generate, expands, counts, draws } of serviceDiagrams) {
    /** The diagram for a validated filter (the counts in SQL, then the services drawn), or the Norwegian reason it cannot be drawn. */
    const build = (filter: DiagramFilter, words: DiagramWords) =>
      // One consistent read of the counts and the services drawn.
      readSnapshot(db, async (trx) => {
        const [figures, tierCount, expandRow] = await Promise.all([
          diagramFigures(trx, filter, counts),
          slug === 'forste-leveranse' ? countTiers(trx) : Promise.resolve(0),
          // The group to expand, by its key (read also without one, so every address issues the same queries).
          trx.selectFrom('element').select('id').where('kind', '=', expands ?? 'informationCategory').where('key', '=', filter.expand ?? '').executeTakeFirst(),
        ]);
        const drawn = draws(figures, tierCount, filter, expandRow?.id ?? null);
        const ids = await drawnServiceIds(trx, filter, drawn);
        const model = await slice(trx, ids.length > LISTED_EXCHANGES ? [] : ids);
        const index = indexModel(model);
        const selection = resolveServiceFilter(filter, index);
        if ('key' in selection) return words.t(selection.key, selection.values);
        let expandId: number | undefined;
        if (filter.expand) {
          const expanded = expands ? index.byKey(expands, filter.expand) : undefined;
          if (!expanded) return words.t('diagrams.error.noGroup', { key: filter.expand });
          expandId = expanded.id;
        }
        return { model, diagram: generate(model, index, words, { selection, expandId, figures, page: filter.side }) };
      });

    app.get(`/diagrammer/${slug}`, validParams('query', diagramFilterSchema), async (c) => {
      const filter = c.req.valid('query');
      const built = await build(filter, c.var.i18n);
      if (typeof built === 'string') return badFilter(c, built);
      const { model, diagram } = built;
      return respond(c, {
        title: c.var.i18n.t(diagramPages[slug].title),
        body: <DiagramPage slug={slug} diagram={diagram} selects={serviceSelects(model, filter)} query={queryOf(filter)} />,
        fragment: <DiagramRegionFor slug={slug} diagram={diagram} query={queryOf(filter)} />,
        announce: redrawn(c, diagram),
      });
    });

    app.get(`/diagrammer/${slug}.mmd`, validParams('query', diagramFilterSchema), async (c) => {
      const built = await build(c.req.valid('query'), c.var.i18n);
      if (typeof built === 'string') return badFilter(c, built);
      return mermaidFile(c, `akson-${slug}`, built.diagram.source);
    });
  }

  const roadmap = async (filter: z.infer<typeof roadmapDiagramFilterSchema>) => {
    const model = await loadModelSlice(db, { services: 'none', requirements: 'none', municipalities: false });
    const index = indexModel(model);
    const phase = filter.phase ? index.byKey('roadmapPhase', filter.phase) : undefined;
    if (filter.phase && !phase) return { ok: false, error: useI18n().t('diagrams.error.noPhase', { key: filter.phase }) } as const;
    return { ok: true, model, diagram: roadmapGantt(model, index, useI18n(), { phaseId: phase?.id, track: filter.track }) } as const;
  };

  app.get('/diagrammer/veikart', validParams('query', roadmapDiagramFilterSchema), async (c) => {
    const filter = c.req.valid('query');
    const result = await roadmap(filter);
    if (!result.ok) return badFilter(c, result.error);
    return respond(c, {
      title: c.var.i18n.t(diagramPages.veikart.title),
      body: <DiagramPage slug="veikart" diagram={result.diagram} selects={roadmapSelects(result.model, filter)} query={filter} />,
      fragment: <DiagramRegionFor slug="veikart" diagram={result.diagram} query={filter} />,
      announce: redrawn(c, result.diagram),
    });
  });

  app.get('/diagrammer/veikart.mmd', validParams('query', roadmapDiagramFilterSchema), async (c) => {
    const result = await roadmap(c.req.valid('query'));
    if (!result.ok) return badFilter(c, result.error);
    return mermaidFile(c, 'akson-veikart', result.diagram.source);
  });

  // The index page's service picker works without JavaScript: a GET that lands on the service,
  // or (on a model with more services than a list holds) a search by name that lists the matches.
  app.get('/diagrammer/tjeneste', validParams('query', serviceQuerySchema), async (c) => {
    const { service, q } = c.req.valid('query');
    if (service) return c.redirect(`/diagrammer/tjeneste/${service}`);
    // Part of the name, any case (SQLite folds only ASCII letters; PostgreSQL all), wildcards taken literally.
    const pattern = `%${(q ?? '').toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const found = await db
      .selectFrom('element')
      .select(['key', 'name', 'name_en as nameEn'])
      .where('kind', '=', 'informationService')
      .where(sql<boolean>`lower(name) like ${pattern} escape '\\'`)
      .orderBy('position')
      .orderBy('id')
      .limit(FOUND_MAX + 1)
      .execute();
    return respond(c, { title: c.var.i18n.t('diagrams.service.found.title'), body: <ServiceSearchPage query={q ?? ''} found={found} /> });
  });

  const context = async (key: string, filter: z.infer<typeof serviceDiagramFilterSchema>) => {
    // The service and its links; the frame gives the actors, groups, capabilities and projects around it.
    const valid = elementKeySchema.safeParse(key).success;
    const model = await loadModelSlice(db, {
      services: valid ? (q) => q.selectFrom('element').select('id').where('kind', '=', 'informationService').where('key', '=', key) : 'none',
      requirements: 'none',
      municipalities: false,
    });
    const index = indexModel(model);
    const service = valid ? index.byKey('informationService', key) : undefined;
    if (!service) return { ok: false, status: 404, message: useI18n().t('diagrams.service.notFound', { key }) } as const;
    const selection = resolveServiceFilter(filter, index);
    if ('key' in selection) return { ok: false, status: 400, message: useI18n().t(selection.key, selection.values) } as const;
    const diagram = serviceContext(model, index, service, useI18n(), { actorId: selection.actorId, personnelGroupId: selection.personnelGroupId });
    return { ok: true, model, service, diagram } as const;
  };

  app.get('/diagrammer/tjeneste/:file{[a-z0-9-]+\\.mmd}', validParams('query', serviceDiagramFilterSchema), async (c) => {
    const key = c.req.param('file').replace(/\.mmd$/, '');
    const result = await context(key, c.req.valid('query'));
    if (!result.ok) return result.status === 404 ? notFound(c, result.message) : badFilter(c, result.message);
    return mermaidFile(c, `akson-tjeneste-${result.service.key}`, result.diagram.source);
  });

  app.get('/diagrammer/tjeneste/:key', validParams('query', serviceDiagramFilterSchema), async (c) => {
    const filter = c.req.valid('query');
    const result = await context(c.req.param('key'), filter);
    if (!result.ok) return result.status === 404 ? notFound(c, result.message) : badFilter(c, result.message);
    const { model, service, diagram } = result;
    return respond(c, {
      title: c.var.i18n.t('diagrams.service.pageTitle', { name: c.var.i18n.name(service) }),
      body: <ServiceDiagramPage service={service} model={model} diagram={diagram} filter={filter} />,
      fragment: <ServiceDiagramRegion service={service} diagram={diagram} filter={filter} />,
      announce: redrawn(c, diagram),
    });
  });

  return app;
}
