import { elementHref, kindInfo, type ElementKind } from '../../model/kinds.ts';
import { snippetParts } from '../../model/search.ts';
import { PageHeader } from '../components/common.tsx';

export interface SearchResult {
  kind: ElementKind;
  key: string;
  name: string;
  snippet: string;
}

export function SearchPage({ query, results }: { query: string; results: SearchResult[] }) {
  return (
    <>
      <PageHeader title="Søk" lead="Søk i navn, beskrivelser og kravtekster i hele omfangsmodellen." crumbs={[{ href: '/', label: 'Oversikt' }, { label: 'Søk' }]} />
      <form class="search-form" method="get" action="/sok" role="search">
        <div class="ds-field">
          <label class="ds-label" for="sok-q">
            Søkeord
          </label>
          <input
            class="ds-input"
            type="search"
            id="sok-q"
            name="q"
            value={query}
            autocomplete="off"
            hx-get="/sok"
            hx-trigger="input changed delay:250ms, search"
            hx-target="#sokeresultater"
            hx-swap="outerHTML"
            hx-replace-url="true"
            aria-controls="sokeresultater"
          />
        </div>
        <button class="ds-button" type="submit">
          Søk
        </button>
      </form>
      <SearchResults query={query} results={results} />
    </>
  );
}

/** Results grouped by kind, best match first within each; matches marked. */
export function SearchResults({ query, results }: { query: string; results: SearchResult[] }) {
  const groups = new Map<ElementKind, SearchResult[]>();
  for (const r of results) groups.set(r.kind, [...(groups.get(r.kind) ?? []), r]);
  return (
    <div id="sokeresultater">
      {query === '' ? (
        <p class="ds-paragraph muted">Skriv for å søke.</p>
      ) : results.length === 0 ? (
        <p class="ds-paragraph">Ingen treff for «{query}».</p>
      ) : (
        <>
          <p class="ds-paragraph">
            {results.length} treff for «{query}».
          </p>
          {[...groups].map(([kind, hits]) => (
            <section class="search-group" aria-labelledby={`treff-${kind}`}>
              <h2 id={`treff-${kind}`} class="ds-heading" data-size="xs">
                {kindInfo[kind].plural} ({hits.length})
              </h2>
              <ul class="link-list">
                {hits.map((h) => (
                  <li>
                    <a class="ds-link" href={elementHref(h.kind, h.key)}>
                      {h.name}
                    </a>
                    {h.snippet ? (
                      <div class="muted snippet">
                        {snippetParts(h.snippet).map((p) => (p.match ? <mark>{p.text}</mark> : p.text))}
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
