import { byPosition, type ModelIndex } from '../lookup.ts';
import { decisionTrackLabel, type DecisionPoint, type Milestone, type RoadmapPhase, type ScopeModel } from '../schemas.ts';
import { plural } from './common.ts';
import { accessibleText, ganttLabel, inLabel } from './mermaid.ts';
import { ref, type Cell, type Diagram } from './types.ts';

export interface RoadmapOptions {
  phaseId?: number;
  track?: DecisionPoint['track'];
}

type Item = Milestone | DecisionPoint;

const trackLetter: Record<DecisionPoint['track'], string> = { journal: 'J', samhandling: 'S' };

function itemLabel(item: Item): string {
  const name = item.tentative || item.kind === 'decisionPoint' ? inLabel(item.name) : item.name;
  const text = item.kind === 'decisionPoint' ? `Beslutning ${trackLetter[item.track]}${item.number} – ${name}` : name;
  return item.tentative ? `${text} (tent.)` : text;
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
export function roadmapGantt(model: ScopeModel, index: ModelIndex, options: RoadmapOptions = {}): Diagram {
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

  const title = 'Veikart 2019–2030: faser, milepæler og beslutningspunkter';
  const count = sections.reduce((n, s) => n + s.items.length, 0);
  const description = `Gantt-diagram med ${plural(phases.length, 'fase', 'faser')} og ${plural(count, 'milepæl eller beslutningspunkt', 'milepæler og beslutningspunkter')}${options.track ? ` (beslutningspunkter for ${decisionTrackLabel[options.track].toLowerCase()})` : ''}.`;
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
  const rows: Cell[][] = [];
  for (const { phase, items: list } of sections) {
    lines.push(`  section ${ganttLabel(phase ? phase.name : 'Uten fase')}`);
    if (phase) {
      const tags = phase.tentative ? 'active, ' : '';
      lines.push(`    ${ganttLabel(phase.tentative ? `${inLabel(phase.name)} (tent.)` : phase.name)}:${tags}t${tasks++}, ${phaseDates(phase)}`);
      rows.push([{ element: ref(phase), note: phase.tentative ? 'tentativ' : undefined }, { text: 'Fase' }, { text: phase.startsOn }, { text: phase.endsOn ?? '–' }]);
    }
    for (const item of list) {
      const tags = [item.kind === 'decisionPoint' ? 'crit' : '', item.tentative ? 'active' : '', 'milestone'].filter(Boolean).join(', ');
      lines.push(`    ${ganttLabel(itemLabel(item))}:${tags}, t${tasks++}, ${item.startsOn}, 0d`);
      rows.push([
        { element: ref(item), note: item.tentative ? 'tentativ' : undefined },
        { text: item.kind === 'milestone' ? 'Milepæl' : `Beslutningspunkt ${trackLetter[item.track]}${item.number} (${decisionTrackLabel[item.track].toLowerCase()})` },
        { text: item.startsOn },
        { text: '–' },
      ]);
    }
  }

  const notes: string[] = [];
  if (tasks === 0) notes.push('Ingen faser, milepæler eller beslutningspunkter passer filteret.');
  if (sections.some((s) => s.phase?.tentative) || items.some((i) => i.tentative)) {
    notes.push('Datoer merket «tent.» er lest ut av en tidslinje som bare viser årstall, og er tentative.');
  }

  return {
    title,
    description,
    source: lines.join('\n') + '\n',
    nodeCount: tasks,
    collapsed: false,
    notes,
    legend: [
      { label: 'Fase (stolpe); lysere farge og «(tent.)»: tentativ', marker: 'bar' },
      { label: 'Milepæl (rute)', marker: 'milestone' },
      { label: 'Beslutningspunkt (rød rute, «Beslutning J» for journalløsningen, «S» for samhandling)', marker: 'decision' },
    ],
    table: {
      caption: 'Faser, milepæler og beslutningspunkter i veikartet',
      columns: ['Navn', 'Type', 'Fra / dato', 'Til'],
      rows,
    },
  };
}
