import { roleSchema, type Role } from '../../model/accounts.ts';
import { hashPassword, needsRehash, verifyAgainstNothing, verifyPassword } from '../auth/password.ts';
import { accountKey, nextAttemptAt, stillCounts, throttleKeysOf, type ThrottleKeys } from '../auth/throttle.ts';
import { hashToken } from '../auth/tokens.ts';
import type { Config } from '../config.ts';
import { credentialsByEmail } from '../db/queries/accounts.ts';
import type { Db } from '../db/index.ts';
import { changeAs, type Caller, type Tx } from './run.ts';
import { endSessionIn, startSession } from './sessions.ts';

export type SignInResult = { kind: 'ok'; token: string; userId: number; role: Role } | { kind: 'failed' } | { kind: 'limited'; until: Date };

/*
 * Use case: signing in, by nobody yet signed in. Three short transactions rather than one, so
 * the password check (deliberately slow) never holds the write lock: the attempt is taken from
 * the sign-in limit; the password is checked; then either the failure is audited, or the
 * attempt is given back, the session started (the one the browser came with ended) and the
 * sign-in audited, all or nothing. Every outcome is recorded; the password never is.
 */
export async function signIn(db: Db, config: Config, caller: Caller, input: { email: string; password: string; previousToken: string | undefined }): Promise<SignInResult> {
  const keys = { account: input.email, address: caller.clientAddress };
  const until = await reserveAttempt(db, caller, keys, config);
  if (until) {
    await changeAs(db, caller, (_, audit) => audit({ action: 'login.limited', details: `e-post: ${input.email}; neste forsøk ${until.toISOString()}` }));
    return { kind: 'limited', until };
  }

  const user = await credentialsByEmail(db, input.email);
  const matches = user ? await verifyPassword(input.password, user.password_hash) : await verifyAgainstNothing(input.password);
  if (!user || !matches || user.disabled_at !== null) {
    const why = !user ? 'ukjent e-post' : !matches ? 'feil passord' : 'brukeren er deaktivert';
    await changeAs(db, caller, (_, audit) =>
      audit({ userId: user?.id ?? null, action: 'login.failed', entity: user ? 'app_user' : null, entityId: user?.id ?? null, details: `e-post: ${input.email}; ${why}` }),
    );
    return { kind: 'failed' };
  }

  // A hash made with weaker parameters than today's is replaced while the password is at hand.
  const rehashed = needsRehash(user.password_hash) ? await hashPassword(input.password) : null;
  const token = await changeAs(db, caller, async (trx, audit) => {
    const self = (note: Parameters<typeof audit>[0]) => audit({ userId: user.id, ...note });
    await releaseAttempt(trx, keys);
    if (rehashed) {
      // Only if the password was not changed meanwhile (the hash we checked is still the one stored).
      await trx.updateTable('app_user').set({ password_hash: rehashed }).where('id', '=', user.id).where('password_hash', '=', user.password_hash).execute();
    }
    if (input.previousToken) await endSessionIn(trx, hashToken(input.previousToken), 'replaced', self);
    const fresh = await startSession(trx, user.id, caller.at, caller.clientAddress);
    await self({ action: 'login', entity: 'app_user', entityId: user.id });
    return fresh;
  });
  return { kind: 'ok', token, userId: user.id, role: roleSchema.parse(user.role) };
}

/**
 * Takes one attempt: if the limit allows it, counts it as a failure at once, in the same
 * transaction as the check, so that attempts made in parallel cannot all pass the check before
 * any of them is counted. A sign-in that then succeeds gives the attempt back (`releaseAttempt`).
 * Returns when the next attempt is allowed if this one is refused, else null.
 */
function reserveAttempt(db: Db, caller: Caller, keys: ThrottleKeys, config: Config): Promise<Date | null> {
  const now = caller.at;
  return changeAs(db, caller, async (trx) => {
    const wanted = throttleKeysOf(keys);
    const rows = await trx.selectFrom('login_throttle').selectAll().where('key', 'in', wanted).execute();
    const until = nextAttemptAt(rows, now, config);
    if (until > now.getTime()) return new Date(until);
    const at = now.toISOString();
    for (const key of wanted) {
      const row = rows.find((r) => r.key === key);
      const failures = row && stillCounts(row, now) ? row.failures + 1 : 1;
      await trx
        .insertInto('login_throttle')
        .values({ key, failures, last_failure_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ failures, last_failure_at: at }))
        .execute();
    }
    return null;
  });
}

/**
 * A successful sign-in: the account's failures are cleared, and the attempt the address was
 * charged for is given back (not its earlier failures: one good account must not unlock
 * guessing at others).
 */
async function releaseAttempt(trx: Tx, keys: ThrottleKeys): Promise<void> {
  await forgetAccountFailures(trx, keys.account);
  if (keys.address) {
    await trx
      .updateTable('login_throttle')
      .set((eb) => ({ failures: eb('failures', '-', 1) }))
      .where('key', '=', `address:${keys.address}`)
      .where('failures', '>', 0)
      .execute();
  }
}

/**
 * A new password: the account's failures are forgotten, so that someone locked out by guesses at
 * the old one can sign in with the new one at once. The address's count stays.
 */
export async function forgetAccountFailures(trx: Tx, email: string): Promise<void> {
  await trx.deleteFrom('login_throttle').where('key', '=', accountKey(email)).execute();
}
