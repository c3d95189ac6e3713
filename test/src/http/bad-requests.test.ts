import { describe, expect, it } from 'vitest';
import { sameOrigin, signIn, testApp, textOf } from '../../helpers.ts';

describe('requests that are not what a page sends', () => {
  it('answers a body that is not a well-formed form with 400, not a server error', async () => {
    const ctx = await testApp();
    for (const path of ['/login', '/mal', '/horing']) {
      const res = await ctx.app.request(path, {
        method: 'POST',
        body: 'x',
        headers: { ...sameOrigin, ...(await signIn(ctx, 'architect')), 'Content-Type': 'multipart/form-data' },
      });
      expect(res.status, path).toBe(400);
      expect(textOf(await res.text())).toContain('Skjemaet som ble sendt, kan ikke leses');
    }
    expect(ctx.errors).toEqual([]);
  });

  it('refuses a body over 1 MiB with 413 before reading it, and writes nothing', async () => {
    const ctx = await testApp();
    const before = await ctx.db.selectFrom('element').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const res = await ctx.app.request('/mal', {
      method: 'POST',
      body: `name=${'x'.repeat(1024 * 1024 + 10)}`,
      headers: { ...sameOrigin, ...(await signIn(ctx, 'architect')), 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(413);
    expect(textOf(await res.text())).toContain('Det som ble sendt er for stort. Ingenting er lagret.');
    expect(await ctx.db.selectFrom('element').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).toEqual(before);
  });

  it('answers a path with broken percent-encoding without a server error', async () => {
    const ctx = await testApp();
    for (const path of ['/informasjonstjenester/%E0%A4%A', '/vurdering/intensjon/%E0%A4%A', '/horing/%E0%A4%A']) {
      const res = await ctx.app.request(path, { headers: await signIn(ctx, 'municipality') });
      expect(res.status, path).toBeLessThan(500);
    }
    expect(ctx.errors).toEqual([]);
  });

  it('keeps the audit row of a refused request small however long the path is', async () => {
    const ctx = await testApp();
    await ctx.app.request(`/krav/${'x'.repeat(15_000)}/slett`, { method: 'POST', headers: sameOrigin });
    const row = await ctx.db.selectFrom('audit_event').select('details').where('action', '=', 'request.denied').executeTakeFirstOrThrow();
    expect(row.details!.length).toBeLessThan(300);
  });
});
