import { describe, expect, it } from 'vitest';
import { countInferredLinks } from '../../../model/gaps.ts';
import { provenanceFingerprint } from '../../../model/link-types.ts';
import type { LinkProvenance } from '../../../model/provenance.ts';
import { addRelation, removeRelation, setLinkProvenance } from '../../../src/commands/element-links.ts';
import { loadGapReport } from '../../../src/db/queries/gaps.ts';
import { readLinkProvenance } from '../../../src/db/queries/link-provenance.ts';
import { loadScopeModel } from '../../../src/db/queries/model.ts';
import { htmx, postForm, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';
import { callerWith, expectRefusedBeforeWrite, loggedDb } from '../commands/refusals.ts';

/** Issue 16: architects set a link's provenance and make the typed relations; the gap analysis counts inferred links. */

async function idOf(ctx: Pick<TestContext, 'db'>, kind: string, key: string): Promise<number> {
  return (await ctx.db.selectFrom('element').select('id').where('kind', '=', kind).where('key', '=', key).executeTakeFirstOrThrow()).id;
}
async function versionOf(ctx: Pick<TestContext, 'db'>, kind: string, key: string): Promise<number> {
  return (await ctx.db.selectFrom('element').select('version').where('kind', '=', kind).where('key', '=', key).executeTakeFirstOrThrow()).version;
}

/** The first seeded link of a requirement to what it governs, and the form fields that name it. */
async function firstRequirementLink(ctx: Pick<TestContext, 'db'>) {
  const link = await ctx.db
    .selectFrom('requirement_element')
    .innerJoin('element', 'element.id', 'requirement_element.requirement_id')
    .select(['requirement_element.requirement_id', 'requirement_element.element_id', 'element.key'])
    .orderBy('requirement_element.requirement_id')
    .orderBy('requirement_element.element_id')
    .executeTakeFirstOrThrow();
  const service = link.requirement_id;
  const stored = (await readLinkProvenance(ctx.db, 'requirementElements', [service, link.element_id]))!;
  const page = `/krav/${link.key}`;
  return { service, capability: link.element_id, stored, page, fields: { kobling: 'requirementElements', ender: `${service}.${link.element_id}`, navn: 'x', tilbake: page, version: provenanceFingerprint(stored) } };
}

const auditCount = async (ctx: Pick<TestContext, 'db'>, action: string) =>
  (await ctx.db.selectFrom('audit_event').select('id').where('action', '=', action).execute()).length;

describe('setting a link’s provenance', () => {
  it('saves level, reason and lines, shows them on both ends’ pages and audits on both', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    const { service, capability, fields, page: href } = await firstRequirementLink(ctx);
    const res = await postForm(ctx, '/koblinger/kildegrunnlag', { ...fields, level: 'stated', note: 'Lysarket sier det rett ut.', fromLine: '2146', toLine: '2147' }, headers);
    expect(res.status).toBe(200);
    expect(textOf(await res.text())).toContain('Kildegrunnlaget er lagret.');
    expect(await readLinkProvenance(ctx.db, 'requirementElements', [service, capability])).toEqual({ level: 'stated', note: 'Lysarket sier det rett ut.', fromLine: 2146, toLine: 2147 });
    expect(await auditCount(ctx, 'link.provenance')).toBe(2);
    const page = textOf(await (await ctx.app.request(href, { headers })).text());
    expect(page).toContain('Lysarket sier det rett ut. (linje 2146–2147)');
  });

  it('without JavaScript returns to the page it came from', async () => {
    const ctx = await testApp();
    const headers = await signIn(ctx, 'architect');
    const { fields } = await firstRequirementLink(ctx);
    const res = await postForm(ctx, '/koblinger/kildegrunnlag', { ...fields, tilbake: '//evil.example/x', level: 'inferred', note: 'Lest av oppsettet.', fromLine: '', toLine: '' }, headers);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
  });

  it('refuses what the level lacks, beside the field, and writes nothing', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    const { service, capability, stored, fields } = await firstRequirementLink(ctx);
    const cases: Array<[Record<string, string>, string]> = [
      [{ level: 'inferred', note: '  ', fromLine: '', toLine: '' }, 'En tolkning trenger en begrunnelse'],
      [{ level: 'stated', note: '', fromLine: '', toLine: '' }, 'oppgi hvilke'],
      [{ level: 'stated', note: '', fromLine: '20', toLine: '10' }, 'Siste linje kan ikke komme før første linje'],
      [{ level: 'stated', note: '', fromLine: '20', toLine: '' }, 'Oppgi både første og siste linje'],
      [{ level: 'stated', note: '', fromLine: 'tjue', toLine: '30' }, 'Skriv et linjenummer'],
      [{ level: 'inferred', note: 'linje\nto', fromLine: '', toLine: '' }, 'må stå på én linje'],
      [{ level: 'sikkert', note: 'x', fromLine: '', toLine: '' }, ''],
    ];
    for (const [values, message] of cases) {
      const res = await postForm(ctx, '/koblinger/kildegrunnlag', { ...fields, ...values }, headers);
      expect(res.status, JSON.stringify(values)).toBe(422);
      expect(textOf(await res.text())).toContain(message);
    }
    expect(await readLinkProvenance(ctx.db, 'requirementElements', [service, capability])).toEqual(stored);
    expect(await auditCount(ctx, 'link.provenance')).toBe(0);
  });

  it('answers 409 to a stale form, names what is stored, and keeps the first save', async () => {
    const ctx = await testApp();
    const a = { ...(await signIn(ctx, 'architect')), ...htmx };
    const { service, capability, fields } = await firstRequirementLink(ctx);
    expect((await postForm(ctx, '/koblinger/kildegrunnlag', { ...fields, level: 'inferred', note: 'Første lesning.', fromLine: '', toLine: '' }, a)).status).toBe(200);
    const stale = await postForm(ctx, '/koblinger/kildegrunnlag', { ...fields, level: 'inferred', note: 'Andre lesning.', fromLine: '', toLine: '' }, a);
    expect(stale.status).toBe(409);
    const text = textOf(await stale.text());
    expect(text).toContain('Lagret nå: Tolkning – Første lesning.');
    expect((await readLinkProvenance(ctx.db, 'requirementElements', [service, capability]))?.note).toBe('Første lesning.');
  });

  it('answers 404 for a link that is gone, and 400 for ends that do not fit the link type', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    const { fields } = await firstRequirementLink(ctx);
    const gone = await postForm(ctx, '/koblinger/kildegrunnlag', { ...fields, ender: '999999.999998', level: 'inferred', note: 'x', fromLine: '', toLine: '' }, headers);
    expect(gone.status).toBe(404);
    expect(textOf(await gone.text())).toContain('Koblingen finnes ikke lenger');
    const bad = await postForm(ctx, '/koblinger/kildegrunnlag', { ...fields, ender: '1.2.3', level: 'inferred', note: 'x', fromLine: '', toLine: '' }, headers);
    expect(bad.status).toBe(400);
  });

  it('stores the lines of a capability’s placement in its solution part (migration 0023)', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    const cap = await ctx.db.selectFrom('capability').innerJoin('element', 'element.id', 'capability.element_id').select(['element.id', 'element.key']).where('solution_part_id', 'is not', null).orderBy('element.id').executeTakeFirstOrThrow();
    const stored = (await readLinkProvenance(ctx.db, 'capabilitySolutionPart', [cap.id]))!;
    const res = await postForm(ctx, '/koblinger/kildegrunnlag', { kobling: 'capabilitySolutionPart', ender: String(cap.id), navn: 'x', tilbake: '/', version: provenanceFingerprint(stored), level: 'stated', note: '', fromLine: '1697', toLine: '1701' }, headers);
    expect(res.status).toBe(200);
    const page = textOf(await (await ctx.app.request(`/funksjonsomrader/${cap.key}`)).text());
    expect(page).toContain('(linje 1697–1701)');
  });

  it('is refused for every role but the architect, before anything is written', async () => {
    for (const role of ['municipality', 'organisation', 'administrator'] as const) {
      // Administrators edit requirements' links (traceability), but not the scope's.
      const logged = await loggedDb();
      const { service, capability, stored } = await firstRequirementLink(logged);
      const link = { capability_id: capability };
      const provenance: LinkProvenance = { level: 'stated', note: '', fromLine: 1, toLine: 2 };
      if (role !== 'administrator') {
        await expectRefusedBeforeWrite(logged, 'permission', () =>
          setLinkProvenance(logged.db, callerWith(role), { type: 'requirementElements', ends: [service, link.capability_id], seen: provenanceFingerprint(stored), provenance }),
        );
      }
      const region = await idOf(logged, 'region', 'nord');
      const county = (await readLinkProvenance(logged.db, 'regionCounties', [region, '18']))!;
      await expectRefusedBeforeWrite(logged, 'permission', () =>
        setLinkProvenance(logged.db, callerWith(role), { type: 'regionCounties', ends: [region, '18'], seen: provenanceFingerprint(county), provenance }),
      );
      const page = { kind: 'informationService' as const, key: 'multidose', version: await versionOf(logged, 'informationService', 'multidose') };
      const samhandling = await idOf(logged, 'journalInterface', 'samhandling');
      await expectRefusedBeforeWrite(logged, 'permission', () => addRelation(logged.db, callerWith(role), { relation: 'usesInterface', page, other: { id: samhandling }, outgoing: true, provenance }));
      const solution = await idOf(logged, 'nationalSolution', 'legemiddelopplysninger');
      await expectRefusedBeforeWrite(logged, 'permission', () => removeRelation(logged.db, callerWith(role), { relation: 'deliveredBy', page, other: { id: solution }, outgoing: true }));
      await logged.db.destroy();
    }
  });

  it('through HTTP: a municipality user gets 403 and nothing changes', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'municipality')), ...htmx };
    const { service, capability, stored, fields } = await firstRequirementLink(ctx);
    const res = await postForm(ctx, '/koblinger/kildegrunnlag', { ...fields, level: 'stated', note: '', fromLine: '1', toLine: '2' }, headers);
    expect(res.status).toBe(403);
    expect(await readLinkProvenance(ctx.db, 'requirementElements', [service, capability])).toEqual(stored);
  });
});

