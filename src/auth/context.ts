import type { Context } from 'hono';
import type { Role } from '../../model/accounts.ts';
import type { Caller } from '../commands/run.ts';
import type { AuditActor } from '../commands/writes/audit.ts';
import type { Action, Grant } from './policy.ts';

/** The signed-in user as the request sees it. */
export interface Viewer {
  id: number;
  name: string;
  email: string;
  role: Role;
  municipalityNumber: string | null;
  organisationId: number | null;
  /** The interface language the user saved, or null to follow the browser. */
  language: string | null;
  /** The session row's id (a hash, never the cookie's token); `token:<id>` for an API token. */
  sessionId: string;
  /** Set when the request came with a personal API token instead of a session cookie. */
  apiToken?: { id: number; readOnly: boolean };
}

declare module 'hono' {
  interface ContextVariableMap {
    /** Who is signed in, or null for an anonymous visitor. Set by the session middleware. */
    viewer: Viewer | null;
    /** The client's address as the app trusts it (see TRUST_PROXY). */
    clientAddress: string | null;
    /** The app's clock, so handlers and audit records share the time tests control. */
    clock: () => Date;
    /** The policy's answer for this request's route, set by the policy middleware. */
    policy: { action: Action; grant: Grant; ownershipChecked: boolean; /** The answering route, e.g. `GET /vurdering/dashbord`. */ route: string } | undefined;
  }
}

/** Who is acting in this request, for `recordAudit`: `recordAudit(trx, { ...auditActor(c), action, … })`. */
export function auditActor(c: Context): AuditActor {
  return { at: c.var.clock(), userId: c.var.viewer?.id ?? null, clientAddress: c.var.clientAddress };
}

/**
 * Who asks for a change in this request, for a use case in `src/commands/`. When the use case has
 * checked ownership, the request's policy knows it was.
 */
export function callerOf(c: Context): Caller {
  const viewer = c.var.viewer;
  return {
    user: viewer && { id: viewer.id, role: viewer.role, municipalityNumber: viewer.municipalityNumber, organisationId: viewer.organisationId },
    at: c.var.clock(),
    clientAddress: c.var.clientAddress,
    ownershipChecked: () => {
      const policy = c.var.policy;
      if (policy) policy.ownershipChecked = true;
    },
  };
}
