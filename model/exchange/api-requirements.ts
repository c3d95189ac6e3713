import { z } from 'zod';
import { provenanceLevels } from '../provenance.ts';
import { requirementPriorities, requirementStatuses, verificationMethods } from '../schemas.ts';

/**
 * A requirement as a script sends it to `POST /api/requirements` and `PUT /api/requirements/{key}`:
 * JSON types (numbers, booleans, a list of tags) rather than form strings. The route turns it into
 * the form's values and checks it with the same schema as the page (`elementInputSchemas.requirement`),
 * so the rules (a «skal» statement, lengths, a chapter that exists) are the same wherever a
 * requirement is written.
 */
export const apiRequirementInputSchema = z.object({
  name: z.string().describe('Kort tittel'),
  nameEn: z.string().nullable().optional().describe('Tittel på engelsk'),
  description: z.string().optional(),
  text: z.string().describe('Kravteksten, et «skal»-utsagn'),
  rationale: z.string().optional(),
  priority: z.enum(requirementPriorities),
  status: z.enum(requirementStatuses),
  chapter: z.number().int().positive().nullable().optional().describe('Kapittelets id (se /api/baselines/{id} eller kravsidene)'),
  type: z.string().nullable().optional().describe('Kravtypens nøkkel, f.eks. «funksjonelt»'),
  acceptanceCriteria: z.string().optional(),
  verificationMethod: z.enum(verificationMethods).nullable().optional(),
  sourceLines: z.string().nullable().optional().describe('Linjer i kildedokumentet, «2096» eller «2096-2132»'),
  sourceComment: z.number().int().positive().nullable().optional().describe('Nummeret på høringskommentaren kravet kom fra'),
  tags: z.array(z.string()).optional(),
  tentative: z.boolean().optional(),
  provenance: z.enum(provenanceLevels).optional(),
  provenanceNote: z.string().optional(),
});
export type ApiRequirementInput = z.infer<typeof apiRequirementInputSchema>;

/** A whole requirement again, with the version the script read: a stale one gets 409 and changes nothing. */
export const apiRequirementUpdateSchema = apiRequirementInputSchema.extend({ version: z.number().int().positive() });

/** What a write answers: the requirement's key, number and new version. */
export const apiRequirementWrittenSchema = z.object({ key: z.string(), ref: z.string(), version: z.number().int().positive() });

/** The JSON as the values the page's form would post, for the page's own schema. */
export function requirementFormValues(input: ApiRequirementInput): Record<string, string> {
  return {
    name: input.name,
    nameEn: input.nameEn ?? '',
    description: input.description ?? '',
    text: input.text,
    rationale: input.rationale ?? '',
    priority: input.priority,
    status: input.status,
    chapter: input.chapter ? String(input.chapter) : '',
    type: input.type ?? '',
    acceptanceCriteria: input.acceptanceCriteria ?? '',
    verificationMethod: input.verificationMethod ?? '',
    sourceLines: input.sourceLines ?? '',
    sourceComment: input.sourceComment ? String(input.sourceComment) : '',
    tags: (input.tags ?? []).join(', '),
    tentative: input.tentative ? 'on' : '',
    provenance: input.provenance ?? '',
    provenanceNote: input.provenanceNote ?? '',
  };
}
