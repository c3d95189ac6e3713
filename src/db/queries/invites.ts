import type { Kysely, Transaction } from 'kysely';
import { roleSchema, type Invite, type UserBinding } from '../../../model/accounts.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/* One-time links: only the token's hash is stored; the link is shown once. */

function inviteQuery(db: Executor) {
  return db
    .selectFrom('invite as i')
    .leftJoin('app_user as c', 'c.id', 'i.created_by')
    .leftJoin('municipality as m', 'm.number', 'i.municipality_number')
    .leftJoin('organisation as o', 'o.id', 'i.organisation_id')
    .select([
      'i.id',
      'i.purpose',
      'i.email',
      'i.role',
      'i.municipality_number',
      'i.organisation_id',
      'i.created_at',
      'i.expires_at',
      'i.used_at',
      'i.revoked_at',
      'i.user_id',
      'c.name as created_by_name',
      'm.name as municipality_name',
      'o.name as organisation_name',
    ]);
}

type InviteRow = Awaited<ReturnType<ReturnType<typeof inviteQuery>['executeTakeFirstOrThrow']>>;

function toInvite(r: InviteRow): Invite {
  return {
    id: r.id,
    purpose: r.purpose,
    email: r.email,
    userId: r.user_id,
    role: roleSchema.parse(r.role),
    municipalityNumber: r.municipality_number,
    organisationId: r.organisation_id,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    usedAt: r.used_at,
    revokedAt: r.revoked_at,
    createdByName: r.created_by_name,
    municipalityName: r.municipality_name,
    organisationName: r.organisation_name,
  };
}

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

export async function inviteByToken(db: Executor, token: string): Promise<Invite | undefined> {
  const row = await inviteQuery(db).where('i.token_hash', '=', hashToken(token)).executeTakeFirst();
  return row && toInvite(row);
}

export async function inviteById(db: Executor, id: number): Promise<Invite | undefined> {
  const row = await inviteQuery(db).where('i.id', '=', id).executeTakeFirst();
  return row && toInvite(row);
}

/** Whether the link can still be used at `at`. */
export function inviteUsable(invite: Invite, at: Date): boolean {
  return invite.usedAt === null && invite.revokedAt === null && Date.parse(invite.expiresAt) > at.getTime();
}

/** Invitations not yet used, revoked or expired, newest first. */
export async function pendingInvites(db: Db, at: Date): Promise<Invite[]> {
  const rows = await inviteQuery(db)
    .where('i.purpose', '=', 'invite')
    .where('i.used_at', 'is', null)
    .where('i.revoked_at', 'is', null)
    .where('i.expires_at', '>', at.toISOString())
    .orderBy('i.id', 'desc')
    .execute();
  return rows.map(toInvite);
}

export async function pendingInviteFor(db: Executor, email: string, at: Date): Promise<boolean> {
  const row = await db
    .selectFrom('invite')
    .select('id')
    .where('purpose', '=', 'invite')
    .where('email', '=', email)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at.toISOString())
    .executeTakeFirst();
  return row !== undefined;
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

/** The newest reset link for the user that still works, if any. */
export async function pendingResetFor(db: Executor, userId: number, at: Date): Promise<Invite | undefined> {
  const row = await inviteQuery(db)
    .where('i.purpose', '=', 'reset')
    .where('i.user_id', '=', userId)
    .where('i.used_at', 'is', null)
    .where('i.revoked_at', 'is', null)
    .where('i.expires_at', '>', at.toISOString())
    .orderBy('i.id', 'desc')
    .executeTakeFirst();
  return row && toInvite(row);
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
