import { describe, expect, it } from 'vitest';
import { modelExportSchema, toModelExport } from '../../model/export.ts';
import { referenceProblems } from '../../model/integrity.ts';
import { element, emptyModel } from './fixtures.ts';

describe('the model export', () => {
  it('validates a consistent model and stamps format, version and time', () => {
    const m = emptyModel();
    m.elements.informationCategory = [element('informationCategory', 1)];
    m.elements.informationService = [element('informationService', 2, { categoryId: 1 })];
    const out = toModelExport(m, new Date('2026-11-26T10:00:00Z'));
    expect(out).toMatchObject({ format: 'akson-scope/model', formatVersion: 1, exportedAt: '2026-11-26T10:00:00.000Z' });
    expect(modelExportSchema.safeParse(out).success).toBe(true);
  });

  it('rejects a link that points at an element of the wrong kind', () => {
    const m = emptyModel();
    m.elements.actor = [element('actor', 1)];
    m.elements.informationService = [element('informationService', 2, { categoryId: 1 })];
    m.links.servicePersonnelGroups = [{ serviceId: 2, personnelGroupId: 1, usage: 'reads' }];
    expect(referenceProblems(m)).toEqual([
      { key: 'import.json.reference.notKind', values: { where: 'informationService informationservice-2 categoryId', id: '1', kind: 'informationCategory' } },
      { key: 'import.json.reference.notKind', values: { where: 'servicePersonnelGroups[0].personnelGroupId', id: '1', kind: 'personnelGroup' } },
    ]);
    expect(modelExportSchema.safeParse(toModelExport(m, new Date())).success).toBe(false);
  });

  it('rejects a capability tree with a cycle', () => {
    const m = emptyModel();
    m.elements.capability = [element('capability', 1, { parentId: 2 }), element('capability', 2, { parentId: 1 })];
    expect(referenceProblems(m)).toContainEqual({ key: 'import.json.reference.cycle', values: { where: 'capability capability-1' } });
  });

  it('rejects a usage outside reads, records and both', () => {
    const m = emptyModel();
    const out = toModelExport(m, new Date()) as unknown as { links: { servicePersonnelGroups: unknown[] } };
    out.links.servicePersonnelGroups.push({ serviceId: 1, personnelGroupId: 2, usage: 'writes' });
    expect(modelExportSchema.safeParse(out).success).toBe(false);
  });
});
