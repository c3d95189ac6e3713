import type { SourceDocument } from '../../model/schemas.ts';
import { PageHeader } from '../components/common.tsx';
import { useI18n, type I18n } from '../i18n/index.ts';

/** A publication date in the language's form, where it is a calendar date (as stored, otherwise). */
function publishedDate(value: string, date: I18n['date']): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? date(value) : value;
}

export function SourceIndexPage({ documents }: { documents: SourceDocument[] }) {
  const { t, date } = useI18n();
  return (
    <>
      <PageHeader
        title={t('scope.title.sources')}
        lead={t('scope.sources.lead')}
        crumbs={[{ href: '/', label: t('scope.crumb.overview') }, { label: t('scope.title.sources') }]}
      />
      <ul class="link-list">
        {documents.map((d) => (
          <li>
            <a class="ds-link" href={`/kilde/${d.key}`} lang="nb">
              {d.title}
            </a>{' '}
            <span class="muted">
              {t('scope.sources.about', { publisher: d.publisher, published: publishedDate(d.publishedOn, date), lines: d.lineCount })}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The text of a source document with line numbers; the lines an element points at are marked. */
export function SourceDocumentPage({
  document,
  lines,
  highlight,
}: {
  document: SourceDocument;
  lines: string[];
  highlight: { from: number; to: number } | null;
}) {
  const { t, tx, date } = useI18n();
  return (
    <>
      <PageHeader
        title={document.title}
        lead={t('scope.source.lead', { publisher: document.publisher, published: publishedDate(document.publishedOn, date) })}
        crumbs={[{ href: '/', label: t('scope.crumb.overview') }, { href: '/kilde', label: t('scope.title.sources') }, { label: t('scope.source.crumb') }]}
      />
      {highlight ? (
        <p class="ds-paragraph">
          {tx('scope.source.goTo', {
            from: highlight.from,
            to: highlight.to,
            link: (text) => (
              <a class="ds-link" href={`#L${highlight.from}`}>
                {text}
              </a>
            ),
          })}
        </p>
      ) : null}
      <pre class="source-text" tabindex={0} aria-label={t('scope.source.textLabel')} lang="nb">
        {lines.map((text, i) => {
          const n = i + 1;
          const marked = highlight !== null && n >= highlight.from && n <= highlight.to;
          return (
            <span id={`L${n}`} class={marked ? 'source-row source-row--marked' : 'source-row'}>
              <span class="source-row__no" aria-hidden="true">
                {n}
              </span>
              {text}
              {'\n'}
            </span>
          );
        })}
      </pre>
    </>
  );
}
