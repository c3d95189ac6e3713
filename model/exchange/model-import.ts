import { i18nFor } from '../../views/i18n/index.ts';
import { issueSaid } from '../../views/i18n/issues.ts';
import { z } from 'zod';
import { MODEL_EXPORT_FORMAT, MODEL_EXPORT_VERSION, requirementStructureShape, type RequirementStructure } from '../export.ts';
import { referenceProblems } from '../integrity.ts';
import { elementKinds, kindInfo, type ElementKind } from '../kinds.ts';
import { allElements } from '../lookup.ts';
import { defaultLinkProvenance } from '../provenance.ts';
import { numberChapters, type RequirementChapter, type RequirementRelation } from '../requirements.ts';
import { scopeModelSchema, type Municipality, type ScopeElement, type ScopeLinks, type ScopeModel, type SourceDocument } from '../schemas.ts';
import type { Message, MessageKey } from '../messages.ts';
import { emptyImportReport, reportText, type ImportFieldChange, type ImportProblem, type ImportReport, type ImportText } from './import-report.ts';

/*
 * Reading a `/api/model` document (or a baseline's, `/api/baselines/<id>`) back in (issue 15).
 * Pure: the file's text is checked (JSON, format, version, shape, references) and compared with
 * the database's own document, giving the dry-run report and the plan the use case
 * (src/commands/model-import.ts) writes. Identities are those that survive a move between
 * databases: elements by kind and key, chapters by their path of names, types by key, sources by
 * key, municipalities by number, links by their ends. Ids in the file only tie it together.
 * The import adds and changes, never deletes: what the database has and the file lacks stays.
 */

/** The largest JSON document the import reads (an export of 100× the seed is about 10 MB). */
export const MAX_MODEL_JSON_BYTES = 30 * 1024 * 1024;

/** The document as the import reads it: the export's shape with any format version, and the structure optional. */
export const modelDocumentSchema = scopeModelSchema.extend({
  format: z.literal(MODEL_EXPORT_FORMAT),
  formatVersion: z.number().int(),
  exportedAt: z.string(),
  ...requirementStructureShape,
});
export type ModelDocument = z.infer<typeof modelDocumentSchema>;

/** The database's side, as the plan needs it: its own document with the ids it has. */
export interface ModelTarget {
  model: ScopeModel;
  structure: RequirementStructure;
}

const MAX_PROBLEMS = 50;

type Read = { ok: true; doc: ModelDocument; notes: ImportText[] } | { ok: false; problems: ImportProblem[] };

/** A JSON path (`elements.goal[0].key`); none for the file as a whole, which the report shows without a place. */
const where = (path: ReadonlyArray<PropertyKey>) => path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || undefined;

/** A zod issue as a sentence of the report (the schemas' own messages are catalogue messages or bokmål sentences). */
function issueText(issue: z.core.$ZodIssue): ImportText {
  switch (issue.code) {
    case 'invalid_type':
      return reportText({ key: 'import.json.expected', values: { expected: issue.expected } });
    case 'invalid_value':
      return reportText({ key: 'import.json.notOneOf', values: { values: issue.values.map(String).join(', ') } });
    case 'unrecognized_keys':
      return reportText({ key: 'import.json.unknownFields', values: { keys: issue.keys.join(', ') } });
    default: {
      // A catalogue message (see `say` in model/messages.ts), said in the reader's language when the report is shown.
      const said = issueSaid(issue, i18nFor('nb'));
      if (said) return reportText(said);
      return /^[A-ZÆØÅ].*[.!]$/.test(issue.message) && !/^Invalid|^Too |^Expected/.test(issue.message)
        ? { message: issue.message }
        : reportText({ key: 'import.json.invalidValue', values: { message: issue.message } });
    }
  }
}

/**
 * The file's text as a model document, or every problem that stops it: not JSON, not this
 * format, a newer format version (refused before its content is read), an unknown element kind,
 * a field of the wrong shape, an id or key twice, a reference that points nowhere.
 */
