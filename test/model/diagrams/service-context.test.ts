import { i18nFor } from '../../../views/i18n/index.ts';
import { describe, expect, it } from 'vitest';
import { serviceContext } from '../../../model/diagrams/service-context.ts';
import { withIndex } from './model.ts';
import { expectSafeFlowchart } from './syntax.ts';

const nb = i18nFor('nb');

describe('one service in context', () => {
  const { model, index } = withIndex();
  const service = (id: number) => index.get('informationService', id)!;

  it('draws actors with their modes, groups with their usage, capabilities and projects by status', () => {
    const d = serviceContext(model, index, service(40), nb);
    expectSafeFlowchart(d.source);
    expect(d.nodeCount).toBe(5);
    expect(d.source).toContain('n0[["Multidose"]]');
    expect(d.source).toMatch(/n\d+ ---\|"Sende og motta"\| n0/);
    expect(d.source).toMatch(/n\d+ ---\|"Endre og dele"\| n0/);
    expect(d.source).toMatch(/n0 ---\|"Leser"\| n\d+/);
    // The project's status is in its label, not only in its colour.
    expect(d.source).toMatch(/(n\d+)\["Legemiddelområdet #40;Gul#41;"\][\s\S]*class \1 statusYellow/);
    expect(d.notes).toEqual(['Tjenesten avhenger av 1 prosjekt med status Gul eller Rød: Legemiddelområdet (Gul).']);
    expect(d.table.rows.map((r) => (r[0] as { text: string }).text)).toEqual(['Aktør', 'Aktør', 'Prosjekt', 'Tjenesteområde', 'Funksjonsområde']);
  });

  it('draws an open placeholder for every kind of link the service lacks, and lists them', () => {
    const d = serviceContext(model, index, service(44), nb);
    expectSafeFlowchart(d.source);
    expect(d.nodeCount).toBe(5);
    expect(d.source).toMatch(/class n1,n2,n3,n4 open/);
    expect(d.notes[0]).toBe(
      'Ikke koblet ennå: aktører og samhandlingsformer, avhengigheter til nasjonale prosjekter, tjenesteområder, funksjonsområder. De står som åpne felt i diagrammet.',
    );
  });

  it('shows only the chosen actor and personnel group', () => {
    const d = serviceContext(model, index, service(40), nb, { actorId: 51, personnelGroupId: 80 });
    expect(d.source).toContain('"Ingen aktør koblet ennå"');
    expect(d.source).toContain('"Legevakt"');
    expect(d.notes[0]).toContain('Ikke koblet ennå (med filteret): aktører og samhandlingsformer.');
  });
});
