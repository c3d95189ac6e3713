import type { Transaction } from 'kysely';
import { deletedIds, deletionImpact, impactFingerprint, type DeletionImpact, needsConfirmation } from '../../../model/deletion.ts';
import {
  fieldsByKind,
  slugify,
  toFormValues,
  uniqueKey,
  wouldCreateCycle,
  type ElementInput,
} from '../../../model/editing.ts';
import { unhandledKind, type ElementKind } from '../../../model/kinds.ts';
import { say } from '../../../model/messages.ts';
import { indexModel } from '../../../model/lookup.ts';
import type { ScopeElement } from '../../../model/schemas.ts';
import { storeTags } from '../../../model/requirements.ts';
import { recordAudit, recordAudits, type AuditActor } from './audit.ts';
import type { Database } from '../../db/schema.ts';
import { deletionSlice } from '../../db/queries/elements.ts';
import { loadModelSlice, oneElementSlice } from '../../db/queries/model.ts';

type Trx = Transaction<Database>;

export type SaveResult =
  | { ok: true; id: number; key: string }
  | { ok: false; reason: 'invalid'; errors: Record<string, string> }
  | { ok: false; reason: 'conflict'; current: ScopeElement; currentValues: Record<string, string> }
  | { ok: false; reason: 'not-found' };

/** Turns the keys a form names into ids, in one query; an unknown key is an error on its field. */
async function resolveRefs(
  trx: Trx,
  kind: ElementKind,
  input: Record<string, unknown>,
): Promise<{ ids: Record<string, number | null>; errors: Record<string, string> }> {
  const refs = fieldsByKind[kind].flatMap((f) => (f.type === 'ref' ? [{ field: f.name, kind: f.kind }] : []));
  const wanted = refs.flatMap((r) => {
    const key = input[r.field];
    return typeof key === 'string' && key ? [{ ...r, key }] : [];
  });
  const ids: Record<string, number | null> = Object.fromEntries(refs.map((r) => [r.field, null]));
  const errors: Record<string, string> = {};
  if (wanted.length === 0) return { ids, errors };
  const rows = await trx
    .selectFrom('element')
    .select(['id', 'kind', 'key'])
    .where((eb) => eb.or(wanted.map((w) => eb.and([eb('kind', '=', w.kind), eb('key', '=', w.key)]))))
    .execute();
  for (const w of wanted) {
    const row = rows.find((r) => r.kind === w.kind && r.key === w.key);
    if (row) ids[w.field] = row.id;
    else errors[w.field] = say('validation.ref.notFound', { kind: w.kind, key: w.key });
  }
  return { ids, errors };
}

/** The kind-specific row, or undefined for kinds that have only the common identity. */
function kindRow(kind: ElementKind, input: Record<string, unknown>, ids: Record<string, number | null>) {
  switch (kind) {
    case 'capability': {
      const v = input as ElementInput<'capability'>;
      return {
        table: 'capability' as const,
        values: {
          parent_id: ids.parent ?? null,
          solution_part_id: ids.solutionPart ?? null,
          solution_part_provenance: v.solutionPartLevel ?? 'inferred',
          solution_part_note: v.solutionPartNote ?? '',
        },
      };
    }
    case 'region':
      return { table: 'region' as const, values: { record_solution: (input as ElementInput<'region'>).recordSolution } };
    case 'informationService': {
      const v = input as ElementInput<'informationService'>;
      return {
        table: 'information_service' as const,
        values: {
          category_id: ids.category ?? null,
          tier_id: ids.tier ?? null,
          tier_tentative: (v.tierTentative && v.tier !== null ? 1 : 0) as 0 | 1,
          solution_part_id: ids.solutionPart ?? null,
        },
      };
    }
    case 'deliveryTier':
      return { table: 'delivery_tier' as const, values: { first_delivery: ((input as ElementInput<'deliveryTier'>).firstDelivery ? 1 : 0) as 0 | 1 } };
    case 'needLevel':
      return { table: 'need_level' as const, values: { rank: (input as ElementInput<'needLevel'>).rank } };
    case 'roadmapPhase': {
      const v = input as ElementInput<'roadmapPhase'>;
      return { table: 'roadmap_item' as const, values: { starts_on: v.startsOn, ends_on: v.endsOn, phase_id: null, track: null, decision_no: null } };
    }
    case 'milestone': {
      const v = input as ElementInput<'milestone'>;
      return { table: 'roadmap_item' as const, values: { starts_on: v.startsOn, ends_on: null, phase_id: ids.phase ?? null, track: null, decision_no: null } };
    }
    case 'decisionPoint': {
      const v = input as ElementInput<'decisionPoint'>;
      return {
        table: 'roadmap_item' as const,
        values: { starts_on: v.startsOn, ends_on: null, phase_id: ids.phase ?? null, track: v.track, decision_no: v.number },
      };
    }
    case 'nationalProject': {
      const v = input as ElementInput<'nationalProject'>;
      return {
        table: 'national_project' as const,
        values: {
          project_no: v.projectNo,
          priority_category: v.priorityCategory,
          owner_organisation: v.ownerOrganisation,
          owner: v.owner,
          phase: v.phase,
          strategic_area: v.strategicArea,
          focus_area: v.focusArea,
          status: v.status,
          budget_mnok: v.budgetMnok,
        },
      };
    }
    case 'requirement': {
      const v = input as ElementInput<'requirement'>;
      return { table: 'requirement' as const, values: { text: v.text, rationale: v.rationale, priority: v.priority, status: v.status } };
    }
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
      return undefined;
    default:
      return unhandledKind(kind);
  }
}

