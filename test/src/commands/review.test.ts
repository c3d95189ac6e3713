import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerBasis } from '../../../model/review/schemas.ts';
import type { FrozenService } from '../../../model/review/types.ts';
import { intentionVersion } from '../../../model/versions.ts';
import { createUser } from '../../../src/commands/users.ts';
import {
  closeReviewRound,
  declareIntention,
  openReviewRound,
  recordReviewExport,
  reopenReviewRound,
  reopenSubmittedReview,
  saveOneAnswer,
  saveReviewDraft,
  submitReviewDraft,
} from '../../../src/commands/review.ts';
import type { Caller } from '../../../src/commands/run.ts';
import type { Db } from '../../../src/db/index.ts';
import { frozenServices } from '../../../src/db/queries/review/rounds.ts';
import { testPassword } from '../../helpers.ts';
import { anonymous, at, callerWith, expectRefusedBeforeWrite, loggedDb } from './refusals.ts';

/**
 * Issue 10: every review use case refuses a role without the action, and a municipality acting on
 * another municipality's review or declaration, before anything is written or audited.
 */
let logged: { db: Db; statements: string[] };
let roundId: number;
let service: FrozenService;
let services: FrozenService[];

async function userWith(db: Db, role: 'architect' | 'municipality', municipalityNumber: string | null): Promise<Caller> {
  const created = await createUser(db, { email: `${role}-${municipalityNumber ?? 'x'}@test.no`, name: role, role, municipalityNumber, organisationId: null, password: testPassword }, { at, userId: null, clientAddress: null });
  if (created.kind !== 'ok') throw new Error('no user');
  return callerWith(role, { id: created.id, municipalityNumber: municipalityNumber ?? undefined });
}

let architect: Caller;
let oslo: Caller;

beforeEach(async () => {
  logged = await loggedDb();
  architect = await userWith(logged.db, 'architect', null);
  oslo = await userWith(logged.db, 'municipality', '0301');
  const opened = await openReviewRound(logged.db, architect, { title: 'Runde', deadline: '2026-12-15' });
  if (opened.kind !== 'opened') throw new Error(opened.message);
  roundId = opened.id;
  services = await frozenServices(logged.db, roundId);
  service = services[0]!;
});
afterEach(() => logged.db.destroy());

const shown = answerBasis(null, '');
const entry = () => ({ roundServiceId: service.id, stance: 'supports' as const, comment: '' });
const osloReview = () => ({ roundId, municipalityNumber: '0301' });

/** Each use case with the callers it must refuse: `permission` (no such action) or `ownership` (not theirs). */
const cases: Array<[string, (caller: Caller) => Promise<unknown>, Array<[Caller | (() => Caller), 'permission' | 'ownership']>]> = [
  ['openReviewRound', (c) => openReviewRound(logged.db, c, { title: 'Ny', deadline: '2026-12-20' }), [[anonymous, 'permission'], [() => oslo, 'permission'], [callerWith('administrator'), 'permission'], [callerWith('reader'), 'permission']]],
  ['closeReviewRound', (c) => closeReviewRound(logged.db, c, roundId), [[anonymous, 'permission'], [() => oslo, 'permission'], [callerWith('organisation', { organisationId: 1 }), 'permission']]],
  ['reopenReviewRound', (c) => reopenReviewRound(logged.db, c, roundId, '2027-01-15'), [[() => oslo, 'permission'], [callerWith('administrator'), 'permission']]],
  ['reopenSubmittedReview', (c) => reopenSubmittedReview(logged.db, c, osloReview()), [[() => oslo, 'permission'], [callerWith('reader'), 'permission']]],
  ['recordReviewExport', (c) => recordReviewExport(logged.db, c, roundId, 'eksport'), [[anonymous, 'permission'], [() => oslo, 'permission']]],
  [
    'saveOneAnswer',
    (c) => saveOneAnswer(logged.db, c, osloReview(), service, entry(), shown),
    [[anonymous, 'permission'], [() => architect, 'permission'], [callerWith('municipality', { municipalityNumber: '4601' }), 'ownership']],
  ],
  [
    'saveReviewDraft',
    (c) => saveReviewDraft(logged.db, c, osloReview(), services, [{ ...entry(), basis: shown }]),
    [[anonymous, 'permission'], [() => architect, 'permission'], [callerWith('municipality', { municipalityNumber: '4601' }), 'ownership']],
  ],
  ['submitReviewDraft', (c) => submitReviewDraft(logged.db, c, osloReview(), services, 'x'), [[() => architect, 'permission'], [callerWith('municipality', { municipalityNumber: '4601' }), 'ownership']]],
  [
    'declareIntention',
    (c) => declareIntention(logged.db, c, '0301', { status: 'signed', date: '2026-11-01', reference: '' }, intentionVersion(undefined)),
    [[anonymous, 'permission'], [callerWith('reader'), 'permission'], [callerWith('organisation', { organisationId: 1 }), 'permission'], [callerWith('municipality', { municipalityNumber: '4601' }), 'ownership']],
  ],
];

describe('the review use cases', () => {
  it.each(cases)('%s refuses, before anything is written or audited, the callers it must', async (_, attempt, refused) => {
    for (const [who, kind] of refused) {
      const caller = typeof who === 'function' ? who() : who;
      await expectRefusedBeforeWrite(logged, kind, () => attempt(caller));
    }
  });

  it('write and audit for the callers they serve', async () => {
    expect(await saveOneAnswer(logged.db, oslo, osloReview(), service, entry(), shown)).toEqual({ kind: 'saved', answered: 1 });
    expect(await declareIntention(logged.db, oslo, '0301', { status: 'considering', reference: '' }, intentionVersion(undefined))).toEqual({ kind: 'saved' });
    expect(await declareIntention(logged.db, architect, '0301', { status: 'signed', date: '2026-11-01', reference: '' }, intentionVersion(undefined))).toMatchObject({ kind: 'stale' });
    const audited = await logged.db.selectFrom('audit_event').select(['action', 'user_id']).where('action', 'in', ['review.save', 'intention.update']).orderBy('id').execute();
    expect(audited).toEqual([
      { action: 'review.save', user_id: oslo.user!.id },
      { action: 'intention.update', user_id: oslo.user!.id },
    ]);
  });
});
