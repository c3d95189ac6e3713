import { z } from 'zod';
import { say } from '../messages.ts';

/** A new personal API token, as the form sends it: a name, and whether it may only read. */
export const apiTokenInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, say('validation.token.name'))
    .max(100, say('validation.field.tooLong', { subject: 'validation.subject.name' }))
    .refine((s) => !/[\u0000-\u001F\u007F]/.test(s), say('validation.token.control')),
  // A checkbox: present ("on") when ticked, absent when not.
  readOnly: z
    .literal('on')
    .optional()
    .transform((v) => v === 'on'),
});
export type ApiTokenInput = z.infer<typeof apiTokenInputSchema>;

/** `POST /api/requirements/{key}/links`: link or unlink a requirement, as the requirement page's form does. */
export const apiRequirementLinkSchema = z.object({
  op: z.enum(['link', 'unlink']).default('link'),
  linkKind: z.enum(['governs', 'derived_from', 'supersedes']).default('governs'),
  target: z.object({
    kind: z.string().min(1),
    key: z.string().min(1),
  }),
  /** The requirement's version the script read (optimistic: a stale one gets 409). */
  version: z.number().int().positive(),
});
export type ApiRequirementLink = z.infer<typeof apiRequirementLinkSchema>;
