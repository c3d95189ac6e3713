import type { Transaction } from 'kysely';
import type { Invite, Role, UserSummary } from '../../model/accounts.ts';
import type { Config } from '../config.ts';
import { setPasswordHash, userById } from '../db/queries/accounts.ts';
import { recordAudit, type AuditActor } from '../db/queries/audit.ts';
import { claimInvite, revokeResetLinks } from '../db/queries/invites.ts';
import type { Db } from '../db/index.ts';
import type { Database } from '../db/schema.ts';
import { hashPassword } from './password.ts';
import { endUserSessions, startSession } from './sessions.ts';
import { forgetAccountFailures } from './throttle.ts';

/**
 * A forgotten password: an administrator makes a one-time link (an invitation with the purpose
 * `reset`, valid for PASSWORD_RESET_HOURS) with which the user chooses a new password, or sets
 * one from the command line. Either way every session the user has ends.
 */

/** The path of a reset link; like an invitation's, the token is only in the link. */
export const resetPath = (token: string) => `/nytt-passord/${token}`;

/** The start of a link printed outside a request (the command line): PUBLIC_URL, else where the server listens. */
export function linkOrigin(config: Config): string {
  return config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
}

type Refusal = { kind: 'missing' } | { kind: 'disabled' };

/** The password is replaced: the user's sessions end, other reset links and the account's failed sign-ins are forgotten. */
async function replacePassword(trx: Transaction<Database>, user: UserSummary, passwordHash: string, actor: AuditActor): Promise<void> {
  await setPasswordHash(trx, user.id, passwordHash, actor.at);
  await revokeResetLinks(trx, user.id, actor.at);
  await endUserSessions(trx, user.id, 'password-changed', actor);
  await forgetAccountFailures(trx, user.email);
}

/**
 * The user chooses a new password with the link: uses up the link, ends every session the user
 * had and signs the user in afresh, all or nothing.
 */
export async function usePasswordReset(
  db: Db,
  invite: Invite,
  password: string,
  actor: AuditActor,
): Promise<{ kind: 'ok'; token: string; role: Role } | { kind: 'gone' }> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const user = invite.purpose === 'reset' && invite.userId !== null ? await userById(trx, invite.userId) : undefined;
    if (!user || user.disabledAt !== null) return { kind: 'gone' } as const;
    // Claimed first: of two uses racing, the second finds it used and writes nothing.
    if (!(await claimInvite(trx, invite.id, user.id, actor.at))) return { kind: 'gone' } as const;
    const self = { ...actor, userId: user.id };
    await replacePassword(trx, user, passwordHash, self);
    await recordAudit(trx, { ...self, action: 'password-reset.use', entity: 'app_user', entityId: user.id, after: { link: invite.id } });
    const token = await startSession(trx, user.id, actor.at, actor.clientAddress);
    await recordAudit(trx, { ...self, action: 'login', entity: 'app_user', entityId: user.id, details: 'etter nytt passord' });
    return { kind: 'ok', token, role: user.role } as const;
  });
}

/** Sets a password directly (the command line, `--password-stdin`). */
export async function setPassword(db: Db, userId: number, password: string, actor: AuditActor): Promise<{ kind: 'ok' } | Refusal> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const user = await userById(trx, userId);
    if (!user) return { kind: 'missing' } as const;
    if (user.disabledAt !== null) return { kind: 'disabled' } as const;
    await replacePassword(trx, user, passwordHash, actor);
    await recordAudit(trx, { ...actor, action: 'password.set', entity: 'app_user', entityId: userId, details: 'fra kommandolinjen' });
    return { kind: 'ok' } as const;
  });
}
