import { CheckboxField, ErrorSummary, Notice, TextField, type FieldErrors } from '../components/form.tsx';
import { PageHeader } from '../components/common.tsx';
import { useI18n } from '../i18n/index.ts';

export interface ApiTokenRow {
  id: number;
  name: string;
  readOnly: boolean;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiTokensPageProps {
  tokens: ApiTokenRow[];
  /** The new token's secret, shown once, right after it was made. */
  created?: { name: string; secret: string } | undefined;
  revoked?: string | undefined;
  form?: { name: string; readOnly: boolean } | undefined;
  errors?: FieldErrors | undefined;
}

/** The user's own API tokens: make one (its secret is shown once), see when each was used, revoke. */
export function ApiTokensPage({ tokens, created, revoked, form, errors }: ApiTokensPageProps) {
  const { t, dateTime } = useI18n();
  return (
    <>
      <PageHeader
        title={t('api.tokens.title')}
        lead={t('api.tokens.lead')}
        crumbs={[{ href: '/', label: t('layout.nav.overview') }, { label: t('api.tokens.title') }]}
      />
      {created ? (
        <div class="ds-alert notice" data-color="success" role="status">
          <p class="ds-paragraph">
            {t('api.tokens.created', { name: created.name })}
          </p>
          <p class="ds-paragraph">
            <code class="token-secret">{created.secret}</code>
          </p>
        </div>
      ) : null}
      {revoked ? <Notice color="success">{t('api.tokens.revoked', { name: revoked })}</Notice> : null}
      <section aria-labelledby="nytt-token">
        <h2 class="ds-heading" data-size="sm" id="nytt-token">
          {t('api.tokens.new')}
        </h2>
        <form method="post" action="/konto/tokener" novalidate>
          <ErrorSummary errors={errors} labels={{ name: t('api.tokens.name') }} />
          <TextField name="name" label={t('api.tokens.name')} description={t('api.tokens.nameHelp')} value={form?.name} errors={errors} />
          <CheckboxField
            name="readOnly"
            label={t('api.tokens.readOnly')}
            checked={form?.readOnly ?? true}
            description={t('api.tokens.readOnlyHelp')}
          />
          <button class="ds-button" type="submit">
            {t('api.tokens.create')}
          </button>
        </form>
      </section>
      <section aria-labelledby="mine-tokener">
        <h2 class="ds-heading" data-size="sm" id="mine-tokener">
          {t('api.tokens.mine')}
        </h2>
        {tokens.length === 0 ? (
          <p class="ds-paragraph muted">{t('api.tokens.none')}</p>
        ) : (
          <div class="table-scroll">
            <table class="ds-table" data-border>
              <thead>
                <tr>
                  <th scope="col">{t('api.tokens.name')}</th>
                  <th scope="col">{t('api.tokens.access')}</th>
                  <th scope="col">{t('api.tokens.createdAt')}</th>
                  <th scope="col">{t('api.tokens.lastUsed')}</th>
                  <th scope="col">{t('api.tokens.status')}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((row) => (
                  <tr>
                    <th scope="row">{row.name}</th>
                    <td>{row.readOnly ? t('api.tokens.accessReadOnly') : t('api.tokens.accessWrite')}</td>
                    <td>
                      {dateTime(row.createdAt)}
                    </td>
                    <td>{row.lastUsedAt ? dateTime(row.lastUsedAt) : t('api.tokens.never')}</td>
                    <td>
                      {row.revokedAt ? (
                        t('api.tokens.revokedAt', { at: dateTime(row.revokedAt) })
                      ) : (
                        <form method="post" action={`/konto/tokener/${row.id}/trekk-tilbake`}>
                          <button class="ds-button" data-variant="secondary" type="submit" aria-label={t('api.tokens.revokeLabel', { name: row.name })}>
                            {t('api.tokens.revoke')}
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
