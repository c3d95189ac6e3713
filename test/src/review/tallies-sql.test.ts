import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortTallies, stanceTallies, tallySorts } from '../../../model/review/tallies.ts';
import { growModel, growReviews } from '../../../seeds/synthetic.ts';
import { listMunicipalities } from '../../../src/db/queries/review/intentions.ts';
import { roundReviews, submittedStances } from '../../../src/db/queries/review/reviews.ts';
import { frozenServices } from '../../../src/db/queries/review/rounds.ts';
import { roundReviewers, stanceTallyPage } from '../../../src/db/queries/review/tallies.ts';
import { testDb } from '../../helpers.ts';
import type { Db } from '../../../src/db/index.ts';

/**
 * The dashboard counts stances with GROUP BY in the database. Its figures must be those the
 * model's reference (`stanceTallies`, counting in memory) gives, in every order, with a draft,
 * a municipality that left services unanswered, and stances that differ per municipality.
 */
let db: Db;
let round: number;
beforeAll(async () => {
  db = await testDb();
  await growModel(db, { factor: 3, link: true });
  round = await growReviews(db, { municipalities: 9, now: new Date('2026-11-20T12:00:00Z') });
  const services = await db.selectFrom('review_round_service').select('id').where('round_id', '=', round).orderBy('position').execute();
  // One municipality answered only some services; another has a draft that must not count.
  const partial = await db.selectFrom('municipality_review').select('id').where('round_id', '=', round).orderBy('id').executeTakeFirstOrThrow();
  await db.deleteFrom('review_stance').where('review_id', '=', partial.id).where('round_service_id', 'in', services.slice(0, 5).map((s) => s.id)).execute();
  const draft = await db
    .insertInto('municipality_review')
    .values({ round_id: round, municipality_number: '0301', status: 'draft', created_at: '2026-11-21T12:00:00Z', updated_at: '2026-11-21T12:00:00Z', updated_by: null, submitted_at: null, submitted_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('review_stance').values(services.map((s) => ({ review_id: draft.id, round_service_id: s.id, stance: 'opposes', comment: '' }))).execute();
});
afterAll(() => db.destroy());

describe('the stance tallies counted in SQL', () => {
  it.each(tallySorts)('equal the in-memory reference in the order «%s», page by page and whole', async (sort) => {
    const [services, reviews, stances, municipalities] = await Promise.all([frozenServices(db, round), roundReviews(db, round), submittedStances(db, round), listMunicipalities(db)]);
    const submitted = reviews.filter((r) => r.status === 'submitted').map((r) => r.municipalityNumber);
    const expected = sortTallies(stanceTallies(services, submitted, stances, municipalities), sort);
    const reviewers = await roundReviewers(db, round);
    expect(reviewers).toEqual({ municipalities: 9, population: reviews.filter((r) => r.status === 'submitted').reduce((n, r) => n + r.municipality.population, 0), drafts: 1 });
    expect(await stanceTallyPage(db, round, reviewers, { sort })).toEqual(expected);
    const pageSize = 25;
    const pages: unknown[] = [];
    for (let offset = 0; offset < services.length; offset += pageSize) pages.push(...(await stanceTallyPage(db, round, reviewers, { sort, offset, limit: pageSize })));
    expect(pages).toEqual(expected);
  });
});
