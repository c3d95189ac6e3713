import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImportCommand } from '../../../src/cli/import-command.ts';
import { MODEL_EXPORT_VERSION } from '../../../model/export.ts';
import { chapterPathsOf } from '../../../model/exchange/model-import.ts';
import { freezeBaselineAsOperator } from '../../../src/commands/baselines.ts';
import { importModelDocument } from '../../../src/commands/model-import.ts';
import type { Caller } from '../../../src/commands/run.ts';
import type { Db } from '../../../src/db/index.ts';
import { createApp } from '../../../src/app.tsx';
import { configWith } from '../../../src/config.ts';
import { createTestUser, testApp, testClock, testDb, type TestContext } from '../../helpers.ts';

/*
 * The JSON round trip (issue 15): a `/api/model` document, and a baseline's, imported into an
 * empty database (migrated, not seeded) give the same model, compared field by field: every
 * element of every kind, every link with its provenance, the requirements with their chapters,
 * types and links between them, the sources and the municipalities. Bad files write nothing.
 */

const at = new Date('2026-11-26T12:00:00Z');
type Doc = Record<string, unknown> & {
  elements: Record<string, Array<Record<string, unknown>>>;
  links: Record<string, Array<Record<string, unknown>>>;
  requirementChapters?: Array<{ id: number; parentId: number | null; name: string; position: number; version: number }>;
  requirementRelations?: Array<{ fromId: number; toId: number; kind: string }>;
};

/** Gives the seeded model what a worked-on one has: chapters, types, tags, links between requirements, provenance notes. */
async function workOn(db: Db): Promise<void> {
  const stamp = at.toISOString();
  const chapter = (name: string, parent: number | null, position: number) =>
    db.insertInto('requirement_chapter').values({ name, parent_id: parent, position, created_at: stamp }).returning('id').executeTakeFirstOrThrow();
  const one = await chapter('Funksjonelle krav', null, 0);
  const oneOne = await chapter('Legemidler', one.id, 0);
  await chapter('Legemidler', one.id, 1); // the same name twice under one parent
  const two = await chapter('Ikke-funksjonelle krav', null, 1);
  await db.insertInto('requirement_type').values({ key: 'personvern', label: 'Personvern', position: 99 }).execute();
  const reqs = await db.selectFrom('requirement').select(['element_id', 'ref']).orderBy('ref').execute();
  for (const [i, r] of reqs.entries()) {
    await db
      .updateTable('requirement')
      .set({
        chapter_id: [oneOne.id, two.id, null][i % 3]!,
        type_key: i % 2 === 0 ? 'personvern' : null,
        acceptance_criteria: i % 2 === 0 ? `Gitt ${r.ref}\nså «skjer» noe & mer` : '',
        verification_method: i % 2 === 0 ? 'test' : null,
        tags: i % 2 === 0 ? '|mvp|legemidler|' : '',
      })
      .where('element_id', '=', r.element_id)
      .execute();
  }
  await db
    .insertInto('requirement_relation')
    .values([
      { from_id: reqs[1]!.element_id, to_id: reqs[0]!.element_id, kind: 'derived_from' },
      { from_id: reqs[2]!.element_id, to_id: reqs[1]!.element_id, kind: 'supersedes' },
    ])
    .execute();
  // The seed has no links from services: give some of every list, with provenance of each level.
  const ids = async (kind: string) => (await db.selectFrom('element').select('id').where('kind', '=', kind).orderBy('id').execute()).map((r) => r.id);
  const [services, capabilities, goals, projects, actors, modes, needs, groups] = (await Promise.all(
    ['informationService', 'capability', 'goal', 'nationalProject', 'actor', 'collaborationMode', 'needLevel', 'personnelGroup'].map(ids),
  )) as [number[], number[], number[], number[], number[], number[], number[], number[]];
  const level = (i: number) => (['stated', 'tentative', 'inferred'] as const)[i % 3]!;
  const provenance = (i: number) => ({ provenance: level(i), provenance_note: i % 3 === 2 ? `Lesning nr. ${i}` : '', source_from: i % 2 ? 2100 + i : null, source_to: i % 2 ? 2101 + i : null });
  const some = services.slice(0, 6);
  await db.insertInto('service_capability').values(some.map((s, i) => ({ service_id: s, capability_id: capabilities[i]!, ...provenance(i) }))).execute();
  await db.insertInto('service_goal').values(some.map((s, i) => ({ service_id: s, goal_id: goals[i % goals.length]!, ...provenance(i + 1) }))).execute();
  await db.insertInto('service_dependency').values(some.map((s, i) => ({ service_id: s, project_id: projects[i]!, ...provenance(i + 2) }))).execute();
  await db.insertInto('service_exchange').values(some.map((s, i) => ({ service_id: s, actor_id: actors[i % actors.length]!, mode_id: modes[i % modes.length]!, need_level_id: i % 2 ? needs[i % needs.length]! : null, ...provenance(i) }))).execute();
  await db.insertInto('service_personnel').values(some.map((s, i) => ({ service_id: s, personnel_group_id: groups[i % groups.length]!, usage: (['reads', 'records', 'both'] as const)[i % 3]!, ...provenance(i) }))).execute();
  await db.updateTable('element').set({ name_en: 'Medication list', description: 'Linje 1\nLinje 2', version: 4 }).where('kind', '=', 'informationService').where('position', '=', 0).execute();
}

