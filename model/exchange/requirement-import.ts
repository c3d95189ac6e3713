import { provenanceLabel } from '../provenance.ts';
import { derivationWouldCycle, traceLinkKindLabel } from '../requirements.ts';
import { requirementPriorityLabel, requirementStatusLabel, verificationMethodLabel } from '../schemas.ts';
import { emptyImportReport, reportText, type ImportFieldChange, type ImportReport } from './import-report.ts';
import type { ReadRequirement, RequirementField } from './reqif-read.ts';
import { sourceText } from './reqif.ts';
import type { MessageKey } from '../messages.ts';
import { chapterPaths, type ExchangeGoverns, type ExchangeRelation, type ExchangeRequirement, type RequirementSet } from './requirement-set.ts';

/*
 * What importing a requirement set (read from a file) into the requirement set there is now
 * would do: the dry-run report, and the plan the use case writes. Pure. Requirements are matched
 * by their number (AKS-0012); a requirement without one is new. Chapters are matched by their
 * path of names, types by key, elements by kind and key. Links are only added, never removed.
 */

/** Fields the import writes, in the order the report lists them: the name in bokmål (CLI, audit) and as a catalogue key (the report page says it in the reader's language). */
const fieldLabels: Array<[Exclude<RequirementField, 'ref' | 'version'>, string, MessageKey]> = [
  ['name', 'Navn', 'history.field.name'],
  ['nameEn', 'Navn (engelsk)', 'history.field.nameEn'],
  ['text', 'Kravtekst', 'history.field.text'],
  ['description', 'Beskrivelse', 'history.field.description'],
  ['rationale', 'Begrunnelse', 'history.field.rationale'],
  ['type', 'Kravtype', 'history.field.type'],
  ['priority', 'Prioritet', 'history.field.priority'],
  ['status', 'Status', 'history.field.status'],
  ['acceptanceCriteria', 'Akseptansekriterier', 'history.field.acceptanceCriteria'],
  ['verificationMethod', 'Verifikasjonsmetode', 'history.field.verificationMethod'],
  ['tags', 'Etiketter', 'history.field.tags'],
  ['tentative', 'Tentativt', 'history.field.tentative'],
  ['provenance', 'Kildegrunnlag', 'history.field.provenance'],
  ['provenanceNote', 'Kildegrunnlag, begrunnelse', 'history.field.provenanceNote'],
  ['source', 'Kilde', 'import.reqif.field.source'],
];

function shown(r: ExchangeRequirement, field: (typeof fieldLabels)[number][0]): string {
  switch (field) {
    case 'type':
      return r.type?.label ?? '';
    case 'priority':
      return requirementPriorityLabel[r.priority];
    case 'status':
      return requirementStatusLabel[r.status];
    case 'verificationMethod':
      return r.verificationMethod ? verificationMethodLabel[r.verificationMethod] : '';
    case 'tags':
      return r.tags.join(', ');
    case 'tentative':
      return r.tentative ? 'Ja' : 'Nei';
    case 'provenance':
      return provenanceLabel[r.provenance];
    case 'nameEn':
      return r.nameEn ?? '';
    case 'source':
      return r.source ? sourceText(r.source) : '';
    default:
      return r[field];
  }
}

export interface PlannedUpdate {
  ref: string;
  /** The version the change is checked against when it is written. */
  version: number;
  /** The requirement as it will be: the current one with the file's given fields. */
  next: ExchangeRequirement;
  chapterChanged: boolean;
}

export interface ImportPlan {
  types: Array<{ key: string; label: string }>;
  /** Chapters to create, parents first; `parent` is an incoming xid or an existing chapter's xid. */
  chapters: Array<{ xid: string; parent: string | null; name: string; position: number }>;
  /** Incoming chapter xid → the chapter it is: an existing one's xid, or itself when created. */
  chapterOf: Map<string, string>;
  creates: ExchangeRequirement[];
  updates: PlannedUpdate[];
  relations: ExchangeRelation[];
  governs: ExchangeGoverns[];
}

