import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { readReqif } from '../../../model/exchange/reqif-read.ts';
import { REQIF_NAMESPACE, requirementAttributes } from '../../../model/exchange/reqif.ts';
import { chapterPaths, requirementSetOf } from '../../../model/exchange/requirement-set.ts';
import { importRequirementSet } from '../../../src/commands/requirement-set-import.ts';
import type { Caller } from '../../../src/commands/run.ts';
import type { Db } from '../../../src/db/index.ts';
import { currentSnapshot } from '../../../src/db/queries/baselines.ts';
import { createTestUser, testApp, testClock, testDb } from '../../helpers.ts';

const at = new Date('2026-11-26T12:00:00Z');
const stamp = at.toISOString();

/** Gives the seeded requirements the structure a real set has: a chapter tree, types, criteria, tags, links between them. */
async function structure(db: Db): Promise<void> {
  const chapter = (name: string, parent: number | null, position: number) =>
    db.insertInto('requirement_chapter').values({ name, parent_id: parent, position, created_at: stamp }).returning('id').executeTakeFirstOrThrow();
  const one = await chapter('Funksjonelle krav', null, 0);
  const oneOne = await chapter('Legemidler & «vaksiner»', one.id, 0);
  const oneTwo = await chapter('Samhandling', one.id, 1);
  const two = await chapter('Ikke-funksjonelle krav', null, 1);
  const reqs = await db.selectFrom('requirement').select(['element_id', 'ref']).orderBy('ref').execute();
  const place = [oneOne.id, oneOne.id, oneTwo.id, two.id, null, one.id];
  for (const [i, r] of reqs.entries()) {
    await db
      .updateTable('requirement')
      .set({
        chapter_id: place[i % place.length] ?? null,
        type_key: i % 3 === 0 ? 'funksjonelt' : i % 3 === 1 ? 'integrasjon' : null,
        acceptance_criteria: i % 2 === 0 ? `Gitt en bruker\nnår hun åpner kravet ${r.ref}\nså ser hun <alt> & "mer"` : '',
        verification_method: i % 2 === 0 ? 'test' : null,
        tags: i % 2 === 0 ? '|mvp|legemidler|' : '',
      })
      .where('element_id', '=', r.element_id)
      .execute();
  }
  await db.updateTable('element').set({ name_en: 'Shared medication list', description: 'Linje 1\nLinje 2' }).where('key', '=', 'aks-0001').execute();
  await db
    .insertInto('requirement_relation')
    .values([
      { from_id: reqs[1]!.element_id, to_id: reqs[0]!.element_id, kind: 'derived_from' },
      { from_id: reqs[2]!.element_id, to_id: reqs[1]!.element_id, kind: 'derived_from' },
      { from_id: reqs[3]!.element_id, to_id: reqs[4]!.element_id, kind: 'supersedes' },
    ])
    .execute();
}

/** The requirement set with nothing database-specific: chapters by path, requirements by number, links by number and key. */
async function comparable(db: Db) {
  const set = requirementSetOf(await currentSnapshot(db, at));
  const paths = chapterPaths(set.chapters);
  const refOf = new Map(set.requirements.map((r) => [r.xid, r.ref]));
  return {
    chapters: set.chapters.map((c) => ({ path: paths.get(c.xid), position: c.position })).sort((a, b) => a.path!.localeCompare(b.path!)),
    requirements: set.requirements.map(({ xid: _x, version: _v, chapter, ...r }) => ({ ...r, chapter: chapter ? paths.get(chapter) : null })),
    types: set.types.filter((t) => set.requirements.some((r) => r.type?.key === t.key)),
    relations: set.relations.map((l) => `${refOf.get(l.from)} ${l.kind} ${refOf.get(l.to)}`).sort(),
    governs: set.governs.map((g) => ({ ...g, requirement: refOf.get(g.requirement) })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  };
}

async function architectIn(db: Db): Promise<Caller> {
  const user = await createTestUser({ db, clock: testClock() }, 'architect');
  return { user: { id: user.id, role: 'architect', municipalityNumber: null, organisationId: null }, at, clientAddress: null };
}

async function exported(): Promise<{ xml: string; source: Db }> {
  const ctx = await testApp();
  await structure(ctx.db);
  const res = await ctx.app.request('/eksport/krav.reqif');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
  expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="akson-krav-\d{4}-\d{2}-\d{2}\.reqif"/);
  return { xml: await res.text(), source: ctx.db };
}