/**
 * The document with nothing that belongs to one database: element ids become `kind:key` (also
 * where one element refers to another), chapter ids their path of names. Every other field stays.
 */
function comparable(doc: Doc) {
  const refOf = new Map<number, string>();
  for (const [kind, list] of Object.entries(doc.elements)) for (const e of list) refOf.set(e.id as number, `${kind}:${e.key as string}`);
  const paths = chapterPathsOf(doc.requirementChapters ?? []);
  const ref = (id: unknown) => (id === null || id === undefined ? id : (refOf.get(id as number) ?? `missing ${String(id)}`));
  const idFields = ['parentId', 'solutionPartId', 'categoryId', 'tierId', 'phaseId', 'serviceId', 'capabilityId', 'goalId', 'projectId', 'actorId', 'modeId', 'needLevelId', 'personnelGroupId', 'requirementId', 'elementId', 'fromId', 'toId', 'regionId'];
  const mapped = (o: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) {
      if (k === 'id') continue;
      out[k] = k === 'chapterId' ? (v == null ? v : paths.get(v as number)) : idFields.includes(k) ? ref(v) : v;
    }
    return out;
  };
  const sorted = (list: Array<Record<string, unknown>>) => list.map(mapped).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    format: doc.format,
    formatVersion: doc.formatVersion,
    sourceDocuments: doc.sourceDocuments,
    municipalities: doc.municipalities,
    elements: Object.fromEntries(Object.entries(doc.elements).map(([kind, list]) => [kind, sorted(list)])),
    links: Object.fromEntries(Object.entries(doc.links).map(([name, list]) => [name, sorted(list)])),
    requirementChapters: (doc.requirementChapters ?? []).map((c) => ({ path: paths.get(c.id), position: c.position, version: c.version })).sort((a, b) => a.path!.localeCompare(b.path!)),
    requirementTypes: doc.requirementTypes,
    requirementRelations: sorted(doc.requirementRelations ?? []),
  };
}

async function architectIn(db: Db): Promise<Caller> {
  const user = await createTestUser({ db, clock: testClock() }, 'architect');
  return { user: { id: user.id, role: 'architect', municipalityNumber: null, organisationId: null }, at, clientAddress: null };
}

const documentOf = async (db: Db, path = '/api/model'): Promise<Doc> => {
  const app = createApp({ db, config: configWith({}), now: () => at, logError: (e) => { throw e; } });
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as Doc;
};

