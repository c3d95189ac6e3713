import type { Generated } from 'kysely';

/** Personal API tokens (migration 0015). Only the token's SHA-256 is stored. */
export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  /** 1: the token may only read; 0: it may do what its user may. */
  read_only: number;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