type N = Record<string, unknown>;
const arr = (v: unknown): N[] => (Array.isArray(v) ? v : v ? [v] : []) as N[];

describe('GET /eksport/krav.reqif', () => {
  it('is ReqIF 1.2: one requirement type with every field, enumerations, stable identifiers, the chapter tree and the links, every reference resolving', async () => {
    const { xml, source } = await exported();
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => /^(SPEC-OBJECT|SPEC-RELATION|SPEC-HIERARCHY|ENUM-VALUE|SPEC-OBJECT-TYPE|DATATYPE-DEFINITION-ENUMERATION|ATTRIBUTE-DEFINITION-\w+|ATTRIBUTE-VALUE-\w+|SPECIFICATION)$/.test(n) && !n.endsWith('-REF') }).parse(xml) as N;
    const root = doc['REQ-IF'] as N;
    expect(root.xmlns).toBe(REQIF_NAMESPACE);
    expect(((root['THE-HEADER'] as N)['REQ-IF-HEADER'] as N)['REQ-IF-VERSION']).toBe(1.2);
    const content = ((root['CORE-CONTENT'] as N)['REQ-IF-CONTENT']) as N;

    const enums = arr((content.DATATYPES as N)['DATATYPE-DEFINITION-ENUMERATION']).map((d) => d['LONG-NAME']);
    expect(enums).toEqual(expect.arrayContaining(['Kravtype', 'Prioritet', 'Status']));
    const requirementType = arr((content['SPEC-TYPES'] as N)['SPEC-OBJECT-TYPE']).find((t) => t.IDENTIFIER === 'sot-requirement')!;
    const defined = Object.entries(requirementType['SPEC-ATTRIBUTES'] as N).flatMap(([, defs]) => arr(defs).map((d) => d.IDENTIFIER));
    expect(defined.sort()).toEqual(Object.values(requirementAttributes).map((a) => a.id).sort());

    const objects = arr((content['SPEC-OBJECTS'] as N)['SPEC-OBJECT']);
    const ids = objects.map((o) => o.IDENTIFIER as string);
    expect(new Set(ids).size).toBe(ids.length);
    const refs = await source.selectFrom('requirement').select('ref').orderBy('ref').execute();
    for (const r of refs) expect(ids).toContain(`req-${r.ref.toLowerCase()}`);

    // Every relation's ends and every hierarchy node's object are objects in the file.
    const relations = arr((content['SPEC-RELATIONS'] as N)['SPEC-RELATION']);
    expect(relations.length).toBe(3 + Number((await source.selectFrom('requirement_element').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n));
    for (const l of relations) {
      expect(ids).toContain(((l.SOURCE as N)['SPEC-OBJECT-REF']) as string);
      expect(ids).toContain(((l.TARGET as N)['SPEC-OBJECT-REF']) as string);
    }
    const spec = arr((content.SPECIFICATIONS as N).SPECIFICATION).find((s) => s.IDENTIFIER === 'spec-krav')!;
    const tree = (n: N, depth: number): string[] =>
      arr((n.CHILDREN as N | undefined)?.['SPEC-HIERARCHY']).flatMap((h) => {
        const id = (h.OBJECT as N)['SPEC-OBJECT-REF'] as string;
        expect(ids).toContain(id);
        const name = objects.find((o) => o.IDENTIFIER === id)!['LONG-NAME'] as string;
        return id.startsWith('kap-') ? [`${'  '.repeat(depth)}${name}`, ...tree(h, depth + 1)] : tree(h, depth + 1);
      });
    expect(tree(spec, 0)).toEqual(['Funksjonelle krav', '  Legemidler & «vaksiner»', '  Samhandling', 'Ikke-funksjonelle krav']);

    // Stable: a second export after an edit names the same requirement the same way.
    await source.updateTable('requirement').set({ text: 'Endret tekst som skal gjelde.' }).where('ref', '=', 'AKS-0002').execute();
    const again = await (await testAppOn(source)).request('/eksport/krav.reqif');
    const againIds = [...(await again.text()).matchAll(/<SPEC-OBJECT IDENTIFIER="([^"]+)"/g)].map((m) => m[1]);
    expect(againIds).toEqual(ids);
  });
});

