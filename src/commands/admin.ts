import { fieldChanges } from '../../model/audit.ts';
import type { InviteInput, Organisation, OrganisationInput, UserInput, UserSummary } from '../../model/accounts.ts';
import { contentVersion, userVersion } from '../../model/versions.ts';
import type { Message } from '../../model/messages.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';
import { activeAdministratorCount, bindingProblems, emailTaken, organisationById, organisationNameTaken, userById, userRecord } from '../db/queries/accounts.ts';
import { pendingInviteFor } from '../db/queries/invites.ts';
import { insertInvite, revokeInvite, revokeResetLinks } from './writes/invites.ts';
import { NotFound } from './errors.ts';
import { endUserSessions } from './sessions.ts';
import { change, changeAs, type AuditNote, type Caller, type Tx } from './run.ts';

/**
 * What administrators change: organisations, users, invitations and reset links, and the record
 * that someone took a copy of the audit log. Versioned forms name what they showed; a change
 * made since means nothing is written.
 */

const noOrganisation = { key: 'errors.refused.noOrganisation' } as const;
const noUser = { key: 'errors.refused.noUser' } as const;

/** The fields of an organisation its audit record and its version cover. */
export const organisationRecord = (o: Pick<Organisation, 'name' | 'kind' | 'contact'>) => ({ name: o.name, kind: o.kind, contact: o.contact });
/** The version of an organisation as its edit form shows it. */
export const organisationVersion = (o: Pick<Organisation, 'name' | 'kind' | 'contact'>) => contentVersion(organisationRecord(o));

