import { z } from 'zod';
import { modelExportSchema, type ModelExport } from './export.ts';
import { elementKinds, kindInfo, type ElementKind } from './kinds.ts';
import {
  numberChapters,
  requirementChapterSchema,
  requirementRelationLabel,
  requirementRelationSchema,
  type RequirementChapter,
  type RequirementRelation,
} from './requirements.ts';
import type { ScopeElement } from './schemas.ts';
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
  .string({ error: 'Navnet mangler.' })
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'Gi baselinen et navn, f.eks. «Høringsutkast 1».').max(200, 'Navnet kan være på høyst 200 tegn.'));

export const baselineInputSchema = z.object({
  name: baselineNameSchema,
  description: z
    .string()
    .optional()
    .transform((s) => (s ?? '').trim())
    .pipe(z.string().max(2000, 'Beskrivelsen kan være på høyst 2000 tegn.')),
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

export const fieldLabel: Record<string, string> = {
  key: 'Nøkkel',
  name: 'Navn',
  nameEn: 'Engelsk navn',
  description: 'Beskrivelse',
  source: 'Kilde',
  tentative: 'Tentativ',
  position: 'Rekkefølge',
  text: 'Kravtekst',
  rationale: 'Begrunnelse',
  priority: 'Prioritet',
  status: 'Status',
  chapterId: 'Kapittel',
  typeKey: 'Kravtype',
  acceptanceCriteria: 'Akseptansekriterier',
  verificationMethod: 'Verifikasjonsmetode',
  tags: 'Etiketter',
  sourceCommentId: 'Kilde (høringskommentar)',
  categoryId: 'Informasjonskategori',
  tierId: 'Leveransetrinn',
  tierTentative: 'Tentativ plassering i trinn',
  solutionPartId: 'Løsningsdel',
  parentId: 'Ligger under',
  phaseId: 'Fase',
  ref: 'Kravnummer',
};

export interface FieldChange {
  field: string;
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
  /** What kind of link, in Norwegian: "Krav gjelder", "Tjeneste – funksjonsområde", … */
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

function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nei';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('fromLine' in v && 'toLine' in v) return `linje ${String(v.fromLine)}–${String(v.toLine)}`;
    return JSON.stringify(value);
  }
  return String(value);
}

function chapterNames(chapters: readonly RequirementChapter[]): Map<number, string> {
  return new Map(numberChapters(chapters).map((c) => [c.id, `${c.number} ${c.name}`]));
}

/** Each link of a snapshot under a stable key, with how to show it. */
function linksOf(snapshot: BaselineSnapshot): Map<string, LinkChange> {
  const byId = new Map(allOf(snapshot.model).map((e) => [e.id, e]));
  const end = (id: number) => {
    const e = byId.get(id);
    return { id, kind: e?.kind ?? '', name: e ? (e.kind === 'requirement' ? `${e.ref} ${e.name}` : e.name) : `#${id}` };
  };
  const out = new Map<string, LinkChange>();
  const add = (key: string, label: string, from: number, to: number, detail?: string) =>
    out.set(key, { label, from: end(from), to: end(to), ...(detail !== undefined ? { detail } : {}) });
  const { links } = snapshot.model;
  for (const l of links.requirementElements) add(`re:${l.requirementId}:${l.elementId}`, 'Krav gjelder', l.requirementId, l.elementId);
  for (const r of snapshot.requirementRelations) add(`rr:${r.kind}:${r.fromId}:${r.toId}`, requirementRelationLabel[r.kind].outgoing, r.fromId, r.toId);
  for (const l of links.serviceCapabilities) add(`sc:${l.serviceId}:${l.capabilityId}`, 'Tjeneste – funksjonsområde', l.serviceId, l.capabilityId);
  for (const l of links.serviceGoals) add(`sg:${l.serviceId}:${l.goalId}`, 'Tjeneste – mål', l.serviceId, l.goalId);
  for (const l of links.serviceDependencies) add(`sd:${l.serviceId}:${l.projectId}`, 'Tjeneste – avhengighet', l.serviceId, l.projectId);
  for (const l of links.servicePersonnelGroups) {
    add(`sp:${l.serviceId}:${l.personnelGroupId}:${l.usage}`, 'Tjeneste – helsepersonellgruppe', l.serviceId, l.personnelGroupId, l.usage);
  }
  for (const l of links.serviceExchanges) {
    const mode = byId.get(l.modeId)?.name ?? `#${l.modeId}`;
    const need = l.needLevelId === null ? 'uvurdert' : (byId.get(l.needLevelId)?.name ?? `#${l.needLevelId}`);
    add(`se:${l.serviceId}:${l.actorId}:${l.modeId}:${l.needLevelId ?? ''}`, 'Tjeneste – aktør', l.serviceId, l.actorId, `${mode}, ${need}`);
  }
  return out;
}

function refOf(e: ScopeElement, chapters: Map<number, string>): ElementRef {
  const ref: ElementRef = { id: e.id, kind: e.kind, key: e.key, name: e.name };
  if (e.kind === 'requirement') {
    ref.ref = e.ref;
    ref.chapter = e.chapterId != null ? (chapters.get(e.chapterId) ?? 'Uten kapittel') : 'Uten kapittel';
  }
  return ref;
}

/** What changed from one snapshot to another. */
export function diffBaselines(from: BaselineSnapshot, to: BaselineSnapshot): BaselineDiff {
  const fromChapters = chapterNames(from.requirementChapters);
  const toChapters = chapterNames(to.requirementChapters);
  const before = new Map(allOf(from.model).map((e) => [e.id, e]));
  const after = new Map(allOf(to.model).map((e) => [e.id, e]));

  const added = [...after.values()].filter((e) => !before.has(e.id)).map((e) => refOf(e, toChapters));
  const removed = [...before.values()].filter((e) => !after.has(e.id)).map((e) => refOf(e, fromChapters));
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
        const fromName = bv == null ? 'Uten kapittel' : (fromChapters.get(bv as number) ?? 'Uten kapittel');
        const toName = av == null ? 'Uten kapittel' : (toChapters.get(av as number) ?? 'Uten kapittel');
        movedChapter = { from: fromName, to: toName };
        fields.push({ field, label: fieldLabel[field] ?? field, before: fromName, after: toName });
        continue;
      }
      const change: FieldChange = { field, label: fieldLabel[field] ?? field, before: show(bv), after: show(av) };
      if (textFields.has(field)) change.words = diffWords(show(bv), show(av));
      fields.push(change);
    }
    if (fields.length > 0) changed.push({ element: refOf(a, toChapters), fields, ...(movedChapter ? { movedChapter } : {}) });
  }

  const fromLinks = linksOf(from);
  const toLinks = linksOf(to);
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

