import { importCounts, reportFingerprint, reportText, type ImportFieldChange, type ImportReport } from '../../model/exchange/import-report.ts';
import { elementRef, linkNames, MAX_MODEL_JSON_BYTES, planModelImport, readModelDocument, type ModelDocument, type ModelImportPlan, type ModelTarget } from '../../model/exchange/model-import.ts';
import { unhandledKind } from '../../model/kinds.ts';
import { allElements } from '../../model/lookup.ts';
import type { LinkProvenance } from '../../model/provenance.ts';
import { storeTags } from '../../model/requirements.ts';
import type { ScopeElement, ScopeLinks } from '../../model/schemas.ts';
import { recordAudits, type AuditEntry } from './writes/audit.ts';
import { loadRequirementStructure, loadScopeModel } from '../db/queries/model.ts';
import type { Db } from '../db/index.ts';
import type { Database } from '../db/schema.ts';
import { StaleVersion } from './errors.ts';
import { actorOf, change, changeAs, permissionFor, type AuditNote, type Caller, type Tx } from './run.ts';

/*
 * Use case: a JSON model document (`/api/model`, or a baseline's `/api/baselines/<id>`) into the
 * database (issue 15). The dry run reads the file and compares it with the database; applying
 * plans again inside one transaction and writes all of it or nothing (a file with any problem
 * writes nothing), with set-based inserts. Audited once as the import (file name and counts)
 * and once per element created or changed, for its history. Who may: `exchange.import`.
 */

export type ModelImportMode = 'dry-run' | 'all';

export interface ModelImportOutcome {
  report: ImportReport;
  applied: boolean;
  /** Nothing written: planning again inside the transaction gave another report than the one expected. */
  replanned?: boolean;
}

async function targetIn(trx: Db | Tx): Promise<ModelTarget> {
  const [model, structure] = [await loadScopeModel(trx), await loadRequirementStructure(trx)];
  return { model, structure };
}

/** The report (and plan) for a file's text against the database as it is. */
async function planIn(trx: Db | Tx, text: string, fileName: string) {
  const read: ReturnType<typeof readModelDocument> =
    Buffer.byteLength(text) > MAX_MODEL_JSON_BYTES
      ? { ok: false, problems: [reportText({ key: 'import.json.tooLarge', values: { megabytes: MAX_MODEL_JSON_BYTES / 1024 / 1024 } })] }
      : readModelDocument(text);
  if (!read.ok) {
    const report: ImportReport = { format: 'json', fileName, created: [], changed: [], unchanged: [], problems: read.problems, notes: [] };
    return { report, plan: null, doc: null };
  }
  const { report, plan } = planModelImport(read, await targetIn(trx), fileName);
  return { report, plan, doc: read.doc };
}

export async function importModelDocument(
  db: Db,
  caller: Caller | 'command-line',
  input: { fileName: string; text: string; mode: ModelImportMode; at?: Date; expectReport?: string },
): Promise<ModelImportOutcome> {
  const commandLine = caller === 'command-line';
  const who: Caller = commandLine ? { user: null, at: input.at ?? new Date(), clientAddress: null } : caller;
  if (!commandLine) permissionFor(who, 'exchange.import');
  if (input.mode === 'dry-run') return { report: (await planIn(db, input.text, input.fileName)).report, applied: false };
  const steps = async (trx: Tx, planned: Awaited<ReturnType<typeof planIn>>, audit: (note: AuditNote) => Promise<void>): Promise<ModelImportOutcome> => {
    const { report, plan, doc } = planned;
    if (input.expectReport !== undefined && reportFingerprint(report) !== input.expectReport) return { report, applied: false, replanned: true };
    if (!plan || !doc || report.problems.length > 0) return { report, applied: false };
    const entries = await writePlan(trx, plan, doc, who.at, new Map(report.changed.map((c) => [c.ref, c.fields])));
    const via = commandLine ? ' (kommandolinjen)' : '';
    await recordAudits(trx, entries.map((e) => ({ ...actorOf(who), ...e, details: `Import av ${input.fileName}${via}` })));
    const counts = importCounts(report);
    await audit({
      action: 'model.import',
      entity: 'import',
      entityId: input.fileName.slice(0, 200),
      before: null,
      after: { format: 'json', fileName: input.fileName, formatVersion: doc.formatVersion, ...(commandLine ? { via: 'kommandolinjen' } : {}), ...counts },
      details: `Import av ${input.fileName}${via}: ${counts.created} nye, ${counts.changed} endret, ${counts.unchanged} uendret.`,
    });
    return { report, applied: true };
  };
  if (commandLine) return changeAs(db, who, async (trx, audit) => steps(trx, await planIn(trx, input.text, input.fileName), audit));
  return change(db, who, 'exchange.import', { load: (trx) => planIn(trx, input.text, input.fileName), write: (trx, planned, audit) => steps(trx, planned, audit) });
}

