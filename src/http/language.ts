import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { addVary } from './compression.ts';
import { chooseLanguage, i18nFor, type I18n } from '../../views/i18n/index.ts';

/** The language chosen on this browser, for visitors who are not signed in (not a secret). */
export const languageCookie = 'akson-sprak';

/**
 * Sets the request's interface language (`c.var.i18n`, and `useI18n()` in views): the user's saved
 * choice, else this browser's, else Accept-Language. Runs after the viewer is known.
 */
export function requestLanguage(): MiddlewareHandler {
  return async (c, next) => {
    c.set('i18n', viewerLanguage(c));
    await next();
    // Only pages speak a language; assets and data do not vary with it.
    if (!c.res.headers.get('Content-Type')?.startsWith('text/html')) return;
    c.res.headers.set('Content-Language', c.var.i18n.language.htmlLang);
    addVary(c.res.headers, 'Accept-Language');
  };
}

/** The language of the request's viewer: their saved choice, else this browser's (cookie, Accept-Language). */
export function viewerLanguage(c: Context): I18n {
  return i18nFor(chooseLanguage(c.var.viewer?.language, getCookie(c, languageCookie), c.req.header('Accept-Language')));
}

/** The language this browser asks for (its chosen cookie, else Accept-Language), for an answer given before the viewer is known. */
export function browserLanguage(c: Context): I18n {
  return i18nFor(chooseLanguage(null, getCookie(c, languageCookie), c.req.header('Accept-Language')));
}

/** Remembers a chosen language on this browser for a year. */
export function rememberLanguage(c: Context, code: string): void {
  setCookie(c, languageCookie, code, { path: '/', sameSite: 'Lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
}
