import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { Action } from '../auth/policy.ts';
import { modelVersion, modelVersionNow } from '../db/queries/model-change.ts';
import type { Db } from '../db/index.ts';
import type { AppDeps } from '../deps.ts';
import { chooseLanguage } from '../../views/i18n/index.ts';
import { norwegianDate } from '../../model/consultation.ts';
import { addVary, compressBody, isCompressible, negotiateEncoding, type Encoding } from './compression.ts';
import { languageCookie } from './language.ts';
import { isFragmentRequest } from './render.tsx';
import { releaseDigest } from './release.ts';
import { isStreamed, markStreamed } from './streamed.ts';

/**
 * Pages that are a function of the model (as counted by its change counter), the address, the
 * shape asked for (page or htmx fragment), who asks and the date in Norway, and nothing else (not
 * the time of day). Every ETag and kept page is per date, so a page showing a round as open or
 * closed by its dates is right the day after; the others are made again once a day.
 */
const versionedActions: ReadonlySet<Action> = new Set(['scope.read']);
/**
 * Pages of other actions that are likewise a function of the model alone: the review dashboard,
 * whose figures (coverage, declarations, submitted reviews, stances) are all in tables the change
 * counter follows and which shows no deadline, round state or date (its CSV does: a dated file
 * name, so not the CSV).
 */
const versionedRoutes: ReadonlySet<string> = new Set(['GET /vurdering/dashbord']);
/**
 * Pages that are so for an anonymous reader only: the consultation rounds, whose state (planned,
 * open, closed) goes by the date in Norway; a signed-in reader's list also counts what is new
 * since their last visit, which the change counter does not follow.
 */
const anonymousRoutes: ReadonlySet<string> = new Set(['GET /horing']);

/** Whether the answering route's page is a function of the model's version, the date and the variant alone. */
function isVersioned(policy: { action: Action; route: string } | undefined, anonymous: boolean): boolean {
  if (policy === undefined) return false;
  return versionedActions.has(policy.action) || versionedRoutes.has(policy.route) || (anonymous && anonymousRoutes.has(policy.route));
}

/** One representation of a kept page: its bytes and every header it is sent with. */
interface Representation {
  body: Uint8Array<ArrayBuffer>;
  /** Lower-case names, Content-Length included: handed as they are to the server for each answer. */
  headers: Record<string, string>;
}

/**
 * A page as the ordinary way answered an anonymous reader (every middleware's headers, the
 * security headers included), in each encoding, compressed once when it was kept.
 */
export interface KeptPage {
  version: string;
  etag: string;
  status: number;
  identity: Representation;
  br: Representation | undefined;
  gzip: Representation | undefined;
  /** The headers of a 304 for it: the page's without its content's (type, language, policy). */
  notModified: Record<string, string>;
  bytes: number;
}

/**
 * Rendered pages of the published scope for anonymous readers, most recently used kept, up to
 * `maxBytes` in all (every encoding counted). Everything is dropped when the model's version moves
 * on: a page rendered before a change is never served after it.
 */
export class RenderedPages {
  #entries = new Map<string, KeptPage>();
  #bytes = 0;
  #version: string | undefined;

  constructor(
    readonly maxBytes: number,
    readonly maxEntryBytes = Math.min(maxBytes, 8 * 1024 * 1024),
  ) {}

  /** The page kept under `key`, of whatever version it is (the caller compares). */
  peek(key: string): KeptPage | undefined {
    return this.#entries.get(key);
  }

