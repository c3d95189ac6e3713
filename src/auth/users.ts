import { fieldChanges } from '../../model/audit.ts';
import type { UserBinding, UserInput, UserSummary } from '../../model/accounts.ts';
import { userVersion } from '../../model/versions.ts';
import type { FieldErrors } from '../../views/components/form.tsx';
import { activeAdministratorCount, bindingProblems, emailTaken, insertUser, userById, userRecord } from '../db/queries/accounts.ts';
import { recordAudit, type AuditActor } from '../db/queries/audit.ts';
import { revokeResetLinks } from '../db/queries/invites.ts';
import type { Db } from '../db/index.ts';
import { hashPassword } from './password.ts';
import { endUserSessions } from './sessions.ts';

type Outcome = { kind: 'ok' } | { kind: 'problems'; errors: FieldErrors } | { kind: 'missing' } | { kind: 'stale'; current: UserSummary };

/**
 * An administrator changes a user: name, e-mail, role and binding, active or not. Disabling ends
 * every session the user has at once and cancels any reset link. The last active administrator cannot be demoted or disabled.
 */
export async function updateUser(db: Db, id: number, input: UserInput, actor: AuditActor, shownVersion?: string): Promise<Outcome> {
  return db.transaction().execute(async (trx): Promise<Outcome> => {
    const before = await userById(trx, id);
    if (!before) return { kind: 'missing' };
    // Changed by someone else since the form showed it: write nothing.
    if (shownVersion !== undefined && shownVersion !== userVersion(before)) return { kind: 'stale', current: before };
    const errors = await bindingProblems(trx, input);
    if (await emailTaken(trx, input.email, id)) errors.email = 'En annen bruker har allerede denne e-postadressen.';
    const wasActiveAdmin = before.role === 'administrator' && before.disabledAt === null;
    const staysActiveAdmin = input.role === 'administrator' && input.active;
    if (wasActiveAdmin && !staysActiveAdmin && (await activeAdministratorCount(trx)) <= 1) {
      errors[input.active ? 'role' : 'active'] = 'Det må finnes minst én aktiv administrator. Gi en annen bruker rollen først.';
    }
    if (Object.keys(errors).length > 0) return { kind: 'problems', errors };

    const disabledAt = input.active ? null : (before.disabledAt ?? actor.at.toISOString());
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
        updated_at: actor.at.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, { ...actor, action: 'user.update', entity: 'app_user', entityId: id, before: userRecord(before), after });
    if (disabledAt !== null && before.disabledAt === null) {
      await endUserSessions(trx, id, 'disabled', actor);
      // A reset link made before must not come back to life if the user is enabled again.
      await revokeResetLinks(trx, id, actor.at);
    }
    return { kind: 'ok' };
  });
}

/** Creates a user directly with a password (the command line); web users come through invitations. */
export async function createUser(
  db: Db,
  user: UserBinding & { email: string; name: string; password: string },
  actor: AuditActor,
): Promise<{ kind: 'ok'; id: number } | { kind: 'problems'; errors: FieldErrors }> {
  const passwordHash = await hashPassword(user.password);
  return db.transaction().execute(async (trx) => {
    const errors = await bindingProblems(trx, user);
    if (await emailTaken(trx, user.email)) errors.email = 'Det finnes allerede en bruker med denne e-postadressen.';
    if (Object.keys(errors).length > 0) return { kind: 'problems', errors } as const;
    const { password: _password, ...record } = user;
    const id = await insertUser(trx, { ...record, passwordHash }, actor.at);
    await recordAudit(trx, { ...actor, action: 'user.create', entity: 'app_user', entityId: id, after: { ...record, disabledAt: null } });
    return { kind: 'ok', id } as const;
  });
}
