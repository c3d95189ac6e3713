import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { growModel } from '../../seeds/synthetic.ts';
import { htmx, testApp, textOf } from '../helpers.ts';

let ctx: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  ctx = await testApp();
});
afterAll(() => ctx.db.destroy());

const get = (path: string, headers: Record<string, string> = {}) => ctx.app.request(path, { headers });
/** The Mermaid text a page carries for the browser to draw. */
const sourceIn = (html: string) =>
  (html.match(/<pre data-diagram-source[^>]*>([\s\S]*?)<\/pre>/)?.[1] ?? '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const diagramPaths = ['/diagrammer/omfang', '/diagrammer/samhandling', '/diagrammer/forste-leveranse', '/diagrammer/veikart', '/diagrammer/avhengigheter', '/diagrammer/tjeneste/multidose', '/informasjonstjenester/multidose'];

describe('diagram pages', () => {
  it('are in the main navigation', async () => {
    const html = await (await get('/')).text();
    expect(html).toContain('<a class="ds-link" href="/diagrammer"');
  });

  it.each(diagramPaths)('%s draws with Mermaid from the app, with no inline script or handler', async (path) => {
    const html = await (await get(path)).text();
    // Assets are served under content-hashed names (`mermaid.min.<hash>.js`), from the app itself
    // (the policy allows scripts from this origin only: no nonce is needed, none is sent).
    expect(html).toMatch(/<script src="\/assets\/mermaid\.min\.[A-Za-z0-9_-]+\.js" defer="">/);
    expect(html).toMatch(/<script src="\/assets\/diagrams\.[A-Za-z0-9_-]+\.js" defer="">/);
    // Every script is a file: a strict Content-Security-Policy holds.
    expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull();
    expect(html).not.toMatch(/\son[a-z]+=|hx-on/);
    expect(html).toMatch(/<figure class="diagram" data-diagram="true" data-node-count="\d+"/);
    expect(sourceIn(html)).toMatch(/^(flowchart LR|gantt)\n\s+accTitle: /);
  });

  it('loads Mermaid only where there is a diagram', async () => {
    for (const path of ['/', '/matriser/aktorer', '/diagrammer', '/informasjonskategorier/plan']) {
      expect(await (await get(path)).text(), path).not.toContain('mermaid.min.js');
    }
  });

  it('redraws a filtered diagram as a fragment for htmx', async () => {
    const res = await get('/diagrammer/forste-leveranse?tier=2023', htmx);
    expect(res.status).toBe(200);
    expect(res.headers.get('vary')).toContain('HX-Request');
    const html = await res.text();
    expect(html).not.toContain('<html');
    expect(html).toMatch(/^<div id="diagram-forste-leveranse"/);
    const source = sourceIn(html);
    expect(source).toContain('"Multidose"');
    expect(source).not.toContain('Individuell plan');
    // The download link keeps the filter.
    expect(html).toContain('href="/diagrammer/forste-leveranse.mmd?tier=2023"');
  });

  it('filters by actor and personnel group, and says what is missing', async () => {
    const text = textOf(await (await get('/diagrammer/forste-leveranse?group=legevakt')).text());
    expect(text).toContain('Ingen informasjonstjenester passer filteret');
    const map = textOf(await (await get('/diagrammer/samhandling?actor=innbygger')).text());
    expect(map).toContain('så aktøren står som åpen til arkitektene kobler den');
  });
});

describe('in English', () => {
  const en = { 'Accept-Language': 'en' };
  it('the index, the first-delivery diagram and its legend, table and controls speak English', async () => {
    const index = textOf(await (await get('/diagrammer', en)).text());
    expect(index).toContain('The scope drawn: each diagram can be filtered');
    expect(index).toContain('One information service');
    const html = await (await get('/diagrammer/forste-leveranse?tier=2023', en)).text();
    const text = textOf(html);
    for (const words of ['First delivery', 'Delivery tier in the first delivery', 'The content as a table', 'Zoom in', 'Zoom out', 'Fit', 'Download the Mermaid source', 'All categories']) expect(text).toContain(words);
    expect(html).toContain('aria-label="Filter the diagram"');
    expect(sourceIn(html)).toMatch(/accTitle: First delivery#58; delivery tiers#44; information categories and information services/);
    expect(text).not.toContain('Leveransetrinn i første leveranse');
    // The redraw is announced in English too.
    const fragment = textOf(await (await get('/diagrammer/forste-leveranse?tier=2023', { ...en, ...htmx })).text());
    expect(fragment).toMatch(/The diagram is redrawn with \d+ boxes\. The table below shows the same\./);
  });

  it('refuses a bad filter in English', async () => {
    const res = await get('/diagrammer/forste-leveranse?expand=finnes-ikke', en);
    expect(res.status).toBe(400);
    expect(textOf(await res.text())).toContain('The diagram has no group with the key “finnes-ikke” to show in full');
  });
});

describe('Mermaid source downloads', () => {
  it.each([
    ['/diagrammer/omfang.mmd', 'akson-omfang.mmd', 'flowchart LR'],
    ['/diagrammer/samhandling.mmd?actor=innbygger', 'akson-samhandling.mmd', 'flowchart LR'],
    ['/diagrammer/forste-leveranse.mmd?tier=2023', 'akson-forste-leveranse.mmd', 'flowchart LR'],
    ['/diagrammer/veikart.mmd?track=journal', 'akson-veikart.mmd', 'gantt'],
    ['/diagrammer/avhengigheter.mmd', 'akson-avhengigheter.mmd', 'flowchart LR'],
    ['/diagrammer/tjeneste/multidose.mmd', 'akson-tjeneste-multidose.mmd', 'flowchart LR'],
  ])('%s is a text file named %s', async (path, file, start) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${file}"`);
    const body = await res.text();
    expect(body.startsWith(`${start}\n`)).toBe(true);
  });

  it('has the same content as the page for the same filters', async () => {
    const page = sourceIn(await (await get('/diagrammer/forste-leveranse?tier=2023')).text());
    const file = await (await get('/diagrammer/forste-leveranse.mmd?tier=2023')).text();
    expect(file).toBe(page);
    const journal = await (await get('/diagrammer/veikart.mmd?track=journal')).text();
    expect(journal).toContain('#66;eslutning J3');
    expect(journal).not.toContain('eslutning S1');
  });
});

describe('bad diagram input', () => {
  it.each([
    ['/diagrammer/omfang?farge=bl%C3%A5', 'Ukjent parameter: farge'],
    ['/diagrammer/samhandling?actor=finnes-ikke', 'Det finnes ingen aktør med nøkkelen «finnes-ikke»'],
    ['/diagrammer/forste-leveranse?group=finnes-ikke', 'Det finnes ikke noe tjenesteområde med nøkkelen «finnes-ikke»'],
    ['/diagrammer/forste-leveranse?expand=finnes-ikke', 'ingen gruppe med nøkkelen «finnes-ikke»'],
    ['/diagrammer/samhandling?expand=plan', 'ingen gruppe med nøkkelen «plan»'],
    ['/diagrammer/avhengigheter.mmd?tier=Ikke+en+n%C3%B8kkel', 'tier'],
    ['/diagrammer/veikart?tier=2023', 'Ukjent parameter: tier'],
    ['/diagrammer/veikart?track=begge', 'Spor må være en av journal, samhandling'],
    ['/diagrammer/veikart?phase=finnes-ikke', 'Det finnes ingen fase med nøkkelen «finnes-ikke»'],
    ['/diagrammer/tjeneste/multidose?tier=2023', 'Ukjent parameter: tier'],
    ['/diagrammer/tjeneste?service=%3Cscript%3E', 'service'],
    ['/diagrammer/tjeneste', 'Velg en informasjonstjeneste eller skriv noe av navnet'],
    ['/diagrammer/forste-leveranse?side=0', 'Sidetallet må være 1 eller mer'],
  ])('%s answers 400 with a clear message', async (path, message) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<nav aria-label="Hovedmeny" id="hovedmeny">');
    expect(textOf(html)).toContain(message);
  });

  it('answers an unknown service with 404', async () => {
    for (const path of ['/diagrammer/tjeneste/finnes-ikke', '/diagrammer/tjeneste/finnes-ikke.mmd']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(textOf(await res.text())).toContain('Det finnes ingen informasjonstjeneste med nøkkelen «finnes-ikke»');
    }
  });

  it('takes the index page’s service picker to the service’s diagram', async () => {
    const res = await get('/diagrammer/tjeneste?service=multidose');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/diagrammer/tjeneste/multidose');
  });
});

