import type { BaselineSnapshot } from '../baselines.ts';
import { elementKinds, type ElementKind } from '../kinds.ts';
import { defaultLinkProvenance, type LinkProvenance, type ProvenanceLevel } from '../provenance.ts';
import type { RequirementRelationKind } from '../requirements.ts';
import type { RequirementPriority, RequirementStatus, ScopeElement, VerificationMethod } from '../schemas.ts';

/*
 * The requirement set as the exchange formats (ReqIF out and in) see it: no database ids, only
 * what survives a trip to another tool and back. Chapters are named by an exchange id and form a
 * tree; requirements refer to their chapter by that id, to each other by their exchange id, and
 * to the scope's elements by kind and key. Pure.
 */

export interface ExchangeChapter {
  /** Stable in the file (`kap-<id>` from this tool; a foreign tool's own identifier otherwise). */
  xid: string;
  parent: string | null;
  name: string;
  position: number;
}

export interface ExchangeRequirement {
  /** Stable in the file: `req-aks-0012` from this tool. */
  xid: string;
  /** The requirement number (AKS-0012), when the file has one in our form; null for a foreign requirement. */
  ref: string | null;
  name: string;
  nameEn: string | null;
  description: string;
  text: string;
  rationale: string;
  priority: RequirementPriority;
  status: RequirementStatus;
  chapter: string | null;
  type: { key: string; label: string } | null;
  acceptanceCriteria: string;
  verificationMethod: VerificationMethod | null;
  tags: string[];
  tentative: boolean;
  provenance: ProvenanceLevel;
  provenanceNote: string;
  /** Where in a source document the requirement comes from («kildedokument:12-15»). */
  source: { document: string; fromLine: number; toLine: number } | null;
  /** The version the file was written from (for the stale check on import); null from foreign tools. */
  version: number | null;
  updatedAt: string | null;
}

export interface ExchangeRelation {
  from: string;
  to: string;
  kind: RequirementRelationKind;
}

/** A requirement governs (gjelder) an element of the scope, named by kind and key. */
export interface ExchangeGoverns {
  requirement: string;
  element: { kind: ElementKind; key: string; name: string };
  provenance: LinkProvenance;
}

export interface RequirementSet {
  chapters: ExchangeChapter[];
  types: Array<{ key: string; label: string }>;
  requirements: ExchangeRequirement[];
  relations: ExchangeRelation[];
  governs: ExchangeGoverns[];
}

export const chapterXid = (id: number): string => `kap-${id}`;
export const requirementXid = (ref: string): string => `req-${ref.toLowerCase()}`;

/** The requirement set of a snapshot (the model now, or a baseline as it was frozen). */
export function requirementSetOf(snapshot: Pick<BaselineSnapshot, 'model' | 'requirementChapters' | 'requirementRelations' | 'requirementTypes'>): RequirementSet {
  const { model } = snapshot;
  const requirements = [...model.elements.requirement].sort((a, b) => a.ref.localeCompare(b.ref, 'en', { numeric: true }));
  const xidOfRequirement = new Map(requirements.map((r) => [r.id, requirementXid(r.ref)]));
  const byId = new Map<number, ScopeElement>();
  for (const kind of elementKinds) for (const e of model.elements[kind]) byId.set(e.id, e);
  const typeLabel = new Map(snapshot.requirementTypes.map((t) => [t.key, t.label]));

  return {
    chapters: [...snapshot.requirementChapters]
      .sort((a, b) => (a.parentId ?? 0) - (b.parentId ?? 0) || a.position - b.position || a.id - b.id)
      .map((c) => ({ xid: chapterXid(c.id), parent: c.parentId === null ? null : chapterXid(c.parentId), name: c.name, position: c.position })),
    types: snapshot.requirementTypes.map((t) => ({ key: t.key, label: t.label })),
    requirements: requirements.map((r) => ({
      xid: requirementXid(r.ref),
      ref: r.ref,
      name: r.name,
      nameEn: r.nameEn,
      description: r.description,
      text: r.text,
      rationale: r.rationale,
      priority: r.priority,
      status: r.status,
      chapter: r.chapterId ? chapterXid(r.chapterId) : null,
      type: r.typeKey ? { key: r.typeKey, label: typeLabel.get(r.typeKey) ?? r.typeKey } : null,
      acceptanceCriteria: r.acceptanceCriteria ?? '',
      verificationMethod: r.verificationMethod ?? null,
      tags: r.tags ?? [],
      tentative: r.tentative,
      provenance: r.provenance,
      provenanceNote: r.provenanceNote,
      source: r.source,
      version: r.version,
      updatedAt: null,
    })),
    relations: snapshot.requirementRelations.flatMap((l) => {
      const from = xidOfRequirement.get(l.fromId);
      const to = xidOfRequirement.get(l.toId);
      return from && to ? [{ from, to, kind: l.kind }] : [];
    }),
    governs: model.links.requirementElements.flatMap((l) => {
      const requirement = xidOfRequirement.get(l.requirementId);
      const element = byId.get(l.elementId);
      return requirement && element
        ? [{ requirement, element: { kind: element.kind, key: element.key, name: element.name }, provenance: l.provenance ?? defaultLinkProvenance }]
        : [];
    }),
  };
}

/** Each chapter's path of names from the top ("Funksjonelle krav / Legemidler"): how chapters are matched across databases. */
export function chapterPaths(chapters: readonly ExchangeChapter[]): Map<string, string> {
  const byXid = new Map(chapters.map((c) => [c.xid, c]));
  const paths = new Map<string, string>();
  const pathOf = (xid: string, seen: Set<string>): string => {
    const known = paths.get(xid);
    if (known !== undefined) return known;
    const c = byXid.get(xid);
    if (!c) return '';
    const parent = c.parent && !seen.has(c.parent) ? pathOf(c.parent, new Set([...seen, xid])) : '';
    const path = parent ? `${parent} / ${c.name}` : c.name;
    paths.set(xid, path);
    return path;
  };
  for (const c of chapters) pathOf(c.xid, new Set());
  return paths;
}
