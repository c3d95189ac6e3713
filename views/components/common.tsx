import type { ProvenanceLevel } from '../../model/provenance.ts';
import type { Child } from 'hono/jsx';
import { elementHref, kindInfo } from '../../model/kinds.ts';
import type { PortfolioPhase, PortfolioStatus, ScopeElement, SourceRef } from '../../model/schemas.ts';
import { useI18n } from '../i18n/index.ts';

export function ElementLink({ element }: { element: (Pick<ScopeElement, 'kind' | 'key' | 'name'> & { nameEn?: string | null }) | undefined }) {
  const { name, t } = useI18n();
  if (!element) return <span class="muted">–</span>;
  // In the English interface, the English name where the element has one.
  const shown = name(element);
  // A name of only spaces is allowed, but a link needs text people can see and hear.
  return (
    <a class="ds-link" href={elementHref(element.kind, element.key)}>
      {shown.trim() === '' ? t('common.unnamed') : shown}
    </a>
  );
}

export function TentativeTag({ show = true, label }: { show?: boolean; label?: string }) {
  const { t } = useI18n();
  if (!show) return null;
  return (
    <span class="ds-tag" data-color="warning" data-size="sm" title={t('common.tentative.title')}>
      {label ?? t('common.tentative')}
    </span>
  );
}

/** Where an element or a link comes from: stated, tentative in the source, or inferred (with why). */
export function ProvenanceTag({ level, note }: { level: ProvenanceLevel; note?: string }) {
  const { t } = useI18n();
  const color = level === 'stated' ? 'success' : level === 'tentative' ? 'warning' : 'info';
  const title = [t(`domain.provenance.explain.${level}`), note?.trim() ? note.trim() : level === 'inferred' ? t('common.provenance.noReason') : '']
    .filter(Boolean)
    .join(' ');
  return (
    <span class={`ds-tag provenance provenance--${level}`} data-color={color} data-size="sm" title={title} data-provenance={level}>
      {t(`domain.provenance.${level}`)}
    </span>
  );
}

export function SourceLink({ source }: { source: SourceRef | null }) {
  const { t } = useI18n();
  if (!source) return <span class="muted">{t('common.source.none')}</span>;
  return (
    <a class="ds-link" href={`/kilde/${source.document}?fra=${source.fromLine}&til=${source.toLine}#L${source.fromLine}`}>
      {t('common.source.link', { from: source.fromLine === source.toLine ? 'same' : String(source.fromLine), to: source.toLine })}
    </a>
  );
}

const statusColor: Record<PortfolioStatus, string> = { Grønn: 'success', Gul: 'warning', Rød: 'danger' };
/** The portfolio's status codes are the document's Norwegian words; the label is the interface's. */
export const portfolioStatusName = { Grønn: 'green', Gul: 'yellow', Rød: 'red' } as const satisfies Record<PortfolioStatus, string>;

/** The portfolio's phases, likewise: the code is the document's word. */
export const portfolioPhaseName = { Konsept: 'concept', Planlegging: 'planning', Gjennomføring: 'execution' } as const satisfies Record<PortfolioPhase, string>;

export function StatusTag({ status }: { status: PortfolioStatus | null }) {
  const { t } = useI18n();
  if (!status) return <span class="muted">{t('common.notGiven')}</span>;
  const name = portfolioStatusName[status];
  return (
    <span class={`ds-tag status status--${name}`} data-color={statusColor[status]} data-size="sm">
      {t(`domain.portfolioStatus.${name}`)}
    </span>
  );
}

export interface Crumb {
  href?: string;
  label: string;
}

export function PageHeader({
  title,
  lead,
  crumbs,
  children,
  focus = false,
}: {
  title: string;
  lead?: Child;
  crumbs?: Crumb[];
  children?: Child;
  /** Take focus: for content htmx swapped in, so keyboard users start at its heading. */
  focus?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div class="page-header">
      {crumbs && crumbs.length > 0 ? (
        <nav class="ds-breadcrumbs" aria-label={t('common.breadcrumbs')}>
          <ol>
            {crumbs.map((c) => (
              <li>{c.href ? <a class="ds-link" href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
            ))}
          </ol>
        </nav>
      ) : null}
      <h1 class="ds-heading" data-size="lg" tabindex={focus ? -1 : undefined} autofocus={focus}>
        {title}
      </h1>
      {lead ? (
        <p class="ds-paragraph lead" data-size="lg">
          {lead}
        </p>
      ) : null}
      {children}
    </div>
  );
}

export function kindCrumb(kind: ScopeElement['kind']): Crumb {
  return { href: `/${kindInfo[kind].path}`, label: useI18n().t(`kinds.${kind}.plural`) };
}

export function Empty({ children }: { children: Child }) {
  return <p class="ds-paragraph muted empty">{children}</p>;
}

/** A number grouped as the request's language does, e.g. 5 550 203 (bokmål), 5,550,203 (English). */
export function formatNumber(n: number, fractionDigits = 0): string {
  return useI18n().number(n, { maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 });
}

export interface TabLink {
  href: string;
  label: string;
  current: boolean;
  /** Extra attributes for the link, e.g. htmx's. */
  attributes?: Record<string, string>;
  id?: string;
}

/** A row of links between the views of one area; the current one is marked for screen readers. */
export function TabLinks({ label, links }: { label: string; links: TabLink[] }) {
  return (
    <nav class="tab-links" aria-label={label}>
      <ul>
        {links.map((l) => (
          <li>
            <a class="ds-link" id={l.id} href={l.href} aria-current={l.current ? 'page' : undefined} {...(l.attributes ?? {})}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A short message for screen readers after a partial update ("12 tjenester vises"). The layout
 * holds the empty live region; an htmx fragment carries this to replace it out of band, so a
 * large region can be swapped without being read out whole.
 */
export function Announce({ text }: { text: string }) {
  return (
    <p id="kunngjoring" class="ds-sr-only" role="status" hx-swap-oob="true">
      {text}
    </p>
  );
}

/** "1 krav", "2 prosjekter": a number with the word in the right form. */
export function countOf(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
