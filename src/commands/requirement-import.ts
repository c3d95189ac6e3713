import { randomBytes } from 'node:crypto';
import { planImport, rowsLeftOut, displayValues, type HeaderRefusal, type ImportPlan, type ImportReport, type ImportState, type SheetTable } from '../../model/exchange/sheet-import.ts';
import { storeTags } from '../../model/requirements.ts';
import { recordAudits, type AuditActor, type AuditEntry } from './writes/audit.ts';
import { loadImportState } from '../db/queries/requirement-import.ts';
import type { Db } from '../db/index.ts';
import { NotFound, RuleRefused } from './errors.ts';
import { actorOf, change, changeAs, type Caller, type Tx } from './run.ts';

/*
 * Use cases: importing the requirement spreadsheet (issue 15). An upload is kept, bound to its
 * user, until it expires; its dry run stores the report and the fingerprint of the plan; applying
 * plans again from the same rows inside one transaction and writes only if the plan is still the
 * one the report showed. Applying is all or nothing, or (the architect's explicit choice) only
 * the valid rows, with the rest listed. Creates take new requirement numbers from the counter
 * (never a number from the file, never one used before); updates carry the version check. One
 * audit entry names the import with its file and counts, and each requirement's history gets its
 * own entry.
 */

/** How long an upload waits for its apply. */
export const IMPORT_FILE_HOURS = 2;

export type ApplyMode = 'all' | 'valid';

export interface ImportResult {
  fileName: string;
  mode: ApplyMode;
  created: Array<{ row: number; ref: string; name: string }>;
  changed: Array<{ row: number; ref: string }>;
  unchanged: number;
  /** Rows not applied: with a problem or in conflict. */
  leftOut: number[];
}

export type ApplyOutcome =
  | { outcome: 'applied'; result: ImportResult }
  /** Nothing written: the plan is not the one the dry run showed (the data changed since); here is the new report. */
  | { outcome: 'replanned'; report: ImportReport }
  /** Nothing written: all or nothing was asked for, and some rows cannot be applied. */
  | { outcome: 'refused'; report: ImportReport };

/** Stores an uploaded file's rows for its dry run and apply; returns its id (secret, random). */
export function storeSheetUpload(db: Db, caller: Caller, input: { fileName: string; table: SheetTable }): Promise<{ id: string }> {
  return change(db, caller, 'exchange.import', {
    load: async () => caller.user!,
    write: async (trx, user) => {
      const now = caller.at.toISOString();
      await trx.deleteFrom('import_file').where('expires_at', '<', now).execute();
      const id = randomBytes(18).toString('base64url');
      await trx
        .insertInto('import_file')
        .values({
          id,
          user_id: user.id,
          kind: 'sheet',
          file_name: input.fileName,
          content: JSON.stringify(input.table),
          created_at: now,
          expires_at: new Date(caller.at.getTime() + IMPORT_FILE_HOURS * 3_600_000).toISOString(),
        })
        .execute();
      return { id };
    },
  });
}

export interface StoredImport {
  id: string;
  fileName: string;
  table: SheetTable;
  report: ImportReport | null;
  fingerprint: string | null;
  result: ImportResult | null;
  appliedAt: string | null;
  expiresAt: string;
}

/** The caller's own upload that has not expired; anyone else's is "not found". */
export async function loadSheetUpload(db: Db | Tx, caller: Caller, id: string): Promise<StoredImport> {
  const row = await db
    .selectFrom('import_file')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', caller.user?.id ?? -1)
    .where('kind', '=', 'sheet')
    .executeTakeFirst();
  if (!row || (row.applied_at === null && row.expires_at < caller.at.toISOString())) {
    throw new NotFound({ key: 'errors.refused.importGone' });
  }
  return {
    id: row.id,
    fileName: row.file_name,
    table: JSON.parse(row.content) as SheetTable,
    report: row.report === null ? null : (JSON.parse(row.report) as ImportReport),
    fingerprint: row.fingerprint,
    result: row.result === null ? null : (JSON.parse(row.result) as ImportResult),
    appliedAt: row.applied_at,
    expiresAt: row.expires_at,
  };
}

/** The plan for rows against the database as it is now (reads only). */
export async function planSheetImport(db: Db | Tx, table: SheetTable, fileName: string): Promise<ImportPlan | { refusal: HeaderRefusal }> {
  return planImport(table, fileName, await loadImportState(db));
}

/** Runs the dry run of a stored upload and keeps its report and fingerprint with it. */
export async function dryRunSheetUpload(db: Db, caller: Caller, id: string): Promise<ImportPlan | { refusal: HeaderRefusal }> {
  return change(db, caller, 'exchange.import', {
    load: (trx) => loadSheetUpload(trx, caller, id),
    write: async (trx, upload) => {
      const plan = planImport(upload.table, upload.fileName, await loadImportState(trx));
      if ('refusal' in plan) return plan;
      await trx.updateTable('import_file').set({ report: JSON.stringify(plan.report), fingerprint: plan.fingerprint }).where('id', '=', upload.id).execute();
      return plan;
    },
  });
}

