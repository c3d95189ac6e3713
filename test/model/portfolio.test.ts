import { describe, expect, it } from 'vitest';
import { portfolioQuerySchema } from '../../model/filters.ts';
import { selectProjects, summarise } from '../../model/portfolio.ts';
import type { NationalProject } from '../../model/schemas.ts';
import { element } from './fixtures.ts';

const project = (id: number, no: number, status: NationalProject['status'], budget: number | null, area: string) =>
  element('nationalProject', id, {
    projectNo: no,
    name: `P${no}`,
    priorityCategory: 2,
    ownerOrganisation: 'E-helse',
    owner: 'X',
    phase: 'Gjennomføring',
    strategicArea: area,
    focusArea: `${area[0]}.1 x`,
    status,
    budgetMnok: budget,
  });

const projects = [
  project(1, 30, 'Gul', 10, '1 A'),
  project(2, 10, 'Rød', null, '2 B'),
  project(3, 20, 'Grønn', 50, '1 A'),
  project(4, 40, null, 5, '3 C'),
];
const q = (input: Record<string, string>) => portfolioQuerySchema.parse(input);

describe('selectProjects', () => {
  it('sorts by id by default', () => {
    expect(selectProjects(projects, q({})).map((p) => p.projectNo)).toEqual([10, 20, 30, 40]);
  });
  it('sorts by budget with unknown budgets last either way', () => {
    expect(selectProjects(projects, q({ sort: 'budget' })).map((p) => p.projectNo)).toEqual([10, 40, 30, 20]);
    expect(selectProjects(projects, q({ sort: 'budget', dir: 'desc' })).map((p) => p.projectNo)).toEqual([20, 30, 40, 10]);
  });
  it('sorts by status green, yellow, red, unknown', () => {
    expect(selectProjects(projects, q({ sort: 'status' })).map((p) => p.status)).toEqual(['Grønn', 'Gul', 'Rød', null]);
  });
  it('filters by status, unknown status and strategic area', () => {
    expect(selectProjects(projects, q({ status: 'Rød' })).map((p) => p.projectNo)).toEqual([10]);
    expect(selectProjects(projects, q({ status: 'ukjent' })).map((p) => p.projectNo)).toEqual([40]);
    expect(selectProjects(projects, q({ area: '1' })).map((p) => p.projectNo)).toEqual([20, 30]);
  });
  it('rejects a sort key, status or area it does not know', () => {
    expect(portfolioQuerySchema.safeParse({ sort: 'drop table' }).success).toBe(false);
    expect(portfolioQuerySchema.safeParse({ status: 'Blå' }).success).toBe(false);
    expect(portfolioQuerySchema.safeParse({ area: '12' }).success).toBe(false);
    expect(portfolioQuerySchema.safeParse({ colour: 'x' }).success).toBe(false);
  });
  it('sums budgets and counts statuses', () => {
    expect(summarise(projects)).toEqual({
      count: 4,
      budgetMnok: 65,
      byStatus: [
        { status: 'Grønn', count: 1 },
        { status: 'Gul', count: 1 },
        { status: 'Rød', count: 1 },
        { status: 'Ikke oppgitt', count: 1 },
      ],
    });
  });
});
