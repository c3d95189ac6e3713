import type { DiagramFilter, RoadmapDiagramFilter, ServiceDiagramFilter } from '../../model/filters.ts';
import { byPosition } from '../../model/lookup.ts';
import { decisionTrackLabel, decisionTracks, type InformationService, type ScopeModel } from '../../model/schemas.ts';
import type { Diagram } from '../../model/diagrams/types.ts';
import { ElementLink, PageHeader } from '../components/common.tsx';
import { DiagramRegion, DiagramAssets } from '../components/diagram.tsx';

export type DiagramSlug = 'omfang' | 'samhandling' | 'forste-leveranse' | 'veikart' | 'avhengigheter';

export const diagramPages: Record<DiagramSlug, { title: string; lead: string }> = {
  omfang: {
    title: 'Omfanget',
    lead: 'De tre hoveddelene av løsningsomfanget, funksjonsområdene under dem og informasjonskategoriene de bærer.',
  },
  samhandling: {
    title: 'Samhandlingskart',
    lead: 'Løsningsdelene i Akson i midten og aktørene rundt, med samhandlingsform og behov for utvidelse på kantene.',
  },
  'forste-leveranse': {
    title: 'Første leveranse',
    lead: 'Leveransetrinnene, informasjonskategoriene i hvert trinn og informasjonstjenestene i dem. Lysarket er merket «TENTATIVT, ER UNDER ARBEID».',
  },
  veikart: {
    title: 'Veikart 2019–2030',
    lead: 'Fasene, milepælene og beslutningspunktene som Gantt-diagram.',
  },
  avhengigheter: {
    title: 'Avhengigheter til nasjonal portefølje',
    lead: 'Hvilke informasjonstjenester som avhenger av prosjekter i nasjonal e-helseportefølje, og hvilke tjenester i første leveranse som avhenger av et gult eller rødt prosjekt.',
  },
};

/** A path with the given query parameters, leaving out the empty ones. */
export function withQuery(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')).toString();
  return query ? `${path}?${query}` : path;
}

const crumbs = (title: string) => [{ href: '/', label: 'Oversikt' }, { href: '/diagrammer', label: 'Diagrammer' }, { label: title }];

/** Up to this many services, the index page offers them in a list to pick from; above, a search. */
export const PICKER_MAX = 200;

export interface PickableService {
  key: string;
  name: string;
  nameEn: string | null;
}

export function DiagramIndexPage({ services }: { services: PickableService[] }) {
  return (
    <>
      <PageHeader
        title="Diagrammer"
        lead="Omfanget tegnet: hvert diagram kan filtreres, lastes ned som SVG eller Mermaid-kilde, og har det samme innholdet som tabell ved siden av."
        crumbs={[{ href: '/', label: 'Oversikt' }, { label: 'Diagrammer' }]}
      />
      <ul class="diagram-index">
        {(Object.keys(diagramPages) as DiagramSlug[]).map((slug) => (
          <li class="ds-card">
            <h2 class="ds-heading" data-size="xs">
              <a class="ds-link" href={`/diagrammer/${slug}`}>
                {diagramPages[slug].title}
              </a>
            </h2>
            <p class="ds-paragraph">{diagramPages[slug].lead}</p>
          </li>
        ))}
        <li class="ds-card">
          <h2 class="ds-heading" data-size="xs">
            Én informasjonstjeneste
          </h2>
          <p class="ds-paragraph">Aktørene, tjenesteområdene, funksjonsområdene og prosjektene rundt én tjeneste. Diagrammet står også på tjenestens egen side.</p>
          <ServicePicker services={services} />
        </li>
      </ul>
    </>
  );
}

