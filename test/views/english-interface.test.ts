import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRound } from '../consultation-fixtures.ts';
import { signIn, testApp, type TestContext } from '../helpers.ts';

/**
 * The English interface speaks English: every page the route walk reaches, rendered with
 * `Accept-Language: en`, is searched for bokmål interface text, i.e. text that is neither in the
 * message catalogues nor domain content (every text value stored in the database counts as domain
 * content, which stays as entered).
 *
 * `stillBokmal` names the route patterns that still show such text, with who is moving it. The list
 * may only shrink: a page not named that shows bokmål fails, and so does a named page that no longer
 * does (remove its entry).
 */
const stillBokmal: Record<string, string> = {};

const sampleParams: Record<string, string> = {
  name: 'app.css',
  kindPath: 'informasjonstjenester',
  key: 'multidose',
  document: 'akson-arena-2019-10-24',
  token: 'ingen-slik-lenke',
  id: '1',
  file: 'multidose.mmd',
  kommentar: '1',
  kommune: '0301',
  tjeneste: '1',
};
const concrete = (pattern: string) => pattern.replace(/:(\w+)(?:\{[^/]*\})?/g, (_, name: string) => sampleParams[name] ?? 'x');

/** Words that mark a text as bokmål (and are not English words), or a letter English does not use. */
const bokmal = /[æøåÆØÅ]|\b(?:og|ikke|eller|av|på|til|med|som|er|har|ingen|alle|nytt|nye|lagre|endre|slett|velg|neste|forrige|tilbake|logg|uten|mangler|antall|kommuner?|tjenester?|krav|hvis|gjelder|ble|blir|skal|kan ikke|vis|viser|søk|sider?|av \d+)\b/i;

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const skipped = new Set(['script', 'style', 'pre', 'textarea', 'template', 'svg']);
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'", '#x27': "'" };
const decode = (s: string) => s.replace(/&(#?\w+);/g, (m, e: string) => entities[e] ?? (e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : m));
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The texts a reader meets on a page: text nodes and the attributes read out or shown (aria-label,
 * title, placeholder, alt, a button's value), outside scripts, code and parts marked `lang="nb"`.
 */
function readableTexts(html: string): string[] {
  const texts: string[] = [];
  const stack: Array<{ tag: string; quiet: boolean }> = [];
  const quiet = () => stack.at(-1)?.quiet ?? false;
  const token = /<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/g;
  for (const m of html.matchAll(token)) {
    const [, closing, rawTag, attrs = '', text] = m;
    if (text !== undefined) {
      if (!quiet()) texts.push(squash(decode(text)));
      continue;
    }
    if (!rawTag) continue;
    const tag = rawTag.toLowerCase();
    if (closing) {
      const at = stack.map((s) => s.tag).lastIndexOf(tag);
      if (at >= 0) stack.length = at;
      continue;
    }
    const lang = /\slang="([^"]*)"/.exec(attrs)?.[1];
    const isQuiet = quiet() || skipped.has(tag) || (lang !== undefined && /^(nb|nn|no)\b/.test(lang));
    if (!isQuiet) {
      for (const a of attrs.matchAll(/\s(aria-label|title|placeholder|alt|value)="([^"]*)"/g)) {
        if (a[1] === 'value' && !/type="(?:submit|button|reset)"/.test(attrs)) continue;
        texts.push(squash(decode(a[2] ?? '')));
      }
    }
    if (!voidElements.has(tag) && !attrs.trimEnd().endsWith('/')) stack.push({ tag, quiet: isQuiet && tag !== 'html' });
  }
  return texts.filter((t) => t.length > 0);
}

describe('the English interface', () => {
  let ctx: TestContext;
  let domain = '';
  let names: string[] = [];
  beforeAll(async () => {
    ctx = await testApp();
    await makeRound(ctx.db);
    // Every text stored in the database is domain content (names, descriptions, comments, municipalities).
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(ctx.db);
    const values: string[] = [];
    for (const { name } of tables.rows) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(ctx.db);
      for (const row of rows.rows) for (const v of Object.values(row)) if (typeof v === 'string' && v.length > 1) values.push(squash(v));
    }
    domain = values.join('\u0000');
    // Any length: a long document title in <title>, an editors' note in a tag's title beside the interface's own words.
    names = [...new Set(values.filter((v) => v.length >= 2))].sort((a, b) => b.length - a.length);
  });
  afterAll(() => ctx.db.destroy());

  /** What is left of a text once the domain content in it is taken out. */
  function interfacePart(text: string): string {
    if (domain.includes(text)) return '';
    let rest = text;
    for (const n of names) {
      // A short name (Hå, Ås) only where it stands as a word, not inside another one.
      if (n.length < 4) rest = rest.replace(new RegExp(`(^|[\\s(«])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[\\s),.:;»])`, 'g'), '$1 ');
      else if (rest.includes(n)) rest = rest.split(n).join(' ');
    }
    return squash(rest);
  }

  it('shows no bokmål interface text on any page the route walk reaches, for any role', async () => {
    const found = new Map<string, Set<string>>();
    let pages = 0;
    for (const role of [null, 'architect', 'municipality', 'organisation', 'administrator'] as const) {
      const session = role ? await signIn(ctx, role) : {};
      const routes = [...new Set(ctx.app.routes.filter((r) => r.method === 'GET').map((r) => r.path))];
      for (const pattern of routes) {
        const res = await ctx.app.request(concrete(pattern), { headers: { ...session, 'Accept-Language': 'en' } });
        if (!res.headers.get('content-type')?.startsWith('text/html')) continue;
        const html = await res.text();
        if (!html.startsWith('<!DOCTYPE html>')) continue;
        pages++;
        // The kinds' routes are named without their pattern of kind paths: /:kindPath/:key.
        const page = pattern.replace(/\{[^}]*\}/g, '');
        for (const text of readableTexts(html)) {
          const rest = interfacePart(text);
          if (rest && bokmal.test(rest)) {
            if (!found.has(page)) found.set(page, new Set());
            found.get(page)!.add(rest.length > 90 ? `${rest.slice(0, 90)}…` : rest);
          }
        }
      }
    }
    expect(pages).toBeGreaterThan(30);
    if (process.env.PRINT_BOKMAL) console.log(JSON.stringify([...found.keys()]));
    const unexpected = [...found].filter(([pattern]) => !(pattern in stillBokmal)).map(([pattern, texts]) => `${pattern}: ${[...texts].slice(0, 8).join(' | ')}`);
    const fixed = Object.keys(stillBokmal).filter((pattern) => !found.has(pattern));
    expect(unexpected, 'pages showing bokmål interface text in English (move the text into the catalogues)').toEqual([]);
    expect(fixed, 'pages named in stillBokmal that are English now (remove their entries)').toEqual([]);
  }, 300_000);
});