const counts = async (db: Db) => ({
  elements: Number((await db.selectFrom('element').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
  imports: (await db.selectFrom('audit_event').select('id').where('action', '=', 'model.import').execute()).length,
});

let source: TestContext;
let exported: string;
beforeAll(async () => {
  source = await testApp();
  await workOn(source.db);
  exported = await (await source.app.request('/api/model')).text();
});
afterAll(() => source.db.destroy());

describe('the JSON round trip', () => {
  it('carries the requirement structure in /api/model', () => {
    const doc = JSON.parse(exported) as Doc;
    expect(doc.requirementChapters).toHaveLength(4);
    expect(doc.requirementRelations).toHaveLength(2);
    expect(doc.requirementTypes).toContainEqual({ key: 'personvern', label: 'Personvern' });
    // Every list the round trip compares has something in it, so the comparison cannot pass empty.
    for (const [kind, list] of Object.entries(doc.elements)) expect(list.length, kind).toBeGreaterThan(0);
    for (const [name, list] of Object.entries(doc.links)) expect(list.length, name).toBeGreaterThan(0);
  });

  it('imports a /api/model export into an empty database as the same model, field by field, and again as no change', async () => {
    const db = await testDb({ seed: false });
    const caller = await architectIn(db);
    const dry = await importModelDocument(db, caller, { fileName: 'modell.json', text: exported, mode: 'dry-run' });
    expect(dry.report.problems).toEqual([]);
    expect(dry.applied).toBe(false);
    expect((await counts(db)).elements).toBe(0);
    const doc = JSON.parse(exported) as Doc;
    const elementCount = Object.values(doc.elements).reduce((n, l) => n + l.length, 0);
    expect(dry.report.created.filter((c) => /^[a-zA-Z]+:[a-z0-9-]+$/.test(c.ref) && !c.ref.startsWith('kilde:') && !c.ref.startsWith('kommune:') && !c.ref.startsWith('kravtype:'))).toHaveLength(elementCount);

    const applied = await importModelDocument(db, caller, { fileName: 'modell.json', text: exported, mode: 'all' });
    expect(applied.applied).toBe(true);
    const after = await documentOf(db);
    const want = comparable(doc);
    const got = comparable(after);
    // Field by field, kind by kind and list by list, so a difference names where it is.
    for (const kind of Object.keys(want.elements)) expect(got.elements[kind], kind).toEqual(want.elements[kind]);
    for (const name of Object.keys(want.links)) expect(got.links[name], name).toEqual(want.links[name]);
    expect(got).toEqual(want);

    const audit = await db.selectFrom('audit_event').select(['after_json', 'user_id']).where('action', '=', 'model.import').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ fileName: 'modell.json', format: 'json', created: dry.report.created.length, changed: 0, problems: 0 });
    expect(audit[0]!.user_id).toBe(caller.user!.id);

    // The same file again: nothing to create or change.
    const again = await importModelDocument(db, caller, { fileName: 'modell.json', text: exported, mode: 'dry-run' });
    expect(again.report.created).toEqual([]);
    expect(again.report.changed).toEqual([]);
    // New requirements after the import take numbers after the file's.
    const counter = await db.selectFrom('counter').select('value').where('name', '=', 'requirement').executeTakeFirstOrThrow();
    expect(counter.value).toBeGreaterThanOrEqual(doc.elements.requirement!.length);
    await db.destroy();
  });

  it('imports a baseline’s document into an empty database as the model the baseline froze', async () => {
    const frozen = await freezeBaselineAsOperator(source.db, at, { name: 'Rundtur', description: '' });
    if (!frozen.ok) throw new Error('not frozen');
    const id = frozen.id;
    const baseline = await documentOf(source.db, `/api/baselines/${id}`);
    const db = await testDb({ seed: false });
    const outcome = await importModelDocument(db, await architectIn(db), { fileName: 'grunnlinje.json', text: JSON.stringify(baseline), mode: 'all' });
    expect(outcome.report.problems).toEqual([]);
    expect(outcome.applied).toBe(true);
    const after = await documentOf(db);
    const { municipalities: _m, ...want } = comparable(baseline);
    const { municipalities: _n, ...got } = comparable(after);
    for (const kind of Object.keys(want.elements)) expect(got.elements[kind], kind).toEqual(want.elements[kind]);
    expect(got).toEqual(want);
    await db.destroy();
  });

  it('reports a changed field against a database that has the model, and leaves what the file lacks alone', async () => {
    const db = await testDb();
    const caller = await architectIn(db);
    const doc = JSON.parse(exported) as Doc;
    const service = doc.elements.informationService![0]!;
    service.name = 'Nytt navn';
    doc.elements.goal = [];
    doc.links.serviceGoals = [];
    const { report } = await importModelDocument(db, caller, { fileName: 'endret.json', text: JSON.stringify(doc), mode: 'dry-run' });
    const changed = report.changed.find((c) => c.ref === `informationService:${service.key as string}`);
    expect(changed?.fields).toContainEqual({ field: 'name', before: expect.any(String), after: 'Nytt navn' });
    expect(report.notes.map((n) => n.message).join(' ')).toMatch(/\d+ elementer i databasen står ikke i filen; importen sletter ingenting/);
    await importModelDocument(db, caller, { fileName: 'endret.json', text: JSON.stringify(doc), mode: 'all' });
    expect((await db.selectFrom('element').select('name').where('key', '=', service.key as string).where('kind', '=', 'informationService').executeTakeFirstOrThrow()).name).toBe('Nytt navn');
    expect((await db.selectFrom('element').select('id').where('kind', '=', 'goal').execute()).length).toBeGreaterThan(0);
    await db.destroy();
  });
});

