import type { BaselineSnapshot } from '../baselines.ts';
import { elementKinds } from '../kinds.ts';
import { numberChapters } from '../requirements.ts';
import type { ScopeElement } from '../schemas.ts';
import type { RequirementSheetSource } from './requirement-sheet.ts';

/**
 * The spreadsheet rows of a baseline (`/eksport/krav.xlsx?grunnlinje=ID`): the requirements as they
 * were frozen, in the same columns as the live export. A snapshot keeps no change times, so
 * «Sist endret» is when the baseline was frozen. Pure.
 */
export function requirementSheetSourcesOf(snapshot: BaselineSnapshot): RequirementSheetSource[] {
  const { model } = snapshot;
  const chapterLabel = new Map(numberChapters(snapshot.requirementChapters).map((c) => [c.id, `${c.number} ${c.name}`]));
  const typeLabel = new Map(snapshot.requirementTypes.map((t) => [t.key, t.label]));
  const byId = new Map<number, ScopeElement>();
  for (const kind of elementKinds) for (const e of model.elements[kind]) byId.set(e.id, e);
  const linked = new Map<number, string[]>();
  for (const l of model.links.requirementElements) {
    const e = byId.get(l.elementId);
    if (e) linked.set(l.requirementId, [...(linked.get(l.requirementId) ?? []), `${e.kind}:${e.key}`]);
  }
  return [...model.elements.requirement]
    .sort((a, b) => a.ref.localeCompare(b.ref, 'en'))
    .map((r) => ({
      ref: r.ref,
      name: r.name,
      text: r.text,
      rationale: r.rationale,
      priority: r.priority,
      status: r.status,
      chapter: r.chapterId ? (chapterLabel.get(r.chapterId) ?? null) : null,
      typeLabel: r.typeKey ? (typeLabel.get(r.typeKey) ?? r.typeKey) : null,
      acceptanceCriteria: r.acceptanceCriteria ?? '',
      verificationMethod: r.verificationMethod ?? null,
      linkedElements: (linked.get(r.id) ?? []).sort(),
      source: r.source ? `${r.source.document}:${r.source.fromLine}-${r.source.toLine}` : r.sourceCommentId ? `kommentar:${r.sourceCommentId}` : null,
      tags: r.tags ?? [],
      version: r.version,
      updatedAt: model.exportedAt,
    }));
}
