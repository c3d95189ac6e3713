import type { Child } from 'hono/jsx';
import type { Role } from '../model/accounts.ts';
import { assetUrl } from './asset-files.ts';
import { languages, useI18n, type MessageKey } from './i18n/index.ts';

export interface NavItem {
  href: string;
  label: MessageKey;
}

export const mainNav: NavItem[] = [
  { href: '/', label: 'layout.nav.overview' },
  { href: '/informasjonstjenester', label: 'layout.nav.informationServices' },
  { href: '/matriser/personellgrupper', label: 'layout.nav.matrices' },
  { href: '/diagrammer', label: 'layout.nav.diagrams' },
  { href: '/gapanalyse', label: 'layout.nav.gaps' },
  { href: '/funksjonsomrader', label: 'layout.nav.capabilities' },
  { href: '/veikart', label: 'layout.nav.roadmap' },
  { href: '/portefolje', label: 'layout.nav.portfolio' },
  { href: '/krav', label: 'layout.nav.requirements' },
  { href: '/horing', label: 'layout.nav.consultation' },
  { href: '/vurdering', label: 'layout.nav.review' },
  { href: '/elementer', label: 'layout.nav.elements' },
];

/**
 * htmx settings: no eval, no inline scripts from responses, no injected indicator styles (so a
 * strict Content-Security-Policy holds), and error responses swapped in so their messages show.
 */
const htmxConfig = JSON.stringify({
  allowEval: false,
  allowScriptTags: false,
  includeIndicatorStyles: false,
  historyCacheSize: 0,
  // Nothing here animates on htmx-added/htmx-settling, so settle at once: the new content, its
  // autofocus and htmx:load then happen in the same task as the swap. With htmx's 20 ms default,
  // keys typed into a freshly swapped form in that window went to the field and then focus jumped
  // to the heading marked autofocus, so a fast Select-all + Delete left the field unchanged.
  defaultSettleDelay: 0,
  responseHandling: [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '[45]..', swap: true, error: true },
  ],
});

/** Who is signed in, as the header shows it. */
export interface LayoutViewer {
  name: string;
  role: Role;
}

export interface LayoutProps {
  title: string;
  /** Path of the current page, to mark the active navigation item. */
  current?: string;
  viewer?: LayoutViewer | null;
  /** The current page with its query, for the language switch to come back to. */
  returnTo?: string;
  children?: Child;
}

const adminNav: NavItem = { href: '/admin', label: 'layout.nav.admin' };

export function Layout({ title, current, returnTo, viewer = null, children }: LayoutProps) {
  const nav = viewer?.role === 'administrator' ? [...mainNav, adminNav] : mainNav;
  const { t, tx, language } = useI18n();
  return (
    <html lang={language.htmlLang} data-color-scheme="light">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content={htmxConfig} />
        <title>{t('layout.titleSuffix', { title })}</title>
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={assetUrl('designsystemet.css')} />
        <link rel="stylesheet" href={assetUrl('theme.css')} />
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <script src={assetUrl('htmx.min.js')} defer></script>
        <script src={assetUrl('app.js')} type="module"></script>
      </head>
      <body>
        <a class="ds-skip-link" href="#innhold">
          {t('layout.skipToContent')}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-title" href="/">
              {t('layout.siteName')}
            </a>
            <button class="site-menu-toggle" type="button" aria-expanded="false" aria-controls="hovedmeny" hidden>
              {t('layout.menu')}
            </button>
            <nav aria-label={t('layout.mainMenu')} id="hovedmeny">
              <ul class="site-nav">
                {nav.map((item) => (
                  <li>
                    <a
                      class="ds-link"
                      href={item.href}
                      aria-current={isCurrent(item.href, current) ? 'page' : undefined}
                    >
                      {t(item.label)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <form class="site-search" method="get" action="/sok" role="search">
              <label class="ds-sr-only" for="site-search-q">
                {t('layout.search.label')}
              </label>
              <input class="ds-input" data-size="sm" type="search" id="site-search-q" name="q" placeholder={t('layout.search.label')} />
              <button class="ds-button" data-size="sm" data-variant="secondary" type="submit">
                {t('layout.search.button')}
              </button>
            </form>
            <LanguageSwitch current={current} returnTo={returnTo} />
            <SignedIn viewer={viewer} current={current} />
          </div>
        </header>
        <main id="innhold" class="page" tabindex={-1}>
          {children}
        </main>
        <p id="kunngjoring" class="ds-sr-only" role="status"></p>
        <footer class="site-footer">
          <p class="ds-paragraph" data-size="sm">
            {tx('layout.footer.text', {
              source: (chunks) => (
                <a class="ds-link" href="/kilde">
                  {chunks}
                </a>
              ),
            })}
          </p>
        </footer>
      </body>
    </html>
  );
}

/** Who is signed in and the way out, or the way in. Signing out is a POST: GET never changes state. */
function SignedIn({ viewer, current }: { viewer: LayoutViewer | null; current: string | undefined }) {
  const { t, tx } = useI18n();
  if (!viewer) {
    const back = current && current !== '/login' && current !== '/' ? `?neste=${encodeURIComponent(current)}` : '';
    return (
      <div class="site-user">
        <a class="ds-link" href={`/login${back}`}>
          {t('layout.signIn')}
        </a>
      </div>
    );
  }
  return (
    <div class="site-user">
      <span class="site-user__who">
        {tx('layout.signedIn', {
          name: viewer.name,
          role: t(`common.role.${viewer.role}`),
          who: (text) => <span class="ds-sr-only">{text}</span>,
          strong: (text) => <strong>{text}</strong>,
        })}
      </span>
      <form method="post" action="/logg-ut" class="site-user__form">
        <button class="site-user__signout" type="submit">
          {t('layout.signOut')}
        </button>
      </form>
    </div>
  );
}

/**
 * The other languages, each a button in its own language, on every page: a POST (it changes the
 * saved preference) that comes back to the same page.
 */
function LanguageSwitch({ current, returnTo }: { current: string | undefined; returnTo: string | undefined }) {
  const { t, language } = useI18n();
  const others = languages.filter((l) => l.code !== language.code);
  if (others.length === 0) return null;
  return (
    <form method="post" action="/sprak" class="site-language">
      <input type="hidden" name="tilbake" value={returnTo ?? current ?? '/'} />
      {others.map((other) => (
        <button class="site-user__signout" type="submit" name="sprak" value={other.code} lang={other.htmlLang} aria-label={t('layout.language.switchTo', { name: other.name })}>
          {other.name}
        </button>
      ))}
    </form>
  );
}

function isCurrent(href: string, current: string | undefined): boolean {
  if (!current) return false;
  if (href === '/') return current === '/';
  const section = href.split('/').slice(0, 2).join('/');
  return current === href || current.startsWith(`${section}/`) || current === section;
}
