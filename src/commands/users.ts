import type { UserBinding } from '../../model/accounts.ts';
import type { Message } from '../../model/messages.ts';
import { hashPassword } from '../auth/password.ts';
import { bindingProblems, emailTaken } from '../db/queries/accounts.ts';
import { insertUser } from './writes/accounts.ts';
import type { AuditActor } from './writes/audit.ts';
import type { Db } from '../db/index.ts';
import { changeAs } from './run.ts';

/** Use case: the operator creates a user directly with a password (the command line); web users come through invitations. */
export async function createUser(
  db: Db,
  user: UserBinding & { email: string; name: string; password: string },
  actor: AuditActor,
): Promise<{ kind: 'ok'; id: number } | { kind: 'problems'; errors: Record<string, Message> }> {
  const passwordHash = await hashPassword(user.password);
  return changeAs(db, actor, async (trx, audit) => {
    const errors = await bindingProblems(trx, user);
    if (await emailTaken(trx, user.email)) errors.email = { key: 'admin.error.emailTaken' };
    if (Object.keys(errors).length > 0) return { kind: 'problems', errors } as const;
    const { password: _password, ...record } = user;
    const id = await insertUser(trx, { ...record, passwordHash }, actor.at);
    await audit({ action: 'user.create', entity: 'app_user', entityId: id, after: { ...record, disabledAt: null } });
    return { kind: 'ok', id } as const;
  });
}
