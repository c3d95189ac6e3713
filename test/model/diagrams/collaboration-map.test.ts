import { i18nFor } from '../../../views/i18n/index.ts';
import { describe, expect, it } from 'vitest';
import { collaborationMap } from '../../../model/diagrams/collaboration-map.ts';
import { edgeStyles, needEdgeStyle } from '../../../model/diagrams/palette.ts';
import { linkStyleText } from '../../../model/diagrams/mermaid.ts';
import { withIndex } from './model.ts';
import { expectSafeFlowchart } from './syntax.ts';

const nb = i18nFor('nb');

/** The indices `linkStyle` gives a style, as the edges are numbered in the source. */
const styledEdges = (source: string, style: string) => source.match(new RegExp(`linkStyle ([\\d,]+) ${style.replace(/[.]/g, '\\.')}\\n`))?.[1]?.split(',').map(Number) ?? [];
const edges = (source: string) => source.split('\n').filter((l) => /^\s*[ng]\d+ (-->|---)/.test(l)).map((l) => l.trim());

describe('collaboration map', () => {
  const { model, index } = withIndex();

  it('puts the parts in the middle and an edge per actor, part, mode and need level', () => {
    const d = collaborationMap(model, index, nb);
    expectSafeFlowchart(d.source);
    expect(d.nodeCount).toBe(2 + 3);
    expect(d.source).toMatch(/subgraph g0\["Akson"\]\n\s+n0\(\["Felles journal"\]\)\n\s+n1\(\["Samhandlingsplattform"\]\)\n\s+end/);
    const all = edges(d.source);
    // Multidose is placed in part 1 (n0): both its exchanges go there; Vaksiner has no part and goes to Akson.
    expect(all).toEqual([
      'n2 ---|"Sende og motta #40;1#41;"| n0',
      'n2 ---|"Endre og dele #40;1#41;"| n0',
      'g0 ---|"Sende og motta #40;1#41;"| n3',
      'n4 ---|"ikke avklart"| g0',
    ]);
    // Heavier lines for larger needs: "nye" (rank 3), "not assessed", "lite" (rank 1), open.
    expect(styledEdges(d.source, linkStyleText(needEdgeStyle(3)))).toEqual([0]);
    expect(styledEdges(d.source, linkStyleText(needEdgeStyle(0)))).toEqual([1]);
    expect(styledEdges(d.source, linkStyleText(needEdgeStyle(1)))).toEqual([2]);
    expect(styledEdges(d.source, linkStyleText(edgeStyles.open))).toEqual([3]);
    expect(d.source).toContain('class n4 open');
    expect(d.notes).toEqual(['Uten registrerte utvekslinger: Helseplattformen.']);
    expect(d.legend.map((l) => l.label)).toEqual(expect.arrayContaining(['Lite behov', 'Middels behov', 'Nye tjenester', 'Behov ikke vurdert']));
  });

  it('says every actor is open when nothing is exchanged, rather than drawing nothing', () => {
    const bare = withIndex({ ...model, links: { ...model.links, serviceExchanges: [] } });
    const d = collaborationMap(bare.model, bare.index, nb);
    expect(d.nodeCount).toBe(5);
    expect(edges(d.source).every((e) => e.includes('"ikke avklart"'))).toBe(true);
    expect(d.notes[0]).toContain('alle 3 aktører står som åpne');
    expect(d.table.rows.map((r) => r[1])).toEqual([{ text: 'Ikke avklart' }, { text: 'Ikke avklart' }, { text: 'Ikke avklart' }]);
  });

  it('shows one actor, or the exchanges of one personnel group, when filtered', () => {
    const one = collaborationMap(model, index, nb, { selection: { actorId: 51 } });
    expect(one.nodeCount).toBe(3);
    expect(edges(one.source)).toEqual(['n2 ---|"Sende og motta #40;1#41;"| g0']);

    const legevakt = collaborationMap(model, index, nb, { selection: { personnelGroupId: 80 } });
    expect(edges(legevakt.source).filter((e) => !e.includes('ikke avklart'))).toHaveLength(2);
    expect(legevakt.notes.join(' ')).toContain('Innbygger; Helseplattformen');
  });
});
