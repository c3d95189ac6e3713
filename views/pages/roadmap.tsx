import { byPosition, type ModelIndex } from '../../model/lookup.ts';
import { type DecisionPoint, type Milestone, type ScopeModel } from '../../model/schemas.ts';
import { ElementLink, PageHeader, SourceLink, TentativeTag } from '../components/common.tsx';
import { DateText } from '../components/dates.tsx';
import { useI18n } from '../i18n/index.ts';

/** The roadmap as a table: each phase, then the milestones and decision points that fall in it. */
export function RoadmapPage({ model, index }: { model: ScopeModel; index: ModelIndex }) {
  const phases = [...model.elements.roadmapPhase].sort((a, b) => a.startsOn.localeCompare(b.startsOn) || byPosition(a, b));
  const items: Array<Milestone | DecisionPoint> = [...model.elements.milestone, ...model.elements.decisionPoint].sort(
    (a, b) => a.startsOn.localeCompare(b.startsOn) || byPosition(a, b),
  );
  const unphased = items.filter((i) => index.get('roadmapPhase', i.phaseId) === undefined);
  const { t } = useI18n();

  const ItemRow = ({ item }: { item: Milestone | DecisionPoint }) => (
    <tr>
      <td>{item.kind === 'milestone' ? t('roadmap.milestone') : t('roadmap.decisionPoint', { number: item.number, track: t(`domain.decisionTrack.${item.track}`).toLowerCase() })}</td>
      <td>
        <ElementLink element={item} /> <TentativeTag show={item.tentative} />
      </td>
      <td>
        <DateText date={item.startsOn} />
      </td>
      <td>–</td>
      <td>
        <SourceLink source={item.source} />
      </td>
    </tr>
  );

  return (
    <>
      <PageHeader
        title={t('roadmap.title')}
        lead={t('roadmap.lead')}
        crumbs={[{ href: '/', label: t('layout.nav.overview') }, { label: t('roadmap.title') }]}
      />
      <section class="table-scroll" tabindex={0} aria-label={t('roadmap.title')}>
        <table class="ds-table roadmap" data-border>
          <caption class="ds-sr-only">{t('roadmap.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('roadmap.column.kind')}</th>
              <th scope="col">{t('roadmap.column.name')}</th>
              <th scope="col">{t('roadmap.column.from')}</th>
              <th scope="col">{t('roadmap.column.to')}</th>
              <th scope="col">{t('roadmap.column.source')}</th>
            </tr>
          </thead>
          {phases.map((phase) => (
            <tbody>
              <tr class="roadmap__phase">
                <th scope="rowgroup">{t('roadmap.phase')}</th>
                <th scope="row">
                  <ElementLink element={phase} /> <TentativeTag show={phase.tentative} />
                </th>
                <td>
                  <DateText date={phase.startsOn} />
                </td>
                <td>
                  <DateText date={phase.endsOn} />
                </td>
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
                  {t('roadmap.noPhase')}
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
