import { z } from 'zod';
import { say } from './messages.ts';
import { modelExportSchema, type ModelExport } from './export.ts';
import { elementKinds, type ElementKind } from './kinds.ts';
import {
  numberChapters,
  requirementChapterSchema,
  requirementRelationSchema,
  type RequirementChapter,
  type RequirementRelationKind,
} from './requirements.ts';
import type { ScopeElement, Usage } from './schemas.ts';
import { escapeMarkdown } from './consultation-report.ts';
import { csvDocument } from './review/csv.ts';
import { diffAsText, diffWords, type DiffSegment } from './word-diff.ts';

/*
 * Baselines (issue 13): a frozen copy of the whole model, and the diff between two of them (or
 * a baseline and now). The diff is a pure function over two snapshots: elements and chapters are
 * matched by id (ids are never reused), links by their ends.
 */

/** What a baseline stores: the `/api/model` document plus the requirement structure beside it. */
export const baselineSnapshotSchema = z.object({
  model: modelExportSchema,
  requirementChapters: z.array(requirementChapterSchema),
  requirementRelations: z.array(requirementRelationSchema),
  requirementTypes: z.array(z.object({ key: z.string(), label: z.string() })),
});
export type BaselineSnapshot = z.infer<typeof baselineSnapshotSchema>;

export const baselineNameSchema = z
  .string({ error: say('validation.field.missing', { subject: 'validation.subject.name' }) })
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, say('validation.baseline.name')).max(200, say('validation.field.tooLong', { subject: 'validation.subject.name' })));

export const baselineInputSchema = z.object({
  name: baselineNameSchema,
  description: z
    .string()
    .optional()
    .transform((s) => (s ?? '').trim())
    .pipe(z.string().max(2000, say('validation.field.tooLong', { subject: 'validation.subject.description' }))),
});

export const baselineSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  createdAt: z.iso.datetime(),
  createdByName: z.string(),
  elementCount: z.number().int(),
  requirementCount: z.number().int(),
});
export type BaselineSummary = z.infer<typeof baselineSummarySchema>;

/** `GET /api/baselines/{id}`: the `/api/model` document as it was, with the baseline and the requirement structure. */
export const baselineDocumentSchema = z.looseObject({
  ...modelExportSchema.shape,
  baseline: baselineSummarySchema,
  requirementChapters: z.array(requirementChapterSchema),
  requirementRelations: z.array(requirementRelationSchema),
  requirementTypes: z.array(z.object({ key: z.string(), label: z.string() })),
});

/** `GET /api/baselines/{from}/diff/{to}`. */
export const baselineDiffDocumentSchema = z.object({
  from: baselineSummarySchema,
  to: z.union([baselineSummarySchema, z.literal('now')]),
  diff: z.looseObject({
    elements: z.looseObject({ added: z.array(z.looseObject({})), removed: z.array(z.looseObject({})), changed: z.array(z.looseObject({})) }),
    links: z.looseObject({ added: z.array(z.looseObject({})), removed: z.array(z.looseObject({})) }),
    chapters: z.looseObject({}),
    counts: z.record(z.string(), z.number()),
  }),
});

// The diff -----------------------------------------------------------------------------------

/** Fields that change with every save and say nothing by themselves. */
const ignoredFields = new Set(['version', 'id', 'kind']);
/** Texts shown as a word diff. */
const textFields = new Set(['name', 'nameEn', 'description', 'text', 'rationale', 'acceptanceCriteria']);
/** Fields that hold another element's id: shown by that element's name on the same side. */
const refFields = new Set(['categoryId', 'tierId', 'solutionPartId', 'parentId', 'phaseId']);

/** The kinds of link a diff compares: a requirement's *gjelder* link and relations, and a service's links. */
export type DiffLinkKind = 'governs' | RequirementRelationKind | 'serviceCapability' | 'serviceGoal' | 'serviceDependency' | 'servicePersonnelGroup' | 'serviceExchange';

/**
 * How a diff names what it shows, in the reader's language: field names, option labels, link
 * kinds and the texts of the exports. The model decides what changed; the wording (built from
 * the message catalogues by `baselineWording` in views/pages/baselines.tsx) says it.
 */