/**
 * A requirement's structure fields (issue 13) resolved against the database: the chapter, type
 * and consultation comment must exist, and the source lines must lie in the source document.
 * An unknown one is an error on its field, and nothing is written.
 */
async function requirementStructure(trx: Trx, input: ElementInput<'requirement'>, currentDocumentId: number | null) {
  const errors: Record<string, string> = {};
  const [chapter, type, comment, document] = await Promise.all([
    input.chapter === null ? null : trx.selectFrom('requirement_chapter').select('id').where('id', '=', input.chapter).executeTakeFirst(),
    input.type === null ? null : trx.selectFrom('requirement_type').select('key').where('key', '=', input.type).executeTakeFirst(),
    input.sourceComment === null
      ? null
      : trx.selectFrom('consultation_comment').select('id').where('id', '=', input.sourceComment).where('hidden_at', 'is', null).executeTakeFirst(),
    input.sourceLines === null
      ? null
      : (currentDocumentId === null
          ? trx.selectFrom('source_document').select(['id', 'line_count']).orderBy('id')
          : trx.selectFrom('source_document').select(['id', 'line_count']).where('id', '=', currentDocumentId)
        ).executeTakeFirst(),
  ]);
  if (input.chapter !== null && !chapter) errors.chapter = say('validation.ref.chapterGone');
  if (input.type !== null && !type) errors.type = say('validation.ref.typeGone');
  if (input.sourceComment !== null && !comment) errors.sourceComment = say('validation.ref.noComment', { number: String(input.sourceComment) });
  if (input.sourceLines !== null) {
    if (!document) errors.sourceLines = say('validation.ref.noDocument');
    else if (input.sourceLines.to > document.line_count) errors.sourceLines = say('validation.ref.documentLines', { count: document.line_count });
  }
  return {
    errors,
    values: {
      chapter_id: input.chapter,
      type_key: input.type,
      acceptance_criteria: input.acceptanceCriteria,
      verification_method: input.verificationMethod,
      tags: storeTags(input.tags),
      source_comment_id: input.sourceComment,
    },
    source:
      input.sourceLines && document
        ? { source_document_id: document.id, source_from: input.sourceLines.from, source_to: input.sourceLines.to }
        : { source_document_id: null, source_from: null, source_to: null },
  };
}

/** Checks that need the database: a project number used twice. */
async function uniquenessErrors(trx: Trx, kind: ElementKind, input: Record<string, unknown>, exceptId: number | null) {
  if (kind !== 'nationalProject') return {};
  const projectNo = (input as ElementInput<'nationalProject'>).projectNo;
  let q = trx.selectFrom('national_project').select('element_id').where('project_no', '=', projectNo);
  if (exceptId !== null) q = q.where('element_id', '!=', exceptId);
  const clash = await q.executeTakeFirst();
  return clash ? { projectNo: say('validation.ref.projectNoTaken', { projectNo: String(projectNo) }) } : {};
}

