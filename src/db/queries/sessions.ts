import type { Db } from '../index.ts';

/** A session with its user, by the session's id (the hash of the cookie's token). One query. */
export function sessionWithUser(db: Db, id: string) {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['s.id', 's.created_at', 's.last_seen_at', 'u.id as user_id', 'u.name', 'u.email', 'u.role', 'u.municipality_number', 'u.organisation_id', 'u.disabled_at', 'u.language'])
    .where('s.id', '=', id)
    .executeTakeFirst();
}