describe('names from users', () => {
  it('are escaped in the page and safe in the Mermaid text', async () => {
    const evil = '<script>alert(1)</script> "end" #1; %%{init:{}}%%';
    await ctx.db.updateTable('element').set({ name: evil }).where('key', '=', 'multidose').where('kind', '=', 'informationService').execute();
    try {
      const html = await (await get('/diagrammer/forste-leveranse')).text();
      expect(html).not.toContain('<script>alert(1)');
      const source = sourceIn(html);
      expect(source).toContain('"#60;script#62;alert#40;1#41;#60;#47;script#62; #34;end#34; #35;1#59; #37;#37;#123;init#58;#123;#125;#125;#37;#37;"');
      expect(source).not.toContain('%%');
    } finally {
      await ctx.db.updateTable('element').set({ name: 'Multidose' }).where('key', '=', 'multidose').where('kind', '=', 'informationService').execute();
    }
  });
});

describe('a model with ten times the services', () => {
  it('collapses the large diagrams to categories and expands one on request', async () => {
    const big = await testApp();
    await growModel(big.db, { factor: 10, link: true });
    const html = await (await big.app.request('/diagrammer/forste-leveranse')).text();
    expect(textOf(html)).toContain('Sammenslått');
    expect(textOf(html)).toContain('over grensen på 100');
    const collapsed = sourceIn(html);
    expect(collapsed).not.toContain('Multidose');
    expect(html).toContain('href="/diagrammer/forste-leveranse?expand=legemidler-og-vaksiner"');

    // The table counts each category's services and links to the list of them.
    expect(html).toMatch(/<a class="ds-link" href="\/informasjonstjenester\?tier=2023&amp;category=legemidler-og-vaksiner">Se de \d+ tjenestene i listen<\/a>/);

    const expandedHtml = await (await big.app.request('/diagrammer/forste-leveranse?expand=legemidler-og-vaksiner')).text();
    const expanded = sourceIn(expandedHtml);
    expect(expanded).toContain('"Multidose #40;kopi 10#41;"');
    expect(expanded).not.toContain('Individuell plan');
    await big.db.destroy();
  });
});

