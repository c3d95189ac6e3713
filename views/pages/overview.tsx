import { elementKinds, kindInfo } from '../../model/kinds.ts';
import { byPosition } from '../../model/lookup.ts';
import type { LoadedGaps } from '../../src/db/queries/gaps.ts';
import type { Overview } from '../../src/db/queries/overview.ts';
import { BarList } from '../components/bars.tsx';
import { ElementLink, PageHeader, TentativeTag } from '../components/common.tsx';
import { gapSections } from './gaps.tsx';
import { useI18n } from '../i18n/index.ts';

export function OverviewPage({ overview, gaps }: { overview: Overview; gaps: LoadedGaps }) {
  const { model } = overview;
  const { t, tx, number, name } = useI18n();
  const tiers = [...model.elements.deliveryTier].sort(byPosition);
  const categories = [...model.elements.informationCategory].sort(byPosition);
  // The overview reads only the first few services of each cell; the counts come from SQL.
  const services = [...model.elements.informationService].sort(byPosition);
  const inCell = (tierId: number, categoryId: number) => services.filter((s) => s.tierId === tierId && s.categoryId === categoryId);
  const sections = gapSections(gaps.gaps, gaps.counts);
  const gapTotal = sections.filter((s) => !s.informational).reduce((sum, s) => sum + s.total, 0);

  return (
    <>
      <PageHeader
        title={t('scope.overview.title')}
        lead={t('scope.overview.lead')}
      />

      <section aria-labelledby="tall">
        <h2 id="tall" class="ds-heading" data-size="md">
          {t('scope.overview.counts')}
        </h2>
        <ul class="count-grid">
          {elementKinds.map((kind) => (
            <li class="ds-card count-card" data-variant="tinted">
              <a class="ds-link" href={`/${kindInfo[kind].path}`}>
                <span class="count-card__number">{number(overview.kindCounts.get(kind) ?? 0)}</span>
                <span class="count-card__label">{t(`kinds.${kind}.plural`)}</span>
              </a>
            </li>
          ))}
          <li class="ds-card count-card" data-variant="tinted">
            <a class="ds-link" href="/kommuner">
              <span class="count-card__number">{number(overview.municipalities)}</span>
              <span class="count-card__label">{t('scope.overview.municipalities')}</span>
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="forste-leveranse">
        <h2 id="forste-leveranse" class="ds-heading" data-size="md">
          {t('scope.overview.firstDelivery')} <TentativeTag show={tiers.some((tier) => tier.tentative)} />
        </h2>
        <p class="ds-paragraph">
          {tx('scope.overview.firstDeliveryText', { slide: (text) => <span lang="nb">{text}</span> })}
        </p>
        <BarList
          bars={tiers.map((tier) => ({
            label: name(tier),
            value: overview.tierCounts.get(tier.id) ?? 0,
            href: `/leveransetrinn/${tier.key}`,
          }))}
          unit={t('scope.overview.unit')}
        />
        <section class="table-scroll" tabindex={0} aria-label={t('scope.overview.tableLabel')}>
          <table class="ds-table first-delivery" data-border>
            <caption class="ds-sr-only">{t('scope.overview.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scope.overview.category')}</th>
                {tiers.map((tier) => (
                  <th scope="col">
                    <ElementLink element={tier} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {categories.map((category) => (
                <tr>
                  <th scope="row">
                    <ElementLink element={category} />
                  </th>
                  {tiers.map((tier) => {
                    const cell = inCell(tier.id, category.id);
                    const total = overview.cellCounts.get(`${tier.id}:${category.id}`) ?? 0;
                    return (
                      <td>
                        {total === 0 ? (
                          <span class="muted">
                            <span aria-hidden="true">–</span>
                            <span class="ds-sr-only">{t('common.empty')}</span>
                          </span>
                        ) : (
                          <ul class="cell-list">
                            {cell.map((s) => (
                              <li>
                                <ElementLink element={s} />
                              </li>
                            ))}
                            {total > cell.length ? (
                              <li>
                                <a class="ds-link" href={`/informasjonstjenester?tier=${tier.key}&category=${category.key}`}>
                                  {t('scope.overview.more', { count: total - cell.length })}
                                </a>
                              </li>
                            ) : null}
                          </ul>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>

      <section aria-labelledby="hull">
        <h2 id="hull" class="ds-heading" data-size="md">
          {t('scope.overview.gaps', { count: gapTotal })}
        </h2>
        <ul class="gap-summary">
          {sections.map((s) => (
            <li>
              <a class="ds-link" href={`/gapanalyse#${s.id}`}>
                {s.title}
              </a>{' '}
              <span class="ds-tag" data-size="sm" data-color={s.total === 0 ? 'success' : s.informational ? 'info' : 'warning'}>
                {number(s.total)}
              </span>
            </li>
          ))}
        </ul>
        <p class="ds-paragraph">
          <a class="ds-link" href="/gapanalyse">
            {t('scope.overview.allGaps')}
          </a>
        </p>
      </section>
    </>
  );
}