export function readModelDocument(text: string): Read {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [reportText({ key: 'import.json.notJson', values: { error: error instanceof Error ? error.message : String(error) } })] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || (json as { format?: unknown }).format !== MODEL_EXPORT_FORMAT) {
    return { ok: false, problems: [reportText({ key: 'import.json.notModel', values: { format: MODEL_EXPORT_FORMAT, model: '/api/model', baseline: '/api/baselines/<id>' } })] };
  }
  const version = (json as { formatVersion?: unknown }).formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problems: [{ at: 'formatVersion', ...reportText({ key: 'import.json.noVersion' }) }] };
  }
  if (version > MODEL_EXPORT_VERSION) {
    return {
      ok: false,
      problems: [
        { at: 'formatVersion', ...reportText({ key: 'import.json.newerVersion', values: { version: String(version), supported: String(MODEL_EXPORT_VERSION) } }) },
      ],
    };
  }
  const kinds = (json as { elements?: unknown }).elements;
  if (typeof kinds === 'object' && kinds !== null && !Array.isArray(kinds)) {
    const unknown = Object.keys(kinds).filter((k) => !(elementKinds as readonly string[]).includes(k));
    if (unknown.length > 0) {
      return { ok: false, problems: unknown.map((k) => ({ at: `elements.${k}`, ...reportText({ key: 'import.json.unknownKind', values: { kind: k, kinds: elementKinds.join(', ') } }) })) };
    }
  }
  const parsed = modelDocumentSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.slice(0, MAX_PROBLEMS).map((i) => ({ at: where(i.path), ...issueText(i) })) };
  }
  const doc = parsed.data;
  const problems = [...duplicates(doc), ...referenceProblems(doc).map(reportText), ...structureProblems(doc)];
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  const notes: ImportText[] = [];
  if (doc.requirementChapters === undefined) notes.push(reportText({ key: 'import.json.note.noChapters' }));
  if (doc.requirementRelations === undefined) notes.push(reportText({ key: 'import.json.note.noRelations' }));
  const fromComments = doc.elements.requirement.filter((r) => r.sourceCommentId != null).length;
  if (fromComments > 0) notes.push(reportText({ key: 'import.json.note.fromComments', values: { count: fromComments } }));
  return { ok: true, doc, notes };
}

function duplicates(doc: ModelDocument): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const twice = <T,>(items: readonly T[], id: (t: T) => string, what: string, at: string) => {
    const seen = new Set<string>();
    for (const item of items) {
      const key = id(item);
      if (seen.has(key)) problems.push({ at, ...reportText({ key: 'import.json.twice', values: { what, key } }) });
      seen.add(key);
    }
  };
  const elements = allElements(doc);
  twice(elements, (e) => String(e.id), 'elementId', 'elements');
  twice(elements, (e) => `${e.kind}:${e.key}`, 'element', 'elements');
  twice(doc.elements.requirement, (r) => r.ref, 'requirement', 'elements.requirement');
  twice(doc.elements.nationalProject, (p) => String(p.projectNo), 'project', 'elements.nationalProject');
  twice(doc.sourceDocuments, (d) => d.key, 'source', 'sourceDocuments');
  twice(doc.municipalities, (m) => m.number, 'municipality', 'municipalities');
  twice(doc.requirementChapters ?? [], (c) => String(c.id), 'chapter', 'requirementChapters');
  twice(doc.requirementTypes ?? [], (t) => t.key, 'type', 'requirementTypes');
  twice(doc.links.regionCounties, (l) => l.countyNumber, 'county', 'links.regionCounties');
  return problems;
}