// Writing ------------------------------------------------------------------------------------

const CHUNK = 400;

async function inChunks<T>(items: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) await write(items.slice(i, i + CHUNK));
}

const provenanceColumns = (p: LinkProvenance | undefined) => ({
  provenance: p?.level ?? 'inferred',
  provenance_note: p?.note ?? '',
  source_from: p?.fromLine ?? null,
  source_to: p?.toLine ?? null,
});

type KindTable = 'capability' | 'information_service' | 'delivery_tier' | 'need_level' | 'roadmap_item' | 'national_project' | 'requirement' | 'region';

/** The row an element has in its kind's own table (none for kinds with no columns of their own). */
function kindRow(
  e: ScopeElement,
  id: number,
  idOf: (fileId: number | null | undefined) => number | null,
  chapterOf: (fileId: number | null | undefined) => number | null | undefined,
): { table: KindTable; values: Record<string, unknown> } | null {
  switch (e.kind) {
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
      return null;
    case 'capability':
      return {
        table: 'capability',
        values: {
          element_id: id,
          parent_id: idOf(e.parentId),
          solution_part_id: idOf(e.solutionPartId),
          solution_part_provenance: e.solutionPartProvenance.level,
          solution_part_note: e.solutionPartProvenance.note,
          solution_part_source_from: e.solutionPartProvenance.fromLine,
          solution_part_source_to: e.solutionPartProvenance.toLine,
        },
      };
    case 'informationService':
      return {
        table: 'information_service',
        values: { element_id: id, category_id: idOf(e.categoryId), tier_id: idOf(e.tierId), tier_tentative: e.tierTentative ? 1 : 0, solution_part_id: idOf(e.solutionPartId) },
      };
    case 'deliveryTier':
      return { table: 'delivery_tier', values: { element_id: id, first_delivery: e.firstDelivery ? 1 : 0 } };
    case 'needLevel':
      return { table: 'need_level', values: { element_id: id, rank: e.rank } };
    case 'roadmapPhase':
      return { table: 'roadmap_item', values: { element_id: id, starts_on: e.startsOn, ends_on: e.endsOn, phase_id: null, track: null, decision_no: null } };
    case 'milestone':
      return { table: 'roadmap_item', values: { element_id: id, starts_on: e.startsOn, ends_on: e.endsOn, phase_id: idOf(e.phaseId), track: null, decision_no: null } };
    case 'decisionPoint':
      return { table: 'roadmap_item', values: { element_id: id, starts_on: e.startsOn, ends_on: e.endsOn, phase_id: idOf(e.phaseId), track: e.track, decision_no: e.number } };
    case 'nationalProject':
      return {
        table: 'national_project',
        values: {
          element_id: id,
          project_no: e.projectNo,
          priority_category: e.priorityCategory,
          owner_organisation: e.ownerOrganisation,
          owner: e.owner,
          phase: e.phase,
          strategic_area: e.strategicArea,
          focus_area: e.focusArea,
          status: e.status,
          budget_mnok: e.budgetMnok,
        },
      };
    case 'requirement': {
      const chapter = chapterOf(e.chapterId);
      return {
        table: 'requirement',
        values: {
          element_id: id,
          ref: e.ref,
          text: e.text,
          rationale: e.rationale,
          priority: e.priority,
          status: e.status,
          ...(chapter === undefined ? {} : { chapter_id: chapter }),
          type_key: e.typeKey ?? null,
          acceptance_criteria: e.acceptanceCriteria ?? '',
          verification_method: e.verificationMethod ?? null,
          tags: storeTags(e.tags ?? []),
        },
      };
    }
    case 'region':
      return { table: 'region', values: { element_id: id, record_solution: e.recordSolution } };
    default:
      return unhandledKind(e);
  }
}

