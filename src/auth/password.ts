import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords are hashed with scrypt (node:crypto): a random salt per password, the cost
 * parameters stored beside the hash so they can be raised later without breaking old hashes.
 * Format: `scrypt$N$r$p$salt$hash`, salt and hash base64url.
 */
export interface PasswordCost {
  N: number;
  r: number;
  p: number;
}

/** OWASP's minimum for scrypt (2^17, 8, 1): 128 MiB and a few hundred milliseconds per hash. */
export const productionPasswordCost: PasswordCost = { N: 2 ** 17, r: 8, p: 1 };
/** For the test suite only (set in `test/setup.ts`): it signs in thousands of times. */
export const testPasswordCost: PasswordCost = { N: 2 ** 10, r: 8, p: 1 };

let cost: PasswordCost = productionPasswordCost;
/** Changes the cost new hashes get; only the test suite calls this. */
export function usePasswordCost(next: PasswordCost): void {
  cost = next;
}
export function currentPasswordCost(): PasswordCost {
  return cost;
}

const keyLength = 64;

function derive(password: string, salt: Buffer, options: PasswordCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // scrypt needs 128·N·r bytes (128 MiB at N=2^17, r=8), far over Node's default maxmem of
    // 32 MiB: allow that plus headroom, and no more, so a forged stored hash cannot ask for more.
    const maxmem = 129 * options.N * options.r * Math.max(1, options.p);
    scrypt(password.normalize('NFKC'), salt, keyLength, { ...options, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

function storedCost(stored: string): PasswordCost | null {
  const [scheme, n, r, p] = stored.split('$');
  const parsed = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || !Object.values(parsed).every((v) => Number.isInteger(v) && v > 0)) return null;
  // Never derive with more than 1 GiB, whatever a stored hash asks for.
  return 128 * parsed.N * parsed.r <= 2 ** 30 ? parsed : null;
}

/** Constant-time comparison; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [, , , , salt, hash] = stored.split('$');
  const params = storedCost(stored);
  if (!params || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  if (expected.length !== keyLength) return false;
  const actual = await derive(password, Buffer.from(salt, 'base64url'), params);
  return timingSafeEqual(actual, expected);
}

/** Whether a stored hash was made with other parameters than new hashes get: rehash it at the next sign-in. */
export function needsRehash(stored: string): boolean {
  const params = storedCost(stored);
  return !params || params.N !== cost.N || params.r !== cost.r || params.p !== cost.p;
}

let dummy: Promise<string> | undefined;
/**
 * Checks the password against a throwaway hash, so that a sign-in for an unknown address takes
 * as long as one for a known address and the answer time does not reveal who has an account.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await dummy);
  return false;
}

/** A generated password for `npm run user -- add` without --password-stdin: 24 characters, ~143 bits. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
