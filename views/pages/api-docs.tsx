import { openApiPath, type ApiOperation } from '../../model/exchange/openapi.ts';
import { PageHeader } from '../components/common.tsx';
import { useI18n } from '../i18n/index.ts';

/** The JSON API for people: what each route does, whether it changes data, how to get access. */
export function ApiDocsPage({ operations }: { operations: readonly ApiOperation[] }) {
  const { t, tx } = useI18n();
  return (
    <>
      <PageHeader
        title={t('api.docs.title')}
        lead={t('api.docs.lead')}
        crumbs={[{ href: '/', label: t('layout.nav.overview') }, { label: t('api.docs.title') }]}
      />
      <section aria-labelledby="api-tilgang">
        <h2 class="ds-heading" data-size="sm" id="api-tilgang">
          {t('api.docs.access')}
        </h2>
        <p class="ds-paragraph">
          {tx('api.docs.accessText', {
            code: (chunks) => <code>{chunks}</code>,
            tokens: (chunks) => (
              <a class="ds-link" href="/konto/tokener">
                {chunks}
              </a>
            ),
          })}
        </p>
        <p class="ds-paragraph">{tx('api.docs.errorShape', { code: (chunks) => <code>{chunks}</code> })}</p>
        <p class="ds-paragraph">
          <a class="ds-link" href="/api/openapi.json">
            {t('api.docs.openApiLink')}
          </a>
        </p>
      </section>
      <section aria-labelledby="api-ruter">
        <h2 class="ds-heading" data-size="sm" id="api-ruter">
          {t('api.docs.routes')}
        </h2>
        <div class="table-scroll">
          <table class="ds-table" data-border>
            <thead>
              <tr>
                <th scope="col">{t('api.docs.route')}</th>
                <th scope="col">{t('api.docs.does')}</th>
                <th scope="col">{t('api.docs.writes')}</th>
              </tr>
            </thead>
            <tbody>
              {operations.map((op) => (
                <tr>
                  <th scope="row">
                    <code>{`${op.method.toUpperCase()} ${openApiPath(op.path)}`}</code>
                  </th>
                  <td>
                    {t(op.summary)}
                    {op.description ? <p class="ds-paragraph muted">{t(op.description)}</p> : null}
                  </td>
                  <td>{op.writes ? t('common.yes') : t('common.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
