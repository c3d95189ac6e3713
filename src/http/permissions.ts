import type { Context } from 'hono';
import type { Actor } from '../db/audit.ts';

/** MERGE POINT: whether the signed-in user may change the scope (architects). */
export function canEditScope(_c: Context): boolean {
  return true;
}

/** MERGE POINT: who is acting, for the audit log. */
export function actorOf(_c: Context): Actor {
  return { userId: null };
}
