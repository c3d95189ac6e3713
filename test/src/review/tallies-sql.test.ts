import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortTallies, stanceTallies, tallySorts } from '../../../model/review/tallies.ts';
import { growModel, growReviews } from '../../../seeds/synthetic.ts';
import { listMunicipalities } from '../../../src/db/queries/review/intentions.ts';
import { roundReviews, submittedStances } from '../../../src/db/queries/review/reviews.ts';
import { frozenServices } from '../../../src/db/queries/review/rounds.ts';
import { roundReviewers, stanceTallyPage } from '../../../src/db/queries/review/tallies.ts';
import { testDb } from '../../helpers.ts';
import { migrateToLatest, migrator, type Db } from '../../../src/db/index.ts';

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
  await makePartialAndDraft();
});
afterAll(() => db.destroy());

/** One municipality answered only some services; another has a draft that must not count. */
async function makePartialAndDraft() {
  const services = await db.selectFrom('review_round_service').select('id').where('round_id', '=', round).orderBy('position').execute();
  const partial = await db.selectFrom('municipality_review').select('id').where('round_id', '=', round).orderBy('id').executeTakeFirstOrThrow();
  await db.deleteFrom('review_stance').where('review_id', '=', partial.id).where('round_service_id', 'in', services.slice(0, 5).map((s) => s.id)).execute();
  const draft = await db
    .insertInto('municipality_review')
    .values({ round_id: round, municipality_number: '0301', status: 'draft', created_at: '2026-11-21T12:00:00Z', updated_at: '2026-11-21T12:00:00Z', updated_by: null, submitted_at: null, submitted_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('review_stance').values(services.map((s) => ({ review_id: draft.id, round_service_id: s.id, stance: 'opposes', comment: '' }))).execute();
}

/** The reference's tallies and the database's, for one order, whole. */
async function bothTallies(sort: (typeof tallySorts)[number]) {
  const [services, reviews, stances, municipalities] = await Promise.all([frozenServices(db, round), roundReviews(db, round), submittedStances(db, round), listMunicipalities(db)]);
  const submitted = reviews.filter((r) => r.status === 'submitted').map((r) => r.municipalityNumber);
  const expected = sortTallies(stanceTallies(services, submitted, stances, municipalities), sort);
  const actual = await stanceTallyPage(db, round, await roundReviewers(db, round), { sort });
  return { expected, actual };
}

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
  it('are there for the rounds submitted before the tallies per service were kept (migration 0027 counts them)', async () => {
    const down = await migrator(db).migrateTo('0026_consultation_answered_index');
    expect(down.error).toBeUndefined();
    await migrateToLatest(db);
    for (const sort of tallySorts) {
      const { expected, actual } = await bothTallies(sort);
      expect(actual, sort).toEqual(expected);
    }
  });
  // Last: it changes the round the tests above read.
  it('stay equal to the reference through submitting, reopening, changed and removed stances, a removed review and a corrected population', async () => {
    const reviews = await db.selectFrom('municipality_review').select(['id', 'municipality_number']).where('round_id', '=', round).where('status', '=', 'submitted').orderBy('id').execute();
    const services = await db.selectFrom('review_round_service').select('id').where('round_id', '=', round).orderBy('position').execute();
    const check = async (what: string) => {
      for (const sort of ['omstridt', 'liste'] as const) {
        const { expected, actual } = await bothTallies(sort);
        expect(actual, `${what} (${sort})`).toEqual(expected);
      }
    };
    // The draft is submitted: its stances count from now on.
    await db.updateTable('municipality_review').set({ status: 'submitted' }).where('municipality_number', '=', '0301').where('round_id', '=', round).execute();
    await check('a draft submitted');
    // A submitted review opened again stops counting; one changed stance, one removed, one added.
    await db.updateTable('municipality_review').set({ status: 'draft' }).where('id', '=', reviews[1]!.id).execute();
    await check('a review reopened');
    await db.updateTable('review_stance').set({ stance: 'opposes' }).where('review_id', '=', reviews[2]!.id).where('round_service_id', '=', services[7]!.id).execute();
    await db.deleteFrom('review_stance').where('review_id', '=', reviews[2]!.id).where('round_service_id', '=', services[8]!.id).execute();
    await db.insertInto('review_stance').values({ review_id: reviews[0]!.id, round_service_id: services[0]!.id, stance: 'supports', comment: '' }).execute();
    await check('stances changed in submitted reviews');
    await db.updateTable('municipality_review').set({ status: 'submitted' }).where('id', '=', reviews[1]!.id).execute();
    await check('a reopened review submitted again');
    // A submitted review removed, and a municipality's population corrected.
    await db.deleteFrom('municipality_review').where('id', '=', reviews[3]!.id).execute();
    await check('a submitted review removed');
    await db.updateTable('municipality').set((eb) => ({ population: eb('population', '+', 1234) })).where('number', '=', reviews[4]!.municipality_number).execute();
    await check('a population corrected');
  });
});