/** A list to pick the service from, or (with more than a list holds) a search for it by name. */
function ServicePicker({ services, query }: { services: PickableService[]; query?: string }) {
  if (services.length > PICKER_MAX || query !== undefined) {
    return (
      <form class="filter-form" method="get" action="/diagrammer/tjeneste" role="search" aria-label="Finn informasjonstjenesten">
        <div class="ds-field">
          <label class="ds-label" for="finn-tjeneste">
            Navnet på informasjonstjenesten
          </label>
          <input class="ds-input" id="finn-tjeneste" name="q" type="search" value={query ?? ''} maxlength={200} required />
        </div>
        <button class="ds-button" data-variant="secondary" type="submit">
          Finn tjenesten
        </button>
      </form>
    );
  }
  return (
    <form class="filter-form" method="get" action="/diagrammer/tjeneste">
      <div class="ds-field">
        <label class="ds-label" for="velg-tjeneste">
          Informasjonstjeneste
        </label>
        <select class="ds-input" id="velg-tjeneste" name="service">
          {services.map((s) => (
            <option value={s.key}>{s.name}</option>
          ))}
        </select>
      </div>
      <button class="ds-button" data-variant="secondary" type="submit">
        Vis diagrammet
      </button>
    </form>
  );
}

/** How many services a search for one shows at most. */
export const FOUND_MAX = 50;

