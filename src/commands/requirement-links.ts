import type { ElementKind } from '../../model/kinds.ts';
import { derivationWouldCycle, type TraceLinkKind } from '../../model/requirements.ts';
import type { Message } from '../../model/messages.ts';
import type { Db } from '../db/index.ts';
import { change, type AuditNote, type Caller, type Tx as Trx } from './run.ts';

/*
 * Use cases: linking and unlinking a requirement, from the requirement's page or from the
 * element's "Krav" section. Each runs through `change` for `requirements.edit` (refused before
 * the transaction for any other role), checks that both ends exist and that the page the form
 * came from is not stale (the version of the element the form belongs to), applies the rules (a
 * requirement link goes to a requirement; derivation is a tree), writes, bumps the version of
 * both ends (the link shows on both pages) and audits on both ends.
 */

export type LinkChangeResult =
  | { ok: true; changed: boolean }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'invalid'; errors: Record<string, Message> }
  | { ok: false; reason: 'conflict'; seenVersion: number; currentVersion: number };

interface End {
  id: number;
  kind: ElementKind;
  key: string;
  name: string;
  version: number;
}

async function findElement(trx: Trx, kind: ElementKind, key: string): Promise<End | undefined> {
  return trx
    .selectFrom('element')
    .select(['id', 'kind', 'key', 'name', 'version'])
    .where('kind', '=', kind)
    .where('key', '=', key)
    .executeTakeFirst() as Promise<End | undefined>;
}

async function findRequirementByRef(trx: Trx, ref: string): Promise<End | undefined> {
  return trx
    .selectFrom('requirement')
    .innerJoin('element', 'element.id', 'requirement.element_id')
    .select(['element.id', 'element.kind', 'element.key', 'element.name', 'element.version'])
    .where('requirement.ref', '=', ref)
    .executeTakeFirst() as Promise<End | undefined>;
}

interface LinkChange {
  op: 'link' | 'unlink';
  linkKind: TraceLinkKind;
  requirement: End;
  target: End;
  /** The end whose page the form came from, and the version it showed. */
  checked: { id: number; version: number };
  /** The form field errors are reported on. */
  field: string;
}

async function applyLinkChange(trx: Trx, change: LinkChange, at: Date, audit: (note: AuditNote) => Promise<void>): Promise<LinkChangeResult> {
  const { op, linkKind, requirement, target, field } = change;
  if (linkKind !== 'governs' && target.kind !== 'requirement') {
    return { ok: false, reason: 'invalid', errors: { [field]: { key: 'errors.link.requirementOnly', values: { kind: `requirement.kind.${linkKind}` } } } };
  }
  if (linkKind !== 'governs' && target.id === requirement.id) {
    return { ok: false, reason: 'invalid', errors: { [field]: { key: 'errors.link.self' } } };
  }
  if (op === 'link' && linkKind === 'derived_from') {
    const relations = await trx.selectFrom('requirement_relation').select(['from_id', 'to_id', 'kind']).where('kind', '=', 'derived_from').execute();
    const cycle = derivationWouldCycle(
      relations.map((r) => ({ fromId: r.from_id, toId: r.to_id, kind: r.kind })),
      requirement.id,
      target.id,
    );
    if (cycle) {
      return {
        ok: false,
        reason: 'invalid',
        errors: { [field]: { key: 'errors.link.cycle', values: { name: target.name } } },
      };
    }
  }

  // The stale check: the page the form came from must still show the version it was opened on.
  const checked = await trx.selectFrom('element').select('version').where('id', '=', change.checked.id).executeTakeFirst();
  if (!checked) return { ok: false, reason: 'not-found' };
  if (checked.version !== change.checked.version) {
    return { ok: false, reason: 'conflict', seenVersion: change.checked.version, currentVersion: checked.version };
  }

  let changed: boolean;
  if (linkKind === 'governs') {
    const exists = await trx
      .selectFrom('requirement_element')
      .select('element_id')
      .where('requirement_id', '=', requirement.id)
      .where('element_id', '=', target.id)
      .executeTakeFirst();
    if (op === 'link' && !exists) await trx.insertInto('requirement_element').values({ requirement_id: requirement.id, element_id: target.id }).execute();
    if (op === 'unlink' && exists) {
      await trx.deleteFrom('requirement_element').where('requirement_id', '=', requirement.id).where('element_id', '=', target.id).execute();
    }
    changed = op === 'link' ? !exists : Boolean(exists);
  } else {
    const exists = await trx
      .selectFrom('requirement_relation')
      .select('to_id')
      .where('from_id', '=', requirement.id)
      .where('to_id', '=', target.id)
      .where('kind', '=', linkKind)
      .executeTakeFirst();
    if (op === 'link' && !exists) await trx.insertInto('requirement_relation').values({ from_id: requirement.id, to_id: target.id, kind: linkKind }).execute();
    if (op === 'unlink' && exists) {
      await trx.deleteFrom('requirement_relation').where('from_id', '=', requirement.id).where('to_id', '=', target.id).where('kind', '=', linkKind).execute();
    }
    changed = op === 'link' ? !exists : Boolean(exists);
  }
  if (!changed) {
    if (op === 'link') return { ok: false, reason: 'invalid', errors: { [field]: { key: 'errors.link.already', values: { name: target.name } } } };
    return { ok: true, changed: false };
  }

  await trx
    .updateTable('element')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: at.toISOString() }))
    .where('id', 'in', [requirement.id, target.id])
    .execute();
  const link = { kind: linkKind, requirement: requirement.key, element: { kind: target.kind, key: target.key, name: target.name } };
  const action = op === 'link' ? 'requirement.link' : 'requirement.unlink';
  for (const end of [requirement, target]) {
    await audit({
      action,
      entity: linkKind === 'governs' ? 'requirement_element' : 'requirement_relation',
      entityId: `${requirement.id}-${target.id}`,
      elementId: end.id,
      before: op === 'link' ? null : link,
      after: op === 'link' ? link : null,
    });
  }
  return { ok: true, changed: true };
}

