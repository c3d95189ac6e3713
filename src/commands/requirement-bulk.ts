import { planBulkChange, staleBulkRows, type BulkChange, type BulkItem, type BulkRow } from '../../model/requirement-bulk.ts';
import type { Db } from '../db/index.ts';
import { chunksOf, loadBulkRows } from '../db/queries/requirement-list.ts';
import { RuleRefused, StaleVersion } from './errors.ts';
import { change, type Caller, type Tx } from './run.ts';

/*
 * Use case: one bulk action on the requirement list (issue 13) — set status, move to a chapter,
 * or link to an element — on exactly the requirements the preview showed. In one transaction:
 * the policy's `requirements.edit` before anything is read, every pinned requirement read again
 * and compared with the version the preview showed (any gone or changed: 409, nothing written),
 * then set-based writes (a statement per thousand requirements), each changed requirement's
 * version bumped, and one audit entry for the whole action with its counts.
 */

/** Some requirements the preview showed have changed or gone since: nothing was written. */
export class BulkStale extends StaleVersion {
  constructor(readonly rows: Array<{ id: number; ref: string; seen: number; now: number | null }>) {
    super(`${rows.length} av kravene i forhåndsvisningen er endret eller slettet siden. Ingenting er lagret.`);
  }
}

export interface BulkOutcome {
  /** Requirements in the action, changed and unchanged. */
  total: number;
  changed: number;
  unchanged: number;
}

/** The element a link action names, if it exists (one query). */
export async function findLinkTarget(db: Db | Tx, element: { kind: string; key: string }): Promise<{ id: number; name: string } | undefined> {
  return db.selectFrom('element').select(['id', 'name']).where('kind', '=', element.kind).where('key', '=', element.key).executeTakeFirst();
}

async function targetOf(trx: Tx, bulk: BulkChange): Promise<{ id: number; name: string } | null> {
  if (bulk.action === 'chapter' && bulk.chapterId !== null) {
    const chapter = await trx.selectFrom('requirement_chapter').select(['id', 'name']).where('id', '=', bulk.chapterId).executeTakeFirst();
    if (!chapter) throw new RuleRefused({ key: 'errors.refused.chapterNoLonger' }, { key: 'errors.refused.chapterNoLonger.title' });
    return chapter;
  }
  if (bulk.action === 'link') {
    const element = await findLinkTarget(trx, bulk.element);
    if (!element) throw new RuleRefused({ key: 'errors.refused.elementNoLonger', values: { ref: `${bulk.element.kind}:${bulk.element.key}` } }, { key: 'errors.refused.elementNoLonger.title' });
    return element;
  }
  return null;
}

export async function bulkChangeRequirements(db: Db, caller: Caller, input: { change: BulkChange; pinned: ReadonlyArray<{ id: number; version: number }> }): Promise<BulkOutcome> {
  const bulk = input.change;
  return change(db, caller, 'requirements.edit', {
    load: async (trx) => {
      const target = await targetOf(trx, bulk);
      const rows = await loadBulkRows(
        trx,
        { ids: input.pinned.map((p) => p.id) },
        bulk.action === 'link' ? target!.id : null,
      );
      return { target, rows };
    },
    check: ({ rows }) => {
      const stale = staleBulkRows(input.pinned, rows);
      if (stale.length > 0) {
        const refOf = new Map(rows.map((r) => [r.id, r.ref]));
        throw new BulkStale(stale.map((s) => ({ ...s, ref: refOf.get(s.id) ?? `#${s.id}` })));
      }
    },
    write: async (trx, { target, rows }, audit) => {
      const items = planBulkChange(rows, bulk);
      const changing = items.filter((i) => i.changes).map((i) => i.row);
      const at = caller.at.toISOString();
      for (const part of chunksOf(changing.map((r) => r.id))) {
        if (bulk.action === 'status') await trx.updateTable('requirement').set({ status: bulk.status }).where('element_id', 'in', part).execute();
        if (bulk.action === 'chapter') await trx.updateTable('requirement').set({ chapter_id: bulk.chapterId }).where('element_id', 'in', part).execute();
        if (bulk.action === 'link') await trx.insertInto('requirement_element').values(part.map((id) => ({ requirement_id: id, element_id: target!.id }))).execute();
        await trx
          .updateTable('element')
          .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
          .where('id', 'in', part)
          .execute();
      }
      // The linked element's page lists its requirements: its version moves too, as a single link does.
      if (bulk.action === 'link' && changing.length > 0) {
        await trx
          .updateTable('element')
          .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
          .where('id', '=', target!.id)
          .execute();
      }
      const outcome = { total: rows.length, changed: changing.length, unchanged: rows.length - changing.length };
      await audit({
        action: 'requirement.bulk',
        entity: 'requirement',
        entityId: null,
        elementId: bulk.action === 'link' ? target!.id : null,
        before: { requirements: fromValues(items) },
        after: { change: describe(bulk, target), ...outcome, requirements: changing.map((r: BulkRow) => r.ref) },
      });
      return outcome;
    },
  });
}

/** The old values of the changed requirements, by value: { draft: ["AKS-0001", …], … }. */
function fromValues(items: readonly BulkItem[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of items) if (i.changes) (out[i.from] ??= []).push(i.row.ref);
  return out;
}

function describe(bulk: BulkChange, target: { id: number; name: string } | null) {
  switch (bulk.action) {
    case 'status':
      return { action: 'status', status: bulk.status };
    case 'chapter':
      return { action: 'chapter', chapterId: bulk.chapterId, chapter: target?.name ?? null };
    case 'link':
      return { action: 'link', element: `${bulk.element.kind}:${bulk.element.key}`, name: target?.name ?? null };
  }
}
