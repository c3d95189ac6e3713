import type { Invite, Role, UserSummary } from '../../model/accounts.ts';
import { hashPassword } from '../auth/password.ts';
import { userById } from '../db/queries/accounts.ts';
import { setPasswordHash } from './writes/accounts.ts';
import type { AuditActor } from './writes/audit.ts';
import { claimInvite, revokeResetLinks } from './writes/invites.ts';
import type { Db } from '../db/index.ts';
import { changeAs, type Caller, type SystemAudit, type Tx } from './run.ts';
import { endUserSessions, startSession } from './sessions.ts';
import { forgetAccountFailures } from './sign-in.ts';

/*
 * Use cases: a forgotten password. An administrator makes a one-time link (`createPasswordReset`
 * in admin.ts) with which the user, not signed in, chooses a new password; or the operator sets
 * one at the command line. Either way every session the user has ends. The new password is
 * hashed before the transaction starts (hashing is slow on purpose; the write lock is not held
 * for it).
 */

/** The password is replaced: the user's sessions end, other reset links and the account's failed sign-ins are forgotten. */
async function replacePassword(trx: Tx, user: UserSummary, passwordHash: string, at: Date, audit: SystemAudit): Promise<void> {
  await setPasswordHash(trx, user.id, passwordHash, at);
  await revokeResetLinks(trx, user.id, at);
  await endUserSessions(trx, user.id, 'password-changed', audit);
  await forgetAccountFailures(trx, user.email);
}

/**
 * The user chooses a new password with the link: uses up the link, ends every session the user
 * had and signs the user in afresh, all or nothing. Audited as the link's user.
 */
export async function usePasswordReset(db: Db, caller: Caller, invite: Invite, password: string): Promise<{ kind: 'ok'; token: string; role: Role } | { kind: 'gone' }> {
  const passwordHash = await hashPassword(password);
  return changeAs(db, caller, async (trx, audit) => {
    const user = invite.purpose === 'reset' && invite.userId !== null ? await userById(trx, invite.userId) : undefined;
    if (!user || user.disabledAt !== null) return { kind: 'gone' } as const;
    // Claimed first: of two uses racing, the second finds it used and writes nothing.
    if (!(await claimInvite(trx, invite.id, user.id, caller.at))) return { kind: 'gone' } as const;
    const self: SystemAudit = (note) => audit({ userId: user.id, ...note });
    await replacePassword(trx, user, passwordHash, caller.at, self);
    await self({ action: 'password-reset.use', entity: 'app_user', entityId: user.id, after: { link: invite.id } });
    const token = await startSession(trx, user.id, caller.at, caller.clientAddress);
    await self({ action: 'login', entity: 'app_user', entityId: user.id, details: 'etter nytt passord' });
    return { kind: 'ok', token, role: user.role } as const;
  });
}

/** Sets a password directly: the operator at the command line (`--password-stdin`), who is no signed-in user. */
export async function setPassword(db: Db, userId: number, password: string, actor: AuditActor): Promise<{ kind: 'ok' } | { kind: 'missing' } | { kind: 'disabled' }> {
  const passwordHash = await hashPassword(password);
  return changeAs(db, actor, async (trx, audit) => {
    const user = await userById(trx, userId);
    if (!user) return { kind: 'missing' } as const;
    if (user.disabledAt !== null) return { kind: 'disabled' } as const;
    await replacePassword(trx, user, passwordHash, actor.at, audit);
    await audit({ action: 'password.set', entity: 'app_user', entityId: userId, details: 'fra kommandolinjen' });
    return { kind: 'ok' } as const;
  });
}
