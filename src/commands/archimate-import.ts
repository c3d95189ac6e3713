import { planArchimateImport, type ArchimateRead } from '../../model/exchange/archimate-read.ts';
import { importCounts, reportFingerprint, type ImportReport } from '../../model/exchange/import-report.ts';
import type { ElementKind } from '../../model/kinds.ts';
import { recordAudits } from './writes/audit.ts';
import type { Db } from '../db/index.ts';
import { StaleVersion } from './errors.ts';
import { actorOf, change, changeAs, permissionFor, type AuditNote, type Caller, type Tx } from './run.ts';
import type { ImportMode } from './requirement-set-import.ts';

/*
 * Use case: an ArchiMate exchange file back into the scope (issue 15). The dry run reports which
 * elements, matched by their akson:nøkkel/akson:type properties, would get a new name, English
 * name or description; applying writes exactly those in one transaction, each against the version
 * the report was made from, audited per element and once as the import. Who may: `exchange.import`.
 */

async function planIn(trx: Db | Tx, read: ArchimateRead, fileName: string) {
  const rows = await trx.selectFrom('element').select(['id', 'kind', 'key', 'name', 'name_en', 'description', 'version']).execute();
  return planArchimateImport(
    read,
    rows.map((r) => ({ id: r.id, kind: r.kind as ElementKind, key: r.key, name: r.name, nameEn: r.name_en, description: r.description, version: r.version })),
    fileName,
  );
}

async function apply(trx: Tx, caller: Caller, plan: Awaited<ReturnType<typeof planIn>>, fileName: string, mode: ImportMode, via: string | null): Promise<AuditNote> {
  const stamp = caller.at.toISOString();
  for (const u of plan.updates) {
    const done = await trx
      .updateTable('element')
      .set({ name: u.name, name_en: u.nameEn, description: u.description, version: u.version + 1, updated_at: stamp })
      .where('id', '=', u.id)
      .where('version', '=', u.version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw new StaleVersion({ key: 'errors.refused.changedDuringRead.element' });
  }
  await recordAudits(
    trx,
    plan.updates.map((u, i) => {
      const changed = plan.report.changed[i]!; // pushed in the same order as the updates
      return {
        ...actorOf(caller),
        action: 'element.update',
        entity: 'element',
        entityId: u.id,
        elementId: u.id,
        before: Object.fromEntries(changed.fields.map((f) => [f.field, f.before])),
        after: Object.fromEntries(changed.fields.map((f) => [f.field, f.after])),
        details: `Import av ${fileName}`,
      };
    }),
  );
  return { action: 'archimate.import', entity: 'import', entityId: fileName.slice(0, 200), before: null, after: { format: 'archimate', fileName, mode, ...(via ? { via } : {}), ...importCounts(plan.report) } };
}

export async function importArchimate(
  db: Db,
  caller: Caller | 'command-line',
  input: { fileName: string; read: ArchimateRead; mode: ImportMode; at?: Date; expectReport?: string },
): Promise<{ report: ImportReport; applied: boolean; replanned?: boolean }> {
  const commandLine = caller === 'command-line';
  const who: Caller = commandLine ? { user: null, at: input.at ?? new Date(), clientAddress: null } : caller;
  if (!commandLine) permissionFor(who, 'exchange.import');
  if (input.mode === 'dry-run') return { report: (await planIn(db, input.read, input.fileName)).report, applied: false };
  const steps = async (trx: Tx, plan: Awaited<ReturnType<typeof planIn>>, audit: (note: AuditNote) => Promise<void>): Promise<{ report: ImportReport; applied: boolean; replanned?: boolean }> => {
    if (input.expectReport !== undefined && reportFingerprint(plan.report) !== input.expectReport) return { report: plan.report, applied: false, replanned: true };
    if (input.mode === 'all' && plan.report.problems.length > 0) return { report: plan.report, applied: false };
    await audit(await apply(trx, who, plan, input.fileName, input.mode, commandLine ? 'kommandolinjen' : null));
    return { report: plan.report, applied: true };
  };
  if (commandLine) return changeAs(db, who, async (trx, audit) => steps(trx, await planIn(trx, input.read, input.fileName), audit));
  return change(db, who, 'exchange.import', { load: (trx) => planIn(trx, input.read, input.fileName), write: (trx, plan, audit) => steps(trx, plan, audit) });
}
