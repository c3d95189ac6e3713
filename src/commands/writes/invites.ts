import type { Kysely, Transaction } from 'kysely';
import type { UserBinding } from '../../../model/accounts.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import type { Database } from '../../db/schema.ts';

/**
 * One-time links as the use cases write them: stored (only the token's hash), claimed, revoked
 * (issue 10: the reads stay in `src/db/queries/invites.ts`), each in the use case's transaction.
 */
type Executor = Kysely<Database> | Transaction<Database>;

export interface NewInvite extends UserBinding {
  purpose: 'invite' | 'setup' | 'reset';
  email: string | null;
  createdBy: number | null;
  /** Only for a reset link: the user whose password it sets. */
  userId?: number;
}

/** Stores the invitation and returns its id and the token for the link (not stored). */
export async function insertInvite(trx: Executor, invite: NewInvite, at: Date, expiresAt: Date): Promise<{ id: number; token: string }> {
  const token = newToken();
  const row = await trx
    .insertInto('invite')
    .values({
      token_hash: hashToken(token),
      purpose: invite.purpose,
      email: invite.email,
      role: invite.role,
      municipality_number: invite.municipalityNumber,
      organisation_id: invite.organisationId,
      created_by: invite.createdBy,
      created_at: at.toISOString(),
      expires_at: expiresAt.toISOString(),
      used_at: null,
      revoked_at: null,
      user_id: invite.userId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

/**
 * Marks the link used by `userId`, only if it still can be: of two acceptances racing, one wins.
 */
export async function claimInvite(trx: Executor, id: number, userId: number, at: Date): Promise<boolean> {
  const result = await trx
    .updateTable('invite')
    .set({ used_at: at.toISOString(), user_id: userId })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function revokeInvite(trx: Executor, id: number, at: Date): Promise<boolean> {
  const result = await trx
    .updateTable('invite')
    .set({ revoked_at: at.toISOString() })
    .where('id', '=', id)
    // A reset link is no invitation: it is cancelled by a newer link or by disabling the user.
    .where('purpose', '<>', 'reset')
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Revokes every setup link still open, so only the newest printed one works. */
export async function revokeSetupLinks(trx: Executor, at: Date): Promise<number> {
  const result = await trx
    .updateTable('invite')
    .set({ revoked_at: at.toISOString() })
    .where('purpose', '=', 'setup')
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Revokes the user's reset links still open: only the newest link works, and none once a password is set. */
export async function revokeResetLinks(trx: Executor, userId: number, at: Date): Promise<number> {
  const result = await trx
    .updateTable('invite')
    .set({ revoked_at: at.toISOString() })
    .where('purpose', '=', 'reset')
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
