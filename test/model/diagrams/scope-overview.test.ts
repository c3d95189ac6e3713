import { i18nFor } from '../../../views/i18n/index.ts';
import { describe, expect, it } from 'vitest';
import { scopeOverview } from '../../../model/diagrams/scope-overview.ts';
import { withIndex } from './model.ts';
import { expectSafeFlowchart } from './syntax.ts';

const nb = i18nFor('nb');

/** The id Mermaid gets for the node with this exact label. */
const idOf = (source: string, label: string) => source.match(new RegExp(`(n\\d+)[\\[(]+"${label}"`))?.[1];

describe('scope overview', () => {
  const { model, index } = withIndex();

  it('draws parts, the whole capability tree and the categories each part carries', () => {
    const d = scopeOverview(model, index, nb);
    expectSafeFlowchart(d.source);
    // 2 parts + "not placed" + 6 capabilities + 3 categories.
    expect(d.nodeCount).toBe(12);
    expect(d.collapsed).toBe(false);
    const s = d.source;
    const part1 = idOf(s, 'Felles journal')!;
    const part2 = idOf(s, 'Samhandlingsplattform')!;
    const unplaced = idOf(s, 'Ikke plassert i en løsningsdel')!;
    const medicines = idOf(s, 'Legemidler og vaksiner #40;2 tjenester#41;')!;
    // Multidose is placed in part 1 and Vaksiner is supported by a capability of part 2.
    expect(s).toContain(`${part1} --> ${medicines}`);
    expect(s).toContain(`${part2} --> ${medicines}`);
    // Plan's services are placed nowhere, Epikrise has none: both hang under "not placed".
    expect(s).toContain(`${unplaced} --> ${idOf(s, 'Plan #40;2 tjenester#41;')}`);
    expect(s).toContain(`${unplaced} --> ${idOf(s, 'Epikrise #40;0 tjenester#41;')}`);
    // A top-level capability without a part, and the grandchild under its parent.
    expect(s).toContain(`${unplaced} --> ${idOf(s, 'Ulike arbeidsflater')}`);
    expect(s).toContain(`${idOf(s, 'Klinisk dokumentasjon')} --> ${idOf(s, 'Notater')}`);
    expect(d.table.rows.map((r) => ('element' in r[0]! ? r[0].element.name : 'text' in r[0]! ? r[0].text : ''))).toEqual([
      'Felles journal',
      'Samhandlingsplattform',
      'Ikke plassert i en løsningsdel',
    ]);
    expect(d.notes.join(' ')).toContain('3 informasjonstjenester er ikke plassert i noen løsningsdel');
  });

  it('collapses to the top level of the capability tree above the threshold, and expands one', () => {
    const d = scopeOverview(model, index, nb, { threshold: 10 });
    expectSafeFlowchart(d.source);
    expect(d.collapsed).toBe(true);
    expect(d.nodeCount).toBe(9);
    expect(d.source).toContain('"Dokumentasjon #40;#43;3#41;"');
    expect(d.source).not.toContain('"Notater"');
    expect(d.notes.join(' ')).toContain('ville fått 12 noder, over grensen på 10');
    const documentation = d.table.rows[0]![1]!;
    expect('list' in documentation && documentation.list[0]!.expand).toEqual({ key: 'capability-10', text: 'Vis underområdene i diagrammet' });

    const expanded = scopeOverview(model, index, nb, { threshold: 10, expandId: 10 });
    expect(expanded.nodeCount).toBe(12);
    expect(expanded.source).toContain('"Notater"');
    expect(expanded.collapsed).toBe(true);
  });

  it('shows only the categories of the filtered services', () => {
    const d = scopeOverview(model, index, nb, { selection: { tierId: 32 } });
    expect(d.source).toContain('"Plan #40;1 tjeneste#41;"');
    expect(d.source).not.toContain('Legemidler og vaksiner');
    expect(d.source).not.toContain('Epikrise');
    const none = scopeOverview(model, index, nb, { selection: { actorId: 52 } });
    expect(none.notes[0]).toContain('Ingen informasjonstjenester passer filteret');
    // The parts and the capability tree are the scope itself and stay.
    expect(none.nodeCount).toBe(2 + 1 + 6);
  });
});