describe('a bad JSON file', () => {
  const bad = (change: (doc: Doc) => unknown) => {
    const doc = JSON.parse(exported) as Doc;
    return JSON.stringify(change(doc) ?? doc);
  };
  const cases: Array<[string, () => string, RegExp]> = [
    ['malformed JSON', () => exported.slice(0, 500), /^Filen er ikke gyldig JSON/],
    ['another format', () => JSON.stringify({ format: 'noe-annet', formatVersion: 1 }), /ikke en modelleksport fra Akson omfang/],
    ['a newer format version', () => bad((d) => ({ ...d, formatVersion: MODEL_EXPORT_VERSION + 1 })), new RegExp(`formatversjon ${MODEL_EXPORT_VERSION + 1}, som er nyere .* Oppgrader`)],
    ['an unknown element kind', () => bad((d) => ({ ...d, elements: { ...d.elements, romskip: [] } })), /Ukjent elementtype «romskip»/],
    ['a field of the wrong shape', () => bad((d) => void (d.elements.goal![0]!.name = 42)), /Her skulle det stå tekst/],
    ['a dangling reference', () => bad((d) => void (d.links.serviceCapabilities![0]!.capabilityId = 999_999)), /Henvisning som ikke stemmer: serviceCapabilities\[0\]\.capabilityId: 999999/],
    ['a key twice', () => bad((d) => void d.elements.goal!.push({ ...d.elements.goal![0]!, id: 999_998 })), /Elementet «goal:.*» står i filen to ganger/],
    ['a chapter that is not in the file', () => bad((d) => void (d.elements.requirement![0]!.chapterId = 999_997)), /står i kapittel 999997, som ikke står i filen/],
  ];
  it.each(cases)('refuses %s with a clear message and writes nothing', async (_name, file, message) => {
    const db = await testDb({ seed: false });
    const caller = await architectIn(db);
    const outcome = await importModelDocument(db, caller, { fileName: 'feil.json', text: file(), mode: 'all' });
    expect(outcome.applied).toBe(false);
    expect(outcome.report.problems.map((p) => p.message).join('\n')).toMatch(message);
    expect(await counts(db)).toEqual({ elements: 0, imports: 0 });
    await db.destroy();
  });

  it('refuses a file larger than the limit before reading it', async () => {
    const db = await testDb({ seed: false });
    const outcome = await importModelDocument(db, await architectIn(db), { fileName: 'stor.json', text: ' '.repeat(31 * 1024 * 1024), mode: 'all' });
    expect(outcome.report.problems[0]!.message).toMatch(/større enn 30 MB/);
    expect(await counts(db)).toEqual({ elements: 0, imports: 0 });
    await db.destroy();
  });

  it('is refused to a role that may not import', async () => {
    const db = await testDb({ seed: false });
    const user = await createTestUser({ db, clock: testClock() }, 'reader');
    await expect(importModelDocument(db, { user: { id: user.id, role: 'reader', municipalityNumber: null, organisationId: null }, at, clientAddress: null }, { fileName: 'm.json', text: exported, mode: 'all' })).rejects.toThrow();
    expect(await counts(db)).toEqual({ elements: 0, imports: 0 });
    await db.destroy();
  });
});

describe('npm run import -- FILE.json', () => {
  it('prints the dry-run report and writes nothing, then applies it all, audited as the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'akson-json-'));
    try {
      const file = join(dir, 'modell.json');
      writeFileSync(file, exported);
      const db = await testDb({ seed: false });
      const out: string[] = [];
      const err: string[] = [];
      const io = { db, now: () => at, out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
      expect(await runImportCommand([file, '--dry-run'], io)).toBe(0);
      expect(out[0]).toMatch(/^modell\.json: \d+ nye, 0 endret, \d+ uendret, 0 problemer\.$/);
      const part = (JSON.parse(exported) as Doc).elements.solutionPart![0]!;
      expect(out).toContain(`Ny: Løsningsdel: ${part.name as string}`);
      expect(out.at(-1)).toBe('Prøvekjøring: ingenting er lagret.');
      expect(await counts(db)).toEqual({ elements: 0, imports: 0 });

      expect(await runImportCommand([file], io)).toBe(0);
      expect(out.at(-1)).toBe('Importert.');
      const audit = await db.selectFrom('audit_event').select(['after_json', 'user_id']).where('action', '=', 'model.import').execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.user_id).toBeNull();
      expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ via: 'kommandolinjen', fileName: 'modell.json' });

      // A newer format: refused with the reason, nothing written, exit 1.
      const newer = join(dir, 'nyere.json');
      writeFileSync(newer, JSON.stringify({ ...JSON.parse(exported), formatVersion: MODEL_EXPORT_VERSION + 1 }));
      out.length = 0;
      expect(await runImportCommand([newer], io)).toBe(1);
      expect(out.join('\n')).toContain(`formatversjon ${MODEL_EXPORT_VERSION + 1}`);
      expect((await counts(db)).imports).toBe(1);
      await db.destroy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
