import { provenanceLevels } from '../provenance.ts';
import type { RequirementRelationKind } from '../requirements.ts';
import {
  requirementPriorities,
  requirementPriorityLabel,
  requirementStatuses,
  requirementStatusLabel,
  verificationMethodLabel,
  verificationMethods,
} from '../schemas.ts';
import type { ExchangeRequirement, RequirementSet } from './requirement-set.ts';
import { xmlId, xmlText } from './xml.ts';

/**
 * The requirement set as ReqIF 1.2 (OMG), the format DOORS, Polarion, Jama and StrictDoc
 * exchange. Pure: the same set gives the same file but for its creation time. Identifiers are
 * stable: a requirement is `req-<number>`, a chapter `kap-<id>`, an element `el-<kind>-<key>`,
 * a relation names its kind and both ends, so a tool that re-imports the file recognises what it
 * already has.
 *
 * Layout: one SPEC-OBJECT-TYPE «Krav» with an attribute definition per requirement field, one
 * «Kapittel» (ReqIF.ChapterName) for the chapter headings and one «Modellelement» for the scope
 * elements requirements govern; enumerations for type, priority, status and verification
 * method; a SPECIFICATION «Kravsett» whose hierarchy is the chapter tree with each requirement
 * under its chapter, and a SPECIFICATION «Modellelementer» listing the elements; SPEC-RELATIONS
 * for avledet fra, erstatter and gjelder.
 */
export const REQIF_NAMESPACE = 'http://www.omg.org/spec/ReqIF/20110401/reqif.xsd';
export const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** The attribute definitions of «Krav», by field: identifier, the name tools show, and its datatype. */
export const requirementAttributes = {
  ref: { id: 'ad-ref', name: 'ReqIF.ForeignID', type: 'string' },
  name: { id: 'ad-name', name: 'ReqIF.Name', type: 'string' },
  text: { id: 'ad-text', name: 'ReqIF.Text', type: 'string' },
  nameEn: { id: 'ad-name-en', name: 'Navn (engelsk)', type: 'string' },
  description: { id: 'ad-description', name: 'ReqIF.Description', type: 'string' },
  rationale: { id: 'ad-rationale', name: 'Begrunnelse', type: 'string' },
  type: { id: 'ad-type', name: 'Kravtype', type: 'enum' },
  priority: { id: 'ad-priority', name: 'Prioritet', type: 'enum' },
  status: { id: 'ad-status', name: 'Status', type: 'enum' },
  acceptanceCriteria: { id: 'ad-acceptance', name: 'Akseptansekriterier', type: 'string' },
  verificationMethod: { id: 'ad-verification', name: 'Verifikasjonsmetode', type: 'enum' },
  tags: { id: 'ad-tags', name: 'Etiketter', type: 'string' },
  tentative: { id: 'ad-tentative', name: 'Tentativt', type: 'boolean' },
  provenance: { id: 'ad-provenance', name: 'Kildegrunnlag', type: 'enum' },
  provenanceNote: { id: 'ad-provenance-note', name: 'Kildegrunnlag, begrunnelse', type: 'string' },
  source: { id: 'ad-source', name: 'Kilde', type: 'string' },
  version: { id: 'ad-version', name: 'Versjon', type: 'integer' },
} as const;
export type RequirementAttribute = keyof typeof requirementAttributes;

/** The enumerations: datatype identifier, name, and each value's code and label. */
export function reqifEnumerations(set: Pick<RequirementSet, 'types'>): Record<'type' | 'priority' | 'status' | 'verificationMethod' | 'provenance', { id: string; name: string; values: Array<{ code: string; label: string }> }> {
  return {
    type: { id: 'dt-type', name: 'Kravtype', values: set.types.map((t) => ({ code: t.key, label: t.label })) },
    priority: { id: 'dt-priority', name: 'Prioritet', values: requirementPriorities.map((p) => ({ code: p, label: requirementPriorityLabel[p] })) },
    status: { id: 'dt-status', name: 'Status', values: requirementStatuses.map((s) => ({ code: s, label: requirementStatusLabel[s] })) },
    verificationMethod: { id: 'dt-verification', name: 'Verifikasjonsmetode', values: verificationMethods.map((v) => ({ code: v, label: verificationMethodLabel[v] })) },
    provenance: { id: 'dt-provenance', name: 'Kildegrunnlag', values: provenanceLevels.map((p) => ({ code: p, label: p })) },
  };
}

