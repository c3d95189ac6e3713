import { getConnInfo } from '@hono/node-server/conninfo';
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../config.ts';

/**
 * The response headers every answer carries. Scripts only from files of this origin: no inline
 * script, no event-handler attribute, no eval, and no nonce either, since no script of ours is
 * inline (every one is a content-hashed file under /assets/). That is stricter than `'self'` with
 * a nonce, and the same on every response, so a kept page needs nothing rewritten before it is
 * served again (src/http/page-cache.ts). Styles may be inline because Mermaid styles the SVG it
 * draws. HSTS for one year.
 */
export function securityHeaders(): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
    },
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    xFrameOptions: 'DENY',
    // Not no-referrer: under that policy browsers send `Origin: null` on our own form posts, and
    // the CSRF check needs the real origin. Other sites still get no referrer (the invitation
    // links carry their token in the path).
    referrerPolicy: 'same-origin',
  });
  return async (c, next) => {
    await headers(c, next);
    // A 304 revalidates the page the browser kept, which keeps the policy it came with.
    if (c.res.status === 304) c.res.headers.delete('Content-Security-Policy');
  };
}

/** Whether the browser reached us over HTTPS (directly, or through a trusted proxy). */
export function isHttps(c: Context, config: Config): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return config.TRUST_PROXY && c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim() === 'https';
}

/** The client's address: the socket's peer, or behind a trusted proxy the first X-Forwarded-For entry. */
export function clientAddressOf(c: Context, config: Config): string | null {
  if (config.TRUST_PROXY) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // not served by node (tests call app.request directly)
  }
}

export const unsafeMethod = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

const loopbackNames = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * The origins a form post from our own pages may carry. With `PUBLIC_URL` set, that address and
 * nothing else. Without it, the address the server listens on (the socket's own address and port,
 * and for a loopback or all-interfaces listener the loopback names); never the request's own
 * `Host` header, which whoever sends the request chooses. A request not served over a socket (the
 * app called in-process) has only its URL to go by.
 */
function ownOrigins(c: Context, config: Config): string[] {
  if (config.PUBLIC_URL) return [config.PUBLIC_URL];
  const socket = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket;
  if (!socket?.localPort) return [new URL(c.req.url).origin];
  const scheme = isHttps(c, config) ? 'https' : 'http';
  const port = socket.localPort;
  const local = socket.localAddress ?? '';
  const address = local.includes(':') ? `[${local.replace(/^::ffff:(?=\d+\.)/, '')}]`.replace(/^\[(\d+\.\d+\.\d+\.\d+)\]$/, '$1') : local;
  const names = new Set([address, config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST]);
  const loopback = ['127.0.0.1', '::1', '0.0.0.0', '::', 'localhost'].includes(config.HOST) || loopbackNames.includes(address);
  if (loopback) for (const name of loopbackNames) names.add(name);
  names.delete('0.0.0.0');
  names.delete('[::]');
  return [...names].map((name) => `${scheme}://${name}:${port}`);
}

/**
 * Refuses state-changing requests that another site could have made: a browser's
 * `Sec-Fetch-Site: cross-site`, an Origin that is not ours, and (Hono's csrf middleware) a form
 * post that carries neither signal of coming from our own pages.
 * `refuse` answers; nothing after this middleware runs for a refused request.
 */
export function sameOriginWrites(config: Config, refuse: (c: Context, reason: string) => Response | Promise<Response>): MiddlewareHandler {
  const check = csrf({ origin: (origin, c) => ownOrigins(c, config).includes(origin), secFetchSite: 'same-origin' });
  return async (c, next) => {
    if (!unsafeMethod(c.req.method)) return next();
    // A script with a personal API token sends no cookie: a forged cross-site request cannot carry it.
    if (c.var.viewer?.apiToken) return next();
    if (c.req.header('Sec-Fetch-Site') === 'cross-site') return refuse(c, 'cross-site');
    const origin = c.req.header('Origin');
    if (origin !== undefined && !ownOrigins(c, config).includes(origin)) return refuse(c, 'origin');
    try {
      await check(c, async () => {});
    } catch (error) {
      if (error instanceof HTTPException && error.status === 403) return refuse(c, 'no-origin');
      throw error;
    }
    return next();
  };
}
