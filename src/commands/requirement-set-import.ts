import type { ImportReport } from '../../model/exchange/import-report.ts';
import { importCounts, reportFingerprint } from '../../model/exchange/import-report.ts';
import { planRequirementImport, type ImportPlan } from '../../model/exchange/requirement-import.ts';
import type { ReadResult } from '../../model/exchange/reqif-read.ts';
import { requirementSetOf, type ExchangeRequirement } from '../../model/exchange/requirement-set.ts';
import { storeTags } from '../../model/requirements.ts';
import { recordAudits, type AuditEntry } from './writes/audit.ts';
import { currentSnapshot } from '../db/queries/baselines.ts';
import type { Db } from '../db/index.ts';
import { actorOf, change, changeAs, permissionFor, type Caller, type Tx } from './run.ts';
import { StaleVersion } from './errors.ts';

/**
 * Use case: import a requirement set read from a file (ReqIF). Always the dry run first: the
 * report says what would be created, changed field by field, and left alone, and every problem.
 * Applying writes the same plan in one transaction, audited as one import with the file name and
 * counts (and one entry per requirement, for its history):
 * - `all`: only when the file has no problems (all or nothing);
 * - `valid`: the architect's explicit choice, the valid parts only, the rest listed in the report.
 * Who may: the policy's `exchange.import`, as every file import.
 */

export type ImportMode = 'dry-run' | 'all' | 'valid';

export interface ImportOutcome {
  report: ImportReport;
  applied: boolean;
  /** Nothing written: planning again inside the transaction gave another report than the one expected. */
  replanned?: boolean;
}

async function planIn(trx: Db | Tx, caller: Caller, read: ReadResult, format: ImportReport['format'], fileName: string) {
  const snapshot = await currentSnapshot(trx, caller.at);
  const elements = await trx.selectFrom('element').select(['kind', 'key']).execute();
  const documents = await trx.selectFrom('source_document').select('key').execute();
  const { report, plan } = planRequirementImport({
    current: requirementSetOf(snapshot),
    incoming: read.set,
    elements: new Set(elements.map((e) => `${e.kind}:${e.key}`)),
    documents: new Set(documents.map((d) => d.key)),
    format,
    fileName,
  });
  report.problems.unshift(...read.problems);
  report.notes.unshift(...read.notes);
  return { report, plan };
}

export async function importRequirementSet(
  db: Db,
  caller: Caller,
  input: { format: ImportReport['format']; fileName: string; read: ReadResult; mode: ImportMode; expectReport?: string },
): Promise<ImportOutcome> {
  if (input.mode === 'dry-run') {
    permissionFor(caller, 'exchange.import');
    const { report } = await planIn(db, caller, input.read, input.format, input.fileName);
    return { report, applied: false };
  }
  return change(db, caller, 'exchange.import', {
    load: (trx) => planIn(trx, caller, input.read, input.format, input.fileName),
    write: async (trx, { report, plan }, audit) => {
      if (input.expectReport !== undefined && reportFingerprint(report) !== input.expectReport) return { report, applied: false, replanned: true };
      if (input.mode === 'all' && report.problems.length > 0) return { report, applied: false };
      const entries = await writePlan(trx, plan, caller);
      await recordAudits(trx, entries.map((e) => ({ ...actorOf(caller), ...e, details: `Import av ${input.fileName}` })));
      await audit({
        action: 'requirement.import',
        entity: 'import',
        entityId: input.fileName.slice(0, 200),
        before: null,
        after: { format: input.format, fileName: input.fileName, mode: input.mode, ...importCounts(report) },
        details: `Import av ${input.fileName}: ${report.created.length} nye, ${report.changed.length} endret, ${report.unchanged.length} uendret, ${report.problems.length} problemer.`,
      });
      return { report, applied: true };
    },
  });
}

/**
 * The same import from `npm run import` (nobody signed in: the command line is the server's own
 * operator), in one transaction, audited as the command line.
 */
