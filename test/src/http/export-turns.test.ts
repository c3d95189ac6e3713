import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inSlot, Slots } from '../../../src/http/slots.ts';
import { ClientStalled, textStream } from '../../../src/http/streamed.ts';
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

  it('takes a waiter that gave up out of the queue, and hands the slot to the next', async () => {
    const slots = new Slots(1);
    const held = await slots.acquire();
    const giveUp = new AbortController();
    const gaveUp = slots.acquire(giveUp.signal);
    const next = slots.acquire();
    expect(slots.waiting).toBe(2);
    giveUp.abort(new Error('went away'));
    await expect(gaveUp).rejects.toThrow('went away');
    expect(slots.waiting).toBe(1);
    held();
    const release = await next;
    expect(slots.waiting).toBe(0);
    release();
    await expect(slots.acquire(AbortSignal.abort())).rejects.toThrow();
  });

  it('refuses a size that is not a positive whole number', () => {
    expect(() => new Slots(0)).toThrow(RangeError);
    expect(() => new Slots(1.5)).toThrow(RangeError);
  });
});

describe('a streamed answer whose client goes away or stops reading', () => {
  it('never starts the pieces of a client that went away while waiting for its turn, and reports nothing', async () => {
    const slots = new Slots(1);
    const held = await slots.acquire();
    let started = false;
    const errors: unknown[] = [];
    const body = textStream(
      (gone) =>
        inSlot(
          slots,
          async function* () {
            started = true;
            yield 'text';
          },
          gone,
        ),
      (error) => errors.push(error),
    );
    const reader = body.getReader();
    const read = reader.read();
    await new Promise((r) => setImmediate(r));
    expect(slots.waiting).toBe(1);
    await reader.cancel();
    expect((await read).done).toBe(true);
    expect(slots.waiting).toBe(0);
    held();
    expect(await slots.acquire()).toBeTypeOf('function');
    expect(started).toBe(false);
    expect(errors).toEqual([]);
  });

  it('ends the answer and gives the turn back when the client takes nothing for idleMs', async () => {
    const slots = new Slots(1);
    let finished!: () => void;
    const ended = new Promise<void>((resolve) => (finished = resolve));
    const errors: unknown[] = [];
    const body = textStream(
      (gone) =>
        inSlot(
          slots,
          async function* () {
            try {
              for (let i = 0; ; i++) yield `piece ${i} `;
            } finally {
              finished();
            }
          },
          gone,
        ),
      (error) => errors.push(error),
      { idleMs: 50 },
    );
    const reader = body.getReader();
    expect((await reader.read()).value).toBeDefined();
    // The client stops reading here.
    await Promise.race([ended, new Promise((_, fail) => setTimeout(() => fail(new Error('the stalled answer was never ended')), 10_000))]);
    await expect(reader.read()).rejects.toBeInstanceOf(ClientStalled);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ClientStalled);
    expect(await slots.acquire()).toBeTypeOf('function');
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

  it('hands the one turn on: four asked for at once all come in full', async () => {
    const whole = await (await ctx.app.request('/api/model')).text();
    const texts = await Promise.all(Array.from({ length: 4 }, () => Promise.resolve(ctx.app.request('/api/model')).then((res) => res.text())));
    for (const text of texts) expect(text).toBe(whole);
  });

  it('refuses more exports than may wait, with 503 and when to ask again, in the reader\'s language', async () => {
    const holder = (await ctx.app.request('/api/model')).body!.getReader();
    await holder.read(); // holds the one turn
    const waiting = await Promise.all(Array.from({ length: 16 }, async () => (await ctx.app.request('/api/model')).body!.getReader()));
    const reads = waiting.map((reader) => reader.read()); // each asks for its turn and waits
    await new Promise((r) => setImmediate(r));
    const refused = await ctx.app.request('/api/model', { headers: { 'Accept-Language': 'en' } });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('Retry-After')).toBe('10');
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unavailable');
    expect(body.error.message).toBe('Many are fetching the whole model right now. Try again in 10 seconds.');
    // When they go away, the queue empties and the next one is answered.
    for (const reader of [holder, ...waiting]) await reader.cancel();
    await Promise.all(reads);
    const after = await ctx.app.request('/api/model');
    expect(after.status).toBe(200);
    expect(JSON.parse(await after.text())).toHaveProperty('elements');
  });

  it('refuses an EXPORTS_AT_ONCE that is not a whole number from 1', async () => {
    await expect(testApp({ config: { EXPORTS_AT_ONCE: '0' } })).rejects.toThrow(/EXPORTS_AT_ONCE/);
  });
});
