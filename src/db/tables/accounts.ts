import type { Generated } from 'kysely';

/** Users, organisations, sessions, invitations and the sign-in throttle (migration 0002). */
export interface OrganisationTable {
  id: Generated<number>;
  name: string;
  kind: string;
  contact: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface AppUserTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  municipality_number: string | null;
  organisation_id: number | null;
  password_hash: string;
  /** Set when an administrator disables the user; null while the user may sign in. */
  disabled_at: string | null;
  /** The interface language the user chose (`nb`, `en`), or null to follow the browser. */
  language: Generated<string | null>;
  created_at: string;
  updated_at: string;
}

export interface UserSessionTable {
  /** SHA-256 of the cookie's token, hex. */
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  client_address: string | null;
}

export interface InviteTable {
  id: Generated<number>;
  token_hash: string;
  /** `invite` and `setup` make a new user; `reset` (migration 0007) sets a new password for `user_id`. */
  purpose: 'invite' | 'setup' | 'reset';
  email: string | null;
  role: string;
  municipality_number: string | null;
  organisation_id: number | null;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
  /** The user the link made (invite, setup: once used) or is for (reset: from the start). */
  user_id: number | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  last_failure_at: string;
}