  get(key: string, version: string): KeptPage | undefined {
    if (version !== this.#version) return undefined;
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key); // most recently used last
    this.#entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: KeptPage): void {
    if (entry.bytes > this.maxEntryBytes) return;
    if (entry.version !== this.#version) {
      // Only the newest version is worth keeping; a slow render of an older one is dropped.
      if (this.#version !== undefined && Number(entry.version) < Number(this.#version)) return;
      this.#entries.clear();
      this.#bytes = 0;
      this.#version = entry.version;
    }
    const old = this.#entries.get(key);
    if (old) this.#bytes -= old.bytes;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    this.#bytes += entry.bytes;
    for (const [oldest, value] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= value.bytes;
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** Passes the chunks on and, at the end, hands over their concatenation unless it went over `maxBytes`. */
function keepIfSmall(maxBytes: number, keep: (body: Buffer) => Promise<void>): TransformStream<Uint8Array, Uint8Array> {
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
    // The end of the answer waits until the copy is kept, so the next request finds it.
    async flush() {
      if (chunks) await keep(Buffer.concat(chunks));
    },
  });
}

/** Everything besides the model that decides what this request is answered with. */
function variantOf(c: Context, today: string): string {
  const url = new URL(c.req.url);
  const viewer = c.var.viewer;
  // The language as chosen (the user's, this browser's cookie, else Accept-Language), not the raw headers.
  return JSON.stringify([url.pathname + url.search, isFragmentRequest(c), c.var.i18n.language.code, viewer ?? null, today]);
}

/** Whether an If-None-Match header names this (weak) ETag. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}

const cacheableType = /^(text\/html|application\/json|text\/csv|text\/plain)/;

/**
 * What `versionedPages` hands the kept-page layer for one anonymous request it may keep: the
 * version the page was rendered at and, once the whole of it has been made, its plain bytes.
 */
interface Offer {
  /** The largest page kept. */
  maxBytes: number;
  version?: string;
  body?: Buffer;
  /** Called by `versionedPages` once the body is complete (a streamed one: when it has ended). */
  rendered(version: string, body: Buffer): Promise<void>;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by `keptPages` on a request whose answer it may keep; `versionedPages` offers the page to it. */
    pageOffer: Offer | undefined;
  }
}

/**
 * ETag and 304 for the pages of the published scope and `/api/model`, keyed by the model's change
 * counter (read from the database on every request: one cheap query, right in every process),
 * the code's release, the address, page or fragment, and who asks (their session included).
 * An anonymous reader's page is offered to `keptPages` (which runs first) to be kept.
 * Signed-in users' pages are never kept, and never stored by browsers (`no-store`).
 */
export function versionedPages(deps: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const anonymous = !c.var.viewer;
    if (!isVersioned(c.var.policy, anonymous)) return next();

    const version = await modelVersion(deps.db);
    const variant = variantOf(c, norwegianDate(deps.now()));
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

    await next();
    const res = c.res;
    if (res.status !== 200) return;
    // Whether it is streamed is asked first: that reads the body, and @hono/node-server's Response
    // (the server's; tests run on Node's own) made with plain-object headers forgets any header set
    // on it before its body is read, as the export's ETag was.
    const streamed = isStreamed(res);
    validators(res.headers);
    const offer = c.var.pageOffer;
    const type = res.headers.get('Content-Type') ?? '';
    if (!offer || !anonymous || res.headers.has('Set-Cookie') || res.headers.has('Content-Encoding') || !cacheableType.test(type)) return;
    const keep = (rendered: Buffer) => offer.rendered(version, rendered);
    if (streamed && res.body) {
      // A streamed answer (the whole-model export) goes on as a stream; a copy is gathered on the
      // way and kept only if the whole of it fits in one entry, so a large one is never held.
      const headers = new Headers(res.headers);
      const body = markStreamed(res.body.pipeThrough(keepIfSmall(offer.maxBytes, keep)));
      c.res = undefined;
      c.res = new Response(body, { status: res.status, headers });
      return;
    }
    const rendered = Buffer.from(await res.arrayBuffer());
    if (rendered.byteLength <= offer.maxBytes) await keep(rendered);
    const headers = new Headers(res.headers);
    c.res = undefined;
    c.res = new Response(rendered as Uint8Array<ArrayBuffer>, { status: res.status, headers });
  };
}

/** One of the request's headers: as node parsed them (no Headers object made), or from the Request elsewhere. */
type HeaderOf = (name: string) => string | undefined;

function headerReader(request: Request, env: unknown): HeaderOf {
  const raw = (env as { incoming?: IncomingMessage } | undefined)?.incoming?.headers;
  if (raw) {
    return (name) => {
      const value = raw[name];
      return Array.isArray(value) ? value.join(', ') : value;
    };
  }
  return (name) => request.headers.get(name) ?? undefined;
}

