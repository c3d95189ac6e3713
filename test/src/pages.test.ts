import { testEngine } from '../engine.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementKinds, kindInfo } from '../../model/kinds.ts';
import { modelExportSchema } from '../../model/export.ts';
import { loadScopeModel } from '../../src/db/queries/model.ts';
import { htmx, testApp, textOf } from '../helpers.ts';

let ctx: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  ctx = await testApp();
});
afterAll(() => ctx.db.destroy());

const get = (path: string, headers: Record<string, string> = {}) => ctx.app.request(path, { headers });

/** Every page and a name from the seed that it must show. */
const pages: Array<[string, string[]]> = [
  ['/', ['Omfanget av Akson', 'Multidose', 'Legemidler og vaksiner', 'Hull i modellen', 'Kommuner']],
  ['/elementer', ['Informasjonstjenester', 'Nasjonal e-helseportefølje']],
  ['/gapanalyse', ['Tjenester i første leveranse uten aktør', 'Smitte hos pasient', 'Fastleger']],
  ['/funksjonsomrader', ['Dokumentasjon av forløp og tilstand', 'Håndtere klinisk historikk', 'Samhandlingsplattform']],
  ['/veikart', ['Forprosjekt og KS2', 'Intensjonsavtaler med kommuner', 'Beslutte hvilket omfang som kontrakten skal omfatte']],
  ['/portefolje', ['Helseplattformen', 'Kjernejournal', 'Helse Midt-Norge RHF']],
  ['/krav', ['AKS-0001', 'helhetlig arbeidsflate']],
  ['/informasjonstjenester', ['Vergemål og samtykkekompetanse', 'Individuell plan']],
  ['/matriser/personellgrupper', ['Pleie- og omsorgstjenester', 'Multidose']],
  ['/matriser/aktorer', ['Spesialisthelsetjenesten', 'Slå opp', 'Multidose']],
  ['/kommuner', ['Oslo', 'Utsira', '5 550 203']],
  ['/kilde', ['Direktoratet for e-helse']],
  ['/kilde/akson-arena-2019-10-24?fra=2146&til=2146', ['Multidose', 'TENTATIVT, ER UNDER ARBEID']],
  ['/diagrammer', ['Omfanget', 'Samhandlingskart', 'Første leveranse', 'Veikart 2019–2030', 'Avhengigheter til nasjonal portefølje', 'Én informasjonstjeneste']],
  ['/diagrammer/omfang', ['Samhandlingsplattform', 'Dokumentasjon av forløp og tilstand', 'Ikke plassert i en løsningsdel', 'Legemidler og vaksiner']],
  ['/diagrammer/samhandling', ['Spesialisthelsetjenesten', 'alle 8 aktører står som åpne', 'Ikke avklart']],
  ['/diagrammer/forste-leveranse', ['Multidose', 'Individuell plan', 'Kritisk informasjon', 'tentativ plassering']],
  ['/diagrammer/veikart', ['Forprosjekt og KS2', 'Intensjonsavtaler med kommuner', 'Beslutningspunkt J3']],
  ['/diagrammer/avhengigheter', ['Ingen informasjonstjeneste er registrert som avhengig', 'Helseplattformen', 'Grønn']],
  ['/diagrammer/tjeneste/multidose', ['Multidose', 'Ingen aktør koblet ennå', 'Ikke koblet ennå']],
];

