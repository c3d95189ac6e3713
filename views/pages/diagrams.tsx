import type { DiagramFilter, RoadmapDiagramFilter, ServiceDiagramFilter } from '../../model/filters.ts';
import { byPosition } from '../../model/lookup.ts';
import { decisionTracks, type InformationService, type ScopeModel } from '../../model/schemas.ts';
import { useI18n, type MessageKey } from '../i18n/index.ts';
import type { Diagram } from '../../model/diagrams/types.ts';
import { ElementLink, PageHeader } from '../components/common.tsx';
import { DiagramRegion, DiagramAssets } from '../components/diagram.tsx';

export type DiagramSlug = 'omfang' | 'samhandling' | 'forste-leveranse' | 'veikart' | 'avhengigheter';

export const diagramPages: Record<DiagramSlug, { title: MessageKey; lead: MessageKey }> = {
  omfang: { title: 'diagrams.page.omfang.title', lead: 'diagrams.page.omfang.lead' },
  samhandling: { title: 'diagrams.page.samhandling.title', lead: 'diagrams.page.samhandling.lead' },
  'forste-leveranse': { title: 'diagrams.page.forste-leveranse.title', lead: 'diagrams.page.forste-leveranse.lead' },
  veikart: { title: 'diagrams.page.veikart.title', lead: 'diagrams.page.veikart.lead' },
  avhengigheter: { title: 'diagrams.page.avhengigheter.title', lead: 'diagrams.page.avhengigheter.lead' },
};

/** A path with the given query parameters, leaving out the empty ones. */
export function withQuery(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')).toString();
  return query ? `${path}?${query}` : path;
}

function crumbs(title: string) {
  const { t } = useI18n();
  return [{ href: '/', label: t('diagrams.crumb.overview') }, { href: '/diagrammer', label: t('diagrams.index.title') }, { label: title }];
}

/** Up to this many services, the index page offers them in a list to pick from; above, a search. */
export const PICKER_MAX = 200;

export interface PickableService {
  key: string;
  name: string;
  nameEn: string | null;
}

export function DiagramIndexPage({ services }: { services: PickableService[] }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('diagrams.index.title')} lead={t('diagrams.index.lead')} crumbs={[{ href: '/', label: t('diagrams.crumb.overview') }, { label: t('diagrams.index.title') }]} />
      <ul class="diagram-index">
        {(Object.keys(diagramPages) as DiagramSlug[]).map((slug) => (
          <li class="ds-card">
            <h2 class="ds-heading" data-size="xs">
              <a class="ds-link" href={`/diagrammer/${slug}`}>
                {t(diagramPages[slug].title)}
              </a>
            </h2>
            <p class="ds-paragraph">{t(diagramPages[slug].lead)}</p>
          </li>
        ))}
        <li class="ds-card">
          <h2 class="ds-heading" data-size="xs">
            {t('diagrams.service.title')}
          </h2>
          <p class="ds-paragraph">{t('diagrams.service.lead')}</p>
          <ServicePicker services={services} />
        </li>
      </ul>
    </>
  );
}

/** A list to pick the service from, or (with more than a list holds) a search for it by name. */
function ServicePicker({ services, query }: { services: PickableService[]; query?: string }) {
  const { t, name } = useI18n();
  if (services.length > PICKER_MAX || query !== undefined) {
    return (
      <form class="filter-form" method="get" action="/diagrammer/tjeneste" role="search" aria-label={t('diagrams.service.searchLabel')}>
        <div class="ds-field">
          <label class="ds-label" for="finn-tjeneste">
            {t('diagrams.service.searchField')}
          </label>
          <input class="ds-input" id="finn-tjeneste" name="q" type="search" value={query ?? ''} maxlength={200} required />
        </div>
        <button class="ds-button" data-variant="secondary" type="submit">
          {t('diagrams.service.searchButton')}
        </button>
      </form>
    );
  }
  return (
    <form class="filter-form" method="get" action="/diagrammer/tjeneste">
      <div class="ds-field">
        <label class="ds-label" for="velg-tjeneste">
          {t('diagrams.service.pick')}
        </label>
        <select class="ds-input" id="velg-tjeneste" name="service">
          {services.map((s) => (
            <option value={s.key}>{name(s)}</option>
          ))}
        </select>
      </div>
      <button class="ds-button" data-variant="secondary" type="submit">
        {t('diagrams.service.show')}
      </button>
    </form>
  );
}

/** How many services a search for one shows at most. */
export const FOUND_MAX = 50;