export async function importRequirementSetFromCommandLine(
  db: Db,
  input: { format: ImportReport['format']; fileName: string; read: ReadResult; mode: ImportMode; at: Date },
): Promise<ImportOutcome> {
  const caller: Caller = { user: null, at: input.at, clientAddress: null };
  if (input.mode === 'dry-run') return { report: (await planIn(db, caller, input.read, input.format, input.fileName)).report, applied: false };
  return changeAs(db, caller, async (trx, audit) => {
    const { report, plan } = await planIn(trx, caller, input.read, input.format, input.fileName);
    if (input.mode === 'all' && report.problems.length > 0) return { report, applied: false };
    const entries = await writePlan(trx, plan, caller);
    await recordAudits(trx, entries.map((e) => ({ ...actorOf(caller), ...e, details: `Import av ${input.fileName} fra kommandolinjen` })));
    await audit({
      action: 'requirement.import',
      entity: 'import',
      entityId: input.fileName.slice(0, 200),
      before: null,
      after: { format: input.format, fileName: input.fileName, mode: input.mode, via: 'kommandolinjen', ...importCounts(report) },
    });
    return { report, applied: true };
  });
}

type Entry = Omit<AuditEntry, 'at' | 'userId' | 'clientAddress'>;

const refNumber = (ref: string) => Number(ref.replace(/^AKS-/, ''));

function requirementColumns(r: ExchangeRequirement, chapterId: number | null) {
  return {
    text: r.text,
    rationale: r.rationale,
    priority: r.priority,
    status: r.status,
    chapter_id: chapterId,
    type_key: r.type?.key ?? null,
    acceptance_criteria: r.acceptanceCriteria,
    verification_method: r.verificationMethod,
    tags: storeTags(r.tags),
  };
}

function snapshotOf(r: ExchangeRequirement) {
  return {
    name: r.name,
    text: r.text,
    rationale: r.rationale,
    priority: r.priority,
    status: r.status,
    type: r.type?.key ?? '',
    acceptanceCriteria: r.acceptanceCriteria,
    verificationMethod: r.verificationMethod ?? '',
    tags: r.tags.join(', '),
  };
}

