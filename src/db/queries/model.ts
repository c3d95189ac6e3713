import { parseTags } from '../../../model/requirements.ts';
import { unhandledKind, type ElementKind } from '../../../model/kinds.ts';
import { provenanceFromRow, provenanceLevels, type ProvenanceLevel } from '../../../model/provenance.ts';
import { emptyScopeModel } from '../../../model/lookup.ts';
import type { RequirementStructure } from '../../../model/export.ts';
import type {
  ElementBase,
  ElementOfKind,
  PortfolioStatus,
  RequirementPriority,
  RecordSolution,
  RelationType,
  RequirementStatus,
  VerificationMethod,
  ScopeElement,
  ScopeModel,
  Usage,
} from '../../../model/schemas.ts';
import { sql, type ExpressionBuilder, type Selectable, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';
import type { ElementRow } from '../tables/elements.ts';

export interface LoadOptions {
  /** Leave out the 357 municipalities when the page has no use for them. */
  municipalities?: boolean;
}

type Executor = Db | Transaction<Database>;

const knownLevels: ReadonlySet<string> = new Set(provenanceLevels);
/** A stored provenance level, or `inferred` for anything else (a set lookup: this runs once per element). */
const provenanceOrInferred = (stored: string): ProvenanceLevel => (knownLevels.has(stored) ? (stored as ProvenanceLevel) : 'inferred');

/**
 * A set of element ids: every one, none, those listed, or those a subquery selects (one `id`
 * column). A page of rows is best listed (read once, e.g. `pageIds`): a subquery with ORDER BY and
 * LIMIT would be evaluated again in every statement of the slice.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a subquery over whichever tables it joins
export type IdSet = 'all' | 'none' | readonly number[] | ((db: Executor) => SelectQueryBuilder<any, any, { id: number }>);

/**
 * Which part of the model to read. The frame (every element of the kinds that do not grow with
 * the content: parts, groups, categories, tiers, actors, modes, the capability tree, goals,
 * projects, the roadmap, …) is always read whole; information services, requirements and the
 * links hang on the sets named here, so a page reads what it shows.
 */
export interface ModelSlice {
  /** The information services read, with all their links. */
  services: IdSet;
  /** The requirements read, with the elements they are about. */
  requirements: IdSet;
  municipalities?: boolean;
}

/**
 * Loads the whole scope model in a fixed number of queries (one per table), whatever its size.
 * Only the whole-model export and changes that check the whole model use it; pages read a slice
 * (`loadModelSlice`). Given a transaction it reads inside it, so a change can check what it
 * reads and write in one go.
 */
export async function loadScopeModel(db: Executor, options: LoadOptions = {}): Promise<ScopeModel> {
  return loadModelSlice(db, { services: 'all', requirements: 'all', municipalities: options.municipalities ?? true });
}

/**
 * The frame and, for a service or a requirement, that one element (by kind and key): what a form or
 * a change to one element reads, never the other services and requirements.
 */
export function oneElementSlice(kind: ElementKind, key: string): ModelSlice {
  const one: IdSet = (q) => q.selectFrom('element').select('id').where('kind', '=', kind).where('key', '=', key);
  return {
    services: kind === 'informationService' ? one : 'none',
    requirements: kind === 'requirement' ? one : 'none',
    municipalities: false,
  };
}

const isList = (set: IdSet): set is readonly number[] => Array.isArray(set);

/** `column in set`, for a listed or a selected set (an empty list matches nothing). */
function idIn(eb: ExpressionBuilder<Database, 'element'> | ExpressionBuilder<Database, 'element_relation'>, column: 'id' | 'from_id', set: Exclude<IdSet, 'all' | 'none'>, trx: Transaction<Database>) {
  const e = eb as unknown as ExpressionBuilder<Database, 'element'>;
  if (!isList(set)) return e(column as 'id', 'in', set(trx));
  return set.length === 0 ? e(sql<number>`0`, '=', 1) : e(column as 'id', 'in', set);
}

/**
 * Several reads as one consistent read, read only: on PostgreSQL one snapshot (REPEATABLE READ,
 * READ ONLY) that neither queues behind the writers' lock nor holds it; on SQLite a deferred BEGIN
 * (WAL gives it a snapshot at its first read) that never takes the write lock another process may
 * hold. Inside a transaction already, the reads join it.
 */
export function readSnapshot<T>(db: Executor, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(work);
}

/** Reads the frame and the slice's services and requirements (with their links) in a fixed number of queries. */
export async function loadModelSlice(db: Executor, slice: ModelSlice): Promise<ScopeModel> {
  return readSnapshot(db, async (trx) => {
    // Narrows a query on `column` to the set (no-op for «all»).
    const within =
      (set: IdSet) =>
      <Q,>(query: Q, column: string): Q => {
        if (set === 'all') return query;
        const q = query as unknown as SelectQueryBuilder<Database, keyof Database, object>;
        if (set === 'none' || (isList(set) && set.length === 0)) return q.where(sql<number>`0`, '=', 1) as unknown as Q;
        return q.where(sql.ref(column), 'in', isList(set) ? set : set(trx)) as unknown as Q;
      };
    const ofServices = within(slice.services);
    const requirementsOnly = within(slice.requirements);
    const elementQuery = trx.selectFrom('element').selectAll().orderBy('kind').orderBy('position').orderBy('id');
    const elementsRead =
      slice.services === 'all' && slice.requirements === 'all'
        ? elementQuery
        : elementQuery.where((eb) => {
            const any = [eb('kind', 'not in', ['informationService', 'requirement'])];
            if (slice.services === 'all') any.push(eb('kind', '=', 'informationService'));
            else if (slice.services !== 'none') any.push(idIn(eb, 'id', slice.services, trx));
            if (slice.requirements === 'all') any.push(eb('kind', '=', 'requirement'));
            else if (slice.requirements !== 'none') any.push(idIn(eb, 'id', slice.requirements, trx));
            return eb.or(any);
          });
    const [
      documents,
      elementRows,
      capabilities,
      services,
      tiers,
      needLevels,
      roadmap,
      projects,
      requirements,
      serviceCapabilities,
      serviceGoals,
      serviceDependencies,
      serviceExchanges,
      servicePersonnelGroups,
      requirementElements,
      regions,
      regionCounties,
      relations,
      municipalities,
    ] = await Promise.all([
      trx.selectFrom('source_document').select(['id', 'key', 'title', 'published_on', 'publisher', 'line_count']).orderBy('id').execute(),
      elementsRead.execute(),
      trx.selectFrom('capability').selectAll().execute(),
      ofServices(trx.selectFrom('information_service').selectAll(), 'element_id').execute(),
      trx.selectFrom('delivery_tier').selectAll().execute(),
      trx.selectFrom('need_level').selectAll().execute(),
      trx.selectFrom('roadmap_item').selectAll().execute(),
      trx.selectFrom('national_project').selectAll().execute(),
      requirementsOnly(trx.selectFrom('requirement').selectAll(), 'element_id').execute(),
      ofServices(trx.selectFrom('service_capability').selectAll(), 'service_id').orderBy('service_id').orderBy('capability_id').execute(),
      ofServices(trx.selectFrom('service_goal').selectAll(), 'service_id').orderBy('service_id').orderBy('goal_id').execute(),
      ofServices(trx.selectFrom('service_dependency').selectAll(), 'service_id').orderBy('service_id').orderBy('project_id').execute(),
      ofServices(trx.selectFrom('service_exchange').selectAll(), 'service_id')
        .orderBy('service_id')
        .orderBy('actor_id')
        .orderBy('mode_id')
        .execute(),
      ofServices(trx.selectFrom('service_personnel').selectAll(), 'service_id').orderBy('service_id').orderBy('personnel_group_id').execute(),
      requirementsOnly(trx.selectFrom('requirement_element').selectAll(), 'requirement_id').orderBy('requirement_id').orderBy('element_id').execute(),
      trx.selectFrom('region').selectAll().execute(),
      trx.selectFrom('region_county').selectAll().orderBy('region_id').orderBy('county_number').execute(),
      // Relations from a service hang on the slice's services; the others belong to the frame.
      (slice.services === 'all'
        ? trx.selectFrom('element_relation').selectAll()
        : trx
            .selectFrom('element_relation')
            .selectAll()
            .where((eb) => {
              const fromService = eb('from_id', 'in', trx.selectFrom('element').select('id').where('kind', '=', 'informationService'));
              const any = [eb.not(fromService)];
              if (slice.services !== 'none') any.push(idIn(eb, 'from_id', slice.services as Exclude<IdSet, 'all' | 'none'>, trx));
              return eb.or(any);
            })
      )
        .orderBy('relation')
        .orderBy('from_id')
        .orderBy('to_id')
        .execute(),
      slice.municipalities === false
        ? Promise.resolve([])
        : trx.selectFrom('municipality').selectAll().orderBy('number').execute(),
    ]);

    const docKey = new Map(documents.map((d) => [d.id, d.key]));
    const details: ElementDetails = {
      capabilities: new Map(capabilities.map((r) => [r.element_id, r])),
      services: new Map(services.map((r) => [r.element_id, r])),
      tiers: new Map(tiers.map((r) => [r.element_id, r])),
      needLevels: new Map(needLevels.map((r) => [r.element_id, r])),
      roadmap: new Map(roadmap.map((r) => [r.element_id, r])),
      projects: new Map(projects.map((r) => [r.element_id, r])),
      requirements: new Map(requirements.map((r) => [r.element_id, r])),
      regions: new Map(regions.map((r) => [r.element_id, r])),
    };

    const { elements } = emptyScopeModel();
    for (const row of elementRows) {
      const element = elementOfRow(row, details, docKey);
      if (element) (elements[element.kind] as ScopeElement[]).push(element);
    }

    return {
      sourceDocuments: documents.map(sourceDocumentOfRow),
      elements,
      links: {
        serviceCapabilities: serviceCapabilities.map(linkOfRow.serviceCapabilities),
        serviceGoals: serviceGoals.map(linkOfRow.serviceGoals),
        serviceDependencies: serviceDependencies.map(linkOfRow.serviceDependencies),
        serviceExchanges: serviceExchanges.map(linkOfRow.serviceExchanges),
        servicePersonnelGroups: servicePersonnelGroups.map(linkOfRow.servicePersonnelGroups),
        requirementElements: requirementElements.map(linkOfRow.requirementElements),
        relations: relations.map(linkOfRow.relations),
        regionCounties: regionCounties.map(linkOfRow.regionCounties),
      },
      municipalities: municipalities.map(municipalityOfRow),
    };
  });
}

/**
 * The requirement structure the JSON export carries beside the elements: chapters (the tree in
 * order), types (in order) and the links between requirements. Three queries.
 */
export async function loadRequirementStructure(db: Executor): Promise<RequirementStructure> {
  const [chapters, types, relations] = await Promise.all([
    db.selectFrom('requirement_chapter').select(['id', 'parent_id', 'name', 'position', 'version']).orderBy('id').execute(),
    db.selectFrom('requirement_type').select(['key', 'label']).orderBy('position').orderBy('key').execute(),
    db.selectFrom('requirement_relation').selectAll().orderBy('from_id').orderBy('kind').orderBy('to_id').execute(),
  ]);
  return {
    requirementChapters: chapters.map((c) => ({ id: c.id, parentId: c.parent_id, name: c.name, position: c.position, version: c.version })),
    requirementTypes: types,
    requirementRelations: relations.map((r) => ({ fromId: r.from_id, toId: r.to_id, kind: r.kind })),
  };
}

/** An element's kind-specific row, by element id, for the elements being mapped. */
export interface ElementDetails {
  capabilities: ReadonlyMap<number, Selectable<Database['capability']>>;
  services: ReadonlyMap<number, Selectable<Database['information_service']>>;
  tiers: ReadonlyMap<number, Selectable<Database['delivery_tier']>>;
  needLevels: ReadonlyMap<number, Selectable<Database['need_level']>>;
  roadmap: ReadonlyMap<number, Selectable<Database['roadmap_item']>>;
  projects: ReadonlyMap<number, Selectable<Database['national_project']>>;
  requirements: ReadonlyMap<number, Selectable<Database['requirement']>>;
  regions: ReadonlyMap<number, Selectable<Database['region']>>;
}

/**
 * One element as the model has it, from its `element` row and its kind's row (`details`); null
 * for a national project or requirement without its row. `docKey`: source document keys by id.
 */
export function elementOfRow(row: ElementRow, details: ElementDetails, docKey: ReadonlyMap<number, string>): ScopeElement | null {
  const b: ElementBase = {
    id: row.id,
    kind: row.kind as ElementKind,
    key: row.key,
    name: row.name,
    nameEn: row.name_en,
    description: row.description,
    source:
      row.source_document_id !== null && row.source_from !== null && row.source_to !== null
        ? { document: docKey.get(row.source_document_id) ?? '', fromLine: row.source_from, toLine: row.source_to }
        : null,
    tentative: row.tentative === 1,
    provenance: provenanceOrInferred(row.provenance),
    provenanceNote: row.provenance_note,
    sourceQuote: row.source_quote,
    position: row.position,
    version: row.version,
  };
  switch (b.kind) {
    case 'solutionPart':
    case 'personnelGroup':
    case 'task':
    case 'informationCategory':
    case 'collaborationMode':
    case 'actor':
    case 'goal':
    case 'stakeholder':
    case 'journalInterface':
    case 'nationalSolution':
    case 'risk':
    case 'guideline':
      return b as ScopeElement;
    case 'region':
      return { ...b, kind: 'region', recordSolution: (details.regions.get(b.id)?.record_solution ?? 'felles-kommunal-journal') as RecordSolution };
    case 'capability': {
      const c = details.capabilities.get(b.id);
      return {
        ...b,
        kind: 'capability',
        parentId: c?.parent_id ?? null,
        solutionPartId: c?.solution_part_id ?? null,
        solutionPartProvenance: provenanceFromRow({
          provenance: c?.solution_part_provenance ?? 'inferred',
          provenance_note: c?.solution_part_note ?? '',
          source_from: c?.solution_part_source_from ?? null,
          source_to: c?.solution_part_source_to ?? null,
        }),
      };
    }
    case 'informationService': {
      const s = details.services.get(b.id);
      return {
        ...b,
        kind: 'informationService',
        categoryId: s?.category_id ?? null,
        tierId: s?.tier_id ?? null,
        tierTentative: s?.tier_tentative === 1,
        solutionPartId: s?.solution_part_id ?? null,
      };
    }
    case 'deliveryTier':
      return { ...b, kind: 'deliveryTier', firstDelivery: details.tiers.get(b.id)?.first_delivery !== 0 };
    case 'needLevel':
      return { ...b, kind: 'needLevel', rank: details.needLevels.get(b.id)?.rank ?? 1 };
    case 'roadmapPhase':
    case 'milestone':
    case 'decisionPoint': {
      const r = details.roadmap.get(b.id);
      const dates = { startsOn: r?.starts_on ?? '1970-01-01', endsOn: r?.ends_on ?? null };
      if (b.kind === 'roadmapPhase') return { ...b, kind: 'roadmapPhase', ...dates };
      if (b.kind === 'milestone') return { ...b, kind: 'milestone', ...dates, phaseId: r?.phase_id ?? null };
      return {
        ...b,
        kind: 'decisionPoint',
        ...dates,
        phaseId: r?.phase_id ?? null,
        track: r?.track === 'samhandling' ? 'samhandling' : 'journal',
        number: r?.decision_no ?? 1,
      };
    }
    case 'nationalProject': {
      const p = details.projects.get(b.id);
      if (!p) return null;
      return {
        ...b,
        kind: 'nationalProject',
        projectNo: p.project_no,
        priorityCategory: p.priority_category,
        ownerOrganisation: p.owner_organisation,
        owner: p.owner,
        phase: p.phase as ElementOfKind['nationalProject']['phase'],
        strategicArea: p.strategic_area,
        focusArea: p.focus_area,
        status: p.status as PortfolioStatus | null,
        budgetMnok: p.budget_mnok,
      };
    }
    case 'requirement': {
      const r = details.requirements.get(b.id);
      if (!r) return null;
      return {
        ...b,
        kind: 'requirement',
        ref: r.ref,
        text: r.text,
        rationale: r.rationale,
        priority: r.priority as RequirementPriority,
        status: r.status as RequirementStatus,
        chapterId: r.chapter_id,
        typeKey: r.type_key,
        acceptanceCriteria: r.acceptance_criteria,
        verificationMethod: r.verification_method as VerificationMethod | null,
        tags: parseTags(r.tags),
        sourceCommentId: r.source_comment_id,
      };
    }
    default:
      return unhandledKind(b.kind);
  }
}

type Row<T extends keyof Database> = Selectable<Database[T]>;
type Links = ScopeModel['links'];

/** Each link list's entry from its table's row. */
export const linkOfRow = {
  serviceCapabilities: (l: Row<'service_capability'>): Links['serviceCapabilities'][number] => ({
    serviceId: l.service_id,
    capabilityId: l.capability_id,
    provenance: provenanceFromRow(l),
  }),
  serviceGoals: (l: Row<'service_goal'>): Links['serviceGoals'][number] => ({ serviceId: l.service_id, goalId: l.goal_id, provenance: provenanceFromRow(l) }),
  serviceDependencies: (l: Row<'service_dependency'>): Links['serviceDependencies'][number] => ({
    serviceId: l.service_id,
    projectId: l.project_id,
    provenance: provenanceFromRow(l),
  }),
  serviceExchanges: (l: Row<'service_exchange'>): Links['serviceExchanges'][number] => ({
    serviceId: l.service_id,
    actorId: l.actor_id,
    modeId: l.mode_id,
    needLevelId: l.need_level_id,
    provenance: provenanceFromRow(l),
  }),
  servicePersonnelGroups: (l: Row<'service_personnel'>): Links['servicePersonnelGroups'][number] => ({
    serviceId: l.service_id,
    personnelGroupId: l.personnel_group_id,
    usage: l.usage as Usage,
    provenance: provenanceFromRow(l),
  }),
  requirementElements: (l: Row<'requirement_element'>): Links['requirementElements'][number] => ({
    requirementId: l.requirement_id,
    elementId: l.element_id,
    provenance: provenanceFromRow(l),
  }),
  relations: (l: Row<'element_relation'>): Links['relations'][number] => ({
    fromId: l.from_id,
    toId: l.to_id,
    relation: l.relation as RelationType,
    provenance: provenanceFromRow(l),
  }),
  regionCounties: (l: Row<'region_county'>): Links['regionCounties'][number] => ({
    regionId: l.region_id,
    countyNumber: l.county_number,
    provenance: provenanceFromRow(l),
  }),
} satisfies { [K in keyof Links]: (row: never) => Links[K][number] };

export const sourceDocumentOfRow = (d: Pick<Row<'source_document'>, 'key' | 'title' | 'published_on' | 'publisher' | 'line_count'>): ScopeModel['sourceDocuments'][number] => ({
  key: d.key,
  title: d.title,
  publishedOn: d.published_on,
  publisher: d.publisher,
  lineCount: d.line_count,
});

export const municipalityOfRow = (m: Row<'municipality'>): ScopeModel['municipalities'][number] => ({
  number: m.number,
  name: m.name,
  countyNumber: m.county_number,
  countyName: m.county_name,
  population: m.population,
});
