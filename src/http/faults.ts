import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { MessageKey } from '../../views/i18n/keys.ts';

/**
 * Faults of the database underneath, named: the user gets a specific Norwegian message and a
 * status that fits (507 when storage is full, 503 when the database cannot take writes now), and
 * the log gets the real cause. In every case the transaction was rolled back: nothing partial.
 */
export interface DatabaseFault {
  status: ContentfulStatusCode;
  /** The title and the message, as catalogue keys the answer says in the reader's language. */
  title: MessageKey;
  message: MessageKey;
  /** For the log: the driver's code and message. */
  cause: string;
  /** Seconds after which trying again makes sense (503). */
  retryAfter?: number;
}

const codeOf = (error: unknown): string => (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : '');
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** PostgreSQL: the server went away, refused, or ended the connection (admin shutdown, crash, network). */
const pgConnectionCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', '53300']);
const pgConnectionMessages = /Connection terminated|connection timeout|Client has encountered a connection error|terminating connection/i;

/** What kind of database fault `error` is, or undefined when it is none of these (a bug: 500). */
export function databaseFault(error: unknown): DatabaseFault | undefined {
  const code = codeOf(error);
  const cause = `${code || 'feil'}: ${messageOf(error)}`;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === '53100' /* pg disk_full */) {
    return {
      status: 507,
      title: 'errors.fault.full.title',
      message: 'errors.fault.full.message',
      cause,
    };
  }
  if (code.startsWith('SQLITE_READONLY') || code === '25006' /* pg read_only_sql_transaction */) {
    return {
      status: 503,
      title: 'errors.fault.readOnly.title',
      message: 'errors.fault.readOnly.message',
      cause,
      retryAfter: 60,
    };
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === '55P03' /* pg lock_not_available */) {
    return {
      status: 503,
      title: 'errors.fault.locked.title',
      message: 'errors.fault.locked.message',
      cause,
      retryAfter: 5,
    };
  }
  if (pgConnectionCodes.has(code) || pgConnectionMessages.test(messageOf(error))) {
    return {
      status: 503,
      title: 'errors.fault.connection.title',
      message: 'errors.fault.connection.message',
      cause,
      retryAfter: 10,
    };
  }
  return undefined;
}
