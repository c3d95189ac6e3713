import type { ApiTokenInput } from '../../model/exchange/api-tokens.ts';
import { newApiTokenSecret } from '../auth/api-tokens.ts';
import { hashToken } from '../auth/tokens.ts';
import type { Db } from '../db/index.ts';
import { NotFound } from './errors.ts';
import { change, changeAs, type Caller } from './run.ts';

/**
 * A user's personal API tokens. Each user manages only their own: a token of someone else's is
 * "not found" (never "forbidden", which would tell that it exists). The secret is returned once,
 * to be shown once; only its SHA-256 is stored.
 */

export function createApiToken(db: Db, caller: Caller, input: ApiTokenInput): Promise<{ id: number; secret: string }> {
  return change(db, caller, 'account.tokens', {
    load: async () => caller.user!,
    write: async (trx, user, audit) => {
      const secret = newApiTokenSecret();
      const row = await trx
        .insertInto('api_token')
        .values({
          user_id: user.id,
          name: input.name,
          token_hash: hashToken(secret),
          read_only: input.readOnly ? 1 : 0,
          created_at: caller.at.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit({
        action: 'api.token.create',
        entity: 'api_token',
        entityId: row.id,
        after: { name: input.name, readOnly: input.readOnly },
        details: `API-token «${input.name}» laget${input.readOnly ? ' (bare lesing)' : ''}`,
      });
      return { id: row.id, secret };
    },
  });
}

export function revokeApiToken(db: Db, caller: Caller, tokenId: number): Promise<{ name: string; alreadyRevoked: boolean }> {
  return change(db, caller, 'account.tokens', {
    load: async (trx) => {
      const token = await trx
        .selectFrom('api_token')
        .select(['id', 'name', 'revoked_at'])
        .where('id', '=', tokenId)
        .where('user_id', '=', caller.user!.id)
        .executeTakeFirst();
      if (!token) throw new NotFound({ key: 'errors.refused.noToken' });
      return token;
    },
    write: async (trx, token, audit) => {
      if (token.revoked_at !== null) return { name: token.name, alreadyRevoked: true };
      await trx.updateTable('api_token').set({ revoked_at: caller.at.toISOString() }).where('id', '=', token.id).execute();
      await audit({ action: 'api.token.revoke', entity: 'api_token', entityId: token.id, details: `API-token «${token.name}» trukket tilbake` });
      return { name: token.name, alreadyRevoked: false };
    },
  });
}

/**
 * A request made with a token: when it was last used, and an audit entry naming the token, the
 * method and the path. Written by the system on the user's behalf, outside any change the request
 * itself makes, so a refused change still shows that the token was used.
 */
export async function recordApiTokenUse(db: Db, caller: Caller, token: { id: number }, request: { method: string; path: string }): Promise<void> {
  const at = caller.at.toISOString();
  const path = request.path.length > 200 ? `${request.path.slice(0, 200)}…` : request.path;
  await changeAs(db, caller, async (trx, audit) => {
    await trx.updateTable('api_token').set({ last_used_at: at }).where('id', '=', token.id).execute();
    await audit({ action: 'api.token.use', entity: 'api_token', entityId: token.id, details: `${request.method} ${path}` });
  });
}
