import type { Context } from 'hono';
import { z } from 'zod';
import { municipalityNumberSchema } from '../../../model/accounts.ts';
import { diffSnapshot, marksByService } from '../../../model/review/diff.ts';
import { roundIdSchema } from '../../../model/review/schemas.ts';
import type { FrozenService } from '../../../model/review/types.ts';
import type { ReviewAbilities } from '../../../views/pages/review/common.tsx';
import { grantFor, type Action } from '../../auth/policy.ts';
import { loadCatalogue } from '../../db/queries/catalogue.ts';
import { frozenServices, roundById } from '../../db/queries/review/rounds.ts';
import { roundListPage, roundListSummary } from '../../db/queries/review/round-list.ts';
import type { RoundList } from '../../../views/pages/review/list.tsx';
import type { AppDeps } from '../../deps.ts';
import { validParams } from '../../http/validate.ts';
import { pageNumberSchema } from '../../../model/filters.ts';

export const roundParam = validParams('param', z.object({ id: roundIdSchema }));
export const roundMunicipalityParam = validParams('param', z.object({ id: roundIdSchema, kommune: municipalityNumberSchema }));
export const municipalityParam = validParams('param', z.object({ kommune: municipalityNumberSchema }));
/** A page of a round's frozen list (`side`, from 1; none is page 1); other flags (the notices) pass through. */
export const roundPageQuery = validParams('query', z.object({ side: pageNumberSchema.optional() }));

/** Whether the viewer's role has the action outright (not only for its own municipality), per the policy table. */
export function holds(c: Context, deps: Pick<AppDeps, 'config'>, action: Action): boolean {
  return grantFor(action, c.var.viewer?.role ?? 'anonymous', { publicRead: deps.config.PUBLIC_READ }) === 'allow';
}

/** What the review pages offer the signed-in user. */
export function abilitiesOf(c: Context, deps: Pick<AppDeps, 'config'>): ReviewAbilities {
  return {
    manage: holds(c, deps, 'review.manage'),
    results: holds(c, deps, 'review.results'),
    intentions: holds(c, deps, 'intention.list'),
    municipalityNumber: c.var.viewer?.role === 'municipality' ? c.var.viewer.municipalityNumber : null,
  };
}

/** A round with its frozen list and what changed in the live scope since (three queries). */
export async function loadRound(db: AppDeps['db'], id: number) {
  const [round, services, catalogue] = await Promise.all([roundById(db, id), frozenServices(db, id), loadCatalogue(db)]);
  if (!round) return undefined;
  const diff = diffSnapshot<FrozenService>(services, catalogue);
  return { round, services, diff, marks: marksByService(diff) };
}

/**
 * A round with one page of its frozen list (`page` from 1, `pageSize` services), the marks for
 * what changed on that page, and the whole list's counts and facts from SQL (four queries,
 * whatever the list's size): what a page of the list shows, and nothing more.
 */
export async function loadRoundPage(db: AppDeps['db'], id: number, page: number, pageSize: number): Promise<{ round: NonNullable<Awaited<ReturnType<typeof roundById>>>; list: RoundList } | undefined> {
  const [round, slice, summary] = await Promise.all([roundById(db, id), roundListPage(db, id, { offset: (page - 1) * pageSize, limit: pageSize }), roundListSummary(db, id)]);
  if (!round) return undefined;
  return { round, list: { ...slice, ...summary, total: round.serviceCount } };
}

export const noRound = (c: Context) => c.var.i18n.t('review.error.noRound');
export const noMunicipality = (c: Context) => c.var.i18n.t('review.error.noMunicipality');
