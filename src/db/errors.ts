/**
 * What a database error means for the answer: the engine-specific codes in one place.
 * - retryable: the transaction lost a race with another and can simply run again;
 * - busy: it kept losing (after the retries) - 503, try again shortly;
 * - unavailable: the database cannot be reached or ended the connection - 503.
 */

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** PostgreSQL: serialization failure or deadlock. */
const raceCodes = new Set(['40001', '40P01']);

export function isRetryable(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && raceCodes.has(code);
}

/** Still losing races after the retries, or SQLite's write lock held past the busy timeout. */
export function isBusy(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && (raceCodes.has(code) || code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED' || code === '55P03');
}

const connectionMessages = [
  'Connection terminated',
  'connection terminated',
  'Client has encountered a connection error',
  'timeout exceeded when trying to connect',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end',
  'driver has already been destroyed',
];

/** The server is down, restarting, or ended our connection (e.g. pg_terminate_backend). */
export function isUnavailable(error: unknown): boolean {
  const code = codeOf(error);
  if (code !== undefined) {
    // 08: connection exception; 57P01-57P03: admin/crash shutdown, cannot connect now; 53300: too many connections.
    if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300') return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) return true;
  }
  const message = error instanceof Error ? error.message : '';
  return connectionMessages.some((m) => message.includes(m));
}