async function relationExists(ctx: Pick<TestContext, 'db'>, from: number, to: number, relation: string): Promise<boolean> {
  return (await ctx.db.selectFrom('element_relation').select('from_id').where('from_id', '=', from).where('to_id', '=', to).where('relation', '=', relation).executeTakeFirst()) !== undefined;
}

describe('typed relations from the pages', () => {
  it('adds one from the service page; the interface page shows it; both ends move on and are audited', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    const service = await idOf(ctx, 'informationService', 'multidose');
    const target = await idOf(ctx, 'journalInterface', 'velferdsteknologi');
    const before = { service: await versionOf(ctx, 'informationService', 'multidose'), target: await versionOf(ctx, 'journalInterface', 'velferdsteknologi') };
    const form = await (await ctx.app.request('/informasjonstjenester/multidose', { headers })).text();
    expect(form).toContain('Ny kobling: Går gjennom grensesnitt');
    const res = await postForm(ctx, '/informasjonstjenester/multidose/relasjoner', { relation: 'usesInterface', version: String(before.service), target: String(target), level: 'inferred', note: 'Multidose går til pleie hjemme.', fromLine: '', toLine: '' }, headers);
    expect(res.status).toBe(200);
    expect(textOf(await res.text())).toContain('Koblingen er lagt til.');
    expect(await relationExists(ctx, service, target, 'usesInterface')).toBe(true);
    expect(await versionOf(ctx, 'informationService', 'multidose')).toBe(before.service + 1);
    expect(await versionOf(ctx, 'journalInterface', 'velferdsteknologi')).toBe(before.target + 1);
    expect(await auditCount(ctx, 'relation.add')).toBe(2);
    const interfacePage = textOf(await (await ctx.app.request('/grensesnitt/velferdsteknologi')).text());
    expect(interfacePage).toMatch(/Informasjonstjenester som går gjennom grensesnittet.*Multidose.*Multidose går til pleie hjemme\./);
  });

  it('refuses a target of the wrong kind, one that exists already, an unknown key and a stale page, beside the field', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    const service = await idOf(ctx, 'informationService', 'multidose');
    const version = String(await versionOf(ctx, 'informationService', 'multidose'));
    const base = { relation: 'usesInterface', version, level: 'inferred', note: 'Grunn.', fromLine: '', toLine: '' };
    const risk = await idOf(ctx, 'risk', 'eid-og-helseid');
    const wrongKind = await postForm(ctx, '/informasjonstjenester/multidose/relasjoner', { ...base, target: String(risk) }, headers);
    expect(wrongKind.status).toBe(422);
    expect(textOf(await wrongKind.text())).toContain('Koblingen «Går gjennom grensesnitt» kan ikke gå til et element av typen «Risiko».');
    const existing = await ctx.db.selectFrom('element_relation').select('to_id').where('from_id', '=', service).where('relation', '=', 'deliveredBy').executeTakeFirstOrThrow();
    const duplicate = await postForm(ctx, '/informasjonstjenester/multidose/relasjoner', { ...base, relation: 'deliveredBy', target: String(existing.to_id) }, headers);
    expect(duplicate.status).toBe(422);
    expect(textOf(await duplicate.text())).toContain('finnes allerede');
    const riskForm = { relation: 'threatens', version: String(await versionOf(ctx, 'risk', 'eid-og-helseid')), level: 'inferred', note: 'Grunn.', fromLine: '', toLine: '', target: '' };
    const unknown = await postForm(ctx, '/risikoer/eid-og-helseid/relasjoner', { ...riskForm, targetKey: 'finnes-ikke' }, headers);
    expect(unknown.status).toBe(422);
    expect(textOf(await unknown.text())).toContain('Fant ikke elementet');
    const noTarget = await postForm(ctx, '/informasjonstjenester/multidose/relasjoner', { ...base, target: '' }, headers);
    expect(noTarget.status).toBe(422);
    const stale = await postForm(ctx, '/informasjonstjenester/multidose/relasjoner', { ...base, version: String(Number(version) - 1), target: String(await idOf(ctx, 'journalInterface', 'samhandling')) }, headers);
    expect(stale.status).toBe(409);
    expect(await auditCount(ctx, 'relation.add')).toBe(0);
  });

  it('a risk threatens a service typed by key, and the risk’s page shows the service', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    const res = await postForm(ctx, '/risikoer/eid-og-helseid/relasjoner', { relation: 'threatens', version: String(await versionOf(ctx, 'risk', 'eid-og-helseid')), target: '', targetKey: 'multidose', level: 'inferred', note: 'Uten HelseID ingen tilgang.', fromLine: '', toLine: '' }, headers);
    expect(res.status).toBe(200);
    const page = textOf(await (await ctx.app.request('/risikoer/eid-og-helseid')).text());
    expect(page).toMatch(/Truer.*Multidose/);
  });

  it('removes one from the far end, and removing it again changes nothing', async () => {
    const ctx = await testApp();
    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    const service = await idOf(ctx, 'informationService', 'multidose');
    const solution = await idOf(ctx, 'nationalSolution', 'legemiddelopplysninger');
    expect(await relationExists(ctx, service, solution, 'deliveredBy')).toBe(true);
    const fields = { relation: 'deliveredBy', other: String(service), outgoing: '0' };
    const res = await postForm(ctx, '/nasjonale-losninger/legemiddelopplysninger/relasjoner/fjern', { ...fields, version: String(await versionOf(ctx, 'nationalSolution', 'legemiddelopplysninger')) }, headers);
    expect(res.status).toBe(200);
    expect(await relationExists(ctx, service, solution, 'deliveredBy')).toBe(false);
    expect(await auditCount(ctx, 'relation.remove')).toBe(2);
    const again = await postForm(ctx, '/nasjonale-losninger/legemiddelopplysninger/relasjoner/fjern', { ...fields, version: String(await versionOf(ctx, 'nationalSolution', 'legemiddelopplysninger')) }, headers);
    expect(again.status).toBe(200);
    expect(await auditCount(ctx, 'relation.remove')).toBe(2);
  });

  it('shows no editor to readers', async () => {
    const ctx = await testApp();
    const page = await (await ctx.app.request('/informasjonstjenester/multidose')).text();
    expect(page).not.toContain('/koblinger/kildegrunnlag');
    expect(page).not.toContain('/relasjoner');
  });
});

