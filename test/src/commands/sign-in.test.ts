import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configWith } from '../../../src/config.ts';
import { acceptInvite, createSetupLink } from '../../../src/commands/invites.ts';
import { usePasswordReset } from '../../../src/commands/passwords.ts';
import type { Caller } from '../../../src/commands/run.ts';
import { endSession, resumeSession } from '../../../src/commands/sessions.ts';
import { signIn } from '../../../src/commands/sign-in.ts';
import { createUser } from '../../../src/commands/users.ts';
import { hashToken } from '../../../src/auth/tokens.ts';
import type { Db } from '../../../src/db/index.ts';
import { inviteByToken } from '../../../src/db/queries/invites.ts';
import { insertInvite } from '../../../src/commands/writes/invites.ts';
import { testPassword } from '../../helpers.ts';
import { anonymous, at, loggedDb, writtenDuring } from './refusals.ts';

/**
 * Issue 10: auth's own writes are use cases too. Each refusal (a wrong password, the sign-in
 * limit, a used-up or unusable link) writes nothing but what it must record: a failed or limited
 * sign-in is audited (a security event) and counted by the limit, a refused link writes nothing.
 */
let logged: { db: Db; statements: string[] };
let lise: number;
const config = configWith({ LOGIN_FREE_ATTEMPTS: '1', LOGIN_DELAY_SECONDS: '60' });
const later = (minutes: number): Caller => ({ ...anonymous, at: new Date(at.getTime() + minutes * 60_000) });

beforeEach(async () => {
  logged = await loggedDb();
  const created = await createUser(logged.db, { email: 'lise@test.no', name: 'Lise', role: 'administrator', municipalityNumber: null, organisationId: null, password: testPassword }, { at, userId: null, clientAddress: null });
  if (created.kind !== 'ok') throw new Error('no user');
  lise = created.id;
});
afterEach(() => logged.db.destroy());

const sessions = async () => (await logged.db.selectFrom('user_session').select('user_id').execute()).map((s) => s.user_id);
const attempt = (caller: Caller, password: string, previousToken?: string) => signIn(logged.db, config, caller, { email: 'lise@test.no', password, previousToken });

