import type { Invite } from '../../model/accounts.ts';
import type { Message } from '../../model/messages.ts';
import { hashPassword } from '../auth/password.ts';
import type { Config } from '../config.ts';
import { activeAdministratorCount, emailTaken } from '../db/queries/accounts.ts';
import { insertUser } from './writes/accounts.ts';
import { claimInvite, insertInvite, revokeSetupLinks } from './writes/invites.ts';
import type { Db } from '../db/index.ts';
import { changeAs, type Caller } from './run.ts';
import { startSession } from './sessions.ts';

/*
 * Use cases: the first-start setup link, made by the system, and accepting an invitation (or
 * the setup link) by its secret link, by someone not yet a user. Neither has a permission to
 * check: the link is the permission, and each is checked inside the transaction (still unused,
 * and for the setup link, still no administrator) before anything is written.
 */

/**
 * The first-start setup link: valid for SETUP_LINK_MINUTES, once, and only while no active
 * administrator exists. Printing a new one revokes the ones printed before.
 */
export function createSetupLink(db: Db, config: Config, at: Date): Promise<string | null> {
  return changeAs(db, { at, userId: null, clientAddress: null }, async (trx, audit) => {
    if ((await activeAdministratorCount(trx)) > 0) return null;
    await revokeSetupLinks(trx, at);
    const expires = new Date(at.getTime() + config.SETUP_LINK_MINUTES * 60_000);
    const { id, token } = await insertInvite(
      trx,
      { purpose: 'setup', email: null, role: 'administrator', municipalityNumber: null, organisationId: null, createdBy: null },
      at,
      expires,
    );
    await audit({ action: 'invite.create', entity: 'invite', entityId: id, details: 'oppsettlenke ved første oppstart', after: { role: 'administrator', expiresAt: expires.toISOString() } });
    return token;
  });
}

export type AcceptResult = { kind: 'ok'; token: string; userId: number } | { kind: 'problems'; errors: Record<string, Message> } | { kind: 'gone' };

/** Creates the invited user, uses up the link and signs the new user in, all or nothing; audited as the new user. */
export async function acceptInvite(db: Db, caller: Caller, invite: Invite, input: { email: string; name: string; password: string }): Promise<AcceptResult> {
  const passwordHash = await hashPassword(input.password);
  return changeAs(db, caller, async (trx, audit): Promise<AcceptResult> => {
    if (invite.purpose === 'setup' && (await activeAdministratorCount(trx)) > 0) return { kind: 'gone' };
    if (await emailTaken(trx, input.email)) {
      return {
        kind: 'problems',
        errors: invite.purpose === 'setup' ? { email: { key: 'admin.error.emailTaken' } } : { skjema: { key: 'admin.error.emailTakenSignIn' } },
      };
    }
    const binding = { role: invite.role, municipalityNumber: invite.municipalityNumber, organisationId: invite.organisationId };
    const userId = await insertUser(trx, { email: input.email, name: input.name, passwordHash, ...binding }, caller.at);
    // Another request used the link first: the user just inserted is rolled back with the rest.
    if (!(await claimInvite(trx, invite.id, userId, caller.at))) throw new InviteGone();
    await audit({ userId, action: 'user.create', entity: 'app_user', entityId: userId, after: { email: input.email, name: input.name, ...binding, disabledAt: null } });
    await audit({ userId, action: 'invite.use', entity: 'invite', entityId: invite.id });
    const token = await startSession(trx, userId, caller.at, caller.clientAddress);
    await audit({ userId, action: 'login', entity: 'app_user', entityId: userId, details: 'etter invitasjon' });
    return { kind: 'ok', token, userId };
  }).catch((error: unknown) => {
    if (error instanceof InviteGone) return { kind: 'gone' } as const;
    throw error;
  });
}

/** Rolls the acceptance back when another request used the link first. */
class InviteGone extends Error {}
