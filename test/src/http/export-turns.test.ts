import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inSlot, Slots } from '../../../src/http/slots.ts';
import { testApp } from '../../helpers.ts';

/**
 * Whole-model exports take turns (EXPORTS_AT_ONCE), so twenty at once do not each hold a
 * compressor and a batch of rows side by side. A turn must come back however an export ends, or
 * one client that went away would leave every later export waiting for ever.
 */
describe('Slots', () => {
  it('lets `size` hold at once and hands a given-back slot to the longest waiting, once', async () => {
    const slots = new Slots(2);
    const order: string[] = [];
    const a = await slots.acquire();
    const b = await slots.acquire();
    const c = slots.acquire().then((release) => (order.push('c'), release));
    const d = slots.acquire().then((release) => (order.push('d'), release));
    await Promise.resolve();
    expect(slots.waiting).toBe(2);
    expect(order).toEqual([]);
    a();
    a(); // a second give-back of the same slot gives nothing more
    const releaseC = await c;
    expect(order).toEqual(['c']);
    expect(slots.waiting).toBe(1);
    b();
    const releaseD = await d;
    expect(order).toEqual(['c', 'd']);
    releaseC();
    releaseD();
    // Both free again: two more get theirs without waiting.
    await slots.acquire();
    await slots.acquire();
    expect(slots.waiting).toBe(0);
  });

  it('gives the slot back when the pieces end, fail, or are abandoned', async () => {
    const slots = new Slots(1);
    async function* pieces(fail: boolean) {
      yield 'a';
      if (fail) throw new Error('broken');
      yield 'b';
    }
    const done: string[] = [];
    for await (const p of inSlot(slots, () => pieces(false))) done.push(p);
    expect(done).toEqual(['a', 'b']);

    await expect(async () => {
      for await (const _ of inSlot(slots, () => pieces(true)));
    }).rejects.toThrow('broken');

    const abandoned = inSlot(slots, () => pieces(false));
    await abandoned.next();
    await abandoned.return(undefined);

    // Had any of the three kept its slot, this would wait for ever.
    const release = await Promise.race([slots.acquire(), new Promise<null>((r) => setTimeout(() => r(null), 5000))]);
    expect(release, 'the slot came back').not.toBeNull();
  });

  it('refuses a size that is not a positive whole number', () => {
    expect(() => new Slots(0)).toThrow(RangeError);
    expect(() => new Slots(1.5)).toThrow(RangeError);
  });
});

describe('GET /api/model, one export at a time', () => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    // No rendered-page cache: at 1× it would answer a repeated export from memory, without taking a turn.
    ctx = await testApp({ config: { EXPORTS_AT_ONCE: '1', PAGE_CACHE_MB: '0' } });
  });
  afterAll(() => ctx.db.destroy());

  it('writes a second export in full once the first client goes away mid-answer', async () => {
    const whole = await (await ctx.app.request('/api/model')).text();
    const first = await ctx.app.request('/api/model');
    const reader = first.body!.getReader();
    expect((await reader.read()).done).toBe(false); // the first holds its turn, part-way through

    const second = Promise.resolve(ctx.app.request('/api/model')).then((res) => res.text());
    await reader.cancel(); // the first client goes away
    const text = await Promise.race([second, new Promise<string>((_, fail) => setTimeout(() => fail(new Error('the second export never got its turn')), 10_000))]);
    expect(text).toBe(whole);
  });

  it('answers every one of several asked for at once, in full', async () => {
    const whole = await (await ctx.app.request('/api/model')).text();
    const texts = await Promise.all(Array.from({ length: 4 }, () => Promise.resolve(ctx.app.request('/api/model')).then((res) => res.text())));
    for (const text of texts) expect(text).toBe(whole);
  });

  it('refuses an EXPORTS_AT_ONCE that is not a whole number from 1', async () => {
    await expect(testApp({ config: { EXPORTS_AT_ONCE: '0' } })).rejects.toThrow(/EXPORTS_AT_ONCE/);
  });
});