/** The services whose names match a search, each a link to its diagram. */
export function ServiceSearchPage({ query, found }: { query: string; found: PickableService[] }) {
  return (
    <>
      <PageHeader title="Finn informasjonstjenesten" crumbs={[{ href: '/', label: 'Oversikt' }, { href: '/diagrammer', label: 'Diagrammer' }, { label: 'Finn informasjonstjenesten' }]} />
      <ServicePicker services={[]} query={query} />
      {found.length === 0 ? (
        <p class="ds-paragraph">Ingen informasjonstjeneste har «{query}» i navnet.</p>
      ) : (
        <>
          <p class="ds-paragraph">
            {found.length > FOUND_MAX
              ? `Mer enn ${FOUND_MAX} informasjonstjenester har «${query}» i navnet. De første ${FOUND_MAX} står under; skriv mer av navnet for å finne færre.`
              : `${found.length} ${found.length === 1 ? 'informasjonstjeneste har' : 'informasjonstjenester har'} «${query}» i navnet.`}
          </p>
          <ul class="link-list">
            {found.slice(0, FOUND_MAX).map((s) => (
              <li>
                <a class="ds-link" href={`/diagrammer/tjeneste/${s.key}`}>
                  {s.name}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

interface SelectSpec {
  name: string;
  label: string;
  all: string;
  value: string | undefined;
  options: Array<{ key: string; name: string }>;
}

/**
 * Filters that redraw a diagram. With htmx a change swaps only the diagram region (and, on a
 * diagram page, keeps the address in step); without JavaScript the button submits a plain GET.
 */
export function DiagramFilters({ action, target, pushUrl, selects }: { action: string; target: string; pushUrl: boolean; selects: SelectSpec[] }) {
  return (
    <form
      class="filter-form"
      method="get"
      action={action}
      hx-get={action}
      hx-target={`#${target}`}
      hx-swap="outerHTML"
      hx-trigger="change delay:500ms"
      hx-push-url={pushUrl ? 'true' : 'false'}
      role="search"
      aria-label="Filtrer diagrammet"
    >
      {selects.map((s) => (
        <div class="ds-field">
          <label class="ds-label" for={`${target}-${s.name}`}>
            {s.label}
          </label>
          <select class="ds-input" id={`${target}-${s.name}`} name={s.name}>
            <option value="">{s.all}</option>
            {s.options.map((o) => (
              <option value={o.key} selected={s.value === o.key}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      ))}
      <button class="ds-button" data-variant="secondary" type="submit">
        Vis
      </button>
    </form>
  );
}

const sorted = <T extends { position: number; id: number }>(list: T[]) => [...list].sort(byPosition);

export function serviceSelects(model: ScopeModel, filter: DiagramFilter): SelectSpec[] {
  return [
    { name: 'tier', label: 'Leveransetrinn', all: 'Alle trinn', value: filter.tier, options: sorted(model.elements.deliveryTier) },
    { name: 'category', label: 'Informasjonskategori', all: 'Alle kategorier', value: filter.category, options: sorted(model.elements.informationCategory) },
    { name: 'actor', label: 'Aktør', all: 'Alle aktører', value: filter.actor, options: sorted(model.elements.actor) },
    { name: 'group', label: 'Tjenesteområde', all: 'Alle tjenesteområder', value: filter.group, options: sorted(model.elements.personnelGroup) },
  ];
}

export function roadmapSelects(model: ScopeModel, filter: RoadmapDiagramFilter): SelectSpec[] {
  return [
    { name: 'phase', label: 'Fase', all: 'Alle faser', value: filter.phase, options: sorted(model.elements.roadmapPhase) },
    {
      name: 'track',
      label: 'Beslutningspunkter',
      all: 'Begge spor',
      value: filter.track,
      options: decisionTracks.map((t) => ({ key: t, name: decisionTrackLabel[t] })),
    },
  ];
}

export function contextSelects(model: ScopeModel, filter: ServiceDiagramFilter): SelectSpec[] {
  return [
    { name: 'actor', label: 'Aktør', all: 'Alle aktører', value: filter.actor, options: sorted(model.elements.actor) },
    { name: 'group', label: 'Tjenesteområde', all: 'Alle tjenesteområder', value: filter.group, options: sorted(model.elements.personnelGroup) },
  ];
}

export interface DiagramPageProps {
  slug: DiagramSlug;
  diagram: Diagram;
  selects: SelectSpec[];
  /** The query the page was asked for, for the download link and the expand links. */
  query: Record<string, string | undefined>;
}

export const regionId = (slug: string) => `diagram-${slug}`;

export function DiagramRegionFor({ slug, diagram, query }: Omit<DiagramPageProps, 'selects'>) {
  return (
    <DiagramRegion
      id={regionId(slug)}
      diagram={diagram}
      sourceHref={withQuery(`/diagrammer/${slug}.mmd`, query)}
      fileName={`akson-${slug}`}
      expandHref={(key) => withQuery(`/diagrammer/${slug}`, { ...query, expand: key, side: undefined })}
      pageHref={(page) => withQuery(`/diagrammer/${slug}`, { ...query, side: page > 1 ? String(page) : undefined })}
    />
  );
}

export function DiagramPage(props: DiagramPageProps) {
  const { title, lead } = diagramPages[props.slug];
  return (
    <>
      <PageHeader title={title} lead={lead} crumbs={crumbs(title)} />
      <DiagramFilters action={`/diagrammer/${props.slug}`} target={regionId(props.slug)} pushUrl selects={props.selects} />
      <DiagramRegionFor {...props} />
      <DiagramAssets />
    </>
  );
}

/** One service's context diagram: on its own page, and embedded in the service's page. */
export function ServiceDiagramSection({ service, model, diagram, filter, standalone }: {
  service: InformationService;
  model: ScopeModel;
  diagram: Diagram;
  filter: ServiceDiagramFilter;
  standalone: boolean;
}) {
  const path = `/diagrammer/tjeneste/${service.key}`;
  return (
    <section aria-labelledby="tjenestediagram-tittel" class="detail-section">
      <h2 id="tjenestediagram-tittel" class="ds-heading" data-size="sm">
        Diagram over sammenhengen
      </h2>
      <DiagramFilters action={path} target="diagram-tjeneste" pushUrl={standalone} selects={contextSelects(model, filter)} />
      <ServiceDiagramRegion service={service} diagram={diagram} filter={filter} />
      <DiagramAssets />
    </section>
  );
}

export function ServiceDiagramRegion({ service, diagram, filter }: { service: InformationService; diagram: Diagram; filter: ServiceDiagramFilter }) {
  return (
    <DiagramRegion
      id="diagram-tjeneste"
      diagram={diagram}
      sourceHref={withQuery(`/diagrammer/tjeneste/${service.key}.mmd`, { actor: filter.actor, group: filter.group })}
      fileName={`akson-tjeneste-${service.key}`}
      headingLevel={3}
    />
  );
}

export function ServiceDiagramPage(props: { service: InformationService; model: ScopeModel; diagram: Diagram; filter: ServiceDiagramFilter }) {
  return (
    <>
      <PageHeader
        title={props.service.name}
        lead={<>Sammenhengen rundt én informasjonstjeneste. Tjenestens egen side: <ElementLink element={props.service} />.</>}
        crumbs={crumbs(props.service.name)}
      />
      <ServiceDiagramSection {...props} standalone />
    </>
  );
}
