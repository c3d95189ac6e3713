import { sql, type Selectable } from 'kysely';
import { elementKinds, unhandledKind, type ElementKind } from '../../model/kinds.ts';
import { MODEL_EXPORT_FORMAT, MODEL_EXPORT_VERSION } from '../../model/export.ts';
import type { ScopeElement, ScopeModel } from '../../model/schemas.ts';
import type { Db } from '../db/index.ts';
import { modelVersion } from '../db/queries/model-change.ts';
import { elementOfRow, linkOfRow, municipalityOfRow, sourceDocumentOfRow, type ElementDetails } from '../db/queries/model.ts';
import type { Database } from '../db/schema.ts';

/** Rows read per query: small enough that a batch's rows and text are a few hundred KB at most. */
const DEFAULT_BATCH = 1000;
/** Text gathered before it is handed on as one chunk. */
const CHUNK_CHARS = 64 * 1024;

/** The model changed while its export was being written: the answer is cut off rather than mixed. */
export class ModelChangedDuringExport extends Error {
  constructor() {
    super('Modellen ble endret mens eksporten ble skrevet; hent den på nytt.');
  }
}

type Row<T extends keyof Database> = Selectable<Database[T]>;
type Links = ScopeModel['links'];

/**
 * The whole-model document of `GET /api/model` (`modelExportSchema`), written piece by piece: the
 * same text, byte for byte, as `JSON.stringify(toModelExport(loadScopeModel(db), exportedAt,
 * loadRequirementStructure(db)))`, but read table by table in batches of `batch` rows (in the
 * document's order, by keyset on each table's ordering), so that memory holds one batch, not the
 * model, and the first bytes leave after the first queries.
 *
 * Each query is its own short read, so a writer is never kept waiting behind a slow reader. To
 * never hand out a document that mixes the model before and after a change, the change counter
 * is read first and again after every batch; if it moved, the generator throws
 * `ModelChangedDuringExport` and the answer ends unfinished (its JSON does not parse).
 */
export async function* modelExportText(db: Db, exportedAt: Date, options: { batch?: number } = {}): AsyncGenerator<string, void, undefined> {
  const batch = options.batch ?? DEFAULT_BATCH;
  const version = await modelVersion(db);
  const unchanged = async () => {
    if ((await modelVersion(db)) !== version) throw new ModelChangedDuringExport();
  };

  let pending = '';
  // Yields the gathered text when it is large enough (or `flush`).
  function* put(text: string, flush = false): Generator<string> {
    pending += text;
    if (pending.length >= CHUNK_CHARS || (flush && pending.length > 0)) {
      const out = pending;
      pending = '';
      yield out;
    }
  }

  /** `"name":[…]` from batches of rows, each batch mapped and checked against the counter. */
  async function* array<T>(name: string, batches: AsyncGenerator<T[]>, open = ''): AsyncGenerator<string> {
    yield* put(`${open}${JSON.stringify(name)}:[`);
    let first = true;
    for await (const items of batches) {
      await unchanged();
      let text = '';
      for (const item of items) {
        text += first ? JSON.stringify(item) : `,${JSON.stringify(item)}`;
        first = false;
      }
      yield* put(text);
    }
    yield* put(']');
  }

  const documents = await db.selectFrom('source_document').select(['id', 'key', 'title', 'published_on', 'publisher', 'line_count']).orderBy('id').execute();
  const docKey = new Map(documents.map((d) => [d.id, d.key]));
  yield* put(`{"format":${JSON.stringify(MODEL_EXPORT_FORMAT)},"formatVersion":${MODEL_EXPORT_VERSION},"exportedAt":${JSON.stringify(exportedAt.toISOString())},`);
  yield* array('sourceDocuments', once(documents.map(sourceDocumentOfRow)));

  yield* put(',"elements":{');
  for (const [i, kind] of elementKinds.entries()) {
    yield* array(kind, elementBatches(db, kind, batch, docKey), i === 0 ? '' : ',');
  }
  yield* put('}');

  yield* put(',"links":{');
  const linkSections = Object.keys(linkReads) as (keyof Links)[];
  for (const [i, name] of linkSections.entries()) {
    yield* array<unknown>(name, linkReads[name](db, batch) as AsyncGenerator<unknown[]>, i === 0 ? '' : ',');
  }
  yield* put('}');

  yield* array('municipalities', mapped(keyset(db, 'municipality', ['number'], batch), municipalityOfRow), ',');
  yield* array(
    'requirementChapters',
    mapped(keyset(db, 'requirement_chapter', ['id'], batch), (c) => ({ id: c.id, parentId: c.parent_id, name: c.name, position: c.position, version: c.version })),
    ',',
  );
  yield* array('requirementTypes', once(await db.selectFrom('requirement_type').select(['key', 'label']).orderBy('position').orderBy('key').execute()), ',');
  yield* array(
    'requirementRelations',
    mapped(keyset(db, 'requirement_relation', ['from_id', 'kind', 'to_id'], batch), (r) => ({ fromId: r.from_id, toId: r.to_id, kind: r.kind })),
    ',',
  );
  yield* put('}', true);
  await unchanged();
}

async function* once<T>(items: T[]): AsyncGenerator<T[]> {
  yield items;
}

async function* mapped<R, T>(batches: AsyncGenerator<R[]>, map: (row: R) => T): AsyncGenerator<T[]> {
  for await (const rows of batches) yield rows.map(map);
}

