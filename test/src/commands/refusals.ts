import type { LogEvent } from 'kysely';
import { expect } from 'vitest';
import type { Role } from '../../../model/accounts.ts';
import { OwnershipDenied, PermissionDenied } from '../../../src/commands/errors.ts';
import type { Caller } from '../../../src/commands/run.ts';
import type { Db } from '../../../src/db/index.ts';
import { testDb } from '../../helpers.ts';

/**
 * For the use-case tests: a seeded database whose statements are logged, so a test can say that a
 * refused change did not even try to write (no INSERT, UPDATE or DELETE ran), and nothing was audited.
 */
export async function loggedDb(): Promise<{ db: Db; statements: string[] }> {
  const statements: string[] = [];
  const db = await testDb({ log: (e: LogEvent) => e.level === 'query' && statements.push(e.query.sql) });
  return { db, statements };
}

export const at = new Date('2026-11-26T12:00:00Z');

/** A caller with the role; its binding (municipality, organisation) as given. */
export function callerWith(role: Role, binding: { id?: number; municipalityNumber?: string; organisationId?: number } = {}): Caller {
  return { user: { id: binding.id ?? 1, role, municipalityNumber: binding.municipalityNumber ?? null, organisationId: binding.organisationId ?? null }, at, clientAddress: '203.0.113.9' };
}
export const anonymous: Caller = { user: null, at, clientAddress: '203.0.113.9' };

const writes = /^\s*(insert|update|delete|replace)\b/i;

/**
 * Runs `attempt`, expects it refused with `kind` (a role without the action, or someone else's
 * thing), and that no write statement ran and the audit log did not grow.
 */
export async function expectRefusedBeforeWrite(
  { db, statements }: { db: Db; statements: string[] },
  kind: 'permission' | 'ownership',
  attempt: () => Promise<unknown>,
): Promise<void> {
  const audited = async () => Number((await db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const before = await audited();
  statements.length = 0;
  const error = await attempt().then(
    () => undefined,
    (e: unknown) => e,
  );
  const ran = [...statements];
  expect(error, 'refused').toBeInstanceOf(kind === 'ownership' ? OwnershipDenied : PermissionDenied);
  if (kind === 'permission') expect(error).not.toBeInstanceOf(OwnershipDenied);
  expect(ran.filter((s) => writes.test(s)), 'write statements run').toEqual([]);
  expect(await audited(), 'audit entries').toBe(before);
}

/**
 * For the use cases nobody needs a permission for (signing in, a secret link): runs `attempt`,
 * which refuses with an answer rather than an error, and says which write statements ran and
 * which audit actions were recorded meanwhile.
 */
export async function writtenDuring<T>({ db, statements }: { db: Db; statements: string[] }, attempt: () => Promise<T>): Promise<{ result: T; writes: string[]; audited: string[] }> {
  const last = Number((await db.selectFrom('audit_event').select((eb) => eb.fn.max<number>('id').as('n')).executeTakeFirstOrThrow()).n ?? 0);
  statements.length = 0;
  const result = await attempt();
  const ran = statements.filter((s) => writes.test(s));
  const audited = (await db.selectFrom('audit_event').select('action').where('id', '>', last).orderBy('id').execute()).map((a) => a.action);
  return { result, writes: ran, audited };
}
