import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { requirementSheetColumns } from '../../../model/exchange/requirement-sheet.ts';
import type { ImportReport } from '../../../model/exchange/sheet-import.ts';
import { sameOrigin, signIn, testApp, textOf, type TestContext } from '../../helpers.ts';

/*
 * The spreadsheet import (issue 15) through its routes: round trips, the dry-run report, applying
 * all or only the valid rows with the version check, and hostile files that are refused with a
 * clear message before anything is stored.
 */

const headers = requirementSheetColumns.map((c) => c.header);

async function upload(ctx: TestContext, cookie: { Cookie: string }, name: string, bytes: Uint8Array | string, type = 'application/octet-stream') {
  const form = new FormData();
  form.set('fil', new File([(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes) as BlobPart], name, { type }));
  return ctx.app.request('/import', { method: 'POST', body: form, headers: { ...sameOrigin, ...cookie } });
}

/** Uploads a file whose dry run should run, and returns the upload's id and its stored report. */
async function dryRun(ctx: TestContext, cookie: { Cookie: string }, name: string, bytes: Uint8Array | string) {
  const res = await upload(ctx, cookie, name, bytes);
  let location = res.headers.get('location');
  if (res.status === 200) {
    // A dry run that takes more than a moment shows its progress: follow it as the page's htmx would.
    const page = await res.text();
    const job = /hx-get="(\/import\/jobb\/[^"]+)"/.exec(page)![1]!;
    location = /href="(\/import\/[A-Za-z0-9_-]+)"/.exec(page)![1]!;
    for (let done = false; !done; ) {
      const status = await ctx.app.request(job, { headers: { 'HX-Request': 'true' } });
      done = status.headers.get('HX-Redirect') === location;
      if (!done) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } else expect(res.status, await res.clone().text()).toBe(303);
  const id = location!.replace('/import/', '');
  const row = await ctx.db.selectFrom('import_file').select(['report', 'fingerprint']).where('id', '=', id).executeTakeFirstOrThrow();
  return { id, report: JSON.parse(row.report!) as ImportReport, fingerprint: row.fingerprint!, page: await ctx.app.request(`/import/${id}`, { headers: cookie }) };
}

function apply(ctx: TestContext, cookie: { Cookie: string }, id: string, plan: string, mode: 'all' | 'valid') {
  return ctx.app.request(`/import/${id}/bruk`, {
    method: 'POST',
    body: new URLSearchParams({ plan, mode }).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...sameOrigin, ...cookie },
  });
}

