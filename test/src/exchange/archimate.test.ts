import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { archimateElementTypes, archimateRelationshipTypes } from '../../../model/exchange/archimate.ts';
import { testApp } from '../../helpers.ts';

/** xs:ID is an NCName: a letter or underscore first, then letters, digits, '.', '-', '_'. */
const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

interface Parsed {
  elements: { identifier: string; type: string; name: string }[];
  relationships: { identifier: string; type: string; source: string; target: string }[];
  folders: { label: string; refs: string[] }[];
  propertyRefs: string[];
  propertyDefinitions: string[];
}

/** The parts of the parsed file the tests read (fast-xml-parser: attributes unprefixed). */
type Text = string | { '#text': string };
interface XmlProps { properties?: { property: { propertyDefinitionRef: string }[] } }
interface XmlModel {
  elements: { element: ({ identifier: string; 'xsi:type': string; name: Text[] } & XmlProps)[] };
  relationships?: { relationship: ({ identifier: string; 'xsi:type': string; source: string; target: string } & XmlProps)[] };
  organizations: { item: { label: Text; item?: { identifierRef: string }[] }[] };
  propertyDefinitions: { propertyDefinition: { identifier: string }[] };
}

function parse(xml: string): Parsed {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['element', 'relationship', 'item', 'property', 'propertyDefinition', 'name'].includes(name),
    textNodeName: '#text',
  });
  const m = (parser.parse(xml) as { model: XmlModel }).model;
  const text = (n: Text) => (typeof n === 'string' ? n : n['#text']);
  const props: string[] = [];
  const collect = (node: XmlProps) => {
    for (const p of node.properties?.property ?? []) props.push(p.propertyDefinitionRef);
  };
  const elements = m.elements.element.map((e) => {
    collect(e);
    return { identifier: e.identifier, type: e['xsi:type'], name: text(e.name[0]!) };
  });
  const relationships = (m.relationships?.relationship ?? []).map((r) => {
    collect(r);
    return { identifier: r.identifier, type: r['xsi:type'], source: r.source, target: r.target };
  });
  const folders = m.organizations.item.map((f) => ({ label: text(f.label), refs: (f.item ?? []).map((i) => i.identifierRef) }));
  return {
    elements,
    relationships,
    folders,
    propertyRefs: props,
    propertyDefinitions: m.propertyDefinitions.propertyDefinition.map((p) => p.identifier),
  };
}

describe('GET /eksport/archimate.xml', () => {
  it('is a well-formed ArchiMate 3.1 exchange file that Archi can resolve: every reference points into the file', async () => {
    const { app } = await testApp();
    const res = await app.request('/eksport/archimate.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/xml');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="akson-omfang-.*\.xml"/);
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('xmlns="http://www.opengroup.org/xsd/archimate/3.0/"');

    const file = parse(xml);
    const ids = [...file.elements.map((e) => e.identifier), ...file.relationships.map((r) => r.identifier)];
    // Unique, valid xs:IDs.
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(NCNAME);
    // ArchiMate 3.1 types only.
    for (const e of file.elements) expect(archimateElementTypes).toContain(e.type);
    for (const r of file.relationships) expect(archimateRelationshipTypes).toContain(r.type);
    // Every relationship joins two elements of this file.
    const elementIds = new Set(file.elements.map((e) => e.identifier));
    for (const r of file.relationships) {
      expect(elementIds.has(r.source), `${r.identifier} source`).toBe(true);
      expect(elementIds.has(r.target), `${r.identifier} target`).toBe(true);
    }
    // Every folder entry and property points at something defined.
    const all = new Set(ids);
    for (const f of file.folders) for (const ref of f.refs) expect(all.has(ref)).toBe(true);
    for (const ref of file.propertyRefs) expect(file.propertyDefinitions).toContain(ref);
    // One folder per kind with elements, holding every element exactly once.
    const inFolders = file.folders.filter((f) => f.label !== 'Relasjoner').flatMap((f) => f.refs);
    expect(inFolders.sort()).toEqual([...elementIds].sort());
  });

  it('carries the seeded scope: a service with its tier as a plateau, and its links as relationships', async () => {
    const { app } = await testApp();
    const file = parse(await (await app.request('/eksport/archimate.xml')).text());
    const multidose = file.elements.find((e) => e.name === 'Multidose');
    expect(multidose?.type).toBe('ApplicationService');
    expect(file.elements.filter((e) => e.type === 'Plateau').length).toBeGreaterThanOrEqual(4);
    const intoMultidose = file.relationships.filter((r) => r.target === multidose!.identifier);
    const sources = intoMultidose.map((r) => file.elements.find((e) => e.identifier === r.source)?.type);
    expect(sources).toContain('Plateau');
    expect(sources).toContain('Grouping');
  });

  it('gives the same element the same identifier in every export, and escapes hostile names', async () => {
    const { app, db } = await testApp();
    const first = parse(await (await app.request('/eksport/archimate.xml')).text());
    await db.updateTable('element').set({ name: 'A <b>&"\'\u0001 ]]> B' }).where('key', '=', 'multidose').execute();
    const xml = await (await app.request('/eksport/archimate.xml')).text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const second = parse(xml);
    expect(second.elements.map((e) => e.identifier)).toEqual(first.elements.map((e) => e.identifier));
    expect(second.elements.find((e) => e.identifier.endsWith('-multidose'))?.name).toBe('A <b>&"\' ]]> B');
  });
});
