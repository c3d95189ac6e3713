import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerComment, editComment, hideComment, replyToComment, writeComment } from '../../../src/commands/consultation-comments.ts';
import { createConsultationRound, updateConsultationRound } from '../../../src/commands/consultation-rounds.ts';
import { StaleVersion } from '../../../src/commands/errors.ts';
import { createUser } from '../../../src/commands/users.ts';
import type { Db } from '../../../src/db/index.ts';
import { testPassword } from '../../helpers.ts';
import { addComments, makeRound } from '../../consultation-fixtures.ts';
import { anonymous, callerWith, expectRefusedBeforeWrite, loggedDb } from './refusals.ts';

let logged: { db: Db; statements: string[] };
let ref: { roundId: number; commentId: number };
let owner: number;
let other: number;

async function organisation(db: Db, name: string) {
  const iso = new Date().toISOString();
  return (await db.insertInto('organisation').values({ name, kind: 'pasientforening', contact: '', created_at: iso, updated_at: iso }).returning('id').executeTakeFirstOrThrow()).id;
}

beforeEach(async () => {
  logged = await loggedDb();
  const round = await makeRound(logged.db);
  owner = await organisation(logged.db, 'Eierforeningen');
  other = await organisation(logged.db, 'Naboforeningen');
  const [commentId] = await addComments(logged.db, [{ roundId: round.id, itemId: round.items[0]!.id, organisationId: owner }]);
  ref = { roundId: round.id, commentId: commentId! };
});
afterEach(() => logged.db.destroy());

const basis = { version: 1, revision: 0 };
const edit = { kind: 'innvending' as const, text: 'Nye ord.', proposal: null };

describe('editing a comment', () => {
  it('is refused for a role without the action before anything is written', async () => {
    await expectRefusedBeforeWrite(logged, 'permission', () => editComment(logged.db, anonymous, ref, basis, edit));
    await expectRefusedBeforeWrite(logged, 'permission', () => editComment(logged.db, callerWith('architect'), ref, basis, edit));
  });

  it("is refused for another organisation's comment before anything is written", async () => {
    await expectRefusedBeforeWrite(logged, 'ownership', () => editComment(logged.db, callerWith('organisation', { organisationId: other }), ref, basis, edit));
  });

  it('writes and audits for its own organisation, and refuses a stale version', async () => {
    const basis = await logged.db.selectFrom('consultation_comment').select(['version', 'revision']).where('id', '=', ref.commentId).executeTakeFirstOrThrow();
    const created = await createUser(logged.db, { email: 'eier@test.no', name: 'Eier', role: 'organisation', municipalityNumber: null, organisationId: owner, password: testPassword }, { at: new Date(), userId: null, clientAddress: null });
    if (created.kind !== 'ok') throw new Error('no user');
    const member = callerWith('organisation', { id: created.id, organisationId: owner });
    const audited = await logged.db.selectFrom('audit_event').select('action').where('action', '=', 'consultation.comment.update').execute();
    expect(audited).toEqual([]);
    await editComment(logged.db, member, ref, basis, edit);
    const row = await logged.db.selectFrom('consultation_comment').select(['text', 'version']).where('id', '=', ref.commentId).executeTakeFirstOrThrow();
    expect(row).toEqual({ text: 'Nye ord.', version: basis.version + 1 });
    expect(await logged.db.selectFrom('audit_event').select(['action', 'user_id']).where('action', '=', 'consultation.comment.update').execute()).toEqual([{ action: 'consultation.comment.update', user_id: created.id }]);
    await expect(editComment(logged.db, member, ref, basis, edit)).rejects.toBeInstanceOf(StaleVersion);
  });
});

describe('answering a comment', () => {
  it('is refused for a role without the action before anything is written', async () => {
    for (const role of ['organisation', 'municipality', 'reader', 'administrator'] as const) {
      await expectRefusedBeforeWrite(logged, 'permission', () => answerComment(logged.db, callerWith(role, { organisationId: owner }), ref, basis, { status: 'tatt-til-folge', answer: 'Ja.' }));
    }
  });
});

describe('hiding a comment', () => {
  it('is refused for a role without the action before anything is written', async () => {
    await expectRefusedBeforeWrite(logged, 'permission', () => hideComment(logged.db, callerWith('organisation', { organisationId: owner }), ref, { version: 1 }, 'Usaklig.'));
  });
});

describe('writing a comment and replying', () => {
  it('is refused for a role without the action before anything is written', async () => {
    const itemId = (await logged.db.selectFrom('consultation_comment').select('item_id').where('id', '=', ref.commentId).executeTakeFirstOrThrow()).item_id;
    for (const role of ['architect', 'municipality', 'reader', 'administrator'] as const) {
      await expectRefusedBeforeWrite(logged, 'permission', () => writeComment(logged.db, callerWith(role), { roundId: ref.roundId, itemId }, edit));
    }
    await expectRefusedBeforeWrite(logged, 'permission', () => writeComment(logged.db, anonymous, { roundId: ref.roundId, itemId }, edit));
    for (const caller of [anonymous, callerWith('reader'), callerWith('municipality', { municipalityNumber: '0301' })]) {
      await expectRefusedBeforeWrite(logged, 'permission', () => replyToComment(logged.db, caller, ref, 'Et innlegg.'));
    }
  });
});

describe('consultation rounds', () => {
  const input = { title: 'Ny runde', description: '', phase: 'forprosjekt' as const, opensOn: '2026-11-01', closesOn: '2026-12-15', elements: [] as number[] };
  it('are created and changed by architects only, refused before anything is written', async () => {
    for (const caller of [anonymous, callerWith('organisation', { organisationId: owner }), callerWith('administrator'), callerWith('reader')]) {
      await expectRefusedBeforeWrite(logged, 'permission', () => createConsultationRound(logged.db, caller, input));
      await expectRefusedBeforeWrite(logged, 'permission', () => updateConsultationRound(logged.db, caller, ref.roundId, input, undefined));
    }
  });
});