/** The database row of one link, with the file's ids mapped to the database's. */
const linkRows: { [L in (typeof linkNames)[number]]: { table: keyof Database; key: string[]; row: (l: ScopeLinks[L][number], idOf: (id: number) => number) => Record<string, unknown> } } = {
  serviceCapabilities: { table: 'service_capability', key: ['service_id', 'capability_id'], row: (l, idOf) => ({ service_id: idOf(l.serviceId), capability_id: idOf(l.capabilityId), ...provenanceColumns(l.provenance) }) },
  serviceGoals: { table: 'service_goal', key: ['service_id', 'goal_id'], row: (l, idOf) => ({ service_id: idOf(l.serviceId), goal_id: idOf(l.goalId), ...provenanceColumns(l.provenance) }) },
  serviceDependencies: { table: 'service_dependency', key: ['service_id', 'project_id'], row: (l, idOf) => ({ service_id: idOf(l.serviceId), project_id: idOf(l.projectId), ...provenanceColumns(l.provenance) }) },
  serviceExchanges: {
    table: 'service_exchange',
    key: ['service_id', 'actor_id', 'mode_id'],
    row: (l, idOf) => ({ service_id: idOf(l.serviceId), actor_id: idOf(l.actorId), mode_id: idOf(l.modeId), need_level_id: l.needLevelId === null ? null : idOf(l.needLevelId), ...provenanceColumns(l.provenance) }),
  },
  servicePersonnelGroups: {
    table: 'service_personnel',
    key: ['service_id', 'personnel_group_id'],
    row: (l, idOf) => ({ service_id: idOf(l.serviceId), personnel_group_id: idOf(l.personnelGroupId), usage: l.usage, ...provenanceColumns(l.provenance) }),
  },
  requirementElements: { table: 'requirement_element', key: ['requirement_id', 'element_id'], row: (l, idOf) => ({ requirement_id: idOf(l.requirementId), element_id: idOf(l.elementId), ...provenanceColumns(l.provenance) }) },
  relations: { table: 'element_relation', key: ['from_id', 'to_id', 'relation'], row: (l, idOf) => ({ from_id: idOf(l.fromId), to_id: idOf(l.toId), relation: l.relation, ...provenanceColumns(l.provenance) }) },
  regionCounties: { table: 'region_county', key: ['region_id', 'county_number'], row: (l, idOf) => ({ region_id: idOf(l.regionId), county_number: l.countyNumber, ...provenanceColumns(l.provenance) }) },
};

// Kysely's builders are typed per table; these writes pick the table at run time, their rows built above.
type LooseTx = { insertInto: (t: string) => { values: (v: unknown) => { execute: () => Promise<unknown>; returning: (c: string[]) => { execute: () => Promise<Array<Record<string, unknown>>> } } }; updateTable: (t: string) => LooseUpdate };
type LooseUpdate = { set: (v: unknown) => LooseUpdate; where: (c: string, op: string, v: unknown) => LooseUpdate; executeTakeFirst: () => Promise<{ numUpdatedRows: bigint }> };

