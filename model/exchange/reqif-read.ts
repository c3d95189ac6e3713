import { XMLParser } from 'fast-xml-parser';
import { slugify } from '../editing.ts';
import { elementKindSchema } from '../kinds.ts';
import { provenanceLevels, type ProvenanceLevel } from '../provenance.ts';
import type { RequirementRelationKind } from '../requirements.ts';
import {
  requirementPriorities,
  requirementPriorityLabel,
  requirementRefSchema,
  requirementStatuses,
  requirementStatusLabel,
  verificationMethodLabel,
  verificationMethods,
  type RequirementPriority,
  type RequirementStatus,
  type VerificationMethod,
} from '../schemas.ts';
import { reportText, type ImportProblem, type ImportText } from './import-report.ts';
import type { ExchangeChapter, ExchangeGoverns, ExchangeRequirement, RequirementSet } from './requirement-set.ts';
import { parseSourceText } from './reqif.ts';
import { checkXml } from './xml.ts';

/**
 * Reads a ReqIF 1.x file, from this tool or another (DOORS, Polarion, Jama, StrictDoc, ReqView),
 * into a requirement set. Attributes are recognised by this tool's identifiers, then by the
 * names the ReqIF implementation guide recommends (ReqIF.Text, ReqIF.Name, ReqIF.ChapterName,
 * ReqIF.ForeignID) and by their Norwegian or English names; what is left is reported, and short
 * values are kept as tags. Headings (objects with a chapter name and no text) become chapters.
 * Pure: nothing here reads the database.
 */

/** The fields a requirement can take from a file, and which of them the file gave (an update changes only those). */
export type RequirementField =
  | 'ref'
  | 'name'
  | 'nameEn'
  | 'text'
  | 'description'
  | 'rationale'
  | 'type'
  | 'priority'
  | 'status'
  | 'acceptanceCriteria'
  | 'verificationMethod'
  | 'tags'
  | 'tentative'
  | 'provenance'
  | 'provenanceNote'
  | 'source'
  | 'version';

export interface ReadRequirement extends ExchangeRequirement {
  given: RequirementField[];
}

export interface ReadResult {
  set: Omit<RequirementSet, 'requirements'> & { requirements: ReadRequirement[] };
  problems: ImportProblem[];
  notes: ImportText[];
}

const byIdentifier: Record<string, RequirementField | 'chapterName' | 'elementKind' | 'elementKey' | 'elementName' | 'linkProvenance' | 'linkProvenanceNote' | 'linkLines'> = {
  'ad-ref': 'ref',
  'ad-name': 'name',
  'ad-text': 'text',
  'ad-name-en': 'nameEn',
  'ad-description': 'description',
  'ad-rationale': 'rationale',
  'ad-type': 'type',
  'ad-priority': 'priority',
  'ad-status': 'status',
  'ad-acceptance': 'acceptanceCriteria',
  'ad-verification': 'verificationMethod',
  'ad-tags': 'tags',
  'ad-tentative': 'tentative',
  'ad-provenance': 'provenance',
  'ad-provenance-note': 'provenanceNote',
  'ad-source': 'source',
  'ad-link-lines': 'linkLines',
  'ad-version': 'version',
  'ad-chapter-name': 'chapterName',
  'ad-element-kind': 'elementKind',
  'ad-element-key': 'elementKey',
  'ad-element-name': 'elementName',
  'ad-link-provenance': 'linkProvenance',
  'ad-link-provenance-note': 'linkProvenanceNote',
};

/** Attribute names other tools use, lower case. */
const byName: Record<string, RequirementField | 'chapterName'> = {
  'reqif.foreignid': 'ref',
  kravnummer: 'ref',
  'reqif.name': 'name',
  navn: 'name',
  tittel: 'name',
  title: 'name',
  name: 'name',
  'reqif.text': 'text',
  kravtekst: 'text',
  text: 'text',
  statement: 'text',
  'reqif.description': 'description',
  beskrivelse: 'description',
  description: 'description',
  begrunnelse: 'rationale',
  rationale: 'rationale',
  kravtype: 'type',
  type: 'type',
  'requirement type': 'type',
  prioritet: 'priority',
  priority: 'priority',
  status: 'status',
  akseptansekriterier: 'acceptanceCriteria',
  'acceptance criteria': 'acceptanceCriteria',
  verifikasjonsmetode: 'verificationMethod',
  'verification method': 'verificationMethod',
  etiketter: 'tags',
  tags: 'tags',
  'reqif.chaptername': 'chapterName',
};