describe('the gap analysis counts inferred links', () => {
  it('counts in SQL what the whole model counts, and follows a change of level', async () => {
    const ctx = await testApp();
    const whole = countInferredLinks(await loadScopeModel(ctx.db, { municipalities: false }));
    const loaded = await loadGapReport(ctx.db);
    expect(loaded.inferredLinks).toEqual(whole);
    // The seed's readings include inferred links: the placements of capabilities and the "about" links, with reasons.
    expect(whole.find((c) => c.type === 'capabilitySolutionPart')!.total).toBeGreaterThan(0);
    const total = whole.reduce((n, c) => n + c.total, 0);

    const headers = { ...(await signIn(ctx, 'architect')), ...htmx };
    const { stored, fields } = await firstRequirementLink(ctx);
    const level = stored.level === 'inferred' ? 'stated' : 'inferred';
    const saved = await postForm(ctx, '/koblinger/kildegrunnlag', { ...fields, level, note: 'Lest av oppsettet.', fromLine: '1', toLine: '2' }, headers);
    expect(saved.status).toBe(200);
    const after = await loadGapReport(ctx.db);
    const afterTotal = after.inferredLinks.reduce((n, c) => n + c.total, 0);
    expect(afterTotal).toBe(level === 'inferred' ? total + 1 : total - 1);

    const page = textOf(await (await ctx.app.request('/gapanalyse')).text());
    expect(page).toContain(`Koblinger som er tolkninger (${afterTotal})`);
  });

  it('counts a link without a reason as lacking one', async () => {
    const ctx = await testApp();
    const service = await idOf(ctx, 'informationService', 'multidose');
    await ctx.db.updateTable('service_goal').set({ provenance: 'inferred', provenance_note: '' }).where('service_id', '=', service).execute();
    const n = (await ctx.db.selectFrom('service_goal').select('goal_id').where('service_id', '=', service).execute()).length;
    const before = countInferredLinks(await loadScopeModel(ctx.db, { municipalities: false }));
    const loaded = await loadGapReport(ctx.db);
    expect(loaded.inferredLinks).toEqual(before);
    expect(loaded.inferredLinks.find((c) => c.type === 'serviceGoals')!.withoutReason).toBeGreaterThanOrEqual(n);
  });
});
