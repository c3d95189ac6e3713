import { sql } from 'kysely';
import type { ElementKind } from '../../model/kinds.ts';
import { linkTypes, provenanceFingerprint, type LinkProvenanceInput, type LinkType, type LinkTypeInfo } from '../../model/link-types.ts';
import { provenanceFromRow, type LinkProvenance } from '../../model/provenance.ts';
import { relationAccepts, relationInfo } from '../../model/relations.ts';
import type { RelationType } from '../../model/schemas.ts';
import type { Db } from '../db/index.ts';
import { provenanceColumns, readLinkProvenance, whereEnds } from '../db/queries/link-provenance.ts';
import { change, type Caller, type Tx } from './run.ts';
import { NotFound, RuleRefused, StaleVersion, type Said } from './errors.ts';

/*
 * Use cases: an architect sets the provenance of a link (its level, its reason, the lines it rests
 * on), and adds or removes a typed relation between two elements (issue 16). Each goes through
 * `change`: permission before the transaction, the rows loaded and the version the form showed
 * checked before anything is written, then the write and one audit entry on each end's history.
 */

/** The element ids at the ends of a link (the text ends, a relation's type or a county, are not elements). */
function elementEnds(type: LinkType, values: ReadonlyArray<number | string>): number[] {
  const info: LinkTypeInfo = linkTypes[type];
  return info.ends.flatMap((column, i) => (info.textEnds?.includes(column) ? [] : [Number(values[i])]));
}

export interface SetLinkProvenance {
  type: LinkType;
  ends: ReadonlyArray<number | string>;
  /** The fingerprint of the provenance the form showed (`provenanceFingerprint`). */
  seen: string;
  provenance: LinkProvenanceInput;
}

/** Sets a link's level, reason and lines; refused with 409 when someone changed them since the form was shown. */
export async function setLinkProvenance(db: Db, caller: Caller, input: SetLinkProvenance): Promise<{ before: LinkProvenance; after: LinkProvenance }> {
  const columns = provenanceColumns(input.type);
  const table = linkTypes[input.type].table;
  // A requirement's links are traceability, edited by whoever edits requirements; the rest is the scope.
  const action = input.type === 'requirementElements' ? 'requirements.edit' : 'scope.edit';
  return change(db, caller, action, {
    load: async (trx) => {
      const current = await readLinkProvenance(trx, input.type, input.ends);
      if (!current) throw new NotFound({ key: 'errors.refused.linkGone' });
      return current;
    },
    check: (current) => {
      if (provenanceFingerprint(current) !== input.seen) throw new StaleVersion();
    },
    write: async (trx, before, audit) => {
      const after: LinkProvenance = { ...input.provenance };
      await sql`update ${sql.table(table)}
        set ${sql.ref(columns.level)} = ${after.level}, ${sql.ref(columns.note)} = ${after.note},
            ${sql.ref(columns.from)} = ${after.fromLine}, ${sql.ref(columns.to)} = ${after.toLine}
        where ${whereEnds(input.type, input.ends)}`.execute(trx);
      await touch(trx, elementEnds(input.type, input.ends), caller.at);
      for (const elementId of elementEnds(input.type, input.ends)) {
        await audit({
          action: 'link.provenance',
          entity: table,
          entityId: input.ends.join('-'),
          elementId,
          before: { link: input.type, ...before },
          after: { link: input.type, ...after },
        });
      }
      return { before, after };
    },
  });
}

/** A link's ends changed: both elements' pages show it, so a form open on either is now stale. */
async function touch(trx: Tx, ids: number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable('element')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: at.toISOString() }))
    .where('id', 'in', ids)
    .execute();
}

interface End {
  id: number;
  kind: ElementKind;
  key: string;
  name: string;
  version: number;
}

async function endById(trx: Tx, id: number): Promise<End | undefined> {
  return trx.selectFrom('element').select(['id', 'kind', 'key', 'name', 'version']).where('id', '=', id).executeTakeFirst() as Promise<End | undefined>;
}

async function endByKey(trx: Tx, kind: ElementKind, key: string): Promise<End | undefined> {
  return trx.selectFrom('element').select(['id', 'kind', 'key', 'name', 'version']).where('kind', '=', kind).where('key', '=', key).executeTakeFirst() as Promise<
    End | undefined
  >;
}

export interface RelationChange {
  relation: RelationType;
  /** The element whose page the form came from, and the version that page showed. */
  page: { kind: ElementKind; key: string; version: number };
  /** The other end: by id (from a list of candidates) or by kind and key (typed in). */
  other: { id: number } | { kind: ElementKind; key: string };
  /** Whether the page's element is the relation's `from` end (an outgoing relation). */
  outgoing: boolean;
}

