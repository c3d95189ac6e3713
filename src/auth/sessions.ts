import type { Kysely, Transaction } from 'kysely';
import { roleSchema } from '../../model/accounts.ts';
import type { Config } from '../config.ts';
import { recordAudit, type AuditActor } from '../db/queries/audit.ts';
import type { Db } from '../db/index.ts';
import type { Database } from '../db/schema.ts';
import type { Viewer } from './context.ts';
import { hashToken, newToken } from './tokens.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** Why a session ended; kept in the audit log. */
export type SessionEnd = 'signed-out' | 'idle' | 'expired' | 'disabled' | 'replaced' | 'user-changed' | 'password-changed';

/** Activity more recent than this does not rewrite `last_seen_at`: idle expiry is exact to the minute. */
const touchAfterMs = 60_000;

/** Starts a session for the user and returns the token for the cookie (only its hash is stored). */
export async function startSession(db: Executor, userId: number, at: Date, clientAddress: string | null): Promise<string> {
  const token = newToken();
  const iso = at.toISOString();
  await db
    .insertInto('user_session')
    .values({ id: hashToken(token), user_id: userId, created_at: iso, last_seen_at: iso, client_address: clientAddress })
    .execute();
  return token;
}

export type SessionLookup = { viewer: Viewer } | { ended: SessionEnd } | { missing: true };

/**
 * The user behind a cookie's token, if the session is still alive: not idle longer than
 * SESSION_IDLE_MINUTES, not older than SESSION_ABSOLUTE_HOURS, its user not disabled. A dead
 * session is ended (deleted, and the end recorded). One query for a live session.
 */
export async function lookupSession(db: Db, token: string, actor: AuditActor, config: Config): Promise<SessionLookup> {
  const id = hashToken(token);
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['s.id', 's.created_at', 's.last_seen_at', 'u.id as user_id', 'u.name', 'u.email', 'u.role', 'u.municipality_number', 'u.organisation_id', 'u.disabled_at', 'u.language'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return { missing: true };

  const now = actor.at.getTime();
  const idleFor = now - Date.parse(row.last_seen_at);
  const age = now - Date.parse(row.created_at);
  const end: SessionEnd | null =
    row.disabled_at !== null
      ? 'disabled'
      : age >= config.SESSION_ABSOLUTE_HOURS * 3_600_000
        ? 'expired'
        : idleFor >= config.SESSION_IDLE_MINUTES * 60_000
          ? 'idle'
          : null;
  if (end) {
    await endSession(db, id, end, { ...actor, userId: row.user_id });
    return { ended: end };
  }
  if (idleFor >= touchAfterMs) {
    await db.updateTable('user_session').set({ last_seen_at: actor.at.toISOString() }).where('id', '=', id).execute();
  }
  return {
    viewer: {
      id: row.user_id,
      name: row.name,
      email: row.email,
      role: roleSchema.parse(row.role),
      municipalityNumber: row.municipality_number,
      organisationId: row.organisation_id,
      language: row.language,
      sessionId: row.id,
    },
  };
}

/** Ends one session on the server and records why. */
export async function endSession(db: Db, sessionId: string, reason: SessionEnd, actor: AuditActor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom('user_session').where('id', '=', sessionId).returning(['user_id', 'created_at']).executeTakeFirst();
    if (!gone) return;
    await recordAudit(trx, {
      ...actor,
      action: 'session.end',
      entity: 'app_user',
      entityId: gone.user_id,
      before: { sessionStartedAt: gone.created_at },
      details: reason,
    });
  });
}

/** Ends every session a user has (when disabled, changed or given a new password), inside the caller's transaction. */
export async function endUserSessions(trx: Executor, userId: number, reason: SessionEnd, actor: AuditActor): Promise<number> {
  const gone = await trx.deleteFrom('user_session').where('user_id', '=', userId).returning('created_at').execute();
  if (gone.length > 0) {
    await recordAudit(trx, {
      ...actor,
      action: 'session.end',
      entity: 'app_user',
      entityId: userId,
      before: { sessions: gone.length },
      details: reason,
    });
  }
  return gone.length;
}