describe('every page answers 200 with seeded names on it', () => {
  it.each(pages)('%s', async (path, expected) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const text = textOf(await res.text());
    for (const name of expected) expect(text).toContain(name);
  });

  it('starts every page with a doctype so browsers use standards mode', async () => {
    for (const [path] of pages) expect((await (await get(path)).text()).startsWith('<!DOCTYPE html>'), path).toBe(true);
  });

  it('has a list page and a detail page for every element kind', async () => {
    const model = await loadScopeModel(ctx.db);
    for (const kind of elementKinds) {
      const list = await get(`/${kindInfo[kind].path}`);
      // The capability list is the tree.
      const page = list.status === 302 ? await get(list.headers.get('location')!) : list;
      expect(page.status, kind).toBe(200);
      const first = model.elements[kind][0]!;
      expect(textOf(await page.text()), kind).toContain(first.name);

      const detail = await get(`/${kindInfo[kind].path}/${first.key}`);
      expect(detail.status, `${kind}/${first.key}`).toBe(200);
      expect(textOf(await detail.text()), kind).toContain(first.name);
    }
  });

  it('shows every link an information service has', async () => {
    // Give Multidose one of each link, then read its page.
    const model = await loadScopeModel(ctx.db);
    const id = (kind: keyof typeof model.elements, key: string) => model.elements[kind].find((e) => e.key === key)!.id;
    const service = id('informationService', 'multidose');
    await ctx.db.insertInto('service_capability').values({ service_id: service, capability_id: id('capability', 'administrasjon-av-legemidler') }).execute();
    await ctx.db.insertInto('service_goal').values({ service_id: service, goal_id: id('goal', 'trygghet-og-pasientsikkerhet') }).execute();
    await ctx.db.insertInto('service_dependency').values({ service_id: service, project_id: id('nationalProject', 'p160-digitalisering-av-legemiddelomradet') }).execute();
    await ctx.db
      .insertInto('service_exchange')
      .values({ service_id: service, actor_id: id('actor', 'spesialisthelsetjenesten'), mode_id: id('collaborationMode', 'endre-og-dele'), need_level_id: id('needLevel', 'nye') })
      .execute();
    await ctx.db.insertInto('service_personnel').values({ service_id: service, personnel_group_id: id('personnelGroup', 'legevakt'), usage: 'both' }).execute();
    await ctx.db.insertInto('requirement_element').values({ requirement_id: id('requirement', 'aks-0003'), element_id: service }).execute();

    const text = textOf(await (await get('/informasjonstjenester/multidose')).text());
    for (const expected of [
      'Legemidler og vaksiner', // category
      '2023', // tier
      'Tentativ plassering',
      'Administrasjon av legemidler', // capability
      'Spesialisthelsetjenesten',
      'Endre og dele',
      'Nye informasjonstjenester', // need level
      'Legevakt – leser og dokumenterer',
      'Økt trygghet og pasientsikkerhet',
      'Digitalisering av legemiddelområdet',
      'Gul', // the project's status
      'AKS-0003',
      'Kilde, linje 2146',
    ]) {
      expect(text).toContain(expected);
    }
    // The cleared gap: Multidose no longer lacks an actor or a personnel group.
    const gaps = await (await get('/gapanalyse')).text();
    const withoutActor = textOf(gaps.slice(gaps.indexOf('id="uten-aktor"'), gaps.indexOf('id="uten-personellgruppe"')));
    expect(withoutActor).toContain('(33)');
    expect(withoutActor).not.toContain('Multidose');
    expect(withoutActor).toContain('Smitte hos pasient');
  });
});

describe('filters update the matrices', () => {
  it('filters by tier and category, and answers htmx with only the matrix', async () => {
    const full = await get('/matriser/personellgrupper?tier=2023');
    const fullText = textOf(await full.text());
    expect(fullText).toContain('Multidose');
    expect(fullText).not.toContain('Individuell plan');
    expect(fullText).toContain('4 informasjonstjenester');

    const fragment = await get('/matriser/aktorer?tier=pluss&category=plan', htmx);
    expect(fragment.status).toBe(200);
    expect(fragment.headers.get('vary')).toContain('HX-Request');
    const html = await fragment.text();
    expect(html).not.toContain('<html');
    expect(html).toContain('id="matrise"');
    const text = textOf(html);
    expect(text).toContain('Individuell plan');
    expect(text).not.toContain('Multidose');
    // The coverage under the matrix follows the filter, and keeps it when it redraws itself.
    expect(text).toContain('5 informasjonstjenester i matrisen');
    expect(html).toMatch(/<section id="matrise-dekning"[^>]*hx-get="\/matriser\/aktorer\/dekning\?tier=pluss&amp;category=plan"[^>]*hx-swap-oob="true"/);
  });

  it('gives the whole page when htmx restores history', async () => {
    const res = await get('/matriser/aktorer?tier=2023', { ...htmx, 'HX-History-Restore-Request': 'true' });
    expect(await res.text()).toContain('<html');
  });

  it('sorts and filters the portfolio', async () => {
    const text = textOf(await (await get('/portefolje?status=R%C3%B8d&sort=budget&dir=desc')).text());
    expect(text).toContain('3 prosjekter');
    const order = ['Regionalt laboratoriesystem', 'SAFEST realisering', 'Pakkeforløp psykisk helse og rus'].map((n) => text.indexOf(n));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain('Helseplattformen');

    const area = textOf(await (await get('/portefolje?area=5', htmx)).text());
    expect(area).toContain('4 prosjekter');
    expect(area).toContain('Program for kodeverk og terminologi');
  });
});