export const enumValueId = (datatype: string, code: string): string => xmlId('ev', datatype.replace(/^dt-/, ''), code);
export const relationTypeIds: Record<RequirementRelationKind | 'governs', { id: string; name: string }> = {
  derived_from: { id: 'srt-derived-from', name: 'Avledet fra' },
  supersedes: { id: 'srt-supersedes', name: 'Erstatter' },
  governs: { id: 'srt-governs', name: 'Gjelder' },
};
export const elementObjectId = (kind: string, key: string): string => xmlId('el', kind, key);

const STRING_MAX = 100_000;

/** A source reference as one value, «dokument:12-15», the same as the spreadsheet's «Kilde». */
export const sourceText = (s: { document: string; fromLine: number; toLine: number }): string => `${s.document}:${s.fromLine}-${s.toLine}`;
export function parseSourceText(text: string): { document: string; fromLine: number; toLine: number } | null {
  const m = /^([a-z0-9-]+):(\d+)-(\d+)$/.exec(text.trim());
  if (!m) return null;
  const [fromLine, toLine] = [Number(m[2]), Number(m[3])];
  return fromLine > 0 && fromLine <= toLine ? { document: m[1]!, fromLine, toLine } : null;
}

export interface ReqifOptions {
  title: string;
  exportedAt: Date;
}

