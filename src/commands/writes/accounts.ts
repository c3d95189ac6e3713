import type { Kysely, Transaction } from 'kysely';
import type { UserBinding } from '../../../model/accounts.ts';
import type { Database } from '../../db/schema.ts';

/**
 * Users as the use cases write them: created, and a new password stored (issue 10: the reads stay
 * in `src/db/queries/accounts.ts`), each in the use case's transaction, which audits it.
 */
type Executor = Kysely<Database> | Transaction<Database>;

export interface NewUser extends UserBinding {
  email: string;
  name: string;
  passwordHash: string;
}

export async function insertUser(trx: Executor, user: NewUser, at: Date): Promise<number> {
  const iso = at.toISOString();
  const row = await trx
    .insertInto('app_user')
    .values({
      email: user.email,
      name: user.name,
      role: user.role,
      municipality_number: user.municipalityNumber,
      organisation_id: user.organisationId,
      password_hash: user.passwordHash,
      disabled_at: null,
      created_at: iso,
      updated_at: iso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Stores a new password hash; ending the user's sessions is the caller's part. */
export async function setPasswordHash(trx: Executor, id: number, passwordHash: string, at: Date): Promise<void> {
  await trx.updateTable('app_user').set({ password_hash: passwordHash, updated_at: at.toISOString() }).where('id', '=', id).execute();
}
