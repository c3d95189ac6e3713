import type { Config } from '../config.ts';

/**
 * A forgotten password: an administrator makes a one-time link (an invitation with the purpose
 * `reset`, valid for PASSWORD_RESET_HOURS) with which the user chooses a new password, or the
 * operator sets one from the command line (the use cases: `src/commands/passwords.ts`).
 */

/** The path of a reset link; like an invitation's, the token is only in the link. */
export const resetPath = (token: string) => `/nytt-passord/${token}`;

/** The start of a link printed outside a request (the command line): PUBLIC_URL, else where the server listens. */
export function linkOrigin(config: Config): string {
  return config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
}
