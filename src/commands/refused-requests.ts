import type { Db } from '../db/index.ts';
import { changeAs, type Caller } from './run.ts';

/**
 * Use case: a refused request is recorded (the policy refused the route, a token was unknown or
 * read-only, a use case refused the change, a form came from another site). The system records
 * it on the visitor's behalf, whoever they are: nothing else is written.
 */
export function recordRefusedRequest(db: Db, caller: Caller, request: { method: string; path: string }, reason: string): Promise<void> {
  // The path is the visitor's to choose: keep the row small however long it is.
  const path = request.path.length > 200 ? `${request.path.slice(0, 200)}…` : request.path;
  return changeAs(db, caller, (_, audit) => audit({ action: 'request.denied', details: `${request.method} ${path} (${reason})` }));
}
