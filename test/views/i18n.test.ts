import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogues, defaultLanguage } from '../../views/i18n/catalogues.ts';
import { chooseLanguage, i18nFor, type MessageKey } from '../../views/i18n/index.ts';
import { postForm, sameOrigin, signIn, testApp, type TestContext } from '../helpers.ts';

/** The names of the values a message uses, with how it uses them (plural, select, plain, tag). */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) found.add(`${el.value}:${el.type}`);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      found.add(`${el.value}:${el.type}`);
      for (const option of Object.values(el.options)) argumentsOf(option.value, found);
    }
    if (el.type === TYPE.tag) {
      found.add(`<${el.value}>`);
      argumentsOf(el.children, found);
    }
  }
  return found;
}

const reference = catalogues.get(defaultLanguage)!;

describe('the catalogues', () => {
  it('has bokmål and English', () => {
    expect([...catalogues.keys()]).toEqual(['nb', 'en']);
  });

  for (const [code, catalogue] of catalogues) {
    it(`${code} has exactly the keys of bokmål, each using the same values and tags`, () => {
      expect([...catalogue.messages.keys()].sort()).toEqual([...reference.messages.keys()].sort());
      for (const [key, text] of catalogue.messages) {
        const expected = [...argumentsOf(parse(reference.messages.get(key)!))].sort();
        expect([...argumentsOf(parse(text))].sort(), `${code} ${key}`).toEqual(expected);
      }
    });
  }
});

/** Every counted thing, for 0, 1 and 2, as a reader of each language expects it. */
const counts: Array<[MessageKey, { nb: [string, string, string]; en: [string, string, string] }]> = [
  ['common.count.comments', { nb: ['ingen kommentarer', '1 kommentar', '2 kommentarer'], en: ['no comments', '1 comment', '2 comments'] }],
  ['common.count.newComments', { nb: ['ingen nye kommentarer', '1 ny kommentar', '2 nye kommentarer'], en: ['no new comments', '1 new comment', '2 new comments'] }],
  ['common.count.projects', { nb: ['ingen prosjekter', '1 prosjekt', '2 prosjekter'], en: ['no projects', '1 project', '2 projects'] }],
  ['common.count.municipalities', { nb: ['ingen kommuner', '1 kommune', '2 kommuner'], en: ['no municipalities', '1 municipality', '2 municipalities'] }],
  ['common.count.services', { nb: ['ingen tjenester', '1 tjeneste', '2 tjenester'], en: ['no services', '1 service', '2 services'] }],
  ['common.count.informationServices', { nb: ['ingen informasjonstjenester', '1 informasjonstjeneste', '2 informasjonstjenester'], en: ['no information services', '1 information service', '2 information services'] }],
  ['common.count.replies', { nb: ['ingen innlegg', '1 innlegg', '2 innlegg'], en: ['no replies', '1 reply', '2 replies'] }],
  ['common.count.answers', { nb: ['ingen svar', '1 svar', '2 svar'], en: ['no answers', '1 answer', '2 answers'] }],
];

describe('plural messages for 0, 1 and 2', () => {
  it.each(counts)('%s', (key, expected) => {
    for (const code of ['nb', 'en'] as const) {
      const { t } = i18nFor(code);
      expect([0, 1, 2].map((count) => t(key, { count })), code).toEqual(expected[code]);
    }
  });
});

describe('numbers, percentages and dates in the language', () => {
  it('writes them as a reader of each language expects', () => {
    const nb = i18nFor('nb');
    const en = i18nFor('en');
    expect(nb.number(5550203)).toBe('5\u00a0550\u00a0203');
    expect(en.number(5550203)).toBe('5,550,203');
    expect(nb.percent(0.1293)).toBe('12,9\u00a0%');
    expect(nb.percent(0.15)).toBe('15,0\u00a0%');
    expect(en.percent(0.1293)).toBe('12.9%');
    expect(nb.date('2027-03-15')).toBe('15. mars 2027');
    expect(en.date('2027-03-15')).toBe('15 March 2027');
    expect(nb.dateTime('2026-11-26T12:05:00Z')).toBe('26. november 2026 kl. 13:05');
    expect(en.dateTime('2026-11-26T12:05:00Z')).toBe('26 November 2026 at 13:05');
    expect(en.name({ name: 'Legemidler', nameEn: 'Medication' })).toBe('Medication');
    expect(en.name({ name: 'Legemidler', nameEn: null })).toBe('Legemidler');
    expect(nb.name({ name: 'Legemidler', nameEn: 'Medication' })).toBe('Legemidler');
  });
});

