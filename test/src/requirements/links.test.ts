import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../../../model/accounts.ts';
import { htmx, postForm, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';

/** Traceability (issue 13): linking and unlinking a requirement from both sides. */

async function versionOf(ctx: TestContext, kind: string, key: string): Promise<number> {
  const row = await ctx.db.selectFrom('element').select('version').where('kind', '=', kind).where('key', '=', key).executeTakeFirstOrThrow();
  return row.version;
}

async function governs(ctx: TestContext, requirementKey: string, elementKey: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('requirement_element')
    .innerJoin('element as r', 'r.id', 'requirement_element.requirement_id')
    .innerJoin('element as e', 'e.id', 'requirement_element.element_id')
    .select('r.id')
    .where('r.key', '=', requirementKey)
    .where('e.key', '=', elementKey)
    .executeTakeFirst();
  return row !== undefined;
}

describe('linking a requirement to an element', () => {
  it('works from the requirement page and from the service page, and both pages show it', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    const res = await postForm(ctx, '/krav/aks-0001/koblinger', { version: String(await versionOf(ctx, 'requirement', 'aks-0001')), linkKind: 'governs', target: 'informationService:multidose' }, headers);
    expect(res.status).toBe(200);
    expect(textOf(await res.text())).toContain('Koblingen er lagret.');
    expect(await governs(ctx, 'aks-0001', 'multidose')).toBe(true);

    const fromService = await postForm(ctx, '/informasjonstjenester/behandlingsmal/krav', { version: String(await versionOf(ctx, 'informationService', 'behandlingsmal')), requirement: 'aks-0001' }, headers);
    expect(fromService.status).toBe(200);
    expect(textOf(await fromService.text())).toContain('AKS-0001 er knyttet til elementet.');
    expect(await governs(ctx, 'aks-0001', 'behandlingsmal')).toBe(true);

    const requirementPage = textOf(await (await ctx.app.request('/krav/aks-0001')).text());
    expect(requirementPage).toContain('Multidose');
    expect(requirementPage).toContain('Behandlingsmål og innbyggers egne mål');
    const servicePage = textOf(await (await ctx.app.request('/informasjonstjenester/multidose')).text());
    expect(servicePage).toMatch(/Krav \(1\).*Uten kapittel.*AKS-0001/);

    const audit = await ctx.db.selectFrom('audit_event').select(['action', 'element_id']).where('action', '=', 'requirement.link').execute();
    expect(audit).toHaveLength(4);
  });

  it('unlinks from both sides', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    expect(await governs(ctx, 'aks-0001', 'fastleger')).toBe(true);
    const res = await postForm(ctx, '/krav/aks-0001/koblinger/fjern', { version: String(await versionOf(ctx, 'requirement', 'aks-0001')), linkKind: 'governs', target: 'personnelGroup:fastleger' }, headers);
    expect(res.status).toBe(200);
    expect(await governs(ctx, 'aks-0001', 'fastleger')).toBe(false);

    const res2 = await postForm(ctx, '/tjenesteomrader/legevakt/krav/fjern', { version: String(await versionOf(ctx, 'personnelGroup', 'legevakt')), requirement: 'AKS-0001' }, headers);
    expect(res2.status).toBe(200);
    expect(await governs(ctx, 'aks-0001', 'legevakt')).toBe(false);
    expect(await ctx.db.selectFrom('audit_event').select('id').where('action', '=', 'requirement.unlink').execute()).toHaveLength(4);
  });

  it('answers 409 with both versions for a stale form and writes nothing', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    const seen = await versionOf(ctx, 'requirement', 'aks-0001');
    await postForm(ctx, '/krav/aks-0001/koblinger', { version: String(seen), target: 'informationService:multidose' }, headers);
    const stale = await postForm(ctx, '/krav/aks-0001/koblinger', { version: String(seen), target: 'informationService:behandlingsmal' }, headers);
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain(`du så versjon ${seen}, nå er det versjon ${seen + 1}`);
    expect(await governs(ctx, 'aks-0001', 'behandlingsmal')).toBe(false);

    const serviceSeen = await versionOf(ctx, 'informationService', 'behandlingsmal');
    await postForm(ctx, '/krav/aks-0002/koblinger', { version: String(await versionOf(ctx, 'requirement', 'aks-0002')), target: 'informationService:behandlingsmal' }, headers);
    const staleService = await postForm(ctx, '/informasjonstjenester/behandlingsmal/krav', { version: String(serviceSeen), requirement: 'AKS-0003' }, headers);
    expect(staleService.status).toBe(409);
    expect(await governs(ctx, 'aks-0003', 'behandlingsmal')).toBe(false);
  });

  it('refuses an element that does not exist or was deleted, with the message beside the field', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    const version = String(await versionOf(ctx, 'requirement', 'aks-0001'));
    const missing = await postForm(ctx, '/krav/aks-0001/koblinger', { version, target: 'informationService:finnes-ikke' }, headers);
    expect(missing.status).toBe(422);
    const html = await missing.text();
    expect(html).toContain('id="kravsporing-mal-feil"');
    expect(textOf(html)).toContain('Fant ikke informasjonstjenesten med nøkkelen «finnes-ikke»');
    const unknownRef = await postForm(ctx, '/informasjonstjenester/behandlingsmal/krav', { version: String(await versionOf(ctx, 'informationService', 'behandlingsmal')), requirement: 'AKS-9999' }, headers);
    expect(unknownRef.status).toBe(422);
    expect(textOf(await unknownRef.text())).toContain('Det finnes ikke noe krav med nummeret AKS-9999');
    const badRef = await postForm(ctx, '/informasjonstjenester/behandlingsmal/krav', { version: '1', requirement: 'hei' }, headers);
    expect(badRef.status).toBe(422);
    expect(await ctx.db.selectFrom('audit_event').select('id').where('action', 'like', 'requirement.%').execute()).toHaveLength(0);
  });

  it('refuses a cycle of derivation and keeps the tree', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    const link = async (from: string, to: string) =>
      postForm(ctx, `/krav/${from}/koblinger`, { version: String(await versionOf(ctx, 'requirement', from)), linkKind: 'derived_from', target: `requirement:${to}` }, headers);
    expect((await link('aks-0002', 'aks-0001')).status).toBe(200);
    expect((await link('aks-0003', 'aks-0002')).status).toBe(200);
    const cycle = await link('aks-0001', 'aks-0003');
    expect(cycle.status).toBe(422);
    expect(textOf(await cycle.text())).toContain('kan ikke gå i sirkel');
    expect((await link('aks-0001', 'aks-0001')).status).toBe(422);
    const notRequirement = await postForm(ctx, '/krav/aks-0001/koblinger', { version: String(await versionOf(ctx, 'requirement', 'aks-0001')), linkKind: 'derived_from', target: 'informationService:behandlingsmal' }, headers);
    expect(notRequirement.status).toBe(422);
    expect(await ctx.db.selectFrom('requirement_relation').selectAll().execute()).toHaveLength(2);
    // Supersedes is not a derivation: it may point back.
    const supersedes = await postForm(ctx, '/krav/aks-0001/koblinger', { version: String(await versionOf(ctx, 'requirement', 'aks-0001')), linkKind: 'supersedes', target: 'requirement:aks-0003' }, headers);
    expect(supersedes.status).toBe(200);
    const page = textOf(await (await ctx.app.request('/krav/aks-0002')).text());
    expect(page).toContain('Avledet fra: Helhetlig arbeidsflate'.replace('Helhetlig arbeidsflate', 'Alle kommunale helse- og omsorgstjenester'));
    expect(page).toMatch(/Nedstrøms.*Avledet til/);
  });

  it('lets only architects and administrators write, from either side', async () => {
    const expected: Record<Role | 'anonymous', boolean> = {
      anonymous: false,
      administrator: true,
      architect: true,
      municipality: false,
      organisation: false,
      reader: false,
    };
    for (const role of ['anonymous', ...roles] as const) {
      const ctx = await testApp();
      const headers = role === 'anonymous' ? {} : await signIn(ctx, role);
      const fromRequirement = await postForm(ctx, '/krav/aks-0001/koblinger', { version: String(await versionOf(ctx, 'requirement', 'aks-0001')), target: 'informationService:multidose' }, { ...headers, ...htmx });
      const fromElement = await postForm(ctx, '/informasjonstjenester/behandlingsmal/krav', { version: String(await versionOf(ctx, 'informationService', 'behandlingsmal')), requirement: 'AKS-0001' }, { ...headers, ...htmx });
      expect([role, fromRequirement.status < 300]).toEqual([role, expected[role]]);
      expect([role, fromElement.status < 300]).toEqual([role, expected[role]]);
      expect([role, await governs(ctx, 'aks-0001', 'multidose')]).toEqual([role, expected[role]]);
      expect([role, await governs(ctx, 'aks-0001', 'behandlingsmal')]).toEqual([role, expected[role]]);
      const page = await (await ctx.app.request('/krav/aks-0001', { headers })).text();
      expect([role, page.includes('id="kravsporing-mal"')]).toEqual([role, expected[role]]);
    }
  });

  it('keeps a link to a deleted element by name', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    await postForm(ctx, '/krav/aks-0001/koblinger', { version: String(await versionOf(ctx, 'requirement', 'aks-0001')), target: 'informationService:multidose' }, headers);
    const lost = await ctx.db.selectFrom('requirement_lost_link').selectAll().execute();
    expect(lost).toHaveLength(0);
    const ask = await postForm(ctx, '/informasjonstjenester/multidose/slett', { version: String(await versionOf(ctx, 'informationService', 'multidose')) }, headers);
    const confirm = /name="confirm" value="([^"]+)"/.exec(await ask.text())?.[1];
    expect(confirm).toBeDefined();
    const del = await postForm(ctx, '/informasjonstjenester/multidose/slett', { confirm: confirm! }, headers);
    expect(del.status).toBeLessThan(400);
    const kept = await ctx.db.selectFrom('requirement_lost_link').selectAll().execute();
    expect(kept.map((k) => k.element_name)).toEqual(['Multidose']);
    expect(textOf(await (await ctx.app.request('/krav/aks-0001')).text())).toContain('Gjaldt elementer som er slettet Multidose');
  });
});
