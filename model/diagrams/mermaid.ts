/**
 * Safe Mermaid text. Every name in a diagram comes from users, so labels never carry Mermaid
 * syntax: ASCII punctuation becomes Mermaid's entity codes (`#34;` for `"`, `#35;` for `#`, …),
 * which Mermaid turns back into the characters only after parsing. Node ids are generated
 * (`n0`, `n1`, …), never taken from names, so no name can collide with a keyword such as `end`.
 */

/** Longest label drawn, in user-perceived characters; the table beside shows the full name. */
export const LABEL_MAX = 90;

const graphemes = new Intl.Segmenter('nb', { granularity: 'grapheme' });

/** Line breaks, tabs, other whitespace and control characters become single spaces. */
export function normaliseLabel(text: string): string {
  return text.replace(/[\s\p{Cc}]+/gu, ' ').trim();
}

/** The label cut to `max` characters (never inside an emoji or an accented letter), with "…". */
export function shorten(text: string, max = LABEL_MAX): string {
  const clean = normaliseLabel(text);
  const parts = Array.from(graphemes.segment(clean), (s) => s.segment);
  if (parts.length <= max) return clean;
  return `${parts.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * Text as Mermaid reads it literally. Letters (æøå included), digits, spaces, emoji and other
 * non-ASCII characters stay as they are; every other ASCII character becomes `#<code>;`.
 * Mermaid decodes its own placeholders "ﬂ°" and "¶ß" a second time in flowchart labels, so those
 * two pairs get an invisible word joiner between them to survive as written.
 */
export function escapeText(text: string): string {
  return text
    .replace(/ﬂ°/g, 'ﬂ\u2060°')
    .replace(/¶ß/g, '¶\u2060ß')
    .replace(/[^A-Za-z0-9 \u0080-\u{10FFFF}]/gu, (c) => `#${c.codePointAt(0)};`);
}

/** Room for a name inside a composed label ("name (12 tjenester)"), so the rest still shows. */
export const NAME_IN_LABEL = 50;

/** A name shortened to go inside a composed label. */
export function inLabel(name: string): string {
  return shorten(name, NAME_IN_LABEL);
}

/** A name as a safe, shortened label; `unnamed` (the catalogue's `diagrams.unnamed`) where nothing readable is left. */
export function label(text: string, unnamed: string, max = LABEL_MAX): string {
  const short = shorten(text, max);
  return escapeText(short === '' ? unnamed : short);
}

/**
 * A Gantt task or section name. Gantt names are not quoted, so a name must not start with a
 * keyword ("section", "title", "click", "excludes", a date, …): its first letter or digit is
 * written as an entity code too.
 */
export function ganttLabel(text: string, unnamed: string, max = LABEL_MAX): string {
  const safe = label(text, unnamed, max);
  return safe.replace(/^[A-Za-z0-9]/, (c) => `#${c.codePointAt(0)};`);
}

/** One line for accTitle/accDescr: no line breaks, no syntax. */
export function accessibleText(text: string): string {
  const clean = normaliseLabel(text);
  return escapeText(clean === '' ? '–' : clean);
}

export type NodeShape = 'box' | 'round' | 'stadium' | 'subroutine' | 'hexagon';

const shapes: Record<NodeShape, [string, string]> = {
  box: ['[', ']'],
  round: ['(', ')'],
  stadium: ['([', '])'],
  subroutine: ['[[', ']]'],
  hexagon: ['{{', '}}'],
};

/** A node class: its Mermaid `classDef` style and how the legend draws it. */
export interface NodeStyle {
  fill: string;
  stroke: string;
  strokeWidth: number;
  dash?: string;
  color: string;
}

/** An edge style: its Mermaid `linkStyle` and how the legend draws it. */
export interface EdgeStyle {
  stroke: string;
  strokeWidth: number;
  dash?: string;
}

export function classDefStyle(s: NodeStyle): string {
  const dash = s.dash ? `,stroke-dasharray:${s.dash}` : '';
  return `fill:${s.fill},stroke:${s.stroke},stroke-width:${s.strokeWidth}px,color:${s.color}${dash}`;
}

export function linkStyleText(s: EdgeStyle): string {
  const dash = s.dash ? `,stroke-dasharray:${s.dash}` : '';
  return `stroke:${s.stroke},stroke-width:${s.strokeWidth}px,fill:none${dash}`;
}

export interface EdgeOptions {
  label?: string;
  /** Undirected edges (`---`) let the layout place the far end on either side. */
  directed?: boolean;
  style?: EdgeStyle;
}

/**
 * Builds a flowchart with generated ids. It counts the nodes it writes, so a generator's
 * `nodeCount` is exactly the number of nodes Mermaid draws.
 */
export class Flowchart {
  private readonly body: string[] = [];
  private readonly classMembers = new Map<string, { style: NodeStyle; ids: string[] }>();
  private readonly edgeStyles = new Map<string, { style: EdgeStyle; indices: number[] }>();
  private nodes = 0;
  private edges = 0;
  private groups = 0;
  private depth = 1;

  constructor(
    private readonly direction: 'LR' | 'TB',
    private readonly title: string,
    private readonly description: string,
    /** What a node or group without a readable name is called, in the reader's language. */
    private readonly unnamed: string,
  ) {}

  get nodeCount(): number {
    return this.nodes;
  }

  get edgeCount(): number {
    return this.edges;
  }

  /** Adds a node and returns its generated id. */
  node(text: string, options: { shape?: NodeShape; style?: [string, NodeStyle] } = {}): string {
    const id = `n${this.nodes++}`;
    const [open, close] = shapes[options.shape ?? 'box'];
    this.line(`${id}${open}"${label(text, this.unnamed)}"${close}`);
    if (options.style) this.addClass(id, options.style[0], options.style[1]);
    return id;
  }

  /** A subgraph around the nodes `build` adds; edges may end at its id. */
  subgraph(text: string, build: () => void): string {
    const id = `g${this.groups++}`;
    this.line(`subgraph ${id}["${label(text, this.unnamed)}"]`);
    this.depth++;
    build();
    this.depth--;
    this.line('end');
    return id;
  }

  edge(from: string, to: string, options: EdgeOptions = {}): void {
    const arrow = options.directed === false ? '---' : '-->';
    const text = options.label ? `|"${label(options.label, this.unnamed)}"|` : '';
    this.line(`${from} ${arrow}${text} ${to}`);
    if (options.style) {
      const key = linkStyleText(options.style);
      const entry = this.edgeStyles.get(key) ?? { style: options.style, indices: [] };
      entry.indices.push(this.edges);
      this.edgeStyles.set(key, entry);
    }
    this.edges++;
  }

  toString(): string {
    const out = ['flowchart ' + this.direction, `  accTitle: ${accessibleText(this.title)}`, `  accDescr: ${accessibleText(this.description)}`];
    out.push(...this.body);
    for (const [name, { style, ids }] of this.classMembers) {
      out.push(`  classDef ${name} ${classDefStyle(style)}`);
      // Long class lists in chunks keep each line short.
      for (let i = 0; i < ids.length; i += 50) out.push(`  class ${ids.slice(i, i + 50).join(',')} ${name}`);
    }
    for (const { style, indices } of this.edgeStyles.values()) out.push(`  linkStyle ${indices.join(',')} ${linkStyleText(style)}`);
    return out.join('\n') + '\n';
  }

  private addClass(id: string, name: string, style: NodeStyle) {
    if (!/^[a-z][a-zA-Z0-9]*$/.test(name)) throw new Error(`Ugyldig klassenavn: ${name}`);
    const entry = this.classMembers.get(name) ?? { style, ids: [] };
    entry.ids.push(id);
    this.classMembers.set(name, entry);
  }

  private line(text: string) {
    this.body.push('  '.repeat(this.depth) + text);
  }
}