/** What a link change acts on, or why it cannot be made (an end that does not exist). */
type Loaded = { refused: LinkChangeResult } | { change: LinkChange };

const runLinkChange = (db: Db, caller: Caller, load: (trx: Trx) => Promise<Loaded>) =>
  change(db, caller, 'requirements.edit', {
    load,
    write: (trx, loaded, audit) => ('refused' in loaded ? Promise.resolve(loaded.refused) : applyLinkChange(trx, loaded.change, caller.at, audit)),
  });

/** From the requirement's page: link or unlink it to any element (or, for the requirement link kinds, to another requirement). */
export function changeLinkFromRequirement(
  db: Db,
  caller: Caller,
  input: { op: 'link' | 'unlink'; requirementKey: string; version: number; linkKind: TraceLinkKind; target: { kind: ElementKind; key: string } },
): Promise<LinkChangeResult> {
  return runLinkChange(db, caller, async (trx) => {
    const requirement = await findElement(trx, 'requirement', input.requirementKey);
    if (!requirement) return { refused: { ok: false, reason: 'not-found' } };
    const target = await findElement(trx, input.target.kind, input.target.key);
    if (!target) {
      return {
        refused: {
          ok: false,
          reason: 'invalid',
          errors: { target: { key: 'errors.link.targetGone', values: { kind: input.target.kind, key: input.target.key } } },
        },
      };
    }
    return { change: { op: input.op, linkKind: input.linkKind, requirement, target, checked: { id: requirement.id, version: input.version }, field: 'target' } };
  });
}

/** From an element's "Krav" section: the requirement (by its number) governs, or no longer governs, the element. */
export function changeLinkFromElement(
  db: Db,
  caller: Caller,
  input: { op: 'link' | 'unlink'; kind: ElementKind; key: string; version: number; requirementRef: string },
): Promise<LinkChangeResult> {
  return runLinkChange(db, caller, async (trx) => {
    const element = await findElement(trx, input.kind, input.key);
    if (!element) return { refused: { ok: false, reason: 'not-found' } };
    const requirement = await findRequirementByRef(trx, input.requirementRef);
    if (!requirement) {
      return { refused: { ok: false, reason: 'invalid', errors: { requirement: { key: 'errors.link.noRequirement', values: { ref: input.requirementRef } } } } };
    }
    if (requirement.id === element.id) return { refused: { ok: false, reason: 'invalid', errors: { requirement: { key: 'errors.link.governsSelf' } } } };
    return { change: { op: input.op, linkKind: 'governs', requirement, target: element, checked: { id: element.id, version: input.version }, field: 'requirement' } };
  });
}
