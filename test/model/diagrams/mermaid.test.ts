import { describe, expect, it } from 'vitest';
import { escapeText, Flowchart, ganttLabel, label, LABEL_MAX, shorten } from '../../../model/diagrams/mermaid.ts';
import { hostileNames, longName } from '../../hostile-names.ts';
import { expectedLabel, expectSafeFlowchart, shown } from './syntax.ts';

describe('labels', () => {
  it.each(hostileNames.map((n) => [JSON.stringify(n).slice(0, 60), n]))('%s is safe and reads as written', (_, name) => {
    const escaped = label(name, '(uten navn)');
    // Nothing Mermaid could read as syntax: only letters, digits, spaces, non-ASCII and entity codes.
    expect(escaped).toMatch(/^(?:[A-Za-z0-9 \u0080-\u{10FFFF}]|#\d+;)+$/u);
    expect(escaped).not.toMatch(/[\n\r\t"<>&%`|[\]{}()]/);
    expect(shown(escaped)).toBe(expectedLabel(name));

    const gantt = ganttLabel(name, '(uten navn)');
    expect(gantt).not.toMatch(/^[A-Za-z0-9]/);
    expect(shown(gantt)).toBe(expectedLabel(name));
  });

  it('encodes the characters the issue names as entity codes', () => {
    expect(escapeText('"#;<>&:')).toBe('#34;#35;#59;#60;#62;#38;#58;');
    expect(escapeText('æøå ÆØÅ 😀')).toBe('æøå ÆØÅ 😀');
  });

  it('keeps Mermaid from decoding its own placeholders in a name', () => {
    expect(escapeText('ﬂ°°35¶ß')).toBe('ﬂ\u2060°°35¶\u2060ß');
  });

  it('shortens long names without splitting a character, and says it did', () => {
    const short = shorten(longName);
    expect([...new Intl.Segmenter('nb', { granularity: 'grapheme' }).segment(short)]).toHaveLength(LABEL_MAX);
    expect(short.endsWith('…')).toBe(true);
    expect(longName.startsWith(short.slice(0, -1))).toBe(true);
    const family = '👩‍👩‍👧'.repeat(LABEL_MAX + 5);
    expect(shorten(family)).toBe('👩‍👩‍👧'.repeat(LABEL_MAX - 1) + '…');
    expect(shorten('kort')).toBe('kort');
  });

  it('turns line breaks and tabs into single spaces', () => {
    expect(shorten('a\nb\r\n\tc\u2028d  e')).toBe('a b c d e');
  });
});

describe('Flowchart', () => {
  it('generates ids and quotes every label, so a name cannot be a keyword or an id', () => {
    const chart = new Flowchart('LR', 'Tittel "x"', 'Beskrivelse; end', '(uten navn)');
    const a = chart.node('end');
    const b = chart.node('n0', { shape: 'round' });
    const g = chart.subgraph('end', () => chart.node('subgraph'));
    chart.edge(a, b, { label: 'A --> B' });
    chart.edge(g, a, { directed: false });
    const source = chart.toString();
    expectSafeFlowchart(source);
    expect([a, b, g]).toEqual(['n0', 'n1', 'g0']);
    expect(source).toContain('n0["end"]');
    expect(source).toContain('n1("n0")');
    expect(source).toContain('subgraph g0["end"]');
    expect(source).toContain('n0 -->|"A #45;#45;#62; B"| n1');
    expect(source).toContain('accTitle: Tittel #34;x#34;');
    expect(chart.nodeCount).toBe(3);
  });

  it('styles nodes by class and edges by their index', () => {
    const chart = new Flowchart('TB', 't', 'd', '(uten navn)');
    const style = { fill: '#ffffff', stroke: '#000000', strokeWidth: 2, color: '#111111', dash: '5 5' };
    const a = chart.node('a', { style: ['box', style] });
    const b = chart.node('b', { style: ['box', style] });
    chart.edge(a, b);
    chart.edge(b, a, { style: { stroke: '#b3261e', strokeWidth: 5 } });
    const source = chart.toString();
    expectSafeFlowchart(source);
    expect(source).toContain('classDef box fill:#ffffff,stroke:#000000,stroke-width:2px,color:#111111,stroke-dasharray:5 5');
    expect(source).toContain('class n0,n1 box');
    expect(source).toContain('linkStyle 1 stroke:#b3261e,stroke-width:5px,fill:none');
    // Mermaid strips a trailing ";" from style lines that contain "#"; ours never end with one.
    expect(source).not.toMatch(/;\n/);
  });
});
