import { roleSchema } from '../../model/accounts.ts';
import type { Viewer } from '../auth/context.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { Config } from '../config.ts';
import type { AuditActor } from './writes/audit.ts';
import { sessionWithUser } from '../db/queries/sessions.ts';
import type { Db } from '../db/index.ts';
import { changeAs, type AuditNote, type Caller, type Tx } from './run.ts';

/*
 * Use cases: a session's life. It starts inside another use case (signing in, accepting an
 * invitation, choosing a new password), is refreshed as the user comes back, and ends when the
 * user signs out, when it has been idle or alive too long, when the user is disabled, or when a
 * new sign-in in the same browser replaces it. Each end is audited; a refresh is not (it is no
 * event anyone needs to trace, and it would fill the log).
 */

/** Why a session ended; kept in the audit log. */
export type SessionEnd = 'signed-out' | 'idle' | 'expired' | 'disabled' | 'replaced' | 'user-changed' | 'password-changed';

/** Activity more recent than this does not rewrite `last_seen_at`: idle expiry is exact to the minute. */
const touchAfterMs = 60_000;

/** Starts a session for the user, inside the use case's transaction; returns the token for the cookie (only its hash is stored). */
export async function startSession(trx: Tx, userId: number, at: Date, clientAddress: string | null): Promise<string> {
  const token = newToken();
  const iso = at.toISOString();
  await trx
    .insertInto('user_session')
    .values({ id: hashToken(token), user_id: userId, created_at: iso, last_seen_at: iso, client_address: clientAddress })
    .execute();
  return token;
}

export type SessionLookup = { viewer: Viewer } | { ended: SessionEnd } | { missing: true };

/**
 * The user behind a cookie's token, if the session is still alive: not idle longer than
 * SESSION_IDLE_MINUTES, not older than SESSION_ABSOLUTE_HOURS, its user not disabled. A dead
 * session is ended (deleted, and the end recorded as its user's); a live one idle for a minute
 * or more is refreshed. One query, and no transaction, for a live session seen within the minute.
 */
export async function resumeSession(db: Db, token: string, actor: AuditActor, config: Config): Promise<SessionLookup> {
  const id = hashToken(token);
  const row = await sessionWithUser(db, id);
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
    await endSession(db, { ...actor, userId: row.user_id }, id, end);
    return { ended: end };
  }
  if (idleFor >= touchAfterMs) await refreshSession(db, actor, id);
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

/** The user came back: the session's idle time starts again. */
function refreshSession(db: Db, actor: AuditActor, sessionId: string): Promise<void> {
  return changeAs(db, actor, async (trx) => {
    await trx.updateTable('user_session').set({ last_seen_at: actor.at.toISOString() }).where('id', '=', sessionId).execute();
  });
}

/**
 * Ends one session on the server and records why: the user signed out, or a new sign-in in the
 * same browser replaced it, or it died (then `who` is the session's user). A session already
 * gone (two tabs signing out at once) is no error and records nothing.
 */
export function endSession(db: Db, who: Caller | AuditActor, sessionId: string, reason: SessionEnd): Promise<void> {
  return changeAs(db, who, (trx, audit) => endSessionIn(trx, sessionId, reason, audit));
}

/** `endSession` inside a use case's transaction (a sign-in ending the session the browser came with). */
export async function endSessionIn(trx: Tx, sessionId: string, reason: SessionEnd, audit: (note: AuditNote) => Promise<void>): Promise<void> {
  const gone = await trx.deleteFrom('user_session').where('id', '=', sessionId).returning(['user_id', 'created_at']).executeTakeFirst();
  if (!gone) return;
  await audit({ action: 'session.end', entity: 'app_user', entityId: gone.user_id, before: { sessionStartedAt: gone.created_at }, details: reason });
}

/** Ends every session a user has (when disabled, changed or given a new password), inside the use case's transaction. */
export async function endUserSessions(trx: Tx, userId: number, reason: SessionEnd, audit: (note: AuditNote) => Promise<void>): Promise<number> {
  const gone = await trx.deleteFrom('user_session').where('user_id', '=', userId).returning('created_at').execute();
  if (gone.length > 0) await audit({ action: 'session.end', entity: 'app_user', entityId: userId, before: { sessions: gone.length }, details: reason });
  return gone.length;
}
