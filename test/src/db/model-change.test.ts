import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelVersion } from '../../../src/db/queries/model-change.ts';
import type { Db } from '../../../src/db/index.ts';
import { schemaOf, triggersOf } from '../../engine.ts';
import { testDb } from '../../helpers.ts';

/** Tables no cached page shows, which change on every sign-in or refused request. */
const untracked = [
  'user_session', 'login_throttle', 'invite', 'audit_event', 'consultation_visit', 'api_token', 'model_change', 'import_file',
  // A baseline's compact rows arrive only with the baseline's own row (tracked), in its transaction, and never change.
  'baseline_element',
  // The review tallies are written only by triggers on review_stance, municipality_review and municipality, which are tracked
  // (and the tallies per service only by triggers on review_tally and review_round_service).
  'review_tally',
  'review_service_tally',
];

let db: Db;
beforeAll(async () => {
  db = await testDb();
});
afterAll(() => db.destroy());

describe('the model change counter', () => {
  it('every table a page may show moves the counter on insert, update and delete', async () => {
    const missing: string[] = [];
    for (const table of (await schemaOf.tables(db)).filter((t) => !untracked.includes(t))) {
      const events = await triggersOf.modelChangeEvents(db, table);
      if (events.length < 3) missing.push(`${table} (${events.join(', ') || 'ingen'})`);
    }
    // A new table whose rows a page shows needs trackModelChanges() in its migration (or a place above).
    expect(missing).toEqual([]);
  });

  it('counts a change and nothing else', async () => {
    const start = Number(await modelVersion(db));
    expect(start).toBeGreaterThan(0); // the seed wrote the model
    await db.selectFrom('element').select('id').execute();
    expect(Number(await modelVersion(db))).toBe(start);
    await db.updateTable('element').set({ description: 'endret' }).where('key', '=', 'multidose').execute();
    expect(Number(await modelVersion(db))).toBeGreaterThan(start);
    const afterUpdate = Number(await modelVersion(db));
    await db.insertInto('audit_event').values({ at: new Date().toISOString(), action: 'test', details: '' } as never).execute().catch(() => undefined);
    expect(Number(await modelVersion(db))).toBe(afterUpdate);
  });
});