/** Writes the plan: types, chapters (parents first), requirements, then links. Returns the audit entries per requirement. */
async function writePlan(trx: Tx, plan: ImportPlan, caller: Caller): Promise<Entry[]> {
  const stamp = caller.at.toISOString();
  const entries: Entry[] = [];
  const documents = new Map((await trx.selectFrom('source_document').select(['id', 'key']).execute()).map((d) => [d.key, d.id]));
  const sourceColumns = (r: ExchangeRequirement) => ({
    source_document_id: r.source ? (documents.get(r.source.document) ?? null) : null,
    source_from: r.source?.fromLine ?? null,
    source_to: r.source?.toLine ?? null,
  });

  if (plan.types.length > 0) {
    const last = await trx.selectFrom('requirement_type').select((eb) => eb.fn.max('position').as('max')).executeTakeFirst();
    await trx
      .insertInto('requirement_type')
      .values(plan.types.map((t, i) => ({ key: t.key, label: t.label, position: Number(last?.max ?? -1) + 1 + i })))
      .execute();
  }

  // Chapters: an existing one is `kap-<id>`; a created one gets its id here.
  const chapterIds = new Map<string, number>();
  const chapterId = (xid: string | null): number | null => {
    if (xid === null) return null;
    const made = chapterIds.get(xid);
    if (made !== undefined) return made;
    const existing = /^kap-(\d+)$/.exec(xid);
    return existing ? Number(existing[1]) : null;
  };
  for (const c of plan.chapters) {
    const row = await trx
      .insertInto('requirement_chapter')
      .values({ name: c.name, parent_id: chapterId(c.parent), position: c.position, created_at: stamp })
      .returning('id')
      .executeTakeFirstOrThrow();
    chapterIds.set(c.xid, row.id);
  }

  // New requirements: their own number when the file has one, else the next from the counter.
  const counter = await trx.selectFrom('counter').select('value').where('name', '=', 'requirement').executeTakeFirst();
  let next = Math.max(counter?.value ?? 0, ...plan.creates.flatMap((r) => (r.ref ? [refNumber(r.ref)] : [])));
  const last = await trx.selectFrom('element').select((eb) => eb.fn.max('position').as('max')).where('kind', '=', 'requirement').executeTakeFirst();
  let position = Number(last?.max ?? -1) + 1;
  const idOfXid = new Map<string, number>();
  for (const r of plan.creates) {
    const ref = r.ref ?? `AKS-${String(++next).padStart(4, '0')}`;
    const row = await trx
      .insertInto('element')
      .values({
        kind: 'requirement',
        key: ref.toLowerCase(),
        name: r.name,
        name_en: r.nameEn,
        description: r.description,
        tentative: r.tentative ? 1 : 0,
        provenance: r.provenance,
        provenance_note: r.provenanceNote,
        ...sourceColumns(r),
        position: position++,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('requirement')
      .values({ element_id: row.id, ref, ...requirementColumns(r, chapterId(r.chapter)) })
      .execute();
    idOfXid.set(r.xid, row.id);
    entries.push({ action: 'element.create', entity: 'element', entityId: row.id, elementId: row.id, before: null, after: { kind: 'requirement', key: ref.toLowerCase(), ref, ...snapshotOf(r) } });
  }
  if (counter) await trx.updateTable('counter').set({ value: next }).where('name', '=', 'requirement').execute();
  else await trx.insertInto('counter').values({ name: 'requirement', value: next }).execute();

  // Changed requirements, each against the version the report was made from.
  for (const u of plan.updates) {
    const current = await trx
      .selectFrom('requirement')
      .innerJoin('element', 'element.id', 'requirement.element_id')
      .select(['element.id', 'element.version'])
      .where('requirement.ref', '=', u.ref)
      .executeTakeFirst();
    if (!current || current.version !== u.version) throw new StaleVersion({ key: 'errors.refused.changedDuringRead.named', values: { ref: u.ref } });
    await trx
      .updateTable('element')
      .set({
        name: u.next.name,
        name_en: u.next.nameEn,
        description: u.next.description,
        tentative: u.next.tentative ? 1 : 0,
        provenance: u.next.provenance,
        provenance_note: u.next.provenanceNote,
        ...sourceColumns(u.next),
        version: u.version + 1,
        updated_at: stamp,
      })
      .where('id', '=', current.id)
      .where('version', '=', u.version)
      .execute();
    await trx.updateTable('requirement').set(requirementColumns(u.next, chapterId(u.next.chapter))).where('element_id', '=', current.id).execute();
    entries.push({ action: 'element.update', entity: 'element', entityId: current.id, elementId: current.id, after: snapshotOf(u.next) });
  }

  // Links, by the requirement's number (existing) or the row just created.
  if (plan.relations.length > 0 || plan.governs.length > 0) {
    const refs = await trx.selectFrom('requirement').select(['ref', 'element_id']).execute();
    const byRef = new Map(refs.map((r) => [`req-${r.ref.toLowerCase()}`, r.element_id]));
    const idOf = (xid: string) => idOfXid.get(xid) ?? byRef.get(xid);
    const touched = new Set<number>();
    for (const l of plan.relations) {
      const from = idOf(l.from);
      const to = idOf(l.to);
      if (from === undefined || to === undefined) continue;
      await trx.insertInto('requirement_relation').values({ from_id: from, to_id: to, kind: l.kind }).execute();
      touched.add(from).add(to);
    }
    if (plan.governs.length > 0) {
      const elements = await trx
        .selectFrom('element')
        .select(['id', 'kind', 'key'])
        .where((eb) => eb.or(plan.governs.map((g) => eb.and([eb('kind', '=', g.element.kind), eb('key', '=', g.element.key)]))))
        .execute();
      const elementId = new Map(elements.map((e) => [`${e.kind}:${e.key}`, e.id]));
      for (const g of plan.governs) {
        const requirement = idOf(g.requirement);
        const element = elementId.get(`${g.element.kind}:${g.element.key}`);
        if (requirement === undefined || element === undefined) continue;
        await trx
          .insertInto('requirement_element')
          .values({
            requirement_id: requirement,
            element_id: element,
            provenance: g.provenance.level,
            provenance_note: g.provenance.note,
            source_from: g.provenance.fromLine,
            source_to: g.provenance.toLine,
          })
          .execute();
        touched.add(requirement).add(element);
      }
    }
    // A link shows on both ends' pages, so a page opened before the import is stale now (as with the link forms).
    const created = new Set(idOfXid.values());
    const bump = [...touched].filter((id) => !created.has(id));
    if (bump.length > 0) {
      await trx
        .updateTable('element')
        .set((eb) => ({ version: eb('version', '+', 1), updated_at: stamp }))
        .where('id', 'in', bump)
        .execute();
    }
  }
  return entries;
}
