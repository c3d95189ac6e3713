import type { PortfolioStatus } from '../schemas.ts';
import type { EdgeStyle, NodeStyle } from './mermaid.ts';

/**
 * The diagrams' colours, one place for Mermaid and the legends. Text is dark on light fills
 * (or white on dark), well above 4.5:1; and no meaning rests on colour alone: open and
 * tentative things are dashed, need levels differ in width and dash, statuses are written
 * in the labels.
 */
export const nodeStyles = {
  part: { fill: '#dce8f5', stroke: '#1e4b7a', strokeWidth: 2, color: '#0b1f33' },
  capability: { fill: '#ffffff', stroke: '#4a5a6a', strokeWidth: 1, color: '#1a1a1a' },
  category: { fill: '#e8f3e8', stroke: '#2e6b30', strokeWidth: 1, color: '#10240f' },
  service: { fill: '#ffffff', stroke: '#1e4b7a', strokeWidth: 1, color: '#1a1a1a' },
  serviceTentative: { fill: '#ffffff', stroke: '#1e4b7a', strokeWidth: 1, color: '#1a1a1a', dash: '6 3' },
  tier: { fill: '#1e4b7a', stroke: '#0b1f33', strokeWidth: 2, color: '#ffffff' },
  tierLater: { fill: '#4a5a6a', stroke: '#1a1a1a', strokeWidth: 2, color: '#ffffff' },
  actor: { fill: '#f1e9f8', stroke: '#5b2a86', strokeWidth: 1, color: '#24103a' },
  group: { fill: '#fdf1e3', stroke: '#8a4b00', strokeWidth: 1, color: '#2e1a00' },
  open: { fill: '#f4f4f4', stroke: '#5c5c5c', strokeWidth: 1, color: '#1a1a1a', dash: '5 5' },
  statusGreen: { fill: '#e3f4e6', stroke: '#1a7f37', strokeWidth: 2, color: '#0d2e14' },
  statusYellow: { fill: '#fff3cc', stroke: '#8a6100', strokeWidth: 2, color: '#2e2000' },
  statusRed: { fill: '#fde4e2', stroke: '#b3261e', strokeWidth: 2, color: '#3a0b08' },
  statusUnknown: { fill: '#f4f4f4', stroke: '#5c5c5c', strokeWidth: 2, color: '#1a1a1a', dash: '2 3' },
  risk: { fill: '#fde4e2', stroke: '#7a1010', strokeWidth: 4, color: '#3a0b08' },
} satisfies Record<string, NodeStyle>;

export type NodeStyleName = keyof typeof nodeStyles;

export function style(name: NodeStyleName): [string, NodeStyle] {
  return [name, nodeStyles[name]];
}

export const statusStyle: Record<PortfolioStatus, NodeStyleName> = {
  Grønn: 'statusGreen',
  Gul: 'statusYellow',
  Rød: 'statusRed',
};

/** Need levels by rank (1 = smallest); 0 is "not assessed". Higher ranks draw heavier lines. */
export const needEdgeStyles: EdgeStyle[] = [
  { stroke: '#5c5c5c', strokeWidth: 1.5 },
  { stroke: '#1a7f37', strokeWidth: 2 },
  { stroke: '#8a6100', strokeWidth: 3.5, dash: '10 4' },
  { stroke: '#b3261e', strokeWidth: 5 },
];

export function needEdgeStyle(rank: number | undefined): EdgeStyle {
  return needEdgeStyles[Math.max(0, Math.min(rank ?? 0, needEdgeStyles.length - 1))]!;
}

export const edgeStyles = {
  /** A link the model still lacks. */
  open: { stroke: '#5c5c5c', strokeWidth: 1.5, dash: '2 6' },
  plain: { stroke: '#4a5a6a', strokeWidth: 1.5 },
} satisfies Record<string, EdgeStyle>;