export interface PlanInput {
  current: RequirementSet;
  incoming: Omit<RequirementSet, 'requirements'> & { requirements: ReadRequirement[] };
  /** Every element in the database, as `kind:key`. */
  elements: ReadonlySet<string>;
  /** The source documents in the database, by key. */
  documents: ReadonlySet<string>;
  format: ImportReport['format'];
  fileName: string;
}

export function planRequirementImport({ current, incoming: file, elements, documents, format, fileName }: PlanInput): { report: ImportReport; plan: ImportPlan } {
  const report = emptyImportReport(format, fileName);
  // A source in a document this database does not have cannot be kept.
  const incoming = {
    ...file,
    requirements: file.requirements.map((r): ReadRequirement => {
      if (!r.source || documents.has(r.source.document)) return r;
      report.notes.push(reportText({ key: 'import.set.sourceMissing', values: { ref: r.ref ?? r.xid, document: r.source.document, source: sourceText(r.source) } }));
      return { ...r, source: null };
    }),
  };
  const plan: ImportPlan = { types: [], chapters: [], chapterOf: new Map(), creates: [], updates: [], relations: [], governs: [] };

  // Types.
  const currentTypes = new Map(current.types.map((t) => [t.key, t.label]));
  for (const t of incoming.types) {
    if (currentTypes.has(t.key)) continue;
    const used = incoming.requirements.some((r) => r.type?.key === t.key);
    if (!used) continue;
    plan.types.push(t);
    currentTypes.set(t.key, t.label);
    report.created.push({ ref: `kravtype:${t.key}`, label: `Kravtype «${t.label}»` });
  }

  // Chapters, by path.
  const currentPaths = chapterPaths(current.chapters);
  const currentByPath = new Map([...currentPaths].map(([xid, path]) => [path, xid]));
  const incomingPaths = chapterPaths(incoming.chapters);
  const byXid = new Map(incoming.chapters.map((c) => [c.xid, c]));
  const ordered: typeof incoming.chapters = [];
  const visit = (xid: string, seen: Set<string>) => {
    const c = byXid.get(xid);
    if (!c || ordered.includes(c) || seen.has(xid)) return;
    if (c.parent) visit(c.parent, new Set([...seen, xid]));
    ordered.push(c);
  };
  for (const c of incoming.chapters) visit(c.xid, new Set());
  for (const c of ordered) {
    const path = incomingPaths.get(c.xid)!;
    const existing = currentByPath.get(path);
    if (existing) {
      plan.chapterOf.set(c.xid, existing);
      continue;
    }
    const parent = c.parent ? (plan.chapterOf.get(c.parent) ?? null) : null;
    plan.chapters.push({ xid: c.xid, parent, name: c.name, position: c.position });
    plan.chapterOf.set(c.xid, c.xid);
    currentByPath.set(path, c.xid);
    report.created.push({ ref: `kapittel:${path}`, label: `Kapittel «${path}»` });
  }
  const allPaths = new Map([...currentPaths, ...[...plan.chapterOf].map(([xid, to]) => [to, incomingPaths.get(xid) ?? ''] as const)]);

  // Requirements.
  const currentByRef = new Map(current.requirements.map((r) => [r.ref!, r]));
  const refOfXid = new Map<string, string | null>();
  for (const r of incoming.requirements) {
    const chapter = r.chapter ? (plan.chapterOf.get(r.chapter) ?? null) : null;
    refOfXid.set(r.xid, r.ref);
    const existing = r.ref ? currentByRef.get(r.ref) : undefined;
    if (!existing) {
      plan.creates.push({ ...r, chapter });
      report.created.push({ ref: r.ref ?? r.xid, label: r.name });
      continue;
    }
    const next: ExchangeRequirement = { ...existing };
    const fields: ImportFieldChange[] = [];
    for (const [field, label, said] of fieldLabels) {
      if (!r.given.includes(field)) continue;
      const before = shown(existing, field);
      const after = shown(r, field);
      if (before === after) continue;
      fields.push({ field: label, said, before, after });
      (next as unknown as Record<string, unknown>)[field] = r[field];
    }
    // A file that places the requirement in the hierarchy says where it belongs.
    const placed = incoming.chapters.length > 0 || r.chapter !== null;
    const chapterChanged = placed && (existing.chapter ?? null) !== chapter;
    if (chapterChanged) {
      fields.push({ field: 'Kapittel', said: 'history.field.chapter', before: existing.chapter ? (allPaths.get(existing.chapter) ?? '') : '', after: chapter ? (allPaths.get(chapter) ?? '') : '' });
      next.chapter = chapter;
    }
    if (fields.length === 0) {
      report.unchanged.push({ ref: existing.ref!, label: existing.name });
      continue;
    }
    if (r.version !== null && existing.version !== null && r.version !== existing.version) {
      report.problems.push({ at: r.ref!, ...reportText({ key: 'import.set.changedSince', values: { ref: r.ref!, fileVersion: String(r.version), currentVersion: String(existing.version) } }) });
      continue;
    }
    plan.updates.push({ ref: existing.ref!, version: existing.version ?? 1, next, chapterChanged });
    report.changed.push({ ref: existing.ref!, label: existing.name, fields });
  }

  // Links: added when missing, never removed.
  const key = (ref: string | null | undefined, xid: string) => ref ?? xid;
  const currentRelations = new Set(current.relations.map((l) => `${l.from}|${l.kind}|${l.to}`));
  const xidOfRef = (ref: string | null, xid: string) => (ref ? `req-${ref.toLowerCase()}` : xid);
  const derivations = current.relations.filter((l) => l.kind === 'derived_from');
  const numbers = new Map<string, number>();
  const num = (xid: string) => numbers.get(xid) ?? (numbers.set(xid, numbers.size + 1), numbers.size);
  const existingDerivations = derivations.map((l) => ({ fromId: num(l.from), toId: num(l.to), kind: 'derived_from' as const }));
  for (const l of incoming.relations) {
    const from = xidOfRef(refOfXid.get(l.from) ?? null, l.from);
    const to = xidOfRef(refOfXid.get(l.to) ?? null, l.to);
    if (currentRelations.has(`${from}|${l.kind}|${to}`)) continue;
    const fromRef = key(refOfXid.get(l.from), l.from);
    const toRef = key(refOfXid.get(l.to), l.to);
    if (l.kind === 'derived_from' && derivationWouldCycle(existingDerivations, num(from), num(to))) {
      report.problems.push({ at: fromRef, ...reportText({ key: 'import.set.derivationCycle', values: { from: fromRef, to: toRef } }) });
      continue;
    }
    if (l.kind === 'derived_from') existingDerivations.push({ fromId: num(from), toId: num(to), kind: 'derived_from' });
    currentRelations.add(`${from}|${l.kind}|${to}`);
    plan.relations.push(l);
    report.created.push({ ref: `kobling:${fromRef}:${l.kind}:${toRef}`, label: `${fromRef} ${traceLinkKindLabel[l.kind].toLowerCase()} ${toRef}` });
  }
  const currentGoverns = new Set(current.governs.map((g) => `${g.requirement}|${g.element.kind}:${g.element.key}`));
  for (const g of incoming.governs) {
    const ref = refOfXid.get(g.requirement) ?? null;
    const element = `${g.element.kind}:${g.element.key}`;
    if (!elements.has(element)) {
      report.problems.push({ at: ref ?? g.requirement, ...reportText({ key: 'import.set.elementMissing', values: { ref: ref ?? g.requirement, name: g.element.name, element } }) });
      continue;
    }
    if (currentGoverns.has(`${xidOfRef(ref, g.requirement)}|${element}`)) continue;
    plan.governs.push(g);
    report.created.push({ ref: `kobling:${ref ?? g.requirement}:governs:${element}`, label: `${ref ?? g.requirement} gjelder ${g.element.name}` });
  }
  return { report, plan };
}
