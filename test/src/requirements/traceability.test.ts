import { describe, expect, it } from 'vitest';
import { requirementCoverage } from '../../../model/requirements.ts';
import { loadScopeModel } from '../../../src/db/queries/model.ts';
import { loadTraceContext } from '../../../src/db/queries/requirement-trace.ts';
import { htmx, postForm, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';

/** The traceability view (issue 13): coverage figures counted in SQL, requirements by service or capability, filters. */

async function figures(ctx: TestContext, headers: Record<string, string> = {}) {
  const html = await (await ctx.app.request('/krav/sporbarhet', { headers })).text();
  const figure = (id: string) => {
    const m = new RegExp(`id="${id}">([\\d\\s\\u00a0]+) av ([\\d\\s\\u00a0]+) `).exec(html);
    return m ? [Number(m[1]!.replace(/\D/g, '')), Number(m[2]!.replace(/\D/g, ''))] : null;
  };
  return { withoutRequirement: figure('dekning-uten-krav'), governingNothing: figure('dekning-gjelder-ingenting'), deleted: figure('dekning-slettet'), html };
}

/** What the pure, tested `requirementCoverage` says about the same database. */
async function expected(ctx: TestContext) {
  const model = await loadScopeModel(ctx.db, { municipalities: false });
  const c = requirementCoverage(model, (await loadTraceContext(ctx.db)).lostLinks);
  return {
    withoutRequirement: [c.firstDeliveryWithoutRequirement.length, c.firstDeliveryServices],
    governingNothing: [c.governingNothing.length, c.requirements],
    deleted: [c.withDeletedElement.length, c.requirements],
  };
}

async function versionOf(ctx: TestContext, kind: string, key: string): Promise<number> {
  return (await ctx.db.selectFrom('element').select('version').where('kind', '=', kind).where('key', '=', key).executeTakeFirstOrThrow()).version;
}

describe('the coverage figures', () => {
  it('are the numbers the model function gives, and move by exactly one with each change', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    const start = await figures(ctx);
    const want = await expected(ctx);
    expect({ withoutRequirement: start.withoutRequirement, governingNothing: start.governingNothing, deleted: start.deleted }).toEqual(want);
    expect(start.withoutRequirement![1]).toBeGreaterThan(0);

    // A new requirement governs nothing: +1 requirement, +1 governing nothing.
    await postForm(ctx, '/krav', { name: 'Nytt', text: 'Løsningen skal virke.', priority: 'must', status: 'draft' }, headers);
    const afterCreate = await figures(ctx);
    expect(afterCreate.governingNothing).toEqual([start.governingNothing![0]! + 1, start.governingNothing![1]! + 1]);

    // It then governs a first-delivery service that had no requirement: both figures drop by one.
    const ungoverned = /<a class="ds-link" href="\/informasjonstjenester\/([a-z0-9-]+)">/.exec(afterCreate.html.slice(afterCreate.html.indexOf('id="dekning"')))![1]!;
    const linked = await postForm(ctx, '/krav/aks-0011/koblinger', { version: String(await versionOf(ctx, 'requirement', 'aks-0011')), target: `informationService:${ungoverned}` }, headers);
    expect(linked.status).toBe(200);
    const afterLink = await figures(ctx);
    expect(afterLink.withoutRequirement).toEqual([start.withoutRequirement![0]! - 1, start.withoutRequirement![1]]);
    expect(afterLink.governingNothing![0]).toBe(start.governingNothing![0]);

    // The service is deleted: the requirement keeps the link by name and governs nothing again.
    const ask = await postForm(ctx, `/informasjonstjenester/${ungoverned}/slett`, { version: String(await versionOf(ctx, 'informationService', ungoverned)) }, headers);
    const confirm = /name="confirm" value="([^"]+)"/.exec(await ask.text())?.[1];
    if (confirm) await postForm(ctx, `/informasjonstjenester/${ungoverned}/slett`, { confirm }, headers);
    const afterDelete = await figures(ctx);
    expect(afterDelete.deleted).toEqual([start.deleted![0]! + 1, start.deleted![1]! + 1]);
    expect(afterDelete.withoutRequirement).toEqual([start.withoutRequirement![0]! - 1, start.withoutRequirement![1]! - 1]);
    expect(afterDelete.governingNothing![0]).toBe(start.governingNothing![0]! + 1);
    expect(textOf(afterDelete.html)).toMatch(/AKS-0011 Nytt \(gjaldt «[^»]+»\)/);
    expect({ withoutRequirement: afterDelete.withoutRequirement, governingNothing: afterDelete.governingNothing, deleted: afterDelete.deleted }).toEqual(await expected(ctx));
  });
});

