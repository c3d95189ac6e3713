import { openApiPath, type ApiOperation } from '../../model/exchange/openapi.ts';
import { PageHeader } from '../components/common.tsx';

/** The JSON API for people: what each route does, what it takes and answers, how to sign in. */
export function ApiDocsPage({ operations }: { operations: readonly ApiOperation[] }) {
  return (
    <>
      <PageHeader
        title="API-dokumentasjon"
        lead="Et JSON-API for skript og integrasjoner. Den maskinlesbare beskrivelsen er OpenAPI 3.1."
        crumbs={[{ href: '/', label: 'Oversikt' }, { label: 'API-dokumentasjon' }]}
      />
      <section aria-labelledby="api-tilgang">
        <h2 class="ds-heading" data-size="sm" id="api-tilgang">
          Tilgang
        </h2>
        <p class="ds-paragraph">
          Det publiserte omfanget kan leses uten innlogging når installasjonen tillater det. Alt annet krever et personlig
          API-token, sendt som <code>Authorization: Bearer &lt;token&gt;</code>. Et token har samme rolle og tilknytning som brukeren
          som lagde det, og kan begrenses til lesing.
        </p>
        <p class="ds-paragraph">
          <a href="/api/openapi.json">OpenAPI-beskrivelsen (JSON)</a>
        </p>
        <p class="ds-paragraph">
          Feil har alltid formen <code>{'{ "error": { "code", "message", "fields" } }'}</code>.
        </p>
      </section>
      <section aria-labelledby="api-ruter">
        <h2 class="ds-heading" data-size="sm" id="api-ruter">
          Ruter
        </h2>
        <div class="table-scroll">
          <table class="ds-table" data-border>
            <thead>
              <tr>
                <th scope="col">Metode og adresse</th>
                <th scope="col">Hva den gjør</th>
                <th scope="col">Skriver</th>
              </tr>
            </thead>
            <tbody>
              {operations.map((op) => (
                <tr>
                  <th scope="row">
                    <code>
                      {op.method.toUpperCase()} {openApiPath(op.path)}
                    </code>
                  </th>
                  <td>
                    {op.summary}
                    {op.description ? <p class="ds-paragraph muted">{op.description}</p> : null}
                  </td>
                  <td>{op.writes ? 'Ja' : 'Nei'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