/** The app over a database a test already holds. */
async function testAppOn(db: Db) {
  const { createApp } = await import('../../../src/app.tsx');
  const { configWith } = await import('../../../src/config.ts');
  return createApp({ db, config: configWith({}), now: () => at, logError: () => undefined });
}

describe('ReqIF import', () => {
  it('into an empty database gives the same requirements, chapters, types and links between requirements; links to elements it lacks are listed', async () => {
    const { xml, source } = await exported();
    const read = readReqif(xml);
    expect(read.problems).toEqual([]);
    const db = await testDb({ seed: false });
    const caller = await architectIn(db);

    const all = await importRequirementSet(db, caller, { format: 'reqif', fileName: 'krav.reqif', read, mode: 'all' });
    const governed = (await comparable(source)).governs.length;
    expect(all.applied).toBe(false);
    expect(all.report.problems).toHaveLength(governed);
    expect(all.report.problems[0]!.message).toMatch(/gjelder .* som ikke finnes i akson-scope/);
    expect(await db.selectFrom('requirement').select('ref').execute()).toEqual([]);

    const valid = await importRequirementSet(db, caller, { format: 'reqif', fileName: 'krav.reqif', read, mode: 'valid' });
    expect(valid.applied).toBe(true);
    const [want, got] = [await comparable(source), await comparable(db)];
    // The source document is not in an empty database, so the requirements' source lines cannot be kept; the report says so.
    expect(got.requirements).toEqual(want.requirements.map((r) => ({ ...r, source: null })));
    expect(valid.report.notes.filter((n) => /kildedokumentet «akson-arena-2019-10-24» finnes ikke her/.test(n.message))).toHaveLength(want.requirements.length);
    expect(got.chapters).toEqual(want.chapters);
    expect(got.types).toEqual(want.types);
    expect(got.relations).toEqual(want.relations);
    expect(got.governs).toEqual([]);
    // The next requirement made by hand does not take a number the import used.
    const counter = await db.selectFrom('counter').select('value').where('name', '=', 'requirement').executeTakeFirstOrThrow();
    expect(counter.value).toBe(want.requirements.length);
    // Audited as one import, with the file and the counts.
    const audit = await db.selectFrom('audit_event').select(['action', 'after_json']).where('action', '=', 'requirement.import').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ fileName: 'krav.reqif', mode: 'valid', problems: governed });
  });

  it('into a scope without requirements gives the same requirements, chapters and every link, field by field; a second import changes nothing', async () => {
    const { xml, source } = await exported();
    const db = await testDb();
    await db.deleteFrom('element').where('kind', '=', 'requirement').execute();
    const caller = await architectIn(db);
    const done = await importRequirementSet(db, caller, { format: 'reqif', fileName: 'krav.reqif', read: readReqif(xml), mode: 'all' });
    expect(done.report.problems).toEqual([]);
    expect(done.applied).toBe(true);
    const want = await comparable(source);
    expect(want.governs.length).toBeGreaterThan(5);
    expect(await comparable(db)).toEqual(want);

    const again = await importRequirementSet(db, caller, { format: 'reqif', fileName: 'krav.reqif', read: readReqif(xml), mode: 'dry-run' });
    expect(again.report).toMatchObject({ created: [], changed: [], problems: [] });
    expect(again.report.unchanged).toHaveLength(want.requirements.length);
  });

  it('reports a changed field with before and after, and refuses a file older than the requirement', async () => {
    const { xml, source } = await exported();
    const caller = await architectIn(source);
    const edited = xml.replace(/(<SPEC-OBJECT IDENTIFIER="req-aks-0003"[\s\S]*?<ATTRIBUTE-VALUE-STRING THE-VALUE=")[^"]*("><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>ad-text<)/, '$1Løsningen skal vise ny tekst.$2');
    const dry = await importRequirementSet(source, caller, { format: 'reqif', fileName: 'endret.reqif', read: readReqif(edited), mode: 'dry-run' });
    expect(dry.report.changed).toEqual([{ ref: 'AKS-0003', label: expect.any(String), fields: [{ field: 'Kravtekst', said: 'history.field.text', before: expect.any(String), after: 'Løsningen skal vise ny tekst.' }] }]);
    expect(dry.report.created).toEqual([]);

    await source.updateTable('element').set((eb) => ({ version: eb('version', '+', 1) })).where('key', '=', 'aks-0003').execute();
    const stale = await importRequirementSet(source, caller, { format: 'reqif', fileName: 'endret.reqif', read: readReqif(edited), mode: 'all' });
    expect(stale.applied).toBe(false);
    expect(stale.report.problems).toEqual([{ at: 'AKS-0003', message: expect.stringMatching(/endret i akson-scope siden filen ble laget/), said: expect.objectContaining({ key: 'import.set.changedSince' }) }]);
    expect((await source.selectFrom('requirement').select('text').where('ref', '=', 'AKS-0003').executeTakeFirstOrThrow()).text).not.toBe('Løsningen skal vise ny tekst.');
  });

  it("reads another tool's file: XHTML text, headings as chapters, unknown attributes kept as tags or reported", async () => {
    const foreign = `<?xml version="1.0" encoding="UTF-8"?>
<reqif:REQ-IF xmlns:reqif="${REQIF_NAMESPACE}" xmlns:xhtml="http://www.w3.org/1999/xhtml">
 <reqif:THE-HEADER><reqif:REQ-IF-HEADER IDENTIFIER="h"><reqif:REQ-IF-TOOL-ID>DOORS</reqif:REQ-IF-TOOL-ID></reqif:REQ-IF-HEADER></reqif:THE-HEADER>
 <reqif:CORE-CONTENT><reqif:REQ-IF-CONTENT>
  <reqif:DATATYPES>
   <reqif:DATATYPE-DEFINITION-XHTML IDENTIFIER="xh" LAST-CHANGE="2020-01-01T00:00:00Z"/>
   <reqif:DATATYPE-DEFINITION-STRING IDENTIFIER="s" LAST-CHANGE="2020-01-01T00:00:00Z" MAX-LENGTH="1000"/>
   <reqif:DATATYPE-DEFINITION-ENUMERATION IDENTIFIER="prio" LAST-CHANGE="2020-01-01T00:00:00Z"><reqif:SPECIFIED-VALUES>
    <reqif:ENUM-VALUE IDENTIFIER="p1" LONG-NAME="High" LAST-CHANGE="2020-01-01T00:00:00Z"/>
   </reqif:SPECIFIED-VALUES></reqif:DATATYPE-DEFINITION-ENUMERATION>
  </reqif:DATATYPES>
  <reqif:SPEC-TYPES>
   <reqif:SPEC-OBJECT-TYPE IDENTIFIER="t" LAST-CHANGE="2020-01-01T00:00:00Z"><reqif:SPEC-ATTRIBUTES>
    <reqif:ATTRIBUTE-DEFINITION-XHTML IDENTIFIER="a-text" LONG-NAME="ReqIF.Text" LAST-CHANGE="2020-01-01T00:00:00Z"><reqif:TYPE><reqif:DATATYPE-DEFINITION-XHTML-REF>xh</reqif:DATATYPE-DEFINITION-XHTML-REF></reqif:TYPE></reqif:ATTRIBUTE-DEFINITION-XHTML>
    <reqif:ATTRIBUTE-DEFINITION-STRING IDENTIFIER="a-head" LONG-NAME="ReqIF.ChapterName" LAST-CHANGE="2020-01-01T00:00:00Z"><reqif:TYPE><reqif:DATATYPE-DEFINITION-STRING-REF>s</reqif:DATATYPE-DEFINITION-STRING-REF></reqif:TYPE></reqif:ATTRIBUTE-DEFINITION-STRING>
    <reqif:ATTRIBUTE-DEFINITION-STRING IDENTIFIER="a-id" LONG-NAME="ReqIF.ForeignID" LAST-CHANGE="2020-01-01T00:00:00Z"><reqif:TYPE><reqif:DATATYPE-DEFINITION-STRING-REF>s</reqif:DATATYPE-DEFINITION-STRING-REF></reqif:TYPE></reqif:ATTRIBUTE-DEFINITION-STRING>
    <reqif:ATTRIBUTE-DEFINITION-STRING IDENTIFIER="a-owner" LONG-NAME="Owner" LAST-CHANGE="2020-01-01T00:00:00Z"><reqif:TYPE><reqif:DATATYPE-DEFINITION-STRING-REF>s</reqif:DATATYPE-DEFINITION-STRING-REF></reqif:TYPE></reqif:ATTRIBUTE-DEFINITION-STRING>
    <reqif:ATTRIBUTE-DEFINITION-ENUMERATION IDENTIFIER="a-prio" LONG-NAME="Priority" LAST-CHANGE="2020-01-01T00:00:00Z"><reqif:TYPE><reqif:DATATYPE-DEFINITION-ENUMERATION-REF>prio</reqif:DATATYPE-DEFINITION-ENUMERATION-REF></reqif:TYPE></reqif:ATTRIBUTE-DEFINITION-ENUMERATION>
   </reqif:SPEC-ATTRIBUTES></reqif:SPEC-OBJECT-TYPE>
  </reqif:SPEC-TYPES>
  <reqif:SPEC-OBJECTS>
   <reqif:SPEC-OBJECT IDENTIFIER="o-head" LAST-CHANGE="2020-01-01T00:00:00Z"><reqif:VALUES>
    <reqif:ATTRIBUTE-VALUE-STRING THE-VALUE="Pasientsikkerhet"><reqif:DEFINITION><reqif:ATTRIBUTE-DEFINITION-STRING-REF>a-head</reqif:ATTRIBUTE-DEFINITION-STRING-REF></reqif:DEFINITION></reqif:ATTRIBUTE-VALUE-STRING>
   </reqif:VALUES><reqif:TYPE><reqif:SPEC-OBJECT-TYPE-REF>t</reqif:SPEC-OBJECT-TYPE-REF></reqif:TYPE></reqif:SPEC-OBJECT>
   <reqif:SPEC-OBJECT IDENTIFIER="o-1" LAST-CHANGE="2020-01-01T00:00:00Z"><reqif:VALUES>
    <reqif:ATTRIBUTE-VALUE-XHTML><reqif:DEFINITION><reqif:ATTRIBUTE-DEFINITION-XHTML-REF>a-text</reqif:ATTRIBUTE-DEFINITION-XHTML-REF></reqif:DEFINITION><reqif:THE-VALUE><xhtml:div><xhtml:p>Systemet skal varsle om <xhtml:b>allergier</xhtml:b> &amp; interaksjoner.</xhtml:p><xhtml:p>Andre avsnitt.</xhtml:p></xhtml:div></reqif:THE-VALUE></reqif:ATTRIBUTE-VALUE-XHTML>
    <reqif:ATTRIBUTE-VALUE-STRING THE-VALUE="SYS-17"><reqif:DEFINITION><reqif:ATTRIBUTE-DEFINITION-STRING-REF>a-id</reqif:ATTRIBUTE-DEFINITION-STRING-REF></reqif:DEFINITION></reqif:ATTRIBUTE-VALUE-STRING>
    <reqif:ATTRIBUTE-VALUE-STRING THE-VALUE="Kari"><reqif:DEFINITION><reqif:ATTRIBUTE-DEFINITION-STRING-REF>a-owner</reqif:ATTRIBUTE-DEFINITION-STRING-REF></reqif:DEFINITION></reqif:ATTRIBUTE-VALUE-STRING>
    <reqif:ATTRIBUTE-VALUE-ENUMERATION><reqif:DEFINITION><reqif:ATTRIBUTE-DEFINITION-ENUMERATION-REF>a-prio</reqif:ATTRIBUTE-DEFINITION-ENUMERATION-REF></reqif:DEFINITION><reqif:VALUES><reqif:ENUM-VALUE-REF>p1</reqif:ENUM-VALUE-REF></reqif:VALUES></reqif:ATTRIBUTE-VALUE-ENUMERATION>
   </reqif:VALUES><reqif:TYPE><reqif:SPEC-OBJECT-TYPE-REF>t</reqif:SPEC-OBJECT-TYPE-REF></reqif:TYPE></reqif:SPEC-OBJECT>
  </reqif:SPEC-OBJECTS>
  <reqif:SPECIFICATIONS><reqif:SPECIFICATION IDENTIFIER="spec" LAST-CHANGE="2020-01-01T00:00:00Z"><reqif:CHILDREN>
   <reqif:SPEC-HIERARCHY IDENTIFIER="h1" LAST-CHANGE="2020-01-01T00:00:00Z"><reqif:OBJECT><reqif:SPEC-OBJECT-REF>o-head</reqif:SPEC-OBJECT-REF></reqif:OBJECT><reqif:CHILDREN>
    <reqif:SPEC-HIERARCHY IDENTIFIER="h2" LAST-CHANGE="2020-01-01T00:00:00Z"><reqif:OBJECT><reqif:SPEC-OBJECT-REF>o-1</reqif:SPEC-OBJECT-REF></reqif:OBJECT></reqif:SPEC-HIERARCHY>
   </reqif:CHILDREN></reqif:SPEC-HIERARCHY>
  </reqif:CHILDREN></reqif:SPECIFICATION></reqif:SPECIFICATIONS>
 </reqif:REQ-IF-CONTENT></reqif:CORE-CONTENT>
</reqif:REQ-IF>`;
    const read = readReqif(foreign);
    expect(read.problems).toEqual([]);
    expect(read.set.chapters).toEqual([{ xid: 'o-head', parent: null, name: 'Pasientsikkerhet', position: 0 }]);
    expect(read.set.requirements).toHaveLength(1);
    expect(read.set.requirements[0]).toMatchObject({
      ref: null,
      text: 'Systemet skal varsle om allergier & interaksjoner.\nAndre avsnitt.',
      priority: 'must',
      chapter: 'o-head',
      tags: ['owner:kari'],
    });
    expect(read.notes.map((n) => n.message).join('\n')).toMatch(/«SYS-17» er ikke et kravnummer/);
    expect(read.notes.map((n) => n.message).join('\n')).toMatch(/Attributtet «Owner»/);

    const db = await testDb();
    const caller = await architectIn(db);
    const before = await db.selectFrom('requirement').select('ref').execute();
    const done = await importRequirementSet(db, caller, { format: 'reqif', fileName: 'doors.reqif', read, mode: 'all' });
    expect(done.applied).toBe(true);
    const made = await db
      .selectFrom('requirement')
      .innerJoin('requirement_chapter', 'requirement_chapter.id', 'requirement.chapter_id')
      .select(['requirement.ref', 'requirement_chapter.name'])
      .where('requirement.ref', 'not in', before.map((r) => r.ref))
      .execute();
    expect(made).toEqual([{ ref: `AKS-${String(before.length + 1).padStart(4, '0')}`, name: 'Pasientsikkerhet' }]);
  });
});

