import { i18nFor } from '../../../views/i18n/index.ts';
import { describe, expect, it } from 'vitest';
import { dependencies } from '../../../model/diagrams/dependencies.ts';
import { withIndex } from './model.ts';
import { expectSafeFlowchart } from './syntax.ts';

const nb = i18nFor('nb');

const nodes = (source: string) => Object.fromEntries([...source.matchAll(/(n\d+)[[(]+"([^"]*)"/g)].map((m) => [m[2], m[1]]));

describe('dependencies on the national portfolio', () => {
  const { model, index } = withIndex();

  it('draws projects by status to the services that depend on them, and marks first-delivery risk', () => {
    const d = dependencies(model, index, nb);
    expectSafeFlowchart(d.source);
    expect(d.nodeCount).toBe(4 + 4);
    const n = nodes(d.source);
    // Multidose is in the first delivery and depends on a yellow project: the risk.
    expect(d.source).toContain(`${n['Legemiddelområdet #40;Gul#41;']} --> ${n['⚠ Multidose']}`);
    expect(d.source).toMatch(new RegExp(`class [n\\d,]*\\b${n['⚠ Multidose']}\\b[n\\d,]* risk`));
    // A red project behind a later tier, or a green one behind the first delivery, is no such risk.
    expect(n['Individuell plan']).toBeDefined();
    expect(n['Vaksiner']).toBeDefined();
    expect(n['Ukjent status #40;status ikke oppgitt#41;']).toBeDefined();
    expect(d.source).toMatch(new RegExp(`class ${n['Laboratoriedatabase #40;Rød#41;']} statusRed`));
    expect(d.notes[0]).toBe('⚠ 1 tjeneste i første leveranse avhenger av et prosjekt med status Gul eller Rød: Multidose.');
    expect(d.notes[1]).toBe('1 informasjonstjeneste har ingen registrert avhengighet og er ikke med i diagrammet.');
  });

  it('collapses projects by status and services into categories, with counts and risk, and expands one', () => {
    const d = dependencies(model, index, nb, { threshold: 5 });
    expectSafeFlowchart(d.source);
    expect(d.collapsed).toBe(true);
    // 4 statuses, 2 categories.
    expect(d.nodeCount).toBe(4 + 2);
    const n = nodes(d.source);
    const medicines = n['Legemidler og vaksiner #40;2 tjenester#44; ⚠ 1 med risiko#41;']!;
    expect(d.source).toContain(`${n['Grønn#58; 1 prosjekt']} -->|"1"| ${medicines}`);
    expect(d.source).toContain(`${n['Gul#58; 1 prosjekt']} -->|"1"| ${medicines}`);
    expect(d.source).toContain(`${n['Status ikke oppgitt#58; 1 prosjekt']} -->|"1"| ${n['Plan #40;2 tjenester#41;']}`);
    expect(d.source).toMatch(new RegExp(`class [n\\d,]*\\b${medicines}\\b[n\\d,]* risk`));
    expect(d.source).not.toContain('Kjernejournal');

    // Expanded: the category's services and their own projects, the other category still collapsed.
    const expanded = dependencies(model, index, nb, { threshold: 5, expandId: 20 });
    expect(expanded.nodeCount).toBe(4 + 2 + 2 + 1);
    const e = nodes(expanded.source);
    expect(expanded.source).toContain(`${e['Legemiddelområdet #40;Gul#41;']} --> ${e['⚠ Multidose']}`);
    expect(expanded.source).toContain(`${e['Kjernejournal #40;Grønn#41;']} --> ${e['Vaksiner']}`);
    expect(e['Plan #40;2 tjenester#41;']).toBeDefined();
  });

  it('shows the portfolio by status and says what is missing when nothing depends on it', () => {
    const bare = withIndex({ ...model, links: { ...model.links, serviceDependencies: [] } });
    const d = dependencies(bare.model, bare.index, nb);
    expectSafeFlowchart(d.source);
    expect(d.nodeCount).toBe(1 + 4);
    expect(d.source).toContain('"Ingen avhengighet registrert for 5 informasjonstjenester"');
    expect(d.source).toContain('"Gul#58; 1 prosjekt"');
    expect(d.notes[0]).toContain('Ingen informasjonstjeneste er registrert som avhengig');
    expect(d.table.rows.map((r) => (r[0] as { text: string }).text)).toEqual(['Grønn', 'Gul', 'Rød', 'Ikke oppgitt']);
  });
});
