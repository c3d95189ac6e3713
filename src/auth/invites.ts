import type { Config } from '../config.ts';
import { activeAdministratorCount, emailTaken, insertUser } from '../db/queries/accounts.ts';
import { recordAudit, type AuditActor } from '../db/queries/audit.ts';
import type { Invite } from '../../model/accounts.ts';
import { claimInvite, insertInvite, revokeSetupLinks } from '../db/queries/invites.ts';
import type { Db } from '../db/index.ts';
import type { FieldErrors } from '../../views/components/form.tsx';
import { hashPassword } from './password.ts';
import { startSession } from './sessions.ts';

/** The path of a one-time link; the token is only ever in the link, never stored. */
export const invitePath = (token: string) => `/invitasjon/${token}`;

/**
 * The first-start setup link: valid for SETUP_LINK_MINUTES, once, and only while no active
 * administrator exists. Printing a new one revokes the ones printed before.
 */
export async function createSetupLink(db: Db, config: Config, at: Date): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    if ((await activeAdministratorCount(trx)) > 0) return null;
    await revokeSetupLinks(trx, at);
    const expires = new Date(at.getTime() + config.SETUP_LINK_MINUTES * 60_000);
    const { id, token } = await insertInvite(
      trx,
      { purpose: 'setup', email: null, role: 'administrator', municipalityNumber: null, organisationId: null, createdBy: null },
      at,
      expires,
    );
    await recordAudit(trx, { at, userId: null, clientAddress: null, action: 'invite.create', entity: 'invite', entityId: id, details: 'oppsettlenke ved første oppstart', after: { role: 'administrator', expiresAt: expires.toISOString() } });
    return token;
  });
}

export type AcceptResult = { kind: 'ok'; token: string; userId: number } | { kind: 'problems'; errors: FieldErrors } | { kind: 'gone' };

/** Creates the invited user, uses up the link and signs the new user in, all or nothing. */
export async function acceptInvite(
  db: Db,
  invite: Invite,
  input: { email: string; name: string; password: string },
  actor: AuditActor,
): Promise<AcceptResult> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx): Promise<AcceptResult> => {
    if (invite.purpose === 'setup' && (await activeAdministratorCount(trx)) > 0) return { kind: 'gone' };
    if (await emailTaken(trx, input.email)) {
      return {
        kind: 'problems',
        errors: invite.purpose === 'setup' ? { email: 'Det finnes allerede en bruker med denne e-postadressen.' } : { skjema: 'Det finnes allerede en bruker med denne e-postadressen. Logg inn i stedet.' },
      };
    }
    const binding = { role: invite.role, municipalityNumber: invite.municipalityNumber, organisationId: invite.organisationId };
    const userId = await insertUser(trx, { email: input.email, name: input.name, passwordHash, ...binding }, actor.at);
    if (!(await claimInvite(trx, invite.id, userId, actor.at))) throw new InviteGone();
    const self = { ...actor, userId };
    await recordAudit(trx, { ...self, action: 'user.create', entity: 'app_user', entityId: userId, after: { email: input.email, name: input.name, ...binding, disabledAt: null } });
    await recordAudit(trx, { ...self, action: 'invite.use', entity: 'invite', entityId: invite.id });
    const token = await startSession(trx, userId, actor.at, actor.clientAddress);
    await recordAudit(trx, { ...self, action: 'login', entity: 'app_user', entityId: userId, details: 'etter invitasjon' });
    return { kind: 'ok', token, userId };
  }).catch((error: unknown) => {
    if (error instanceof InviteGone) return { kind: 'gone' } as const;
    throw error;
  });
}

/** Rolls the acceptance back when another request used the link first. */
class InviteGone extends Error {}
