import { sql, type Expression, type ExpressionBuilder, type SqlBool, type Transaction } from 'kysely';
import type { ElementKind } from '../../../model/kinds.ts';
import { say } from '../../../model/messages.ts';
import { likePattern, requirementPageSize, type RequirementFilter, type RequirementListQuery } from '../../../model/requirement-list.ts';
import { chapterSubtree, numberChapters, type NumberedChapter } from '../../../model/requirements.ts';
import { requirementPriorities, requirementStatuses, type RequirementPriority, type RequirementStatus } from '../../../model/schemas.ts';
import type { BulkRow } from '../../../model/requirement-bulk.ts';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';

/*
 * The requirement list at any size (issue 13): the filter, sort and page in SQL, so a page reads
 * its 50 rows and their links whatever the number of requirements. A fixed number of queries:
 * chapters, types and tiers (the filter's choices), the element named by the filter (when one
 * is), the count, the page, and the page's links.
 *
 * `resolveRequirementFilter` + `whereRequirementFilter` are the one meaning of "the current
 * filter" (the list, its bulk actions and the spreadsheet export use them).
 */

type Executor = Db | Transaction<Database>;
type RequirementScope = ExpressionBuilder<Database & { r: Database['requirement']; e: Database['element'] }, 'r' | 'e'>;

/** A filter with its names turned into ids (chapters with their sections, the element). */
export interface ResolvedRequirementFilter {
  filter: RequirementFilter;
  /** The chapter and its sections, `'none'` for requirements in no chapter. */
  chapterIds?: number[] | 'none';
  elementId?: number;
}

export interface RequirementListChoices {
  chapters: NumberedChapter[];
  types: Array<{ key: string; label: string }>;
  tiers: Array<{ key: string; name: string }>;
}

/** What the filter's choices are, in three queries (chapters, types, tiers). */
export async function loadRequirementListChoices(db: Executor): Promise<RequirementListChoices> {
  const [chapters, types, tiers] = await Promise.all([
    db.selectFrom('requirement_chapter').select(['id', 'parent_id', 'name', 'position', 'version']).execute(),
    db.selectFrom('requirement_type').select(['key', 'label']).orderBy('position').orderBy('key').execute(),
    db.selectFrom('element').select(['key', 'name']).where('kind', '=', 'deliveryTier').orderBy('position').orderBy('id').execute(),
  ]);
  return {
    chapters: numberChapters(chapters.map((c) => ({ id: c.id, parentId: c.parent_id, name: c.name, position: c.position, version: c.version }))),
    types,
    tiers,
  };
}

/** The parameter that names nothing, and why: a say() key the route says in the reader's language. */
export type FilterProblem = { field: keyof RequirementFilter; message: string };

/**
 * The filter with ids, or the parameter that names nothing (one query when the filter names an
 * element, none otherwise).
 */
export async function resolveRequirementFilter(db: Executor, filter: RequirementFilter, choices: RequirementListChoices): Promise<ResolvedRequirementFilter | FilterProblem> {
  const resolved: ResolvedRequirementFilter = { filter };
  if (filter.chapter === 'none') resolved.chapterIds = 'none';
  else if (filter.chapter !== undefined) {
    if (!choices.chapters.some((c) => c.id === filter.chapter)) return { field: 'chapter', message: say('validation.filter.chapter', { number: String(filter.chapter) }) };
    resolved.chapterIds = [...chapterSubtree(choices.chapters, filter.chapter)];
  }
  if (filter.type !== undefined && filter.type !== 'none' && !choices.types.some((t) => t.key === filter.type)) {
    return { field: 'type', message: say('validation.filter.type', { key: filter.type }) };
  }
  if (filter.tier !== undefined && !choices.tiers.some((t) => t.key === filter.tier)) {
    return { field: 'tier', message: say('validation.filter.tier', { key: filter.tier }) };
  }
  if (filter.element) {
    const element = await db.selectFrom('element').select('id').where('kind', '=', filter.element.kind).where('key', '=', filter.element.key).executeTakeFirst();
    if (!element) return { field: 'element', message: say('validation.filter.element', { ref: `${filter.element.kind}:${filter.element.key}` }) };
    resolved.elementId = element.id;
  }
  return resolved;
}

export function isFilterProblem(x: ResolvedRequirementFilter | FilterProblem): x is FilterProblem {
  return 'message' in x;
}