describe('requirements by service and by capability', () => {
  it('lists each service with the requirements that govern it, filtered by chapter (with its sections), type, priority, status and tier', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    await postForm(ctx, '/krav/kapitler', { name: 'Legemidler' }, headers);
    const chapter = (await ctx.db.selectFrom('requirement_chapter').select('id').executeTakeFirstOrThrow()).id;
    await postForm(ctx, '/krav/kapitler', { name: 'Multidose', parent: String(chapter) }, headers);
    const section = (await ctx.db.selectFrom('requirement_chapter').select('id').where('name', '=', 'Multidose').executeTakeFirstOrThrow()).id;
    await postForm(ctx, '/krav', { name: 'Multidosekrav', text: 'Løsningen skal vise multidose.', priority: 'could', status: 'approved', chapter: String(section), type: 'integrasjon' }, headers);
    await postForm(ctx, '/krav/aks-0011/koblinger', { version: String(await versionOf(ctx, 'requirement', 'aks-0011')), target: 'informationService:multidose' }, headers);
    await postForm(ctx, '/krav/aks-0002/koblinger', { version: String(await versionOf(ctx, 'requirement', 'aks-0002')), target: 'informationService:multidose' }, headers);

    const rowOf = async (url: string) => {
      const res = await ctx.app.request(url);
      expect(res.status, url).toBe(200);
      const html = await res.text();
      const at = html.indexOf('<a class="ds-link" href="/informasjonstjenester/multidose">');
      return { row: at < 0 ? '' : textOf(html.slice(at, html.indexOf('</tr>', at))) };
    };
    const all = await rowOf('/krav/sporbarhet?trinn=2023');
    expect(all.row).toContain('AKS-0011 Multidosekrav');
    expect(all.row).toContain('AKS-0002');

    for (const filter of [`kapittel=${chapter}`, `kapittel=${section}`, 'type=integrasjon', 'prioritet=could', 'status=approved']) {
      const { row } = await rowOf(`/krav/sporbarhet?trinn=2023&${filter}`);
      expect(row, filter).toContain('AKS-0011 Multidosekrav');
      expect(row, filter).not.toContain('AKS-0002');
    }
    const none = await rowOf('/krav/sporbarhet?trinn=2023&type=universell-utforming');
    expect(none.row).not.toContain('AKS-0011');

    // Another tier leaves the service out.
    const later = textOf(await (await ctx.app.request('/krav/sporbarhet?trinn=pluss')).text());
    expect(later).toMatch(/[1-9]\d* tjenester?\./);
    expect(later).not.toContain('AKS-0011 Multidosekrav');

    // By capability: the requirement reaches a capability through a service that supports it.
    const capability = 'dokumentasjon-av-forlop-og-tilstand';
    const supports = await postForm(ctx, '/informasjonstjenester/multidose/koblinger', { version: String(await versionOf(ctx, 'informationService', 'multidose')), capabilities: capability }, headers);
    expect(supports.status).toBeLessThan(400);
    const supported = { capability };
    let capabilityRow = '';
    for (let side = 1; side <= 10 && !capabilityRow; side++) {
      const html = await (await ctx.app.request(`/krav/sporbarhet?etter=funksjonsomrader&side=${side}`)).text();
      const at = html.indexOf(`href="/funksjonsomrader/${supported.capability}"`);
      if (at >= 0) capabilityRow = textOf(html.slice(at, html.indexOf('</tr>', at)));
    }
    expect(capabilityRow).toContain('AKS-0011 Multidosekrav');

    // The fragment htmx asks for is the table alone; a bad parameter is a 400 that names it.
    const fragment = await (await ctx.app.request('/krav/sporbarhet?prioritet=must', { headers: htmx })).text();
    expect(fragment.startsWith('<div id="sporingstabell">')).toBe(true);
    const bad = await ctx.app.request('/krav/sporbarhet?prioritet=viktig');
    expect(bad.status).toBe(400);
    expect(textOf(await bad.text())).toContain('prioritet');
  });

  it('names ten requirements a row and links to the whole filtered list, which has as many as the row counts', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    for (let i = 1; i <= 12; i++) await postForm(ctx, '/krav', { name: `Tak ${String(i).padStart(2, '0')}`, text: 'Løsningen skal tåle mye.', priority: 'must', status: 'draft' }, headers);
    const created = await ctx.db.selectFrom('element').select('key').where('kind', '=', 'requirement').where('name', 'like', 'Tak %').orderBy('key').execute();
    expect(created).toHaveLength(12);
    for (const { key } of created) {
      const linked = await postForm(ctx, `/krav/${key}/koblinger`, { version: String(await versionOf(ctx, 'requirement', key)), target: 'informationService:multidose' }, headers);
      expect(linked.status).toBe(200);
    }
    const counted = async (url: string) => Number(/(\d+) krav\b/.exec(textOf(await (await ctx.app.request(url)).text()))?.[1]);
    const rowOf = async (url: string, href: string) => {
      const html = await (await ctx.app.request(url)).text();
      const at = html.indexOf(href);
      expect(at, url).toBeGreaterThan(0);
      return html.slice(at, html.indexOf('</tr>', at));
    };

    // By service: ten named, the first by number; the link's list has them all.
    const row = await rowOf('/krav/sporbarhet?trinn=2023&prioritet=must', 'href="/informasjonstjenester/multidose"');
    expect(row.match(/href="\/krav\/aks-/g)).toHaveLength(10);
    const all = /href="(\/krav\?priority=must&amp;element=informationService%3Amultidose)">([^<]+)</.exec(row);
    expect(all?.[2]).toMatch(/^Se alle (\d+) krav for «Multidose»$/);
    const total = Number(/(\d+) krav/.exec(all![2]!)![1]);
    expect(total).toBeGreaterThanOrEqual(12);
    expect(await counted(all![1]!.replace(/&amp;/g, '&'))).toBe(total);

    // By capability: what governs a service it supports counts too, here and in the list the link opens.
    const capability = 'dokumentasjon-av-forlop-og-tilstand';
    await postForm(ctx, '/informasjonstjenester/multidose/koblinger', { version: String(await versionOf(ctx, 'informationService', 'multidose')), capabilities: capability }, headers);
    let capabilityRow = '';
    for (let side = 1; side <= 10 && !capabilityRow; side++) {
      const html = await (await ctx.app.request(`/krav/sporbarhet?etter=funksjonsomrader&prioritet=must&side=${side}`)).text();
      const at = html.indexOf(`href="/funksjonsomrader/${capability}"`);
      if (at >= 0) capabilityRow = html.slice(at, html.indexOf('</tr>', at));
    }
    const link = new RegExp(`href="(/krav\\?priority=must&amp;element=capability%3A${capability})">Se alle (\\d+) krav`).exec(capabilityRow);
    expect(link, capabilityRow).not.toBeNull();
    expect(Number(link![2])).toBeGreaterThanOrEqual(12);
    expect(await counted(link![1]!.replace(/&amp;/g, '&'))).toBe(Number(link![2]));
  });

  it('pages the services with the filters kept in the links', async () => {
    const ctx = await testApp();
    const first = await (await ctx.app.request('/krav/sporbarhet?prioritet=must')).text();
    const total = Number(/(\d+) tjenester\./.exec(textOf(first))?.[1]);
    if (total > 50) {
      expect(first).toContain('href="/krav/sporbarhet?prioritet=must&amp;side=2"');
      const second = await (await ctx.app.request('/krav/sporbarhet?prioritet=must&side=2')).text();
      expect(second).toContain('aria-current="page"');
      expect(textOf(second)).not.toEqual(textOf(first));
    }
    expect(total).toBeGreaterThan(0);
  });
});