/**
 * Every row of `table` in the order of `columns` (a unique key), `batch` at a time: each batch
 * starts after the last row of the one before (`(a, b) > (x, y)`), so every batch is one indexed
 * range read, whatever the table's size.
 */
async function* keyset<T extends keyof Database & string>(db: Db, table: T, columns: readonly (keyof Database[T] & string)[], batch: number): AsyncGenerator<Row<T>[]> {
  let after: unknown[] | undefined;
  for (;;) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one generic reader over every table
    let query = (db as any).selectFrom(table).selectAll();
    if (after) query = query.where(sql`(${sql.join(columns.map((c) => sql.ref(c)))}) > (${sql.join(after)})`);
    for (const column of columns) query = query.orderBy(column);
    const rows = (await query.limit(batch).execute()) as Row<T>[];
    if (rows.length > 0) yield rows;
    if (rows.length < batch) return;
    const last = rows.at(-1) as Record<string, unknown>;
    after = columns.map((c) => last[c]);
  }
}

/** The elements of one kind in position order, with their kind's rows, `batch` at a time. */
async function* elementBatches(db: Db, kind: ElementKind, batch: number, docKey: ReadonlyMap<number, string>): AsyncGenerator<ScopeElement[]> {
  let after: [number, number] | undefined;
  for (;;) {
    let query = db.selectFrom('element').selectAll().where('kind', '=', kind);
    if (after) query = query.where(sql<boolean>`(${sql.ref('position')}, ${sql.ref('id')}) > (${after[0]}, ${after[1]})`);
    const rows = await query.orderBy('position').orderBy('id').limit(batch).execute();
    if (rows.length === 0) return;
    const details = await detailsOf(db, kind, rows.map((r) => r.id));
    const elements: ScopeElement[] = [];
    for (const row of rows) {
      const element = elementOfRow(row, details, docKey);
      if (element) elements.push(element);
    }
    yield elements;
    if (rows.length < batch) return;
    const last = rows.at(-1)!;
    after = [last.position, last.id];
  }
}

const noRows = new Map<number, never>();

/** The kind-specific rows of these elements (one query; none for kinds without a table of their own). */
async function detailsOf(db: Db, kind: ElementKind, ids: number[]): Promise<ElementDetails> {
  const details: ElementDetails = { capabilities: noRows, services: noRows, tiers: noRows, needLevels: noRows, roadmap: noRows, projects: noRows, requirements: noRows, regions: noRows };
  const byId = <R extends { element_id: number }>(rows: R[]) => new Map(rows.map((r) => [r.element_id, r]));
  switch (kind) {
    case 'capability':
      return { ...details, capabilities: byId(await db.selectFrom('capability').selectAll().where('element_id', 'in', ids).execute()) };
    case 'informationService':
      return { ...details, services: byId(await db.selectFrom('information_service').selectAll().where('element_id', 'in', ids).execute()) };
    case 'deliveryTier':
      return { ...details, tiers: byId(await db.selectFrom('delivery_tier').selectAll().where('element_id', 'in', ids).execute()) };
    case 'needLevel':
      return { ...details, needLevels: byId(await db.selectFrom('need_level').selectAll().where('element_id', 'in', ids).execute()) };
    case 'roadmapPhase':
    case 'milestone':
    case 'decisionPoint':
      return { ...details, roadmap: byId(await db.selectFrom('roadmap_item').selectAll().where('element_id', 'in', ids).execute()) };
    case 'nationalProject':
      return { ...details, projects: byId(await db.selectFrom('national_project').selectAll().where('element_id', 'in', ids).execute()) };
    case 'requirement':
      return { ...details, requirements: byId(await db.selectFrom('requirement').selectAll().where('element_id', 'in', ids).execute()) };
    case 'region':
      return { ...details, regions: byId(await db.selectFrom('region').selectAll().where('element_id', 'in', ids).execute()) };
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
      return details;
    default:
      return unhandledKind(kind);
  }
}

/** Each link list, in the document's order (the order `loadModelSlice` reads them in). */
const linkReads: { [K in keyof Links]: (db: Db, batch: number) => AsyncGenerator<Links[K]> } = {
  serviceCapabilities: (db, batch) => mapped(keyset(db, 'service_capability', ['service_id', 'capability_id'], batch), linkOfRow.serviceCapabilities),
  serviceGoals: (db, batch) => mapped(keyset(db, 'service_goal', ['service_id', 'goal_id'], batch), linkOfRow.serviceGoals),
  serviceDependencies: (db, batch) => mapped(keyset(db, 'service_dependency', ['service_id', 'project_id'], batch), linkOfRow.serviceDependencies),
  serviceExchanges: (db, batch) => mapped(keyset(db, 'service_exchange', ['service_id', 'actor_id', 'mode_id'], batch), linkOfRow.serviceExchanges),
  servicePersonnelGroups: (db, batch) => mapped(keyset(db, 'service_personnel', ['service_id', 'personnel_group_id'], batch), linkOfRow.servicePersonnelGroups),
  requirementElements: (db, batch) => mapped(keyset(db, 'requirement_element', ['requirement_id', 'element_id'], batch), linkOfRow.requirementElements),
  relations: (db, batch) => mapped(keyset(db, 'element_relation', ['relation', 'from_id', 'to_id'], batch), linkOfRow.relations),
  regionCounties: (db, batch) => mapped(keyset(db, 'region_county', ['region_id', 'county_number'], batch), linkOfRow.regionCounties),
};
