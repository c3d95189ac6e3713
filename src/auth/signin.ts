import { roleSchema, type Role } from '../../model/accounts.ts';
import type { Config } from '../config.ts';
import { credentialsByEmail } from '../db/queries/accounts.ts';
import { recordAudit, type AuditActor } from '../db/queries/audit.ts';
import type { Db } from '../db/index.ts';
import { hashPassword, needsRehash, verifyAgainstNothing, verifyPassword } from './password.ts';
import { startSession } from './sessions.ts';
import { releaseAttempt, reserveAttempt } from './throttle.ts';
import { hashToken } from './tokens.ts';

export type SignInResult = { kind: 'ok'; token: string; userId: number; role: Role } | { kind: 'failed' } | { kind: 'limited'; until: Date };

/**
 * Checks e-mail and password within the sign-in limit. On success the session the browser came
 * with (if any) is ended and a new one started, so a session id planted before sign-in is
 * worthless after it. Every outcome is recorded; the password never is.
 */
export async function signIn(
  db: Db,
  config: Config,
  input: { email: string; password: string; previousToken: string | undefined },
  actor: AuditActor,
): Promise<SignInResult> {
  const keys = { account: input.email, address: actor.clientAddress };
  const until = await reserveAttempt(db, keys, actor.at, config);
  if (until) {
    await recordAudit(db, { ...actor, action: 'login.limited', details: `e-post: ${input.email}; neste forsøk ${until.toISOString()}` });
    return { kind: 'limited', until };
  }

  const user = await credentialsByEmail(db, input.email);
  const matches = user ? await verifyPassword(input.password, user.password_hash) : await verifyAgainstNothing(input.password);
  if (!user || !matches || user.disabled_at !== null) {
    const why = !user ? 'ukjent e-post' : !matches ? 'feil passord' : 'brukeren er deaktivert';
    await recordAudit(db, {
      ...actor,
      userId: user?.id ?? null,
      action: 'login.failed',
      entity: user ? 'app_user' : null,
      entityId: user?.id ?? null,
      details: `e-post: ${input.email}; ${why}`,
    });
    return { kind: 'failed' };
  }

  await releaseAttempt(db, keys);
  // A hash made with weaker parameters than today's is replaced while the password is at hand.
  const rehashed = needsRehash(user.password_hash) ? await hashPassword(input.password) : null;
  const token = await db.transaction().execute(async (trx) => {
    const userActor = { ...actor, userId: user.id };
    if (rehashed) {
      // Only if the password was not changed meanwhile (the hash we checked is still the one stored).
      await trx.updateTable('app_user').set({ password_hash: rehashed }).where('id', '=', user.id).where('password_hash', '=', user.password_hash).execute();
    }
    if (input.previousToken) {
      const old = await trx.deleteFrom('user_session').where('id', '=', hashToken(input.previousToken)).returning('user_id').executeTakeFirst();
      if (old) await recordAudit(trx, { ...userActor, action: 'session.end', entity: 'app_user', entityId: old.user_id, details: 'replaced' });
    }
    const fresh = await startSession(trx, user.id, actor.at, actor.clientAddress);
    await recordAudit(trx, { ...userActor, action: 'login', entity: 'app_user', entityId: user.id });
    return fresh;
  });
  return { kind: 'ok', token, userId: user.id, role: roleSchema.parse(user.role) };
}

/** "3 minutter", "45 sekunder": how long to wait, in words. */
export function waitInWords(until: Date, now: Date): string {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? 'minutt' : 'minutter'}`;
}
