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
        title="Omfanget av Akson"
        lead="Felles kommunal journal og helhetlig samhandling: hva som er med, hvordan det henger sammen, og hva som mangler."
      />

      <section aria-labelledby="tall">
        <h2 id="tall" class="ds-heading" data-size="md">
          Omfanget i tall
        </h2>
        <ul class="count-grid">
          {elementKinds.map((kind) => (
            <li class="ds-card count-card" data-variant="tinted">
              <a class="ds-link" href={`/${kindInfo[kind].path}`}>
                <span class="count-card__number">{overview.kindCounts.get(kind) ?? 0}</span>
                <span class="count-card__label">{kindInfo[kind].plural}</span>
              </a>
            </li>
          ))}
          <li class="ds-card count-card" data-variant="tinted">
            <a class="ds-link" href="/kommuner">
              <span class="count-card__number">{overview.municipalities}</span>
              <span class="count-card__label">Kommuner</span>
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="forste-leveranse">
        <h2 id="forste-leveranse" class="ds-heading" data-size="md">
          Første leveranse per trinn og kategori <TentativeTag show={tiers.some((t) => t.tentative)} />
        </h2>
        <p class="ds-paragraph">
          Informasjonstjenestene som bør være implementert i første leveranse i Akson, slik lysarket fordeler dem.
          Lysarket er merket «TENTATIVT, ER UNDER ARBEID».
        </p>
        <BarList
          bars={tiers.map((t) => ({
            label: t.name,
            value: overview.tierCounts.get(t.id) ?? 0,
            href: `/leveransetrinn/${t.key}`,
          }))}
          unit=" tjenester"
        />
        <section class="table-scroll" tabindex={0} aria-label="Tabell: informasjonstjenester per informasjonskategori og leveransetrinn">
          <table class="ds-table first-delivery" data-border>
            <caption class="ds-sr-only">Informasjonstjenester per informasjonskategori og leveransetrinn</caption>
            <thead>
              <tr>
                <th scope="col">Kategori</th>
                {tiers.map((t) => (
                  <th scope="col">
                    <ElementLink element={t} />
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
                            <span class="ds-sr-only">{useI18n().t('common.empty')}</span>
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
                                  og {total - cell.length} til
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
          Hull i modellen ({gapTotal})
        </h2>
        <ul class="gap-summary">
          {sections.map((s) => (
            <li>
              <a class="ds-link" href={`/gapanalyse#${s.id}`}>
                {s.title}
              </a>{' '}
              <span class="ds-tag" data-size="sm" data-color={s.total === 0 ? 'success' : s.informational ? 'info' : 'warning'}>
                {s.total}
              </span>
            </li>
          ))}
        </ul>
        <p class="ds-paragraph">
          <a class="ds-link" href="/gapanalyse">
            Se hele gapanalysen
          </a>
        </p>
      </section>
    </>
  );
}