/** The filter as a WHERE over `requirement as r` joined with `element as e` (its element row). */
export function whereRequirementFilter(eb: RequirementScope, resolved: ResolvedRequirementFilter): Expression<SqlBool> {
  const { filter } = resolved;
  const all: Array<Expression<SqlBool>> = [];
  if (resolved.chapterIds === 'none') all.push(eb('r.chapter_id', 'is', null));
  else if (resolved.chapterIds) all.push(eb('r.chapter_id', 'in', resolved.chapterIds));
  if (filter.type === 'none') all.push(eb('r.type_key', 'is', null));
  else if (filter.type) all.push(eb('r.type_key', '=', filter.type));
  if (filter.priority) all.push(eb('r.priority', '=', filter.priority));
  if (filter.status) all.push(eb('r.status', '=', filter.status));
  if (resolved.elementId !== undefined) {
    const elementId = resolved.elementId;
    const direct = eb.exists(eb.selectFrom('requirement_element as re').select('re.element_id').whereRef('re.requirement_id', '=', 'r.element_id').where('re.element_id', '=', elementId));
    // A capability is governed by what governs it and what governs a service it supports, as the traceability view counts it.
    all.push(
      filter.element?.kind === 'capability'
        ? eb.or([
            direct,
            eb.exists(
              eb
                .selectFrom('requirement_element as rs')
                .innerJoin('service_capability as sc', 'sc.service_id', 'rs.element_id')
                .select('rs.element_id')
                .whereRef('rs.requirement_id', '=', 'r.element_id')
                .where('sc.capability_id', '=', elementId),
            ),
          ])
        : direct,
    );
  }
  if (filter.tier) {
    const tier = filter.tier;
    all.push(
      eb.exists(
        eb
          .selectFrom('requirement_element as rt')
          .innerJoin('information_service as s', 's.element_id', 'rt.element_id')
          .innerJoin('element as t', 't.id', 's.tier_id')
          .select('rt.element_id')
          .whereRef('rt.requirement_id', '=', 'r.element_id')
          .where('t.kind', '=', 'deliveryTier')
          .where('t.key', '=', tier),
      ),
    );
  }
  if (filter.q) {
    const pattern = likePattern(filter.q);
    const like = (column: 'r.ref' | 'e.name' | 'r.text') => sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
    all.push(eb.or([like('r.ref'), like('e.name'), like('r.text')]));
  }
  return eb.and(all);
}

/** The filtered requirements' element ids, as a subquery (for bulk actions over "all filtered"). */
export function filteredRequirementIds(db: Executor, resolved: ResolvedRequirementFilter) {
  return db
    .selectFrom('requirement as r')
    .innerJoin('element as e', 'e.id', 'r.element_id')
    .select('r.element_id as id')
    .where((eb) => whereRequirementFilter(eb, resolved));
}

export interface RequirementListRow {
  id: number;
  key: string;
  ref: string;
  name: string;
  text: string;
  priority: RequirementPriority;
  status: RequirementStatus;
  chapterId: number | null;
  typeKey: string | null;
  tentative: boolean;
  version: number;
  updatedAt: string;
  /** The elements it governs, by kind and name. */
  governs: Array<{ kind: ElementKind; key: string; name: string }>;
}

