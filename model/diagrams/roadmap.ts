import { byPosition, type ModelIndex } from '../lookup.ts';
import type { DecisionPoint, Milestone, RoadmapPhase, ScopeModel } from '../schemas.ts';
import { accessibleText, ganttLabel, inLabel } from './mermaid.ts';
import { ref, type Cell, type Diagram, type DiagramWords } from './types.ts';

export interface RoadmapOptions {
  phaseId?: number;
  track?: DecisionPoint['track'];
}

type Item = Milestone | DecisionPoint;

const trackLetter: Record<DecisionPoint['track'], string> = { journal: 'J', samhandling: 'S' };

function itemLabel({ t, name: nameOf }: DiagramWords, item: Item): string {
  const name = item.tentative || item.kind === 'decisionPoint' ? inLabel(nameOf(item)) : nameOf(item);
  const text = item.kind === 'decisionPoint' ? t('diagrams.roadmap.decisionLabel', { letter: trackLetter[item.track], number: item.number, name }) : name;
  return item.tentative ? t('diagrams.roadmap.tentativeLabel', { name: text }) : text;
}

/** A phase lasts at least a day, so an unfinished or inverted range still draws. */
function phaseDates(phase: RoadmapPhase): string {
  return phase.endsOn && phase.endsOn >= phase.startsOn ? `${phase.startsOn}, ${phase.endsOn}` : `${phase.startsOn}, 1d`;
}

/**
 * The roadmap as a Gantt chart: one section per phase with the phase's bar, then its milestones
 * and decision points as diamonds (decision points in red and named "Beslutning J1" / "S1" for
 * the record and collaboration tracks). Tentative dates are lighter and marked "(tent.)".
 */
export function roadmapGantt(model: ScopeModel, index: ModelIndex, words: DiagramWords, options: RoadmapOptions = {}): Diagram {
  const { t, name, date } = words;
  const byDate = (a: { startsOn: string; position: number; id: number }, b: { startsOn: string; position: number; id: number }) =>
    a.startsOn.localeCompare(b.startsOn) || byPosition(a, b);
  const phases = [...model.elements.roadmapPhase].sort(byDate).filter((p) => options.phaseId === undefined || p.id === options.phaseId);
  const items: Item[] = [...model.elements.milestone, ...model.elements.decisionPoint]
    .filter((i) => options.track === undefined || i.kind === 'milestone' || i.track === options.track)
    .sort(byDate);
  const phaseOf = (i: Item) => (index.get('roadmapPhase', i.phaseId) ? i.phaseId : null);
  const sections: Array<{ phase: RoadmapPhase | undefined; items: Item[] }> = phases.map((p) => ({
    phase: p,
    items: items.filter((i) => phaseOf(i) === p.id),
  }));
  const unphased = items.filter((i) => phaseOf(i) === null);
  if (options.phaseId === undefined && unphased.length > 0) sections.push({ phase: undefined, items: unphased });

  const title = t('diagrams.roadmap.title');
  const count = sections.reduce((n, s) => n + s.items.length, 0);
  const description = t('diagrams.roadmap.description', { phases: phases.length, count, track: options.track ?? 'all' });
  const lines = [
    'gantt',
    `  accTitle: ${accessibleText(title)}`,
    `  accDescr: ${accessibleText(description)}`,
    '  dateFormat YYYY-MM-DD',
    '  axisFormat %Y',
    '  tickInterval 1year',
    '  inclusiveEndDates',
    '  todayMarker off',
  ];
  let tasks = 0;
  const unnamed = t('diagrams.unnamed');
  const rows: Cell[][] = [];
  for (const { phase, items: list } of sections) {
    lines.push(`  section ${ganttLabel(phase ? name(phase) : t('diagrams.roadmap.noPhase'), unnamed)}`);
    if (phase) {
      const tags = phase.tentative ? 'active, ' : '';
      lines.push(`    ${ganttLabel(phase.tentative ? t('diagrams.roadmap.tentativeLabel', { name: inLabel(name(phase)) }) : name(phase), unnamed)}:${tags}t${tasks++}, ${phaseDates(phase)}`);
      rows.push([{ element: ref(phase), note: phase.tentative ? t('diagrams.roadmap.tentative') : undefined }, { text: t('diagrams.roadmap.type.phase') }, { text: date(phase.startsOn) }, { text: phase.endsOn ? date(phase.endsOn) : '–' }]);
    }
    for (const item of list) {
      const tags = [item.kind === 'decisionPoint' ? 'crit' : '', item.tentative ? 'active' : '', 'milestone'].filter(Boolean).join(', ');
      lines.push(`    ${ganttLabel(itemLabel(words, item), unnamed)}:${tags}, t${tasks++}, ${item.startsOn}, 0d`);
      rows.push([
        { element: ref(item), note: item.tentative ? t('diagrams.roadmap.tentative') : undefined },
        { text: item.kind === 'milestone' ? t('diagrams.roadmap.type.milestone') : t('diagrams.roadmap.type.decision', { letter: trackLetter[item.track], number: item.number, track: item.track }) },
        { text: date(item.startsOn) },
        { text: '–' },
      ]);
    }
  }

  const notes: string[] = [];
  if (tasks === 0) notes.push(t('diagrams.roadmap.note.noneMatch'));
  if (sections.some((s) => s.phase?.tentative) || items.some((i) => i.tentative)) {
    notes.push(t('diagrams.roadmap.note.tentative'));
  }

  return {
    title,
    description,
    source: lines.join('\n') + '\n',
    nodeCount: tasks,
    collapsed: false,
    notes,
    legend: [
      { label: t('diagrams.roadmap.legend.phase'), marker: 'bar' },
      { label: t('diagrams.roadmap.legend.milestone'), marker: 'milestone' },
      { label: t('diagrams.roadmap.legend.decision'), marker: 'decision' },
    ],
    table: {
      caption: t('diagrams.roadmap.caption'),
      columns: [t('diagrams.roadmap.col.name'), t('diagrams.roadmap.col.type'), t('diagrams.roadmap.col.from'), t('diagrams.roadmap.col.to')],
      rows,
    },
  };
}
