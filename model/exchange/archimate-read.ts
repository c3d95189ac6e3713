import { XMLParser } from 'fast-xml-parser';
import { elementKindSchema, kindInfo, type ElementKind } from '../kinds.ts';
import { elementKeySchema } from '../schemas.ts';
import { emptyImportReport, reportText, type ImportReport } from './import-report.ts';
import { checkXml } from './xml.ts';

/*
 * Reading an ArchiMate 3.1 Model Exchange File back (one written by `/eksport/archimate.xml` and
 * edited in Archi, or any tool's): elements are matched to the scope by their `akson:nøkkel` and
 * `akson:type` properties (by the property's name, since Archi renumbers property definitions),
 * or else by this tool's identifier `id-<kind>-<key>`. A matched element takes the file's name,
 * English name and documentation; everything else is reported and left alone. Pure.
 */

export interface ArchimateElementIn {
  identifier: string;
  kind: ElementKind | null;
  key: string | null;
  type: string;
  name: string;
  nameEn: string | null;
  documentation: string;
}

export interface ArchimateRead {
  elements: ArchimateElementIn[];
  relationships: number;
  problems: ImportReport['problems'];
}

type Node = Record<string, unknown>;
const list = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v && typeof v === 'object' ? [v as Node] : []);
const textOf = (v: unknown): string => (typeof v === 'string' ? v : v && typeof v === 'object' ? String((v as Node)['#text'] ?? '') : '');
const langOf = (v: unknown): string | undefined => (v && typeof v === 'object' ? ((v as Node)['xml:lang'] as string | undefined) : undefined);

export function readArchimate(xml: string): ArchimateRead {
  const refused = checkXml(xml);
  if (refused) return { elements: [], relationships: 0, problems: [refused] };
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: true,
    isArray: (name, _p, _l, isAttribute) => !isAttribute && ['element', 'relationship', 'property', 'propertyDefinition', 'name', 'documentation', 'value'].includes(name),
  });
  const doc = parser.parse(xml) as Node;
  const model = doc.model as Node | undefined;
  if (!model || typeof model !== 'object') return { elements: [], relationships: 0, problems: [reportText({ key: 'import.archimate.notModel' })] };

  const propertyName = new Map<string, string>();
  for (const p of list((model.propertyDefinitions as Node | undefined)?.propertyDefinition)) {
    propertyName.set(String(p.identifier ?? ''), textOf(list(p.name)[0]).trim());
  }
  const problems: ImportReport['problems'] = [];
  const elements: ArchimateElementIn[] = [];
  const seen = new Set<string>();
  for (const e of list((model.elements as Node | undefined)?.element)) {
    const identifier = String(e.identifier ?? '');
    if (seen.has(identifier)) {
      problems.push({ at: identifier, ...reportText({ key: 'import.archimate.identifierTwice', values: { id: identifier } }) });
      continue;
    }
    seen.add(identifier);
    const props = new Map<string, string>();
    for (const p of list((e.properties as Node | undefined)?.property)) {
      props.set(propertyName.get(String(p.propertyDefinitionRef ?? '')) ?? '', textOf(list(p.value)[0]).trim());
    }
    const names = list(e.name);
    const nb = names.find((n) => langOf(n) !== 'en') ?? names[0];
    const en = names.find((n) => langOf(n) === 'en');
    let kind = elementKindSchema.safeParse(props.get('akson:type')).data ?? null;
    let key = elementKeySchema.safeParse(props.get('akson:nøkkel')).data ?? null;
    if (!kind || !key) {
      // This tool's identifier: id-<kind>-<key>.
      const m = /^id-([A-Za-z]+)-(.+)$/.exec(identifier);
      const k = elementKindSchema.safeParse(m?.[1]);
      const kk = elementKeySchema.safeParse(m?.[2]);
      if (k.success && kk.success) [kind, key] = [k.data, kk.data];
    }
    elements.push({
      identifier,
      kind,
      key,
      type: String(e['xsi:type'] ?? ''),
      name: textOf(nb).trim(),
      nameEn: en ? textOf(en).trim() || null : null,
      documentation: textOf(list(e.documentation)[0]).trim(),
    });
  }
  return { elements, relationships: list((model.relationships as Node | undefined)?.relationship).length, problems };
}

export interface ScopeElementNow {
  id: number;
  kind: ElementKind;
  key: string;
  name: string;
  nameEn: string | null;
  description: string;
  version: number;
}

export interface ArchimateUpdate {
  id: number;
  version: number;
  name: string;
  nameEn: string | null;
  description: string;
}

/** The dry-run report and the updates: matched elements whose name, English name or description differ. */
export function planArchimateImport(read: ArchimateRead, current: readonly ScopeElementNow[], fileName: string): { report: ImportReport; updates: ArchimateUpdate[] } {
  const report = emptyImportReport('archimate', fileName);
  report.problems.push(...read.problems);
  const byKey = new Map(current.map((e) => [`${e.kind}:${e.key}`, e]));
  const updates: ArchimateUpdate[] = [];
  const unmatched: string[] = [];
  let requirements = 0;
  for (const e of read.elements) {
    const now = e.kind && e.key ? byKey.get(`${e.kind}:${e.key}`) : undefined;
    if (!now) {
      unmatched.push(`${e.name || e.identifier} (${e.type})`);
      continue;
    }
    const ref = `${now.kind}:${now.key}`;
    if (now.kind === 'requirement') {
      // A requirement's name and documentation in the file are its number and text joined: ReqIF and the spreadsheet carry them.
      requirements++;
      report.unchanged.push({ ref, label: now.name });
      continue;
    }
    if (!e.name) {
      report.problems.push({ at: e.identifier, ...reportText({ key: 'import.archimate.noName', values: { kind: `kinds.${now.kind}.singular`, name: now.name } }) });
      continue;
    }
    if (e.name.length > 500) {
      report.problems.push({ at: e.identifier, ...reportText({ key: 'import.archimate.nameTooLong', values: { name: now.name } }) });
      continue;
    }
    const fields = [
      { field: 'Navn', said: 'history.field.name' as const, before: now.name, after: e.name },
      { field: 'Navn (engelsk)', said: 'history.field.nameEn' as const, before: now.nameEn ?? '', after: e.nameEn ?? '' },
      { field: 'Beskrivelse', said: 'history.field.description' as const, before: now.description, after: e.documentation },
    ].filter((f) => f.before !== f.after);
    if (fields.length === 0) {
      report.unchanged.push({ ref, label: now.name });
      continue;
    }
    report.changed.push({ ref, label: now.name, fields });
    updates.push({ id: now.id, version: now.version, name: e.name, nameEn: e.nameEn, description: e.documentation });
  }
  if (unmatched.length > 0) {
    report.notes.push(reportText({ key: 'import.archimate.unmatched', values: { count: unmatched.length, names: `${unmatched.slice(0, 20).join(', ')}${unmatched.length > 20 ? ' …' : ''}` } }));
  }
  if (requirements > 0) report.notes.push(reportText({ key: 'import.archimate.requirements', values: { count: requirements } }));
  if (read.relationships > 0) report.notes.push(reportText({ key: 'import.archimate.relationships', values: { count: read.relationships } }));
  return { report, updates };
}