describe('hostile ReqIF', () => {
  const base = '<?xml version="1.0"?>\n<REQ-IF xmlns="http://www.omg.org/spec/ReqIF/20110401/reqif.xsd"><CORE-CONTENT><REQ-IF-CONTENT/></CORE-CONTENT></REQ-IF>';
  it.each([
    ['an external entity (XXE)', '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<REQ-IF>&x;</REQ-IF>', /DOCTYPE- eller ENTITY/],
    ['entity expansion (billion laughs)', '<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<REQ-IF>&b;</REQ-IF>', /DOCTYPE- eller ENTITY/],
    ['malformed XML', '<?xml version="1.0"?>\n<REQ-IF><CORE-CONTENT></REQ-IF>', /ikke gyldig XML.*linje \d+/],
    ['an oversized file', `${base}<!--${'x'.repeat(21 * 1024 * 1024)}-->`, /større enn 20 MB/],
    ['XML that is not ReqIF', '<?xml version="1.0"?>\n<model/>', /ikke en ReqIF-fil/],
    ['ReqIF without requirements', base, /ingen krav/],
  ])('refuses %s with a clear message and writes nothing', async (_what, xml, message) => {
    const read = readReqif(xml);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]!.message).toMatch(message);
    const db = await testDb();
    const caller = await architectIn(db);
    const count = async () => (await db.selectFrom('audit_event').select('id').execute()).length;
    const before = [await db.selectFrom('requirement').select('ref').execute(), await count()];
    const result = await importRequirementSet(db, caller, { format: 'reqif', fileName: 'ond.reqif', read, mode: 'all' });
    expect(result.applied).toBe(false);
    expect([await db.selectFrom('requirement').select('ref').execute(), await count()]).toEqual(before);
  });
});