/** The value of cookie `name` in a Cookie header, undecoded (our language codes need no decoding). */
function cookieValue(cookie: string | undefined, name: string): string | undefined {
  if (!cookie) return undefined;
  for (const part of cookie.split(';')) {
    const at = part.indexOf('=');
    if (at !== -1 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}

/** The session cookie's name, with or without its `__Host-` prefix (src/auth/cookie.ts). */
const sessionCookieName = 'akson-sesjon';

/**
 * Where an anonymous reader's GET is kept: the language (as the language middleware would choose
 * it for nobody signed in: the browser's cookie, else Accept-Language), page or htmx fragment, and
 * the address. Undefined for any other request: not a GET, or with a session cookie (even one whose
 * session has ended) or an API token.
 */
function keyOf(request: Request, header: HeaderOf, today: string): string | undefined {
  if (request.method !== 'GET') return undefined;
  const cookie = header('cookie');
  if (cookie?.includes(sessionCookieName) || header('authorization') !== undefined) return undefined;
  const fragment = header('hx-request') === 'true' && header('hx-history-restore-request') !== 'true';
  const language = chooseLanguage(null, cookieValue(cookie, languageCookie), header('accept-language'));
  const url = request.url;
  return `${language} ${fragment ? 'f' : 'p'} ${today} ${url.slice(url.indexOf('/', url.indexOf('//') + 2))}`;
}

/**
 * The model's version as the database has it now, for answering from the kept pages: on SQLite
 * read straight from the connection when it can be (`modelVersionNow`); otherwise one query, shared
 * by the requests that arrive while another is under way. A request never takes the answer of a
 * query that began before it arrived (a change committed in between would be missed): it waits for
 * the next, which begins when the one under way ends, for all who came meanwhile. So under load
 * PostgreSQL answers one query at a time per process instead of one per request.
 */
export function versionReader(db: Db): () => string | Promise<string> {
  let running: Promise<string> | undefined;
  let next: Promise<string> | undefined;
  const start = (): Promise<string> => {
    const read: Promise<string> = modelVersion(db).finally(() => {
      if (running === read) running = undefined;
    });
    running = read;
    return read;
  };
  return () => {
    const now = modelVersionNow(db);
    if (now !== undefined) return now;
    if (!running) return start();
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return start();
      });
    return next;
  };
}

export interface KeptPagesOptions {
  /** Bytes of rendered pages kept for anonymous readers (all encodings); 0 keeps none. */
  cacheBytes: number;
}

/** The kept pages: the middleware that keeps them, and the answer from them that runs before Hono. */
export interface KeptPages {
  /**
   * The first middleware: on an anonymous reader's GET, lets `versionedPages` offer the page, and
   * keeps it with the headers every other middleware gave it once the ordinary way has answered.
   */
  keep: MiddlewareHandler;
  /**
   * The kept answer to this request, if there is one at the model's version as the database says
   * it now; undefined (or a promise of it) when the ordinary way must answer.
   */
  answer(request: Request, env: unknown): Response | undefined | Promise<Response | undefined>;
}

/**
 * Answers an anonymous reader's GET of a kept page before the app's router and middleware run: a
 * request with no session cookie and no API token whose address, shape (page or htmx fragment) and
 * language match a page the ordinary way answered and kept, at the model's version as the database
 * says it now. The answer is the kept one byte for byte, headers included (the security headers and
 * the policy are the same on every response), in the encoding the browser accepts, compressed once
 * when it was kept; or a 304 to its ETag.
 *
 * Only what the ordinary way answered with 200 to an anonymous reader of the published scope
 * (`scope.read`, or a route in `versionedRoutes`, so the policy let it through) is kept. Any request with a session cookie goes
 * the ordinary way, so a signed-in user never gets an anonymous page, nor anyone a user's.
 */
