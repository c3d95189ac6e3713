/**
 * What a use case refuses with. Each is thrown before anything is written (or inside the
 * transaction, which then rolls back), so a refused change leaves no row and no audit entry.
 * The app answers each the same way wherever it comes from (`src/app.tsx`); a route that has a
 * better page for one (a 409 with the form and what changed) catches it first.
 */

/** The caller's role may not take this action at all (403, recorded as a refused request). */
export class PermissionDenied extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The role may take the action, but not on what someone else owns (403, recorded). */
export class OwnershipDenied extends PermissionDenied {}

/** What the change acts on does not exist (404). */
export class NotFound extends Error {}

/**
 * The change was based on a version that is no longer current: someone saved first (409).
 * Nothing is written; the route shows what is there now.
 */
export class StaleVersion extends Error {
  constructor(message = 'Noen andre har lagret en endring i mellomtiden. Ingenting er lagret.') {
    super(message);
  }
}

/** A rule from `model/` forbids the change as things stand (409, with the rule's Norwegian message). */
export class RuleRefused extends Error {
  constructor(
    message: string,
    readonly title = 'Ikke mulig',
  ) {
    super(message);
  }
}

/** The use case's result, or the `StaleVersion` it refused with, for a route that shows its own 409 page. */
export async function orStale<T>(work: Promise<T>): Promise<T | StaleVersion> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof StaleVersion) return error;
    throw error;
  }
}
