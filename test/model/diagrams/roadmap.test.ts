import { i18nFor } from '../../../views/i18n/index.ts';
import { describe, expect, it } from 'vitest';
import { roadmapGantt } from '../../../model/diagrams/roadmap.ts';
import { withIndex } from './model.ts';
import { expectSafeGantt, shown } from './syntax.ts';

const nb = i18nFor('nb');

const tasks = (source: string) =>
  source
    .split('\n')
    .filter((l) => /^\s{4}\S/.test(l))
    .map((l) => shown(l.trim()));

describe('roadmap Gantt chart', () => {
  const { model, index } = withIndex();

  it('has a section per phase with its bar, milestones and decision points, on a yearly axis', () => {
    const d = roadmapGantt(model, index, nb);
    expectSafeGantt(d.source);
    expect(d.nodeCount).toBe(6);
    expect(d.source).toContain('axisFormat %Y');
    expect(d.source.split('\n').filter((l) => l.trim().startsWith('section')).map((l) => shown(l.trim()))).toEqual([
      'section Forprosjekt',
      'section Gjennomføring',
      'section Uten fase',
    ]);
    expect(tasks(d.source)).toEqual([
      'Forprosjekt (tent.):active, t0, 2019-01-01, 2020-12-31',
      'Styringsdokument:milestone, t1, 2020-02-01, 0d',
      'Beslutning J1 – Omfang inn i gjennomføringen (tent.):crit, active, milestone, t2, 2020-12-31, 0d',
      // An open-ended phase still draws, a day long.
      'Gjennomføring:t3, 2021-01-01, 1d',
      'Beslutning S2 – Status for samhandling:crit, milestone, t4, 2023-01-01, 0d',
      'Helseplattformen innført:milestone, t5, 2021-06-01, 0d',
    ]);
    expect(d.table.rows).toHaveLength(6);
    expect(d.notes.join(' ')).toContain('tentative');
  });

  it('filters by phase and by decision track', () => {
    const phase = roadmapGantt(model, index, nb, { phaseId: 101 });
    expect(tasks(phase.source).map((t) => t.split(':')[0])).toEqual(['Gjennomføring', 'Beslutning S2 – Status for samhandling']);
    const journal = roadmapGantt(model, index, nb, { track: 'journal' });
    expect(journal.nodeCount).toBe(5);
    expect(journal.source).not.toContain('Status for samhandling');
    expect(journal.description).toContain('beslutningspunkter for felles journalløsning');
  });
});
