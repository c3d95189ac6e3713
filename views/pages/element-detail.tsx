import type { Child } from 'hono/jsx';
import { elementHref, kindInfo, type ElementKind } from '../../model/kinds.ts';
import type { SourceExcerpt } from '../../model/source.ts';
import type { AuditEvent } from '../../model/audit.ts';
import { ElementHistory } from '../components/history.tsx';
import { byPosition, subtreeIds, type ModelIndex } from '../../model/lookup.ts';
import {
  type ElementOfKind,
  type InformationService,
  type ScopeElement,
  type ScopeModel,
} from '../../model/schemas.ts';
import { serviceContext } from '../../model/diagrams/service-context.ts';
import { ElementLink, Empty, kindCrumb, PageHeader, ProvenanceTag, SourceLink, StatusTag, TentativeTag, formatNumber, portfolioPhaseName } from '../components/common.tsx';
import type { LinkProvenance } from '../../model/provenance.ts';
import type { LinkType } from '../../model/link-types.ts';
import { LinkProvenanceNote, RelationAddForm, relationCandidates, type LinkEdit, type RelationFormState } from '../components/link-provenance.tsx';
import { ServiceDiagramSection } from './diagrams.tsx';
import { matrixRowHref } from './matrices.tsx';
import { chapterLabel, ElementRequirementsSection, RequirementTraceSection } from './requirement-trace.tsx';
import type { TraceContext } from '../../src/db/queries/requirement-trace.ts';
import { numberChapters } from '../../model/requirements.ts';
import { useI18n, type I18n } from '../i18n/index.ts';
import { Pager } from '../components/pager.tsx';
import type { ServicePaging } from '../../src/db/queries/neighbourhood.ts';

/** The structure fields of a requirement (issue 13), when the page knows the chapters and types. */
function requirementFacts(r: ElementOfKind['requirement'], trace: TraceContext | undefined, t: I18n['t']): Array<[string, Child]> {
  if (!trace) return [];
  const chapter = r.chapterId != null ? numberChapters(trace.chapters).find((c) => c.id === r.chapterId) : undefined;
  const type = trace.types.find((t) => t.key === r.typeKey);
  const comment = r.sourceCommentId != null ? trace.sourceComments.find((s) => s.id === r.sourceCommentId) : undefined;
  return [
    [t('requirement.facts.chapter'), chapterLabel(chapter, t('requirement.trace.section.noChapter'))],
    [t('requirement.facts.type'), type?.label ?? '–'],
    [t('requirement.facts.acceptance'), r.acceptanceCriteria || '–'],
    [t('requirement.facts.verification'), r.verificationMethod ? t(`requirement.verification.${r.verificationMethod}`) : '–'],
    [t('requirement.facts.tags'), r.tags && r.tags.length > 0 ? r.tags.join(', ') : '–'],
    ...(comment
      ? ([[t('requirement.page.sourceComment'), <a class="ds-link" href={`/horing/${comment.roundId}/kommentarer/${comment.id}`}>{t('requirement.page.commentNumber', { id: comment.id })}</a>]] as Array<[string, Child]>)
      : []),
  ];
}


export interface ElementDetailProps {
  element: ScopeElement;
  model: ScopeModel;
  index: ModelIndex;
  excerpt: SourceExcerpt | null;
  /** Show the architect's controls (edit, delete, links). */
  canEdit?: boolean;
  /** A message after a save; it takes focus. */
  notice?: string | undefined;
  /** Take focus at the heading (the page was swapped in by htmx). */
  focus?: boolean;
  /** The element's changes from the audit log, newest first (architects and administrators). */
  history?: { events: AuditEvent[]; limit: number } | undefined;
  /** Chapters and links between requirements: with it, the traceability sections and their link forms. */
  trace?: TraceContext | undefined;
  /** Show the requirement link forms (architects and administrators); defaults to `canEdit`. */
  canLink?: boolean | undefined;
  /** A refused new relation: the form opened again with the values and the messages. */
  relationForm?: RelationFormState | undefined;
  /** Which page of the element's services the page lists (read a page at a time); without it, every service in `model`. */
  services?: ServicePaging | undefined;
}

