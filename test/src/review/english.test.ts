import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postShown, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';
import { csvText, parseCsv } from '../../csv.ts';
import { frozenIds, openRound, submitReview } from './helpers.ts';

/**
 * The review pages in the English interface (issue 11): a reader who asks for English gets the
 * pages, the form's messages, the notices and the exports in English; the bokmål default is what
 * the other review tests check.
 */
let ctx: TestContext;
let round: number;
let ids: Record<string, number>;
let oslo: Record<string, string>;
const english = { 'Accept-Language': 'en-GB,en;q=0.9' };
const path = () => `/vurdering/runder/${round}/kommuner/0301`;

beforeEach(async () => {
  ctx = await testApp();
  round = await openRound(ctx);
  ids = await frozenIds(ctx, round);
  oslo = { ...(await signIn(ctx, 'municipality')), ...english };
});
afterEach(() => ctx.db.destroy());

const text = async (p: string, headers: Record<string, string>) => {
  const res = await ctx.app.request(p, { headers });
  return { status: res.status, text: textOf(await res.text()) };
};

/** Bokmål phrases of these pages that must not be left in the English interface. */
const bokmal = ['Kommunevurdering', 'Runder', 'Dashbord', 'besvart', 'Standpunkt', 'Lagre utkast', 'Sendt inn', 'Ikke påbegynt', 'innbyggere', 'Støtter', 'kommuner', 'Frist'];
const noBokmal = (page: string) => {
  for (const phrase of bokmal) expect(page, phrase).not.toContain(phrase);
};

describe('the review in English', () => {
  it('shows the municipality’s form, its status and its labels in English', async () => {
    const page = await text(path(), oslo);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Oslo: review');
    expect(page.text).toContain('Status: Not started. 0 of 34 answered');
    expect(page.text).toContain('Stance on “Multidose”');
    expect(page.text).toContain('Supports with changes');
    expect(page.text).toContain('Save draft');
    noBokmal(page.text);
  });

  it('refuses an incomplete answer with the message in English', async () => {
    const refused = await postShown(ctx, path(), { handling: 'lagre', [`standpunkt-${ids['individuell-plan']}`]: 'supports-with-changes' }, oslo);
    expect(refused.status).toBe(422);
    expect(textOf(await refused.text())).toContain('Write which changes the municipality wants.');
  });

  it('tells the autosave’s outcome in English', async () => {
    const id = ids['multidose']!;
    const saved = await postShown(ctx, `${path()}/tjenester/${id}`, { [`standpunkt-${id}`]: 'supports', [`kommentar-${id}`]: '' }, oslo);
    expect(saved.status).toBe(200);
    const fragment = textOf(await saved.text());
    expect(fragment).toContain('Saved at 13:00.');
    expect(fragment).toContain('Draft, last saved 26 November 2026 at 13:00');
    expect(fragment).toContain('1 of 34 answered');
  });

  it('shows the rounds, the round, the dashboard and the declarations in English, and exports in English', async () => {
    await submitReview(ctx, path(), { [`standpunkt-${ids['multidose']}`]: 'supports' }, oslo);
    const architect = { ...(await signIn(ctx, 'architect')), ...english };

    const overview = await text('/vurdering', architect);
    expect(overview.text).toContain('Municipal review of the first delivery');
    expect(overview.text).toContain('Open a new round');
    noBokmal(overview.text);

    const roundPage = await text(`/vurdering/runder/${round}`, architect);
    expect(roundPage.text).toContain('34 information services');
    expect(roundPage.text).toContain('(1 municipality has submitted)');
    expect(roundPage.text).toContain('The municipalities’ reviews');
    noBokmal(roundPage.text);

    const dashboard = await text('/vurdering/dashbord', architect);
    expect(dashboard.text).toContain('1 of 357 municipalities has submitted its review; it has 717,710 inhabitants (12.9% of the population).');
    expect(dashboard.text).toContain('Does not support');
    expect(dashboard.text).toContain('Coverage per county');
    noBokmal(dashboard.text);

    const intentions = await text('/vurdering/intensjon', architect);
    expect(intentions.text).toContain('Declarations of intent');
    expect(intentions.text).toContain('Not decided');

    const csv = parseCsv(await csvText(await ctx.app.request(`/vurdering/runder/${round}/eksport.csv`, { headers: architect })));
    expect(csv[0]).toContain('stance');
    expect(csv.find((r) => r.includes('Multidose'))).toContain('Supports');
    expect(csv[1]).toContain('Not answered');
    const figures = parseCsv(await csvText(await ctx.app.request('/vurdering/dashbord/eksport.csv', { headers: architect })));
    expect(figures[0]).toEqual(['section', 'key', 'name', 'category', 'municipalities', 'inhabitants', 'of_municipalities', 'of_inhabitants', 'share_of_inhabitants_percent']);
  });
});
