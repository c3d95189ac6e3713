import type { GapReport, InferredLinkCount } from '../../model/gaps.ts';
import { useI18n } from '../i18n/index.ts';
import type { GapCounts, LoadedGaps } from '../../src/db/queries/gaps.ts';
import { kindInfo, type ElementKind } from '../../model/kinds.ts';
import type { ModelIndex } from '../../model/lookup.ts';
import type { ScopeElement } from '../../model/schemas.ts';
import { ElementLink, Empty, PageHeader } from '../components/common.tsx';

export interface GapSection {
  id: string;
  title: string;
  description: string;
  items: ScopeElement[];
  /** How many there are in all (`items` may be only the first of them). */
  total: number;
  /** Worth knowing, but not something missing (tentative items). */
  informational?: boolean;
  /** Show the items grouped by kind. */
  byKind?: boolean;
  /** Show each capability with the path above it. */
  withPath?: boolean;
}

export function gapSections(gaps: GapReport, counts: GapCounts): GapSection[] {
  const sections: Array<Omit<GapSection, 'total'> & { key: keyof GapReport }> = [
    {
      id: 'uten-aktor',
      title: 'Tjenester i første leveranse uten aktør og samhandlingsform',
      description: 'Ingen aktør er koblet til tjenesten i noen samhandlingsform. Lysarket viste dette med farger og plassering, som teksten ikke har tatt vare på.',
      key: 'servicesWithoutExchange',
      items: gaps.servicesWithoutExchange,
    },
    {
      id: 'uten-personellgruppe',
      title: 'Tjenester i første leveranse uten tjenesteområde',
      description: 'Ingen kommunale tjenesteområder leser eller dokumenterer informasjonstjenesten.',
      key: 'servicesWithoutPersonnel',
      items: gaps.servicesWithoutPersonnel,
    },
    {
      id: 'grupper-uten-tjeneste',
      title: 'Tjenesteområder uten tjenester i første leveranse',
      description: 'Gruppen bruker ingen av tjenestene i første leveranse.',
      key: 'personnelGroupsWithoutService',
      items: gaps.personnelGroupsWithoutService,
    },
    {
      id: 'funksjonsomrader-uten-tjeneste',
      title: 'Funksjonsområder uten informasjonstjeneste',
      description: 'Ingen informasjonstjeneste er koblet til funksjonsområdet eller noe under det.',
      key: 'capabilitiesWithoutService',
      items: gaps.capabilitiesWithoutService,
      withPath: true,
    },
    {
      id: 'uten-trinn',
      title: 'Tjenester uten leveransetrinn',
      description: 'Tjenesten er ikke plassert i noe leveransetrinn.',
      key: 'servicesWithoutTier',
      items: gaps.servicesWithoutTier,
    },
    {
      id: 'uten-kategori',
      title: 'Tjenester uten informasjonskategori',
      description: 'Tjenesten hører ikke til noen informasjonskategori.',
      key: 'servicesWithoutCategory',
      items: gaps.servicesWithoutCategory,
    },
    {
      id: 'ukoblet',
      title: 'Elementer ingenting er koblet til',
      description: 'Ingen tjeneste, krav eller annet element viser til elementet.',
      key: 'unlinked',
      items: gaps.unlinked,
      byKind: true,
    },
    {
      id: 'tentative-plasseringer',
      title: 'Tentative plasseringer i leveransetrinn',
      description: 'Hvilket trinn tjenesten hører til er lest ut av et lysark merket «TENTATIVT, ER UNDER ARBEID».',
      key: 'tentativeTierAssignments',
      items: gaps.tentativeTierAssignments,
      informational: true,
    },
    {
      id: 'tentative',
      title: 'Tentative elementer',
      description: 'Elementer kilden merker TENTATIVT eller UNDER ARBEID, eller som arkitektene har merket slik.',
      key: 'tentative',
      items: gaps.tentative,
      informational: true,
      byKind: true,
    },
    {
      id: 'tolkninger',
      title: 'Tolkninger',
      description:
        'Elementer som er redaksjonens lesning av kilden, ikke det kilden sier: hver har en begrunnelse og linjene den bygger på (se elementets side).',
      key: 'inferred',
      items: gaps.inferred,
      informational: true,
      byKind: true,
    },
  ];
  return sections.map(({ key, ...section }) => ({ ...section, total: counts[key] }));
}

