import { describe, expect, it } from 'vitest';
import { signIn, testApp, textOf } from '../helpers.ts';

/**
 * The scope pages in the English interface: the interface speaks English (headings, labels,
 * empty states, labels of codes), the domain content stays as entered. Bokmål is the default and
 * the other tests read it; these read the same pages with `Accept-Language: en`.
 */
describe('element pages in English', () => {
  async function html(path: string, architect = false) {
    const ctx = await testApp({ seed: true });
    const cookie = architect ? await signIn(ctx, 'architect') : {};
    const res = await ctx.app.request(path, { headers: { ...cookie, 'Accept-Language': 'en' } });
    expect(res.status).toBe(200);
    return res.text();
  }
  const page = async (path: string, architect = false) => textOf(await html(path, architect));

  it('an information service: facts, sections and the architect controls', async () => {
    const text = await page('/informasjonstjenester/multidose', true);
    for (const english of ['Information category', 'Delivery tier', 'Tentative placement', 'Solution part', 'Edit capabilities, goals and dependencies', 'Link service areas and actors in the matrices', 'Source, line 2146', 'Provenance:', 'Edit', 'Delete'])
      expect(text).toContain(english);
    for (const bokmål of ['Informasjonskategori', 'Leveransetrinn', 'Tentativ plassering', 'Rediger funksjonsområder', 'Kildegrunnlag:', 'Nøkkel:', 'Slett'])
      expect(text).not.toContain(bokmål);
  });

  it('a national project: its facts, with the status and phase as labels, not the document codes', async () => {
    const text = await page('/portefolje/p114-digital-patologi');
    expect(text).toContain('Responsible organisation Nasjonal IKT');
    expect(text).toContain('Phase for 2019 Execution');
    expect(text).toContain('Status Yellow');
    expect(text).toContain('Budget 2019 16 million NOK');
    expect(text).not.toMatch(/Ansvarlig virksomhet|Budsjett|Fase for 2019/);
  });

  it('a region counts its municipalities in the right number, and a phase shows dates in English', async () => {
    expect(await page('/regioner/midt-norge')).toMatch(/Record solution Helseplattformen \(shared by municipalities and specialist health care\).*\d+ municipalities with [\d,]+ inhabitants \(2024\)/);
    const phase = await page('/faser/anskaffelse');
    expect(phase).toMatch(/From \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(phase).toContain('Milestones and decision points in the phase');
  });

  it('the same service page speaks bokmål by default', async () => {
    const ctx = await testApp({ seed: true });
    const text = textOf(await (await ctx.app.request('/informasjonstjenester/multidose')).text());
    expect(text).toContain('Informasjonskategori');
    expect(text).toContain('Kildegrunnlag:');
    expect(text).not.toContain('Information category');
  });

  it('the list of kinds names each kind in English, with bokmål beside it, and its sentence in English', async () => {
    const text = await page('/elementer');
    expect(text).toContain('All elements');
    expect(text).toMatch(/Service areas Tjenesteområder \d+ The municipal health and care services/);
    expect(text).not.toContain('Om typen');
  });

  it('a kind list: columns, dates and the architect controls in English', async () => {
    const text = await page('/beslutningspunkter', true);
    expect(text).toMatch(/Name Track and number By Source/);
    expect(text).toMatch(/Record \d+ \d{1,2} [A-Z][a-z]+ \d{4}/);
    const services = await page('/informasjonstjenester', true);
    expect(services).toContain('Move the selected services (tick them in the list below)');
    expect(services).toContain('(keep tier)');
    expect(await html('/informasjonskategorier', true)).toContain('aria-label="Move “Record documents” up"');
  });

  it('refusals in English: an unknown element, an unknown filter key, an unknown parameter', async () => {
    const ctx = await testApp({ seed: true });
    const get = async (path: string) => {
      const res = await ctx.app.request(path, { headers: { 'Accept-Language': 'en' } });
      return { status: res.status, text: textOf(await res.text()) };
    };
    expect(await get('/tjenesteomrader/finnes-ikke')).toMatchObject({ status: 404, text: expect.stringContaining('There is no service area with the key “finnes-ikke”.') });
    expect(await get('/informasjonstjenester?tier=finnes-ikke')).toMatchObject({ status: 400, text: expect.stringContaining('There is no delivery tier with the key “finnes-ikke”.') });
    expect(await get('/informasjonstjenester?farge=rod')).toMatchObject({ status: 400, text: expect.stringContaining('Unknown parameter: farge.') });
    expect(await get('/informasjonstjenester?side=0')).toMatchObject({ status: 400, text: expect.stringContaining('The page number must be 1 or more.') });
    const nb = await ctx.app.request('/tjenesteomrader/finnes-ikke');
    expect(textOf(await nb.text())).toContain('Det finnes ikke noe tjenesteområde med nøkkelen «finnes-ikke».');
  });

  it('the edit form: labels, hints and options in English', async () => {
    const text = await page('/informasjonstjenester/multidose/rediger', true);
    for (const english of ['Name in English', 'Optional.', 'Information category (required)', 'The placement in the tier is tentative', 'Stated in the source', 'Reason or note'])
      expect(text).toContain(english);
    expect(text).not.toMatch(/Navn på engelsk|må fylles ut|Begrunnelse eller merknad/);
  });
});
