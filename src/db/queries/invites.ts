import type { Kysely, Transaction } from 'kysely';
import { roleSchema, type Invite } from '../../../model/accounts.ts';
import { hashToken } from '../../auth/tokens.ts';
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