export function GapsPage({ gaps, index }: { gaps: LoadedGaps; index: ModelIndex }) {
  const sections = gapSections(gaps.gaps, gaps.counts);
  const { t } = useI18n();
  const inferredLinkTotal = gaps.inferredLinks.reduce((n, c) => n + c.total, 0);
  return (
    <>
      <PageHeader
        title="Gapanalyse"
        lead="Hva mangler i modellen: koblinger som ikke er gjort, og elementer ingenting henger sammen med."
        crumbs={[{ href: '/', label: 'Oversikt' }, { label: 'Gapanalyse' }]}
      />
      <nav aria-label="Deler av gapanalysen" class="toc">
        <ul>
          {sections.map((s) => (
            <li>
              <a class="ds-link" href={`#${s.id}`}>
                {s.title}
              </a>{' '}
              ({s.total})
            </li>
          ))}
          <li>
            <a class="ds-link" href="#tolkede-koblinger">
              {t('links.gaps.inferredLinks.title')}
            </a>{' '}
            ({inferredLinkTotal})
          </li>
        </ul>
      </nav>
      {sections.map((s) => (
        <GapSectionView section={s} index={index} />
      ))}
      <InferredLinksSection counts={gaps.inferredLinks} />
    </>
  );
}

/** The inferred links by type: how many, and how many still lack the reason an inferred link needs. */
function InferredLinksSection({ counts }: { counts: InferredLinkCount[] }) {
  const { t, number } = useI18n();
  const total = counts.reduce((n, c) => n + c.total, 0);
  const missing = counts.reduce((n, c) => n + c.withoutReason, 0);
  return (
    <section id="tolkede-koblinger" aria-labelledby="tolkede-koblinger-tittel" class="gap-section">
      <h2 id="tolkede-koblinger-tittel" class="ds-heading" data-size="sm">
        {t('links.gaps.inferredLinks.title')} ({number(total)})
      </h2>
      <p class="ds-paragraph muted">{t('links.gaps.inferredLinks.description')}</p>
      <p class="ds-paragraph" id="tolkede-koblinger-sum">
        {t('links.gaps.inferredLinks.sum', { count: total, missing })}
      </p>
      <section class="table-scroll" tabindex={0} aria-label={t('links.gaps.inferredLinks.caption')}>
        <table class="ds-table" data-border>
          <caption class="ds-sr-only">{t('links.gaps.inferredLinks.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('links.gaps.inferredLinks.type')}</th>
              <th scope="col" class="num">
                {t('links.gaps.inferredLinks.total')}
              </th>
              <th scope="col" class="num">
                {t('links.gaps.inferredLinks.withoutReason')}
              </th>
            </tr>
          </thead>
          <tbody>
            {counts.map((c) => (
              <tr data-link-type={c.type}>
                <th scope="row">{t(`links.type.${c.type}`)}</th>
                <td class="num">{number(c.total)}</td>
                <td class="num">{number(c.withoutReason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

function GapSectionView({ section, index }: { section: GapSection; index: ModelIndex }) {
  return (
    <section id={section.id} aria-labelledby={`${section.id}-tittel`} class="gap-section">
      <h2 id={`${section.id}-tittel`} class="ds-heading" data-size="sm">
        {section.title} ({section.total})
      </h2>
      <p class="ds-paragraph muted">{section.description}</p>
      {section.items.length < section.total ? (
        <p class="ds-paragraph" data-size="sm">
          Viser de første {section.items.length} av {section.total}.
        </p>
      ) : null}
      {section.items.length === 0 ? (
        <Empty>Ingen – her er alt på plass.</Empty>
      ) : section.byKind ? (
        groupByKind(section.items).map(([kind, items]) => (
          <details class="ds-details">
            <summary>
              {kindInfo[kind].plural} ({items.length})
            </summary>
            <div>
              <ItemList items={items} index={index} />
            </div>
          </details>
        ))
      ) : (
        <ItemList items={section.items} index={index} withPath={section.withPath} />
      )}
    </section>
  );
}

function ItemList({ items, index, withPath }: { items: ScopeElement[]; index: ModelIndex; withPath?: boolean | undefined }) {
  return (
    <ul class="gap-list">
      {items.map((item) => (
        <li>
          <ElementLink element={item} />
          {withPath && item.kind === 'capability' ? <CapabilityPath index={index} parentId={item.parentId} /> : null}
        </li>
      ))}
    </ul>
  );
}

function CapabilityPath({ index, parentId }: { index: ModelIndex; parentId: number | null }) {
  const path: string[] = [];
  let parent = index.get('capability', parentId);
  while (parent && path.length < 20) {
    path.unshift(parent.name);
    parent = index.get('capability', parent.parentId);
  }
  return path.length > 0 ? <span class="muted"> (under {path.join(' › ')})</span> : null;
}

function groupByKind(items: ScopeElement[]): Array<[ElementKind, ScopeElement[]]> {
  const groups = new Map<ElementKind, ScopeElement[]>();
  for (const item of items) {
    const list = groups.get(item.kind) ?? [];
    list.push(item);
    groups.set(item.kind, list);
  }
  return [...groups];
}

/**
 * The gaps a matrix closes, beside the matrix: it redraws itself whenever links or services
 * change, so an architect sees a gap disappear as they fill a cell.
 */
export function GapPanel({ gaps: loaded, focus }: { gaps: LoadedGaps; focus: 'personell' | 'aktorer' }) {
  const { gaps, counts } = loaded;
  const lists =
    focus === 'personell'
      ? [
          { id: 'panel-uten-personell', title: 'Tjenester i første leveranse uten tjenesteområde', items: gaps.servicesWithoutPersonnel as ScopeElement[], total: counts.servicesWithoutPersonnel },
          { id: 'panel-grupper-uten', title: 'Tjenesteområder uten tjenester i første leveranse', items: gaps.personnelGroupsWithoutService as ScopeElement[], total: counts.personnelGroupsWithoutService },
        ]
      : [{ id: 'panel-uten-aktor', title: 'Tjenester i første leveranse uten aktør og samhandlingsform', items: gaps.servicesWithoutExchange as ScopeElement[], total: counts.servicesWithoutExchange }];
  const shown = 12;
  return (
    <aside
      id="gap-panel"
      class="gap-panel ds-card"
      data-variant="tinted"
      aria-labelledby="gap-panel-tittel"
      hx-get={`/gapanalyse/panel?for=${focus}`}
      hx-trigger="scopeChanged from:body, linksChanged from:body"
      hx-swap="outerHTML"
    >
      <h2 id="gap-panel-tittel" class="ds-heading" data-size="xs">
        Hull som matrisen tetter
      </h2>
      <div>
        {lists.map((l) => (
          <section aria-labelledby={l.id} class="gap-panel__section">
            <h3 id={l.id} class="ds-heading" data-size="2xs">
              {l.title}: <span class="gap-panel__count">{l.total}</span>
            </h3>
            {l.total === 0 ? (
              <p class="ds-paragraph">Ingen – alt er koblet.</p>
            ) : (
              <ul class="gap-list">
                {l.items.slice(0, shown).map((e) => (
                  <li>
                    <ElementLink element={e} />
                  </li>
                ))}
                {l.total > shown ? <li class="muted">og {l.total - shown} til</li> : null}
              </ul>
            )}
          </section>
        ))}
        <p class="ds-paragraph">
          <a class="ds-link" href="/gapanalyse">
            Hele gapanalysen
          </a>
        </p>
      </div>
    </aside>
  );
}
