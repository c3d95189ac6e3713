import { z } from 'zod';
import { say } from './messages.ts';
import { textRule } from './text.ts';

/** Each user has exactly one role; what a role may do is decided in `src/auth/policy.ts`. */
export const roles = ['administrator', 'architect', 'municipality', 'organisation', 'reader'] as const;
export const roleSchema = z.enum(roles, { error: say('auth.error.role') });
export type Role = z.infer<typeof roleSchema>;

export const roleLabel: Record<Role, string> = {
  administrator: 'Administrator',
  architect: 'Arkitekt',
  municipality: 'Kommune',
  organisation: 'Organisasjon',
  reader: 'Leser',
};

export const organisationKinds = ['profesjonsforening', 'pasientforening', 'interesseorganisasjon', 'KS', 'annet'] as const;
export const organisationKindSchema = z.enum(organisationKinds, { error: say('auth.error.kind') });
export type OrganisationKind = z.infer<typeof organisationKindSchema>;

export const organisationKindLabel: Record<OrganisationKind, string> = {
  profesjonsforening: 'Profesjonsforening',
  pasientforening: 'Pasientforening',
  interesseorganisasjon: 'Interesseorganisasjon',
  KS: 'KS',
  annet: 'Annet',
};

/** E-mail addresses are stored in lower case, so that sign-in does not depend on capitals. */
export const emailSchema = z
  .string({ error: say('auth.error.emailMissing') })
  .trim()
  .toLowerCase()
  .min(1, say('auth.error.emailMissing'))
  .max(254, say('auth.error.emailLong'))
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, say('auth.error.emailInvalid'));

export const passwordMinLength = 12;
export const passwordSchema = z
  .string({ error: say('auth.error.passwordNew') })
  .min(passwordMinLength, say('auth.error.passwordShort'))
  .max(200, say('auth.error.passwordLong'));

export const personNameSchema = textRule('one-line', 'validation.subject.name', z.string({ error: say('auth.error.nameMissing') }).trim().min(1, say('auth.error.nameMissing')).max(200, say('auth.error.nameLong')));

export const municipalityNumberSchema = z.string().regex(/^\d{4}$/, say('auth.error.municipalityNumber'));

/** Form values: an empty field means "not given". */
const blankAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalMunicipality = z.preprocess(blankAsUndefined, municipalityNumberSchema.optional());
const optionalOrganisationId = z.preprocess(
  blankAsUndefined,
  z.coerce.number({ error: say('auth.error.organisation') }).int(say('auth.error.organisation')).positive(say('auth.error.organisation')).optional(),
);

/** A role with what it is bound to: a municipality user to one municipality, an organisation user to one organisation. */
export interface UserBinding {
  role: Role;
  municipalityNumber: string | null;
  organisationId: number | null;
}

const bindingShape = {
  role: roleSchema,
  municipality: optionalMunicipality,
  organisation: optionalOrganisationId,
};

/** The binding field each bound role needs; the other roles need neither. */
export const bindingFieldOf: Partial<Record<Role, 'municipality' | 'organisation'>> = { municipality: 'municipality', organisation: 'organisation' };

/**
 * Checks that the role has the binding it needs and no binding it cannot have. A value the role
 * cannot have is refused beside its field, never dropped: the administrator may have meant
 * another role.
 */
function toBinding<T extends { role: Role; municipality?: string | undefined; organisation?: number | undefined }>(
  value: T,
  ctx: z.RefinementCtx,
): Omit<T, 'municipality' | 'organisation'> & UserBinding {
  const { municipality, organisation, ...rest } = value;
  const params = { role: value.role };
  if (value.role === 'municipality' && !municipality) {
    ctx.addIssue({ code: 'custom', path: ['municipality'], message: say('auth.error.municipalityNeeded') });
  }
  if (value.role !== 'municipality' && municipality) {
    ctx.addIssue({ code: 'custom', path: ['municipality'], message: say('auth.error.noMunicipality'), params });
  }
  if (value.role === 'organisation' && !organisation) {
    ctx.addIssue({ code: 'custom', path: ['organisation'], message: say('auth.error.organisationNeeded') });
  }
  if (value.role !== 'organisation' && organisation) {
    ctx.addIssue({ code: 'custom', path: ['organisation'], message: say('auth.error.noOrganisation'), params });
  }
  return {
    ...rest,
    municipalityNumber: value.role === 'municipality' ? (municipality ?? null) : null,
    organisationId: value.role === 'organisation' ? (organisation ?? null) : null,
  };
}

/**
 * The binding fields as htmx asks for them when the role changes in a form. The field the new
 * role cannot have goes away before the administrator's eyes, so its value goes with it; a value
 * that is not well-formed is not carried over (nothing is saved here).
 */
