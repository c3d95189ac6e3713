import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '../../model/exchange/openapi.ts';

/** Stable, machine-readable error codes of the JSON API. */
export type ApiErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'read_only'
  | 'not_found'
  | 'validation'
  | 'conflict'
  | 'too_large'
  | 'bad_request'
  | 'unavailable'
  | 'server_error';

/** The one shape every API error has: `{ "error": { "code", "message", "fields" } }`. */
export function apiError(c: Context, status: ContentfulStatusCode, code: ApiErrorCode, message: string, fields?: Record<string, string>): Response {
  const body: ApiError = { error: { code, message, ...(fields ? { fields } : {}) } };
  return c.json(body, status);
}

export function isApiPath(path: string): boolean {
  return path.startsWith('/api/');
}
