import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Faults of the database underneath, named: the user gets a specific Norwegian message and a
 * status that fits (507 when storage is full, 503 when the database cannot take writes now), and
 * the log gets the real cause. In every case the transaction was rolled back: nothing partial.
 */
export interface DatabaseFault {
  status: ContentfulStatusCode;
  title: string;
  message: string;
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
      title: 'Lagringsplassen er full',
      message: 'Serveren har ikke mer lagringsplass, så endringen ble ikke lagret. Ingenting er lagret. Gi beskjed til driften; prøv igjen når de har frigjort plass.',
      cause,
    };
  }
  if (code.startsWith('SQLITE_READONLY') || code === '25006' /* pg read_only_sql_transaction */) {
    return {
      status: 503,
      title: 'Databasen tar ikke imot endringer nå',
      message: 'Databasen er skrivebeskyttet akkurat nå (for eksempel under vedlikehold eller gjenoppretting), så endringen ble ikke lagret. Ingenting er lagret. Du kan fortsatt lese; prøv igjen senere.',
      cause,
      retryAfter: 60,
    };
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === '55P03' /* pg lock_not_available */) {
    return {
      status: 503,
      title: 'Databasen var opptatt',
      message: 'Databasen var låst av en annen skriving lenger enn vi kan vente, så endringen ble ikke lagret. Ingenting er lagret. Prøv igjen om litt.',
      cause,
      retryAfter: 5,
    };
  }
  if (pgConnectionCodes.has(code) || pgConnectionMessages.test(messageOf(error))) {
    return {
      status: 503,
      title: 'Mistet forbindelsen til databasen',
      message: 'Serveren mistet forbindelsen til databasen, så endringen ble ikke lagret. Ingenting er lagret. Prøv igjen om litt.',
      cause,
      retryAfter: 10,
    };
  }
  return undefined;
}
