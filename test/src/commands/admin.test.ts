import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userVersion } from '../../../model/versions.ts';
import { createUser } from '../../../src/commands/users.ts';
import {
  createInvite,
  createOrganisation,
  createPasswordReset,
  organisationVersion,
  recordAuditExport,
  updateOrganisation,
  updateUser,
  withdrawInvite,
} from '../../../src/commands/admin.ts';
import type { Caller } from '../../../src/commands/run.ts';
import type { Db } from '../../../src/db/index.ts';
import { userById } from '../../../src/db/queries/accounts.ts';
import { testPassword } from '../../helpers.ts';
import { anonymous, at, callerWith, expectRefusedBeforeWrite, loggedDb } from './refusals.ts';

/** Issue 10: the administrators' use cases refuse every other role before anything is written or audited. */
let logged: { db: Db; statements: string[] };
let userId: number;
let organisationId: number;
const config = { INVITE_HOURS: 72, PASSWORD_RESET_HOURS: 24 };

beforeEach(async () => {
  logged = await loggedDb();
  const created = await createUser(logged.db, { email: 'lise@test.no', name: 'Lise', role: 'reader', municipalityNumber: null, organisationId: null, password: testPassword }, { at, userId: null, clientAddress: null });
  if (created.kind !== 'ok') throw new Error('no user');
  userId = created.id;
  const iso = at.toISOString();
  organisationId = (await logged.db.insertInto('organisation').values({ name: 'KS', kind: 'KS', contact: '', created_at: iso, updated_at: iso }).returning('id').executeTakeFirstOrThrow()).id;
});
afterEach(() => logged.db.destroy());

const others: Caller[] = [anonymous, callerWith('architect'), callerWith('reader'), callerWith('municipality', { municipalityNumber: '0301' }), callerWith('organisation', { organisationId: 1 })];
const organisation = { name: 'Ny forening', kind: 'annet' as const, contact: '' };
const user = { email: 'lise@test.no', name: 'Lise B', role: 'reader' as const, municipalityNumber: null, organisationId: null, active: true };

const cases: Array<[string, (caller: Caller) => Promise<unknown>]> = [
  ['createOrganisation', (c) => createOrganisation(logged.db, c, organisation)],
  ['updateOrganisation', (c) => updateOrganisation(logged.db, c, organisationId, organisation, organisationVersion({ name: 'KS', kind: 'KS', contact: '' }))],
  ['updateUser', async (c) => updateUser(logged.db, c, userId, user, userVersion((await userById(logged.db, userId))!))],
  ['createInvite', (c) => createInvite(logged.db, c, config, { email: 'ny@test.no', role: 'reader', municipalityNumber: null, organisationId: null })],
  ['withdrawInvite', (c) => withdrawInvite(logged.db, c, 1)],
  ['createPasswordReset', (c) => createPasswordReset(logged.db, c, config, userId)],
  ['recordAuditExport', (c) => recordAuditExport(logged.db, c, 'alt')],
];

describe('the administrators’ use cases', () => {
  it.each(cases)('%s refuses every role but the administrator before anything is written or audited', async (_, attempt) => {
    for (const caller of others) await expectRefusedBeforeWrite(logged, 'permission', () => attempt(caller));
  });

  it('write and audit for an administrator, and write nothing from a stale form', async () => {
    const admin = callerWith('administrator', { id: userId });
    const shown = userVersion((await userById(logged.db, userId))!);
    expect(await updateUser(logged.db, admin, userId, user, shown)).toEqual({ kind: 'ok' });
    expect(await updateUser(logged.db, admin, userId, { ...user, name: 'Lise C' }, shown)).toMatchObject({ kind: 'stale' });
    expect((await userById(logged.db, userId))!.name).toBe('Lise B');
    const audited = await logged.db.selectFrom('audit_event').select(['action', 'user_id']).where('action', '=', 'user.update').execute();
    expect(audited).toEqual([{ action: 'user.update', user_id: userId }]);
  });
});