const priorityWords: Record<string, RequirementPriority> = { shall: 'must', high: 'must', medium: 'should', low: 'could', "won't": 'wont', 'skal ikke': 'wont' };
const statusWords: Record<string, RequirementStatus> = { utkast: 'draft', foreslått: 'proposed', godkjent: 'approved', avvist: 'rejected', utsatt: 'deferred', accepted: 'approved', new: 'draft' };

function oneOf<T extends string>(value: string, codes: readonly T[], labels: Record<T, string>, words: Record<string, T> = {}): T | undefined {
  const v = value.trim().toLowerCase();
  return codes.find((c) => c === v || labels[c].toLowerCase() === v) ?? words[v];
}

const arrayTags = new Set(['ENUM-VALUE', 'EMBEDDED-VALUE', 'SPEC-OBJECT-TYPE', 'SPEC-RELATION-TYPE', 'SPECIFICATION-TYPE', 'RELATION-GROUP-TYPE', 'SPEC-OBJECT', 'SPEC-RELATION', 'SPECIFICATION', 'SPEC-HIERARCHY', 'ENUM-VALUE-REF']);
const isArrayTag = (name: string) =>
  arrayTags.has(name) ||
  ((name.startsWith('ATTRIBUTE-VALUE-') || name.startsWith('ATTRIBUTE-DEFINITION-') || name.startsWith('DATATYPE-DEFINITION-')) && !name.endsWith('-REF'));

type Node = Record<string, unknown>;
const list = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v && typeof v === 'object' ? [v as Node] : []);
const child = (n: Node | undefined, name: string): Node | undefined => (n && typeof n[name] === 'object' ? (n[name] as Node) : undefined);
const attr = (n: Node | undefined, name: string): string | undefined => (n && typeof n[name] === 'string' ? (n[name] as string) : undefined);
const text = (n: Node | undefined, name: string): string | undefined => {
  const v = n?.[name];
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as Node)['#text'] === 'string') return (v as Node)['#text'] as string;
  return undefined;
};
/** The first `*-REF` child's text, e.g. `<TYPE><SPEC-OBJECT-TYPE-REF>x</SPEC-OBJECT-TYPE-REF></TYPE>`. */
const refIn = (n: Node | undefined): string | undefined => {
  if (!n) return undefined;
  for (const [k, v] of Object.entries(n)) if (k.endsWith('-REF')) return typeof v === 'string' ? v : Array.isArray(v) ? String(v[0]) : text(n, k);
  return undefined;
};

