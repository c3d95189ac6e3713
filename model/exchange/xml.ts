import { XMLValidator } from 'fast-xml-parser';
import { reportText, type ImportText } from './import-report.ts';

/** Escapes text for an XML element's content or a double-quoted attribute. */
export function xmlText(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '') // not allowed in XML 1.0 at all
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * An `xs:ID` (an NCName) built from parts that are not all NCName-safe: keys are `[a-z0-9-]`,
 * but may start with a digit, and kinds are camelCase. The prefix makes it start with a letter.
 */
export function xmlId(prefix: string, ...parts: (string | number)[]): string {
  return [prefix, ...parts].map((p) => String(p).replace(/[^A-Za-z0-9._-]/g, '_')).join('-');
}

/**
 * Refuses XML that declares a DOCTYPE (and so could define entities: XXE, billion laughs) before
 * any parser sees it. Our formats never need one.
 */
export function refuseDoctype(xml: string): ImportText | null {
  return /<!DOCTYPE|<!ENTITY/i.test(xml) ? reportText({ key: 'import.xml.doctype' }) : null;
}

/** The largest XML file an importer reads (the route refuses a larger upload before reading it all). */
export const MAX_XML_BYTES = 20 * 1024 * 1024;

/**
 * Everything an XML importer checks before it parses: no DOCTYPE or entity declarations (no XXE,
 * no entity expansion), not too large, and well-formed. The report's problem, or null when the file may be parsed.
 */
export function checkXml(xml: string): ImportText | null {
  const doctype = refuseDoctype(xml);
  if (doctype) return doctype;
  if (Buffer.byteLength(xml, 'utf8') > MAX_XML_BYTES) return reportText({ key: 'import.json.tooLarge', values: { megabytes: MAX_XML_BYTES / 1024 / 1024 } });
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return reportText({ key: 'import.xml.invalid', values: { error: valid.err.msg, line: valid.err.line, column: valid.err.col } });
  return null;
}