export function groupDiff(diff: BaselineDiff, by: DiffGrouping): DiffGroup[] {
  const groups = new Map<string, DiffGroup>();
  const keyOf = (e: ElementRef) => (by === 'chapter' && e.kind === 'requirement' ? `Krav: ${e.chapter ?? 'Uten kapittel'}` : kindInfo[e.kind].plural);
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

/** One row per change, for the CSV export. */
export function diffRows(diff: BaselineDiff): string[][] {
  const rows: string[][] = [['endring', 'type', 'element', 'kapittel', 'felt', 'før', 'etter']];
  const name = (e: ElementRef) => (e.ref ? `${e.ref} ${e.name}` : e.name);
  for (const e of diff.elements.added) rows.push(['lagt til', kindInfo[e.kind].singular, name(e), e.chapter ?? '', '', '', '']);
  for (const e of diff.elements.removed) rows.push(['fjernet', kindInfo[e.kind].singular, name(e), e.chapter ?? '', '', '', '']);
  for (const c of diff.elements.changed) {
    for (const f of c.fields) rows.push(['endret', kindInfo[c.element.kind].singular, name(c.element), c.element.chapter ?? '', f.label, f.before, f.after]);
  }
  for (const l of diff.links.added) rows.push(['kobling lagt til', l.label, l.from.name, '', l.to.name, '', l.detail ?? '']);
  for (const l of diff.links.removed) rows.push(['kobling fjernet', l.label, l.from.name, '', l.to.name, l.detail ?? '', '']);
  for (const c of diff.chapters.added) rows.push(['kapittel lagt til', 'Kapittel', c.name, '', '', '', '']);
  for (const c of diff.chapters.removed) rows.push(['kapittel fjernet', 'Kapittel', c.name, '', '', '', '']);
  for (const c of diff.chapters.renamed) rows.push(['kapittel omdøpt', 'Kapittel', c.name, '', 'Navn', c.before ?? '', c.after ?? '']);
  for (const c of diff.chapters.moved) rows.push(['kapittel flyttet', 'Kapittel', c.name, '', 'Plassering', c.before ?? '', c.after ?? '']);
  return rows;
}

export function diffCsv(diff: BaselineDiff): string {
  const [header, ...rows] = diffRows(diff);
  return csvDocument(header!, rows);
}

/** The change report as Markdown; every user text escaped so it adds no links, HTML or headings. */
export function diffMarkdown(diff: BaselineDiff, title: { from: string; to: string }, by: DiffGrouping = 'kind'): string {
  const md = (t: string) => escapeMarkdown(t).replace(/\n/g, ' ');
  const name = (e: ElementRef) => md(e.ref ? `${e.ref} ${e.name}` : e.name);
  const lines = [`# Endringer fra ${md(title.from)} til ${md(title.to)}`, ''];
  const c = diff.counts;
  lines.push(
    `${c.elementsAdded} lagt til, ${c.elementsRemoved} fjernet, ${c.elementsChanged} endret; ${c.linksAdded} koblinger lagt til, ${c.linksRemoved} fjernet; ${c.chaptersChanged} kapittelendringer.`,
    '',
  );
  for (const g of groupDiff(diff, by)) {
    lines.push(`## ${md(g.title)}`, '');
    for (const e of g.added) lines.push(`- Lagt til: ${name(e)}`);
    for (const e of g.removed) lines.push(`- Fjernet: ${name(e)}`);
    for (const ch of g.changed) {
      lines.push(`- Endret: ${name(ch.element)}`);
      for (const f of ch.fields) lines.push(`  - ${md(f.label)}: ${f.words ? md(diffAsText(f.words)) : `${md(f.before)} → ${md(f.after)}`}`);
    }
    lines.push('');
  }
  if (diff.links.added.length + diff.links.removed.length > 0) {
    lines.push('## Koblinger', '');
    for (const l of diff.links.added) lines.push(`- Lagt til: ${md(l.label)}: ${md(l.from.name)} → ${md(l.to.name)}${l.detail ? ` (${md(l.detail)})` : ''}`);
    for (const l of diff.links.removed) lines.push(`- Fjernet: ${md(l.label)}: ${md(l.from.name)} → ${md(l.to.name)}${l.detail ? ` (${md(l.detail)})` : ''}`);
    lines.push('');
  }
  const ch = diff.chapters;
  if (c.chaptersChanged > 0) {
    lines.push('## Kapitler', '');
    for (const x of ch.added) lines.push(`- Lagt til: ${md(x.name)}`);
    for (const x of ch.removed) lines.push(`- Fjernet: ${md(x.name)}`);
    for (const x of ch.renamed) lines.push(`- Omdøpt: ${md(x.before ?? '')} → ${md(x.after ?? '')}`);
    for (const x of ch.moved) lines.push(`- Flyttet: ${md(x.before ?? '')} → ${md(x.after ?? '')}`);
    lines.push('');
  }
  return lines.join('\n');
}