/** References the element schema cannot see: chapters, types, sources, links between requirements. */
function structureProblems(doc: ModelDocument): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const chapters = new Map((doc.requirementChapters ?? []).map((c) => [c.id, c]));
  for (const c of chapters.values()) {
    if (c.parentId !== null && !chapters.has(c.parentId)) problems.push({ at: `requirementChapters`, ...reportText({ key: 'import.json.chapterParentMissing', values: { id: String(c.id), name: c.name, parent: String(c.parentId) } }) });
  }
  if (chapters.size > 0 && numberChapters([...chapters.values()]).length !== chapters.size) {
    problems.push({ at: 'requirementChapters', ...reportText({ key: 'import.json.chapterLoop' }) });
  }
  const requirementIds = new Set(doc.elements.requirement.map((r) => r.id));
  for (const r of doc.elements.requirement) {
    if (doc.requirementChapters !== undefined && r.chapterId != null && !chapters.has(r.chapterId)) {
      problems.push({ at: `elements.requirement ${r.ref}`, ...reportText({ key: 'import.json.chapterMissing', values: { ref: r.ref, chapter: String(r.chapterId) } }) });
    }
  }
  for (const l of doc.requirementRelations ?? []) {
    if (!requirementIds.has(l.fromId) || !requirementIds.has(l.toId)) {
      problems.push({ at: 'requirementRelations', ...reportText({ key: 'import.json.relationMissing', values: { from: String(l.fromId), to: String(l.toId) } }) });
    }
  }
  const documents = new Set(doc.sourceDocuments.map((d) => d.key));
  for (const e of allElements(doc)) {
    if (e.source && !documents.has(e.source.document)) problems.push({ at: `elements.${e.kind} ${e.key}`, ...reportText({ key: 'import.json.sourceMissing', values: { ref: `${e.kind}:${e.key}`, source: e.source.document } }) });
  }
  return problems;
}

// Comparable forms ---------------------------------------------------------------------------

/** `kind:key`, the identity an element keeps between databases. */
export const elementRef = (e: { kind: ElementKind; key: string }): string => `${e.kind}:${e.key}`;

/** Each chapter's path of names from the root ("Funksjonelle krav › Legemidler"), siblings of one name told apart by "(2)". */
export function chapterPathsOf(chapters: readonly RequirementChapter[]): Map<number, string> {
  const paths = new Map<number, string>();
  const used = new Set<string>();
  for (const c of numberChapters(chapters)) {
    const parent = c.parentId === null ? '' : `${paths.get(c.parentId)} › `;
    let path = `${parent}${c.name}`;
    for (let n = 2; used.has(path); n++) path = `${parent}${c.name} (${n})`;
    used.add(path);
    paths.set(c.id, path);
  }
  return paths;
}

/** Fields that belong to one database and are never compared: ids, the version counter, where a requirement came from. */
const ownFields = new Set(['id', 'version', 'kind', 'key', 'sourceCommentId']);
/** Fields that hold another element's id. */
const elementIdFields = new Set(['parentId', 'solutionPartId', 'categoryId', 'tierId', 'phaseId']);

const shown = (value: unknown): string => (typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value));

/** An element's fields as text, references to other elements as `kind:key` and the chapter as its path. */
function comparable(e: ScopeElement, refOf: (id: number) => string, chapterPath: (id: number) => string | undefined, withChapter: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, value] of Object.entries(e)) {
    if (ownFields.has(field)) continue;
    if (field === 'chapterId') {
      if (withChapter) out[field] = value == null ? '' : (chapterPath(value as number) ?? '');
      continue;
    }
    if (elementIdFields.has(field)) out[field] = value == null ? '' : refOf(value as number);
    else if (field === 'tags') out[field] = ((value as string[] | undefined) ?? []).join(', ');
    else out[field] = shown(value ?? (field === 'acceptanceCriteria' ? '' : null));
  }
  return out;
}

type LinkName = keyof ScopeLinks;
export const linkNames = ['serviceCapabilities', 'serviceGoals', 'serviceDependencies', 'serviceExchanges', 'servicePersonnelGroups', 'requirementElements', 'relations', 'regionCounties'] as const satisfies readonly LinkName[];