/** Field-level refusals, shown beside the field. */
export class RelationRefused extends RuleRefused {
  constructor(
    readonly field: string,
    said: Said,
  ) {
    super(said);
  }
}

async function loadRelationEnds(trx: Tx, input: RelationChange): Promise<{ page: End; other: End; from: End; to: End }> {
  const page = await endByKey(trx, input.page.kind, input.page.key);
  if (!page) throw new NotFound({ key: 'errors.refused.elementGone' });
  const other = 'id' in input.other ? await endById(trx, input.other.id) : await endByKey(trx, input.other.kind, input.other.key);
  if (!other) throw new RelationRefused('target', { key: 'errors.refused.chosenGone' });
  const [from, to] = input.outgoing ? [page, other] : [other, page];
  return { page, other, from, to };
}

function checkRelation(input: RelationChange, ends: { page: End; from: End; to: End }): void {
  if (ends.page.version !== input.page.version) throw new StaleVersion();
  const info = relationInfo[input.relation];
  // The relation's and the kind's names are catalogue keys, said in the reader's language.
  const relation = `links.relation.${input.relation}` as const;
  if (!info.from.includes(ends.from.kind)) throw new RelationRefused('relation', { key: 'errors.refused.relationFrom', values: { relation, kind: `kinds.${ends.from.kind}.singular` } });
  if (!relationAccepts(input.relation, ends.to.kind)) throw new RelationRefused('target', { key: 'errors.refused.relationTo', values: { relation, kind: `kinds.${ends.to.kind}.singular` } });
  if (ends.from.id === ends.to.id) throw new RelationRefused('target', { key: 'errors.refused.selfLink' });
}

/** Adds a typed relation with its provenance. An existing one is refused beside the field. */
export async function addRelation(db: Db, caller: Caller, input: RelationChange & { provenance: LinkProvenanceInput }): Promise<void> {
  await change(db, caller, 'scope.edit', {
    load: (trx) => loadRelationEnds(trx, input),
    check: (ends) => checkRelation(input, ends),
    write: async (trx, { from, to }, audit) => {
      const exists = await trx
        .selectFrom('element_relation')
        .select('from_id')
        .where('from_id', '=', from.id)
        .where('to_id', '=', to.id)
        .where('relation', '=', input.relation)
        .executeTakeFirst();
      if (exists) throw new RelationRefused('target', { key: 'errors.refused.linkExists', values: { name: input.outgoing ? to.name : from.name } });
      const p = input.provenance;
      await trx
        .insertInto('element_relation')
        .values({ from_id: from.id, to_id: to.id, relation: input.relation, provenance: p.level, provenance_note: p.note, source_from: p.fromLine, source_to: p.toLine })
        .execute();
      await touch(trx, [from.id, to.id], caller.at);
      const after = relationRecord(input.relation, from, to, p);
      for (const end of [from, to]) await audit({ action: 'relation.add', entity: 'element_relation', entityId: `${from.id}-${to.id}-${input.relation}`, elementId: end.id, before: null, after });
    },
  });
}

/** Removes a typed relation; one that is already gone is not an error (the page is simply redrawn). */
export async function removeRelation(db: Db, caller: Caller, input: RelationChange): Promise<void> {
  await change(db, caller, 'scope.edit', {
    load: (trx) => loadRelationEnds(trx, input),
    check: (ends) => {
      if (ends.page.version !== input.page.version) throw new StaleVersion();
    },
    write: async (trx, { from, to }, audit) => {
      const row = await trx
        .selectFrom('element_relation')
        .selectAll()
        .where('from_id', '=', from.id)
        .where('to_id', '=', to.id)
        .where('relation', '=', input.relation)
        .executeTakeFirst();
      if (!row) return;
      await trx.deleteFrom('element_relation').where('from_id', '=', from.id).where('to_id', '=', to.id).where('relation', '=', input.relation).execute();
      await touch(trx, [from.id, to.id], caller.at);
      const before = relationRecord(input.relation, from, to, provenanceFromRow(row));
      for (const end of [from, to]) await audit({ action: 'relation.remove', entity: 'element_relation', entityId: `${from.id}-${to.id}-${input.relation}`, elementId: end.id, before, after: null });
    },
  });
}

function relationRecord(relation: RelationType, from: End, to: End, provenance: LinkProvenance) {
  return {
    relation,
    from: { kind: from.kind, key: from.key, name: from.name },
    to: { kind: to.kind, key: to.key, name: to.name },
    provenance: provenance.level,
    note: provenance.note,
    lines: provenance.fromLine === null ? null : [provenance.fromLine, provenance.toLine],
  };
}