/** The element's page content; an edit swaps this region, and a save swaps it back. */
export function ElementDetailPage({ element, model, index, excerpt, canEdit = false, notice, history, focus = false, trace, canLink = canEdit, relationForm, services }: ElementDetailProps) {
  const { name, t, tx } = useI18n();
  const requirements = requirementsAbout(element.id, model, index);
  const href = elementHref(element.kind, element.key);
  // The name in the interface's language (the English one in English, where there is one), and the other beside it.
  const shown = name(element);
  const other = shown === element.name ? (element.nameEn ? { text: element.nameEn, lang: 'en' } : null) : { text: element.name, lang: 'nb' };
  return (
    <div id="element-innhold">
      <PageHeader
        title={element.kind === 'requirement' ? `${element.ref} ${shown}` : shown}
        crumbs={[{ href: '/', label: t('search.crumb.overview') }, kindCrumb(element.kind), { label: shown }]}
        focus={focus && !notice}
      >
        <p class="element-meta">
          <span class="ds-tag" data-color="neutral" data-size="sm">
            {t(`kinds.${element.kind}.singular`)}
          </span>{' '}
          <TentativeTag show={element.tentative} /> <ProvenanceTag level={element.provenance} note={element.provenanceNote} />{' '}
          {other ? (
            <span lang={other.lang} class="muted">
              {other.text}
            </span>
          ) : null}
        </p>
        {notice ? (
          <p class="ds-alert notice" data-color="success" role="status" tabindex={-1} autofocus>
            {notice}
          </p>
        ) : null}
        {canEdit ? (
          <div class="element-actions">
            <a class="ds-button" data-variant="secondary" href={`${href}/rediger`} hx-get={`${href}/rediger`} hx-target="#element-innhold" hx-swap="outerHTML">
              {t('scope.detail.edit')}
            </a>
            <form method="post" action={`${href}/slett`} hx-post={`${href}/slett`} hx-target="#slett-bekreft" hx-swap="outerHTML">
              <input type="hidden" name="version" value={String(element.version)} />
              <button class="ds-button" data-variant="tertiary" data-color="danger" type="submit">
                {t('scope.detail.delete')}
              </button>
            </form>
          </div>
        ) : null}
        <section id="slett-bekreft" aria-live="polite"></section>
      </PageHeader>

      {element.description && element.description !== element.name ? (
        <p class="ds-paragraph description">{element.description}</p>
      ) : null}

      <KindSection element={element} model={model} index={index} canEdit={canEdit} trace={trace} canLink={canLink} services={services} />

      <RelationsSection element={element} model={model} index={index} canEdit={canEdit} relationForm={relationForm} />

      {element.kind !== 'requirement' && trace ? (
        <ElementRequirementsSection element={element} model={model} index={index} trace={trace} canEdit={canLink} />
      ) : element.kind !== 'requirement' ? (
        <Section id="krav" title={t('scope.detail.requirements', { count: requirements.length })}>
          {requirements.length === 0 ? (
            <Empty>{t('scope.detail.requirements.none')}</Empty>
          ) : (
            <RequirementList requirements={requirements} />
          )}
        </Section>
      ) : null}

      <Section id="kilde" title={t('scope.detail.source')}>
        <p class="ds-paragraph">
          <SourceLink source={element.source} /> <span class="muted">{t('scope.detail.key', { key: element.key })}</span>
        </p>
        <p class="ds-paragraph provenance-line" id="kildegrunnlag">
          <strong>{t('domain.provenance.heading', { level: t(`domain.provenance.${element.provenance}`) })}</strong>{' '}
          {element.provenanceNote.trim() !== ''
            ? element.provenanceNote
            : element.provenance === 'inferred'
              ? t('domain.provenance.noReason')
              : null}
        </p>
        {element.sourceQuote !== null ? (
          <p class="ds-paragraph">
            {tx('domain.provenance.quote', { quote: element.sourceQuote, q: (text) => <q>{text}</q> })}
          </p>
        ) : null}
        {excerpt ? (
          <blockquote class="source-excerpt">
            {excerpt.lines
              .filter((l) => l.text.trim() !== '')
              .map((l) => (
                <span class="source-line">
                  <span class="source-line__no" aria-hidden="true">
                    {l.number}
                  </span>
                  {l.text}
                </span>
              ))}
          </blockquote>
        ) : null}
      </Section>
      {history ? <ElementHistory events={history.events} kind={element.kind} limit={history.limit} nameOf={(kind, key) => index.byKey(kind, key)?.name} /> : null}
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: Child }) {
  return (
    <section aria-labelledby={`${id}-tittel`} class="detail-section">
      <h2 id={`${id}-tittel`} class="ds-heading" data-size="sm">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Facts({ rows }: { rows: Array<[string, Child]> }) {
  return (
    <dl class="facts">
      {rows.map(([term, value]) => (
        <>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}

/**
 * The typed relations at an element: what it links to and what links to it, each with its
 * provenance. Architects add relations from here, remove them, and set each one's level and reason.
 */
function RelationsSection({
  element,
  model,
  index,
  canEdit,
  relationForm,
}: {
  element: ScopeElement;
  model: ScopeModel;
  index: ModelIndex;
  canEdit: boolean;
  relationForm: RelationFormState | undefined;
}) {
  const { t, name } = useI18n();
  const outgoing = model.links.relations.filter((r) => r.fromId === element.id);
  const incoming = model.links.relations.filter((r) => r.toId === element.id);
  const candidates = canEdit ? relationCandidates(element, model) : [];
  if (outgoing.length === 0 && incoming.length === 0 && candidates.length === 0) return null;
  const href = elementHref(element.kind, element.key);
  const rows = [
    ...outgoing.map((r) => ({ label: t(`links.relation.${r.relation}`), other: index.byId.get(r.toId), otherId: r.toId, r, out: true })),
    ...incoming.map((r) => ({ label: t(`links.relation.${r.relation}.inverse`), other: index.byId.get(r.fromId), otherId: r.fromId, r, out: false })),
  ];
  const labels = [...new Set(rows.map((row) => row.label))];
  return (
    <div id="koblinger-redigering">
      <Section id="koblinger" title={t('domain.relations.heading', { count: rows.length })}>
        {rows.length === 0 ? <Empty>{t('links.relations.none')}</Empty> : null}
        {labels.map((label) => (
          <>
            <h3 class="ds-heading" data-size="2xs">
              {label}
            </h3>
            <ul class="link-list">
              {rows
                .filter((row) => row.label === label)
                .map((row) => {
                  const otherName = row.other ? name(row.other) : String(row.otherId);
                  return (
                    <li>
                      <ElementLink element={row.other} /> <span class="muted">({row.other ? t(`kinds.${row.other.kind}.singular`) : ''})</span>
                      {canEdit ? (
                        <form method="post" action={`${href}/relasjoner/fjern`} hx-post={`${href}/relasjoner/fjern`} hx-target="#element-innhold" hx-swap="outerHTML" class="inline-form">
                          <input type="hidden" name="relation" value={row.r.relation} />
                          <input type="hidden" name="other" value={String(row.otherId)} />
                          <input type="hidden" name="outgoing" value={row.out ? '1' : '0'} />
                          <input type="hidden" name="version" value={String(element.version)} />
                          <button class="ds-button" data-variant="tertiary" data-color="danger" data-size="sm" type="submit" aria-label={t('links.relations.removeLabel', { relation: label, name: otherName })}>
                            {t('links.relations.remove')}
                          </button>
                        </form>
                      ) : null}
                      <LinkProvenanceNote
                        provenance={row.r.provenance}
                        edit={canEdit ? { type: 'relations', ends: [row.r.fromId, row.r.toId, row.r.relation], otherName, back: href } : undefined}
                      />
                    </li>
                  );
                })}
            </ul>
          </>
        ))}
        {candidates.map(({ info, targets, byKey }) => (
          <RelationAddForm element={element} info={info} targets={targets} byKey={byKey} href={href} state={relationForm} />
        ))}
      </Section>
    </div>
  );
}

/** Linked elements, each with the link's provenance (and, for architects, its editor). */
function ProvenancedList({ items, empty }: { items: Array<{ element: ScopeElement; provenance: LinkProvenance | undefined; edit: LinkEdit | undefined }>; empty: string }) {
  if (items.length === 0) return <Empty>{empty}</Empty>;
  return (
    <ul class="link-list">
      {items.map((item) => (
        <li>
          <ElementLink element={item.element} /> <TentativeTag show={item.element.tentative} />
          <LinkProvenanceNote provenance={item.provenance} edit={item.edit} />
        </li>
      ))}
    </ul>
  );
}

function LinkList({ elements, empty }: { elements: ScopeElement[]; empty: string }) {
  if (elements.length === 0) return <Empty>{empty}</Empty>;
  return (
    <ul class="link-list">
      {elements.map((e) => (
        <li>
          <ElementLink element={e} /> <TentativeTag show={e.tentative} />
        </li>
      ))}
    </ul>
  );
}

function requirementsAbout(elementId: number, model: ScopeModel, index: ModelIndex): Array<ElementOfKind['requirement']> {
  return model.links.requirementElements
    .filter((l) => l.elementId === elementId)
    .flatMap((l) => index.get('requirement', l.requirementId) ?? [])
    .sort(byPosition);
}

function RequirementList({ requirements }: { requirements: Array<ElementOfKind['requirement']> }) {
  const { t } = useI18n();
  return (
    <ul class="requirement-list">
      {requirements.map((r) => (
        <li>
          <a class="ds-link" href={`/krav/${r.key}`}>
            {r.ref} {r.name}
          </a>{' '}
          <span class="ds-tag" data-size="sm" data-color="neutral">
            {t(`requirementList.priority.${r.priority}`)}
          </span>{' '}
          <span class="ds-tag" data-size="sm" data-color="info">
            {t(`requirementList.status.${r.status}`)}
          </span>
          <div class="muted">{r.text}</div>
        </li>
      ))}
    </ul>
  );
}

function servicesWhere(model: ScopeModel, test: (s: InformationService) => boolean): InformationService[] {
  return model.elements.informationService.filter(test).sort(byPosition);
}

interface KindViewProps<K extends ElementKind> {
  element: ElementOfKind[K];
  model: ScopeModel;
  index: ModelIndex;
  canEdit: boolean;
  trace?: TraceContext | undefined;
  canLink: boolean;
  /** The page of the element's services shown, when they are read a page at a time. */
  services?: ServicePaging | undefined;
}

/**
 * Under a paged list of the element's services: which of them this page shows, and the pager.
 * The links keep the element's address and jump back to the section (`anchor`).
 */
function ServicePages({ element, paging, anchor }: { element: ScopeElement; paging: ServicePaging | undefined; anchor: string }) {
  const { t } = useI18n();
  if (!paging || paging.total <= paging.pageSize) return null;
  const first = (paging.page - 1) * paging.pageSize + 1;
  const last = Math.min(paging.total, paging.page * paging.pageSize);
  const href = (p: number) => `${elementHref(element.kind, element.key)}${p > 1 ? `?side=${p}` : ''}#${anchor}`;
  return (
    <>
      <p class="ds-paragraph muted">{t('scope.list.range', { first, last, total: paging.total })}</p>
      <Pager page={paging.page} pageSize={paging.pageSize} total={paging.total} href={href} label={t('scope.element.servicePages')} idPrefix="tjenester-side" />
    </>
  );
}

/**
 * The part of the page that depends on the element's kind: one view per kind. A new kind in
 * `model/kinds.ts` does not compile until it has its entry here (`NoKindSection` when the common
 * parts say all there is).
 */
export const kindViews = {
  solutionPart: SolutionPartView,
  personnelGroup: PersonnelGroupView,
  task: NoKindSection,
  capability: CapabilityView,
  informationCategory: CategoryView,
  informationService: ServiceView,
  deliveryTier: TierView,
  collaborationMode: ExchangesView,
  actor: ExchangesView,
  needLevel: ExchangesView,
  goal: GoalView,
  roadmapPhase: PhaseView,
  milestone: MilestoneView,
  decisionPoint: DecisionPointView,
  stakeholder: NoKindSection,
  nationalProject: ProjectView,
  requirement: RequirementView,
  // Interfaces, national solutions, risks and guidelines show their links in the relations section.
  journalInterface: NoKindSection,
  region: RegionView,
  nationalSolution: NoKindSection,
  risk: NoKindSection,
  guideline: NoKindSection,
} satisfies { [K in ElementKind]: (props: KindViewProps<K>) => Child };

function KindSection({ element, canEdit, canLink = canEdit, ...rest }: Omit<KindViewProps<ElementKind>, 'canLink'> & { element: ScopeElement; canLink?: boolean }) {
  // The record pairs each kind with its view; TypeScript cannot follow that pairing through an index.
  const View = kindViews[element.kind] as (props: KindViewProps<ElementKind>) => Child;
  return <View element={element} canEdit={canEdit} canLink={canLink} {...rest} />;
}

/** For kinds whose page is the common parts only (name, description, requirements, history). */
function NoKindSection(_: KindViewProps<'task' | 'stakeholder' | 'journalInterface' | 'nationalSolution' | 'risk' | 'guideline'>) {
  return null;
}

/** A region of the target picture: its record solution, and the counties that tie municipalities to it. */
function RegionView({ element, model, canEdit }: KindViewProps<'region'>) {
  const { t } = useI18n();
  const counties = model.links.regionCounties.filter((l) => l.regionId === element.id);
  const numbers = new Set(counties.map((l) => l.countyNumber));
  const municipalities = model.municipalities.filter((m) => numbers.has(m.countyNumber));
  const countyName = (n: string) => model.municipalities.find((m) => m.countyNumber === n)?.countyName ?? '';
  return (
    <>
      <Facts rows={[[t('scope.region.recordSolution'), t(`domain.recordSolution.${element.recordSolution}`)]]} />
      <Section id="fylker" title={t('scope.region.counties', { count: counties.length })}>
        {counties.length === 0 ? (
          <Empty>{t('scope.region.counties.none')}</Empty>
        ) : (
          <>
            <ul class="link-list">
              {counties.map((l) => (
                <li>
                  {l.countyNumber} {countyName(l.countyNumber)}
                  <LinkProvenanceNote
                    provenance={l.provenance}
                    edit={canEdit ? { type: 'regionCounties', ends: [element.id, l.countyNumber], otherName: `${l.countyNumber} ${countyName(l.countyNumber)}`, back: elementHref(element.kind, element.key) } : undefined}
                  />
                </li>
              ))}
            </ul>
            <p class="ds-paragraph">
              {t('scope.region.population', { count: municipalities.length, population: formatNumber(municipalities.reduce((sum, m) => sum + m.population, 0), 0) })}
            </p>
          </>
        )}
      </Section>
    </>
  );
}

function ServiceView({ element, model, index, canEdit }: KindViewProps<'informationService'>) {
  return <ServiceSections service={element} model={model} index={index} canEdit={canEdit} />;
}

function CategoryView({ element, model, index, services }: KindViewProps<'informationCategory'>) {
  const { t } = useI18n();
  return (
    <Section id="tjenester" title={t('scope.category.services')}>
      <ServicesByTier services={servicesWhere(model, (s) => s.categoryId === element.id)} index={index} paged={services !== undefined} />
      <ServicePages element={element} paging={services} anchor="tjenester-tittel" />
    </Section>
  );
}

function TierView({ element, model, index, services }: KindViewProps<'deliveryTier'>) {
  const { t } = useI18n();
  return (
    <>
      <Facts rows={[[t('scope.tier.firstDelivery'), element.firstDelivery ? t('common.yes') : t('common.no')]]} />
      <Section id="tjenester" title={t('scope.tier.services')}>
        <ServicesByCategory services={servicesWhere(model, (s) => s.tierId === element.id)} index={index} paged={services !== undefined} />
        <ServicePages element={element} paging={services} anchor="tjenester-tittel" />
      </Section>
    </>
  );
}

function SolutionPartView({ element, model, services }: KindViewProps<'solutionPart'>) {
  const { t } = useI18n();
  const capabilities = model.elements.capability.filter((c) => c.solutionPartId === element.id).sort(byPosition);
  return (
    <>
      <Section id="funksjonsomrader" title={t('scope.solutionPart.capabilities')}>
        <LinkList elements={capabilities} empty={t('scope.solutionPart.capabilities.none')} />
      </Section>
      <Section id="tjenester" title={t('scope.solutionPart.services')}>
        <LinkList elements={servicesWhere(model, (s) => s.solutionPartId === element.id)} empty={t('scope.solutionPart.services.none')} />
        <ServicePages element={element} paging={services} anchor="tjenester-tittel" />
      </Section>
    </>
  );
}

function CapabilityView({ element, model, index, canEdit, services }: KindViewProps<'capability'>) {
  const { t } = useI18n();
  const path: ScopeElement[] = [];
  let parent = index.get('capability', element.parentId);
  while (parent && path.length < 50) {
    path.unshift(parent);
    parent = index.get('capability', parent.parentId);
  }
  const subtree = new Set(subtreeIds(index, element.id));
  const serviceIds = new Set(model.links.serviceCapabilities.filter((l) => subtree.has(l.capabilityId)).map((l) => l.serviceId));
  return (
    <>
      <Facts
        rows={[
          [
            t('scope.capability.solutionPart'),
            <>
              <ElementLink element={index.get('solutionPart', element.solutionPartId)} />
              {element.solutionPartId !== null ? (
                <LinkProvenanceNote
                  provenance={element.solutionPartProvenance}
                  edit={
                    canEdit
                      ? { type: 'capabilitySolutionPart', ends: [element.id], otherName: index.get('solutionPart', element.solutionPartId)?.name ?? '', back: elementHref(element.kind, element.key) }
                      : undefined
                  }
                />
              ) : null}
            </>,
          ],
          [t('scope.capability.parent'), path.length === 0 ? t('scope.capability.topLevel') : <>{path.map((p, i) => <>{i > 0 ? ' › ' : ''}<ElementLink element={p} /></>)}</>],
        ]}
      />
      <Section id="underomrader" title={t('scope.capability.children')}>
        <LinkList elements={index.childrenOf(element.id)} empty={t('scope.capability.children.none')} />
      </Section>
      <Section id="tjenester" title={t('scope.capability.services')}>
        <LinkList elements={servicesWhere(model, (s) => serviceIds.has(s.id))} empty={t('scope.capability.services.none')} />
        <ServicePages element={element} paging={services} anchor="tjenester-tittel" />
      </Section>
    </>
  );
}

function PersonnelGroupView({ element, model, index, services }: KindViewProps<'personnelGroup'>) {
  const { t } = useI18n();
  const links = model.links.servicePersonnelGroups.filter((l) => l.personnelGroupId === element.id);
  return (
    <Section id="tjenester" title={t('scope.personnelGroup.services')}>
      {links.length === 0 ? (
        <Empty>{t('scope.personnelGroup.services.none')}</Empty>
      ) : (
        <table class="ds-table" data-border>
          <caption class="ds-sr-only">{t('scope.personnelGroup.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('scope.column.service')}</th>
              <th scope="col">{t('scope.column.usage')}</th>
            </tr>
          </thead>
          <tbody>
            {links.map((l) => (
              <tr>
                <td>
                  <ElementLink element={index.get('informationService', l.serviceId)} />
                </td>
                <td>{t(`domain.usage.${l.usage}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ServicePages element={element} paging={services} anchor="tjenester-tittel" />
    </Section>
  );
}

function ExchangesView({ element, model, index, services }: KindViewProps<'actor' | 'collaborationMode' | 'needLevel'>) {
  const { t } = useI18n();
  const field = element.kind === 'actor' ? 'actorId' : element.kind === 'collaborationMode' ? 'modeId' : 'needLevelId';
  const links = model.links.serviceExchanges.filter((l) => l[field] === element.id);
  return (
    <Section id="utvekslinger" title={t('scope.exchanges.title')}>
      {links.length === 0 ? (
        <Empty>{t('scope.exchanges.none')}</Empty>
      ) : (
        <table class="ds-table" data-border>
          <caption class="ds-sr-only">{t('scope.exchanges.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('scope.column.service')}</th>
              <th scope="col">{t('scope.column.actor')}</th>
              <th scope="col">{t('scope.column.mode')}</th>
              <th scope="col">{t('scope.column.need')}</th>
            </tr>
          </thead>
          <tbody>
            {links.map((l) => (
              <tr>
                <td><ElementLink element={index.get('informationService', l.serviceId)} /></td>
                <td><ElementLink element={index.get('actor', l.actorId)} /></td>
                <td><ElementLink element={index.get('collaborationMode', l.modeId)} /></td>
                <td><ElementLink element={index.get('needLevel', l.needLevelId)} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ServicePages element={element} paging={services} anchor="utvekslinger-tittel" />
    </Section>
  );
}

function GoalView({ element, model, services }: KindViewProps<'goal'>) {
  const { t } = useI18n();
  const ids = new Set(model.links.serviceGoals.filter((l) => l.goalId === element.id).map((l) => l.serviceId));
  return (
    <Section id="tjenester" title={t('scope.goal.services')}>
      <LinkList elements={servicesWhere(model, (s) => ids.has(s.id))} empty={t('scope.goal.services.none')} />
      <ServicePages element={element} paging={services} anchor="tjenester-tittel" />
    </Section>
  );
}

function ProjectView({ element, model, services }: KindViewProps<'nationalProject'>) {
  const { t } = useI18n();
  const ids = new Set(model.links.serviceDependencies.filter((l) => l.projectId === element.id).map((l) => l.serviceId));
  return (
    <>
      <Facts
        rows={[
          [t('scope.project.id'), String(element.projectNo)],
          [t('scope.project.priorityCategory'), String(element.priorityCategory)],
          [t('scope.project.ownerOrganisation'), element.ownerOrganisation],
          [t('scope.project.owner'), element.owner],
          [t('scope.project.phase'), t(`domain.portfolioPhase.${portfolioPhaseName[element.phase]}`)],
          [t('scope.project.strategicArea'), element.strategicArea],
          [t('scope.project.focusArea'), element.focusArea],
          [t('scope.project.status'), <StatusTag status={element.status} />],
          [t('scope.project.budget'), element.budgetMnok === null ? t('common.notGiven') : t('scope.project.budgetValue', { budget: formatNumber(element.budgetMnok, 2) })],
        ]}
      />
      <Section id="avhengige" title={t('scope.project.dependents')}>
        <LinkList elements={servicesWhere(model, (s) => ids.has(s.id))} empty={t('scope.project.dependents.none')} />
        <ServicePages element={element} paging={services} anchor="avhengige-tittel" />
      </Section>
    </>
  );
}

function PhaseView({ element, model }: KindViewProps<'roadmapPhase'>) {
  const { t, date } = useI18n();
  const items = [...model.elements.milestone, ...model.elements.decisionPoint]
    .filter((i) => i.phaseId === element.id)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return (
    <>
      <Facts rows={[[t('scope.phase.from'), date(element.startsOn)], [t('scope.phase.to'), element.endsOn ? date(element.endsOn) : t('common.none')]]} />
      <Section id="innhold" title={t('scope.phase.items')}>
        <LinkList elements={items} empty={t('scope.phase.items.none')} />
      </Section>
    </>
  );
}

function MilestoneView({ element, index }: KindViewProps<'milestone'>) {
  const { t, date } = useI18n();
  return <Facts rows={[[t('scope.milestone.date'), date(element.startsOn)], [t('scope.milestone.phase'), <ElementLink element={index.get('roadmapPhase', element.phaseId)} />]]} />;
}

function DecisionPointView({ element, index }: KindViewProps<'decisionPoint'>) {
  const { t, date } = useI18n();
  return (
    <Facts
      rows={[
        [t('scope.decision.track'), t(`domain.decisionTrack.${element.track}`)],
        [t('scope.decision.number'), String(element.number)],
        [t('scope.decision.by'), date(element.startsOn)],
        [t('scope.milestone.phase'), <ElementLink element={index.get('roadmapPhase', element.phaseId)} />],
      ]}
    />
  );
}

function RequirementView({ element, model, index, trace, canLink }: KindViewProps<'requirement'>) {
  const { t } = useI18n();
  const about = model.links.requirementElements
    .filter((l) => l.requirementId === element.id)
    .flatMap((l) => {
      const e = index.byId.get(l.elementId);
      return e ? [{ e, provenance: l.provenance }] : [];
    });
  return (
    <>
      <blockquote class="requirement-text">{element.text}</blockquote>
      <Facts
        rows={[
          [t('requirement.facts.ref'), element.ref],
          [t('requirement.facts.priority'), t(`requirementList.priority.${element.priority}`)],
          [t('requirement.facts.status'), t(`requirementList.status.${element.status}`)],
          [t('requirement.facts.rationale'), element.rationale || '–'],
          ...requirementFacts(element, trace, t),
        ]}
      />
      {trace ? <RequirementTraceSection requirement={element} model={model} index={index} trace={trace} canEdit={canLink} /> : (
      <Section id="gjelder" title={t('scope.requirement.about')}>
        {about.length === 0 ? (
          <Empty>{t('scope.requirement.about.none')}</Empty>
        ) : (
          <ul class="link-list">
            {about.map(({ e, provenance }) => (
              <li>
                <ElementLink element={e} /> <span class="muted">({t(`kinds.${e.kind}.singular`)})</span>
                <LinkProvenanceNote provenance={provenance} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      )}
    </>
  );
}

function ServiceSections({ service, model, index, canEdit }: { service: InformationService; model: ScopeModel; index: ModelIndex; canEdit: boolean }) {
  const { t } = useI18n();
  const href = elementHref(service.kind, service.key);
  const edit = (type: LinkType, ends: number[], other: ScopeElement | undefined) =>
    canEdit && other ? { type, ends, otherName: other.name, back: href } : undefined;
  const capabilities = model.links.serviceCapabilities
    .filter((l) => l.serviceId === service.id)
    .flatMap((l) => {
      const e = index.get('capability', l.capabilityId);
      return e ? [{ element: e, provenance: l.provenance, edit: edit('serviceCapabilities', [service.id, e.id], e) }] : [];
    });
  const goals = model.links.serviceGoals
    .filter((l) => l.serviceId === service.id)
    .flatMap((l) => {
      const e = index.get('goal', l.goalId);
      return e ? [{ element: e, provenance: l.provenance, edit: edit('serviceGoals', [service.id, e.id], e) }] : [];
    });
  const projects = model.links.serviceDependencies
    .filter((l) => l.serviceId === service.id)
    .flatMap((l) => {
      const e = index.get('nationalProject', l.projectId);
      return e ? [{ element: e, provenance: l.provenance, edit: edit('serviceDependencies', [service.id, e.id], e) }] : [];
    });
  const exchanges = model.links.serviceExchanges.filter((l) => l.serviceId === service.id);
  const personnel = model.links.servicePersonnelGroups.filter((l) => l.serviceId === service.id);
  return (
    <>
      <Facts
        rows={[
          [t('scope.service.category'), <ElementLink element={index.get('informationCategory', service.categoryId)} />],
          [
            t('scope.service.tier'),
            <>
              <ElementLink element={index.get('deliveryTier', service.tierId)} />{' '}
              <TentativeTag show={service.tierId !== null && service.tierTentative} label={t('scope.service.tierTentative')} />
            </>,
          ],
          [t('scope.service.solutionPart'), <ElementLink element={index.get('solutionPart', service.solutionPartId)} />],
        ]}
      />
      <Section id="aktorer" title={t('scope.service.exchanges', { count: exchanges.length })}>
        {exchanges.length === 0 ? (
          <Empty>{t('scope.service.exchanges.none')}</Empty>
        ) : (
          <table class="ds-table" data-border>
            <caption class="ds-sr-only">{t('scope.service.exchanges.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scope.column.actor')}</th>
                <th scope="col">{t('scope.column.mode')}</th>
                <th scope="col">{t('scope.column.need')}</th>
                <th scope="col">{t('scope.column.provenance')}</th>
              </tr>
            </thead>
            <tbody>
              {exchanges.map((l) => (
                <tr>
                  <td><ElementLink element={index.get('actor', l.actorId)} /></td>
                  <td><ElementLink element={index.get('collaborationMode', l.modeId)} /></td>
                  <td><ElementLink element={index.get('needLevel', l.needLevelId)} /></td>
                  <td>
                    <LinkProvenanceNote provenance={l.provenance} edit={edit('serviceExchanges', [service.id, l.actorId, l.modeId], index.get('actor', l.actorId))} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section id="personellgrupper" title={t('scope.service.personnel', { count: personnel.length })}>
        {personnel.length === 0 ? (
          <Empty>{t('scope.service.personnel.none')}</Empty>
        ) : (
          <ul class="link-list">
            {personnel.map((l) => (
              <li>
                <ElementLink element={index.get('personnelGroup', l.personnelGroupId)} /> – {t(`domain.usage.${l.usage}Lower`)}
                <LinkProvenanceNote provenance={l.provenance} edit={edit('servicePersonnelGroups', [service.id, l.personnelGroupId], index.get('personnelGroup', l.personnelGroupId))} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      {canEdit ? (
        <div id="tjeneste-koblinger" class="element-actions">
          <a
            class="ds-button"
            data-variant="secondary"
            href={`/informasjonstjenester/${service.key}/koblinger`}
            hx-get={`/informasjonstjenester/${service.key}/koblinger`}
            hx-target="#tjeneste-koblinger"
            hx-swap="outerHTML"
          >
            {t('scope.service.editLinks')}
          </a>
          <a class="ds-link" href={matrixRowHref(service)}>
            {t('scope.service.matrixLink')}
          </a>
        </div>
      ) : null}
      <Section id="funksjonsomrader" title={t('scope.service.capabilities', { count: capabilities.length })}>
        <ProvenancedList items={capabilities} empty={t('scope.service.capabilities.none')} />
      </Section>
      <Section id="mal" title={t('scope.service.goals', { count: goals.length })}>
        <ProvenancedList items={goals} empty={t('scope.service.goals.none')} />
      </Section>
      <Section id="avhengigheter" title={t('scope.service.dependencies', { count: projects.length })}>
        {projects.length === 0 ? (
          <Empty>{t('scope.service.dependencies.none')}</Empty>
        ) : (
          <ul class="link-list">
            {projects.map((p) => (
              <li>
                <ElementLink element={p.element} /> <StatusTag status={p.element.status} />
                <LinkProvenanceNote provenance={p.provenance} edit={p.edit} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      <ServiceDiagramSection service={service} model={model} diagram={serviceContext(model, index, service, useI18n())} filter={{ actor: undefined, group: undefined }} standalone={false} />
    </>
  );
}

function ServicesByTier({ services, index, paged }: { services: InformationService[]; index: ModelIndex; paged: boolean }) {
  return <Grouped services={services} groupOf={(s) => index.get('deliveryTier', s.tierId)} noGroup={useI18n().t('scope.detail.noTier')} paged={paged} />;
}

function ServicesByCategory({ services, index, paged }: { services: InformationService[]; index: ModelIndex; paged: boolean }) {
  return <Grouped services={services} groupOf={(s) => index.get('informationCategory', s.categoryId)} noGroup={useI18n().t('scope.detail.noCategory')} paged={paged} />;
}

function Grouped({
  services,
  groupOf,
  noGroup,
  paged,
}: {
  services: InformationService[];
  groupOf: (s: InformationService) => ScopeElement | undefined;
  noGroup: string;
  /** One page of a longer list: a group's count here would be of this page only, so none is shown. */
  paged: boolean;
}) {
  if (services.length === 0) return <Empty>{useI18n().t('scope.detail.services.none')}</Empty>;
  const groups = new Map<number, { group: ScopeElement | undefined; services: InformationService[] }>();
  for (const s of services) {
    const g = groupOf(s);
    const key = g?.id ?? 0;
    const entry = groups.get(key) ?? { group: g, services: [] };
    entry.services.push(s);
    groups.set(key, entry);
  }
  const ordered = [...groups.values()].sort((a, b) => (a.group?.position ?? 1e9) - (b.group?.position ?? 1e9));
  return (
    <>
      {ordered.map(({ group, services: list }) => (
        <div class="service-group">
          <h3 class="ds-heading" data-size="2xs">
            {group ? <ElementLink element={group} /> : noGroup}
            {paged ? null : ` (${formatNumber(list.length)})`}
          </h3>
          <LinkList elements={list} empty="" />
        </div>
      ))}
    </>
  );
}