async function writePlan(trx: Tx, plan: ModelImportPlan, doc: ModelDocument, at: Date, changes: ReadonlyMap<string, ImportFieldChange[]>): Promise<Array<Omit<AuditEntry, 'at' | 'userId' | 'clientAddress'>>> {
  const loose = trx as unknown as LooseTx;
  const stamp = at.toISOString();

  // Sources (their text stays behind: the document carries no more than its description) and municipalities.
  await inChunks(plan.sourceDocuments.create, (chunk) =>
    trx.insertInto('source_document').values(chunk.map((d) => ({ key: d.key, title: d.title, published_on: d.publishedOn, publisher: d.publisher, body: '', line_count: d.lineCount }))).execute(),
  );
  for (const d of plan.sourceDocuments.update) {
    await trx.updateTable('source_document').set({ title: d.title, published_on: d.publishedOn, publisher: d.publisher, line_count: d.lineCount }).where('key', '=', d.key).execute();
  }
  const documentId = new Map((await trx.selectFrom('source_document').select(['id', 'key']).execute()).map((d) => [d.key, d.id]));
  await inChunks(plan.municipalities.create, (chunk) =>
    trx.insertInto('municipality').values(chunk.map((m) => ({ number: m.number, name: m.name, county_number: m.countyNumber, county_name: m.countyName, population: m.population }))).execute(),
  );
  for (const m of plan.municipalities.update) {
    await trx.updateTable('municipality').set({ name: m.name, county_number: m.countyNumber, county_name: m.countyName, population: m.population }).where('number', '=', m.number).execute();
  }

  // Requirement types and chapters (parents before children).
  if (plan.requirementTypes.create.length > 0) await trx.insertInto('requirement_type').values(plan.requirementTypes.create).execute();
  for (const t of plan.requirementTypes.update) await trx.updateTable('requirement_type').set({ label: t.label }).where('key', '=', t.key).execute();
  const { pathOfFileId, idOfPath } = plan.chapters;
  for (const c of plan.chapters.create) {
    const parent = c.parentId === null ? null : idOfPath.get(pathOfFileId.get(c.parentId)!)!;
    const row = await trx.insertInto('requirement_chapter').values({ parent_id: parent, name: c.name, position: c.position, version: c.version, created_at: stamp }).returning('id').executeTakeFirstOrThrow();
    idOfPath.set(pathOfFileId.get(c.id)!, row.id);
  }
  for (const c of plan.chapters.update) {
    await trx.updateTable('requirement_chapter').set((eb) => ({ position: c.position, version: eb('version', '+', 1) })).where('id', '=', c.id).execute();
  }
  const chapterOf = (fileId: number | null | undefined): number | null | undefined => {
    if (!plan.withChapters) return undefined;
    return fileId == null ? null : (idOfPath.get(pathOfFileId.get(fileId)!) ?? null);
  };

  // Elements: the shared rows first (their ids come back), then each kind's own rows.
  const elementColumns = (e: ScopeElement) => ({
    name: e.name,
    name_en: e.nameEn,
    description: e.description,
    source_document_id: e.source ? (documentId.get(e.source.document) ?? null) : null,
    source_from: e.source?.fromLine ?? null,
    source_to: e.source?.toLine ?? null,
    tentative: e.tentative ? (1 as const) : (0 as const),
    provenance: e.provenance,
    provenance_note: e.provenanceNote,
    source_quote: e.sourceQuote,
    position: e.position,
  });
  const { idOfRef } = plan;
  await inChunks(plan.elements.create, async (chunk) => {
    const rows = await trx
      .insertInto('element')
      .values(chunk.map((e) => ({ kind: e.kind, key: e.key, ...elementColumns(e), version: e.version, created_at: stamp, updated_at: stamp })))
      .returning(['id', 'kind', 'key'])
      .execute();
    for (const r of rows) idOfRef.set(`${r.kind}:${r.key}`, r.id);
  });
  const fileRef = new Map(allElements(doc).map((e) => [e.id, elementRef(e)]));
  const idOf = (fileId: number): number => idOfRef.get(fileRef.get(fileId)!)!;
  const idOrNull = (fileId: number | null | undefined) => (fileId == null ? null : idOf(fileId));

  const created = plan.elements.create.map((e) => ({ e, id: idOfRef.get(elementRef(e))! }));
  const byTable = new Map<KindTable, Array<Record<string, unknown>>>();
  for (const { e, id } of created) {
    const row = kindRow(e, id, idOrNull, (c) => chapterOf(c) ?? null);
    if (!row) continue;
    if (e.kind === 'requirement') row.values.source_comment_id = null;
    byTable.set(row.table, [...(byTable.get(row.table) ?? []), row.values]);
  }
  for (const [table, rows] of byTable) await inChunks(rows, (chunk) => loose.insertInto(table).values(chunk).execute());

  for (const { id, version, element: e } of plan.elements.update) {
    const done = await trx
      .updateTable('element')
      .set({ ...elementColumns(e), version: version + 1, updated_at: stamp })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new StaleVersion({ key: 'errors.refused.changedDuringRead.named', values: { ref: elementRef(e) } });
    const row = kindRow(e, id, idOrNull, chapterOf);
    if (row) {
      const { element_id: _id, ...values } = row.values;
      await loose.updateTable(row.table).set(values).where('element_id', '=', id).executeTakeFirst();
    }
  }

  // Links, then the links between requirements.
  for (const name of linkNames) {
    const shape = linkRows[name] as unknown as { table: string; key: string[]; row: (l: unknown, idOf: (id: number) => number) => Record<string, unknown> };
    const { create, update } = plan.links[name] as { create: unknown[]; update: unknown[] };
    await inChunks(create, (chunk) => loose.insertInto(shape.table).values(chunk.map((l) => shape.row(l, idOf))).execute());
    for (const l of update) {
      const row = shape.row(l, idOf);
      let query = loose.updateTable(shape.table).set(Object.fromEntries(Object.entries(row).filter(([c]) => !shape.key.includes(c))));
      for (const c of shape.key) query = query.where(c, '=', row[c]);
      await query.executeTakeFirst();
    }
  }
  await inChunks(plan.requirementRelations, (chunk) => trx.insertInto('requirement_relation').values(chunk.map((l) => ({ from_id: idOf(l.fromId), to_id: idOf(l.toId), kind: l.kind }))).execute());

  // New requirement numbers never reuse one the file brought in.
  const highest = Math.max(0, ...doc.elements.requirement.map((r) => Number(r.ref.replace(/^AKS-/, ''))));
  if (highest > 0) {
    const counter = await trx.selectFrom('counter').select('value').where('name', '=', 'requirement').executeTakeFirst();
    if (!counter) await trx.insertInto('counter').values({ name: 'requirement', value: highest }).execute();
    else if (counter.value < highest) await trx.updateTable('counter').set({ value: highest }).where('name', '=', 'requirement').execute();
  }

  return [
    ...created.map(({ e, id }) => ({ action: 'element.create', entity: 'element', entityId: id, elementId: id, before: null, after: { kind: e.kind, key: e.key, name: e.name } })),
    ...plan.elements.update.map(({ id, element: e }) => {
      const fields = changes.get(elementRef(e)) ?? [];
      return {
        action: 'element.update',
        entity: 'element',
        entityId: id,
        elementId: id,
        before: Object.fromEntries(fields.map((f) => [f.field, f.before])),
        after: Object.fromEntries(fields.map((f) => [f.field, f.after])),
      };
    }),
  ];
}
