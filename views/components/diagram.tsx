import type { Cell, Diagram, DiagramPaging, LegendEntry, ListItem } from '../../model/diagrams/types.ts';
import { ElementLink, Empty } from './common.tsx';
import { assetUrl } from '../asset-files.ts';
import { Script } from './script.tsx';
import { useI18n } from '../i18n/index.ts';

/**
 * Mermaid, our renderer and the diagrams' styles, for pages that draw diagrams. External
 * scripts from our own files (deferred, so they run in order after the document is
 * parsed): nothing inline, so the strict Content-Security-Policy holds, and pages without
 * diagrams never load Mermaid.
 */
export function DiagramAssets() {
  return (
    <>
      <link rel="stylesheet" href={assetUrl('diagrams.css')} />
      <Script src={assetUrl('mermaid.min.js')} />
      <Script src={assetUrl('diagrams.js')} />
    </>
  );
}

export interface DiagramRegionProps {
  /** The element htmx swaps; also the prefix of ids inside it. */
  id: string;
  diagram: Diagram;
  /** Where the Mermaid source is downloaded from, with the same filters. */
  sourceHref: string;
  /** The SVG's file name without extension. */
  fileName: string;
  /** The address that redraws this diagram with one group expanded. */
  expandHref?: (key: string) => string;
  /** The address of one page of the expanded group's services. */
  pageHref?: (page: number) => string;
  /** The level of the region's own headings (the legend and the table). */
  headingLevel?: 2 | 3;
}

/**
 * One diagram and everything beside it: what to know (missing links, collapsing), the drawing
 * (rendered in the browser from the Mermaid text), downloads, the legend, and the same content
 * as a table. This is the fragment a filter change swaps in.
 */
