import { afterEach, describe, expect, it } from 'vitest';
import { csvText, parseCsv } from '../../csv.ts';
import { htmx, postForm, postShown, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';
import { growReviews } from '../../../seeds/synthetic.ts';
import { frozenIds, municipalityUser, openRound, submitReview } from './helpers.ts';

let ctx: TestContext;
afterEach(() => ctx.db.destroy());

const get = async (p: string, headers: Record<string, string> = {}) => {
  const res = await ctx.app.request(p, { headers });
  return { status: res.status, html: await csvText(res), headers: res.headers };
};

/**
 * Oslo (717 710), Bergen (291 940), Trondheim (214 565, Trøndelag) and Ålesund (58 509, Møre og
 * Romsdal) sign. Oslo, Bergen, Trondheim and Utsira (215) submit reviews: on Multidose Oslo
 * supports, Bergen opposes, Trondheim wants changes; Utsira answers only Individuell plan.
 */
async function seededScenario(config: Record<string, string> = {}) {
  ctx = await testApp({ config });
  const architect = await signIn(ctx, 'architect');
  for (const number of ['0301', '4601', '5001', '1508']) {
    expect((await postShown(ctx, `/vurdering/intensjon/${number}`, { status: 'signed', date: '2026-11-01' }, architect)).status).toBe(303);
  }
  const round = await openRound(ctx);
  const ids = await frozenIds(ctx, round);
  const m = `standpunkt-${ids.multidose}`;
  const answers: Array<[string, Record<string, string>]> = [
    ['0301', { [m]: 'supports' }],
    ['4601', { [m]: 'opposes', [`kommentar-${ids.multidose}`]: 'Bergen trenger <script>alert(1)</script> noe annet.' }],
    ['5001', { [m]: 'supports-with-changes', [`kommentar-${ids.multidose}`]: 'Må dekke dosedispensere.' }],
    ['1151', { [`standpunkt-${ids['individuell-plan']}`]: 'supports' }],
  ];
  for (const [number, fields] of answers) {
    const headers = number === '0301' ? await signIn(ctx, 'municipality') : await municipalityUser(ctx, number);
    expect((await submitReview(ctx, `/vurdering/runder/${round}/kommuner/${number}`, fields, headers)).status).toBe(303);
  }
  return { round, architect };
}

describe('the dashboard on the seeded municipalities', () => {
  it('weights coverage and stances by population, as computed by hand', async () => {
    const { round, architect } = await seededScenario();
    // By hand: all 357 municipalities have 5 550 203 inhabitants; the four signing have
    // 717 710 + 291 940 + 214 565 + 58 509 = 1 282 724, which is 23.11 %. In scope (without
    // Møre og Romsdal, 270 624, and Trøndelag, 482 956): 4 796 623 inhabitants in 292
    // municipalities, of which Oslo and Bergen, 1 009 650, have signed: 21.05 %.
    const text = textOf((await get('/vurdering/dashbord')).html);
    expect(text).toContain('Alle kommuner (dokumentets mål): 23,1 % av innbyggerne (1 282 724 av 5 550 203) bor i de 4 av 357 kommunene som har signert.');
    expect(text).toContain('Kommuner i omfanget (tolket variant): 21,0 % av innbyggerne (1 009 650 av 4 796 623) bor i de 2 av 292 kommunene som har signert.');
    expect(text).toContain('Det mangler 29,0 prosentpoeng til målet om over halvparten.'); // 50 − 21.05, to one decimal
    expect(text).toContain('Oslo (03) Ja 1 av 1 717 710 av 717 710 100,0 % (over målet)');
    expect(text).toContain('Vestland (46) Ja 1 av 43 291 940 av 651 299 44,8 %'); // 291 940 / 651 299
    expect(text).toContain('Trøndelag (50) Nei 1 av 38 214 565 av 482 956 44,4 %');
    expect(text).toContain('Signert 4 1 282 724 23,1 %');
    // The four reviewers hold 717 710 + 291 940 + 214 565 + 215 = 1 224 430 inhabitants.
    expect(text).toContain('4 av 357 kommuner har sendt inn vurderingen; de har 1 224 430 innbyggere (22,1 % av befolkningen).');
    // Multidose: 58.6 % support (Oslo), 17.5 % with changes (Trondheim), 23.8 % oppose (Bergen), 0.0 % unanswered (Utsira).
    expect(text).toContain('Multidose Legemidler og vaksiner 1 (58,6 %) 1 (17,5 %) 1 (23,8 %) 0 (0,0 %) 1 (0,0 %)');

    const rows = parseCsv((await get(`/vurdering/dashbord/eksport.csv?runde=${round}`, architect)).html);
    const row = (section: string, key: string, category?: string) => rows.find((r) => r[0] === section && r[1] === key && (!category || r[3] === category))?.slice(4);
    expect(row('dekning', 'alle')).toEqual(['4', '1282724', '357', '5550203', '23,1']);
    expect(row('dekning', 'i-omfang')).toEqual(['2', '1009650', '292', '4796623', '21,0']);
    expect(row('dekning', 'fylke-15')).toEqual(['1', '58509', '27', '270624', '21,6']);
    expect(row('vurdert', `runde-${round}`)).toEqual(['4', '1224430', '357', '5550203', '22,1']);
    expect(row('tjeneste', 'multidose', 'Støtter')).toEqual(['1', '717710', '4', '1224430', '58,6']);
    expect(row('tjeneste', 'multidose', 'Støtter ikke')).toEqual(['1', '291940', '4', '1224430', '23,8']);
    expect(row('tjeneste', 'multidose', 'Støtter med endringer')).toEqual(['1', '214565', '4', '1224430', '17,5']);
    expect(row('tjeneste', 'multidose', 'Ikke besvart')).toEqual(['1', '215', '4', '1224430', '0,0']);
  });

  it('takes the counties outside the scope from the modelled regions, and states the municipal reforms', async () => {
    await seededScenario();
    const before = textOf((await get('/vurdering/dashbord')).html);
    expect(before).toContain('Alle kommuner (dokumentets mål)');
    expect(before).toContain('Kommuner i omfanget (tolket variant)');
    expect(before).toContain('før kommune- og regionreformene i 2020 og 2024');
    expect(before).toContain('de 357 kommunene');
    expect(before).toMatch(/I omfanget: alle kommuner utenom Møre og Romsdal \(15\), Trøndelag \(50\), som ligger i regionen Midt-Norge/);
    expect(before).toContain('Helse Midt-Norge dekker Møre og Romsdal (15) og Trøndelag (50)');
    // An architect who decides Midt-Norge is in the shared record after all changes the region, not a setting.
    await ctx.db.updateTable('region').set({ record_solution: 'felles-kommunal-journal' }).execute();
    const text = textOf((await get('/vurdering/dashbord')).html);
    expect(text).toContain('Kommuner i omfanget (tolket variant): 23,1 % av innbyggerne (1 282 724 av 5 550 203) bor i de 4 av 357 kommunene som har signert.');
    expect(text).toContain('så alle kommuner regnes med i omfanget');
  });

  it('sorts the services to find the most contested, and answers htmx with the table alone', async () => {
    const { round } = await seededScenario();
    const full = textOf((await get('/vurdering/dashbord?sorter=omstridt')).html);
    expect(full.indexOf('Multidose Legemidler')).toBeLessThan(full.indexOf('Individuell plan Plan'));
    const listOrder = textOf((await get('/vurdering/dashbord')).html);
    expect(listOrder.indexOf('Administrasjon (utdeling) av legemidler Legemidler')).toBeLessThan(listOrder.indexOf('Multidose Legemidler'));

    const fragment = await get(`/vurdering/dashbord?runde=${round}&sorter=mot`, htmx);
    expect(fragment.status).toBe(200);
    expect(fragment.headers.get('vary')).toContain('HX-Request');
    expect(fragment.html).not.toContain('<html');
    expect(fragment.html).toMatch(/^<div id="standpunkter"/);
    expect(fragment.html).toContain('<th scope="col" class="num" aria-sort="descending">Støtter ikke</th>');
    expect(textOf(fragment.html).indexOf('Multidose')).toBeLessThan(textOf(fragment.html).indexOf('Individuell plan'));
  });

  it('shows every comment with its municipality to architects only, escaped', async () => {
    const { architect } = await seededScenario();
    const forArchitect = await get('/vurdering/dashbord', architect);
    const text = textOf(forArchitect.html);
    expect(text).toContain('Kommentarer (2)');
    expect(text).toContain('Bergen (291 940 innb.) Støtter ikke Bergen trenger <script>alert(1)</script> noe annet.');
    expect(text).toContain('Trondheim (214 565 innb.) Støtter med endringer Må dekke dosedispensere.');
    expect(forArchitect.html).not.toContain('<script>alert(1)');
    for (const headers of [{}, await signIn(ctx, 'municipality'), await signIn(ctx, 'reader'), await signIn(ctx, 'organisation')]) {
      const html = (await get('/vurdering/dashbord', headers)).html;
      expect(html).not.toContain('dosedispensere');
      expect(html).not.toContain('Kommentarer (');
    }
  });
});

describe('who sees the dashboard', () => {
  it('is public when the scope is (aggregated figures only), and needs sign-in when it is not', async () => {
    ctx = await testApp({ config: { PUBLIC_READ: 'false' } });
    const anonymous = await ctx.app.request('/vurdering/dashbord');
    expect(anonymous.status).toBe(303);
    expect((await ctx.app.request('/vurdering/dashbord/eksport.csv')).status).toBe(303);
    expect((await get('/vurdering/dashbord', await signIn(ctx, 'reader'))).status).toBe(200);
    await ctx.db.destroy();

    ctx = await testApp();
    const open = await get('/vurdering/dashbord');
    expect(open.status).toBe(200);
    expect(textOf(open.html)).toContain('Ingen runde er åpnet ennå.');
    expect((await get('/vurdering/runder/1/eksport.csv')).status).toBe(303); // the answers themselves are not public
  });

  it('refuses parameters it does not know', async () => {
    ctx = await testApp();
    const bad = await get('/vurdering/dashbord?sorter=tilfeldig');
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain('Sortering må være en av liste, omstridt, mot, endringer, stotter.');
    expect((await get('/vurdering/dashbord?farge=rod')).status).toBe(400);
    expect((await get('/vurdering/dashbord?runde=7')).status).toBe(404);
  });
});

describe('the round’s results as CSV', () => {
  it('has one row per submitting municipality and service, with stance, comment, population and county', async () => {
    const { round, architect } = await seededScenario();
    const res = await get(`/vurdering/runder/${round}/eksport.csv`, architect);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="vurdering-runde-${round}.csv"`);
    const rows = parseCsv(res.html);
    expect(rows[0]).toEqual(['runde_id', 'runde', 'kommunenummer', 'kommune', 'fylkesnummer', 'fylke', 'innbyggere', 'tjeneste_nokkel', 'tjeneste', 'informasjonskategori', 'leveransetrinn', 'standpunkt', 'kommentar', 'sendt_inn', 'sendt_inn_utc']);
    expect(rows).toHaveLength(1 + 4 * 34);
    const bergen = rows.find((r) => r[2] === '4601' && r[7] === 'multidose');
    expect(bergen).toEqual([String(round), 'Første runde', '4601', 'Bergen', '46', 'Vestland', '291940', 'multidose', 'Multidose', 'Legemidler og vaksiner', 'Innen 2023', 'Støtter ikke', 'Bergen trenger <script>alert(1)</script> noe annet.', '2026-11-26 13:00:00', '2026-11-26T12:00:00.000Z']);
    expect(rows.find((r) => r[2] === '1151' && r[7] === 'multidose')?.slice(11, 13)).toEqual(['Ikke besvart', '']);
    // Taking a copy of every municipality's words is recorded.
    const log = await ctx.db.selectFrom('audit_event').select(['action', 'details']).where('action', '=', 'review.export').executeTakeFirstOrThrow();
    expect(log.details).toBe('4 kommuner, 34 tjenester');
  });

  it('leaves out drafts', async () => {
    ctx = await testApp();
    const round = await openRound(ctx);
    const ids = await frozenIds(ctx, round);
    await postShown(ctx, `/vurdering/runder/${round}/kommuner/0301`, { handling: 'lagre', [`standpunkt-${ids.multidose}`]: 'opposes', [`kommentar-${ids.multidose}`]: 'Hemmelig utkast' }, await signIn(ctx, 'municipality'));
    const csv = (await get(`/vurdering/runder/${round}/eksport.csv`, await signIn(ctx, 'architect'))).html;
    expect(parseCsv(csv)).toHaveLength(1);
    expect(csv).not.toContain('Hemmelig utkast');
    expect((await get('/vurdering/dashbord', await signIn(ctx, 'architect'))).html).not.toContain('Hemmelig utkast');
  });
});

describe('the comments on the dashboard', () => {
  /** Two municipalities' submitted reviews with a comment on every other service: 34 comments. */
  async function manyComments() {
    ctx = await testApp();
    const round = await openRound(ctx);
    await growReviews(ctx.db, { municipalities: 2, now: ctx.clock.now() });
    return { round, architect: await signIn(ctx, 'architect') };
  }
  const shown = (html: string) => [...textOf(html).matchAll(/Kommentar fra \d+ om tjeneste \d+\./g)].map((m) => m[0]);
  /** The comments the database holds for the filter, as the page should list them. */
  const stored = async (where: { stance?: string; roundServiceId?: number } = {}) => {
    let q = ctx.db.selectFrom('review_stance').select('comment').where('comment', '<>', '');
    if (where.stance) q = q.where('stance', '=', where.stance);
    if (where.roundServiceId) q = q.where('round_service_id', '=', where.roundServiceId);
    return (await q.execute()).map((r) => r.comment);
  };

  it('come 20 to a page, with a way to the next and back', async () => {
    const { round, architect } = await manyComments();
    const first = await get('/vurdering/dashbord', architect);
    const text = textOf(first.html);
    expect(text).toContain('Kommentarer (34)');
    expect(text).toContain('Viser 1–20 av 34 kommentarer.');
    expect(text).toContain('Side 1 av 2');
    expect(shown(first.html)).toHaveLength(20);
    expect(first.html).toContain(`href="/vurdering/dashbord?runde=${round}&amp;side=2#kommentarer"`);
    expect(text).not.toContain('Forrige side');

    const second = await get(`/vurdering/dashbord?runde=${round}&side=2`, architect);
    expect(textOf(second.html)).toContain('Viser 21–34 av 34 kommentarer.');
    expect(textOf(second.html)).toContain('Forrige side');
    expect(textOf(second.html)).not.toContain('Neste side');
    // Together the two pages show each comment once.
    expect(new Set([...shown(first.html), ...shown(second.html)])).toEqual(new Set(await stored()));
    // A page past the end shows the last one.
    expect(shown((await get(`/vurdering/dashbord?runde=${round}&side=9`, architect)).html)).toEqual(shown(second.html));
  });

  it('can be narrowed to one stance or one service', async () => {
    const { round, architect } = await manyComments();
    const opposing = await stored({ stance: 'opposes' });
    const res = await get(`/vurdering/dashbord?runde=${round}&standpunkt=opposes`, architect);
    expect(textOf(res.html)).toContain(`Kommentarer (${opposing.length})`);
    expect(textOf(res.html)).toContain(`Viser 1–${opposing.length} av ${opposing.length} kommentarer som passer filteret.`);
    expect(new Set(shown(res.html))).toEqual(new Set(opposing));
    expect(res.html).toMatch(/<option value="opposes" selected/);

    // The second service on the list has a comment from both municipalities.
    const second = await ctx.db.selectFrom('review_round_service').select(['id', 'name']).where('round_id', '=', round).orderBy('position').offset(1).limit(1).executeTakeFirstOrThrow();
    const its = await stored({ roundServiceId: second.id });
    const one = await get(`/vurdering/dashbord?runde=${round}&tjeneste=${second.id}`, architect);
    expect(its).toHaveLength(2);
    expect(new Set(shown(one.html))).toEqual(new Set(its));
    expect(textOf(one.html)).toContain(`Kommentarer (2)`);
    expect(one.html).toMatch(new RegExp(`<option value="${second.id}" selected`));

    // The first service has no comments at all.
    const first = await ctx.db.selectFrom('review_round_service').select('id').where('round_id', '=', round).orderBy('position').executeTakeFirstOrThrow();
    const none = await get(`/vurdering/dashbord?runde=${round}&tjeneste=${first.id}`, architect);
    expect(textOf(none.html)).toContain('Ingen kommentarer passer filteret.');

    expect((await get(`/vurdering/dashbord?runde=${round}&tjeneste=999999`, architect)).status).toBe(404);
    const bad = await get(`/vurdering/dashbord?runde=${round}&standpunkt=kanskje`, architect);
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain('Standpunkt må være ett av');
  });
});
