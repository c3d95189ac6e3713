import { describe, expect, it } from 'vitest';
import { collectWhenIdle } from '../../../src/http/idle-collect.ts';

/** Collections the test can wait for, and count (each quiet spell collects twice, back to back). */
function recorder() {
  let count = 0;
  let wake: (() => void) | undefined;
  return {
    gc: () => {
      count += 1;
      wake?.();
    },
    get count() {
      return count;
    },
    next: () => new Promise<void>((resolve) => (wake = resolve)),
  };
}

describe('collecting garbage when the server goes quiet', () => {
  it('collects once after requests stop, not once per request', async () => {
    const gc = recorder();
    const idle = collectWhenIdle({ quietMs: 20, gc: gc.gc });
    const collected = gc.next();
    for (let i = 0; i < 50; i++) idle.touch();
    await collected;
    expect(gc.count).toBe(2);
    // Two more quiet periods pass (a slower collector touched now fires after them): no second collection without a request.
    const clock = recorder();
    const later = collectWhenIdle({ quietMs: 60, gc: clock.gc });
    later.touch();
    await clock.next();
    expect(gc.count).toBe(2);
    idle.stop();
    later.stop();
  });

  it('collects again after a later burst', async () => {
    const gc = recorder();
    const idle = collectWhenIdle({ quietMs: 10, gc: gc.gc });
    idle.touch();
    await gc.next();
    idle.touch();
    idle.touch();
    await gc.next();
    expect(gc.count).toBe(4);
    idle.stop();
  });

  it('never collects when no request came', async () => {
    const gc = recorder();
    const idle = collectWhenIdle({ quietMs: 5, gc: gc.gc });
    // A later collector that is touched shows time has passed beyond the first one's quiet period.
    const other = recorder();
    const later = collectWhenIdle({ quietMs: 30, gc: other.gc });
    later.touch();
    await other.next();
    expect(gc.count).toBe(0);
    idle.stop();
    later.stop();
  });
});
