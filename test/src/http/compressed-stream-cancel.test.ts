import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressStream } from '../../../src/http/compression.ts';
import { textStream } from '../../../src/http/streamed.ts';

/**
 * A streamed answer compressed as it goes (the whole-model export): a client that goes away in the
 * middle must stop the pieces and the compressor quietly. Before, the compressor's late output was
 * handed to a stream already cancelled, which threw outside any request and stopped the server.
 */
function pieces(count: number, onEnd: () => void) {
  return async function* () {
    try {
      // Text that compresses poorly, so the compressor has output for every piece.
      for (let i = 0; i < count; i++) yield `${i}:${Math.random().toString(36).repeat(200)}\n`;
    } finally {
      onEnd();
    }
  };
}

describe('a compressed streamed answer', () => {
  for (const encoding of ['br', 'gzip'] as const) {
    it(`stops the pieces and its compressor when the client goes away part-way (${encoding})`, async () => {
      const uncaught: unknown[] = [];
      const onUncaught = (error: unknown) => uncaught.push(error);
      process.on('uncaughtException', onUncaught);
      try {
        for (let round = 0; round < 20; round++) {
          let stopped!: () => void;
          const ended = new Promise<void>((resolve) => (stopped = resolve));
          const errors: unknown[] = [];
          const body = compressStream(textStream(pieces(1000, stopped), (e) => errors.push(e)), encoding);
          const reader = body.getReader();
          expect((await reader.read()).done).toBe(false);
          await reader.cancel();
          await Promise.race([ended, new Promise((_, fail) => setTimeout(() => fail(new Error('the pieces were never stopped')), 10_000))]);
          // The compressor's work in the thread pool comes back after this; it must find nothing to break.
          await new Promise((r) => setTimeout(r, 20));
          expect(errors).toEqual([]);
        }
      } finally {
        process.off('uncaughtException', onUncaught);
      }
      expect(uncaught).toEqual([]);
    });
  }

  it('is the whole text, decompressed, when read to the end', async () => {
    let text = '';
    for await (const piece of pieces(50, () => undefined)()) text += piece;
    const again: string[] = text.split('\n').filter(Boolean).map((line) => `${line}\n`);
    const body = compressStream(
      textStream(async function* () {
        yield* again;
      }, () => undefined),
      'br',
    );
    const bytes = Buffer.from(await new Response(body).arrayBuffer());
    expect(brotliDecompressSync(bytes).toString('utf8')).toBe(text);
  });
});
