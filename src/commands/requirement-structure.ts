import { slugify, uniqueKey } from '../../model/editing.ts';
import { chapterSubtree, type RequirementChapter } from '../../model/requirements.ts';
import type { Db } from '../db/index.ts';
import type { MessageKey } from '../../views/i18n/keys.ts';
import { NotFound } from './errors.ts';
import { change, type Caller, type Tx } from './run.ts';

/*
 * Use cases for the requirement set's structure (issue 13): chapters and sections as an ordered
 * tree (create, rename, move under another chapter, reorder among siblings) and the editable
 * list of requirement types. Architects and administrators (`requirements.edit`). Each change to
 * a chapter carries the version the page showed; a stale one writes nothing.
 */

/** A refusal on a form field, as the catalogue key of its message (the route says it in the reader's language). */
export type FieldErrors = Record<string, MessageKey>;

export type StructureResult<T = { id: number }> =
  | ({ kind: 'ok' } & T)
  | { kind: 'invalid'; errors: FieldErrors }
  | { kind: 'stale'; current: RequirementChapter };

const chapterOf = (row: { id: number; parent_id: number | null; name: string; position: number; version: number }): RequirementChapter => ({
  id: row.id,
  parentId: row.parent_id,
  name: row.name,
  position: row.position,
  version: row.version,
});

async function allChapters(trx: Tx): Promise<RequirementChapter[]> {
  return (await trx.selectFrom('requirement_chapter').selectAll().execute()).map(chapterOf);
}

const chapterGone = { key: 'errors.refused.chapterGone' } as const;

/** The next position among a parent's children (the end of the list). */
function nextPosition(chapters: readonly RequirementChapter[], parentId: number | null): number {
  return Math.max(-1, ...chapters.filter((c) => c.parentId === parentId).map((c) => c.position)) + 1;
}

const parentMissing: FieldErrors = { parent: 'requirement.chapters.error.parentMissing' };

