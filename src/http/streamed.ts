/** Bodies written as they are made, whose length is not known when the answer starts. */
const streamedBodies = new WeakSet<ReadableStream>();

/** The client took no more of a streamed answer for `idleMs`: the answer is ended so it holds nothing longer. */
export class ClientStalled extends Error {
  constructor(readonly idleMs: number) {
    super(`the client read nothing of the answer for ${idleMs} ms`);
  }
}

/**
 * A response body from text made piece by piece: each piece is encoded and handed on when the
 * client is ready for more (the next is made only then), so memory holds one piece at a time.
 *
 * `make` gets a signal that aborts when the client goes away, including while `make` is still
 * waiting to begin (e.g. for a turn); its pieces are then stopped and nothing is reported. A client
 * that takes nothing for `idleMs` after a piece ends the answer with `ClientStalled`, so a stalled
 * reader cannot hold what the pieces hold for ever. An error after the first bytes cannot become an
 * error page: `onError` hears it and the answer ends unfinished.
 */
export function textStream(make: (signal: AbortSignal) => AsyncGenerator<string>, onError: (error: unknown) => void, options: { idleMs?: number } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const gone = new AbortController();
  const pieces = make(gone.signal);
  let idle: ReturnType<typeof setTimeout> | undefined;
  const quiet = () => {
    if (idle !== undefined) clearTimeout(idle);
    idle = undefined;
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        quiet();
        try {
          const { value, done } = await pieces.next();
          if (gone.signal.aborted) return;
          if (done) {
            controller.close();
            return;
          }
          controller.enqueue(encoder.encode(value));
          if (options.idleMs !== undefined) {
            const idleMs = options.idleMs;
            idle = setTimeout(() => {
              const stalled = new ClientStalled(idleMs);
              gone.abort(stalled);
              onError(stalled);
              controller.error(stalled);
              void pieces.return(undefined);
            }, idleMs);
          }
        } catch (error) {
          // A client that went away (or stalled) is no fault of the pieces.
          if (gone.signal.aborted) return;
          onError(error);
          controller.error(error);
        }
      },
      async cancel(reason) {
        quiet();
        gone.abort(reason);
        await pieces.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
  return markStreamed(stream);
}

/** Marks a body as streamed (see `isStreamed`), e.g. one a middleware wrote from a streamed one. */
export function markStreamed<T extends ReadableStream>(stream: T): T {
  streamedBodies.add(stream);
  return stream;
}

/**
 * Whether this answer's body is streamed (`textStream`): the middlewares then pass it on as a
 * stream (compressing as it goes) instead of reading it whole first. Hono copies a response when
 * a middleware replaces it, but the body stays the same object, so the mark is on the body.
 */
export function isStreamed(res: Response): boolean {
  return res.body !== null && streamedBodies.has(res.body);
}