export function toReqif(set: RequirementSet, options: ReqifOptions): string {
  const at = options.exportedAt.toISOString();
  const enums = reqifEnumerations(set);
  const out: string[] = [];
  const w = (indent: number, line: string) => out.push(`${'  '.repeat(indent)}${line}`);
  // In attributes, line breaks and tabs are written as character references, or XML would turn them into spaces.
  const a = (s: string) => xmlText(s).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

  w(0, '<?xml version="1.0" encoding="UTF-8"?>');
  w(0, `<REQ-IF xmlns="${REQIF_NAMESPACE}" xmlns:xhtml="${XHTML_NAMESPACE}">`);
  w(1, '<THE-HEADER>');
  w(2, '<REQ-IF-HEADER IDENTIFIER="akson-scope-krav">');
  w(3, `<COMMENT>Kravsettet fra akson-scope. Krav: req-&lt;kravnummer&gt;, kapitler: kap-&lt;id&gt;, elementer: el-&lt;type&gt;-&lt;nøkkel&gt;.</COMMENT>`);
  w(3, `<CREATION-TIME>${at}</CREATION-TIME>`);
  w(3, '<REQ-IF-TOOL-ID>akson-scope</REQ-IF-TOOL-ID>');
  w(3, '<REQ-IF-VERSION>1.2</REQ-IF-VERSION>');
  w(3, '<SOURCE-TOOL-ID>akson-scope</SOURCE-TOOL-ID>');
  w(3, `<TITLE>${a(options.title)}</TITLE>`);
  w(2, '</REQ-IF-HEADER>');
  w(1, '</THE-HEADER>');
  w(1, '<CORE-CONTENT>');
  w(2, '<REQ-IF-CONTENT>');

  // Datatypes.
  w(3, '<DATATYPES>');
  w(4, `<DATATYPE-DEFINITION-STRING IDENTIFIER="dt-string" LAST-CHANGE="${at}" LONG-NAME="Tekst" MAX-LENGTH="${STRING_MAX}"/>`);
  w(4, `<DATATYPE-DEFINITION-BOOLEAN IDENTIFIER="dt-boolean" LAST-CHANGE="${at}" LONG-NAME="Ja/nei"/>`);
  w(4, `<DATATYPE-DEFINITION-INTEGER IDENTIFIER="dt-integer" LAST-CHANGE="${at}" LONG-NAME="Heltall" MAX="2147483647" MIN="0"/>`);
  for (const e of Object.values(enums)) {
    w(4, `<DATATYPE-DEFINITION-ENUMERATION IDENTIFIER="${e.id}" LAST-CHANGE="${at}" LONG-NAME="${a(e.name)}">`);
    w(5, '<SPECIFIED-VALUES>');
    e.values.forEach((v, i) => {
      w(6, `<ENUM-VALUE IDENTIFIER="${enumValueId(e.id, v.code)}" LAST-CHANGE="${at}" LONG-NAME="${a(v.label)}">`);
      w(7, `<PROPERTIES><EMBEDDED-VALUE KEY="${i}" OTHER-CONTENT="${a(v.code)}"/></PROPERTIES>`);
      w(6, '</ENUM-VALUE>');
    });
    w(5, '</SPECIFIED-VALUES>');
    w(4, '</DATATYPE-DEFINITION-ENUMERATION>');
  }
  w(3, '</DATATYPES>');

  // Types.
  const attributeDefinition = (indent: number, id: string, name: string, type: 'string' | 'enum' | 'boolean' | 'integer', datatype?: string) => {
    const tag = { string: 'STRING', enum: 'ENUMERATION', boolean: 'BOOLEAN', integer: 'INTEGER' }[type];
    const ref = datatype ?? { string: 'dt-string', enum: '', boolean: 'dt-boolean', integer: 'dt-integer' }[type];
    const multi = type === 'enum' ? ' MULTI-VALUED="false"' : '';
    w(indent, `<ATTRIBUTE-DEFINITION-${tag} IDENTIFIER="${id}" LAST-CHANGE="${at}" LONG-NAME="${a(name)}"${multi}>`);
    w(indent + 1, `<TYPE><DATATYPE-DEFINITION-${tag}-REF>${ref}</DATATYPE-DEFINITION-${tag}-REF></TYPE>`);
    w(indent, `</ATTRIBUTE-DEFINITION-${tag}>`);
  };
  w(3, '<SPEC-TYPES>');
  w(4, `<SPEC-OBJECT-TYPE IDENTIFIER="sot-requirement" LAST-CHANGE="${at}" LONG-NAME="Krav">`);
  w(5, '<SPEC-ATTRIBUTES>');
  for (const [field, def] of Object.entries(requirementAttributes)) {
    const datatype = def.type === 'enum' ? enums[field as keyof typeof enums].id : undefined;
    attributeDefinition(6, def.id, def.name, def.type, datatype);
  }
  w(5, '</SPEC-ATTRIBUTES>');
  w(4, '</SPEC-OBJECT-TYPE>');
  w(4, `<SPEC-OBJECT-TYPE IDENTIFIER="sot-chapter" LAST-CHANGE="${at}" LONG-NAME="Kapittel">`);
  w(5, '<SPEC-ATTRIBUTES>');
  attributeDefinition(6, 'ad-chapter-name', 'ReqIF.ChapterName', 'string');
  w(5, '</SPEC-ATTRIBUTES>');
  w(4, '</SPEC-OBJECT-TYPE>');
  w(4, `<SPEC-OBJECT-TYPE IDENTIFIER="sot-element" LAST-CHANGE="${at}" LONG-NAME="Modellelement">`);
  w(5, '<SPEC-ATTRIBUTES>');
  attributeDefinition(6, 'ad-element-kind', 'Elementtype', 'string');
  attributeDefinition(6, 'ad-element-key', 'Nøkkel', 'string');
  attributeDefinition(6, 'ad-element-name', 'ReqIF.Name', 'string');
  w(5, '</SPEC-ATTRIBUTES>');
  w(4, '</SPEC-OBJECT-TYPE>');
  for (const [kind, t] of Object.entries(relationTypeIds)) {
    w(4, `<SPEC-RELATION-TYPE IDENTIFIER="${t.id}" LAST-CHANGE="${at}" LONG-NAME="${a(t.name)}">`);
    if (kind === 'governs') {
      w(5, '<SPEC-ATTRIBUTES>');
      attributeDefinition(6, 'ad-link-provenance', 'Kildegrunnlag', 'enum', enums.provenance.id);
      attributeDefinition(6, 'ad-link-provenance-note', 'Kildegrunnlag, begrunnelse', 'string');
      attributeDefinition(6, 'ad-link-lines', 'Kildelinjer', 'string');
      w(5, '</SPEC-ATTRIBUTES>');
    }
    w(4, '</SPEC-RELATION-TYPE>');
  }
  w(4, `<SPECIFICATION-TYPE IDENTIFIER="spt-requirements" LAST-CHANGE="${at}" LONG-NAME="Kravsett"/>`);
  w(4, `<SPECIFICATION-TYPE IDENTIFIER="spt-elements" LAST-CHANGE="${at}" LONG-NAME="Modellelementer"/>`);
  w(3, '</SPEC-TYPES>');

  // Objects.
  const stringValue = (indent: number, def: string, value: string) =>
    w(indent, `<ATTRIBUTE-VALUE-STRING THE-VALUE="${a(value)}"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>${def}</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>`);
  const enumValue = (indent: number, def: string, datatype: string, code: string) =>
    w(
      indent,
      `<ATTRIBUTE-VALUE-ENUMERATION><DEFINITION><ATTRIBUTE-DEFINITION-ENUMERATION-REF>${def}</ATTRIBUTE-DEFINITION-ENUMERATION-REF></DEFINITION><VALUES><ENUM-VALUE-REF>${enumValueId(datatype, code)}</ENUM-VALUE-REF></VALUES></ATTRIBUTE-VALUE-ENUMERATION>`,
    );
  const otherValue = (indent: number, tag: 'BOOLEAN' | 'INTEGER', def: string, value: string) =>
    w(indent, `<ATTRIBUTE-VALUE-${tag} THE-VALUE="${value}"><DEFINITION><ATTRIBUTE-DEFINITION-${tag}-REF>${def}</ATTRIBUTE-DEFINITION-${tag}-REF></DEFINITION></ATTRIBUTE-VALUE-${tag}>`);

  const elements = new Map<string, { kind: string; key: string; name: string }>();
  for (const g of set.governs) elements.set(elementObjectId(g.element.kind, g.element.key), g.element);

  w(3, '<SPEC-OBJECTS>');
  for (const c of set.chapters) {
    w(4, `<SPEC-OBJECT IDENTIFIER="${a(c.xid)}" LAST-CHANGE="${at}" LONG-NAME="${a(c.name)}">`);
    w(5, '<VALUES>');
    stringValue(6, 'ad-chapter-name', c.name);
    w(5, '</VALUES>');
    w(5, '<TYPE><SPEC-OBJECT-TYPE-REF>sot-chapter</SPEC-OBJECT-TYPE-REF></TYPE>');
    w(4, '</SPEC-OBJECT>');
  }
  const R = requirementAttributes;
  for (const r of set.requirements) {
    w(4, `<SPEC-OBJECT IDENTIFIER="${a(r.xid)}" LAST-CHANGE="${r.updatedAt ?? at}" LONG-NAME="${a(r.name)}">`);
    w(5, '<VALUES>');
    if (r.ref) stringValue(6, R.ref.id, r.ref);
    stringValue(6, R.name.id, r.name);
    stringValue(6, R.text.id, r.text);
    if (r.nameEn) stringValue(6, R.nameEn.id, r.nameEn);
    if (r.description) stringValue(6, R.description.id, r.description);
    if (r.rationale) stringValue(6, R.rationale.id, r.rationale);
    if (r.type) enumValue(6, R.type.id, enums.type.id, r.type.key);
    enumValue(6, R.priority.id, enums.priority.id, r.priority);
    enumValue(6, R.status.id, enums.status.id, r.status);
    if (r.acceptanceCriteria) stringValue(6, R.acceptanceCriteria.id, r.acceptanceCriteria);
    if (r.verificationMethod) enumValue(6, R.verificationMethod.id, enums.verificationMethod.id, r.verificationMethod);
    if (r.tags.length > 0) stringValue(6, R.tags.id, r.tags.join(', '));
    otherValue(6, 'BOOLEAN', R.tentative.id, String(r.tentative));
    enumValue(6, R.provenance.id, enums.provenance.id, r.provenance);
    if (r.provenanceNote) stringValue(6, R.provenanceNote.id, r.provenanceNote);
    if (r.source) stringValue(6, R.source.id, sourceText(r.source));
    if (r.version !== null) otherValue(6, 'INTEGER', R.version.id, String(r.version));
    w(5, '</VALUES>');
    w(5, '<TYPE><SPEC-OBJECT-TYPE-REF>sot-requirement</SPEC-OBJECT-TYPE-REF></TYPE>');
    w(4, '</SPEC-OBJECT>');
  }
  for (const [id, e] of elements) {
    w(4, `<SPEC-OBJECT IDENTIFIER="${id}" LAST-CHANGE="${at}" LONG-NAME="${a(e.name)}">`);
    w(5, '<VALUES>');
    stringValue(6, 'ad-element-kind', e.kind);
    stringValue(6, 'ad-element-key', e.key);
    stringValue(6, 'ad-element-name', e.name);
    w(5, '</VALUES>');
    w(5, '<TYPE><SPEC-OBJECT-TYPE-REF>sot-element</SPEC-OBJECT-TYPE-REF></TYPE>');
    w(4, '</SPEC-OBJECT>');
  }
  w(3, '</SPEC-OBJECTS>');

  // Relations.
  const relations: Array<{ id: string; type: string; source: string; target: string; governs?: (typeof set.governs)[number] }> = [
    ...set.relations.map((l) => ({ id: xmlId('rel', l.kind, l.from, l.to), type: relationTypeIds[l.kind].id, source: l.from, target: l.to })),
    ...set.governs.map((g) => {
      const target = elementObjectId(g.element.kind, g.element.key);
      return { id: xmlId('rel', 'governs', g.requirement, target), type: relationTypeIds.governs.id, source: g.requirement, target, governs: g };
    }),
  ];
  if (relations.length > 0) {
    w(3, '<SPEC-RELATIONS>');
    for (const l of relations) {
      w(4, `<SPEC-RELATION IDENTIFIER="${a(l.id)}" LAST-CHANGE="${at}">`);
      if (l.governs) {
        w(5, '<VALUES>');
        enumValue(6, 'ad-link-provenance', enums.provenance.id, l.governs.provenance.level);
        if (l.governs.provenance.note) stringValue(6, 'ad-link-provenance-note', l.governs.provenance.note);
        const { fromLine, toLine } = l.governs.provenance;
        if (fromLine !== null) stringValue(6, 'ad-link-lines', `${fromLine}-${toLine ?? fromLine}`);
        w(5, '</VALUES>');
      }
      w(5, `<SOURCE><SPEC-OBJECT-REF>${a(l.source)}</SPEC-OBJECT-REF></SOURCE>`);
      w(5, `<TARGET><SPEC-OBJECT-REF>${a(l.target)}</SPEC-OBJECT-REF></TARGET>`);
      w(5, `<TYPE><SPEC-RELATION-TYPE-REF>${l.type}</SPEC-RELATION-TYPE-REF></TYPE>`);
      w(4, '</SPEC-RELATION>');
    }
    w(3, '</SPEC-RELATIONS>');
  }

  // The chapter tree, each requirement under its chapter.
  const chaptersUnder = new Map<string | null, typeof set.chapters>();
  for (const c of set.chapters) chaptersUnder.set(c.parent, [...(chaptersUnder.get(c.parent) ?? []), c]);
  for (const list of chaptersUnder.values()) list.sort((x, y) => x.position - y.position);
  const known = new Set(set.chapters.map((c) => c.xid));
  const requirementsUnder = new Map<string | null, ExchangeRequirement[]>();
  for (const r of set.requirements) {
    const at2 = r.chapter && known.has(r.chapter) ? r.chapter : null;
    requirementsUnder.set(at2, [...(requirementsUnder.get(at2) ?? []), r]);
  }
  const hierarchy = (indent: number, parent: string | null, seen: Set<string>) => {
    const chapters = (chaptersUnder.get(parent) ?? []).filter((c) => !seen.has(c.xid));
    const reqs = requirementsUnder.get(parent) ?? [];
    if (chapters.length === 0 && reqs.length === 0) return;
    w(indent, '<CHILDREN>');
    for (const r of reqs) {
      w(indent + 1, `<SPEC-HIERARCHY IDENTIFIER="${a(xmlId('sh', r.xid))}" LAST-CHANGE="${at}">`);
      w(indent + 2, `<OBJECT><SPEC-OBJECT-REF>${a(r.xid)}</SPEC-OBJECT-REF></OBJECT>`);
      w(indent + 1, '</SPEC-HIERARCHY>');
    }
    for (const c of chapters) {
      seen.add(c.xid);
      w(indent + 1, `<SPEC-HIERARCHY IDENTIFIER="${a(xmlId('sh', c.xid))}" IS-TABLE-INTERNAL="false" LAST-CHANGE="${at}">`);
      hierarchy(indent + 2, c.xid, seen);
      w(indent + 2, `<OBJECT><SPEC-OBJECT-REF>${a(c.xid)}</SPEC-OBJECT-REF></OBJECT>`);
      w(indent + 1, '</SPEC-HIERARCHY>');
    }
    w(indent, '</CHILDREN>');
  };
  w(3, '<SPECIFICATIONS>');
  w(4, `<SPECIFICATION IDENTIFIER="spec-krav" LAST-CHANGE="${at}" LONG-NAME="${a(options.title)}">`);
  hierarchy(5, null, new Set());
  w(5, '<TYPE><SPECIFICATION-TYPE-REF>spt-requirements</SPECIFICATION-TYPE-REF></TYPE>');
  w(4, '</SPECIFICATION>');
  if (elements.size > 0) {
    w(4, `<SPECIFICATION IDENTIFIER="spec-elementer" LAST-CHANGE="${at}" LONG-NAME="Modellelementer kravene gjelder">`);
    w(5, '<CHILDREN>');
    for (const id of elements.keys()) {
      w(6, `<SPEC-HIERARCHY IDENTIFIER="${xmlId('sh', id)}" LAST-CHANGE="${at}">`);
      w(7, `<OBJECT><SPEC-OBJECT-REF>${id}</SPEC-OBJECT-REF></OBJECT>`);
      w(6, '</SPEC-HIERARCHY>');
    }
    w(5, '</CHILDREN>');
    w(5, '<TYPE><SPECIFICATION-TYPE-REF>spt-elements</SPECIFICATION-TYPE-REF></TYPE>');
    w(4, '</SPECIFICATION>');
  }
  w(3, '</SPECIFICATIONS>');
  w(2, '</REQ-IF-CONTENT>');
  w(1, '</CORE-CONTENT>');
  w(0, '</REQ-IF>');
  return `${out.join('\n')}\n`;
}