/** XHTML as plain text: paragraphs and line breaks become newlines, tags go, the five XML entities are decoded. */
export function xhtmlToText(xhtml: string): string {
  return xhtml
    .replace(/<(?:[\w-]+:)?br\s*\/?>/gi, '\n')
    .replace(/<\/(?:[\w-]+:)?(?:p|div|li|h\d|tr)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

interface EnumValue {
  code: string;
  label: string;
}

type Value = { kind: 'text'; text: string } | { kind: 'enum'; values: EnumValue[] };

export function readReqif(xml: string): ReadResult {
  const empty: ReadResult = { set: { chapters: [], types: [], requirements: [], relations: [], governs: [] }, problems: [], notes: [] };
  const refused = checkXml(xml);
  if (refused) return { ...empty, problems: [refused] };

  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: true,
    stopNodes: ['*.THE-VALUE'],
    isArray: (name, _path, _leaf, isAttribute) => !isAttribute && isArrayTag(name),
  });
  const doc = parser.parse(xml) as Node;
  const core = child(child(doc, 'REQ-IF'), 'CORE-CONTENT');
  const content = core && 'REQ-IF-CONTENT' in core ? (child(core, 'REQ-IF-CONTENT') ?? {}) : undefined;
  if (!child(doc, 'REQ-IF')) return { ...empty, problems: [reportText({ key: 'import.reqif.notReqif' })] };
  if (!content) return { ...empty, problems: [reportText({ key: 'import.reqif.noContent' })] };

  const problems: ImportProblem[] = [];
  const notes: ImportText[] = [];

  // Enumeration values, by identifier.
  const enumValues = new Map<string, EnumValue>();
  const typeEnums = new Map<string, EnumValue[]>();
  const datatypes = child(content, 'DATATYPES') ?? {};
  for (const dt of list(datatypes['DATATYPE-DEFINITION-ENUMERATION'])) {
    const values: EnumValue[] = [];
    for (const ev of list(child(dt, 'SPECIFIED-VALUES')?.['ENUM-VALUE'])) {
      const id = attr(ev, 'IDENTIFIER');
      if (!id) continue;
      const label = attr(ev, 'LONG-NAME') ?? id;
      const other = list(child(ev, 'PROPERTIES')?.['EMBEDDED-VALUE'])
        .map((e) => attr(e, 'OTHER-CONTENT'))
        .find((o) => o);
      const value = { code: other ?? label, label };
      enumValues.set(id, value);
      values.push(value);
    }
    const id = attr(dt, 'IDENTIFIER');
    if (id) typeEnums.set(id, values);
  }

  // Attribute definitions, by identifier: what field each is, and its name for reports.
  const definitions = new Map<string, { field: string | null; name: string; datatype: string | undefined }>();
  const objectTypes = new Map<string, { name: string; fields: Set<string> }>();
  const relationTypes = new Map<string, string>();
  const specTypes = child(content, 'SPEC-TYPES') ?? {};
  const readAttributes = (type: Node): Set<string> => {
    const fields = new Set<string>();
    for (const [tag, defs] of Object.entries(child(type, 'SPEC-ATTRIBUTES') ?? {})) {
      if (!tag.startsWith('ATTRIBUTE-DEFINITION-')) continue;
      for (const def of list(defs)) {
        const id = attr(def, 'IDENTIFIER');
        if (!id) continue;
        const name = attr(def, 'LONG-NAME') ?? id;
        const field = byIdentifier[id] ?? byName[name.trim().toLowerCase()] ?? null;
        definitions.set(id, { field, name, datatype: refIn(child(def, 'TYPE')) });
        if (field) fields.add(field);
      }
    }
    return fields;
  };
  for (const t of list(specTypes['SPEC-OBJECT-TYPE'])) {
    const id = attr(t, 'IDENTIFIER');
    if (id) objectTypes.set(id, { name: attr(t, 'LONG-NAME') ?? id, fields: readAttributes(t) });
  }
  for (const t of list(specTypes['SPEC-RELATION-TYPE'])) {
    const id = attr(t, 'IDENTIFIER');
    readAttributes(t);
    if (id) relationTypes.set(id, attr(t, 'LONG-NAME') ?? id);
  }
  for (const t of list(specTypes['SPECIFICATION-TYPE'])) readAttributes(t);

  const valuesOf = (n: Node): Map<string, Value> => {
    const out = new Map<string, Value>();
    for (const [tag, vals] of Object.entries(child(n, 'VALUES') ?? {})) {
      if (!tag.startsWith('ATTRIBUTE-VALUE-')) continue;
      for (const v of list(vals)) {
        const def = refIn(child(v, 'DEFINITION'));
        if (!def) continue;
        if (tag === 'ATTRIBUTE-VALUE-ENUMERATION') {
          const raw = child(v, 'VALUES')?.['ENUM-VALUE-REF'];
          const ids = (Array.isArray(raw) ? raw : []).map((r: unknown) => (typeof r === 'string' ? r : String((r as Node)['#text'] ?? '')));
          out.set(def, { kind: 'enum', values: ids.map((id) => enumValues.get(id) ?? { code: id, label: id }) });
        } else if (tag === 'ATTRIBUTE-VALUE-XHTML') {
          const raw = text(v, 'THE-VALUE') ?? '';
          out.set(def, { kind: 'text', text: xhtmlToText(raw) });
        } else {
          out.set(def, { kind: 'text', text: attr(v, 'THE-VALUE') ?? '' });
        }
      }
    }
    return out;
  };

  // Objects: requirements, chapter headings, and the elements requirements govern.
  type Obj = { id: string; kind: 'requirement' | 'chapter' | 'element'; name: string; values: Map<string, Value> };
  const objects = new Map<string, Obj>();
  const unknown = new Map<string, number>();
  const seenIds = new Set<string>();
  for (const o of list(child(content, 'SPEC-OBJECTS')?.['SPEC-OBJECT'])) {
    const id = attr(o, 'IDENTIFIER');
    if (!id) {
      problems.push(reportText({ key: 'import.reqif.noIdentifier' }));
      continue;
    }
    if (seenIds.has(id)) {
      problems.push({ at: id, ...reportText({ key: 'import.reqif.identifierTwice', values: { id } }) });
      continue;
    }
    seenIds.add(id);
    const type = objectTypes.get(refIn(child(o, 'TYPE')) ?? '');
    const values = valuesOf(o);
    const has = (field: string) => [...values.keys()].some((d) => definitions.get(d)?.field === field);
    const kind: Obj['kind'] =
      has('elementKind') && has('elementKey') ? 'element' : (has('chapterName') && !has('text')) || (type && type.fields.has('chapterName') && !type.fields.has('text')) ? 'chapter' : 'requirement';
    objects.set(id, { id, kind, name: attr(o, 'LONG-NAME') ?? '', values });
  }

  const valueOf = (o: Obj, field: string): Value | undefined => {
    for (const [def, v] of o.values) if (definitions.get(def)?.field === field) return v;
    return undefined;
  };
  const textOf = (o: Obj, field: string): string | undefined => {
    const v = valueOf(o, field);
    if (!v) return undefined;
    return v.kind === 'text' ? v.text : v.values.map((e) => e.label).join(', ');
  };

  // Requirement types: this tool's enumeration, or whatever values the type attribute has.
  const types = new Map<string, string>();
  const typeDefinitions = [...definitions.entries()].filter(([, d]) => d.field === 'type');
  for (const [, d] of typeDefinitions) {
    for (const v of typeEnums.get(d.datatype ?? '') ?? []) types.set(d.datatype === 'dt-type' ? v.code : slugify(v.label), v.label);
  }

  const requirements: ReadRequirement[] = [];
  const refs = new Set<string>();
  for (const o of objects.values()) {
    if (o.kind !== 'requirement') continue;
    const given: RequirementField[] = [];
    const get = (field: RequirementField) => {
      const v = textOf(o, field);
      if (v !== undefined) given.push(field);
      return v;
    };
    const at = o.id;
    const refText = get('ref')?.trim();
    const ref = refText && requirementRefSchema.safeParse(refText.toUpperCase()).success ? refText.toUpperCase() : null;
    if (refText && !ref) notes.push(reportText({ key: 'import.reqif.notRef', values: { at, ref: refText } }));
    if (ref && refs.has(ref)) {
      problems.push({ at, ...reportText({ key: 'import.reqif.refTwice', values: { ref } }) });
      continue;
    }
    if (ref) refs.add(ref);
    const body = get('text')?.trim() ?? '';
    let name = get('name')?.trim() || o.name.trim();
    if (!name) name = body.split('\n')[0]!.slice(0, 120);
    if (!body) {
      problems.push({ at, ...reportText({ key: 'import.reqif.noText', values: { ref: ref ?? at } }) });
      continue;
    }
    if (body.length > 10_000) problems.push({ at, ...reportText({ key: 'import.reqif.textTooLong', values: { ref: ref ?? at } }) });
    const choose = <T extends string>(field: RequirementField, codes: readonly T[], labels: Record<T, string>, words: Record<string, T>, fallback: T, what: 'priority' | 'status' | 'verificationMethod'): T => {
      const raw = get(field);
      if (raw === undefined || raw.trim() === '') return fallback;
      const found = oneOf(raw, codes, labels, words);
      if (found) return found;
      // The file may say a value by its bokmål label or by its code: the message names both.
      problems.push({ at, ...reportText({ key: 'import.reqif.badValue', values: { ref: ref ?? at, raw, what, labels: codes.map((c) => labels[c].toLowerCase()).join(', '), codes: codes.join(', ') } }) });
      return fallback;
    };
    const priority = choose('priority', requirementPriorities, requirementPriorityLabel, priorityWords, 'should', 'priority');
    const status = choose('status', requirementStatuses, requirementStatusLabel, statusWords, 'draft', 'status');
    const verificationRaw = get('verificationMethod');
    const verificationMethod: VerificationMethod | null =
      verificationRaw && verificationRaw.trim() ? choose('verificationMethod', verificationMethods, verificationMethodLabel, {}, 'test', 'verificationMethod') : null;
    const typeValue = valueOf(o, 'type');
    let type: ExchangeRequirement['type'] = null;
    if (typeValue) {
      given.push('type');
      const label = typeValue.kind === 'enum' ? typeValue.values[0]?.label : typeValue.text.trim();
      const code = typeValue.kind === 'enum' ? typeValue.values[0]?.code : undefined;
      if (label) {
        const key = code && types.has(code) ? code : slugify(label);
        types.set(key, types.get(key) ?? label);
        type = { key, label: types.get(key)! };
      }
    }
    const sourceOf = (raw: string | undefined, where: string) => {
      if (!raw || !raw.trim()) return null;
      const parsed = parseSourceText(raw);
      if (!parsed) notes.push(reportText({ key: 'import.reqif.badSource', values: { ref: ref ?? where, source: raw } }));
      return parsed;
    };
    const tentativeText = get('tentative');
    const provenanceText = get('provenance');
    const provenance: ProvenanceLevel = provenanceLevels.find((p) => p === provenanceText?.trim()) ?? 'inferred';
    const versionText = get('version');
    const tags = (get('tags') ?? '')
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter((t) => t !== '');

    // What the file says that this tool has no field for: kept as a tag when short, else reported.
    for (const [def, v] of o.values) {
      const d = definitions.get(def);
      if (d?.field) continue;
      const name2 = d?.name ?? def;
      const value = v.kind === 'text' ? v.text.trim() : v.values.map((e) => e.label).join(', ');
      if (value === '') continue;
      const tag = `${name2}:${value}`.toLowerCase();
      if (tag.length <= 40 && !tag.includes('|') && !tag.includes(',') && tags.length < 20) {
        tags.push(tag);
        if (!given.includes('tags')) given.push('tags');
        unknown.set(`${name2}\u0000kept`, (unknown.get(`${name2}\u0000kept`) ?? 0) + 1);
      } else {
        unknown.set(`${name2}\u0000dropped`, (unknown.get(`${name2}\u0000dropped`) ?? 0) + 1);
      }
    }

    requirements.push({
      xid: o.id,
      ref,
      name: name.slice(0, 500),
      nameEn: get('nameEn')?.trim() || null,
      description: get('description')?.trim() ?? '',
      text: body,
      rationale: get('rationale')?.trim() ?? '',
      priority,
      status,
      chapter: null,
      type,
      acceptanceCriteria: get('acceptanceCriteria')?.trim() ?? '',
      verificationMethod,
      tags: [...new Set(tags)].slice(0, 20),
      tentative: tentativeText?.trim().toLowerCase() === 'true',
      provenance,
      provenanceNote: get('provenanceNote')?.trim() ?? '',
      source: sourceOf(get('source'), at),
      version: versionText && /^\d+$/.test(versionText.trim()) ? Number(versionText.trim()) : null,
      updatedAt: null,
      given,
    });
  }
  for (const [key, count] of unknown) {
    const [name, fate] = key.split('\u0000');
    notes.push(
      fate === 'kept'
        ? reportText({ key: 'import.reqif.attributeKept', values: { name: name!, count, tag: name!.toLowerCase() } })
        : reportText({ key: 'import.reqif.attributeDropped', values: { name: name!, count } }),
    );
  }

  // The hierarchy: chapters from headings, each requirement in the nearest chapter above it.
  const byXid = new Map(requirements.map((r) => [r.xid, r]));
  const chapters: ExchangeChapter[] = [];
  const placed = new Set<string>();
  const specifications = list(child(content, 'SPECIFICATIONS')?.['SPECIFICATION']);
  const holdsRequirements = (n: Node): boolean =>
    list(child(n, 'CHILDREN')?.['SPEC-HIERARCHY']).some((h) => {
      const o = objects.get(refIn(child(h, 'OBJECT')) ?? '');
      return o?.kind === 'requirement' || o?.kind === 'chapter' || holdsRequirements(h);
    });
  const withRequirements = specifications.filter(holdsRequirements);
  const walk = (n: Node, chapter: string | null, depth: number) => {
    if (depth > 50) {
      problems.push(reportText({ key: 'import.reqif.tooDeep' }));
      return;
    }
    let position = 0;
    for (const h of list(child(n, 'CHILDREN')?.['SPEC-HIERARCHY'])) {
      const o = objects.get(refIn(child(h, 'OBJECT')) ?? '');
      if (o?.kind === 'chapter') {
        const xid = o.id;
        if (!placed.has(xid)) {
          placed.add(xid);
          chapters.push({ xid, parent: chapter, name: (textOf(o, 'chapterName') ?? o.name).trim() || xid, position: position++ });
        }
        walk(h, xid, depth + 1);
        continue;
      }
      if (o?.kind === 'requirement') {
        const r = byXid.get(o.id);
        if (r && !placed.has(o.id)) {
          placed.add(o.id);
          r.chapter = chapter;
        }
      }
      walk(h, chapter, depth + 1);
    }
  };
  withRequirements.forEach((spec, i) => {
    if (withRequirements.length > 1) {
      const xid = `spec-${attr(spec, 'IDENTIFIER') ?? i}`;
      chapters.push({ xid, parent: null, name: attr(spec, 'LONG-NAME') ?? `Spesifikasjon ${i + 1}`, position: 1000 + i });
      walk(spec, xid, 0);
    } else walk(spec, null, 0);
  });

  // Relations between requirements, and governs links to scope elements.
  const relations: RequirementSet['relations'] = [];
  const governs: ExchangeGoverns[] = [];
  const skipped = new Map<string, number>();
  for (const l of list(child(content, 'SPEC-RELATIONS')?.['SPEC-RELATION'])) {
    const typeId = refIn(child(l, 'TYPE')) ?? '';
    const typeName = (relationTypes.get(typeId) ?? typeId).toLowerCase();
    const source = refIn(child(l, 'SOURCE')) ?? '';
    const target = refIn(child(l, 'TARGET')) ?? '';
    const at = attr(l, 'IDENTIFIER') ?? `${source}→${target}`;
    const kind: RequirementRelationKind | 'governs' | null =
      typeId === 'srt-derived-from' || /avledet|derived|refine|parent/.test(typeName)
        ? 'derived_from'
        : typeId === 'srt-supersedes' || /erstatter|supersede|replace/.test(typeName)
          ? 'supersedes'
          : typeId === 'srt-governs' || /gjelder|governs|satisf|trace/.test(typeName)
            ? 'governs'
            : null;
    const from = byXid.get(source);
    const to = objects.get(target);
    if (!kind) {
      skipped.set(relationTypes.get(typeId) ?? typeId, (skipped.get(relationTypes.get(typeId) ?? typeId) ?? 0) + 1);
      continue;
    }
    if (!from) {
      problems.push({ at, ...reportText({ key: 'import.reqif.linkFromUnknown', values: { at, source } }) });
      continue;
    }
    if (to?.kind === 'element') {
      const kindText = textOf(to, 'elementKind')?.trim() ?? '';
      const k = elementKindSchema.safeParse(kindText);
      if (!k.success) {
        problems.push({ at, ...reportText({ key: 'import.reqif.linkUnknownKind', values: { at, kind: kindText } }) });
        continue;
      }
      const level = valueOf({ ...to, values: valuesOf(l) }, 'linkProvenance');
      const levelCode = level?.kind === 'enum' ? level.values[0]?.code : level?.text;
      const lines = /^(\d+)-(\d+)$/.exec(textOf({ ...to, values: valuesOf(l) }, 'linkLines')?.trim() ?? '');
      governs.push({
        requirement: from.xid,
        element: { kind: k.data, key: textOf(to, 'elementKey')?.trim() ?? '', name: textOf(to, 'elementName')?.trim() || to.name },
        provenance: {
          level: provenanceLevels.find((p) => p === levelCode) ?? 'inferred',
          note: textOf({ ...to, values: valuesOf(l) }, 'linkProvenanceNote')?.trim() ?? '',
          fromLine: lines ? Number(lines[1]) : null,
          toLine: lines ? Number(lines[2]) : null,
        },
      });
      continue;
    }
    if (kind === 'governs' || !to || to.kind !== 'requirement') {
      problems.push({ at, ...reportText({ key: 'import.reqif.linkToUnknown', values: { at, target } }) });
      continue;
    }
    if (to.id === from.xid) {
      problems.push({ at, ...reportText({ key: 'import.reqif.linkToSelf', values: { at } }) });
      continue;
    }
    relations.push({ from: from.xid, to: to.id, kind });
  }
  for (const [name, count] of skipped) notes.push(reportText({ key: 'import.reqif.linkTypeSkipped', values: { name, count } }));
  if (requirements.length === 0 && problems.length === 0) problems.push(reportText({ key: 'import.reqif.noRequirements' }));

  return {
    set: { chapters, types: [...types].map(([key, label]) => ({ key, label })), requirements, relations, governs },
    problems,
    notes,
  };
}
