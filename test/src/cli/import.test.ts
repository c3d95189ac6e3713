import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requirementSheetColumns } from '../../../model/exchange/requirement-sheet.ts';
import { runImportCommand } from '../../../src/cli/import-command.ts';
import { testDb } from '../../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'akson-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, rows: string[][]): string {
  const path = join(dir, name);
  writeFileSync(path, `\uFEFF${[requirementSheetColumns.map((c) => c.header), ...rows].map((r) => r.join(';')).join('\r\n')}`);
  return path;
}

const row = (name: string, priority: string) => requirementSheetColumns.map((c) => ({ name, text: `Løsningen skal ${name.toLowerCase()}.`, priority })[c.key as 'name'] ?? '');

describe('npm run import', () => {
  it('prints the dry-run report and writes nothing; applies all or nothing; --bare-gyldige applies the valid rows', async () => {
    const db = await testDb();
    const out: string[] = [];
    const err: string[] = [];
    const io = { db, now: () => new Date('2026-11-26T12:00:00Z'), out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    const count = async () => (await db.selectFrom('requirement').select('ref').execute()).length;
    const before = await count();
    const file = csv('krav.csv', [row('Logge tilgang', 'Må'), row('Vise historikk', 'kanskje')]);

    expect(await runImportCommand([file, '--dry-run'], io)).toBe(1);
    expect(out).toContain('Rad 3, kolonne «Prioritet»: «kanskje» er ingen prioritet; bruk må (eller skal), bør, kan eller ikke nå.');
    expect(out).toContain('Rad 2: Nytt nummer: Logge tilgang');
    expect(out.at(-1)).toBe('Prøvekjøring: ingenting er lagret.');
    expect(await count()).toBe(before);

    expect(await runImportCommand([file], io)).toBe(1);
    expect(err.join('\n')).toContain('Ingenting er lagret');
    expect(await count()).toBe(before);

    out.length = 0;
    expect(await runImportCommand([file, '--bare-gyldige'], io)).toBe(0);
    expect(out).toContain('1 nytt krav, ingen endret, ingen uendret.');
    expect(out).toContain('1 rad ble ikke brukt: 3.');
    expect(await count()).toBe(before + 1);
    const audit = await db.selectFrom('audit_event').select(['details', 'user_id']).where('action', '=', 'requirements.import').executeTakeFirstOrThrow();
    expect(audit).toEqual({ details: 'Import fra «krav.csv» (kommandolinjen): 1 opprettet, 0 endret, 0 uendret, 1 rad utelatt', user_id: null });

    expect(await runImportCommand([join(dir, 'finnes-ikke.csv')], io)).toBe(2);
    writeFileSync(join(dir, 'side.xlsx'), '<html><body>krav</body></html>');
    expect(await runImportCommand([join(dir, 'side.xlsx')], io)).toBe(2);
    expect(err.at(-1)).toContain('Filen er HTML eller XML');
    expect(await runImportCommand([], io)).toBe(2);
    await db.destroy();
  });
});
