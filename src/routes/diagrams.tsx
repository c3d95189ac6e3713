import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { collaborationMap } from '../../model/diagrams/collaboration-map.ts';
import { dependencies } from '../../model/diagrams/dependencies.ts';
import { firstDelivery } from '../../model/diagrams/first-delivery.ts';
import { roadmapGantt } from '../../model/diagrams/roadmap.ts';
import { scopeOverview } from '../../model/diagrams/scope-overview.ts';
import { serviceContext } from '../../model/diagrams/service-context.ts';
import type { Diagram, DiagramOptions } from '../../model/diagrams/types.ts';
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
  roadmapSelects,
  serviceSelects,
  ServiceDiagramPage,
  ServiceDiagramRegion,
  type DiagramSlug,
} from '../../views/pages/diagrams.tsx';
import { loadScopeModel } from '../db/queries/model.ts';
import type { AppDeps } from '../deps.ts';
import { notFound, respond, respondError } from '../http/render.tsx';
import { validParams } from '../http/validate.ts';
import { useI18n } from '../../views/i18n/index.ts';

type Generator = (model: ScopeModel, index: ModelIndex, options: DiagramOptions) => Diagram;

/** The diagrams drawn over a selection of services, and what "expand" opens in each. */
const serviceDiagrams: Array<{ slug: DiagramSlug; generate: Generator; expands: 'capability' | 'informationCategory' | null }> = [
  { slug: 'omfang', generate: scopeOverview, expands: 'capability' },
  { slug: 'samhandling', generate: collaborationMap, expands: null },
  { slug: 'forste-leveranse', generate: firstDelivery, expands: 'informationCategory' },
  { slug: 'avhengigheter', generate: dependencies, expands: 'informationCategory' },
];

function badFilter(c: Context, message: string) {
  return respondError(c, { status: 400, title: 'Ugyldig filter', message });
}

/** Mermaid source as a file, named for the diagram. */
function mermaidFile(c: Context, fileName: string, source: string) {
  c.header('Content-Type', 'text/plain; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${fileName}.mmd"`);
  return c.body(source);
}

const serviceQuerySchema = z.strictObject({ service: elementKeySchema });

/** The diagram pages, their htmx fragments and their Mermaid downloads. */
/** What a screen reader hears when a filter redraws a diagram. */
const redrawn = (diagram: { nodeCount: number }) => `Diagrammet er tegnet på nytt med ${diagram.nodeCount} ${diagram.nodeCount === 1 ? 'boks' : 'bokser'}. Tabellen under viser det samme.`;

export function diagramRoutes({ db }: AppDeps): Hono {
  const app = new Hono();
  const load = async () => {
    const model = await loadScopeModel(db, { municipalities: false });
    return { model, index: indexModel(model) };
  };

  app.get('/diagrammer', async (c) => {
    const { model } = await load();
    return respond(c, { title: 'Diagrammer', body: <DiagramIndexPage model={model} /> });
  });

  for (const { slug, generate, expands } of serviceDiagrams) {
    /** The diagram for a validated filter, or the Norwegian reason it cannot be drawn. */
    const build = (model: ScopeModel, index: ModelIndex, filter: DiagramFilter): Diagram | string => {
      const selection = resolveServiceFilter(filter, index);
      if ('key' in selection) return useI18n().t(selection.key, selection.values);
      let expandId: number | undefined;
      if (filter.expand) {
        const expanded = expands ? index.byKey(expands, filter.expand) : undefined;
        if (!expanded) return `Diagrammet har ingen gruppe med nøkkelen «${filter.expand}» å vise i sin helhet.`;
        expandId = expanded.id;
      }
      return generate(model, index, { selection, expandId });
    };

    app.get(`/diagrammer/${slug}`, validParams('query', diagramFilterSchema), async (c) => {
      const filter = c.req.valid('query');
      const { model, index } = await load();
      const diagram = build(model, index, filter);
      if (typeof diagram === 'string') return badFilter(c, diagram);
      return respond(c, {
        title: diagramPages[slug].title,
        body: <DiagramPage slug={slug} diagram={diagram} selects={serviceSelects(model, filter)} query={filter} />,
        fragment: <DiagramRegionFor slug={slug} diagram={diagram} query={filter} />,
        announce: redrawn(diagram),
      });
    });

    app.get(`/diagrammer/${slug}.mmd`, validParams('query', diagramFilterSchema), async (c) => {
      const { model, index } = await load();
      const diagram = build(model, index, c.req.valid('query'));
      if (typeof diagram === 'string') return badFilter(c, diagram);
      return mermaidFile(c, `akson-${slug}`, diagram.source);
    });
  }

  const roadmap = async (filter: z.infer<typeof roadmapDiagramFilterSchema>) => {
    const { model, index } = await load();
    const phase = filter.phase ? index.byKey('roadmapPhase', filter.phase) : undefined;
    if (filter.phase && !phase) return { ok: false, error: `Det finnes ingen fase med nøkkelen «${filter.phase}».` } as const;
    return { ok: true, model, diagram: roadmapGantt(model, index, { phaseId: phase?.id, track: filter.track }) } as const;
  };

  app.get('/diagrammer/veikart', validParams('query', roadmapDiagramFilterSchema), async (c) => {
    const filter = c.req.valid('query');
    const result = await roadmap(filter);
    if (!result.ok) return badFilter(c, result.error);
    return respond(c, {
      title: diagramPages.veikart.title,
      body: <DiagramPage slug="veikart" diagram={result.diagram} selects={roadmapSelects(result.model, filter)} query={filter} />,
      fragment: <DiagramRegionFor slug="veikart" diagram={result.diagram} query={filter} />,
      announce: redrawn(result.diagram),
    });
  });

  app.get('/diagrammer/veikart.mmd', validParams('query', roadmapDiagramFilterSchema), async (c) => {
    const result = await roadmap(c.req.valid('query'));
    if (!result.ok) return badFilter(c, result.error);
    return mermaidFile(c, 'akson-veikart', result.diagram.source);
  });

  // The index page's service picker works without JavaScript: a GET that lands on the service.
  app.get('/diagrammer/tjeneste', validParams('query', serviceQuerySchema), (c) =>
    c.redirect(`/diagrammer/tjeneste/${c.req.valid('query').service}`),
  );

  const context = async (key: string, filter: z.infer<typeof serviceDiagramFilterSchema>) => {
    const { model, index } = await load();
    const service = elementKeySchema.safeParse(key).success ? index.byKey('informationService', key) : undefined;
    if (!service) return { ok: false, status: 404, message: `Det finnes ingen informasjonstjeneste med nøkkelen «${key}».` } as const;
    const selection = resolveServiceFilter(filter, index);
    if ('key' in selection) return { ok: false, status: 400, message: useI18n().t(selection.key, selection.values) } as const;
    const diagram = serviceContext(model, index, service, { actorId: selection.actorId, personnelGroupId: selection.personnelGroupId });
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
      title: `Diagram: ${service.name}`,
      body: <ServiceDiagramPage service={service} model={model} diagram={diagram} filter={filter} />,
      fragment: <ServiceDiagramRegion service={service} diagram={diagram} filter={filter} />,
      announce: redrawn(diagram),
    });
  });

  return app;
}
