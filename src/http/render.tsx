import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { raw } from 'hono/html';
import { Layout } from '../../views/layout.tsx';
import { Announce } from '../../views/components/common.tsx';
import { ErrorPanel } from '../../views/pages/error.tsx';
import type { I18n } from '../../views/i18n/index.ts';
import { browserLanguage } from './language.ts';

/** True for a request htmx made to swap part of a page (not one restoring history). */
export function isFragmentRequest(c: Context): boolean {
  return c.req.header('HX-Request') === 'true' && c.req.header('HX-History-Restore-Request') !== 'true';
}

export interface PageParts {
  title: string;
  body: Child;
  /** What an htmx request gets instead of the whole page; defaults to the whole page. */
  fragment?: Child;
  status?: ContentfulStatusCode;
  /** What a screen reader hears after an htmx update, instead of the whole swapped region. */
  announce?: string;
}

/** The page's path and query (a GET's; after a POST, the path alone), to come back to. */
function returnPathOf(c: Context): string {
  if (c.req.method !== 'GET') return c.req.path;
  const url = new URL(c.req.url);
  return url.pathname + url.search;
}

/** One URL, two shapes: the whole page, or the fragment htmx asked for. */
export function respond(c: Context, parts: PageParts): Response | Promise<Response> {
  c.header('Vary', 'HX-Request');
  const status = parts.status ?? 200;
  if (parts.fragment !== undefined && isFragmentRequest(c)) {
    return c.html(
      <>
        {parts.fragment}
        {parts.announce ? <Announce text={parts.announce} /> : null}
      </>,
      status,
    );
  }
  // The doctype keeps every page in standards mode (without it browsers render in quirks mode).
  return c.html(
    <>
      {raw('<!DOCTYPE html>')}
      <Layout title={parts.title} current={c.req.path} returnTo={returnPathOf(c)} viewer={c.get('viewer') ?? null}>
        {parts.body}
      </Layout>
    </>,
    status,
  );
}

export interface ErrorParts {
  status: ContentfulStatusCode;
  /** Defaults to the status's usual title in the request's language ("Fant ikke siden" for 404). */
  title?: string;
  message: Child;
  details?: string[];
}

/** An error inside the page layout (or as a fragment for htmx), with a way back; never a stack trace. */
export function respondError(c: Context, error: ErrorParts): Response | Promise<Response> {
  if (isFragmentRequest(c)) {
    // Whatever part of the page htmx meant to replace, the error takes the page's main content.
    c.header('HX-Retarget', '#innhold');
    c.header('HX-Reswap', 'innerHTML');
  }
  const title = error.title ?? statusTitle(i18nOf(c), error.status);
  const panel = <ErrorPanel {...error} title={title} />;
  return respond(c, { title, body: panel, fragment: panel, status: error.status });
}

export function notFound(c: Context, what: string): Response | Promise<Response> {
  return respondError(c, {
    status: 404,
    message: what,
  });
}

/**
 * The request's interface language; before the language middleware has run (a fault while the
 * session is read), the language the browser asks for.
 */
export function i18nOf(c: Context): I18n {
  return c.get('i18n') ?? browserLanguage(c);
}

const titledStatuses = [400, 401, 403, 404, 409, 413, 500, 503] as const;

/** The usual title of an error page with this status, in the request's language. */
export function statusTitle(i18n: I18n, status: number): string {
  const known = titledStatuses.find((s) => s === status) ?? (status >= 500 ? 500 : 400);
  return i18n.t(`errors.title.${known}`);
}