export function createOrganisation(db: Db, caller: Caller, input: OrganisationInput): Promise<{ kind: 'ok'; id: number } | { kind: 'name-taken' }> {
  return change(db, caller, 'organisations.manage', {
    load: async (trx) => ({ taken: await organisationNameTaken(trx, input.name) }),
    write: async (trx, { taken }, audit) => {
      if (taken) return { kind: 'name-taken' } as const;
      const at = caller.at.toISOString();
      const row = await trx.insertInto('organisation').values({ ...input, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
      await audit({ action: 'organisation.create', entity: 'organisation', entityId: row.id, after: organisationRecord(input) });
      return { kind: 'ok', id: row.id } as const;
    },
  });
}

export type OrganisationUpdate = { kind: 'ok' } | { kind: 'name-taken' } | { kind: 'stale'; stored: Organisation };

/** Changes an organisation unless someone changed it since the form showed `shown` (then nothing is written). */
export function updateOrganisation(db: Db, caller: Caller, id: number, input: OrganisationInput, shown: string): Promise<OrganisationUpdate> {
  return change(db, caller, 'organisations.manage', {
    load: async (trx) => {
      const before = await organisationById(trx, id);
      if (!before) throw new NotFound(noOrganisation);
      return { before, taken: await organisationNameTaken(trx, input.name, id) };
    },
    write: async (trx, { before, taken }, audit): Promise<OrganisationUpdate> => {
      if (shown !== organisationVersion(before)) return { kind: 'stale', stored: before };
      if (taken) return { kind: 'name-taken' };
      await trx.updateTable('organisation').set({ ...input, updated_at: caller.at.toISOString() }).where('id', '=', before.id).execute();
      await audit({ action: 'organisation.update', entity: 'organisation', entityId: before.id, before: organisationRecord(before), after: organisationRecord(input) });
      return { kind: 'ok' };
    },
  });
}

export type UserUpdate = { kind: 'ok' } | { kind: 'problems'; errors: Record<string, Message> } | { kind: 'stale'; current: UserSummary };

/**
 * An administrator changes a user: name, e-mail, role and binding, active or not. Disabling ends
 * every session the user has at once and cancels any reset link. The last active administrator
 * cannot be demoted or disabled. `shown` is the version the form showed (`userVersion`).
 */
export function updateUser(db: Db, caller: Caller, id: number, input: UserInput, shown: string): Promise<UserUpdate> {
  return change(db, caller, 'users.manage', {
    load: async (trx) => {
      const before = await userById(trx, id);
      if (!before) throw new NotFound(noUser);
      return before;
    },
    write: async (trx, before, audit): Promise<UserUpdate> => {
      // Changed by someone else since the form showed it: write nothing.
      if (shown !== userVersion(before)) return { kind: 'stale', current: before };
      const errors = await bindingProblems(trx, input);
      if (await emailTaken(trx, input.email, id)) errors.email = { key: 'admin.error.emailTakenByOther' };
      const wasActiveAdmin = before.role === 'administrator' && before.disabledAt === null;
      const staysActiveAdmin = input.role === 'administrator' && input.active;
      if (wasActiveAdmin && !staysActiveAdmin && (await activeAdministratorCount(trx)) <= 1) {
        errors[input.active ? 'role' : 'active'] = { key: 'admin.error.lastAdministrator' };
      }
      if (Object.keys(errors).length > 0) return { kind: 'problems', errors };

      const disabledAt = input.active ? null : (before.disabledAt ?? caller.at.toISOString());
      const after = { email: input.email, name: input.name, role: input.role, municipalityNumber: input.municipalityNumber, organisationId: input.organisationId, disabledAt };
      if (fieldChanges(userRecord(before), after).length === 0) return { kind: 'ok' };
      await trx
        .updateTable('app_user')
        .set({
          email: after.email,
          name: after.name,
          role: after.role,
          municipality_number: after.municipalityNumber,
          organisation_id: after.organisationId,
          disabled_at: disabledAt,
          updated_at: caller.at.toISOString(),
        })
        .where('id', '=', id)
        .execute();
      await audit({ action: 'user.update', entity: 'app_user', entityId: id, before: userRecord(before), after });
      if (disabledAt !== null && before.disabledAt === null) {
        await endUserSessions(trx, id, 'disabled', audit);
        // A reset link made before must not come back to life if the user is enabled again.
        await revokeResetLinks(trx, id, caller.at);
      }
      return { kind: 'ok' };
    },
  });
}

/** An administrator invites someone: the link is valid for INVITE_HOURS and works once. */
export function createInvite(
  db: Db,
  caller: Caller,
  config: Pick<Config, 'INVITE_HOURS'>,
  input: InviteInput,
): Promise<{ kind: 'ok'; token: string; id: number; expiresAt: Date } | { kind: 'problems'; errors: Record<string, Message> }> {
  return change(db, caller, 'users.manage', {
    load: async (trx) => {
      const errors = await bindingProblems(trx, input);
      if (await emailTaken(trx, input.email)) errors.email = { key: 'admin.error.emailTaken' };
      else if (await pendingInviteFor(trx, input.email, caller.at)) errors.email = { key: 'admin.error.invitePending' };
      return errors;
    },
    write: async (trx, errors, audit) => {
      if (Object.keys(errors).length > 0) return { kind: 'problems', errors } as const;
      const expires = new Date(caller.at.getTime() + config.INVITE_HOURS * 3_600_000);
      const { id, token } = await insertInvite(trx, { purpose: 'invite', createdBy: caller.user!.id, ...input }, caller.at, expires);
      await audit({
        action: 'invite.create',
        entity: 'invite',
        entityId: id,
        after: { email: input.email, role: input.role, municipalityNumber: input.municipalityNumber, organisationId: input.organisationId, expiresAt: expires.toISOString() },
      });
      return { kind: 'ok', token, id, expiresAt: expires } as const;
    },
  });
}

/** Withdraws a pending invitation; false when there is none (used, withdrawn already, or a reset link). */
export function withdrawInvite(db: Db, caller: Caller, id: number): Promise<boolean> {
  return change(db, caller, 'users.manage', {
    load: async () => undefined,
    write: async (trx, _, audit) => {
      if (!(await revokeInvite(trx, id, caller.at))) return false;
      await audit({ action: 'invite.revoke', entity: 'invite', entityId: id });
      return true;
    },
  });
}

type ResetLink = { kind: 'ok'; token: string; email: string; expiresAt: Date } | { kind: 'disabled' };

/** Makes a reset link for the user; an older link the user had stops working. A disabled user gets none. */
export function createPasswordReset(db: Db, caller: Caller, config: Pick<Config, 'PASSWORD_RESET_HOURS'>, userId: number): Promise<ResetLink> {
  return change(db, caller, 'users.manage', {
    load: (trx) => userOrNotFound(trx, userId),
    write: (trx, user, audit) => writeResetLink(trx, user, caller, config, audit),
  });
}

/** The same link made by the operator at the command line (`npm run user -- reset-password`), who is no signed-in user. */
export function createPasswordResetAsOperator(db: Db, caller: Caller, config: Pick<Config, 'PASSWORD_RESET_HOURS'>, userId: number): Promise<ResetLink> {
  return changeAs(db, caller, async (trx, audit) => writeResetLink(trx, await userOrNotFound(trx, userId), caller, config, audit));
}

async function userOrNotFound(trx: Tx, userId: number): Promise<UserSummary> {
  const user = await userById(trx, userId);
  if (!user) throw new NotFound(noUser);
  return user;
}

async function writeResetLink(trx: Tx, user: UserSummary, caller: Caller, config: Pick<Config, 'PASSWORD_RESET_HOURS'>, audit: (note: AuditNote) => Promise<void>): Promise<ResetLink> {
  // A disabled user could not sign in with the new password: enabling is a separate, deliberate step.
  if (user.disabledAt !== null) return { kind: 'disabled' };
  const replaced = await revokeResetLinks(trx, user.id, caller.at);
  const expiresAt = new Date(caller.at.getTime() + config.PASSWORD_RESET_HOURS * 3_600_000);
  const link = await insertInvite(
    trx,
    { purpose: 'reset', email: user.email, role: user.role, municipalityNumber: null, organisationId: null, createdBy: caller.user?.id ?? null, userId: user.id },
    caller.at,
    expiresAt,
  );
  await audit({
    action: 'password-reset.create',
    entity: 'app_user',
    entityId: user.id,
    after: { link: link.id, expiresAt: expiresAt.toISOString() },
    details: replaced > 0 ? 'erstatter en tidligere lenke, som ikke virker lenger' : null,
  });
  return { kind: 'ok', token: link.token, email: user.email, expiresAt };
}

/** Who took a copy of the audit log, and with which filter, is itself recorded. */
export function recordAuditExport(db: Db, caller: Caller, details: string): Promise<void> {
  return change(db, caller, 'audit.read', {
    load: async () => undefined,
    write: (_, __, audit) => audit({ action: 'audit.export', details }),
  });
}
