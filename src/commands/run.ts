import type { Transaction } from 'kysely';
import type { Role } from '../../model/accounts.ts';
import { grantFor, ownershipHolds, type Action, type actions, type Grant, type Owner } from '../auth/policy.ts';
import type { Db } from '../db/index.ts';
import { recordAudit, type AuditActor, type AuditEntry } from './writes/audit.ts';
import type { Database } from '../db/schema.ts';
import { OwnershipDenied, PermissionDenied } from './errors.ts';

/**
 * The use-case layer: every change to the data goes through `change` (or `changeAs` for what
 * nobody is signed in to do, like signing in). One use case per change, one file per area.
 *
 *   routes parse → a use case: transaction, permission, ownership, rules, write, audit → routes render
 *
 * `change` opens the transaction (BEGIN IMMEDIATE on SQLite: a second writer waits), refuses a
 * role without the action before the transaction starts, loads what the change acts on and
 * refuses someone who does not own it before `write` runs, and gives `write` an `audit` that
 * records with the caller's name and time. Nothing else in the app opens a write transaction.
 */

export type Tx = Transaction<Database>;

/** Who asks for a change: the signed-in user (or nobody), when and from where. */
export interface Caller {
  user: { id: number; role: Role; municipalityNumber: string | null; organisationId: number | null } | null;
  at: Date;
  clientAddress: string | null;
  /** Told when ownership has been checked, so the request's policy knows it was (see `enforcePolicy`). */
  ownershipChecked?: () => void;
}

export const actorOf = (caller: Caller): AuditActor => ({ at: caller.at, userId: caller.user?.id ?? null, clientAddress: caller.clientAddress });

/** An audit entry without the actor, which `change` adds. */
export type AuditNote = Omit<AuditEntry, keyof AuditActor>;

/** Actions some role holds only for what it owns: a use case for one of them must name the owner. */
type GrantsOf<A extends Action> = (typeof actions)[A]['grants'];
export type OwnedAction = {
  [A in Action]: [Extract<GrantsOf<A>[keyof GrantsOf<A>], 'own-municipality' | 'own-organisation'>] extends [never] ? never : A;
}[Action];

interface Steps<Target, Result> {
  /** Reads what the change acts on, inside the transaction (throw `NotFound` when it is gone). */
  load: (trx: Tx) => Promise<Target>;
  /** Checks the rules from `model/` against what was loaded (throw `RuleRefused` or `StaleVersion`). */
  check?: (target: Target) => void;
  write: (trx: Tx, target: Target, audit: (note: AuditNote) => Promise<void>) => Promise<Result>;
}

interface OwnedSteps<Target, Result> extends Steps<Target, Result> {
  /** Who owns what was loaded; checked before `write` for roles granted the action only on their own. */
  owner: (target: Target) => Owner;
}

/** The grant the caller's role has for `action`; throws `PermissionDenied` when none. Writes are never public. */
export function permissionFor(caller: Caller, action: Action): Grant {
  const grant = grantFor(action, caller.user?.role ?? 'anonymous', { publicRead: false });
  if (!grant) throw new PermissionDenied(`policy:${action}`);
  return grant;
}

/**
 * Runs one change as `caller`, for `action`, in the order that makes a refusal write nothing. For
 * an action some role holds only on what it owns, the compiler asks for `owner`.
 */
export function change<Target, Result>(db: Db, caller: Caller, action: OwnedAction, steps: OwnedSteps<Target, Result>): Promise<Result>;
export function change<Target, Result>(db: Db, caller: Caller, action: Exclude<Action, OwnedAction>, steps: Steps<Target, Result>): Promise<Result>;
export async function change<Target, Result>(db: Db, caller: Caller, action: Action, steps: Steps<Target, Result> | OwnedSteps<Target, Result>): Promise<Result> {
  const grant = permissionFor(caller, action);
  return db.transaction().execute(async (trx) => {
    const target = await steps.load(trx);
    if ('owner' in steps) {
      if (!ownershipHolds(grant, caller.user, steps.owner(target))) throw new OwnershipDenied(`ownership:${action}`);
      caller.ownershipChecked?.();
    } else if (grant !== 'allow') {
      throw new Error(`${action} gjelder bare det brukeren eier, men bruksfallet sier ikke hvem som eier det.`);
    }
    steps.check?.(target);
    return steps.write(trx, target, (note) => recordAudit(trx, { ...actorOf(caller), ...note }));
  });
}

/** `changeAs`'s audit: an entry may name the user it acted as once that is known (the user an invitation created). */
export type SystemAudit = (note: AuditNote & { userId?: number | null }) => Promise<void>;

/**
 * A change nobody needs to be signed in for, or that the system makes on its own behalf
 * (signing in, the sign-in limit, a session's end, accepting an invitation by its secret link,
 * the operator at the command line): the same transaction and audit, no permission to check.
 * `who` is the caller, or the actor the audit names when that is not the caller (a session that
 * ended by itself is recorded as its user's).
 */
export async function changeAs<Result>(db: Db, who: Caller | AuditActor, write: (trx: Tx, audit: SystemAudit) => Promise<Result>): Promise<Result> {
  const actor = 'user' in who ? actorOf(who) : who;
  return db.transaction().execute((trx) => write(trx, (note) => recordAudit(trx, { ...actor, ...note })));
}
