import { z } from 'zod';
import { say } from './messages.ts';
import { lacksReason, provenanceLevelSchema, type LinkProvenance } from './provenance.ts';
import { textRule } from './text.ts';
import { contentVersion } from './versions.ts';
import type { ScopeLinks } from './schemas.ts';

/**
 * Every kind of link that carries a provenance (issue 16), by the name the model's `links` use,
 * plus a capability's placement in a solution part (a column pair on `capability`). One record,
 * so a new list of links in the model fails `tsc` here until it says where its rows live and
 * which columns name one link.
 */
export type LinkType = keyof ScopeLinks | 'capabilitySolutionPart';

export interface LinkTypeInfo {
  table: string;
  /** The columns that name one link, in the order a form sends their values. */
  ends: readonly string[];
  /** Which of `ends` are text rather than element ids. */
  textEnds?: readonly string[];
}

export const linkTypes = {
  serviceCapabilities: { table: 'service_capability', ends: ['service_id', 'capability_id'] },
  serviceGoals: { table: 'service_goal', ends: ['service_id', 'goal_id'] },
  serviceDependencies: { table: 'service_dependency', ends: ['service_id', 'project_id'] },
  serviceExchanges: { table: 'service_exchange', ends: ['service_id', 'actor_id', 'mode_id'] },
  servicePersonnelGroups: { table: 'service_personnel', ends: ['service_id', 'personnel_group_id'] },
  requirementElements: { table: 'requirement_element', ends: ['requirement_id', 'element_id'] },
  relations: { table: 'element_relation', ends: ['from_id', 'to_id', 'relation'], textEnds: ['relation'] },
  regionCounties: { table: 'region_county', ends: ['region_id', 'county_number'], textEnds: ['county_number'] },
  capabilitySolutionPart: { table: 'capability', ends: ['element_id'] },
} as const satisfies Record<LinkType, LinkTypeInfo>;

export const linkTypeNames = Object.keys(linkTypes) as LinkType[];
export const linkTypeSchema = z.enum(linkTypeNames as [LinkType, ...LinkType[]]);

/** The values of a link's `ends`, as a form carries them: "12.34" or "12.34.usesInterface". */
export function linkEndsToken(values: ReadonlyArray<number | string>): string {
  return values.map(String).join('.');
}

/** Parses a form's ends token for a link type; undefined when it does not fit. */
export function parseLinkEnds(type: LinkType, token: string): Array<number | string> | undefined {
  const info: LinkTypeInfo = linkTypes[type];
  const parts = token.split('.');
  if (parts.length !== info.ends.length) return undefined;
  const values: Array<number | string> = [];
  for (const [i, column] of info.ends.entries()) {
    const part = parts[i]!;
    if (info.textEnds?.includes(column)) {
      if (!/^[A-Za-z0-9_-]{1,40}$/.test(part)) return undefined;
      values.push(part);
    } else {
      if (!/^[1-9][0-9]{0,11}$/.test(part)) return undefined;
      values.push(Number(part));
    }
  }
  return values;
}

/**
 * What a form showed of a link's provenance, so a save over someone else's newer change is
 * refused (the link has no version column of its own; its provenance is what the form edits).
 */
export function provenanceFingerprint(p: LinkProvenance): string {
  return contentVersion({ level: p.level, note: p.note, fromLine: p.fromLine, toLine: p.toLine });
}

const lineField = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === '') return null;
    if (!/^[0-9]{1,6}$/.test(v) || Number(v) < 1) {
      ctx.addIssue({ code: 'custom', message: say('validation.provenance.lineNumber') });
      return z.NEVER;
    }
    return Number(v);
  });

/**
 * A link's provenance as an architect sets it: an inferred link needs its reason; a stated or
 * tentative one the lines of the source that say it. The note is one line.
 */
export const linkProvenanceInputSchema = z
  .object({
    level: provenanceLevelSchema,
    note: textRule('one-line', 'validation.subject.reason', z.string().trim().max(1000, say('validation.field.tooLong', { subject: 'validation.subject.reason' }))),
    fromLine: lineField,
    toLine: lineField,
  })
  .superRefine((v, ctx) => {
    if (lacksReason(v)) ctx.addIssue({ code: 'custom', path: ['note'], message: say('validation.provenance.reason') });
    if ((v.fromLine === null) !== (v.toLine === null))
      ctx.addIssue({ code: 'custom', path: [v.fromLine === null ? 'fromLine' : 'toLine'], message: say('validation.provenance.bothLines') });
    else if (v.fromLine !== null && v.toLine !== null && v.fromLine > v.toLine)
      ctx.addIssue({ code: 'custom', path: ['toLine'], message: say('validation.provenance.lineOrder') });
    if (v.level !== 'inferred' && v.fromLine === null)
      ctx.addIssue({ code: 'custom', path: ['fromLine'], message: say('validation.provenance.linesNeeded') });
  });
export type LinkProvenanceInput = z.output<typeof linkProvenanceInputSchema>;