/** Creates an element of a kind from validated form input, with a fresh stable key. */
export async function createElement(
  trx: Trx,
  kind: ElementKind,
  input: Record<string, unknown>,
  actor: AuditActor,
): Promise<SaveResult> {
  const { ids, errors } = await resolveRefs(trx, kind, input);
  Object.assign(errors, await uniquenessErrors(trx, kind, input, null));
  const structure = kind === 'requirement' ? await requirementStructure(trx, input as ElementInput<'requirement'>, null) : undefined;
  Object.assign(errors, structure?.errors);
  if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors };

  const name = String(input.name);
  const base = slugify(name);
  const taken = await trx
    .selectFrom('element')
    .select('key')
    .where('kind', '=', kind)
    .where((eb) => eb.or([eb('key', '=', base), eb('key', 'like', `${base}-%`)]))
    .execute();
  const last = await trx
    .selectFrom('element')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('kind', '=', kind)
    .executeTakeFirst();

  let ref: string | null = null;
  // Keys that would shadow the workspace's own paths (/…/ny, /…/flytt) are never given out.
  let key = uniqueKey(base, new Set([...taken.map((t) => t.key), 'ny', 'flytt', 'sok']));
  if (kind === 'requirement') {
    // Requirement numbers come from a counter and are never reused, even after a deletion.
    const next = await trx
      .updateTable('counter')
      .set((eb) => ({ value: eb('value', '+', 1) }))
      .where('name', '=', 'requirement')
      .returning('value')
      .executeTakeFirst();
    const value = next?.value ?? 1;
    if (!next) await trx.insertInto('counter').values({ name: 'requirement', value }).execute();
    ref = `AKS-${String(value).padStart(4, '0')}`;
    key = ref.toLowerCase();
  }

  const stamp = actor.at.toISOString();
  const row = await trx
    .insertInto('element')
    .values({
      kind,
      key,
      name,
      name_en: (input.nameEn as string | null) ?? null,
      description: String(input.description ?? ''),
      tentative: input.tentative ? 1 : 0,
      provenance: typeof input.provenance === 'string' ? input.provenance : 'inferred',
      provenance_note: typeof input.provenanceNote === 'string' ? input.provenanceNote : '',
      ...structure?.source,
      position: Number(last?.max ?? -1) + 1,
      created_at: stamp,
      updated_at: stamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const kindValues = kindRow(kind, input, ids);
  if (kindValues) {
    const values = { element_id: row.id, ...kindValues.values, ...structure?.values, ...(ref ? { ref } : {}) };
    await trx.insertInto(kindValues.table).values(values as never).execute();
  }
  await recordAudit(trx, {
    ...actor,
    action: 'element.create',
    entity: 'element',
    entityId: row.id,
    elementId: row.id,
    before: null,
    after: { kind, key, ...(ref ? { ref } : {}), ...formSnapshot(kind, input) },
  });
  return { ok: true, id: row.id, key };
}

/** The submitted values as the history shows them. */
function formSnapshot(kind: ElementKind, input: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fieldsByKind[kind]) {
    const v = input[f.name];
    out[f.name] = v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'on' : '') : String(v);
  }
  return out;
}

/**
 * `updateElement` inside a transaction the caller owns, for a change that goes with other writes
 * (applying a consultation proposal also marks the comment). `details` says where the change came from.
 */
export async function updateElementIn(
  trx: Trx,
  kind: ElementKind,
  key: string,
  expectedVersion: number,
  input: Record<string, unknown>,
  actor: AuditActor,
  details?: string,
): Promise<SaveResult> {
  // The frame (every element a form refers to, the capability tree) and the element itself.
  const model = await loadModelSlice(trx, oneElementSlice(kind, key));
  const index = indexModel(model);
  const current = index.byKey(kind, key);
  if (!current) return { ok: false, reason: 'not-found' } as const;
  const before = toFormValues(current, index);
  if (current.version !== expectedVersion) {
    return { ok: false, reason: 'conflict', current, currentValues: before } as const;
  }
  const { ids, errors } = await resolveRefs(trx, kind, input);
  Object.assign(errors, await uniquenessErrors(trx, kind, input, current.id));
  const documentId = current.source ? ((await trx.selectFrom('element').select('source_document_id').where('id', '=', current.id).executeTakeFirst())?.source_document_id ?? null) : null;
  const structure = kind === 'requirement' ? await requirementStructure(trx, input as ElementInput<'requirement'>, documentId) : undefined;
  Object.assign(errors, structure?.errors);
  if (kind === 'capability' && wouldCreateCycle(index, current.id, ids.parent ?? null)) {
    errors.parent = say('validation.ref.capabilityCycle');
  }
  if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors } as const;

  const updated = await trx
    .updateTable('element')
    .set((eb) => ({
      name: String(input.name),
      name_en: (input.nameEn as string | null) ?? null,
      description: String(input.description ?? ''),
      tentative: input.tentative ? 1 : 0,
      provenance: typeof input.provenance === 'string' ? input.provenance : current.provenance,
      provenance_note: typeof input.provenanceNote === 'string' ? input.provenanceNote : current.provenanceNote,
      ...structure?.source,
      version: eb('version', '+', 1),
      updated_at: actor.at.toISOString(),
    }))
    .where('id', '=', current.id)
    .where('version', '=', current.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    // Someone saved between our read and our write.
    return { ok: false, reason: 'conflict', current, currentValues: before } as const;
  }
  const kindValues = kindRow(kind, input, ids);
  if (kindValues) {
    await trx.updateTable(kindValues.table).set({ ...kindValues.values, ...structure?.values } as never).where('element_id', '=', current.id).execute();
  }
  await recordAudit(trx, {
    ...actor,
    action: 'element.update',
    entity: 'element',
    entityId: current.id,
    elementId: current.id,
    before,
    after: formSnapshot(kind, input),
    ...(details ? { details } : {}),
  });
  return { ok: true, id: current.id, key: current.key } as const;
}

