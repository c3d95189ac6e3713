import { roleSchema } from '../../model/accounts.ts';
import type { Db } from '../db/index.ts';
import type { Viewer } from './context.ts';
import { hashToken, newToken } from './tokens.ts';

/** Personal API tokens start with this, so a leaked one is recognisable in logs and secret scanners. */
export const API_TOKEN_PREFIX = 'akson_';

export function newApiTokenSecret(): string {
  return `${API_TOKEN_PREFIX}${newToken()}`;
}

/** The `Authorization: Bearer` value of a request, if it sent one. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * The user a token acts for, with its role and bindings as they are now (a changed role takes
 * effect at once), or null for a token that is unknown, revoked, or whose user is disabled.
 * One query.
 */
export async function lookupApiToken(db: Db, secret: string): Promise<Viewer | null> {
  if (!secret.startsWith(API_TOKEN_PREFIX) || secret.length > 200) return null;
  const row = await db
    .selectFrom('api_token as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .select(['t.id as token_id', 't.read_only', 'u.id as user_id', 'u.name', 'u.email', 'u.role', 'u.municipality_number', 'u.organisation_id', 'u.language'])
    .where('t.token_hash', '=', hashToken(secret))
    .where('t.revoked_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.user_id,
    name: row.name,
    email: row.email,
    role: roleSchema.parse(row.role),
    municipalityNumber: row.municipality_number,
    organisationId: row.organisation_id,
    language: row.language,
    sessionId: `token:${row.token_id}`,
    apiToken: { id: row.token_id, readOnly: row.read_only === 1 },
  };
}

export interface ApiTokenListRow {
  id: number;
  name: string;
  readOnly: boolean;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A user's own tokens, newest first (never the secret: only its hash is stored). */
export async function listApiTokens(db: Db, userId: number): Promise<ApiTokenListRow[]> {
  const rows = await db
    .selectFrom('api_token')
    .select(['id', 'name', 'read_only', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    readOnly: r.read_only === 1,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }));
}
