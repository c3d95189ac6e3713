import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freezeBaseline } from '../../../src/commands/baselines.ts';
import { changeLinkFromElement, changeLinkFromRequirement } from '../../../src/commands/requirement-links.ts';
import type { Caller } from '../../../src/commands/run.ts';
import type { Db } from '../../../src/db/index.ts';
import { anonymous, callerWith, expectRefusedBeforeWrite, loggedDb } from './refusals.ts';

/**
 * Issue 10: traceability and baselines go through `change` for `requirements.edit`: every role
 * but the architect and the administrator is refused before anything is written or audited.
 */
let logged: { db: Db; statements: string[] };
beforeEach(async () => {
  logged = await loggedDb();
});
afterEach(() => logged.db.destroy());

const versionOf = async (kind: string, key: string) =>
  (await logged.db.selectFrom('element').select('version').where('kind', '=', kind).where('key', '=', key).executeTakeFirstOrThrow()).version;
const requirementRef = async (key: string) =>
  (await logged.db.selectFrom('requirement').innerJoin('element', 'element.id', 'requirement.element_id').select('requirement.ref').where('element.key', '=', key).executeTakeFirstOrThrow()).ref;

const others: Caller[] = [anonymous, callerWith('reader'), callerWith('municipality', { municipalityNumber: '0301' }), callerWith('organisation', { organisationId: 1 })];

const cases: Array<[string, (caller: Caller) => Promise<unknown>]> = [
  ['freezeBaseline', (c) => freezeBaseline(logged.db, c, { name: 'Høringsutkast', description: '' })],
  [
    'changeLinkFromRequirement',
    async (c) =>
      changeLinkFromRequirement(logged.db, c, { op: 'link', requirementKey: 'aks-0001', version: await versionOf('requirement', 'aks-0001'), linkKind: 'governs', target: { kind: 'informationService', key: 'multidose' } }),
  ],
  [
    'changeLinkFromElement',
    async (c) =>
      changeLinkFromElement(logged.db, c, { op: 'link', kind: 'informationService', key: 'multidose', version: await versionOf('informationService', 'multidose'), requirementRef: await requirementRef('aks-0001') }),
  ],
];

describe('the traceability and baseline use cases', () => {
  it.each(cases)('%s refuses every role but the architect and the administrator before anything is written or audited', async (_, attempt) => {
    for (const caller of others) await expectRefusedBeforeWrite(logged, 'permission', () => attempt(caller));
  });

  it('link, audit on both ends and freeze for an architect, in the architect’s name', async () => {
    const iso = new Date().toISOString();
    const anna = await logged.db
      .insertInto('app_user')
      .values({ email: 'anna@test.no', name: 'Anna Arkitekt', role: 'architect', password_hash: 'x', created_at: iso, updated_at: iso })
      .returning('id')
      .executeTakeFirstOrThrow();
    const architect = callerWith('architect', { id: anna.id });
    expect(await cases[1]![1](architect)).toEqual({ ok: true, changed: true });
    const audited = await logged.db.selectFrom('audit_event').select(['action', 'user_id']).where('action', '=', 'requirement.link').execute();
    expect(audited).toEqual([
      { action: 'requirement.link', user_id: anna.id },
      { action: 'requirement.link', user_id: anna.id },
    ]);
    const frozen = await cases[0]![1](architect);
    expect(frozen).toMatchObject({ ok: true, name: 'Høringsutkast' });
    const row = await logged.db.selectFrom('baseline').select(['created_by', 'created_by_name']).executeTakeFirstOrThrow();
    expect(row).toEqual({ created_by: anna.id, created_by_name: 'Anna Arkitekt' });
    // The same name again is refused with the field's message, and nothing more is written.
    expect(await cases[0]![1](architect)).toMatchObject({ ok: false, reason: 'taken' });
    expect(await logged.db.selectFrom('baseline').select('id').execute()).toHaveLength(1);
  });
});