/** The services whose names match a search, each a link to its diagram. */
export function ServiceSearchPage({ query, found }: { query: string; found: PickableService[] }) {
  const { t, name } = useI18n();
  return (
    <>
      <PageHeader title={t('diagrams.service.found.title')} crumbs={crumbs(t('diagrams.service.found.title'))} />
      <ServicePicker services={[]} query={query} />
      {found.length === 0 ? (
        <p class="ds-paragraph">{t('diagrams.service.found.none', { query })}</p>
      ) : (
        <>
          <p class="ds-paragraph">
            {found.length > FOUND_MAX ? t('diagrams.service.found.more', { max: FOUND_MAX, query }) : t('diagrams.service.found.count', { count: found.length, query })}
          </p>
          <ul class="link-list">
            {found.slice(0, FOUND_MAX).map((s) => (
              <li>
                <a class="ds-link" href={`/diagrammer/tjeneste/${s.key}`}>
                  {name(s)}
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
  label: MessageKey;
  all: MessageKey;
  value: string | undefined;
  /** Elements by their names in the interface's language, or values by a label from the catalogues. */
  options: Array<{ key: string; name?: string; nameEn?: string | null; label?: MessageKey }>;
}

/**
 * Filters that redraw a diagram. With htmx a change swaps only the diagram region (and, on a
 * diagram page, keeps the address in step); without JavaScript the button submits a plain GET.
 */
export function DiagramFilters({ action, target, pushUrl, selects }: { action: string; target: string; pushUrl: boolean; selects: SelectSpec[] }) {
  const { t, name } = useI18n();
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
      aria-label={t('diagrams.filter.label')}
    >
      {selects.map((s) => (
        <div class="ds-field">
          <label class="ds-label" for={`${target}-${s.name}`}>
            {t(s.label)}
          </label>
          <select class="ds-input" id={`${target}-${s.name}`} name={s.name}>
            <option value="">{t(s.all)}</option>
            {s.options.map((o) => (
              <option value={o.key} selected={s.value === o.key}>
                {o.label ? t(o.label) : name({ name: o.name ?? '', nameEn: o.nameEn ?? null })}
              </option>
            ))}
          </select>
        </div>
      ))}
      <button class="ds-button" data-variant="secondary" type="submit">
        {t('diagrams.filter.show')}
      </button>
    </form>
  );
}

const sorted = <T extends { position: number; id: number }>(list: T[]) => [...list].sort(byPosition);

export function serviceSelects(model: ScopeModel, filter: DiagramFilter): SelectSpec[] {
  return [
    { name: 'tier', label: 'diagrams.filter.tier', all: 'diagrams.filter.tierAll', value: filter.tier, options: sorted(model.elements.deliveryTier) },
    { name: 'category', label: 'diagrams.filter.category', all: 'diagrams.filter.categoryAll', value: filter.category, options: sorted(model.elements.informationCategory) },
    { name: 'actor', label: 'diagrams.filter.actor', all: 'diagrams.filter.actorAll', value: filter.actor, options: sorted(model.elements.actor) },
    { name: 'group', label: 'diagrams.filter.group', all: 'diagrams.filter.groupAll', value: filter.group, options: sorted(model.elements.personnelGroup) },
  ];
}

export function roadmapSelects(model: ScopeModel, filter: RoadmapDiagramFilter): SelectSpec[] {
  return [
    { name: 'phase', label: 'diagrams.filter.phase', all: 'diagrams.filter.phaseAll', value: filter.phase, options: sorted(model.elements.roadmapPhase) },
    {
      name: 'track',
      label: 'diagrams.filter.track',
      all: 'diagrams.filter.trackAll',
      value: filter.track,
      options: decisionTracks.map((track) => ({ key: track, label: `diagrams.filter.track.${track}` as const })),
    },
  ];
}

export function contextSelects(model: ScopeModel, filter: ServiceDiagramFilter): SelectSpec[] {
  return [
    { name: 'actor', label: 'diagrams.filter.actor', all: 'diagrams.filter.actorAll', value: filter.actor, options: sorted(model.elements.actor) },
    { name: 'group', label: 'diagrams.filter.group', all: 'diagrams.filter.groupAll', value: filter.group, options: sorted(model.elements.personnelGroup) },
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
  const { t } = useI18n();
  const title = t(diagramPages[props.slug].title);
  const lead = t(diagramPages[props.slug].lead);
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
  const { t } = useI18n();
  return (
    <section aria-labelledby="tjenestediagram-tittel" class="detail-section">
      <h2 id="tjenestediagram-tittel" class="ds-heading" data-size="sm">
        {t('diagrams.service.section')}
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
  const { tx, name } = useI18n();
  return (
    <>
      <PageHeader
        title={name(props.service)}
        lead={<>{tx('diagrams.service.pageLead', { link: () => <ElementLink element={props.service} /> })}</>}
        crumbs={crumbs(name(props.service))}
      />
      <ServiceDiagramSection {...props} standalone />
    </>
  );
}
