import { firstDeliverySnapshot, type Catalogue, type SnapshotService } from './snapshot.ts';

/** The fields of a frozen service a reviewer sees, in the order the marks list them. */
export const comparedFields = ['name', 'description', 'categoryName', 'tierName', 'tentative'] as const;
export type ComparedField = (typeof comparedFields)[number];
/** A compared field's label in the interface: `review.field.<field>` in the catalogues. */
export const comparedFieldKey = (field: ComparedField) => `review.field.${field}` as const;

export interface ServiceChange {
  field: ComparedField;
  before: string | boolean | null;
  after: string | boolean | null;
}

export type RemovalReason = 'deleted' | 'left-first-delivery';
/** Why a service left the list, as the interface says it: `review.removed.<reason>` in the catalogues. */
export const removalReasonKey = (reason: RemovalReason) => `review.removed.${reason}` as const;

export interface SnapshotDiff<T extends SnapshotService> {
  /** Frozen services whose live version differs, with each changed field. */
  changed: Array<{ service: T; live: SnapshotService; changes: ServiceChange[] }>;
  /** Frozen services no longer on the live list, and why. */
  removed: Array<{ service: T; reason: RemovalReason }>;
  /** Services on the live list that the round's list does not have. */
  added: SnapshotService[];
}

/**
 * What changed in the live first-delivery list since a round froze its copy. Services are matched
 * by element id (a rename or a new key is a change, not a removal and an addition); a frozen
 * service whose element was deleted has no id and counts as removed.
 */
export function diffSnapshot<T extends SnapshotService>(frozen: readonly T[], catalogue: Catalogue): SnapshotDiff<T> {
  const live = firstDeliverySnapshot(catalogue);
  const liveById = new Map(live.map((s) => [s.elementId, s]));
  const existing = new Set(catalogue.services.map((s) => s.id));
  const frozenIds = new Set<number | null>(frozen.map((s) => s.elementId).filter((id) => id !== null));
  const diff: SnapshotDiff<T> = { changed: [], removed: [], added: live.filter((s) => !frozenIds.has(s.elementId)) };
  for (const service of frozen) {
    const now = service.elementId === null ? undefined : liveById.get(service.elementId);
    const mark = markOf(service, now, service.elementId !== null && existing.has(service.elementId));
    if (mark?.removed) diff.removed.push({ service, reason: mark.removed });
    else if (mark?.changes && now) diff.changed.push({ service, live: now, changes: mark.changes });
  }
  return diff;
}

/** The compared fields in which a frozen service and its live version differ. */
export function changesOf(service: Pick<SnapshotService, ComparedField>, now: Pick<SnapshotService, ComparedField>): ServiceChange[] {
  return comparedFields.filter((f) => service[f] !== now[f]).map((field) => ({ field, before: service[field], after: now[field] }));
}

/** What a list shows beside one frozen service: its changes, or why it left the list. */
export interface ServiceMark {
  changes?: ServiceChange[];
  removed?: RemovalReason;
}

/**
 * One frozen service's mark, as `diffSnapshot` finds it: `live` is its service on the live
 * first-delivery list (none when it left it), `exists` whether its element is still a service.
 */
export function markOf(service: SnapshotService, live: Pick<SnapshotService, ComparedField> | undefined, exists: boolean): ServiceMark | undefined {
  if (!live) return { removed: service.elementId !== null && exists ? 'left-first-delivery' : 'deleted' };
  const changes = changesOf(service, live);
  return changes.length > 0 ? { changes } : undefined;
}

/** The marks per frozen service, for the list that shows them beside each service. */
export function marksByService<T extends SnapshotService>(diff: SnapshotDiff<T>): Map<T, ServiceMark> {
  const marks = new Map<T, ServiceMark>();
  for (const c of diff.changed) marks.set(c.service, { changes: c.changes });
  for (const r of diff.removed) marks.set(r.service, { removed: r.reason });
  return marks;
}
