/**
 * At most `size` holders at once; the others wait in arrival order. Used for answers that are heavy
 * while they last (the whole-model export holds a compressor and a batch of rows for its whole
 * length), so that many at once take turns instead of each holding its memory side by side.
 */
export class Slots {
  #free: number;
  readonly #waiting: Array<() => void> = [];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`Slots: size must be a positive integer, got ${size}`);
    this.#free = size;
  }

  /** Resolves when a slot is free, with the function that gives it back (calling it twice gives back once). */
  async acquire(): Promise<() => void> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free++;
    };
  }

  /** How many are waiting for a slot. */
  get waiting(): number {
    return this.#waiting.length;
  }
}

/** The pieces of `make()`, made only while holding a slot of `slots`; the slot is given back however the pieces end. */
export async function* inSlot<T>(slots: Slots, make: () => AsyncGenerator<T, void, undefined>): AsyncGenerator<T, void, undefined> {
  const release = await slots.acquire();
  try {
    yield* make();
  } finally {
    release();
  }
}