/**
 * What refers to the elements from outside the scope model and survives their deletion with the
 * element's name kept: consultation comments and municipalities' stances in review rounds (both
 * refer to a frozen copy of the element). One query per kind of reference.
 */
async function keptReferences(db: Trx, ids: number[]): Promise<DeletionImpact['kept']> {
  const comments = await db
    .selectFrom('consultation_comment')
    .innerJoin('consultation_item', 'consultation_item.id', 'consultation_comment.item_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('consultation_item.element_id', 'in', ids)
    .executeTakeFirstOrThrow();
  const stances = await db
    .selectFrom('review_stance')
    .innerJoin('review_round_service', 'review_round_service.id', 'review_stance.round_service_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('review_round_service.element_id', 'in', ids)
    .executeTakeFirstOrThrow();
  return [
    { label: 'scope.delete.kept.comments', count: Number(comments.n) },
    { label: 'scope.delete.kept.stances', count: Number(stances.n) },
  ];
}

export type DeleteResult =
  | { ok: true; deleted: number }
  | { ok: false; reason: 'not-found' }
  /** Shown before anything is deleted; `changed` when it differs from what was confirmed. */
  | { ok: false; reason: 'confirm'; impact: DeletionImpact; fingerprint: string; changed: boolean }
  | { ok: false; reason: 'conflict'; current: ScopeElement };

/** What the architect asks for: a delete from the element's page, or a confirmation of an impact. */
export type DeleteRequest = { confirmation: string } | { version: number };

/**
 * Deletes an element. When something else would go or change with it, nothing happens until the
 * architect has seen the impact and confirms exactly that impact (its fingerprint): if anything
 * was linked, changed or commented on since, they are shown it again. A delete from the page
 * carries the version the architect saw. All in one transaction, so what is checked is what goes.
 */
export async function deleteElement(
  trx: Trx,
  kind: ElementKind,
  key: string,
  request: DeleteRequest,
  actor: AuditActor,
): Promise<DeleteResult> {
  const found = await trx.selectFrom('element').select('id').where('kind', '=', kind).where('key', '=', key).executeTakeFirst();
  if (!found) return { ok: false, reason: 'not-found' } as const;
  const model = await loadModelSlice(trx, await deletionSlice(trx, kind, found.id));
  const index = indexModel(model);
  const element = index.byKey(kind, key);
  if (!element) return { ok: false, reason: 'not-found' } as const;
  const ids = deletedIds(index, element.id);
  const impact = deletionImpact(model, index, element.id, await keptReferences(trx, ids))!;
  const fingerprint = impactFingerprint(impact);
  if ('version' in request) {
    if (request.version !== element.version) return { ok: false, reason: 'conflict', current: element } as const;
    if (needsConfirmation(impact)) return { ok: false, reason: 'confirm', impact, fingerprint, changed: false } as const;
  } else if (request.confirmation !== fingerprint) {
    return { ok: false, reason: 'confirm', impact, fingerprint, changed: true } as const;
  }
  if (element.kind === 'capability') {
    // Detach the subtree first so the parent references never block the delete (portable).
    await trx.updateTable('capability').set({ parent_id: null }).where('element_id', 'in', ids).execute();
  }
  await keepLostRequirementLinks(trx, ids, actor.at);
  await trx.deleteFrom('element').where('id', 'in', ids).execute();
  await recordAudits(
    trx,
    ids.map((id) => {
      const gone = index.byId.get(id)!;
      return {
        ...actor,
        action: 'element.delete',
        entity: 'element',
        entityId: id,
        elementId: id,
        before: { kind: gone.kind, key: gone.key, ...toFormValues(gone, index) },
        after: null,
      };
    }),
  );
  return { ok: true, deleted: ids.length } as const;
}

/**
 * A requirement that governed an element being deleted keeps the link by name, so the
 * traceability view can list requirements whose element was deleted (issue 13).
 */
async function keepLostRequirementLinks(trx: Trx, ids: number[], at: Date): Promise<void> {
  const lost = await trx
    .selectFrom('requirement_element')
    .innerJoin('element', 'element.id', 'requirement_element.element_id')
    .select(['requirement_element.requirement_id', 'element.kind', 'element.key', 'element.name'])
    .where('requirement_element.element_id', 'in', ids)
    .where('requirement_element.requirement_id', 'not in', ids)
    .execute();
  if (lost.length === 0) return;
  await trx
    .insertInto('requirement_lost_link')
    .values(
      lost.map((l) => ({
        requirement_id: l.requirement_id,
        element_kind: l.kind,
        element_key: l.key,
        element_name: l.name,
        deleted_at: at.toISOString(),
      })),
    )
    .execute();
}

/**
 * Moves an element one place up or down among its siblings (same kind; for capabilities the
 * same parent) by swapping positions with its neighbour.
 */
export async function moveElement(
  trx: Trx,
  kind: ElementKind,
  key: string,
  direction: 'up' | 'down',
  shownPosition: number,
  actor: AuditActor,
): Promise<'moved' | 'edge' | 'not-found' | 'stale'> {
  const me = await trx
    .selectFrom('element')
    .leftJoin('capability', 'capability.element_id', 'element.id')
    .select(['element.id', 'element.position', 'capability.parent_id', 'capability.solution_part_id'])
    .where('element.kind', '=', kind)
    .where('element.key', '=', key)
    .executeTakeFirst();
  if (!me) return 'not-found';
  // Someone reordered the list after it was shown: moving "one up" from there would not be the user's move.
  if (me.position !== shownPosition) return 'stale';
  let q = trx
    .selectFrom('element')
    .leftJoin('capability', 'capability.element_id', 'element.id')
    .select(['element.id', 'element.position'])
    .where('element.kind', '=', kind)
    .where('element.id', '!=', me.id);
  if (kind === 'capability') {
    // Siblings share the parent; top-level ones are shown per solution part, so share that too.
    if (me.parent_id !== null) q = q.where('capability.parent_id', '=', me.parent_id);
    else {
      q = q.where('capability.parent_id', 'is', null);
      q = me.solution_part_id === null ? q.where('capability.solution_part_id', 'is', null) : q.where('capability.solution_part_id', '=', me.solution_part_id);
    }
  }
  q =
    direction === 'up'
      ? q.where((eb) => eb.or([eb('element.position', '<', me.position), eb.and([eb('element.position', '=', me.position), eb('element.id', '<', me.id)])])).orderBy('element.position', 'desc').orderBy('element.id', 'desc')
      : q.where((eb) => eb.or([eb('element.position', '>', me.position), eb.and([eb('element.position', '=', me.position), eb('element.id', '>', me.id)])])).orderBy('element.position', 'asc').orderBy('element.id', 'asc');
  const neighbour = await q.limit(1).executeTakeFirst();
  if (!neighbour) return 'edge';
  // Equal positions would make the swap a no-op, so step past the neighbour instead.
  const mine = neighbour.position === me.position ? me.position + (direction === 'up' ? -1 : 1) : neighbour.position;
  await trx.updateTable('element').set({ position: mine }).where('id', '=', me.id).execute();
  await trx.updateTable('element').set({ position: me.position }).where('id', '=', neighbour.id).execute();
  await recordAudit(trx, {
    ...actor,
    action: 'element.move',
    entity: 'element',
    entityId: me.id,
    elementId: me.id,
    before: { position: String(me.position) },
    after: { position: String(mine) },
  });
  return 'moved';
}
