import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, textOf, type TestContext } from '../helpers.ts';

/**
 * The analysis pages in the English interface (gap analysis, matrices, portfolio, roadmap): the
 * interface speaks English, the domain content stays as entered. Bokmål is the default and the
 * other tests read it; these read the same pages with `Accept-Language: en`.
 */
describe('analysis pages in English', () => {
  let ctx: TestContext;
  let architect: Record<string, string>;
  beforeAll(async () => {
    ctx = await testApp();
    architect = await signIn(ctx, 'architect');
  });
  afterAll(() => ctx.db.destroy());
  const page = async (path: string, headers: Record<string, string> = {}) => {
    const res = await ctx.app.request(path, { headers: { ...architect, 'Accept-Language': 'en', ...headers } });
    expect(res.status).toBe(200);
    return textOf(await res.text());
  };

  it('the gap analysis: headings, descriptions, counts and empty states', async () => {
    const text = await page('/gapanalyse');
    for (const english of ['Gap analysis', 'First-delivery services without a service area', 'Capabilities without an information service', 'Interpretations'])
      expect(text).toContain(english);
    for (const bokmål of ['Gapanalyse', 'Tjenester uten leveransetrinn', 'her er alt på plass', 'Viser de første']) expect(text).not.toContain(bokmål);
    const panel = await page('/gapanalyse/panel?for=personell');
    expect(panel).toContain('Gaps the matrix closes');
    expect(panel).toContain('The whole gap analysis');
    const bad = await ctx.app.request('/gapanalyse/panel?for=x', { headers: { ...architect, 'Accept-Language': 'en' } });
    expect(bad.status).toBe(400);
    expect(textOf(await bad.text())).toContain('for must be personell or aktorer.');
  });

  it('the traceability view and the bulk change: options and messages in English', async () => {
    const trace = await ctx.app.request('/krav/sporbarhet', { headers: { ...architect, 'Accept-Language': 'en' } });
    const html = await trace.text();
    for (const english of ['>Should<', '>Not now<', '>Proposed<']) expect(html).toContain(english);
    for (const bokmål of ['>Bør<', '>Ikke nå<', '>Foreslått<']) expect(html).not.toContain(bokmål);
    const bulk = await ctx.app.request('/krav/masse?action=x', { headers: { ...architect, 'Accept-Language': 'en', 'HX-Request': 'true' } });
    expect(bulk.status).toBe(422);
    expect(textOf(await bulk.text())).toContain('Choose what to change.');
  });

  it('the roadmap: headings, kinds and dates in English', async () => {
    const text = await page('/veikart');
    for (const english of ['Roadmap', 'From / date', 'Milestone', 'Decision point 1 (shared record solution)', 'Phase']) expect(text).toContain(english);
    expect(text).toMatch(/\d{1,2} [A-Z][a-z]+ 20\d\d/);
    for (const bokmål of ['Veikart', 'Milepæl', 'Beslutningspunkt', 'Fra / dato']) expect(text).not.toContain(bokmål);
  });

  it('the portfolio: headings, filters, statuses, phases and counted bars in English', async () => {
    const text = await page('/portefolje');
    for (const english of ['National e-health portfolio 2019', 'Strategic area', 'Project / programme', 'Budget 2019 (million NOK)', 'Green', 'Execution']) expect(text).toContain(english);
    expect(text).toMatch(/\b1 project\b|\b\d+ projects\b/);
    for (const bokmål of ['Nasjonal e-helseportefølje', 'Strategisk område', 'Grønn', 'Gjennomføring', 'prosjekter']) expect(text).not.toContain(bokmål);
  });
});