/** Applies a stored upload whose dry run the caller has seen, as `mode` says. */
export function applySheetUpload(db: Db, caller: Caller, id: string, mode: ApplyMode, progress: (done: number, total: number) => void = () => {}): Promise<ApplyOutcome> {
  return change(db, caller, 'exchange.import', {
    load: (trx) => loadSheetUpload(trx, caller, id),
    check: (upload) => {
      if (upload.appliedAt !== null) throw new RuleRefused({ key: 'errors.refused.alreadyImported' }, { key: 'errors.refused.alreadyImported.title' });
      if (upload.fingerprint === null) throw new RuleRefused({ key: 'errors.refused.noDryRun' }, { key: 'errors.refused.noDryRun.title' });
    },
    write: async (trx, upload) => {
      const state = await loadImportState(trx);
      const plan = planImport(upload.table, upload.fileName, state);
      if ('refusal' in plan) throw new RuleRefused({ key: 'errors.refused.unreadableSheet' });
      if (plan.fingerprint !== upload.fingerprint) {
        await trx.updateTable('import_file').set({ report: JSON.stringify(plan.report), fingerprint: plan.fingerprint }).where('id', '=', upload.id).execute();
        return { outcome: 'replanned', report: plan.report };
      }
      if (mode === 'all' && rowsLeftOut(plan.report).length > 0) return { outcome: 'refused', report: plan.report };
      const result = await writePlan(trx, plan, state, { mode, fileName: upload.fileName, importId: upload.id, actor: actorOf(caller), progress });
      await trx.updateTable('import_file').set({ result: JSON.stringify(result), applied_at: caller.at.toISOString() }).where('id', '=', upload.id).execute();
      return { outcome: 'applied', result };
    },
  });
}

/**
 * `npm run import`: the same plan and writes, run by whoever has the database at hand (as the
 * seed and the baseline commands), recorded as the command line. A dry run writes nothing.
 */
export async function importFromCommandLine(
  db: Db,
  input: { table: SheetTable; fileName: string; dryRun: boolean; mode: ApplyMode; at: Date },
): Promise<{ plan: ImportPlan | { refusal: HeaderRefusal }; applied: ApplyOutcome | null }> {
  if (input.dryRun) return { plan: await planSheetImport(db, input.table, input.fileName), applied: null };
  const actor: AuditActor = { at: input.at, userId: null, clientAddress: null };
  return changeAs(db, { user: null, at: input.at, clientAddress: null }, async (trx) => {
    const state = await loadImportState(trx);
    const plan = planImport(input.table, input.fileName, state);
    if ('refusal' in plan) return { plan, applied: null };
    if (input.mode === 'all' && rowsLeftOut(plan.report).length > 0) return { plan, applied: { outcome: 'refused', report: plan.report } };
    const result = await writePlan(trx, plan, state, { mode: input.mode, fileName: input.fileName, importId: null, actor, progress: () => {}, via: 'kommandolinjen' });
    return { plan, applied: { outcome: 'applied', result } };
  });
}