const csvOf = (rows: string[][], delimiter = ';') =>
  [headers, ...rows].map((r) => r.map((c) => (/[";\n,]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter)).join('\r\n');

/** A row in the export's layout, for a new requirement unless `ref` and `version` are given. */
function row(fields: Partial<Record<(typeof requirementSheetColumns)[number]['key'], string>>): string[] {
  const base = { name: 'Importert krav', text: 'Løsningen skal importeres.', priority: 'Bør', status: 'Utkast', ...fields };
  return requirementSheetColumns.map((c) => (base as Record<string, string>)[c.key] ?? '');
}

async function counts(ctx: TestContext) {
  const requirements = (await ctx.db.selectFrom('requirement').select('ref').execute()).length;
  const audits = (await ctx.db.selectFrom('audit_event').select('id').where('action', 'in', ['requirements.import', 'element.create', 'element.update']).execute()).length;
  return { requirements, audits };
}

async function exported(ctx: TestContext, cookie: { Cookie: string }, path: string) {
  return new Uint8Array(await (await ctx.app.request(path, { headers: cookie })).arrayBuffer());
}

describe('round trips', () => {
  it('an XLSX export imported again changes nothing, and so does the CSV export', async () => {
    const ctx = await testApp();
    const cookie = await signIn(ctx, 'architect');
    const total = (await ctx.db.selectFrom('requirement').select('ref').execute()).length;
    for (const [name, path] of [['krav.xlsx', '/eksport/krav.xlsx'], ['krav.csv', '/eksport/krav.csv']] as const) {
      const { report, page } = await dryRun(ctx, cookie, name, await exported(ctx, cookie, path));
      expect(report.problems, name).toEqual([]);
      expect(report.conflicts, name).toEqual([]);
      expect(report.created, name).toEqual([]);
      expect(report.changed, name).toEqual([]);
      expect(report.unchanged.length, name).toBe(total);
      // The export's own read-only columns are named as not read.
      expect(report.ignoredColumns).toEqual(['Kilde', 'Sist endret']);
      const text = textOf(await page.text());
      expect(text).toContain('Ingen nye krav');
      expect(text).toContain('Det er ingenting å lagre');
    }
  });

  it('reads the CSV the way Excel writes it: Windows-1252 with semicolons, and UTF-8 without a byte-order mark', async () => {
    const ctx = await testApp();
    const cookie = await signIn(ctx, 'architect');
    const text = csvOf([row({ name: 'Særskilt øvelse på område', text: 'Løsningen skal håndtere æøå – og «anførsel».', priority: 'bør' })]);
    const latin = Uint8Array.from(Buffer.from(text.replace(/–/g, '\u2013'), 'latin1'));
    // '–' (U+2013) is 0x96 in Windows-1252; latin1 cannot write it, so put the byte in by hand.
    const cp1252 = Uint8Array.from([...latin].map((b, i) => (text[i] === '\u2013' ? 0x96 : b)));
    const a = await dryRun(ctx, cookie, 'excel.csv', cp1252);
    expect(a.report.encoding).toBe('windows-1252');
    expect(a.report.delimiter).toBe(';');
    expect(a.report.problems).toEqual([]);
    expect(a.report.created).toEqual([{ row: 2, fileRef: '', name: 'Særskilt øvelse på område' }]);
    const b = await dryRun(ctx, cookie, 'utf8.csv', csvOf([row({ text: 'Løsningen skal håndtere æøå – og «anførsel».' })], ','));
    expect(b.report.encoding).toBe('utf-8');
    expect(b.report.delimiter).toBe(',');
    expect(b.report.problems).toEqual([]);
  });
});

describe('the dry-run report', () => {
  it('lists exactly the rows and columns with errors, in Norwegian, and stores nothing but the upload', async () => {
    const ctx = await testApp();
    const cookie = await signIn(ctx, 'architect');
    const before = await counts(ctx);
    const file = csvOf([
      row({ name: 'Riktig nytt krav' }), // row 2: fine
      row({ priority: 'kanskje' }), // row 3
      row({ linkedElements: 'informationService:multidose, informationService:finnes-ikke' }), // row 4
      row({ text: '' }), // row 5
      row({ ref: 'AKS-0003', version: '1', name: 'Første' }), // row 6: duplicate
      row({ ref: 'AKS-0003', version: '1', name: 'Andre' }), // row 7: duplicate
      row({ status: 'ferdig', verificationMethod: 'gjetting' }), // row 8: two problems
      row({ text: 'Dette er et ønske.' }), // row 9: no «skal»
      row({ chapter: '9.9 Finnes ikke' }), // row 10
    ]);
    const { id, report, page } = await dryRun(ctx, cookie, 'feil.csv', file);
    expect(report.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'Prioritet', 'priority'],
      [4, 'Koblede elementer', 'unknownElement'],
      [5, 'Kravtekst', 'required'],
      [6, 'Kravnummer', 'duplicate'],
      [7, 'Kravnummer', 'duplicate'],
      [8, 'Status', 'status'],
      [8, 'Verifikasjonsmetode', 'verification'],
      [9, 'Kravtekst', 'invalid'],
      [10, 'Kapittel', 'chapter'],
    ]);
    expect(report.created.map((c) => c.row)).toEqual([2]);
    const text = textOf(await page.text());
    expect(text).toContain('Rad 3, kolonne «Prioritet»: «kanskje» er ingen prioritet; bruk må (eller skal), bør, kan eller ikke nå.');
    expect(text).toContain('Rad 4, kolonne «Koblede elementer»: «informationService:finnes-ikke» finnes ikke i modellen.');
    expect(text).toContain('Rad 6, kolonne «Kravnummer»: «AKS-0003» står på flere rader (6, 7)');
    expect(text).toContain('Rad 9, kolonne «Kravtekst»: Et krav er et «skal»-utsagn');
    // All or nothing is not offered; only the explicit choice of the valid rows.
    expect(text).toContain('Bruk bare de gyldige radene');
    expect(text).not.toContain('Bruk hele filen');
    // In English, one message per problem with English quotation marks (the file's own headers and values stay as written).
    const english = textOf(await (await ctx.app.request(`/import/${id}?vis=problemer`, { headers: { ...cookie, 'Accept-Language': 'en' } })).text());
    expect(english).toContain('Row 3, column “Prioritet”:');
    expect(english).not.toMatch(/Rad \d|, «Prioritet»/);
    expect(await counts(ctx)).toEqual(before);
  });
});

describe('applying an import', () => {
  it('creates with new numbers, updates with the version check, and audits one import with its file name and counts', async () => {
    const ctx = await testApp();
    const cookie = await signIn(ctx, 'architect');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await exported(ctx, cookie, '/eksport/krav.xlsx')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Krav')!;
    const col = (key: string) => requirementSheetColumns.findIndex((c) => c.key === key) + 1;
    const first = sheet.getRow(2);
    const ref = String(first.getCell(col('ref')).value);
    first.getCell(col('name')).value = 'Nytt navn fra regnearket';
    first.getCell(col('priority')).value = 'kan';
    first.getCell(col('tags')).value = 'import, test';
    // A formula typed into a cell is kept as its text and never run.
    sheet.addRow(row({ name: 'Formelkrav', text: 'Løsningen skal vise =1+1 som tekst.' }));
    sheet.getRow(sheet.rowCount).getCell(col('acceptanceCriteria')).value = { formula: 'HYPERLINK("http://evil.example","klikk")', result: 'klikk' } as ExcelJS.CellFormulaValue;
    sheet.addRow(row({ ref: 'AKS-9999', name: 'Ukjent nummer', linkedElements: 'informationService:multidose' }));
    const file = new Uint8Array(await workbook.xlsx.writeBuffer());

    const { id, report, fingerprint } = await dryRun(ctx, cookie, 'endringer.xlsx', file);
    expect(report.problems).toEqual([]);
    expect(report.changed).toEqual([
      {
        row: 2,
        ref,
        diffs: [
          expect.objectContaining({ field: 'name', column: 'Navn', after: 'Nytt navn fra regnearket' }),
          expect.objectContaining({ field: 'priority', column: 'Prioritet', after: 'Kan' }),
          expect.objectContaining({ field: 'tags', column: 'Etiketter', before: '', after: 'import, test' }),
        ],
      },
    ]);
    expect(report.created.map((c) => c.fileRef)).toEqual(['', 'AKS-9999']);

    const res = await apply(ctx, cookie, id, fingerprint, 'all');
    expect(res.status).toBe(303);
    const result = textOf(await (await ctx.app.request(`/import/${id}`, { headers: cookie })).text());
    expect(result).toContain('2 nye krav, 1 endret, 9 uendret.');

    const created = await ctx.db
      .selectFrom('requirement')
      .innerJoin('element', 'element.id', 'requirement.element_id')
      .select(['requirement.ref', 'element.name', 'requirement.acceptance_criteria'])
      .where('element.name', 'in', ['Formelkrav', 'Ukjent nummer'])
      .orderBy('requirement.ref')
      .execute();
    // New numbers from the counter: never the file's AKS-9999, never one used before.
    expect(created.map((c) => c.ref)).toEqual(['AKS-0011', 'AKS-0012']);
    expect(created[0]!.acceptance_criteria).toBe('=HYPERLINK("http://evil.example","klikk")');
    const changed = await ctx.db
      .selectFrom('requirement')
      .innerJoin('element', 'element.id', 'requirement.element_id')
      .select(['element.name', 'element.version', 'requirement.priority', 'requirement.tags'])
      .where('requirement.ref', '=', ref)
      .executeTakeFirstOrThrow();
    expect(changed).toMatchObject({ name: 'Nytt navn fra regnearket', priority: 'could', tags: '|import|test|' });

    const audit = await ctx.db.selectFrom('audit_event').select(['details', 'after_json', 'user_id']).where('action', '=', 'requirements.import').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toBe('Import fra «endringer.xlsx»: 2 opprettet, 1 endret, 9 uendret, 0 rader utelatt');
    expect(audit[0]!.user_id).toBe(ctx.users.get('architect')!.id);

    // Applying twice is refused; the file must be uploaded again.
    const again = await apply(ctx, cookie, id, fingerprint, 'all');
    expect(again.status).toBe(303);
    expect((await ctx.db.selectFrom('audit_event').select('id').where('action', '=', 'requirements.import').execute()).length).toBe(1);
  });

  it('reports a row made from an older version as a conflict; all or nothing writes nothing, the valid rows only the rest', async () => {
    const ctx = await testApp();
    const cookie = await signIn(ctx, 'architect');
    const current = await ctx.db
      .selectFrom('requirement')
      .innerJoin('element', 'element.id', 'requirement.element_id')
      .select(['requirement.ref', 'element.version'])
      .orderBy('requirement.ref')
      .limit(2)
      .execute();
    const [a, b] = current as [(typeof current)[number], (typeof current)[number]];
    await ctx.db.updateTable('element').set({ version: a.version + 1 }).where('key', '=', a.ref.toLowerCase()).execute();
    const file = csvOf([
      row({ ref: a.ref, version: String(a.version), name: 'Over en nyere versjon', priority: 'Må' }),
      row({ ref: b.ref, version: String(b.version), name: 'Gyldig endring', priority: 'Må' }),
    ]);
    const { id, report, fingerprint } = await dryRun(ctx, cookie, 'konflikt.csv', file);
    expect(report.conflicts.map((c) => [c.row, c.ref, c.fileVersion, c.currentVersion])).toEqual([[2, a.ref, a.version, a.version + 1]]);
    const before = await counts(ctx);

    await apply(ctx, cookie, id, fingerprint, 'all');
    expect(await counts(ctx)).toEqual(before);
    const names = async () =>
      (await ctx.db.selectFrom('element').select('name').where('key', 'in', [a.ref.toLowerCase(), b.ref.toLowerCase()]).orderBy('key').execute()).map((r) => r.name);
    expect(await names()).not.toContain('Gyldig endring');

    await apply(ctx, cookie, id, fingerprint, 'valid');
    expect(await names()).toEqual([expect.not.stringMatching('Over en nyere versjon'), 'Gyldig endring']);
    const result = textOf(await (await ctx.app.request(`/import/${id}`, { headers: cookie })).text());
    expect(result).toContain('1 rad ble ikke brukt: 2.');
  });

  it('writes nothing when the requirements changed after the dry run, and shows the new report', async () => {
    const ctx = await testApp();
    const cookie = await signIn(ctx, 'architect');
    const file = await exported(ctx, cookie, '/eksport/krav.csv');
    const text = new TextDecoder().decode(file).replace(/\r\nAKS-0001,([^,]*),[^,]*,/, (_m, chapter: string) => `\r\nAKS-0001,${chapter},Endret navn,`);
    const { id, report, fingerprint } = await dryRun(ctx, cookie, 'krav.csv', text);
    expect(report.changed.map((c) => c.ref)).toEqual(['AKS-0001']);
    await ctx.db.updateTable('element').set({ name: 'Noen andre var først' }).where('key', '=', 'aks-0002').execute();
    const before = await counts(ctx);
    await apply(ctx, cookie, id, fingerprint, 'all');
    expect(await counts(ctx)).toEqual(before);
    const page = textOf(await (await ctx.app.request(`/import/${id}`, { headers: cookie })).text());
    expect(page).toContain('Kravene er endret siden prøvekjøringen');
    // And a report the architect did not see is never applied.
    const stale = await apply(ctx, cookie, id, fingerprint, 'all');
    expect(stale.status).toBe(303);
    expect(await counts(ctx)).toEqual(before);
  });

  it('is for architects and administrators only, and an upload is its uploader’s', async () => {
    const ctx = await testApp();
    expect((await ctx.app.request('/import', { headers: await signIn(ctx, 'reader') })).status).toBe(403);
    expect((await upload(ctx, await signIn(ctx, 'municipality'), 'krav.csv', csvOf([row({})]))).status).toBe(403);
    const { id } = await dryRun(ctx, await signIn(ctx, 'architect'), 'krav.csv', csvOf([row({})]));
    expect((await ctx.app.request(`/import/${id}`, { headers: await signIn(ctx, 'administrator') })).status).toBe(404);
  });
});

// Hostile files ------------------------------------------------------------------------------

/** A zip archive from entries, each stored deflated, with the sizes the directory claims (the truth unless told). */
function zipOf(entries: Array<{ name: string; data: Buffer; claim?: number }>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const size = e.claim ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

describe('hostile files are refused with a clear message, and nothing is stored', () => {
  async function refused(ctx: TestContext, cookie: { Cookie: string }, name: string, bytes: Uint8Array | string, message: string, status = 422) {
    const res = await upload(ctx, cookie, name, bytes);
    expect(res.status, name).toBe(status);
    expect(textOf(await res.text())).toContain(message);
    expect(await ctx.db.selectFrom('import_file').select('id').execute(), name).toEqual([]);
  }

  it('a zip bomb dressed as XLSX, by what its directory claims and by what it really unpacks to, and a zip of many parts', async () => {
    const ctx = await testApp();
    const cookie = await signIn(ctx, 'architect');
    const before = await counts(ctx);
    // 101 MB of zeros packs to about 100 kB: the directory's honest claim is over the limit.
    await refused(ctx, cookie, 'krav.xlsx', zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(101 * 1024 * 1024) }]), 'zip-bombe');
    // A directory that lies (claims 1 kB for 8 MB) is caught by unpacking with the claim as the cap.
    await refused(ctx, cookie, 'krav.xlsx', zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(8 * 1024 * 1024), claim: 1024 }]), 'zip-bombe');
    await refused(
      ctx,
      cookie,
      'krav.xlsx',
      zipOf(Array.from({ length: 300 }, (_, i) => ({ name: `xl/del${i}.xml`, data: Buffer.from('<a/>') }))),
      'XLSX-filen har 300 deler',
    );
    expect(await counts(ctx)).toEqual(before);
  });

  it('an XLSX whose parts declare a DOCTYPE or an entity is refused before any XML parser reads it', async () => {
    const ctx = await testApp();
    const cookie = await signIn(ctx, 'architect');
    const xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><workbook>&e;</workbook>';
    await refused(ctx, cookie, 'krav.xlsx', zipOf([{ name: 'xl/workbook.xml', data: Buffer.from(xxe) }]), 'DOCTYPE- eller ENTITY-erklæring');
  });

  it('a 50 MB upload gets 413 before it is read', async () => {
    const ctx = await testApp();
    const cookie = await signIn(ctx, 'architect');
    const res = await upload(ctx, cookie, 'stor.csv', new Uint8Array(50 * 1024 * 1024));
    expect(res.status).toBe(413);
    expect(textOf(await res.text())).toContain('Filen er større enn 10 MB');
    expect(await ctx.db.selectFrom('import_file').select('id').execute()).toEqual([]);
  });

  it('a CSV in an unknown encoding: UTF-16 without a byte-order mark, Cyrillic in ISO-8859-5, bytes Windows-1252 does not have', async () => {
    const ctx = await testApp();
    const cookie = await signIn(ctx, 'architect');
    const text = csvOf([row({})]);
    await refused(ctx, cookie, 'utf16.csv', new Uint8Array(Buffer.from(text, 'utf16le')), 'Tegnkodingen i CSV-filen er ukjent');
    // "Требование" and friends, one byte a letter in ISO-8859-5 (0xB0-0xEF).
    const cyrillic = Buffer.concat([Buffer.from(`${headers.join(';')}\r\n;;`), Buffer.from([0xc2, 0xe0, 0xd5, 0xd1, 0xde, 0xd2, 0xd0, 0xdd, 0xd8, 0xd5, 0x20, 0xd4, 0xdb, 0xef])]);
    await refused(ctx, cookie, 'iso.csv', new Uint8Array(cyrillic), 'Tegnkodingen i CSV-filen er ukjent');
    await refused(ctx, cookie, 'udefinert.csv', new Uint8Array([...Buffer.from(`${headers.join(';')}\r\n;;Krav `), 0x81, 0x8d]), 'Tegnkodingen i CSV-filen er ukjent');
  });

  it('HTML or XML with a spreadsheet’s name, and old binary Excel', async () => {
    const ctx = await testApp();
    const cookie = await signIn(ctx, 'architect');
    await refused(ctx, cookie, 'krav.xlsx', '<html><body><table><tr><td>AKS-0001</td></tr></table></body></html>', 'Filen er HTML eller XML');
    await refused(ctx, cookie, 'krav.csv', '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>', 'Filen er HTML eller XML');
    await refused(ctx, cookie, 'krav.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), 'gamle Excel-formatet');
  });

  it('100,000 rows are over the documented limit of 20,000 and refused before they are checked', async () => {
    const ctx = await testApp();
    const cookie = await signIn(ctx, 'architect');
    const line = ';;Krav;Løsningen skal.;;Bør;;;;;;;;;';
    const big = `${headers.join(';')}\r\n${Array.from({ length: 100_000 }, () => line).join('\r\n')}`;
    await refused(ctx, cookie, 'hundre-tusen.csv', big, 'Filen har 100 000 rader. Grensen er 20 000 rader per import');
  });

  it('a file without the export’s headers says which columns are missing', async () => {
    const ctx = await testApp();
    const cookie = await signIn(ctx, 'architect');
    await refused(ctx, cookie, 'annet.csv', 'A;B;C\r\n1;2;3', 'Regnearket mangler kolonnene «Kravnummer», «Navn», «Kravtekst»');
    await refused(ctx, cookie, 'tom.csv', headers.join(';'), 'Regnearket har overskrifter, men ingen rader med krav');
  });
});