/** What names one link (its ends, as `kind:key`) and what else it carries, per list of links. */
const linkShapes: { [L in LinkName]: { label: string; said: MessageKey; ends: (l: ScopeLinks[L][number], ref: (id: number) => string) => string[]; value: (l: ScopeLinks[L][number], ref: (id: number) => string) => unknown } } = {
  serviceCapabilities: { said: 'import.json.item.serviceCapabilities', label: 'Tjeneste – funksjonsområde', ends: (l, ref) => [ref(l.serviceId), ref(l.capabilityId)], value: (l) => l.provenance ?? defaultLinkProvenance },
  serviceGoals: { said: 'import.json.item.serviceGoals', label: 'Tjeneste – mål', ends: (l, ref) => [ref(l.serviceId), ref(l.goalId)], value: (l) => l.provenance ?? defaultLinkProvenance },
  serviceDependencies: { said: 'import.json.item.serviceDependencies', label: 'Tjeneste – nasjonalt prosjekt', ends: (l, ref) => [ref(l.serviceId), ref(l.projectId)], value: (l) => l.provenance ?? defaultLinkProvenance },
  serviceExchanges: {
    said: 'import.json.item.serviceExchanges',
    label: 'Tjeneste – aktør – samhandlingsform',
    ends: (l, ref) => [ref(l.serviceId), ref(l.actorId), ref(l.modeId)],
    value: (l, ref) => ({ needLevel: l.needLevelId === null ? null : ref(l.needLevelId), provenance: l.provenance ?? defaultLinkProvenance }),
  },
  servicePersonnelGroups: {
    said: 'import.json.item.servicePersonnelGroups',
    label: 'Tjeneste – personellgruppe',
    ends: (l, ref) => [ref(l.serviceId), ref(l.personnelGroupId)],
    value: (l) => ({ usage: l.usage, provenance: l.provenance ?? defaultLinkProvenance }),
  },
  requirementElements: { said: 'import.json.item.requirementElements', label: 'Krav gjelder', ends: (l, ref) => [ref(l.requirementId), ref(l.elementId)], value: (l) => l.provenance ?? defaultLinkProvenance },
  relations: { said: 'import.json.item.relations', label: 'Relasjon', ends: (l, ref) => [ref(l.fromId), l.relation, ref(l.toId)], value: (l) => l.provenance },
  regionCounties: { said: 'import.json.item.regionCounties', label: 'Region – fylke', ends: (l, ref) => [ref(l.regionId), `fylke ${l.countyNumber}`], value: (l) => l.provenance },
};

// The plan -----------------------------------------------------------------------------------

/** What applying the file writes; references are by the file's ids, which the use case maps to the database's. */
export interface ModelImportPlan {
  sourceDocuments: { create: SourceDocument[]; update: SourceDocument[] };
  municipalities: { create: Municipality[]; update: Municipality[] };
  requirementTypes: { create: Array<{ key: string; label: string; position: number }>; update: Array<{ key: string; label: string }> };
  /** Chapters to create, parents before children (file ids), and chapters to move (database id → new position). */
  chapters: { create: RequirementChapter[]; update: Array<{ id: number; position: number }>; pathOfFileId: Map<number, string>; idOfPath: Map<string, number> };
  /** Elements to create (as in the file) and to change (the database's id and version with the file's element). */
  elements: { create: ScopeElement[]; update: Array<{ id: number; version: number; element: ScopeElement }> };
  /** The database's id of every element the file names that it already has, by `kind:key`. */
  idOfRef: Map<string, number>;
  /** Links to add and links whose values change (as in the file). */
  links: { [L in LinkName]: { create: Array<ScopeLinks[L][number]>; update: Array<ScopeLinks[L][number]> } };
  requirementRelations: RequirementRelation[];
  /** Whether the file carries chapters (older documents do not: then chapters are left as they are). */
  withChapters: boolean;
}

/**
 * Compares the document with the database's own, giving the report (every record the file
 * would create, change field by field, or leave alone, and the problems that stop it) and the plan.
 */
