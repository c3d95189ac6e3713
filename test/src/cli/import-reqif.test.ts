import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runImportCommand } from '../../../src/cli/import-command.ts';
import { testApp, testDb } from '../../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'akson-reqif-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run import -- FILE.reqif', () => {
  it('prints the dry-run report, refuses a file with problems unless --bare-gyldige, and imports the requirements with their chapters', async () => {
    const source = await testApp();
    const stamp = source.clock.now().toISOString();
    const chapter = await source.db.insertInto('requirement_chapter').values({ name: 'Legemidler', parent_id: null, position: 0, created_at: stamp }).returning('id').executeTakeFirstOrThrow();
    await source.db.updateTable('requirement').set({ chapter_id: chapter.id }).where('ref', '=', 'AKS-0001').execute();
    const file = join(dir, 'krav.reqif');
    writeFileSync(file, await (await source.app.request('/eksport/krav.reqif')).text());

    const db = await testDb({ seed: false });
    const out: string[] = [];
    const err: string[] = [];
    const io = { db, now: () => new Date('2026-11-26T12:00:00Z'), out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    const refs = async () => (await db.selectFrom('requirement').select('ref').orderBy('ref').execute()).map((r) => r.ref);
    const want = (await source.db.selectFrom('requirement').select('ref').orderBy('ref').execute()).map((r) => r.ref);

    // An empty database lacks the elements the requirements govern: listed, and nothing written.
    expect(await runImportCommand([file, '--dry-run'], io)).toBe(1);
    expect(out[0]).toMatch(new RegExp(`^krav.reqif: ${want.length + 1} nye, 0 endret, 0 uendret, \\d+ problemer\\.$`));
    expect(out.some((l) => /^Problem \(AKS-0001\): AKS-0001 gjelder .* som ikke finnes i akson-scope/.test(l))).toBe(true);
    expect(out).toContain('Ny: Kapittel «Legemidler»');
    expect(out.at(-1)).toBe('Prøvekjøring: ingenting er lagret.');
    expect(await runImportCommand([file], io)).toBe(1);
    expect(err.join('\n')).toContain('Ingenting er lagret');
    expect(await refs()).toEqual([]);

    expect(await runImportCommand([file, '--bare-gyldige'], io)).toBe(0);
    expect(await refs()).toEqual(want);
    const placed = await db
      .selectFrom('requirement')
      .innerJoin('requirement_chapter', 'requirement_chapter.id', 'requirement.chapter_id')
      .select(['requirement.ref', 'requirement_chapter.name'])
      .execute();
    expect(placed).toEqual([{ ref: 'AKS-0001', name: 'Legemidler' }]);
    const audit = await db.selectFrom('audit_event').select(['action', 'user_id', 'after_json']).where('action', '=', 'requirement.import').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ via: 'kommandolinjen', fileName: 'krav.reqif', mode: 'valid' });

    // A hostile file: refused before parsing, nothing written.
    const hostile = join(dir, 'ond.reqif');
    writeFileSync(hostile, '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><REQ-IF>&x;</REQ-IF>');
    out.length = 0;
    expect(await runImportCommand([hostile], io)).toBe(1);
    expect(out.join('\n')).toContain('DOCTYPE- eller ENTITY-erklæring');
    expect(await refs()).toEqual(want);
  });
});