describe('signing in', () => {
  it('a wrong password starts no session, is audited and counted; the limit then refuses with only its audit entry', async () => {
    const failed = await writtenDuring(logged, () => attempt(anonymous, 'feil passord her'));
    expect(failed.result).toEqual({ kind: 'failed' });
    expect(failed.audited).toEqual(['login.failed']);
    expect(failed.writes.filter((s) => /user_session/.test(s))).toEqual([]);
    expect(await sessions()).toEqual([]);

    const limited = await writtenDuring(logged, () => attempt(anonymous, testPassword));
    expect(limited.result).toMatchObject({ kind: 'limited' });
    expect(limited.audited).toEqual(['login.limited']);
    expect(limited.writes.filter((s) => !/^insert into "audit_event"/i.test(s))).toEqual([]);
    expect(await sessions()).toEqual([]);
  });

  it('succeeds in one transaction: the session the browser came with ends, a new one starts, both audited', async () => {
    const first = await attempt(anonymous, testPassword);
    if (first.kind !== 'ok') throw new Error('sign-in failed');
    const second = await writtenDuring(logged, () => attempt(later(1), testPassword, first.token));
    expect(second.result).toMatchObject({ kind: 'ok', userId: lise });
    expect(second.audited).toEqual(['session.end', 'login']);
    expect(await sessions()).toEqual([lise]);
    expect(await resumeSession(logged.db, first.token, { at: later(1).at, userId: null, clientAddress: null }, config)).toEqual({ missing: true });
  });

  it('a session idle too long ends when it comes back, audited as its user’s; signing out twice records one end', async () => {
    const ok = await attempt(anonymous, testPassword);
    if (ok.kind !== 'ok') throw new Error('sign-in failed');
    const idle = await writtenDuring(logged, () => resumeSession(logged.db, ok.token, { at: later(config.SESSION_IDLE_MINUTES + 1).at, userId: null, clientAddress: null }, config));
    expect(idle.result).toEqual({ ended: 'idle' });
    const end = await logged.db.selectFrom('audit_event').select(['action', 'user_id', 'details']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(end).toEqual({ action: 'session.end', user_id: lise, details: 'idle' });

    const again = await attempt(later(2), testPassword);
    if (again.kind !== 'ok') throw new Error('sign-in failed');
    const twice = await writtenDuring(logged, async () => {
      await endSession(logged.db, later(3), hashToken(again.token), 'signed-out');
      await endSession(logged.db, later(3), hashToken(again.token), 'signed-out');
    });
    expect(twice.audited).toEqual(['session.end']);
  });
});

describe('secret links', () => {
  it('the setup link, once an administrator exists, is neither made nor accepted, and nothing is written', async () => {
    const made = await writtenDuring(logged, () => createSetupLink(logged.db, config, at));
    expect(made).toEqual({ result: null, writes: [], audited: [] });

    const { token } = await insertInvite(logged.db, { purpose: 'setup', email: null, role: 'administrator', municipalityNumber: null, organisationId: null, createdBy: null }, at, later(60).at);
    const invite = (await inviteByToken(logged.db, token))!;
    const accepted = await writtenDuring(logged, () => acceptInvite(logged.db, anonymous, invite, { email: 'ny@test.no', name: 'Ny', password: testPassword }));
    expect(accepted).toEqual({ result: { kind: 'gone' }, writes: [], audited: [] });
  });

  it('an invitation for an e-mail already taken, and a reset link of a disabled user, write nothing', async () => {
    const { token } = await insertInvite(logged.db, { purpose: 'invite', email: 'lise@test.no', role: 'reader', municipalityNumber: null, organisationId: null, createdBy: lise }, at, later(60).at);
    const invite = (await inviteByToken(logged.db, token))!;
    const taken = await writtenDuring(logged, () => acceptInvite(logged.db, anonymous, invite, { email: 'lise@test.no', name: 'Lise', password: testPassword }));
    expect(taken).toMatchObject({ result: { kind: 'problems' }, writes: [], audited: [] });

    const reset = await insertInvite(logged.db, { purpose: 'reset', email: 'lise@test.no', role: 'administrator', municipalityNumber: null, organisationId: null, createdBy: null, userId: lise }, at, later(60).at);
    await logged.db.updateTable('app_user').set({ disabled_at: at.toISOString() }).where('id', '=', lise).execute();
    const resetInvite = (await inviteByToken(logged.db, reset.token))!;
    const used = await writtenDuring(logged, () => usePasswordReset(logged.db, anonymous, resetInvite, 'et helt nytt passord'));
    expect(used).toEqual({ result: { kind: 'gone' }, writes: [], audited: [] });
  });

  it('an accepted invitation and a used reset link are audited as the user they are for', async () => {
    const { token } = await insertInvite(logged.db, { purpose: 'invite', email: 'ny@test.no', role: 'reader', municipalityNumber: null, organisationId: null, createdBy: lise }, at, later(60).at);
    const accepted = await writtenDuring(logged, async () => acceptInvite(logged.db, anonymous, (await inviteByToken(logged.db, token))!, { email: 'ny@test.no', name: 'Ny', password: testPassword }));
    if (accepted.result.kind !== 'ok') throw new Error('not accepted');
    expect(accepted.audited).toEqual(['user.create', 'invite.use', 'login']);
    const newUser = accepted.result.userId;
    const byWhom = await logged.db.selectFrom('audit_event').select('user_id').orderBy('id', 'desc').limit(3).execute();
    expect(byWhom.map((a) => a.user_id)).toEqual([newUser, newUser, newUser]);

    const reset = await insertInvite(logged.db, { purpose: 'reset', email: 'lise@test.no', role: 'administrator', municipalityNumber: null, organisationId: null, createdBy: null, userId: lise }, at, later(60).at);
    const used = await writtenDuring(logged, async () => usePasswordReset(logged.db, anonymous, (await inviteByToken(logged.db, reset.token))!, 'et helt nytt passord'));
    expect(used.result).toMatchObject({ kind: 'ok' });
    expect(used.audited).toEqual(['password-reset.use', 'login']);
  });
});
