import { describe, expect, it } from 'vitest';
import { firstDelivery } from '../../../model/diagrams/first-delivery.ts';
import { element } from '../fixtures.ts';
import { diagramModel, withIndex } from './model.ts';
import { i18nFor } from '../../../views/i18n/index.ts';

const nb = i18nFor('nb');
import { expectSafeFlowchart } from './syntax.ts';

const edges = (source: string) => source.split('\n').filter((l) => / --> /.test(l)).map((l) => l.trim());
const nodes = (source: string) => Object.fromEntries([...source.matchAll(/(n\d+)[[(]+"([^"]*)"/g)].map((m) => [m[1], m[2]]));

describe('first-delivery tiers', () => {
  const { model, index } = withIndex();

  it('draws tier -> category -> service, with the services without a tier apart', () => {
    const d = firstDelivery(model, index, nb);
    expectSafeFlowchart(d.source);
    // 3 tiers + "without tier", 5 tier/category groups, 5 services.
    expect(d.nodeCount).toBe(14);
    const n = nodes(d.source);
    const path = edges(d.source).map((e) => e.split(' --> ').map((id) => n[id]).join(' > '));
    expect(path).toEqual([
      '2023 > Legemidler og vaksiner #40;1#41;',
      'Legemidler og vaksiner #40;1#41; > Multidose',
      '2023 > Uten kategori #40;1#41;',
      'Uten kategori #40;1#41; > Uten kategori',
      'Første leveranse > Legemidler og vaksiner #40;1#41;',
      'Legemidler og vaksiner #40;1#41; > Vaksiner',
      'Senere #40;senere leveranse#41; > Plan #40;1#41;',
      'Plan #40;1#41; > Individuell plan',
      'Uten leveransetrinn > Plan #40;1#41;',
      'Plan #40;1#41; > Kriseplan',
    ]);
    // Multidose's placement is tentative: dashed.
    const multidose = Object.keys(n).find((id) => n[id] === 'Multidose')!;
    expect(d.source).toMatch(new RegExp(`class [n\\d,]*\\b${multidose}\\b[n\\d,]* serviceTentative`));
    expect(d.source).toContain('classDef serviceTentative fill:#ffffff,stroke:#1e4b7a,stroke-width:1px,color:#1a1a1a,stroke-dasharray:6 3');
    expect(d.notes.join(' ')).toContain('1 informasjonstjeneste har tentativ plassering');
    expect(d.notes.join(' ')).toContain('1 informasjonstjeneste er ikke plassert i noe leveransetrinn');
    expect(d.table.rows).toHaveLength(5);
  });

  it('collapses the services into their categories above the threshold and expands one category', () => {
    const d = firstDelivery(model, index, nb, { threshold: 10 });
    expectSafeFlowchart(d.source);
    expect(d.collapsed).toBe(true);
    expect(d.nodeCount).toBe(9);
    expect(d.source).not.toContain('"Multidose"');
    expect(d.notes.join(' ')).toContain('viser derfor bare kategoriene i hvert trinn');
    // The table counts the category's services, offers to expand it, and links to the list of them.
    const first = d.table.rows[0]!;
    expect(first[1]).toMatchObject({ element: { name: 'Legemidler og vaksiner' }, note: '1 tjeneste', expand: { key: 'informationcategory-20' } });
    expect(first[2]).toEqual({ more: { text: 'Se tjenesten i listen', href: '/informasjonstjenester?tier=deliverytier-30&category=informationcategory-20' } });

    const expanded = firstDelivery(model, index, nb, { threshold: 10, expandId: 20 });
    expect(expanded.nodeCount).toBe(11);
    expect(expanded.source).toContain('"Multidose"');
    expect(expanded.source).toContain('"Vaksiner"');
    expect(expanded.source).not.toContain('"Kriseplan"');
    // The expanded category's services are listed by name beside it.
    expect(JSON.stringify(expanded.table.rows[0]![2])).toContain('Multidose');
  });

  it('draws a large expanded category a page at a time, and the last page when asked past it', () => {
    const big = diagramModel();
    for (let i = 0; i < 130; i++) {
      big.elements.informationService.push(element('informationService', 1000 + i, { name: `Tjeneste ${i}`, categoryId: 21, tierId: 31, position: 100 + i }));
    }
    const { model: m, index: ix } = withIndex(big);
    const page = (n?: number) => firstDelivery(m, ix, nb, { expandId: 21, page: n });
    const first = page();
    expect(first.collapsed).toBe(true);
    expect(first.paging).toEqual({ page: 1, pages: 3, first: 1, last: 60, total: 132 });
    expect(first.notes.join(' ')).toContain('Diagrammet viser tjeneste 1–60 av 132 i «Plan».');
    const second = page(2);
    expect(second.source).toContain('"Tjeneste 60"');
    expect(second.source).not.toContain('"Tjeneste 59"');
    expect(page(99).paging).toMatchObject({ page: 3, first: 121, last: 132 });
    // Never more boxes than a page of services and the groups around them.
    expect(second.nodeCount).toBeLessThan(60 + 20);
  });

  it('shows only the tiers with services in a filtered diagram', () => {
    const d = firstDelivery(model, index, nb, { selection: { tierId: 30 } });
    expect(d.nodeCount).toBe(1 + 2 + 2);
    expect(d.source).not.toContain('Senere');
    const none = firstDelivery(model, index, nb, { selection: { actorId: 52 } });
    expect(none.nodeCount).toBe(0);
    expect(none.notes).toEqual(['Ingen informasjonstjenester passer filteret.']);
  });
});
