import type { Config } from '../config.ts';

/**
 * The sign-in limit's rules (its writes are the sign-in use case's, `src/commands/sign-in.ts`).
 * Failures are counted per account and per client address. The first LOGIN_FREE_ATTEMPTS (per
 * address: LOGIN_FREE_ATTEMPTS_PER_ADDRESS) failures cost nothing; after that each failure makes
 * the next attempt wait LOGIN_DELAY_SECONDS, doubled per further failure, up to
 * LOGIN_DELAY_MAX_MINUTES. A successful sign-in clears the account's count; a day without
 * failures forgets both.
 */
const forgetAfterMs = 24 * 3_600_000;

export interface ThrottleKeys {
  account: string;
  address: string | null;
}

/** The rows of the limit an attempt is counted on. */
export const throttleKeysOf = (k: ThrottleKeys) => [`account:${k.account}`, ...(k.address ? [`address:${k.address}`] : [])];

/** The key of an account's failures (forgotten when its password is replaced). */
export const accountKey = (email: string) => `account:${email}`;

export interface ThrottleRow {
  key: string;
  failures: number;
  last_failure_at: string;
}

/** Whether a row's failures still count (a day without failures forgets them). */
export const stillCounts = (row: ThrottleRow, now: Date) => now.getTime() - Date.parse(row.last_failure_at) < forgetAfterMs;

function freeAttempts(key: string, config: Config): number {
  return key.startsWith('address:') ? config.LOGIN_FREE_ATTEMPTS_PER_ADDRESS : config.LOGIN_FREE_ATTEMPTS;
}

/** The wait after `failures` failures, in milliseconds (0 while attempts are free). */
export function delayAfter(failures: number, free: number, config: Config): number {
  if (failures < free) return 0;
  const seconds = config.LOGIN_DELAY_SECONDS * 2 ** Math.min(failures - free, 30);
  return Math.min(seconds * 1000, config.LOGIN_DELAY_MAX_MINUTES * 60_000);
}

/** When the next attempt is allowed, given the rows that count (in the past when it is allowed now). */
export function nextAttemptAt(rows: ThrottleRow[], now: Date, config: Config): number {
  let until = 0;
  for (const row of rows) {
    if (!stillCounts(row, now)) continue;
    until = Math.max(until, Date.parse(row.last_failure_at) + delayAfter(row.failures, freeAttempts(row.key, config), config));
  }
  return until;
}
