import type { ScopeElement } from '../schemas.ts';
import type { ServiceSelection } from '../matrix.ts';
import type { EdgeStyle, NodeStyle } from './mermaid.ts';

export type ElementRef = Pick<ScopeElement, 'kind' | 'key' | 'name'>;

/** A cell in the table beside a diagram. The first cell of a row is its header. */
export type Cell =
  | { text: string }
  | ListItem
  | { list: ListItem[]; empty: string };

export interface ListItem {
  element: ElementRef;
  note?: string | undefined;
  /** A link that redraws a collapsed diagram with this group expanded. */
  expand?: { key: string; text: string } | undefined;
}

export interface DiagramTable {
  caption: string;
  columns: string[];
  rows: Cell[][];
}

/** One entry of a legend: a node style, an edge style or a marker, and what it means. */
export interface LegendEntry {
  label: string;
  node?: NodeStyle;
  edge?: EdgeStyle;
  /** A Gantt shape, drawn by the legend itself. */
  marker?: 'bar' | 'milestone' | 'decision';
}

/** A diagram ready to draw: Mermaid text plus the same content for people who cannot see it. */
export interface Diagram {
  title: string;
  /** Also Mermaid's accDescr: what the diagram shows, in one or two sentences. */
  description: string;
  source: string;
  /** The number of nodes (or Gantt tasks) Mermaid draws. */
  nodeCount: number;
  /** True when the diagram was too large and shows groups instead of every element. */
  collapsed: boolean;
  /** What the reader should know: what is missing, what was collapsed and how to expand it. */
  notes: string[];
  legend: LegendEntry[];
  table: DiagramTable;
}

export interface DiagramOptions {
  /** Which services the diagram is about. */
  selection?: ServiceSelection;
  /** The id of the collapsed group (category, or top-level capability) to show in full. */
  expandId?: number;
  /** Above this many nodes the diagram collapses to groups. */
  threshold?: number;
}

export const DEFAULT_THRESHOLD = 100;

export function ref(e: ElementRef): ElementRef {
  return { kind: e.kind, key: e.key, name: e.name };
}

export function collapseNote(full: number, threshold: number, groups: string): string {
  return `Diagrammet ville fått ${full} noder, over grensen på ${threshold}, og viser derfor ${groups}. Velg «Vis i diagrammet» i tabellen for å se innholdet i én av dem.`;
}
