import type { Municipality } from '../../model/schemas.ts';
import { BarList } from '../components/bars.tsx';
import { PageHeader, formatNumber } from '../components/common.tsx';
import { useI18n } from '../i18n/index.ts';

export function MunicipalitiesPage({ municipalities }: { municipalities: Municipality[] }) {
  const counties = new Map<string, { name: string; rows: Municipality[] }>();
  for (const m of municipalities) {
    const entry = counties.get(m.countyNumber) ?? { name: m.countyName, rows: [] };
    entry.rows.push(m);
    counties.set(m.countyNumber, entry);
  }
  const total = municipalities.reduce((sum, m) => sum + m.population, 0);
  const ordered = [...counties].sort((a, b) => a[0].localeCompare(b[0]));
  const { t } = useI18n();
  return (
    <>
      <PageHeader
        title={t('scope.title.municipalities')}
        lead={t('scope.municipalities.lead', { count: municipalities.length, population: formatNumber(total) })}
        crumbs={[{ href: '/', label: t('scope.crumb.overview') }, { label: t('scope.title.municipalities') }]}
      />
      <h2 class="ds-heading" data-size="sm">
        {t('scope.municipalities.perCounty')}
      </h2>
      <BarList
        bars={ordered.map(([number, c]) => ({
          label: `${c.name} (${number})`,
          value: c.rows.reduce((s, m) => s + m.population, 0),
        }))}
        unit={t('scope.municipalities.unit')}
      />
      {ordered.map(([number, county]) => (
        <details class="ds-details">
          <summary>
            {t('scope.municipalities.county', { county: county.name, number, count: county.rows.length, population: county.rows.reduce((s, m) => s + m.population, 0) })}
          </summary>
          <div>
            <table class="ds-table" data-border data-zebra>
              <caption class="ds-sr-only">{t('scope.municipalities.caption', { county: county.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('scope.municipalities.number')}</th>
                  <th scope="col">{t('scope.municipalities.name')}</th>
                  <th scope="col" class="num">
                    {t('scope.municipalities.population')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {county.rows.map((m) => (
                  <tr>
                    <td>{m.number}</td>
                    <th scope="row">{m.name}</th>
                    <td class="num">{formatNumber(m.population)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ))}
    </>
  );
}