/** Lets the server answer other requests (a progress poll) between chunks of a long import. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const CHUNK = 400;

async function writePlan(
  trx: Tx,
  plan: ImportPlan,
  state: ImportState,
  options: { mode: ApplyMode; fileName: string; importId: string | null; actor: AuditActor; progress: (done: number, total: number) => void; via?: string },
): Promise<ImportResult> {
  const { actor, fileName } = options;
  const stamp = actor.at.toISOString();
  const total = plan.creates.length + plan.updates.length;
  let done = 0;
  const audits: AuditEntry[] = [];
  const from = `Import fra «${fileName}»${options.via ? ` (${options.via})` : ''}`;
  const touchedTargets = new Set<number>();
  const idOf = (link: string) => state.elements.get(link)!;
  options.progress(0, total);

  // New requirements: numbers from the counter, in one step for the whole file.
  const created: ImportResult['created'] = [];
  if (plan.creates.length > 0) {
    const n = plan.creates.length;
    const bumped = await trx
      .updateTable('counter')
      .set((eb) => ({ value: eb('value', '+', n) }))
      .where('name', '=', 'requirement')
      .returning('value')
      .executeTakeFirst();
    const last = bumped?.value ?? n;
    if (!bumped) await trx.insertInto('counter').values({ name: 'requirement', value: last }).execute();
    const firstNumber = last - n + 1;
    const position = await trx
      .selectFrom('element')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('kind', '=', 'requirement')
      .executeTakeFirst();
    let nextPosition = Number(position?.max ?? -1) + 1;
    for (let i = 0; i < n; i += CHUNK) {
      const chunk = plan.creates.slice(i, i + CHUNK).map((c, j) => {
        const ref = `AKS-${String(firstNumber + i + j).padStart(4, '0')}`;
        return { ...c, ref, key: ref.toLowerCase(), position: nextPosition++ };
      });
      const ids = await trx
        .insertInto('element')
        .values(
          chunk.map((c) => ({
            kind: 'requirement',
            key: c.key,
            name: c.values.name,
            name_en: null,
            description: '',
            tentative: 0 as const,
            provenance: 'inferred',
            provenance_note: '',
            position: c.position,
            created_at: stamp,
            updated_at: stamp,
          })),
        )
        .returning(['id', 'key'])
        .execute();
      const idByKey = new Map(ids.map((r) => [r.key, r.id]));
      await trx
        .insertInto('requirement')
        .values(
          chunk.map((c) => ({
            element_id: idByKey.get(c.key)!,
            ref: c.ref,
            text: c.values.text,
            rationale: c.values.rationale,
            priority: c.values.priority,
            status: c.values.status,
            chapter_id: c.values.chapterId,
            type_key: c.values.typeKey,
            acceptance_criteria: c.values.acceptanceCriteria,
            verification_method: c.values.verificationMethod,
            tags: storeTags(c.values.tags),
            source_comment_id: null,
          })),
        )
        .execute();
      const links = chunk.flatMap((c) => c.values.linked.map((l) => ({ requirement_id: idByKey.get(c.key)!, element_id: idOf(l) })));
      for (let k = 0; k < links.length; k += 2000) await trx.insertInto('requirement_element').values(links.slice(k, k + 2000)).execute();
      for (const l of links) touchedTargets.add(l.element_id);
      for (const c of chunk) {
        const id = idByKey.get(c.key)!;
        created.push({ row: c.row, ref: c.ref, name: c.values.name });
        audits.push({
          ...actor,
          action: 'element.create',
          entity: 'element',
          entityId: id,
          elementId: id,
          before: null,
          after: { kind: 'requirement', key: c.key, ref: c.ref, ...displayValues(c.values, state) },
          details: from,
        });
      }
      done += chunk.length;
      options.progress(done, total);
      await nextTurn();
    }
  }

  // Changed requirements: each against the version the dry run compared with.
  const changed: ImportResult['changed'] = [];
  for (const [i, u] of plan.updates.entries()) {
    const updated = await trx
      .updateTable('element')
      .set((eb) => ({ name: u.values.name, version: eb('version', '+', 1), updated_at: stamp }))
      .where('id', '=', u.id)
      .where('version', '=', u.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new RuleRefused({ key: 'errors.refused.changedDuringImport', values: { ref: u.ref } });
    await trx
      .updateTable('requirement')
      .set({
        text: u.values.text,
        rationale: u.values.rationale,
        priority: u.values.priority,
        status: u.values.status,
        chapter_id: u.values.chapterId,
        type_key: u.values.typeKey,
        acceptance_criteria: u.values.acceptanceCriteria,
        verification_method: u.values.verificationMethod,
        tags: storeTags(u.values.tags),
      })
      .where('element_id', '=', u.id)
      .execute();
    const removed = u.before.linked.filter((l) => !u.values.linked.includes(l)).map(idOf);
    const added = u.values.linked.filter((l) => !u.before.linked.includes(l)).map(idOf);
    if (removed.length > 0) await trx.deleteFrom('requirement_element').where('requirement_id', '=', u.id).where('element_id', 'in', removed).execute();
    if (added.length > 0) await trx.insertInto('requirement_element').values(added.map((e) => ({ requirement_id: u.id, element_id: e }))).execute();
    for (const e of [...removed, ...added]) touchedTargets.add(e);
    changed.push({ row: u.row, ref: u.ref });
    audits.push({
      ...actor,
      action: 'element.update',
      entity: 'element',
      entityId: u.id,
      elementId: u.id,
      before: Object.fromEntries(u.diffs.map((d) => [d.field, d.before])),
      after: Object.fromEntries(u.diffs.map((d) => [d.field, d.after])),
      details: from,
    });
    done++;
    if ((i + 1) % 200 === 0) {
      options.progress(done, total);
      await nextTurn();
    }
  }

  // A link shows on both ends, so the elements linked or unlinked move on a version too (as from their pages).
  const targets = [...touchedTargets];
  for (let k = 0; k < targets.length; k += 2000) {
    await trx
      .updateTable('element')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: stamp }))
      .where('id', 'in', targets.slice(k, k + 2000))
      .where('kind', '!=', 'requirement')
      .execute();
  }

  const leftOut = rowsLeftOut(plan.report);
  const result: ImportResult = { fileName, mode: options.mode, created, changed, unchanged: plan.report.unchanged.length, leftOut };
  audits.push({
    ...actor,
    action: 'requirements.import',
    entity: 'import_file',
    entityId: options.importId,
    after: {
      fileName,
      mode: options.mode,
      rows: plan.report.rowCount,
      created: created.length,
      changed: changed.length,
      unchanged: result.unchanged,
      leftOut: leftOut.length,
    },
    details: `${from}: ${created.length} opprettet, ${changed.length} endret, ${result.unchanged} uendret, ${leftOut.length} ${leftOut.length === 1 ? 'rad' : 'rader'} utelatt`,
  });
  await recordAudits(trx, audits);
  options.progress(total, total);
  return result;
}
