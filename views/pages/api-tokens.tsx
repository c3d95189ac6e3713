import { DateTimeText } from '../components/dates.tsx';
import { CheckboxField, ErrorSummary, Notice, TextField, type FieldErrors } from '../components/form.tsx';
import { PageHeader } from '../components/common.tsx';

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
  return (
    <>
      <PageHeader
        title="API-tokener"
        lead="Personlige tokener for skript og integrasjoner mot API-et. Et token har din rolle og tilknytning, og kan begrenses til lesing."
        crumbs={[{ href: '/', label: 'Oversikt' }, { label: 'API-tokener' }]}
      />
      {created ? (
        <div class="ds-alert notice" data-color="success" role="status">
          <p class="ds-paragraph">
            Tokenet «{created.name}» er laget. Kopier det nå: det vises ikke igjen, og bare et fingeravtrykk av det er lagret.
          </p>
          <p class="ds-paragraph">
            <code class="token-secret">{created.secret}</code>
          </p>
        </div>
      ) : null}
      {revoked ? <Notice color="success">Tokenet «{revoked}» er trukket tilbake og virker ikke lenger.</Notice> : null}
      <section aria-labelledby="nytt-token">
        <h2 class="ds-heading" data-size="sm" id="nytt-token">
          Nytt token
        </h2>
        <form method="post" action="/konto/tokener" novalidate>
          <ErrorSummary errors={errors} labels={{ name: 'Navn' }} />
          <TextField name="name" label="Navn" description="Hva tokenet brukes til, for eksempel «Nattlig eksport»." value={form?.name} errors={errors} />
          <CheckboxField
            name="readOnly"
            label="Bare lesing"
            checked={form?.readOnly ?? true}
            description="Et token for lesing blir avvist (403) om det brukes til å endre noe."
          />
          <button class="ds-button" type="submit">
            Lag token
          </button>
        </form>
      </section>
      <section aria-labelledby="mine-tokener">
        <h2 class="ds-heading" data-size="sm" id="mine-tokener">
          Mine tokener
        </h2>
        {tokens.length === 0 ? (
          <p class="ds-paragraph muted">Du har ingen tokener.</p>
        ) : (
          <div class="table-scroll">
            <table class="ds-table" data-border>
              <thead>
                <tr>
                  <th scope="col">Navn</th>
                  <th scope="col">Tilgang</th>
                  <th scope="col">Laget</th>
                  <th scope="col">Sist brukt</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => (
                  <tr>
                    <th scope="row">{t.name}</th>
                    <td>{t.readOnly ? 'Bare lesing' : 'Lesing og endring'}</td>
                    <td>
                      <DateTimeText at={t.createdAt} />
                    </td>
                    <td>{t.lastUsedAt ? <DateTimeText at={t.lastUsedAt} /> : 'Aldri'}</td>
                    <td>
                      {t.revokedAt ? (
                        <>
                          Trukket tilbake <DateTimeText at={t.revokedAt} />
                        </>
                      ) : (
                        <form method="post" action={`/konto/tokener/${t.id}/trekk-tilbake`}>
                          <button class="ds-button" data-variant="secondary" type="submit" aria-label={`Trekk tilbake tokenet ${t.name}`}>
                            Trekk tilbake
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
