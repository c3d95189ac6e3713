import type { PortfolioQuery } from './filters.ts';
import { portfolioStatuses, type NationalProject } from './schemas.ts';

const statusOrder = new Map<string | null, number>([...portfolioStatuses.map((s, i) => [s, i] as const), [null, 9]]);

/** The portfolio table's rows for a query: filtered by status and strategic area, then sorted. */
export function selectProjects(projects: NationalProject[], query: PortfolioQuery): NationalProject[] {
  const rows = projects
    .filter((p) => query.status === undefined || (query.status === 'ukjent' ? p.status === null : p.status === query.status))
    .filter((p) => query.area === undefined || areaNumber(p) === query.area);
  const compare: Record<PortfolioQuery['sort'], (a: NationalProject, b: NationalProject) => number> = {
    id: (a, b) => a.projectNo - b.projectNo,
    name: (a, b) => a.name.localeCompare(b.name, 'nb'),
    owner: (a, b) => a.ownerOrganisation.localeCompare(b.ownerOrganisation, 'nb') || a.owner.localeCompare(b.owner, 'nb'),
    phase: (a, b) => a.phase.localeCompare(b.phase, 'nb'),
    area: (a, b) => a.focusArea.localeCompare(b.focusArea, 'nb'),
    status: (a, b) => (statusOrder.get(a.status) ?? 9) - (statusOrder.get(b.status) ?? 9),
    // Unknown budgets sort last in both directions.
    budget: (a, b) => (a.budgetMnok ?? -1) - (b.budgetMnok ?? -1),
  };
  const sign = query.dir === 'desc' ? -1 : 1;
  return rows.sort((a, b) => sign * compare[query.sort](a, b) || a.projectNo - b.projectNo);
}

export function areaNumber(project: NationalProject): number {
  return Number.parseInt(project.strategicArea, 10);
}

/** The strategic areas that occur, by number. */
export function strategicAreas(projects: NationalProject[]): Array<{ number: number; name: string }> {
  const areas = new Map<number, string>();
  for (const p of projects) areas.set(areaNumber(p), p.strategicArea);
  return [...areas].sort((a, b) => a[0] - b[0]).map(([number, name]) => ({ number, name }));
}

export interface PortfolioSummary {
  count: number;
  budgetMnok: number;
  byStatus: Array<{ status: string; count: number }>;
}

export function summarise(projects: NationalProject[]): PortfolioSummary {
  const byStatus = [...portfolioStatuses, null].map((status) => ({
    status: status ?? 'Ikke oppgitt',
    count: projects.filter((p) => p.status === status).length,
  }));
  return {
    count: projects.length,
    budgetMnok: projects.reduce((sum, p) => sum + (p.budgetMnok ?? 0), 0),
    byStatus,
  };
}

/**
 * The portfolio's total as the document gives it (lines 410 and 932), with its footnote (lines
 * 948-949): 12 MNOK that Helsedataprogrammet passes on to two other projects are counted in both,
 * so the document takes them off its total. The rows themselves add up to more; the page shows
 * the document's figure and says why, rather than a sum of its own.
 */
export const documentPortfolioTotal = {
  budgetMnok: 1515,
  projectCount: 52,
  lines: [410, 932] as const,
  footnote:
    'Helsedataprogrammet finanserer 10 mill til Program Kodeverk og Terminologi og 2 mill til Innsyn og tilgjengeliggøring - NPR og KPR (HDIR). 12 mill er derfor fratrukket totalsummen her men ikke i kostnadsfordelingen.',
  footnoteLines: [948, 949] as const,
};