describe('choosing the language', () => {
  it('takes the saved choice, then the browser’s, then Accept-Language, then bokmål', () => {
    expect(chooseLanguage('en', 'nb', 'nb')).toBe('en');
    expect(chooseLanguage(null, 'en', 'nb')).toBe('en');
    expect(chooseLanguage(null, undefined, 'en-US,en;q=0.9')).toBe('en');
    expect(chooseLanguage(null, undefined, 'de, en;q=0.5, nb;q=0.8')).toBe('nb');
    expect(chooseLanguage(null, undefined, 'nn-NO')).toBe('nb');
    expect(chooseLanguage('xx', 'yy', 'fr')).toBe('nb');
    expect(chooseLanguage(null, undefined, undefined)).toBe('nb');
  });
});

describe('the language on every page', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await testApp();
  });
  afterAll(() => ctx.db.destroy());

  it('follows Accept-Language, with <html lang> and Content-Language', async () => {
    const en = await ctx.app.request('/', { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } });
    const html = await en.text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('Skip to main content');
    expect(en.headers.get('Content-Language')).toBe('en');
    const nb = await (await ctx.app.request('/')).text();
    expect(nb).toContain('<html lang="nb"');
    expect(nb).toContain('Hopp til hovedinnhold');
    // The switch to the other language is on the page.
    expect(nb).toMatch(/<button[^>]*name="sprak" value="en"/);
  });

  it('remembers a visitor’s choice in the browser and comes back to the same page', async () => {
    const res = await postForm(ctx, '/sprak', { sprak: 'en', tilbake: '/krav?kategori=x' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/krav?kategori=x');
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const page = await ctx.app.request('/krav', { headers: { Cookie: cookie } });
    expect(await page.text()).toContain('<html lang="en"');
  });

  it('saves a signed-in user’s choice, which then wins over the browser', async () => {
    const session = await signIn(ctx, 'architect');
    const res = await ctx.app.request('/sprak', { method: 'POST', headers: { ...sameOrigin, ...session, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'sprak=en&tilbake=%2F' });
    expect(res.status).toBe(303);
    const page = await ctx.app.request('/', { headers: { ...session, 'Accept-Language': 'nb' } });
    expect(await page.text()).toContain('<html lang="en"');
  });

  it('shows an element by its English name in the English interface, and the bokmål name beside it', async () => {
    await ctx.db.updateTable('element').set({ name_en: 'Multi-dose dispensing' }).where('key', '=', 'multidose').execute();
    const english = await (await ctx.app.request('/informasjonstjenester/multidose', { headers: { 'Accept-Language': 'en' } })).text();
    expect(english).toMatch(/<h1[^>]*>\s*Multi-dose dispensing\s*<\/h1>/);
    expect(english).toMatch(/<span lang="nb" class="muted">\s*Multidose\s*<\/span>/);
    const bokmal = await (await ctx.app.request('/informasjonstjenester/multidose')).text();
    expect(bokmal).toMatch(/<h1[^>]*>\s*Multidose\s*<\/h1>/);
    // The search page in English, the hit under its English name.
    const search = await (await ctx.app.request('/sok?q=multidose', { headers: { 'Accept-Language': 'en' } })).text();
    expect(search).toContain('1 result for “multidose”.');
    expect(search).toContain('Multi-dose dispensing</a>');
    expect(await (await ctx.app.request('/sok?q=multidose')).text()).toContain('1 treff for «multidose».');
  });

  it('refuses a language there is no catalogue for, and a return address off the site', async () => {
    expect((await postForm(ctx, '/sprak', { sprak: 'xx' })).status).toBe(422);
    const res = await postForm(ctx, '/sprak', { sprak: 'en', tilbake: '//evil.example' });
    expect(res.headers.get('location')).toBe('/');
  });
});
