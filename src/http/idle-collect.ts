/**
 * One full garbage collection once the server has been quiet for a while after serving requests.
 *
 * A burst of requests leaves most of what it allocated behind as garbage in V8's old generation,
 * and V8 collects it only when the heap grows again or, sometimes, when its memory reducer decides
 * to, seconds later or not at all (issue 10: 169–234 MB resident after the benchmark at 100×, of
 * which about 25 MB of the old generation was live). A server that has gone quiet has the time: a
 * full collection then costs a few milliseconds nobody waits for, and gives the pages back.
 *
 * Only when node runs with `--expose-gc` (as `npm start` does); elsewhere `touch` does nothing.
 * Quiet means `quietMs` (3 s) without a request.
 * One timer, pushed back by each request (`refresh`, no allocation), so a busy server never
 * collects on our account and an idle one collects once per quiet spell, not over and over.
 */
export interface IdleCollector {
  /** A request came: collect once things are quiet again. */
  touch(): void;
  stop(): void;
}

export function collectWhenIdle(options: { quietMs?: number; gc?: (() => void) | undefined } = {}): IdleCollector {
  const gc = options.gc ?? (globalThis as { gc?: () => void }).gc;
  if (!gc) return { touch: () => undefined, stop: () => undefined };
  const quietMs = options.quietMs ?? 3_000;
  let pending = false;
  const timer = setTimeout(() => {
    if (!pending) return;
    pending = false;
    // Twice: the first collection runs the finalisers and clears the weak references the burst
    // left (compression streams, sockets); the second frees what they held. Measured at 100×
    // after the benchmark's pages, two runs each: 175 and 226 MB resident after one, 155 and 183
    // MB after two, 215 and 266 MB with none.
    gc();
    gc();
  }, quietMs);
  timer.unref();
  return {
    touch() {
      pending = true;
      timer.refresh();
    },
    stop() {
      pending = false;
      clearTimeout(timer);
    },
  };
}
