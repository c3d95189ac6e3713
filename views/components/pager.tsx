import { useI18n } from '../i18n/index.ts';

export interface PagerProps {
  /** The page shown (1-based). */
  page: number;
  pageSize: number;
  /** Rows in the whole list (counted in SQL), not on this page. */
  total: number;
  /** The address of a page, with the list's filter in it, so a link shows the same thing again. */
  href: (page: number) => string;
  /** For htmx: which element the page links replace (plain links without JavaScript). */
  target?: string | undefined;
  /** The navigation landmark's name (e.g. "Sider med kommentarer"); defaults to "Sider". */
  label?: string | undefined;
  /** Prefix of the links' ids, unique on the page (`side-forrige`, `side-3`, `side-neste`). */
  idPrefix?: string | undefined;
  /** How many pages either side of this one get a link of their own (first and last always do). */
  around?: number | undefined;
  /**
   * Inside a form whose answers must not be lost: each entry is a submit button that saves the
   * form (`name`=`value`) and goes on to the page (`formaction`), and `hint` says so.
   */
  save?: { name: string; value: string; formaction: (page: number) => string; hint: string } | undefined;
}

/** The number of pages `total` rows fill (at least one, so an empty list has a page 1). */
export function pagesOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * Links between the pages of a long list: previous, the first, the pages around this one, the
 * last, next. Each is a real link carrying the whole state; with `target` htmx swaps the list in
 * place and pushes the address. Nothing when everything fits on one page.
 */
export function Pager({ page, pageSize, total, href, target, label, idPrefix = 'side', around = 1, save }: PagerProps) {
  const { t, tx } = useI18n();
  const pages = pagesOf(total, pageSize);
  if (pages <= 1) return null;
  const hx = (p: number) => (target ? { 'hx-get': href(p), 'hx-target': target, 'hx-swap': 'outerHTML', 'hx-push-url': 'true' } : {});
  const near = Array.from({ length: 2 * around + 1 }, (_, i) => page - around + i);
  const shown = [...new Set([1, ...near, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const pageLabel = (p: number) => tx('common.pager.page', { page: p, sr: (chunks) => <span class="ds-sr-only">{chunks}</span> });
  /** An entry: a link, or in a form that saves, a button that saves and goes there. */
  const entry = (p: number, id: string, text: unknown, rel?: 'prev' | 'next') =>
    save ? (
      <button class="ds-button pager__save" data-variant="tertiary" data-size="sm" type="submit" id={id} name={save.name} value={save.value} formaction={save.formaction(p)}>
        {text}
      </button>
    ) : (
      <a class="ds-link" id={id} href={href(p)} rel={rel} {...hx(p)}>
        {text}
      </a>
    );
  return (
    <nav class="pager" aria-label={label ?? t('common.pager.label')}>
      <p class="ds-paragraph" data-size="sm">
        {t('common.pager.position', { page, pages })}
        {save ? ` ${save.hint}` : null}
      </p>
      <ul>
        {page > 1 ? <li>{entry(page - 1, `${idPrefix}-forrige`, t('common.pager.previous'), 'prev')}</li> : null}
        {shown.map((p) => (
          <li>
            {p === page ? (
              <span aria-current="page" class="pager__current" id={`${idPrefix}-${p}`} tabindex={-1}>
                {pageLabel(p)}
              </span>
            ) : (
              entry(p, `${idPrefix}-${p}`, pageLabel(p))
            )}
          </li>
        ))}
        {page < pages ? <li>{entry(page + 1, `${idPrefix}-neste`, t('common.pager.next'), 'next')}</li> : null}
      </ul>
    </nav>
  );
}