export function DiagramRegion({ id, diagram, sourceHref, fileName, expandHref, pageHref, headingLevel = 2 }: DiagramRegionProps) {
  const { t } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div id={id} class="diagram-region">
      {diagram.notes.length > 0 ? (
        <div class="ds-alert diagram-notes" data-color="info" data-size="sm">
          <ul>
            {diagram.notes.map((n) => (
              <li>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {diagram.paging && pageHref ? <DiagramPager paging={diagram.paging} href={pageHref} /> : null}
      <figure class="diagram" data-diagram data-node-count={String(diagram.nodeCount)} data-file-name={fileName} aria-labelledby={`${id}-tittel`}>
        <figcaption id={`${id}-tittel`} class="diagram__caption">
          {diagram.title}
          {diagram.collapsed ? <span class="ds-tag diagram__collapsed" data-color="warning" data-size="sm">{t('diagrams.region.collapsed')}</span> : null}
        </figcaption>
        <div class="diagram__zoom" role="group" aria-label={t('diagrams.zoom.label')} data-diagram-zoom hidden>
          <button class="ds-button" data-variant="secondary" data-size="sm" type="button" data-zoom-action="in" aria-controls={`${id}-lerret`}>
            {t('diagrams.zoom.in')}
          </button>
          <button class="ds-button" data-variant="secondary" data-size="sm" type="button" data-zoom-action="out" aria-controls={`${id}-lerret`}>
            {t('diagrams.zoom.out')}
          </button>
          <button class="ds-button" data-variant="secondary" data-size="sm" type="button" data-zoom-action="fit" aria-controls={`${id}-lerret`}>
            {t('diagrams.zoom.fit')}
          </button>
          <span class="diagram__zoom-level" data-zoom-level aria-live="polite" />
          <span id={`${id}-hint`} class="diagram__hint muted">
            {t('diagrams.zoom.hint')}
          </span>
        </div>
        <section id={`${id}-lerret`} class="diagram__canvas" data-diagram-canvas tabindex={0} aria-label={t('diagrams.region.canvas', { title: diagram.title })} aria-describedby={`${id}-hint`}>
          <p class="ds-paragraph muted" data-diagram-status data-failed={t('diagrams.region.failed')}>
            {t('diagrams.region.drawing')}
          </p>
        </section>
        <div class="diagram__actions">
          <a class="ds-button" data-variant="secondary" data-size="sm" href={sourceHref} download={`${fileName}.mmd`}>
            {t('diagrams.region.downloadSource')}
          </a>
          <button class="ds-button" data-variant="secondary" data-size="sm" type="button" data-diagram-download hidden>
            {t('diagrams.region.downloadSvg')}
          </button>
        </div>
        <details class="ds-details diagram__source">
          <summary>{t('diagrams.region.showSource')}</summary>
          <pre data-diagram-source>{diagram.source}</pre>
        </details>
      </figure>
      <Heading class="ds-heading" data-size="2xs">
        {t('diagrams.region.legend')}
      </Heading>
      <Legend entries={diagram.legend} />
      <Heading class="ds-heading" data-size="2xs">
        {t('diagrams.region.table')}
      </Heading>
      <DiagramTableView diagram={diagram} expandHref={expandHref} />
    </div>
  );
}

/** Links to the other pages of an expanded group's services. */
function DiagramPager({ paging, href }: { paging: DiagramPaging; href: (page: number) => string }) {
  const { t } = useI18n();
  return (
    <nav class="diagram-pager" aria-label={t('diagrams.paging.label')}>
      {paging.page > 1 ? (
        <a class="ds-link" href={href(paging.page - 1)} rel="prev">
          {t('diagrams.paging.previous')}
        </a>
      ) : null}
      <span aria-current="page">{t('diagrams.paging.current', { page: paging.page, pages: paging.pages })}</span>
      {paging.page < paging.pages ? (
        <a class="ds-link" href={href(paging.page + 1)} rel="next">
          {t('diagrams.paging.next')}
        </a>
      ) : null}
    </nav>
  );
}

function Legend({ entries }: { entries: LegendEntry[] }) {
  return (
    <ul class="diagram-legend">
      {entries.map((e) => (
        <li>
          <LegendSwatch entry={e} /> {e.label}
        </li>
      ))}
    </ul>
  );
}

/** The legend draws with the same colours, widths and dashes as the diagram. */
function LegendSwatch({ entry }: { entry: LegendEntry }) {
  const size = { width: 36, height: 18, viewBox: '0 0 36 18', 'aria-hidden': 'true' as const, focusable: 'false', class: 'diagram-legend__swatch' };
  if (entry.node) {
    const n = entry.node;
    return (
      <svg {...size}>
        <rect x="2" y="2" width="32" height="14" rx="3" fill={n.fill} stroke={n.stroke} stroke-width={String(Math.min(n.strokeWidth, 3))} stroke-dasharray={n.dash} />
      </svg>
    );
  }
  if (entry.edge) {
    const e = entry.edge;
    return (
      <svg {...size}>
        <line x1="1" y1="9" x2="35" y2="9" stroke={e.stroke} stroke-width={String(e.strokeWidth)} stroke-dasharray={e.dash} />
      </svg>
    );
  }
  if (entry.marker === 'bar') {
    return (
      <svg {...size}>
        <rect x="2" y="4" width="32" height="10" fill="#8a90dd" stroke="#534fbc" />
      </svg>
    );
  }
  return (
    <svg {...size}>
      <rect x="12" y="3" width="12" height="12" transform="rotate(45 18 9)" fill={entry.marker === 'decision' ? '#ff8888' : '#8a90dd'} stroke={entry.marker === 'decision' ? '#ff0000' : '#534fbc'} />
    </svg>
  );
}

function DiagramTableView({ diagram, expandHref }: { diagram: Diagram; expandHref?: ((key: string) => string) | undefined }) {
  const { table } = diagram;
  const { t } = useI18n();
  if (table.rows.length === 0) return <Empty>{t('diagrams.region.empty')}</Empty>;
  return (
    <section class="table-scroll" tabindex={0} aria-label={table.caption}>
      <table class="ds-table diagram-table" data-border>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map(([head, ...rest]) => (
            <tr>
              <th scope="row">{head ? <CellView cell={head} expandHref={expandHref} /> : null}</th>
              {rest.map((cell) => (
                <td>
                  <CellView cell={cell} expandHref={expandHref} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function CellView({ cell, expandHref }: { cell: Cell; expandHref?: ((key: string) => string) | undefined }) {
  if ('text' in cell) return <>{cell.text}</>;
  if ('more' in cell) return cell.more.href ? <a class="ds-link" href={cell.more.href}>{cell.more.text}</a> : <>{cell.more.text}</>;
  if ('list' in cell) {
    if (cell.list.length === 0) return <span class="muted">{cell.empty}</span>;
    return (
      <ul class="cell-list">
        {cell.list.map((item) => (
          <li>
            <Item item={item} expandHref={expandHref} />
          </li>
        ))}
      </ul>
    );
  }
  return <Item item={cell} expandHref={expandHref} />;
}

function Item({ item, expandHref }: { item: ListItem; expandHref?: ((key: string) => string) | undefined }) {
  return (
    <>
      <ElementLink element={item.element} />
      {item.note ? <span class="muted"> – {item.note}</span> : null}
      {item.expand && expandHref ? (
        <>
          {' '}
          <a class="ds-link diagram-expand" href={expandHref(item.expand.key)}>
            {item.expand.text}
          </a>
        </>
      ) : null}
    </>
  );
}