export function keptPages(deps: AppDeps, options: KeptPagesOptions): KeptPages {

  const pages = new RenderedPages(options.cacheBytes);
  const versionNow = versionReader(deps.db);
  /** Pages being compressed to be kept, so that a burst of the same page is compressed once. */
  const compressing = new Set<string>();

  async function keep(key: string, version: string, status: number, headers: [string, string][], body: Buffer): Promise<void> {
    const id = `${version}\n${key}`;
    if (compressing.has(id) || pages.get(key, version)) return;
    compressing.add(id);
    try {
      const base = Object.fromEntries(headers);
      const representation = (bytes: Uint8Array, encoding?: Encoding): Representation => ({
        body: bytes as Uint8Array<ArrayBuffer>,
        headers: { ...base, ...(encoding ? { 'content-encoding': encoding } : {}), 'content-length': String(bytes.byteLength) },
      });
      // Compressed as the ordinary way would (compression.ts), but once, and with the effort kept files get.
      const compress = isCompressible(base['content-type'], base['cache-control'], body.byteLength);
      const [br, gzip] = compress ? await Promise.all([compressBody(body, 'br', 'static'), compressBody(body, 'gzip', 'static')]) : [];
      const notModified = { ...base };
      for (const name of ['content-type', 'content-language', 'content-security-policy']) delete notModified[name];
      pages.set(key, {
        version,
        etag: base.etag!,
        status,
        identity: representation(body),
        br: br && representation(br, 'br'),
        gzip: gzip && representation(gzip, 'gzip'),
        notModified,
        bytes: body.byteLength + (br?.byteLength ?? 0) + (gzip?.byteLength ?? 0),
      });
    } finally {
      compressing.delete(id);
    }
  }

  function respond(header: HeaderOf, kept: KeptPage): Response {
    if (matches(header('if-none-match'), kept.etag)) return new Response(null, { status: 304, headers: kept.notModified });
    const encoding = kept.br ? negotiateEncoding(header('accept-encoding')) : undefined;
    const { body, headers } = (encoding && kept[encoding]) || kept.identity;
    return new Response(body, { status: kept.status, headers });
  }

  function answer(request: Request, env: unknown): Response | undefined | Promise<Response | undefined> {
    if (options.cacheBytes === 0) return undefined;
    const header = headerReader(request, env);
    const key = keyOf(request, header, norwegianDate(deps.now()));
    const kept = key === undefined ? undefined : pages.peek(key);
    if (!kept) return undefined;
    const current = (version: string) => (pages.get(key!, version) === kept ? respond(header, kept) : undefined);
    try {
      const now = versionNow();
      if (typeof now === 'string') return current(now);
      // The database did not answer: the ordinary way says so as it does for any page.
      return now.then(current, () => undefined);
    } catch {
      return undefined;
    }
  }

  const keepMiddleware: MiddlewareHandler = async (c, next) => {
    if (options.cacheBytes === 0) return next();
    const key = keyOf(c.req.raw, headerReader(c.req.raw, c.env), norwegianDate(deps.now()));
    if (key === undefined) return next();
    const language = key.slice(0, key.indexOf(' '));

    // The ordinary way; `versionedPages` offers the page if it may be kept.
    let headers: [string, string][] | undefined;
    let status = 0;
    const offer: Offer = {
      maxBytes: pages.maxEntryBytes,
      async rendered(version, body) {
        offer.version = version;
        offer.body = body;
        // A streamed page ends after this middleware has seen its headers: kept here.
        if (headers) await keep(key, version, status, headers, body).catch(deps.logError);
      },
    };
    c.set('pageOffer', offer);
    await next();
    const res = c.res;
    // Kept only as what it is: a 200 to an anonymous reader of the published scope, in the language the key names.
    if (res.status !== 200 || c.var.viewer !== null || !isVersioned(c.var.policy, true) || c.var.i18n?.language.code !== language) return;
    if (res.headers.has('set-cookie')) return;
    headers = [...res.headers].filter(([name]) => !['content-length', 'content-encoding', 'transfer-encoding', 'set-cookie'].includes(name));
    status = res.status;
    // Kept (compressed once) before the answer goes, so that the next request finds it.
    if (offer.version !== undefined && offer.body) await keep(key, offer.version, status, headers, offer.body).catch(deps.logError);
  };
  return { keep: keepMiddleware, answer };
}