export interface RequirementListPage {
  rows: RequirementListRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** Orders within a CASE: the list order of statuses, priorities and chapters (tree order). */
function rankOf<T extends string | number>(column: 'r.priority' | 'r.status' | 'r.chapter_id', values: readonly T[]) {
  // (Never a bare constant: ORDER BY 0 names a column position, an error in both engines.)
  if (values.length === 0) return sql<number>`case when ${sql.ref(column)} is null then 1 else 0 end`;
  // Ranks as literals: a bound parameter would be text to PostgreSQL, and sort "10" before "2".
  return sql<number>`case ${sql.join(values.map((v, i) => sql`when ${sql.ref(column)} = ${v} then ${sql.lit(i)}`), sql` `)} else ${sql.lit(values.length)} end`;
}

/** The filtered requirements' rows on `query.side`, sorted, and the number filtered; three queries. */
export async function loadRequirementListPage(db: Executor, resolved: ResolvedRequirementFilter, query: RequirementListQuery, choices: RequirementListChoices): Promise<RequirementListPage> {
  const base = db
    .selectFrom('requirement as r')
    .innerJoin('element as e', 'e.id', 'r.element_id')
    .where((eb) => whereRequirementFilter(eb, resolved));
  const dir = query.dir;
  const byRef = (q: typeof ordered) => q.orderBy(sql`length(${sql.ref('r.ref')})`, dir).orderBy('r.ref', dir);
  let ordered = base.select([
    'r.element_id as id',
    'e.key',
    'r.ref',
    'e.name',
    'r.text',
    'r.priority',
    'r.status',
    'r.chapter_id',
    'r.type_key',
    'e.tentative',
    'e.version',
    'e.updated_at',
  ]);
  switch (query.sort) {
    case 'id':
      break;
    case 'chapter':
      ordered = ordered.orderBy(rankOf('r.chapter_id', choices.chapters.map((c) => c.id)), dir);
      break;
    case 'priority':
      ordered = ordered.orderBy(rankOf('r.priority', requirementPriorities), dir);
      break;
    case 'status':
      ordered = ordered.orderBy(rankOf('r.status', requirementStatuses), dir);
      break;
    case 'changed':
      ordered = ordered.orderBy('e.updated_at', dir);
      break;
  }
  // Ties by number then id, so the order is the same on every request and every page.
  ordered = byRef(ordered).orderBy('r.element_id', dir);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ordered
      .limit(requirementPageSize)
      .offset((query.side - 1) * requirementPageSize)
      .execute(),
  ]);
  const ids = rows.map((r) => r.id);
  const links =
    ids.length === 0
      ? []
      : await db
          .selectFrom('requirement_element as re')
          .innerJoin('element as x', 'x.id', 're.element_id')
          .select(['re.requirement_id', 'x.kind', 'x.key', 'x.name'])
          .where('re.requirement_id', 'in', ids)
          .orderBy('re.requirement_id')
          .orderBy('x.kind')
          .orderBy('x.position')
          .orderBy('x.id')
          .execute();
  const governs = new Map<number, RequirementListRow['governs']>();
  for (const l of links) {
    const list = governs.get(l.requirement_id) ?? [];
    list.push({ kind: l.kind as ElementKind, key: l.key, name: l.name });
    governs.set(l.requirement_id, list);
  }
  return {
    total: Number(count.n),
    page: query.side,
    pageSize: requirementPageSize,
    rows: rows.map((r) => ({
      id: r.id,
      key: r.key,
      ref: r.ref,
      name: r.name,
      text: r.text,
      priority: r.priority as RequirementPriority,
      status: r.status as RequirementStatus,
      chapterId: r.chapter_id,
      typeKey: r.type_key,
      tentative: r.tentative === 1,
      version: r.version,
      updatedAt: r.updated_at,
      governs: governs.get(r.id) ?? [],
    })),
  };
}

/** Ids per statement in a bulk read or write: well under any engine's limit on parameters. */
export const bulkChunk = 1000;

export function chunksOf<T>(items: readonly T[], size = bulkChunk): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The requirements a bulk action acts on, by id (the ticked ones, or the pinned ones of a
 * confirmation) or by the filter, in number order, each with whether it already governs
 * `linkElementId`. One query per thousand ids, one for a filter.
 */
export async function loadBulkRows(db: Executor, which: { ids: readonly number[] } | { filter: ResolvedRequirementFilter }, linkElementId: number | null): Promise<BulkRow[]> {
  const query = (narrow: (eb: RequirementScope) => Expression<SqlBool>) =>
    db
      .selectFrom('requirement as r')
      .innerJoin('element as e', 'e.id', 'r.element_id')
      .select((eb) => [
        'r.element_id as id',
        'r.ref',
        'e.key',
        'e.name',
        'e.version',
        'r.status',
        'r.chapter_id',
        (linkElementId === null
          ? sql<number>`0`
          : sql<number>`case when ${eb.exists(eb.selectFrom('requirement_element as rl').select('rl.element_id').whereRef('rl.requirement_id', '=', 'r.element_id').where('rl.element_id', '=', linkElementId))} then 1 else 0 end`
        ).as('linked'),
      ])
      .where(narrow)
      .orderBy(sql`length(${sql.ref('r.ref')})`)
      .orderBy('r.ref')
      .orderBy('r.element_id')
      .execute();
  const rows =
    'ids' in which
      ? (await Promise.all(chunksOf([...new Set(which.ids)]).map((ids) => query((eb) => eb('r.element_id', 'in', ids))))).flat()
      : await query((eb) => whereRequirementFilter(eb, which.filter));
  if ('ids' in which) rows.sort((a, b) => a.ref.length - b.ref.length || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : a.id - b.id));
  return rows.map((r) => ({
    id: r.id,
    ref: r.ref,
    key: r.key,
    name: r.name,
    version: r.version,
    status: r.status as RequirementStatus,
    chapterId: r.chapter_id,
    linked: Number(r.linked) === 1,
  }));
}