describe('a large import', () => {
  it('10,000 new rows: dry run and apply through the routes (the time is printed, not asserted)', async () => {
    const ctx = await testApp();
    const cookie = await signIn(ctx, 'architect');
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      row({ name: `Masseimportert krav ${i + 1}`, text: `Løsningen skal oppfylle krav nummer ${i + 1}.`, linkedElements: i % 3 === 0 ? 'informationService:multidose' : '', tags: 'masse' }),
    );
    const started = performance.now();
    const { id, report, fingerprint } = await dryRun(ctx, cookie, 'ti-tusen.csv', csvOf(rows));
    const checked = performance.now();
    expect(report.created).toHaveLength(10_000);
    expect((await apply(ctx, cookie, id, fingerprint, 'all')).status).toBe(303);
    const applied = performance.now();
    expect((await ctx.db.selectFrom('requirement').select('ref').where('tags', '=', '|masse|').execute()).length).toBe(10_000);
    console.log(`10 000 rader: opplasting og prøvekjøring ${Math.round(checked - started)} ms, import ${Math.round(applied - checked)} ms`);
  }, 120_000);
});

describe('the import pages', () => {
  it('are valid HTML in both languages: the upload form with a refusal, the report in every part, the progress, the result', async () => {
    const { HtmlValidate } = await import('html-validate');
    const { htmlValidateConfig } = await import('../a11y/htmlvalidate-config.ts');
    const validator = new HtmlValidate(htmlValidateConfig);
    const ctx = await testApp();
    const cookie = await signIn(ctx, 'architect');
    const file = csvOf([
      row({ name: 'Nytt' }),
      row({ priority: 'kanskje' }),
      row({ ref: 'AKS-0001', version: '1', name: 'Endret navn' }),
    ]);
    const { id, fingerprint } = await dryRun(ctx, cookie, 'sider.csv', file);
    const pages: Array<[string, string]> = [];
    for (const language of ['nb', 'en']) {
      const headers = { ...cookie, 'Accept-Language': language };
      pages.push([`refusal ${language}`, await (await upload(ctx, headers, 'x.xlsx', '<html></html>')).text()]);
      for (const vis of ['problemer', 'konflikter', 'endret', 'nye', 'uendret']) {
        pages.push([`${vis} ${language}`, await (await ctx.app.request(`/import/${id}?vis=${vis}`, { headers })).text()]);
      }
    }
    const progress = await apply(ctx, { ...cookie, 'HX-Request': 'true' } as unknown as { Cookie: string }, id, fingerprint, 'valid');
    expect(await progress.text()).toMatch(/<progress id="import-fremdrift-linje"/);
    for (let done = false; !done; ) {
      done = (await ctx.db.selectFrom('import_file').select('applied_at').where('id', '=', id).executeTakeFirstOrThrow()).applied_at !== null;
      if (!done) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    pages.push(['result', await (await ctx.app.request(`/import/${id}`, { headers: cookie })).text()]);
    expect(pages.find(([name]) => name === 'result')![1]).toContain('1 nytt krav, 1 endret');
    const findings: string[] = [];
    for (const [name, html] of pages) {
      const report = await validator.validateString(html, name);
      for (const result of report.results) for (const m of result.messages) if (m.severity === 2) findings.push(`${name} ${m.ruleId}: ${m.message}`);
    }
    expect(findings).toEqual([]);
  });
});
