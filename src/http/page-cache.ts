import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Action } from '../auth/policy.ts';
import { modelVersion } from '../db/queries/model-change.ts';
import type { AppDeps } from '../deps.ts';
import { addVary } from './compression.ts';
import { isFragmentRequest } from './render.tsx';
import { releaseDigest } from './release.ts';
import { isStreamed, markStreamed } from './streamed.ts';

/**
 * Pages that are a function of the model (as counted by its change counter), the address, the
 * shape asked for (page or htmx fragment) and who asks, and nothing else: not the clock (the
 * review and consultation pages close rounds by their deadlines, so they are not here).
 */
const versionedActions: ReadonlySet<Action> = new Set(['scope.read']);

/** A rendered answer kept for anonymous readers. */
interface Rendered {
  version: string;
  status: number;
  headers: [string, string][];
  body: Buffer;
}

/**
 * Rendered pages of the published scope for anonymous readers, most recently used kept, up to
 * `maxBytes` in all. Everything is dropped when the model's version moves on: a page rendered
 * before a change is never served after it.
 */
export class RenderedPages {
  #entries = new Map<string, Rendered>();
  #bytes = 0;
  #version: string | undefined;

  constructor(
    readonly maxBytes: number,
    readonly maxEntryBytes = Math.min(maxBytes, 8 * 1024 * 1024),
  ) {}

  get(key: string, version: string): Rendered | undefined {
    if (version !== this.#version) return undefined;
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key); // most recently used last
    this.#entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: Rendered): void {
    if (entry.body.byteLength > this.maxEntryBytes) return;
    if (entry.version !== this.#version) {
      // Only the newest version is worth keeping; a slow render of an older one is dropped.
      if (this.#version !== undefined && Number(entry.version) < Number(this.#version)) return;
      this.#entries.clear();
      this.#bytes = 0;
      this.#version = entry.version;
    }
    const old = this.#entries.get(key);
    if (old) this.#bytes -= old.body.byteLength;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    this.#bytes += entry.body.byteLength;
    for (const [oldest, value] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= value.body.byteLength;
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** Passes the chunks on and, at the end, hands over their concatenation unless it went over `maxBytes`. */
function keepIfSmall(maxBytes: number, keep: (body: Buffer) => void): TransformStream<Uint8Array, Uint8Array> {
  let chunks: Uint8Array[] | null = [];
  let bytes = 0;
  return new TransformStream({
    transform(chunk, controller) {
      if (chunks) {
        bytes += chunk.byteLength;
        if (bytes > maxBytes) chunks = null;
        else chunks.push(chunk);
      }
      controller.enqueue(chunk);
    },
    flush() {
      if (chunks) keep(Buffer.concat(chunks));
    },
  });
}

/** Everything besides the model that decides what this request is answered with. */
function variantOf(c: Context): string {
  const url = new URL(c.req.url);
  const viewer = c.var.viewer;
  // The language as chosen (the user's, this browser's cookie, else Accept-Language), not the raw headers.
  return JSON.stringify([url.pathname + url.search, isFragmentRequest(c), c.var.i18n.language.code, viewer ?? null]);
}

/** Whether an If-None-Match header names this (weak) ETag. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}

const cacheableType = /^(text\/html|application\/json|text\/csv|text\/plain)/;

export interface VersionedPagesOptions {
  /** Bytes of rendered pages kept for anonymous readers; 0 keeps none. */
  cacheBytes: number;
}

/**
 * ETag and 304 for the pages of the published scope and `/api/model`, keyed by the model's change
 * counter (read from the database on every request: one cheap query, right in every process),
 * the code's release, the address, page or fragment, and who asks (their session included). For
 * anonymous readers the rendered page itself is kept and served again until the model changes:
 * the same bytes for every response, since the Content-Security-Policy needs no per-response value.
 * Signed-in users' pages are never kept here, and never stored by browsers (`no-store`).
 */
export function versionedPages(deps: AppDeps, options: VersionedPagesOptions): MiddlewareHandler {
  const pages = new RenderedPages(options.cacheBytes);
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const action = c.var.policy?.action;
    if (!action || !versionedActions.has(action)) return next();

    const version = await modelVersion(deps.db);
    const variant = variantOf(c);
    const anonymous = !c.var.viewer;
    const etag = `W/"${version}-${createHash('sha256').update(releaseDigest()).update(variant).digest('base64url').slice(0, 22)}"`;
    const validators = (headers: Headers) => {
      headers.set('ETag', etag);
      // Anonymous pages may be kept by the browser but are checked each time (a 304 is cheap);
      // a signed-in user's never leave a copy behind.
      if (!headers.has('Cache-Control')) headers.set('Cache-Control', anonymous ? 'no-cache' : 'no-store');
      addVary(headers, 'Cookie');
    };

    if (matches(c.req.header('If-None-Match'), etag)) {
      const res = c.body(null, 304);
      validators(res.headers);
      return res;
    }

    const key = variant;
    const kept = anonymous && options.cacheBytes > 0 ? pages.get(key, version) : undefined;
    if (kept) {
      const res = c.body(kept.body as Uint8Array<ArrayBuffer>, kept.status as 200, Object.fromEntries(kept.headers));
      validators(res.headers);
      return res;
    }

    await next();
    const res = c.res;
    if (res.status !== 200) return;
    validators(res.headers);
    const type = res.headers.get('Content-Type') ?? '';
    if (!anonymous || options.cacheBytes === 0 || res.headers.has('Set-Cookie') || res.headers.has('Content-Encoding') || !cacheableType.test(type)) return;
    const keep = (rendered: Buffer) =>
      pages.set(key, {
        version,
        status: res.status,
        headers: [...res.headers].filter(([name]) => !['content-length', 'etag', 'cache-control', 'set-cookie'].includes(name)),
        body: rendered,
      });
    if (isStreamed(res) && res.body) {
      // A streamed answer (the whole-model export) goes on as a stream; a copy is gathered on the
      // way and kept only if the whole of it fits in one entry, so a large one is never held.
      const headers = new Headers(res.headers);
      const body = markStreamed(res.body.pipeThrough(keepIfSmall(pages.maxEntryBytes, keep)));
      c.res = undefined;
      c.res = new Response(body, { status: res.status, headers });
      return;
    }
    const rendered = Buffer.from(await res.arrayBuffer());
    keep(rendered);
    const headers = new Headers(res.headers);
    c.res = undefined;
    c.res = new Response(rendered as Uint8Array<ArrayBuffer>, { status: res.status, headers });
  };
}
