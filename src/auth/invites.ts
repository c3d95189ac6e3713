/**
 * Invitations and the first-start setup link: one-time secret links (the use cases:
 * `src/commands/invites.ts`). The token is only ever in the link, never stored.
 */
export const invitePath = (token: string) => `/invitasjon/${token}`;
