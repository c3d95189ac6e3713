import { elementHref, type ElementKind } from '../../model/kinds.ts';
import { snippetParts } from '../../model/search.ts';
import { PageHeader } from '../components/common.tsx';
import { useI18n } from '../i18n/index.ts';

export interface SearchResult {
  kind: ElementKind;
  key: string;
  name: string;
  /** The English name, shown in the English interface where there is one. */
  nameEn?: string | null;
  snippet: string;
}

export function SearchPage({ query, results }: { query: string; results: SearchResult[] }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('search.title')} lead={t('search.lead')} crumbs={[{ href: '/', label: t('search.crumb.overview') }, { label: t('search.title') }]} />
      <form class="search-form" method="get" action="/sok" role="search">
        <div class="ds-field">
          <label class="ds-label" for="sok-q">
            {t('search.label')}
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
          {t('search.submit')}
        </button>
      </form>
      <SearchResults query={query} results={results} />
    </>
  );
}

/** Results grouped by kind, best match first within each; matches marked. */
export function SearchResults({ query, results }: { query: string; results: SearchResult[] }) {
  const { t, name } = useI18n();
  const groups = new Map<ElementKind, SearchResult[]>();
  for (const r of results) groups.set(r.kind, [...(groups.get(r.kind) ?? []), r]);
  return (
    <div id="sokeresultater">
      {query === '' ? (
        <p class="ds-paragraph muted">{t('search.prompt')}</p>
      ) : results.length === 0 ? (
        <p class="ds-paragraph">{t('search.none', { query })}</p>
      ) : (
        <>
          <p class="ds-paragraph">{t('search.hits', { count: results.length, query })}</p>
          {[...groups].map(([kind, hits]) => (
            <section class="search-group" aria-labelledby={`treff-${kind}`}>
              <h2 id={`treff-${kind}`} class="ds-heading" data-size="xs">
                {t('search.group', { kind: t(`kinds.${kind}.plural`), count: hits.length })}
              </h2>
              <ul class="link-list">
                {hits.map((h) => (
                  <li>
                    <a class="ds-link" href={elementHref(h.kind, h.key)}>
                      {name(h)}
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
