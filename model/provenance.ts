import { z } from 'zod';

/**
 * How sure the model is of an element or a link, measured against the source document:
 * - `stated`: the source says it, at the lines given;
 * - `tentative`: the source says it but marks it so (TENTATIVT, UNDER ARBEID, a tentative timeline);
 * - `inferred`: the editors' reading, with a one-line reason and the lines it rests on.
 * Architects set and change the level; the gap analysis counts what is inferred.
 */
export const provenanceLevels = ['stated', 'tentative', 'inferred'] as const;
export const provenanceLevelSchema = z.enum(provenanceLevels);
export type ProvenanceLevel = z.infer<typeof provenanceLevelSchema>;
const knownLevels: ReadonlySet<string> = new Set(provenanceLevels);

/** The levels' bokmål names, for exports to other tools; the interface says them from `domain.provenance.*`. */
export const provenanceLabel: Record<ProvenanceLevel, string> = {
  stated: 'Står i kilden',
  tentative: 'Tentativt i kilden',
  inferred: 'Tolkning',
};
/** One sentence on what the level means, for the badge's title and the form's hint. */
export const provenanceExplanation: Record<ProvenanceLevel, string> = {
  stated: 'Kilden sier dette, på linjene som er oppgitt.',
  tentative: 'Kilden sier dette, men merker det som tentativt eller under arbeid.',
  inferred: 'Redaksjonens lesning av kilden, med begrunnelse og linjene den bygger på.',
};

/** The provenance of a link: its level, the reason or note, and the lines it rests on. */
export const linkProvenanceSchema = z.object({
  level: provenanceLevelSchema,
  /** For `inferred`: the one-line reason. For the others: an optional note (e.g. a spelling corrected). */
  note: z.string().max(1000),
  fromLine: z.number().int().positive().nullable(),
  toLine: z.number().int().positive().nullable(),
});
export type LinkProvenance = z.infer<typeof linkProvenanceSchema>;

/** What a link made by an architect without saying more gets. */
export const defaultLinkProvenance: LinkProvenance = { level: 'inferred', note: '', fromLine: null, toLine: null };

/** Whether an item at this level lacks what the level asks for (an inferred item without its reason). */
export function lacksReason(p: { level: ProvenanceLevel; note: string }): boolean {
  return p.level === 'inferred' && p.note.trim() === '';
}

/** Row columns <-> the model's value. */
export function provenanceFromRow(row: {
  provenance: string;
  provenance_note: string;
  source_from?: number | null;
  source_to?: number | null;
}): LinkProvenance {
  // A set lookup rather than a schema parse: this runs for every link of a whole-model read.
  return {
    level: knownLevels.has(row.provenance) ? (row.provenance as ProvenanceLevel) : 'inferred',
    note: row.provenance_note,
    fromLine: row.source_from ?? null,
    toLine: row.source_to ?? null,
  };
}
