import type { Db } from '../db/index.ts';
import { recordVisit } from './writes/consultation-rounds.ts';
import { change, type Caller } from './run.ts';

/**
 * What a signed-in user changes about their own use of the tool: the interface language they
 * chose, and when they last looked at a consultation round. Nobody else's data; not audited.
 */

/** The language the user chose, kept for their next visit. A visitor who is not signed in has nothing to keep (the cookie does it). */
export function saveLanguage(db: Db, caller: Caller, language: string): Promise<void> {
  return change(db, caller, 'open', {
    load: async () => caller.user,
    write: async (trx, user) => {
      if (!user) return;
      await trx.updateTable('app_user').set({ language, updated_at: caller.at.toISOString() }).where('id', '=', user.id).execute();
    },
  });
}

/** The moment the user saw a round, for "new since your last visit" (per session, see `recordVisit`). */
export function markRoundSeen(db: Db, caller: Caller, visit: { roundId: number; sessionId: string; at: Date }): Promise<void> {
  return change(db, caller, 'consultation.visit', {
    load: async () => caller.user!,
    write: (trx, user) => recordVisit(trx, { userId: user.id, ...visit }),
  });
}