export function planModelImport(read: { doc: ModelDocument; notes: ImportText[] }, target: ModelTarget, fileName: string): { report: ImportReport; plan: ModelImportPlan } {
  const { doc } = read;
  const report = emptyImportReport('json', fileName);
  report.notes.push(...read.notes);
  const withChapters = doc.requirementChapters !== undefined;

  // Elements, by kind and key.
  const fileElements = allElements(doc);
  const targetElements = allElements(target.model);
  const fileRef = new Map(fileElements.map((e) => [e.id, elementRef(e)]));
  const targetRef = new Map(targetElements.map((e) => [e.id, elementRef(e)]));
  const targetByRef = new Map(targetElements.map((e) => [elementRef(e), e]));
  const fileChapterPath = chapterPathsOf(doc.requirementChapters ?? []);
  const targetChapterPath = chapterPathsOf(target.structure.requirementChapters);
  const idOfPath = new Map([...targetChapterPath].map(([id, path]) => [path, id]));

  const plan: ModelImportPlan = {
    sourceDocuments: { create: [], update: [] },
    municipalities: { create: [], update: [] },
    requirementTypes: { create: [], update: [] },
    chapters: { create: [], update: [], pathOfFileId: fileChapterPath, idOfPath },
    elements: { create: [], update: [] },
    idOfRef: new Map(targetElements.map((e) => [elementRef(e), e.id])),
    links: Object.fromEntries(linkNames.map((n) => [n, { create: [], update: [] }])) as unknown as ModelImportPlan['links'],
    requirementRelations: [],
    withChapters,
  };

  // Unique values another element of the database already holds.
  const refOwner = new Map(target.model.elements.requirement.map((r) => [r.ref, elementRef(r)]));
  const projectOwner = new Map(target.model.elements.nationalProject.map((p) => [p.projectNo, elementRef(p)]));
  const countyOwner = new Map(target.model.links.regionCounties.map((l) => [l.countyNumber, targetRef.get(l.regionId)]));

  // Sources and municipalities, by key and number.
  const compareRecords = <T extends object>(file: readonly T[], current: readonly T[], id: (t: T) => string, label: (t: T) => string, kind: string, into: { create: T[]; update: T[] }) => {
    const byId = new Map(current.map((t) => [id(t), t]));
    for (const item of file) {
      const before = byId.get(id(item));
      const ref = `${kind}:${id(item)}`;
      if (!before) {
        into.create.push(item);
        report.created.push({ ref, label: label(item) });
        continue;
      }
      const fields = changedFields(before as Record<string, unknown>, item as Record<string, unknown>);
      if (fields.length === 0) report.unchanged.push({ ref, label: label(item) });
      else {
        into.update.push(item);
        report.changed.push({ ref, label: label(item), fields });
      }
    }
  };
  compareRecords(doc.sourceDocuments, target.model.sourceDocuments, (d) => d.key, (d) => d.title, 'kilde', plan.sourceDocuments);
  compareRecords(doc.municipalities, target.model.municipalities, (m) => m.number, (m) => m.name, 'kommune', plan.municipalities);

  // Requirement types, by key; the file's order for new ones.
  if (doc.requirementTypes) {
    const current = new Map(target.structure.requirementTypes.map((t) => [t.key, t]));
    let position = target.structure.requirementTypes.length;
    for (const t of doc.requirementTypes) {
      const before = current.get(t.key);
      const ref = `kravtype:${t.key}`;
      if (!before) {
        plan.requirementTypes.create.push({ ...t, position: position++ });
        report.created.push({ ref, label: t.label });
      } else if (before.label !== t.label) {
        plan.requirementTypes.update.push(t);
        report.changed.push({ ref, label: t.label, fields: [{ field: 'label', said: 'import.json.field.label', before: before.label, after: t.label }] });
      } else report.unchanged.push({ ref, label: t.label });
    }
  }
  const knownTypes = new Set([...target.structure.requirementTypes.map((t) => t.key), ...(doc.requirementTypes ?? []).map((t) => t.key)]);

  // Chapters, by path; parents first (numberChapters walks the tree in reading order).
  if (withChapters) {
    const targetById = new Map(target.structure.requirementChapters.map((c) => [c.id, c]));
    for (const c of numberChapters(doc.requirementChapters ?? [])) {
      const path = fileChapterPath.get(c.id)!;
      const existing = idOfPath.get(path);
      const ref = `kapittel:${path}`;
      if (existing === undefined) {
        plan.chapters.create.push({ id: c.id, parentId: c.parentId, name: c.name, position: c.position, version: c.version });
        report.created.push({ ref, label: c.name });
      } else if (targetById.get(existing)!.position !== c.position) {
        plan.chapters.update.push({ id: existing, position: c.position });
        report.changed.push({ ref, label: c.name, fields: [{ field: 'position', said: 'history.field.position', before: String(targetById.get(existing)!.position), after: String(c.position) }] });
      } else report.unchanged.push({ ref, label: c.name });
    }
  }

  const fileRefOf = (id: number) => fileRef.get(id) ?? `#${id}`;
  const targetRefOf = (id: number) => targetRef.get(id) ?? `#${id}`;
  for (const e of fileElements) {
    const ref = elementRef(e);
    const label = `${kindInfo[e.kind].singular}: ${e.name}`;
    const said: Message = { key: 'import.json.item.element', values: { kind: `kinds.${e.kind}.singular`, name: e.name } };
    if (e.kind === 'requirement') {
      if (e.typeKey != null && !knownTypes.has(e.typeKey)) report.problems.push({ at: ref, ...reportText({ key: 'import.json.unknownType', values: { ref: e.ref, type: e.typeKey } }) });
      const owner = refOwner.get(e.ref);
      if (owner !== undefined && owner !== ref) report.problems.push({ at: ref, ...reportText({ key: 'import.json.refTaken', values: { ref: e.ref, owner } }) });
    }
    if (e.kind === 'nationalProject') {
      const owner = projectOwner.get(e.projectNo);
      if (owner !== undefined && owner !== ref) report.problems.push({ at: ref, ...reportText({ key: 'import.json.projectTaken', values: { number: String(e.projectNo), owner } }) });
    }
    const before = targetByRef.get(ref);
    if (!before) {
      plan.elements.create.push(e);
      report.created.push({ ref, label, said });
      continue;
    }
    const fields = changedFields(
      comparable(before, targetRefOf, (id) => targetChapterPath.get(id), withChapters),
      comparable(e, fileRefOf, (id) => fileChapterPath.get(id), withChapters),
    );
    if (fields.length === 0) report.unchanged.push({ ref, label, said });
    else {
      plan.elements.update.push({ id: before.id, version: before.version, element: e });
      report.changed.push({ ref, label, said, fields });
    }
  }

  // Links, by their ends.
  const compareLinks = <L extends LinkName>(name: L) => {
    const shape = linkShapes[name] as (typeof linkShapes)[LinkName] as { label: string; said: MessageKey; ends: (l: ScopeLinks[L][number], ref: (id: number) => string) => string[]; value: (l: ScopeLinks[L][number], ref: (id: number) => string) => unknown };
    const current = new Map((target.model.links[name] as Array<ScopeLinks[L][number]>).map((l) => [shape.ends(l, targetRefOf).join(' → '), JSON.stringify(shape.value(l, targetRefOf))]));
    for (const l of doc.links[name] as Array<ScopeLinks[L][number]>) {
      const ref = shape.ends(l, fileRefOf).join(' → ');
      const value = JSON.stringify(shape.value(l, fileRefOf));
      const before = current.get(ref);
      if (before === undefined) {
        plan.links[name].create.push(l);
        report.created.push({ ref, label: shape.label, said: shape.said });
      } else if (before !== value) {
        plan.links[name].update.push(l);
        report.changed.push({ ref, label: shape.label, said: shape.said, fields: [{ field: 'lenke', said: 'import.json.field.link', before, after: value }] });
      } else report.unchanged.push({ ref, label: shape.label, said: shape.said });
    }
  };
  for (const name of linkNames) compareLinks(name);
  for (const l of doc.links.regionCounties) {
    const owner = countyOwner.get(l.countyNumber);
    if (owner !== undefined && owner !== fileRefOf(l.regionId)) report.problems.push({ at: `fylke ${l.countyNumber}`, ...reportText({ key: 'import.json.countyTaken', values: { county: l.countyNumber, owner } }) });
  }

  // Links between requirements.
  if (doc.requirementRelations) {
    const current = new Set(target.structure.requirementRelations.map((l) => `${targetRefOf(l.fromId)} ${l.kind} ${targetRefOf(l.toId)}`));
    for (const l of doc.requirementRelations) {
      const ref = `${fileRefOf(l.fromId)} ${l.kind} ${fileRefOf(l.toId)}`;
      if (current.has(ref)) report.unchanged.push({ ref, label: 'Lenke mellom krav', said: 'import.json.item.requirementRelation' });
      else {
        plan.requirementRelations.push(l);
        report.created.push({ ref, label: 'Lenke mellom krav', said: 'import.json.item.requirementRelation' });
      }
    }
  }

  const kept = targetElements.length - fileElements.filter((e) => targetByRef.has(elementRef(e))).length;
  if (kept > 0) report.notes.push(reportText({ key: 'import.json.note.kept', values: { count: kept } }));
  return { report, plan };
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): ImportFieldChange[] {
  const fields: ImportFieldChange[] = [];
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = shown(before[field]);
    const a = shown(after[field]);
    if (a !== b) fields.push({ field, before: b, after: a });
  }
  return fields;
}
