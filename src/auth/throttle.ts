import type { Config } from '../config.ts';
import type { Transaction } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Database } from '../db/schema.ts';

/**
 * The sign-in limit. Failures are counted per account and per client address. The first
 * LOGIN_FREE_ATTEMPTS (per address: LOGIN_FREE_ATTEMPTS_PER_ADDRESS) failures cost nothing; after
 * that each failure makes the next attempt wait LOGIN_DELAY_SECONDS, doubled per further
 * failure, up to LOGIN_DELAY_MAX_MINUTES. A successful sign-in clears the account's count; a day
 * without failures forgets both.
 */
const forgetAfterMs = 24 * 3_600_000;

export interface ThrottleKeys {
  account: string;
  address: string | null;
}

const keysOf = (k: ThrottleKeys) => [`account:${k.account}`, ...(k.address ? [`address:${k.address}`] : [])];

interface Row {
  key: string;
  failures: number;
  last_failure_at: string;
}

const live = (row: Row, now: Date) => now.getTime() - Date.parse(row.last_failure_at) < forgetAfterMs;

function freeAttempts(key: string, config: Config): number {
  return key.startsWith('address:') ? config.LOGIN_FREE_ATTEMPTS_PER_ADDRESS : config.LOGIN_FREE_ATTEMPTS;
}

/** The wait after `failures` failures, in milliseconds (0 while attempts are free). */
export function delayAfter(failures: number, free: number, config: Config): number {
  if (failures < free) return 0;
  const seconds = config.LOGIN_DELAY_SECONDS * 2 ** Math.min(failures - free, 30);
  return Math.min(seconds * 1000, config.LOGIN_DELAY_MAX_MINUTES * 60_000);
}

/**
 * Takes one attempt: if the limit allows it, counts it as a failure at once, in the same
 * transaction as the check, so that attempts made in parallel cannot all pass the check before
 * any of them is counted. A sign-in that then succeeds gives the attempt back (`releaseAttempt`).
 * Returns when the next attempt is allowed if this one is refused, else null.
 */
export async function reserveAttempt(db: Db, keys: ThrottleKeys, now: Date, config: Config): Promise<Date | null> {
  return db.transaction().execute(async (trx) => {
    const wanted = keysOf(keys);
    const rows = await trx.selectFrom('login_throttle').selectAll().where('key', 'in', wanted).execute();
    let until = 0;
    for (const row of rows) {
      if (!live(row, now)) continue;
      until = Math.max(until, Date.parse(row.last_failure_at) + delayAfter(row.failures, freeAttempts(row.key, config), config));
    }
    if (until > now.getTime()) return new Date(until);
    const at = now.toISOString();
    for (const key of wanted) {
      const row = rows.find((r) => r.key === key);
      const failures = row && live(row, now) ? row.failures + 1 : 1;
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
 * A new password: the account's failures are forgotten, so that someone locked out by guesses at
 * the old one can sign in with the new one at once. The address's count stays.
 */
export async function forgetAccountFailures(db: Db | Transaction<Database>, email: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', `account:${email}`).execute();
}

/**
 * A successful sign-in: the account's failures are cleared, and the attempt the address was
 * charged for is given back (not its earlier failures: one good account must not unlock
 * guessing at others).
 */
export async function releaseAttempt(db: Db, keys: ThrottleKeys): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('login_throttle').where('key', '=', `account:${keys.account}`).execute();
    if (keys.address) {
      await trx
        .updateTable('login_throttle')
        .set((eb) => ({ failures: eb('failures', '-', 1) }))
        .where('key', '=', `address:${keys.address}`)
        .where('failures', '>', 0)
        .execute();
    }
  });
}


