import { describe, expect, it } from 'vitest';
import { createTestUser, postForm, testApp, textOf } from '../../helpers.ts';

const attempt = (ctx: Awaited<ReturnType<typeof testApp>>, email: string, password: string, address = '192.0.2.10') =>
  postForm(ctx, '/login', { email, password }, { 'X-Forwarded-For': address });

describe('the sign-in limit', () => {
  it('holds for guesses sent in parallel: each is counted before its password is checked', async () => {
    const ctx = await testApp({ config: { TRUST_PROXY: 'true' } });
    const user = await createTestUser(ctx, 'architect');
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(ctx, user.email, `gjetning ${i}`)));
    const statuses = answers.map((r) => r.status);
    // The five free attempts get an answer; the rest wait, whatever order they arrive in.
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    const failed = await ctx.db.selectFrom('audit_event').select('action').where('action', '=', 'login.failed').execute();
    expect(failed).toHaveLength(5);
    await ctx.db.destroy();
  });

  it('does not charge the address for a sign-in that succeeds', async () => {
    const ctx = await testApp({ config: { TRUST_PROXY: 'true' } });
    const user = await createTestUser(ctx, 'architect');
    for (let i = 0; i < 30; i++) expect((await attempt(ctx, user.email, user.password)).status).toBe(303);
    const row = await ctx.db.selectFrom('login_throttle').select('failures').where('key', '=', 'address:192.0.2.10').executeTakeFirst();
    expect(row?.failures ?? 0).toBe(0);
    await ctx.db.destroy();
  });

  it('after five failures for an account makes the next attempt wait, doubling the wait per further failure', async () => {
    const ctx = await testApp({ config: { TRUST_PROXY: 'true' } });
    const user = await createTestUser(ctx, 'architect');
    for (let i = 0; i < 5; i++) expect((await attempt(ctx, user.email, 'feil passord')).status).toBe(401);

    // Even the right password is not checked while the account waits.
    const limited = await attempt(ctx, user.email, user.password);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    expect(textOf(await limited.text())).toContain('For mange mislykkede forsøk på å logge inn. Vent 30 sekunder før du prøver igjen.');

    ctx.clock.advance({ seconds: 30 });
    expect((await attempt(ctx, user.email, 'feil igjen')).status).toBe(401);
    ctx.clock.advance({ seconds: 30 });
    const longer = await attempt(ctx, user.email, user.password);
    expect(longer.status).toBe(429);
    expect(textOf(await longer.text())).toContain('Vent 30 sekunder');
    ctx.clock.advance({ seconds: 30 });
    expect((await attempt(ctx, user.email, 'og igjen')).status).toBe(401);
    ctx.clock.advance({ seconds: 60 });
    expect((await attempt(ctx, user.email, user.password)).status).toBe(429);
    ctx.clock.advance({ seconds: 60 });
    const through = await attempt(ctx, user.email, user.password);
    expect(through.status).toBe(303);

    // Success clears the account's count: a single new failure costs nothing.
    expect((await attempt(ctx, user.email, 'feil')).status).toBe(401);
    expect((await attempt(ctx, user.email, user.password)).status).toBe(303);

    const actions = await ctx.db.selectFrom('audit_event').select('action').where('action', 'like', 'login%').execute();
    expect(actions.filter((a) => a.action === 'login.limited').length).toBe(3);
    expect(actions.filter((a) => a.action === 'login.failed').length).toBe(8);
    await ctx.db.destroy();
  });

  it('limits an address guessing at many accounts, but not other addresses', async () => {
    const ctx = await testApp({ config: { TRUST_PROXY: 'true', LOGIN_FREE_ATTEMPTS_PER_ADDRESS: '4' } });
    const user = await createTestUser(ctx, 'reader');
    for (const email of ['a@test.no', 'b@test.no', 'c@test.no', 'd@test.no']) expect((await attempt(ctx, email, 'gjetning')).status).toBe(401);
    const limited = await attempt(ctx, user.email, user.password);
    expect(limited.status).toBe(429);
    expect(textOf(await limited.text())).toContain('For mange mislykkede forsøk');
    expect((await attempt(ctx, user.email, user.password, '198.51.100.7')).status).toBe(303);
    await ctx.db.destroy();
  });

  it('treats unknown and known addresses alike, so the answer does not tell who has an account', async () => {
    const ctx = await testApp({ config: { TRUST_PROXY: 'true' } });
    const user = await createTestUser(ctx, 'reader');
    const unknown = await attempt(ctx, 'finnes.ikke@test.no', 'passord');
    const wrong = await attempt(ctx, user.email, 'passord');
    expect(unknown.status).toBe(wrong.status);
    expect(textOf(await unknown.text())).toBe(textOf(await wrong.text()).replace(user.email, 'finnes.ikke@test.no'));
    for (let i = 0; i < 4; i++) await attempt(ctx, 'finnes.ikke@test.no', 'passord');
    expect((await attempt(ctx, 'finnes.ikke@test.no', 'passord')).status).toBe(429);
    await ctx.db.destroy();
  });

  it('never stores or logs the password', async () => {
    const ctx = await testApp();
    const user = await createTestUser(ctx, 'reader');
    await attempt(ctx, user.email, 'mitt-hemmelige-feilpassord');
    await attempt(ctx, user.email, user.password);
    const rows = JSON.stringify(await ctx.db.selectFrom('audit_event').selectAll().execute());
    expect(rows).not.toContain('mitt-hemmelige-feilpassord');
    expect(rows).not.toContain(user.password);
    const stored = await ctx.db.selectFrom('app_user').select('password_hash').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^scrypt\$\d+\$8\$1\$[\w-]{22}\$[\w-]{86}$/); // the cost: test/src/auth/password.test.ts
    expect(stored.password_hash).not.toContain(user.password);
    await ctx.db.destroy();
  });
});
