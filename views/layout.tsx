import type { Child } from 'hono/jsx';
import { roleLabel, type Role } from '../model/accounts.ts';
import { assetUrl } from './asset-files.ts';

export interface NavItem {
  href: string;
  label: string;
}

export const mainNav: NavItem[] = [
  { href: '/', label: 'Oversikt' },
  { href: '/informasjonstjenester', label: 'Informasjonstjenester' },
  { href: '/matriser/personellgrupper', label: 'Matriser' },
  { href: '/diagrammer', label: 'Diagrammer' },
  { href: '/gapanalyse', label: 'Gapanalyse' },
  { href: '/funksjonsomrader', label: 'Funksjonsområder' },
  { href: '/veikart', label: 'Veikart' },
  { href: '/portefolje', label: 'Portefølje' },
  { href: '/krav', label: 'Krav' },
  { href: '/horing', label: 'Høring' },
  { href: '/vurdering', label: 'Kommunevurdering' },
  { href: '/elementer', label: 'Alle elementer' },
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
  /** The Content-Security-Policy nonce every script tag must carry. */
  nonce?: string | undefined;
  viewer?: LayoutViewer | null;
  children?: Child;
}

const adminNav: NavItem = { href: '/admin', label: 'Administrasjon' };

export function Layout({ title, current, nonce, viewer = null, children }: LayoutProps) {
  const nav = viewer?.role === 'administrator' ? [...mainNav, adminNav] : mainNav;
  return (
    <html lang="nb" data-color-scheme="light">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content={htmxConfig} />
        <title>{`${title} – Akson omfang`}</title>
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={assetUrl('designsystemet.css')} />
        <link rel="stylesheet" href={assetUrl('theme.css')} />
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <script src={assetUrl('htmx.min.js')} defer nonce={nonce}></script>
        <script src={assetUrl('app.js')} type="module" nonce={nonce}></script>
      </head>
      <body>
        <a class="ds-skip-link" href="#innhold">
          Hopp til hovedinnhold
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-title" href="/">
              Akson omfang
            </a>
            <button class="site-menu-toggle" type="button" aria-expanded="false" aria-controls="hovedmeny" hidden>
              Meny
            </button>
            <nav aria-label="Hovedmeny" id="hovedmeny">
              <ul class="site-nav">
                {nav.map((item) => (
                  <li>
                    <a
                      class="ds-link"
                      href={item.href}
                      aria-current={isCurrent(item.href, current) ? 'page' : undefined}
                    >
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <form class="site-search" method="get" action="/sok" role="search">
              <label class="ds-sr-only" for="site-search-q">
                Søk i omfanget
              </label>
              <input class="ds-input" data-size="sm" type="search" id="site-search-q" name="q" placeholder="Søk i omfanget" />
              <button class="ds-button" data-size="sm" data-variant="secondary" type="submit">
                Søk
              </button>
            </form>
            <SignedIn viewer={viewer} current={current} />
          </div>
        </header>
        <main id="innhold" class="page" tabindex={-1}>
          {children}
        </main>
        <p id="kunngjoring" class="ds-sr-only" role="status"></p>
        <footer class="site-footer">
          <p class="ds-paragraph" data-size="sm">
            Omfanget av Akson: felles kommunal journal og helhetlig samhandling. Innholdet bygger på{' '}
            <a class="ds-link" href="/kilde">
              Direktoratet for e-helses presentasjon 24. oktober 2019
            </a>
            . Alt merket «tentativt» er under arbeid.
          </p>
        </footer>
      </body>
    </html>
  );
}

/** Who is signed in and the way out, or the way in. Signing out is a POST: GET never changes state. */
function SignedIn({ viewer, current }: { viewer: LayoutViewer | null; current: string | undefined }) {
  if (!viewer) {
    const back = current && current !== '/login' && current !== '/' ? `?neste=${encodeURIComponent(current)}` : '';
    return (
      <div class="site-user">
        <a class="ds-link" href={`/login${back}`}>
          Logg inn
        </a>
      </div>
    );
  }
  return (
    <div class="site-user">
      <span class="site-user__who">
        <span class="ds-sr-only">Innlogget som </span>
        <strong>{viewer.name}</strong> ({roleLabel[viewer.role]})
      </span>
      <form method="post" action="/logg-ut" class="site-user__form">
        <button class="site-user__signout" type="submit">
          Logg ut
        </button>
      </form>
    </div>
  );
}

function isCurrent(href: string, current: string | undefined): boolean {
  if (!current) return false;
  if (href === '/') return current === '/';
  const section = href.split('/').slice(0, 2).join('/');
  return current === href || current.startsWith(`${section}/`) || current === section;
}
