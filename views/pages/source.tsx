import type { SourceDocument } from '../../model/schemas.ts';
import { PageHeader } from '../components/common.tsx';

export function SourceIndexPage({ documents }: { documents: SourceDocument[] }) {
  return (
    <>
      <PageHeader
        title="Kilder"
        lead="Dokumentene omfanget er bygget fra. Hvert element viser til linjene det kommer fra."
        crumbs={[{ href: '/', label: 'Oversikt' }, { label: 'Kilder' }]}
      />
      <ul class="link-list">
        {documents.map((d) => (
          <li>
            <a class="ds-link" href={`/kilde/${d.key}`}>
              {d.title}
            </a>{' '}
            <span class="muted">
              ({d.publisher}, {d.publishedOn}, {d.lineCount} linjer)
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
  return (
    <>
      <PageHeader
        title={document.title}
        lead={`${document.publisher}, ${document.publishedOn}. Teksten er hentet ut av lysarkene; oppsettet på lysarkene er tapt.`}
        crumbs={[{ href: '/', label: 'Oversikt' }, { href: '/kilde', label: 'Kilder' }, { label: 'Dokument' }]}
      />
      {highlight ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={`#L${highlight.from}`}>
            Gå til linje {highlight.from}–{highlight.to}
          </a>{' '}
          (markert under).
        </p>
      ) : null}
      <pre class="source-text" tabindex={0} aria-label="Kildetekst med linjenumre">
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