export function createChapter(db: Db, caller: Caller, input: { name: string; parent: number | null }): Promise<StructureResult> {
  return change(db, caller, 'requirements.edit', {
    load: allChapters,
    write: async (trx, chapters, audit): Promise<StructureResult> => {
      if (input.parent !== null && !chapters.some((c) => c.id === input.parent)) return { kind: 'invalid', errors: parentMissing };
      const position = nextPosition(chapters, input.parent);
      const row = await trx
        .insertInto('requirement_chapter')
        .values({ name: input.name, parent_id: input.parent, position, created_at: caller.at.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit({ action: 'requirement.chapter.create', entity: 'requirement_chapter', entityId: row.id, after: { name: input.name, parent: input.parent, position } });
      return { kind: 'ok', id: row.id };
    },
  });
}

/** Renames a chapter and/or moves it under another parent (to the end of that parent's list). */
export function updateChapter(db: Db, caller: Caller, id: number, input: { name: string; parent: number | null; version: number }): Promise<StructureResult> {
  return change(db, caller, 'requirements.edit', {
    load: async (trx) => {
      const chapters = await allChapters(trx);
      const chapter = chapters.find((c) => c.id === id);
      if (!chapter) throw new NotFound(chapterGone);
      return { chapters, chapter };
    },
    write: async (trx, { chapters, chapter }, audit): Promise<StructureResult> => {
      if (chapter.version !== input.version) return { kind: 'stale', current: chapter };
      if (input.parent !== null && !chapters.some((c) => c.id === input.parent)) return { kind: 'invalid', errors: parentMissing };
      if (input.parent !== null && chapterSubtree(chapters, id).has(input.parent)) {
        return { kind: 'invalid', errors: { parent: 'requirement.chapters.error.cycle' } };
      }
      const moved = input.parent !== chapter.parentId;
      const position = moved ? nextPosition(chapters, input.parent) : chapter.position;
      const updated = await trx
        .updateTable('requirement_chapter')
        .set((eb) => ({ name: input.name, parent_id: input.parent, position, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return { kind: 'stale', current: chapter };
      await audit({
        action: moved ? 'requirement.chapter.move' : 'requirement.chapter.rename',
        entity: 'requirement_chapter',
        entityId: id,
        before: { name: chapter.name, parent: chapter.parentId, position: chapter.position },
        after: { name: input.name, parent: input.parent, position },
      });
      return { kind: 'ok', id };
    },
  });
}

/** Moves a chapter one place up or down among its siblings (swapping with the neighbour). */
export function reorderChapter(db: Db, caller: Caller, id: number, direction: 'up' | 'down', version: number): Promise<StructureResult> {
  return change(db, caller, 'requirements.edit', {
    load: async (trx) => {
      const chapters = await allChapters(trx);
      const chapter = chapters.find((c) => c.id === id);
      if (!chapter) throw new NotFound(chapterGone);
      return { chapters, chapter };
    },
    write: async (trx, { chapters, chapter }, audit): Promise<StructureResult> => {
      if (chapter.version !== version) return { kind: 'stale', current: chapter };
      const siblings = chapters.filter((c) => c.parentId === chapter.parentId).sort((a, b) => a.position - b.position || a.id - b.id);
      const at = siblings.findIndex((c) => c.id === id);
      const other = siblings[direction === 'up' ? at - 1 : at + 1];
      if (!other) return { kind: 'ok', id };
      // Positions may repeat (two created at once): give both distinct places in the new order.
      const [first, second] = direction === 'up' ? [chapter, other] : [other, chapter];
      const base = Math.min(chapter.position, other.position);
      for (const [c, position] of [[first, base], [second, base + 1]] as const) {
        await trx
          .updateTable('requirement_chapter')
          .set((eb) => ({ position, version: eb('version', '+', 1) }))
          .where('id', '=', c.id)
          .execute();
      }
      await audit({
        action: 'requirement.chapter.reorder',
        entity: 'requirement_chapter',
        entityId: id,
        before: { position: chapter.position },
        after: { position: direction === 'up' ? base : base + 1, direction },
      });
      return { kind: 'ok', id };
    },
  });
}

export type TypeResult = { kind: 'ok'; key: string } | { kind: 'invalid'; errors: FieldErrors } | { kind: 'stale'; current: { key: string; label: string } };

/** Adds a requirement type at the end of the list, with a key made from its label. */
export function createRequirementType(db: Db, caller: Caller, input: { label: string }): Promise<TypeResult> {
  return change(db, caller, 'requirements.edit', {
    load: (trx) => trx.selectFrom('requirement_type').select(['key', 'label', 'position']).execute(),
    write: async (trx, types, audit): Promise<TypeResult> => {
      if (types.some((t) => t.label.toLowerCase() === input.label.toLowerCase())) {
        return { kind: 'invalid', errors: { label: 'requirement.types.error.taken' } };
      }
      const key = uniqueKey(slugify(input.label).slice(0, 50) || 'type', new Set(types.map((t) => t.key)));
      const position = Math.max(-1, ...types.map((t) => t.position)) + 1;
      await trx.insertInto('requirement_type').values({ key, label: input.label, position }).execute();
      await audit({ action: 'requirement.type.create', entity: 'requirement_type', entityId: key, after: { key, label: input.label, position } });
      return { kind: 'ok', key };
    },
  });
}

/** Renames a requirement type. `shown` is the label the form showed: changed since, nothing is written. */
export function renameRequirementType(db: Db, caller: Caller, key: string, input: { label: string; shown: string }): Promise<TypeResult> {
  return change(db, caller, 'requirements.edit', {
    load: async (trx) => {
      const types = await trx.selectFrom('requirement_type').select(['key', 'label']).execute();
      const type = types.find((t) => t.key === key);
      if (!type) throw new NotFound({ key: 'errors.refused.noRequirementType' });
      return { types, type };
    },
    write: async (trx, { types, type }, audit): Promise<TypeResult> => {
      if (type.label !== input.shown) return { kind: 'stale', current: type };
      if (types.some((t) => t.key !== key && t.label.toLowerCase() === input.label.toLowerCase())) {
        return { kind: 'invalid', errors: { label: 'requirement.types.error.taken' } };
      }
      await trx.updateTable('requirement_type').set({ label: input.label }).where('key', '=', key).execute();
      await audit({ action: 'requirement.type.rename', entity: 'requirement_type', entityId: key, before: { label: type.label }, after: { label: input.label } });
      return { kind: 'ok', key };
    },
  });
}
