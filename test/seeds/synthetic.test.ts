import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { growModel } from '../../seeds/synthetic.ts';
import type { Db } from '../../src/db/index.ts';
import { testDb } from '../helpers.ts';

const count = async (db: Db, table: string) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);

describe('the synthetic model generator', () => {
  it('grows the seed N times: services all linked, requirements, answered comments, submitted reviews', async () => {
    const db = await testDb();
    const grown = await growModel(db, 3, { except: ['0301'] });
    expect(grown).toMatchObject({ services: 102, requirements: 150, comments: 600 });
    expect(grown.consultationRounds).toHaveLength(1);
    // Every service is linked to groups, actors × modes, a capability and a goal.
    for (const table of ['service_personnel', 'service_exchange', 'service_capability', 'service_goal']) {
      const unlinked = await sql<{ n: number }>`select count(*) as n from information_service s where not exists (select 1 from ${sql.table(table)} l where l.service_id = s.element_id)`.execute(db);
      expect(unlinked.rows[0]!.n, table).toBe(0);
    }
    const reviews = await db.selectFrom('municipality_review').select(['municipality_number', 'status']).execute();
    expect(reviews).toHaveLength(11);
    expect(reviews.every((r) => r.status === 'submitted')).toBe(true);
    expect(reviews.map((r) => r.municipality_number)).not.toContain('0301');
    expect(await count(db, 'review_stance')).toBe(11 * (await count(db, 'review_round_service')));
    const answered = await db.selectFrom('consultation_comment').select((eb) => eb.fn.countAll<number>().as('n')).where('answer', 'is not', null).executeTakeFirstOrThrow();
    expect(Number(answered.n)).toBe(450);
    await db.destroy();
  });

  it('is deterministic: the same factor gives the same rows', async () => {
    const dump = async () => {
      const db = await testDb();
      await growModel(db, 2);
      const rows = await Promise.all([
        db.selectFrom('element').select(['id', 'key', 'name', 'position']).orderBy('id').execute(),
        db.selectFrom('service_exchange').selectAll().orderBy('service_id').orderBy('actor_id').orderBy('mode_id').execute(),
        db.selectFrom('consultation_comment').select(['id', 'item_id', 'organisation_id', 'kind', 'status', 'text']).orderBy('id').execute(),
        db.selectFrom('review_stance').selectAll().orderBy('review_id').orderBy('round_service_id').execute(),
      ]);
      await db.destroy();
      return JSON.stringify(rows);
    };
    expect(await dump()).toBe(await dump());
  });
});
