import type { Usage } from '../../model/schemas.ts';
import type { ElementKind } from '../../model/kinds.ts';
import type { Db } from '../db/index.ts';
import { applyProposal as writeProposal, Rollback, type ApplyRequest, type ApplyResult } from './writes/consultation-apply.ts';
import {
  createElement as writeNewElement,
  deleteElement as writeDeletion,
  moveElement as writeMove,
  updateElementIn,
  type DeleteRequest,
  type DeleteResult,
  type SaveResult,
} from './writes/elements.ts';
import { moveServices as writeServiceMoves, setExchangeCell as writeExchangeCell, setPersonnelCell as writePersonnelCell, setServiceLinks as writeServiceLinks, type LinkResult } from './writes/links.ts';
import { actorOf, change, type Caller } from './run.ts';

/**
 * The architects' changes to the scope: elements (create, edit, delete, move up or down), their
 * links (a service's link sets, the two matrices' cells, many services moved at once), and an
 * accepted consultation proposal written into its element. Each runs in `change`: a role without
 * `scope.edit` is refused before the transaction opens; the rules, the version check and the
 * audit entry are in the write (in `src/db/queries/elements.ts` and `links.ts`, which take the
 * transaction this opens and never open one of their own).
 */

const nothing = async () => undefined;

export function createElement(db: Db, caller: Caller, kind: ElementKind, input: Record<string, unknown>): Promise<SaveResult> {
  return change(db, caller, 'scope.edit', { load: nothing, write: (trx) => writeNewElement(trx, kind, input, actorOf(caller)) });
}

/** Saves a changed element if nobody changed it since the form showed `expectedVersion`; a stale save writes nothing. */
export function updateElement(db: Db, caller: Caller, kind: ElementKind, key: string, expectedVersion: number, input: Record<string, unknown>): Promise<SaveResult> {
  return change(db, caller, 'scope.edit', { load: nothing, write: (trx) => updateElementIn(trx, kind, key, expectedVersion, input, actorOf(caller)) });
}

export function deleteElement(db: Db, caller: Caller, kind: ElementKind, key: string, request: DeleteRequest): Promise<DeleteResult> {
  return change(db, caller, 'scope.edit', { load: nothing, write: (trx) => writeDeletion(trx, kind, key, request, actorOf(caller)) });
}

/** Moves an element one place up or down, if it is still where the list showed it (else 'stale', nothing written). */
export function moveElement(db: Db, caller: Caller, kind: ElementKind, key: string, direction: 'up' | 'down', shownPosition: number): Promise<'moved' | 'edge' | 'not-found' | 'stale'> {
  return change(db, caller, 'scope.edit', { load: nothing, write: (trx) => writeMove(trx, kind, key, direction, shownPosition, actorOf(caller)) });
}

export function setServiceLinks(db: Db, caller: Caller, serviceKey: string, expectedVersion: number, sets: { capabilities: string[]; goals: string[]; projects: string[] }): Promise<LinkResult> {
  return change(db, caller, 'scope.edit', { load: nothing, write: (trx) => writeServiceLinks(trx, serviceKey, expectedVersion, sets, actorOf(caller)) });
}

/** Sets one personnel cell if it still holds `shown`, the value the editor showed (else a conflict, nothing written). */
export function setPersonnelCell(db: Db, caller: Caller, serviceKey: string, groupKey: string, usage: Usage | null, shown: Usage | null): Promise<LinkResult> {
  return change(db, caller, 'scope.edit', { load: nothing, write: (trx) => writePersonnelCell(trx, serviceKey, groupKey, usage, shown, actorOf(caller)) });
}

/** Sets one actor cell if it is still as the editor showed it (`shownVersion`, see `exchangeCellVersion`). */
export function setExchangeCell(
  db: Db,
  caller: Caller,
  serviceKey: string,
  actorKey: string,
  modes: Record<string, string | null | undefined>,
  shownVersion: string,
): Promise<LinkResult> {
  return change(db, caller, 'scope.edit', { load: nothing, write: (trx) => writeExchangeCell(trx, serviceKey, actorKey, modes, shownVersion, actorOf(caller)) });
}

/** Moves the services to a tier and/or category if none has changed since the list showed its version. */
export function moveServices(
  db: Db,
  caller: Caller,
  services: ReadonlyArray<{ key: string; version: number }>,
  target: { tier?: string | null; category?: string },
): Promise<LinkResult & { moved?: number }> {
  return change(db, caller, 'scope.edit', { load: nothing, write: (trx) => writeServiceMoves(trx, services, target, actorOf(caller)) });
}

/**
 * Writes an accepted proposal into its element and marks the comment applied, both or neither: a
 * refusal found midway rolls the transaction back and answers with its reason.
 */
export async function applyProposal(db: Db, caller: Caller, request: Omit<ApplyRequest, 'actor'>): Promise<ApplyResult> {
  try {
    return await change(db, caller, 'consultation.apply', {
      load: nothing,
      write: (trx) => writeProposal(trx, { ...request, actor: { ...actorOf(caller), userId: caller.user!.id } }),
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }
}
