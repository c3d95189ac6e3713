import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config.ts';
import { isHttps } from '../http/security.ts';

/**
 * The session cookie: HttpOnly, SameSite=Lax, no Max-Age (it ends with the browser; the server
 * ends it sooner). Over HTTPS it is `__Host-akson-sesjon` with Secure, which the browser only
 * accepts from this exact host. For plain-HTTP local use (COOKIE_SECURE=false, or auto over
 * http) it is `akson-sesjon` without Secure, since browsers refuse Secure cookies over http.
 */
const baseName = 'akson-sesjon';

function secure(c: Context, config: Config): boolean {
  return config.COOKIE_SECURE === 'true' || (config.COOKIE_SECURE === 'auto' && isHttps(c, config));
}

export function sessionCookieName(c: Context, config: Config): string {
  return secure(c, config) ? `__Host-${baseName}` : baseName;
}

export function readSessionToken(c: Context, config: Config): string | undefined {
  return secure(c, config) ? getCookie(c, baseName, 'host') : getCookie(c, baseName);
}

export function writeSessionCookie(c: Context, config: Config, token: string): void {
  const options = { httpOnly: true, sameSite: 'Lax', path: '/' } as const;
  if (secure(c, config)) setCookie(c, baseName, token, { ...options, secure: true, prefix: 'host' });
  else setCookie(c, baseName, token, options);
}

export function clearSessionCookie(c: Context, config: Config): void {
  if (secure(c, config)) deleteCookie(c, baseName, { path: '/', secure: true, prefix: 'host' });
  else deleteCookie(c, baseName, { path: '/' });
}