export const bindingChoiceSchema = z
  .object({
    role: roleSchema.catch('reader'),
    municipality: z.string().regex(/^\d{4}$/).optional().catch(undefined),
    organisation: z.string().regex(/^\d{1,12}$/).optional().catch(undefined),
  })
  .transform((v) => ({
    role: v.role,
    municipality: v.role === 'municipality' ? v.municipality : undefined,
    organisation: v.role === 'organisation' ? v.organisation : undefined,
  }));
export type BindingChoice = z.infer<typeof bindingChoiceSchema>;

/** What an administrator edits about a user. `active` is a checkbox: present means on. */
export const userInputSchema = z
  .object({
    name: personNameSchema,
    email: emailSchema,
    ...bindingShape,
    active: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
  })
  .transform(toBinding);
export type UserInput = z.infer<typeof userInputSchema>;

/** An invitation: who is invited and in which role. The invitee chooses name and password. */
export const inviteInputSchema = z
  .object({
    email: emailSchema,
    ...bindingShape,
  })
  .transform(toBinding);
export type InviteInput = z.infer<typeof inviteInputSchema>;

/** A new password, twice: accepting an invitation and choosing a new password share it. */
const newPasswordShape = {
  password: passwordSchema,
  passwordRepeat: z.string({ error: say('auth.error.repeatMissing') }),
};
const repeated = (v: { password: string; passwordRepeat: string }) => v.password === v.passwordRepeat;
const notRepeated = { path: ['passwordRepeat'], message: say('auth.error.notRepeated') };

/** Accepting an invitation or the first-start setup link. */
export const acceptInviteSchema = z.object({ name: personNameSchema, ...newPasswordShape }).refine(repeated, notRepeated);

/** Choosing a new password with an administrator's link. */
export const newPasswordSchema = z.object(newPasswordShape).refine(repeated, notRepeated);

/** The setup link has no e-mail address yet: the first administrator gives one. */
export const acceptSetupSchema = z.object({ email: emailSchema, name: personNameSchema, ...newPasswordShape }).refine(repeated, notRepeated);

/** Sign-in only checks that both fields are there; whether they match is the server's answer. */
export const loginInputSchema = z.object({
  email: z.string({ error: say('auth.error.emailMissing') }).trim().toLowerCase().min(1, say('auth.error.emailMissing')).max(254, say('auth.error.emailLong')),
  password: z.string({ error: say('auth.error.passwordMissing') }).min(1, say('auth.error.passwordMissing')).max(200, say('auth.error.passwordLong')),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const organisationInputSchema = z.object({
  name: textRule('one-line', 'validation.subject.name', z.string({ error: say('auth.error.organisationNameMissing') }).trim().min(1, say('auth.error.organisationNameMissing')).max(200, say('auth.error.nameLong'))),
  kind: organisationKindSchema,
  contact: textRule('multi-line', 'validation.subject.contact', z.string().trim().max(500, say('auth.error.contactLong'))).default(''),
});
export type OrganisationInput = z.infer<typeof organisationInputSchema>;

/**
 * Where to go after signing in: only a path on this site, never another host. Anything else
 * (blank, another site) counts as no return path, and the user lands where the role starts.
 */
export const returnPathSchema = z
  .string()
  // Printable ASCII only (a path as a browser sends it, percent-encoded): no whitespace or control
  // character can make the Location header fail or be read as another host.
  .regex(/^\/(?![/\\])[\x21-\x7e]*$/, say('validation.returnPath'))
  .max(2000)
  .optional()
  .catch(undefined);

/** Where a role starts after signing in without a return path: its own work, else the overview. */
export function landingPath(role: Role): string {
  if (role === 'municipality') return '/vurdering';
  if (role === 'organisation') return '/horing';
  return '/';
}

/** A user as the administration pages list it. */
export interface UserSummary extends UserBinding {
  id: number;
  email: string;
  name: string;
  municipalityName: string | null;
  organisationName: string | null;
  disabledAt: string | null;
  createdAt: string;
  lastSeenAt: string | null;
}

export interface Organisation {
  id: number;
  name: string;
  kind: OrganisationKind;
  contact: string;
  userCount: number;
}

export interface MunicipalityOption {
  number: string;
  name: string;
}

/**
 * A one-time link: an administrator's invitation, the first-start setup link (e-mail given on
 * acceptance), or an administrator's link for a user to choose a new password (`reset`).
 */
export interface Invite extends UserBinding {
  id: number;
  purpose: 'invite' | 'setup' | 'reset';
  email: string | null;
  /** The user the link made (once used), or for a reset link the user whose password it sets. */
  userId: number | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
  createdByName: string | null;
  municipalityName: string | null;
  organisationName: string | null;
}