describe('a model with fifteen times the services', () => {
  it('draws an expanded category a page at a time, and finds a service by name instead of listing 510', async () => {
    const big = await testApp();
    await growModel(big.db, { factor: 15, link: true });
    const expandedHtml = await (await big.app.request('/diagrammer/forste-leveranse?expand=plan')).text();
    const expanded = sourceIn(expandedHtml);
    // More services than one drawing holds: a page at a time, with links between the pages.
    expect(Number(expandedHtml.match(/data-node-count="(\d+)"/)![1])).toBeLessThanOrEqual(60 + 30);
    expect(textOf(expandedHtml)).toMatch(/Diagrammet viser tjeneste 1–60 av \d+ i «Plan»/);
    expect(expandedHtml).toContain('href="/diagrammer/forste-leveranse?expand=plan&amp;side=2"');
    const second = await (await big.app.request('/diagrammer/forste-leveranse?expand=plan&side=2')).text();
    expect(textOf(second)).toMatch(/Diagrammet viser tjeneste 61–\d+ av \d+/);
    expect(sourceIn(second)).not.toBe(expanded);
    // A page past the last shows the last.
    const past = await big.app.request('/diagrammer/forste-leveranse?expand=plan&side=999');
    expect(past.status).toBe(200);
    expect(textOf(await past.text())).toMatch(/Diagrammet viser tjeneste \d+–(\d+) av \1 /);

    // 510 services are too many to pick from a list: the index page searches by name instead.
    const index = await (await big.app.request('/diagrammer')).text();
    expect(index).not.toContain('<select class="ds-input" id="velg-tjeneste"');
    expect(index).toContain('name="q" type="search"');
    const found = await (await big.app.request('/diagrammer/tjeneste?q=MULTIDOSE')).text();
    expect(found).toContain('href="/diagrammer/tjeneste/multidose"');
    expect(found).toContain('href="/diagrammer/tjeneste/multidose-kopi-15"');
    expect(textOf(found)).toContain('15 informasjonstjenester har «MULTIDOSE» i navnet');
    const wildcard = await (await big.app.request('/diagrammer/tjeneste?q=%25')).text();
    expect(textOf(wildcard)).toContain('Ingen informasjonstjeneste har «%» i navnet');
    await big.db.destroy();
  });
});
