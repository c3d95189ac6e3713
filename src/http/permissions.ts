import type { Context } from 'hono';
import { grantFor } from '../auth/policy.ts';

/**
 * Whether the signed-in user may change the scope, by the same policy table that guards the
 * workspace's routes: the pages use it to show or hide the architect's controls.
 */
export function canEditScope(c: Context): boolean {
  const role = c.var.viewer?.role;
  return role !== undefined && grantFor('scope.edit', role, { publicRead: false }) === 'allow';
}

/** Whether the signed-in user may change requirements' links, chapters, types and baselines. */
export function canEditRequirements(c: Context): boolean {
  const role = c.var.viewer?.role;
  return role !== undefined && grantFor('requirements.edit', role, { publicRead: false }) === 'allow';
}
