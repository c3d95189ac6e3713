import { promisify } from 'node:util';
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { isStreamed, markStreamed } from './streamed.ts';

export type Encoding = 'br' | 'gzip';

/**
 * The encoding to answer with, from the request's Accept-Encoding: brotli before gzip where the
 * browser ranks them equally, neither when it names neither (or refuses them with `q=0`).
 */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(token.trim(), q === undefined ? 1 : Number(q) || 0);
  }
  const weightOf = (encoding: Encoding) => weights.get(encoding) ?? weights.get('*') ?? 0;
  const br = weightOf('br');
  const gz = weightOf('gzip');
  if (br <= 0 && gz <= 0) return undefined;
  return br >= gz ? 'br' : 'gzip';
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Compresses on the thread pool (not the event loop). `static` for files compressed once and
 * kept (slower, smaller); `dynamic` for pages compressed per response (fast settings: brotli 4
 * compresses an HTML page in well under a millisecond and still beats gzip 6).
 */
export function compressBody(body: Uint8Array, encoding: Encoding, effort: 'static' | 'dynamic'): Promise<Buffer> {
  if (encoding === 'br') {
    return brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: effort === 'static' ? 9 : 4,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
  }
  return gzipAsync(body, { level: effort === 'static' ? 9 : 6 });
}

/**
 * The brotli window for streamed bodies, as a power of two: 1 MB instead of the default 4 MB, since
 * each stream's encoder holds its window (and more) for as long as the answer lasts, and twenty
 * exports at once held hundreds of MB. Flushed every 64 KB it hardly matters for the ratio: the
 * 100× export (9.9 MB) is 286 KB of brotli with it, 285 KB with 4 MB.
 */
const STREAM_BROTLI_WINDOW = 20;

/**
 * A streamed body compressed chunk by chunk (dynamic settings), each chunk flushed so that what
 * has been written reaches the client at once rather than when the compressor's window fills.
 * Pulled like the body: a piece is read and compressed only when the client wants more. A client
 * that goes away cancels the body (stopping its pieces) and destroys the compressor, whose late
 * output is then dropped rather than handed to a stream that is gone.
 */
export function compressStream(body: ReadableStream<Uint8Array>, encoding: Encoding): ReadableStream<Uint8Array> {
  const zip =
    encoding === 'br'
      ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_LGWIN]: STREAM_BROTLI_WINDOW, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } })
      : createGzip({ level: 6 });
  const reader = body.getReader();
  let out: Uint8Array[] = [];
  let failure: unknown;
  let gone = false;
  zip.on('data', (data: Buffer) => {
    if (!gone) out.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  });
  zip.on('error', (error) => {
    failure ??= error;
  });
  /** Waits for the compressor: after a flush (or the end) every byte it owes has come as 'data'. */
  const settle = (end: boolean) =>
    new Promise<void>((resolve) => {
      if (end) {
        zip.once('end', resolve);
        zip.once('close', resolve);
        zip.end();
      } else zip.flush(() => resolve());
    });
  /** Hands on what the compressor gave; whether there was anything. */
  const handOn = (controller: ReadableStreamDefaultController<Uint8Array>): boolean => {
    const any = out.length > 0;
    for (const chunk of out) controller.enqueue(chunk);
    out = [];
    return any;
  };
  return markStreamed(
    new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          try {
            for (;;) {
              const { value, done } = await reader.read();
              if (gone) return;
              if (!done) zip.write(value);
              await settle(done);
              if (gone) return;
              if (failure) throw failure;
              const handed = handOn(controller);
              if (done) {
                controller.close();
                return;
              }
              // One piece's output per pull; a piece that gave nothing yet is followed by the next.
              if (handed) return;
            }
          } catch (error) {
            zip.destroy();
            await reader.cancel(error).catch(() => undefined);
            throw error;
          }
        },
        async cancel(reason) {
          gone = true;
          zip.destroy();
          await reader.cancel(reason);
        },
      },
      { highWaterMark: 0 },
    ),
  );
}

/** Below this a compressed body saves less than the headers it costs. */
const minimumBytes = 1024;

const compressible = /^(text\/|application\/(json|javascript|xml)|image\/svg\+xml)/;

/**
 * Whether `compression()` compresses an answer of this type, Cache-Control and length (for the
 * kept pages, which are compressed once instead: src/http/page-cache.ts).
 */
export function isCompressible(type: string | undefined, cacheControl: string | undefined, length: number): boolean {
  return compressible.test(type ?? '') && !/\bno-transform\b/.test(cacheControl ?? '') && length >= minimumBytes;
}

/** Adds `token` to the response's Vary header unless it is there. */
export function addVary(headers: Headers, token: string): void {
  const vary = headers.get('Vary');
  if (!vary) headers.set('Vary', token);
  else if (!vary.toLowerCase().split(/\s*,\s*/).includes(token.toLowerCase())) headers.set('Vary', `${vary}, ${token}`);
}

/**
 * Compresses HTML, JSON, CSV and other text answers with brotli or gzip as the browser accepts,
 * and says `Vary: Accept-Encoding`. Answers that are already encoded (the assets, compressed once
 * when first asked for) pass as they are.
 */
export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('Content-Type') ?? '';
    if (!res.body || !compressible.test(type) || res.headers.has('Content-Encoding')) return;
    if (res.status === 204 || res.status === 304 || c.req.method === 'HEAD') return;
    if (/\bno-transform\b/.test(res.headers.get('Cache-Control') ?? '')) return;
    addVary(res.headers, 'Accept-Encoding');
    const encoding = negotiateEncoding(c.req.header('Accept-Encoding'));
    if (!encoding) return;
    if (isStreamed(res)) {
      // Compressed as it is written: never read whole.
      const headers = new Headers(res.headers);
      headers.set('Content-Encoding', encoding);
      headers.delete('Content-Length');
      c.res = undefined;
      c.res = new Response(compressStream(res.body, encoding), { status: res.status, statusText: res.statusText, headers });
      return;
    }
    const length = Number(res.headers.get('Content-Length') ?? Number.NaN);
    if (length < minimumBytes) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    let out: Uint8Array = body;
    if (body.byteLength >= minimumBytes) {
      out = await compressBody(body, encoding, 'dynamic');
      headers.set('Content-Encoding', encoding);
      // The same page in another encoding is another representation: a strong ETag says so.
      const etag = headers.get('ETag');
      if (etag && !etag.startsWith('W/')) headers.set('ETag', `${etag.slice(0, -1)}-${encoding}"`);
    }
    headers.set('Content-Length', String(out.byteLength));
    c.res = undefined;
    c.res = new Response(out as Uint8Array<ArrayBuffer>, { status: res.status, statusText: res.statusText, headers });
  };
}
