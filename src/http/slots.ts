/**
 * At most `size` holders at once; the others wait in arrival order. Used for answers that are heavy
 * while they last (the whole-model export holds a compressor and a batch of rows for its whole
 * length), so that many at once take turns instead of each holding its memory side by side.
 */
export class Slots {
  #free: number;
  readonly #waiting: Array<{ grant: () => void }> = [];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`Slots: size must be a positive integer, got ${size}`);
    this.#free = size;
  }

  /**
   * Resolves when a slot is free, with the function that gives it back (calling it twice gives back
   * once). Rejects, and leaves the queue, if `signal` aborts first: a client that went away while
   * waiting takes no turn.
   */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    if (this.#free > 0) this.#free--;
    else {
      await new Promise<void>((resolve, reject) => {
        const waiter = {
          grant: () => {
            signal?.removeEventListener('abort', leave);
            resolve();
          },
        };
        const leave = () => {
          const at = this.#waiting.indexOf(waiter);
          if (at >= 0) this.#waiting.splice(at, 1);
          reject(signal!.reason);
        };
        signal?.addEventListener('abort', leave, { once: true });
        this.#waiting.push(waiter);
      });
    }
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      const next = this.#waiting.shift();
      if (next) next.grant();
      else this.#free++;
    };
  }

  /** How many are waiting for a slot. */
  get waiting(): number {
    return this.#waiting.length;
  }
}

/**
 * The pieces of `make()`, made only while holding a slot of `slots`; the slot is given back however
 * the pieces end. If `signal` aborts while waiting, `make` is never called.
 */
export async function* inSlot<T>(slots: Slots, make: () => AsyncGenerator<T, void, undefined>, signal?: AbortSignal): AsyncGenerator<T, void, undefined> {
  const release = await slots.acquire(signal);
  try {
    yield* make();
  } finally {
    release();
  }
}
