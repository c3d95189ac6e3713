import type { I18n } from '../../views/i18n/index.ts';
import type { ScopeElement } from '../schemas.ts';
import type { ServiceSelection } from '../matrix.ts';
import type { DiagramFigures } from './figures.ts';
import type { EdgeStyle, NodeStyle } from './mermaid.ts';

export type ElementRef = Pick<ScopeElement, 'kind' | 'key' | 'name'> & { nameEn?: string | null };

/**
 * The words a diagram is written in: the interface's messages (the `diagrams` area of the
 * catalogues), the elements' names and the dates in the interface's language. A type only: the model
 * depends on no catalogue, the caller hands it the request's.
 */
export type DiagramWords = Pick<I18n, 't' | 'name' | 'list' | 'date'>;

/** A cell in the table beside a diagram. The first cell of a row is its header. */
export type Cell =
  | { text: string }
  | ListItem
  | { list: ListItem[]; empty: string }
  /** Too many to list here: a count and where the whole list is (a paged list of services). */
  | { more: { text: string; href?: string | undefined } };

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
  /** When the expanded group has more services than one drawing holds: which of them are drawn. */
  paging?: DiagramPaging | undefined;
}

/** Services `first`–`last` of `total` in the expanded group, page `page` of `pages`. */
export interface DiagramPaging {
  page: number;
  pages: number;
  first: number;
  last: number;
  total: number;
}

export interface DiagramOptions {
  /** Which services the diagram is about. */
  selection?: ServiceSelection;
  /** The id of the collapsed group (category, or top-level capability) to show in full. */
  expandId?: number;
  /** Above this many nodes the diagram collapses to groups. */
  threshold?: number;
  /**
   * The counts over every selected service. Given them, `model` need only hold the services
   * drawn (the server reads one page of them); without them the model is taken to hold every
   * service and is counted in memory.
   */
  figures?: DiagramFigures;
  /** Which page of the expanded group's services to draw (from 1). */
  page?: number;
}

export const DEFAULT_THRESHOLD = 100;

/** At most this many services of an expanded group are drawn at a time; the rest are on further pages. */
export const EXPAND_PAGE = 60;

/** The page of `total` items to show (the last one when asked for one past it). */
export function pageOf(total: number, asked: number | undefined, size = EXPAND_PAGE): DiagramPaging {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, asked ?? 1), pages);
  return { page, pages, first: total === 0 ? 0 : (page - 1) * size + 1, last: Math.min(total, page * size), total };
}

export function ref(e: ElementRef): ElementRef {
  return { kind: e.kind, key: e.key, name: e.name, nameEn: e.nameEn ?? null };
}

/** What a collapsed diagram shows instead of everything. */
export function collapseNote(words: DiagramWords, full: number, threshold: number, shows: 'capabilities' | 'tiers' | 'dependencies'): string {
  return words.t('diagrams.note.collapsed', { full, threshold, shows });
}

/** Which services of the expanded group the diagram draws. */
export function pagingNote(words: DiagramWords, paging: DiagramPaging, group: string): string {
  return words.t('diagrams.note.paging', { first: paging.first, last: paging.last, total: paging.total, group });
}
