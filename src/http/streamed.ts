/** Bodies written as they are made, whose length is not known when the answer starts. */
const streamedBodies = new WeakSet<ReadableStream>();

/**
 * A response body from text made piece by piece: each piece is encoded and handed on when the
 * client is ready for more (the next is made only then), so memory holds one piece at a time. A
 * client that goes away stops the generator. An error after the first bytes cannot become an error
 * page: `onError` hears it and the answer ends unfinished.
 */
export function textStream(pieces: AsyncGenerator<string>, onError: (error: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await pieces.next();
          if (done) controller.close();
          else controller.enqueue(encoder.encode(value));
        } catch (error) {
          onError(error);
          controller.error(error);
        }
      },
      async cancel() {
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