export interface DiffWording {
  /** A chapter that is none ("Uten kapittel"). */
  noChapter: string;
  field(name: string): string;
  /**
   * A field's value as the pages show it (an option's label, yes or no, a number or a date in
   * the language's form); `undefined` for a value shown as it is.
   */
  value(kind: ElementKind, field: string, value: unknown): string | undefined;
  /** An element's name in the reader's language (its English name in English where it has one). */
  name(element: { name: string; nameEn?: string | null }): string;
  link(kind: DiffLinkKind): string;
  usage(usage: Usage): string;
  exchange(mode: string, need: string | null): string;
  kind(kind: ElementKind, form: 'singular' | 'plural'): string;
  /** The group of requirements in one chapter ("Krav: 1 Kapittel"). */
  chapterGroup(chapter: string): string;
  /** The exports' texts: the CSV's header and change names, and the Markdown report's lines. */
  csvHeader: readonly string[];
  change(change: DiffChangeName): string;
  title(from: string, to: string): string;
  summary(counts: BaselineDiff['counts']): string;
  line(change: 'added' | 'removed' | 'changed', name: string): string;
  chapterLine(change: 'renamed' | 'moved', before: string, after: string): string;
  heading(section: 'links' | 'chapters'): string;
}

/** What a CSV row says happened (and the words for a chapter's rows). */
export type DiffChangeName =
  | 'added'
  | 'removed'
  | 'changed'
  | 'linkAdded'
  | 'linkRemoved'
  | 'chapterAdded'
  | 'chapterRemoved'
  | 'chapterRenamed'
  | 'chapterMoved'
  | 'chapterKind'
  | 'chapterName'
  | 'chapterPlace';

export interface FieldChange {
  field: string;
  /** The field's name in the reader's language. */
  label: string;
  before: string;
  after: string;
  /** For texts: the word diff from before to after. */
  words?: DiffSegment[];
}

export interface ElementRef {
  id: number;
  kind: ElementKind;
  key: string;
  name: string;
  /** The requirement number, for requirements. */
  ref?: string;
  /** For requirements: the chapter ("2.1 Navn") it is in, on the side it is shown from. */
  chapter?: string;
}

export interface ElementChange {
  element: ElementRef;
  fields: FieldChange[];
  /** A requirement that moved between chapters: from and to, as "nummer navn". */
  movedChapter?: { from: string; to: string };
}

export interface LinkChange {
  kind: DiffLinkKind;
  /** What kind of link, in the reader's language: "Krav gjelder", "Tjeneste – funksjonsområde", … */
  label: string;
  from: { id: number; kind: string; name: string };
  to: { id: number; kind: string; name: string };
  /** Extra columns of the link (usage, need level) as text. */
  detail?: string;
}

export interface ChapterChange {
  id: number;
  name: string;
  before?: string;
  after?: string;
}

export interface BaselineDiff {
  elements: { added: ElementRef[]; removed: ElementRef[]; changed: ElementChange[] };
  links: { added: LinkChange[]; removed: LinkChange[] };
  chapters: { added: ChapterChange[]; removed: ChapterChange[]; renamed: ChapterChange[]; moved: ChapterChange[] };
  counts: {
    elementsAdded: number;
    elementsRemoved: number;
    elementsChanged: number;
    linksAdded: number;
    linksRemoved: number;
    chaptersChanged: number;
    requirementsMoved: number;
  };
}

function allOf(model: ModelExport): ScopeElement[] {
  return elementKinds.flatMap((kind) => model.elements[kind] as ScopeElement[]);
}

