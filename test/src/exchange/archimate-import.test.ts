import { describe, expect, it } from 'vitest';
import { readArchimate } from '../../../model/exchange/archimate-read.ts';
import { importArchimate } from '../../../src/commands/archimate-import.ts';
import type { Caller } from '../../../src/commands/run.ts';
import { createTestUser, testApp, type TestContext } from '../../helpers.ts';

async function architect(ctx: TestContext): Promise<Caller> {
  const user = await createTestUser(ctx, 'architect');
  return { user: { id: user.id, role: 'architect', municipalityNumber: null, organisationId: null }, at: ctx.clock.now(), clientAddress: null };
}

const element = (ctx: TestContext, kind: string, key: string) =>
  ctx.db.selectFrom('element').select(['name', 'name_en', 'description', 'version']).where('kind', '=', kind).where('key', '=', key).executeTakeFirstOrThrow();

describe('ArchiMate import', () => {
  it('matches elements by their akson properties: the file as exported changes nothing; an edit in Archi is reported field by field, then applied and audited', async () => {
    const ctx = await testApp();
    const caller = await architect(ctx);
    const xml = await (await ctx.app.request('/eksport/archimate.xml')).text();

    const same = await importArchimate(ctx.db, caller, { fileName: 'omfang.xml', read: readArchimate(xml), mode: 'dry-run' });
    expect(same.report.problems).toEqual([]);
    expect(same.report.changed).toEqual([]);
    const elementCount = (await ctx.db.selectFrom('element').select('id').execute()).length;
    expect(same.report.unchanged).toHaveLength(elementCount);
    expect(same.report.notes.map((n) => n.message).join('\n')).toMatch(/relasjoner i filen er ikke importert/);

    // Archi renumbers property definitions and keeps names; rename one element there and add one of Archi's own.
    const before = await element(ctx, 'goal', (await ctx.db.selectFrom('element').select('key').where('kind', '=', 'goal').orderBy('id').executeTakeFirstOrThrow()).key);
    const goalKey = (await ctx.db.selectFrom('element').select('key').where('kind', '=', 'goal').orderBy('id').executeTakeFirstOrThrow()).key;
    const edited = xml
      .replaceAll('pd-key', 'propid-17')
      .replaceAll('pd-kind', 'propid-18')
      .replace(new RegExp(`(<element identifier="id-goal-${goalKey}"[^>]*>\\s*<name xml:lang="nb">)[^<]*(</name>)`), '$1Bedre helsetjenester &amp; samhandling$2')
      .replace('<elements>', '<elements>\n    <element identifier="archi-123" xsi:type="Node"><name xml:lang="nb">Server i Archi</name></element>');
    const dry = await importArchimate(ctx.db, caller, { fileName: 'fra-archi.xml', read: readArchimate(edited), mode: 'dry-run' });
    expect(dry.report.changed).toEqual([{ ref: `goal:${goalKey}`, label: before.name, fields: [{ field: 'Navn', said: 'history.field.name', before: before.name, after: 'Bedre helsetjenester & samhandling' }] }]);
    expect(dry.report.notes.map((n) => n.message).join('\n')).toContain('Server i Archi (Node)');
    expect((await element(ctx, 'goal', goalKey)).name).toBe(before.name);

    const applied = await importArchimate(ctx.db, caller, { fileName: 'fra-archi.xml', read: readArchimate(edited), mode: 'all' });
    expect(applied.applied).toBe(true);
    expect(await element(ctx, 'goal', goalKey)).toMatchObject({ name: 'Bedre helsetjenester & samhandling', version: before.version + 1 });
    const audit = await ctx.db.selectFrom('audit_event').select(['action', 'after_json']).where('action', 'in', ['archimate.import', 'element.update']).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['archimate.import', 'element.update']);
  });

  it('refuses hostile XML before parsing, and an ArchiMate file that is not one, writing nothing', async () => {
    const ctx = await testApp();
    const caller = await architect(ctx);
    for (const [xml, message] of [
      ['<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><model>&x;</model>', /DOCTYPE- eller ENTITY/],
      ['<model><elements></model>', /ikke gyldig XML/],
      ['<REQ-IF/>', /ikke en ArchiMate-modell/],
    ] as const) {
      const result = await importArchimate(ctx.db, caller, { fileName: 'ond.xml', read: readArchimate(xml), mode: 'all' });
      expect(result.applied).toBe(false);
      expect(result.report.problems[0]!.message).toMatch(message);
    }
    expect(await ctx.db.selectFrom('audit_event').select('id').where('action', '=', 'archimate.import').execute()).toEqual([]);
  });
});
