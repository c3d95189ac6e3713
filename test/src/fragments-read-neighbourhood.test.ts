import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, UnknownRow } from 'kysely';
import { describe, expect, it } from 'vitest';
import { deletionImpact } from '../../model/deletion.ts';
import { allElements, indexModel } from '../../model/lookup.ts';
import { growModel } from '../../seeds/synthetic.ts';
import { createApp } from '../../src/app.tsx';
import { deletionSlice } from '../../src/db/queries/elements.ts';
import { loadModelSlice, loadScopeModel } from '../../src/db/queries/model.ts';
import { htmx, sameOrigin, signIn, testApp, testDb } from '../helpers.ts';

/** Records every row every query returns. */
class RowLog implements KyselyPlugin {
  rows: UnknownRow[] = [];
  transformQuery(args: PluginTransformQueryArgs) {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.rows.push(...args.result.rows);
    return args.result;
  }
}

/**
 * The fragments and changes on one element (a matrix cell, the requirement-link sections, the
 * service-link editor's answer, an element's save and delete) read that element and its
 * neighbourhood, not the whole model (issue 10): on a model with a poison service, linked to the
 * same personnel group, actor and goal as the cells below, with two requirements of its own (one
 * derived from the other, one with a lost link), none of their rows is read.
 */
describe('fragments and changes on one element read only it and its neighbourhood', () => {
  it('never read the rows of a service or requirement they do not show (a poison row)', { timeout: 120_000 }, async () => {
    const ctx = await testApp();
    await growModel(ctx.db, 2);
    const at = '2026-01-01T00:00:00Z';
    const db = ctx.db;
    const element = async (kind: 'informationService' | 'requirement', key: string, name: string) =>
      (await db.insertInto('element').values({ kind, key, name, description: 'GIFTIG', tentative: 0, position: 9999, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id;
    const idOf = async (kind: string, key: string) => (await db.selectFrom('element').select('id').where('kind', '=', kind).where('key', '=', key).executeTakeFirstOrThrow()).id;
    const service = await element('informationService', 'giftig', 'GIFTIG tjeneste');
    await db.insertInto('information_service').values({ element_id: service, category_id: null, tier_id: null, tier_tentative: 0, solution_part_id: null }).execute();
    await db.insertInto('service_personnel').values({ service_id: service, personnel_group_id: await idOf('personnelGroup', 'fastleger'), usage: 'both' }).execute();
    await db
      .insertInto('service_exchange')
      .values({ service_id: service, actor_id: await idOf('actor', 'innbygger'), mode_id: await idOf('collaborationMode', 'sende-og-motta'), need_level_id: null })
      .execute();
    await db.insertInto('service_goal').values({ service_id: service, goal_id: await idOf('goal', 'involverte-pasienter') }).execute();
    const requirements: number[] = [];
    for (const n of [1, 2]) {
      const id = await element('requirement', `giftig-krav-${n}`, `GIFTIG krav ${n}`);
      await db.insertInto('requirement').values({ element_id: id, ref: `GIFTIG-${n}`, text: 'GIFTIG skal', rationale: '', priority: 'must', status: 'draft' }).execute();
      await db.insertInto('requirement_element').values({ requirement_id: id, element_id: service }).execute();
      requirements.push(id);
    }
    await db.insertInto('requirement_relation').values({ from_id: requirements[1]!, to_id: requirements[0]!, kind: 'derived_from' }).execute();
    await db.insertInto('requirement_lost_link').values({ requirement_id: requirements[0]!, element_kind: 'goal', element_key: 'borte', element_name: 'GIFTIG mål', deleted_at: at }).execute();
    const poison = new Set([service, ...requirements]);
    const poisoned = (row: UnknownRow) => Object.values(row).some((v) => (typeof v === 'number' && poison.has(v)) || (typeof v === 'string' && v.includes('GIFTIG')));

    const log = new RowLog();
    const app = createApp({ db: db.withPlugin(log), config: ctx.config, now: ctx.clock.now, logError: (e) => { throw e; } });
    const logged = { ...ctx, app };
    const architect = await signIn(logged, 'architect');
    const headers = { ...htmx, ...architect };
    const get = (path: string) => app.request(path, { headers });
    const post = (path: string, fields: Record<string, string>) =>
      app.request(path, { method: 'POST', body: new URLSearchParams(fields), headers: { ...sameOrigin, ...headers, 'Content-Type': 'application/x-www-form-urlencoded' } });
    const hidden = async (path: string) =>
      Object.fromEntries([...(await (await get(path)).text()).matchAll(/<input type="hidden" name="(vist|version)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    const personnelShown = await hidden('/matriser/personellgrupper/celle?service=multidose&group=fastleger');
    const exchangeShown = await hidden('/matriser/aktorer/celle?service=multidose&actor=innbygger');
    const version = async (kind: string, key: string) => String((await db.selectFrom('element').select('version').where('kind', '=', kind).where('key', '=', key).executeTakeFirstOrThrow()).version);

    const requests: Array<[string, () => Response | Promise<Response>, number]> = [
      ['GET personnel cell editor', () => get('/matriser/personellgrupper/celle?service=multidose&group=fastleger'), 200],
      ['GET personnel cell', () => get('/matriser/personellgrupper/celle?service=multidose&group=fastleger&vis=1'), 200],
      ['POST personnel cell', () => post('/matriser/personellgrupper/celle', { service: 'multidose', group: 'fastleger', usage: 'both', ...personnelShown }), 200],
      ['POST personnel cell, stale', () => post('/matriser/personellgrupper/celle', { service: 'multidose', group: 'fastleger', usage: 'reads', ...personnelShown }), 409],
      ['GET actor cell editor', () => get('/matriser/aktorer/celle?service=multidose&actor=innbygger'), 200],
      ['GET actor cell', () => get('/matriser/aktorer/celle?service=multidose&actor=innbygger&vis=1'), 200],
      ['POST actor cell', () => post('/matriser/aktorer/celle', { service: 'multidose', actor: 'innbygger', 'mode-sende-og-motta': 'uvurdert', ...exchangeShown }), 200],
      ['POST actor cell, stale', () => post('/matriser/aktorer/celle', { service: 'multidose', actor: 'innbygger', 'mode-sende-og-motta': '', ...exchangeShown }), 409],
      ['POST service links', async () => post('/informasjonstjenester/multidose/koblinger', { version: await version('informationService', 'multidose'), goals: 'involverte-pasienter' }), 200],
      ['POST requirement link', async () => post('/krav/aks-0001/koblinger', { version: await version('requirement', 'aks-0001'), target: 'goal:involverte-pasienter' }), 200],
      ['POST requirement unlink', async () => post('/krav/aks-0001/koblinger/fjern', { version: await version('requirement', 'aks-0001'), target: 'goal:involverte-pasienter' }), 200],
      ['POST element requirement link', async () => post('/informasjonstjenester/multidose/krav', { version: await version('informationService', 'multidose'), requirement: 'AKS-0002' }), 200],
      ['POST element save', async () => post('/mal/morgendagens-utfordringer', { version: await version('goal', 'morgendagens-utfordringer'), name: 'Morgendagens utfordringer (endret)' }), 200],
      ['POST service save', async () => post('/informasjonstjenester/multidose', { version: await version('informationService', 'multidose'), name: 'Multidose (endret)', category: 'legemidler-og-vaksiner', tier: '2023' }), 200],
      // A category with services: the impact is shown for confirmation, nothing deleted yet.
      ['POST element delete', async () => post('/informasjonskategorier/plan/slett', { version: await version('informationCategory', 'plan') }), 200],
    ];
    for (const [what, request, status] of requests) {
      log.rows = [];
      const res = await request();
      const html = await res.text();
      expect(res.status, `${what}: ${html.slice(0, 300)}`).toBe(status);
      expect(log.rows.length, what).toBeGreaterThan(0);
      expect(log.rows.filter(poisoned), what).toEqual([]);
    }
    // The poison's own cell does read it (the log would catch it).
    log.rows = [];
    expect((await get('/matriser/personellgrupper/celle?service=giftig&group=fastleger')).status).toBe(200);
    expect(log.rows.some(poisoned)).toBe(true);
    await db.destroy();
  });
});

describe("a delete's impact read from its slice", () => {
  it('is the impact read from the whole model, for every element', { timeout: 300_000 }, async () => {
    const db = await testDb();
    await growModel(db, 1);
    const whole = await loadScopeModel(db, { municipalities: false });
    const index = indexModel(whole);
    for (const element of allElements(whole)) {
      const slice = await loadModelSlice(db, await deletionSlice(db, element.kind, element.id));
      expect(deletionImpact(slice, indexModel(slice), element.id), `${element.kind} ${element.key}`).toEqual(deletionImpact(whole, index, element.id));
    }
    await db.destroy();
  });
});