/** A field's value as text: the wording's label for it, else the value as it is. */
function show(wording: DiffWording, kind: ElementKind, field: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  const worded = wording.value(kind, field, value);
  if (worded !== undefined) return worded;
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function chapterNames(chapters: readonly RequirementChapter[]): Map<number, string> {
  return new Map(numberChapters(chapters).map((c) => [c.id, `${c.number} ${c.name}`]));
}

/** Each link of a snapshot under a stable key, with how to show it. */
function linksOf(snapshot: BaselineSnapshot, wording: DiffWording): Map<string, LinkChange> {
  const byId = new Map(allOf(snapshot.model).map((e) => [e.id, e]));
  const nameOf = (id: number) => {
    const e = byId.get(id);
    return e ? wording.name(e) : `#${id}`;
  };
  const end = (id: number) => {
    const e = byId.get(id);
    return { id, kind: e?.kind ?? '', name: e ? (e.kind === 'requirement' ? `${e.ref} ${e.name}` : wording.name(e)) : `#${id}` };
  };
  const out = new Map<string, LinkChange>();
  const add = (key: string, kind: DiffLinkKind, from: number, to: number, detail?: string) =>
    out.set(key, { kind, label: wording.link(kind), from: end(from), to: end(to), ...(detail !== undefined ? { detail } : {}) });
  const { links } = snapshot.model;
  for (const l of links.requirementElements) add(`re:${l.requirementId}:${l.elementId}`, 'governs', l.requirementId, l.elementId);
  for (const r of snapshot.requirementRelations) add(`rr:${r.kind}:${r.fromId}:${r.toId}`, r.kind, r.fromId, r.toId);
  for (const l of links.serviceCapabilities) add(`sc:${l.serviceId}:${l.capabilityId}`, 'serviceCapability', l.serviceId, l.capabilityId);
  for (const l of links.serviceGoals) add(`sg:${l.serviceId}:${l.goalId}`, 'serviceGoal', l.serviceId, l.goalId);
  for (const l of links.serviceDependencies) add(`sd:${l.serviceId}:${l.projectId}`, 'serviceDependency', l.serviceId, l.projectId);
  for (const l of links.servicePersonnelGroups) {
    add(`sp:${l.serviceId}:${l.personnelGroupId}:${l.usage}`, 'servicePersonnelGroup', l.serviceId, l.personnelGroupId, wording.usage(l.usage));
  }
  for (const l of links.serviceExchanges) {
    const need = l.needLevelId === null ? null : nameOf(l.needLevelId);
    add(`se:${l.serviceId}:${l.actorId}:${l.modeId}:${l.needLevelId ?? ''}`, 'serviceExchange', l.serviceId, l.actorId, wording.exchange(nameOf(l.modeId), need));
  }
  return out;
}

function refOf(e: ScopeElement, chapters: Map<number, string>, wording: DiffWording): ElementRef {
  const ref: ElementRef = { id: e.id, kind: e.kind, key: e.key, name: e.kind === 'requirement' ? e.name : wording.name(e) };
  if (e.kind === 'requirement') {
    ref.ref = e.ref;
    ref.chapter = e.chapterId != null ? (chapters.get(e.chapterId) ?? wording.noChapter) : wording.noChapter;
  }
  return ref;
}

/** What changed from one snapshot to another, worded for the reader. */
export function diffBaselines(from: BaselineSnapshot, to: BaselineSnapshot, wording: DiffWording): BaselineDiff {
  const fromChapters = chapterNames(from.requirementChapters);
  const toChapters = chapterNames(to.requirementChapters);
  const before = new Map(allOf(from.model).map((e) => [e.id, e]));
  const after = new Map(allOf(to.model).map((e) => [e.id, e]));

  const added = [...after.values()].filter((e) => !before.has(e.id)).map((e) => refOf(e, toChapters, wording));
  const removed = [...before.values()].filter((e) => !after.has(e.id)).map((e) => refOf(e, fromChapters, wording));
  // A field holding another element's id shows that element's name as each side has it.
  const typeLabel = (types: BaselineSnapshot['requirementTypes'], key: unknown) => types.find((t) => t.key === key)?.label;
  const valueOf = (side: Map<number, ScopeElement>, types: BaselineSnapshot['requirementTypes'], kind: ElementKind, field: string, value: unknown) => {
    if (value === null || value === undefined) return '';
    if (refFields.has(field) && typeof value === 'number') {
      const e = side.get(value);
      return e ? wording.name(e) : `#${value}`;
    }
    if (field === 'typeKey') return typeLabel(types, value) ?? String(value);
    return show(wording, kind, field, value);
  };
  const changed: ElementChange[] = [];
  for (const [id, b] of before) {
    const a = after.get(id);
    if (!a) continue;
    const fields: FieldChange[] = [];
    let movedChapter: ElementChange['movedChapter'];
    const names = new Set([...Object.keys(b), ...Object.keys(a)]);
    for (const field of names) {
      if (ignoredFields.has(field)) continue;
      const bv = (b as Record<string, unknown>)[field];
      const av = (a as Record<string, unknown>)[field];
      if (JSON.stringify(bv ?? null) === JSON.stringify(av ?? null)) continue;
      if (Array.isArray(bv) && Array.isArray(av) && bv.length === 0 && av.length === 0) continue;
      if (field === 'chapterId') {
        const fromName = bv == null ? wording.noChapter : (fromChapters.get(bv as number) ?? wording.noChapter);
        const toName = av == null ? wording.noChapter : (toChapters.get(av as number) ?? wording.noChapter);
        movedChapter = { from: fromName, to: toName };
        fields.push({ field, label: wording.field(field), before: fromName, after: toName });
        continue;
      }
      const change: FieldChange = {
        field,
        label: wording.field(field),
        before: valueOf(before, from.requirementTypes, b.kind, field, bv),
        after: valueOf(after, to.requirementTypes, a.kind, field, av),
      };
      if (textFields.has(field)) change.words = diffWords(change.before, change.after);
      fields.push(change);
    }
    if (fields.length > 0) changed.push({ element: refOf(a, toChapters, wording), fields, ...(movedChapter ? { movedChapter } : {}) });
  }

  const fromLinks = linksOf(from, wording);
  const toLinks = linksOf(to, wording);
  const linksAdded = [...toLinks].filter(([k]) => !fromLinks.has(k)).map(([, l]) => l);
  const linksRemoved = [...fromLinks].filter(([k]) => !toLinks.has(k)).map(([, l]) => l);

  const chBefore = new Map(from.requirementChapters.map((c) => [c.id, c]));
  const chAfter = new Map(to.requirementChapters.map((c) => [c.id, c]));
  const chapters: BaselineDiff['chapters'] = { added: [], removed: [], renamed: [], moved: [] };
  for (const [id, c] of chAfter) {
    const b = chBefore.get(id);
    if (!b) chapters.added.push({ id, name: toChapters.get(id) ?? c.name });
    else {
      if (b.name !== c.name) chapters.renamed.push({ id, name: c.name, before: b.name, after: c.name });
      if (b.parentId !== c.parentId || b.position !== c.position) {
        chapters.moved.push({ id, name: c.name, before: fromChapters.get(id) ?? b.name, after: toChapters.get(id) ?? c.name });
      }
    }
  }
  for (const [id, b] of chBefore) if (!chAfter.has(id)) chapters.removed.push({ id, name: fromChapters.get(id) ?? b.name });

  const order = (x: ElementRef, y: ElementRef) =>
    elementKinds.indexOf(x.kind) - elementKinds.indexOf(y.kind) || (x.ref ?? x.name).localeCompare(y.ref ?? y.name, 'nb');
  added.sort(order);
  removed.sort(order);
  changed.sort((x, y) => order(x.element, y.element));
  return {
    elements: { added, removed, changed },
    links: { added: linksAdded, removed: linksRemoved },
    chapters,
    counts: {
      elementsAdded: added.length,
      elementsRemoved: removed.length,
      elementsChanged: changed.length,
      linksAdded: linksAdded.length,
      linksRemoved: linksRemoved.length,
      chaptersChanged: chapters.added.length + chapters.removed.length + chapters.renamed.length + chapters.moved.length,
      requirementsMoved: changed.filter((c) => c.movedChapter).length,
    },
  };
}

/** The groups a diff page shows: by kind, or (for requirements) by chapter. */
export type DiffGrouping = 'kind' | 'chapter';

export interface DiffGroup {
  title: string;
  added: ElementRef[];
  removed: ElementRef[];
  changed: ElementChange[];
}

export function groupDiff(diff: BaselineDiff, by: DiffGrouping, wording: DiffWording): DiffGroup[] {
  const groups = new Map<string, DiffGroup>();
  const keyOf = (e: ElementRef) => (by === 'chapter' && e.kind === 'requirement' ? wording.chapterGroup(e.chapter ?? wording.noChapter) : wording.kind(e.kind, 'plural'));
  const group = (title: string) => {
    let g = groups.get(title);
    if (!g) groups.set(title, (g = { title, added: [], removed: [], changed: [] }));
    return g;
  };
  for (const e of diff.elements.added) group(keyOf(e)).added.push(e);
  for (const e of diff.elements.removed) group(keyOf(e)).removed.push(e);
  for (const c of diff.elements.changed) group(keyOf(c.element)).changed.push(c);
  return [...groups.values()];
}

// Exports ------------------------------------------------------------------------------------

/** One row per change, for the CSV export, with the header first. */
export function diffRows(diff: BaselineDiff, wording: DiffWording): string[][] {
  const rows: string[][] = [[...wording.csvHeader]];
  const name = (e: ElementRef) => (e.ref ? `${e.ref} ${e.name}` : e.name);
  const kind = (e: ElementRef) => wording.kind(e.kind, 'singular');
  const change = wording.change;
  for (const e of diff.elements.added) rows.push([change('added'), kind(e), name(e), e.chapter ?? '', '', '', '']);
  for (const e of diff.elements.removed) rows.push([change('removed'), kind(e), name(e), e.chapter ?? '', '', '', '']);
  for (const c of diff.elements.changed) {
    for (const f of c.fields) rows.push([change('changed'), kind(c.element), name(c.element), c.element.chapter ?? '', f.label, f.before, f.after]);
  }
  for (const l of diff.links.added) rows.push([change('linkAdded'), l.label, l.from.name, '', l.to.name, '', l.detail ?? '']);
  for (const l of diff.links.removed) rows.push([change('linkRemoved'), l.label, l.from.name, '', l.to.name, l.detail ?? '', '']);
  const chapter = change('chapterKind');
  for (const c of diff.chapters.added) rows.push([change('chapterAdded'), chapter, c.name, '', '', '', '']);
  for (const c of diff.chapters.removed) rows.push([change('chapterRemoved'), chapter, c.name, '', '', '', '']);
  for (const c of diff.chapters.renamed) rows.push([change('chapterRenamed'), chapter, c.name, '', change('chapterName'), c.before ?? '', c.after ?? '']);
  for (const c of diff.chapters.moved) rows.push([change('chapterMoved'), chapter, c.name, '', change('chapterPlace'), c.before ?? '', c.after ?? '']);
  return rows;
}

export function diffCsv(diff: BaselineDiff, wording: DiffWording): string {
  const [header, ...rows] = diffRows(diff, wording);
  return csvDocument(header!, rows);
}

/** The change report as Markdown; every user text escaped so it adds no links, HTML or headings. */
export function diffMarkdown(diff: BaselineDiff, title: { from: string; to: string }, wording: DiffWording, by: DiffGrouping = 'kind'): string {
  const md = (t: string) => escapeMarkdown(t).replace(/\n/g, ' ');
  const name = (e: ElementRef) => md(e.ref ? `${e.ref} ${e.name}` : e.name);
  const lines = [`# ${wording.title(md(title.from), md(title.to))}`, ''];
  const c = diff.counts;
  lines.push(wording.summary(c), '');
  for (const g of groupDiff(diff, by, wording)) {
    lines.push(`## ${md(g.title)}`, '');
    for (const e of g.added) lines.push(`- ${wording.line('added', name(e))}`);
    for (const e of g.removed) lines.push(`- ${wording.line('removed', name(e))}`);
    for (const ch of g.changed) {
      lines.push(`- ${wording.line('changed', name(ch.element))}`);
      for (const f of ch.fields) lines.push(`  - ${md(f.label)}: ${f.words ? md(diffAsText(f.words)) : `${md(f.before)} → ${md(f.after)}`}`);
    }
    lines.push('');
  }
  const link = (l: LinkChange) => `${md(l.label)}: ${md(l.from.name)} → ${md(l.to.name)}${l.detail ? ` (${md(l.detail)})` : ''}`;
  if (diff.links.added.length + diff.links.removed.length > 0) {
    lines.push(`## ${wording.heading('links')}`, '');
    for (const l of diff.links.added) lines.push(`- ${wording.line('added', link(l))}`);
    for (const l of diff.links.removed) lines.push(`- ${wording.line('removed', link(l))}`);
    lines.push('');
  }
  const ch = diff.chapters;
  if (c.chaptersChanged > 0) {
    lines.push(`## ${wording.heading('chapters')}`, '');
    for (const x of ch.added) lines.push(`- ${wording.line('added', md(x.name))}`);
    for (const x of ch.removed) lines.push(`- ${wording.line('removed', md(x.name))}`);
    for (const x of ch.renamed) lines.push(`- ${wording.chapterLine('renamed', md(x.before ?? ''), md(x.after ?? ''))}`);
    for (const x of ch.moved) lines.push(`- ${wording.chapterLine('moved', md(x.before ?? ''), md(x.after ?? ''))}`);
    lines.push('');
  }
  return lines.join('\n');
}
