import { byPosition, type ModelIndex } from '../../model/lookup.ts';
import { decisionTrackLabel, type DecisionPoint, type Milestone, type ScopeModel } from '../../model/schemas.ts';
import { ElementLink, PageHeader, SourceLink, TentativeTag } from '../components/common.tsx';

/** The roadmap as a table: each phase, then the milestones and decision points that fall in it. */
export function RoadmapPage({ model, index }: { model: ScopeModel; index: ModelIndex }) {
  const phases = [...model.elements.roadmapPhase].sort((a, b) => a.startsOn.localeCompare(b.startsOn) || byPosition(a, b));
  const items: Array<Milestone | DecisionPoint> = [...model.elements.milestone, ...model.elements.decisionPoint].sort(
    (a, b) => a.startsOn.localeCompare(b.startsOn) || byPosition(a, b),
  );
  const unphased = items.filter((i) => index.get('roadmapPhase', i.phaseId) === undefined);

  const ItemRow = ({ item }: { item: Milestone | DecisionPoint }) => (
    <tr>
      <td>{item.kind === 'milestone' ? 'Milepæl' : `Beslutningspunkt ${item.number} (${decisionTrackLabel[item.track].toLowerCase()})`}</td>
      <td>
        <ElementLink element={item} /> <TentativeTag show={item.tentative} />
      </td>
      <td>{item.startsOn}</td>
      <td>–</td>
      <td>
        <SourceLink source={item.source} />
      </td>
    </tr>
  );

  return (
    <>
      <PageHeader
        title="Veikart"
        lead="Fasene, milepælene og beslutningspunktene fra forprosjektet i 2019 til ambisjonen for 2030. Datoer merket tentativt er lest ut av en tidslinje som bare viser årstall."
        crumbs={[{ href: '/', label: 'Oversikt' }, { label: 'Veikart' }]}
      />
      <section class="table-scroll" tabindex={0} aria-label="Veikart">
        <table class="ds-table roadmap" data-border>
          <caption class="ds-sr-only">Faser, milepæler og beslutningspunkter</caption>
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Navn</th>
              <th scope="col">Fra / dato</th>
              <th scope="col">Til</th>
              <th scope="col">Kilde</th>
            </tr>
          </thead>
          {phases.map((phase) => (
            <tbody>
              <tr class="roadmap__phase">
                <th scope="rowgroup">Fase</th>
                <th scope="row">
                  <ElementLink element={phase} /> <TentativeTag show={phase.tentative} />
                </th>
                <td>{phase.startsOn}</td>
                <td>{phase.endsOn ?? '–'}</td>
                <td>
                  <SourceLink source={phase.source} />
                </td>
              </tr>
              {items
                .filter((i) => i.phaseId === phase.id)
                .map((item) => (
                  <ItemRow item={item} />
                ))}
            </tbody>
          ))}
          {unphased.length > 0 ? (
            <tbody>
              <tr class="roadmap__phase">
                <th scope="rowgroup" colspan={5}>
                  Uten fase
                </th>
              </tr>
              {unphased.map((item) => (
                <ItemRow item={item} />
              ))}
            </tbody>
          ) : null}
        </table>
      </section>
    </>
  );
}
