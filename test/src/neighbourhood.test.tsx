import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, UnknownRow } from 'kysely';
import { describe, expect, it } from 'vitest';
import { allElements, indexModel } from '../../model/lookup.ts';
import { growModel } from '../../seeds/synthetic.ts';
import { createApp } from '../../src/app.tsx';
import { configWith } from '../../src/config.ts';
import { loadScopeModel } from '../../src/db/queries/model.ts';
import { loadNeighbourhood } from '../../src/db/queries/neighbourhood.ts';
import { loadTraceContext, loadTraceContextFor } from '../../src/db/queries/requirement-trace.ts';
import { ElementDetailPage } from '../../views/pages/element-detail.tsx';
import { testDb } from '../helpers.ts';

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

describe("an element's page reads the element and its neighbourhood", () => {
  it('renders the same page from its neighbourhood as from the whole model, for every element', { timeout: 300_000 }, async () => {
    const db = await testDb();
    await growModel(db, 1);
    const whole = await loadScopeModel(db);
    const index = indexModel(whole);
    // The requirements' links between them, lost links and sources: all of them, or those of the page's requirements.
    const allTrace = await loadTraceContext(db);
    for (const element of allElements(whole)) {
      const near = await loadNeighbourhood(db, element.kind, element.key);
      expect(near, element.key).toBeDefined();
      const trace = await loadTraceContextFor(db, near!.model);
      const expected = String(await (<ElementDetailPage element={element} model={whole} index={index} excerpt={null} canEdit canLink trace={allTrace} />));
      const actual = String(await (<ElementDetailPage element={near!.element} model={near!.model} index={near!.index} excerpt={null} canEdit canLink trace={trace} />));
      expect(actual, `${element.kind} ${element.key}`).toBe(expected);
    }
    await db.destroy();
  });

  it('never reads the rows of a service, requirement or link the page does not show (a poison row)', async () => {
    const log = new RowLog();
    const base = await testDb();
    await growModel(base, 2);
    const at = '2026-01-01T00:00:00Z';
    // The poison: a service with links and a requirement on it, related to nothing the pages below show.
    const poison = await base
      .insertInto('element')
      .values({ kind: 'informationService', key: 'giftig', name: 'GIFTIG tjeneste', description: 'GIFTIG', tentative: 0, position: 9999, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await base.insertInto('information_service').values({ element_id: poison.id, category_id: null, tier_id: null, tier_tentative: 0, solution_part_id: null }).execute();
    const requirement = await base
      .insertInto('element')
      .values({ kind: 'requirement', key: 'giftig-krav', name: 'GIFTIG krav', description: '', tentative: 0, position: 9999, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await base.insertInto('requirement').values({ element_id: requirement.id, ref: 'GIFTIG-1', text: 'GIFTIG', rationale: '', priority: 'must', status: 'draft' }).execute();
    await base.insertInto('requirement_element').values({ requirement_id: requirement.id, element_id: poison.id }).execute();
    const db = base.withPlugin(log);
    const app = createApp({ db, config: configWith({}), logError: (e) => { throw e; } });
    const poisoned = (row: UnknownRow) => Object.values(row).some((v) => v === poison.id || v === requirement.id || (typeof v === 'string' && v.includes('GIFTIG')));
    for (const path of [
      '/informasjonstjenester/multidose',
      '/informasjonstjenester/multidose-kopi-2',
      '/krav/aks-0001',
      '/tjenesteomrader/legevakt',
      '/aktorer/innbygger',
      '/informasjonskategorier/plan',
      '/leveransetrinn/2023',
      '/funksjonsomrader/dokumentasjon-av-forlop-og-tilstand',
      '/mal/trygghet-og-pasientsikkerhet',
    ]) {
      log.rows = [];
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      await res.text();
      expect(log.rows.length, path).toBeGreaterThan(0);
      expect(log.rows.filter(poisoned), path).toEqual([]);
    }
    // The poison's own page does read it (the log would catch it).
    log.rows = [];
    expect((await app.request('/informasjonstjenester/giftig')).status).toBe(200);
    expect(log.rows.some(poisoned)).toBe(true);
    await base.destroy();
  });

});
