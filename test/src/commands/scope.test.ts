import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../../src/commands/run.ts';
import { applyProposal, createElement, deleteElement, moveElement, moveServices, setExchangeCell, setPersonnelCell, setServiceLinks, updateElement } from '../../../src/commands/scope.ts';
import type { Db } from '../../../src/db/index.ts';
import { anonymous, callerWith, expectRefusedBeforeWrite, loggedDb } from './refusals.ts';

/** Issue 10: the scope's use cases refuse every role but the architect before anything is written or audited. */
let logged: { db: Db; statements: string[] };
beforeEach(async () => {
  logged = await loggedDb();
});
afterEach(() => logged.db.destroy());

const others: Caller[] = [anonymous, callerWith('administrator'), callerWith('reader'), callerWith('municipality', { municipalityNumber: '0301' }), callerWith('organisation', { organisationId: 1 })];

const cases: Array<[string, (caller: Caller) => Promise<unknown>]> = [
  ['createElement', (c) => createElement(logged.db, c, 'goal', { name: 'Nytt mål', description: '' })],
  ['updateElement', (c) => updateElement(logged.db, c, 'informationService', 'multidose', 1, { name: 'Multidose' })],
  ['deleteElement', (c) => deleteElement(logged.db, c, 'informationService', 'multidose', { version: 1 } as never)],
  ['moveElement', (c) => moveElement(logged.db, c, 'informationService', 'multidose', 'up', 0)],
  ['setServiceLinks', (c) => setServiceLinks(logged.db, c, 'multidose', 1, { capabilities: [], goals: [], projects: [] })],
  ['setPersonnelCell', (c) => setPersonnelCell(logged.db, c, 'multidose', 'lege', null, null)],
  ['setExchangeCell', (c) => setExchangeCell(logged.db, c, 'multidose', 'fastlege', {}, '0-0000000000000000')],
  ['moveServices', (c) => moveServices(logged.db, c, [{ key: 'multidose', version: 1 }], { category: 'plan' })],
  [
    'applyProposal',
    (c) =>
      applyProposal(logged.db, c, {
        commentId: 1,
        basis: { commentVersion: 1, elementVersion: 1 },
        element: { kind: 'requirement', key: 'aks-0001' },
        target: 'text',
        previouslyApplied: null,
        details: '',
      }),
  ],
];

describe('the scope use cases', () => {
  it.each(cases)('%s refuses every role but the architect before anything is written or audited', async (_, attempt) => {
    for (const caller of others) await expectRefusedBeforeWrite(logged, 'permission', () => attempt(caller));
  });

  it('write and audit for an architect', async () => {
    const { position } = await logged.db.selectFrom('element').select('position').where('key', '=', 'multidose').executeTakeFirstOrThrow();
    const moved = await moveElement(logged.db, callerWith('architect'), 'informationService', 'multidose', 'down', position);
    expect(['moved', 'edge']).toContain(moved);
    if (moved === 'moved') expect(await logged.db.selectFrom('audit_event').select('action').where('action', 'like', 'element.%').execute()).not.toEqual([]);
  });
});
