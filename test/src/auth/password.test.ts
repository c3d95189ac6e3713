import { describe, expect, it } from 'vitest';
import { currentPasswordCost, hashPassword, needsRehash, productionPasswordCost, testPasswordCost, usePasswordCost, verifyPassword } from '../../../src/auth/password.ts';
import { createTestUser, signInAs, testApp } from '../../helpers.ts';

// Finding 8: passwords were hashed with scrypt N=16384; OWASP's minimum is N=2^17, r=8, p=1.
describe('password hashing', () => {
  it('uses N=2^17, r=8, p=1 in production (the suite runs on a cheaper documented test cost)', async () => {
    expect(productionPasswordCost).toEqual({ N: 131072, r: 8, p: 1 });
    expect(currentPasswordCost()).toEqual(testPasswordCost);
    usePasswordCost(productionPasswordCost);
    try {
      // 128 MiB of scrypt memory: over Node's default maxmem, so this also proves maxmem is raised.
      const stored = await hashPassword('et langt og godt passord');
      expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect(await verifyPassword('et langt og godt passord', stored)).toBe(true);
      expect(await verifyPassword('et annet passord', stored)).toBe(false);
      expect(needsRehash(stored)).toBe(false);
    } finally {
      usePasswordCost(testPasswordCost);
    }
  });

  it('rehashes a weaker stored hash at the next successful sign-in, and the password still works', async () => {
    const ctx = await testApp({ seed: false });
    const user = await createTestUser(ctx, 'reader');
    usePasswordCost({ N: 16384, r: 8, p: 1 }); // what the old code stored
    const old = await hashPassword(user.password);
    usePasswordCost(testPasswordCost);
    await ctx.db.updateTable('app_user').set({ password_hash: old }).where('id', '=', user.id).execute();
    const stored = async () => (await ctx.db.selectFrom('app_user').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow()).password_hash;

    const wrong = await ctx.app.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ email: user.email, password: 'feil passord her' }).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
    });
    expect(wrong.status).not.toBe(303);
    expect(await stored()).toBe(old); // a failed sign-in changes nothing

    await signInAs(ctx, user);
    const now = await stored();
    expect(now).not.toBe(old);
    expect(now).toMatch(new RegExp(`^scrypt\\$${testPasswordCost.N}\\$8\\$1\\$`));
    expect(needsRehash(now)).toBe(false);
    await signInAs(ctx, user);
    expect(await stored()).toBe(now); // not rehashed again
    await ctx.db.destroy();
  });

  it('refuses a stored hash that asks for absurd memory instead of trying it', async () => {
    expect(await verifyPassword('x', 'scrypt$1073741824$8$1$AAAA$AAAA')).toBe(false);
  });
});