describe('bad input', () => {
  const noStackTrace = (html: string) => {
    expect(html).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(html).not.toContain('Error:');
  };

  it.each([
    ['/finnes-ikke', 'Det finnes ingen side'],
    ['/informasjonstjenester/finnes-ikke', 'Det finnes ingen informasjonstjeneste med nøkkelen «finnes-ikke»'],
    ['/portefolje/p999-ukjent', 'nøkkelen «p999-ukjent»'],
    ['/krav/AKS-0001', 'nøkkelen «AKS-0001»'],
    ['/kilde/ukjent', 'Det finnes ingen kilde'],
    ['/informasjonstjenester/%3Cscript%3E', 'nøkkelen «<script>»'],
  ])('%s answers 404 inside the layout with a way back', async (path, message) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<nav aria-label="Hovedmeny" id="hovedmeny">');
    expect(html).toContain('href="/"');
    expect(textOf(html)).toContain(message);
    expect(html).not.toContain('<script>'.replace('>', '>a'));
    noStackTrace(html);
  });

  it.each([
    ['/matriser/aktorer?tier=finnes-ikke', 'Det finnes ikke noe leveransetrinn med nøkkelen «finnes-ikke»'],
    ['/matriser/personellgrupper?category=Ikke+en+n%C3%B8kkel', 'category'],
    ['/matriser/personellgrupper?tier=2023&tier=pluss', 'tier'],
    ['/matriser/personellgrupper?farge=bl%C3%A5', 'Ukjent parameter: farge'],
    ['/portefolje?sort=budsjett', 'Sortering må være en av'],
    ['/portefolje?dir=opp', 'Retning må være asc eller desc'],
    ['/krav?status=ferdig', 'Status må være en av'],
    ['/kilde/akson-arena-2019-10-24?fra=abc', 'fra må være et linjenummer'],
    ['/kilde/akson-arena-2019-10-24?fra=99999', 'linje 99999 finnes ikke'],
  ])('%s answers 400 with a clear message', async (path, message) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<nav aria-label="Hovedmeny" id="hovedmeny">');
    expect(textOf(html)).toContain(message);
    noStackTrace(html);
  });

  it('retargets an htmx error to the main content so the message is seen', async () => {
    const res = await get('/matriser/aktorer?tier=finnes-ikke', htmx);
    expect(res.status).toBe(400);
    expect(res.headers.get('hx-retarget')).toBe('#innhold');
    expect(await res.text()).not.toContain('<html');
  });

  it('answers an unexpected failure with a friendly 500 page and logs it', async () => {
    const broken = await testApp();
    await broken.db.schema.dropTable('service_goal').execute();
    const res = await broken.app.request('/gapanalyse');
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(textOf(html)).toContain('Noe gikk galt');
    noStackTrace(html);
    expect(broken.errors).toHaveLength(1);
    await broken.db.destroy();
  });
});

describe('JSON and health', () => {
  it('GET /api/model returns the whole model in the documented shape', async () => {
    const res = await get('/api/model');
    expect(res.status).toBe(200);
    const body = await res.json();
    const parsed = modelExportSchema.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    expect(body.elements.informationService).toHaveLength(34);
    expect(body.elements.nationalProject).toHaveLength(52);
    expect(body.municipalities).toHaveLength(357);
    const multidose = body.elements.informationService.find((s: { key: string }) => s.key === 'multidose');
    expect(multidose).toMatchObject({ name: 'Multidose', source: { document: 'akson-arena-2019-10-24', fromLine: 2146, toLine: 2146 } });
    expect(typeof multidose.id).toBe('number');
  });

  it('GET /healthz says ok once migrated, with the engine and the migration state; /livez answers too', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', engine: testEngine });
    expect(body.migration.applied).toBe(body.migration.expected);
    expect(await (await get('/livez')).json()).toEqual({ status: 'alive' });
  });

  it('serves htmx, the design system and its theme itself', async () => {
    for (const asset of ['htmx.min.js', 'designsystemet.css', 'theme.css', 'app.css', 'app.js']) {
      const res = await get(`/assets/${asset}`);
      expect(res.status, asset).toBe(200);
      expect((await res.arrayBuffer()).byteLength, asset).toBeGreaterThan(100);
    }
    const etag = (await get('/assets/htmx.min.js')).headers.get('etag')!;
    expect((await get('/assets/htmx.min.js', { 'If-None-Match': etag })).status).toBe(304);
    expect((await get('/assets/../package.json')).status).toBe(404);
  });

  it('pages load no asset from another host', async () => {
    const html = await (await get('/')).text();
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(urls.filter((u) => /^(https?:)?\/\//.test(u))).toEqual([]);
  });
});
