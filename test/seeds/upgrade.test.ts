import { describe, expect, it } from 'vitest';
import { akson } from '../../seeds/akson/index.ts';
import { seedDatabase } from '../../seeds/seed.ts';
import { SEED_REVISION } from '../../seeds/upgrade.ts';
import { migrateToLatest, migrator, openDatabase, type Db } from '../../src/db/index.ts';

/**
 * Issue 16's corrections reach databases seeded before them: what nobody changed takes the current
 * seed, what an architect changed is left alone and named, what the seed now has is added, and what
 * it no longer has is removed.
 */

const FIRST_RATIONALE = 'En av tre faktorer som bestemmer løsningsomfanget for felles journalløsning.';
const seededOn = new Date('2026-01-01T00:00:00Z');

/** A database seeded by the first revision of the content, as it stood before migration 0014. */
async function seededBeforeTheCorrections(): Promise<Db> {
  const db = openDatabase(':memory:');
  const migrated = await migrator(db).migrateTo('0013_requirements_structure');
  if (migrated.error) throw migrated.error;
  await seedDatabase(db, seededOn);
  const at = seededOn.toISOString();
  // The first revision's words, where issue 16 found them wrong.
  await db.updateTable('requirement').set({ rationale: FIRST_RATIONALE }).where('ref', 'in', ['AKS-0008', 'AKS-0009', 'AKS-0010']).execute();
  await db.updateTable('element').set({ name: 'Intensjonserklæringer med kommuner' }).where('kind', '=', 'milestone').where('key', '=', 'intensjonserklaeringer').execute();
  const p145 = await db.selectFrom('element').select('id').where('key', '=', 'p145-digihelsestasjon').executeTakeFirstOrThrow();
  await db.updateTable('national_project').set({ owner_organisation: 'Oslo kommune' }).where('element_id', '=', p145.id).execute();
  // A milestone the first revision invented, with no date in the text.
  const doc = await db.selectFrom('source_document').select('id').executeTakeFirstOrThrow();
  const invented = await db
    .insertInto('element')
    .values({ kind: 'milestone', key: 'helseplattformen-forste-innforing', name: 'Helseplattformen første innføring', description: '', source_document_id: doc.id, source_from: 1610, source_to: 1612, tentative: 1, position: 99, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('roadmap_item').values({ element_id: invented.id, starts_on: '2021-06-01', ends_on: null, phase_id: null, track: null, decision_no: null }).execute();
  // An architect has since written their own rationale for AKS-0009.
  const aks9 = await db.selectFrom('element').select('id').where('key', '=', 'aks-0009').executeTakeFirstOrThrow();
  await db.updateTable('requirement').set({ rationale: 'Arkitektens egen begrunnelse.' }).where('element_id', '=', aks9.id).execute();
  await db.updateTable('element').set({ version: 2, updated_at: '2026-02-01T00:00:00.000Z' }).where('id', '=', aks9.id).execute();
  await migrateToLatest(db);
  return db;
}

const rationaleOf = async (db: Db, ref: string) => (await db.selectFrom('requirement').select('rationale').where('ref', '=', ref).executeTakeFirstOrThrow()).rationale;
const countOf = async (db: Db, kind: string) => (await db.selectFrom('element').select('id').where('kind', '=', kind).execute()).length;

describe('bringing a database seeded before the corrections up to the current seed', () => {
  it('corrects what nobody changed, keeps what an architect changed, adds the concepts left out, removes the invented milestone', async () => {
    const db = await seededBeforeTheCorrections();
    expect(await countOf(db, 'journalInterface')).toBe(0);
    expect(await rationaleOf(db, 'AKS-0008')).toBe(FIRST_RATIONALE);

    const result = await seedDatabase(db, new Date('2026-12-01T00:00:00Z'));
    expect(result.seeded).toBe(false);
    expect(result.upgrade).toMatchObject({ from: 1, to: SEED_REVISION });
    expect(result.upgrade!.leftAsEdited).toEqual(['requirement:aks-0009']);

    const current = (key: string) => akson.requirements.find((r) => r.key === key)!.rationale;
    expect(await rationaleOf(db, 'AKS-0008')).toBe(current('aks-0008'));
    expect(await rationaleOf(db, 'AKS-0010')).toBe(current('aks-0010'));
    expect(await rationaleOf(db, 'AKS-0009')).toBe('Arkitektens egen begrunnelse.');
    const milestone = await db.selectFrom('element').select('name').where('key', '=', 'intensjonserklaeringer').executeTakeFirstOrThrow();
    expect(milestone.name).toBe('Intensjonsavtaler med kommuner');
    const owner = await db.selectFrom('national_project').innerJoin('element', 'element.id', 'national_project.element_id').select('owner_organisation').where('key', '=', 'p145-digihelsestasjon').executeTakeFirstOrThrow();
    expect(owner.owner_organisation).toBe('Oslo Kommune');
    expect(await db.selectFrom('element').select('id').where('key', '=', 'helseplattformen-forste-innforing').executeTakeFirst()).toBeUndefined();

    // The concepts the first revision left out, with their rows and relations.
    expect(await countOf(db, 'journalInterface')).toBe(akson.journalInterfaces.length);
    expect(await countOf(db, 'region')).toBe(akson.regions.length);
    expect(await countOf(db, 'nationalSolution')).toBe(akson.nationalSolutions.length);
    expect(await countOf(db, 'risk')).toBe(akson.risks.length);
    expect(await countOf(db, 'guideline')).toBe(akson.guidelines.length);
    expect(await db.selectFrom('element').select('id').where('key', '=', 'helse-og-omsorgsdepartementet').executeTakeFirst()).toBeDefined();
    const counties = await db.selectFrom('region_county').select('county_number').execute();
    expect(counties.map((c) => c.county_number).sort()).toEqual(akson.regions.flatMap((r) => r.counties).sort());
    expect((await db.selectFrom('element_relation').select('from_id').execute()).length).toBe(akson.relations.length);
    // Migration 0014's placeholder note on old links is replaced by the seed's reading.
    const predating = await db.selectFrom('requirement_element').select('requirement_id').where('provenance_note', 'like', 'Registrert før%').execute();
    expect(predating).toEqual([]);
    // Every element a reader sees has a level, and every inferred one a reason (as the seed test asks of a fresh seed).
    const unreasoned = await db.selectFrom('element').select('key').where('provenance', '=', 'inferred').where('provenance_note', '=', '').where('kind', '!=', 'requirement').execute();
    expect(unreasoned.filter((e) => e.key !== 'aks-0009')).toEqual([]);

    const audit = await db.selectFrom('audit_event').select(['action', 'details']).where('action', '=', 'seed.upgrade').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toContain('requirement:aks-0009');
    await db.destroy();
  });

  it('does nothing the second time, nor on a database seeded at the current revision', async () => {
    const db = await seededBeforeTheCorrections();
    await seedDatabase(db, new Date('2026-12-01T00:00:00Z'));
    const again = await seedDatabase(db, new Date('2026-12-02T00:00:00Z'));
    expect(again.upgrade).toBeUndefined();
    expect(await db.selectFrom('audit_event').select('id').where('action', '=', 'seed.upgrade').execute()).toHaveLength(1);
    await db.destroy();

    const fresh = openDatabase(':memory:');
    await migrateToLatest(fresh);
    expect((await seedDatabase(fresh, seededOn)).seeded).toBe(true);
    expect((await seedDatabase(fresh, seededOn)).upgrade).toBeUndefined();
    await fresh.destroy();
  });

  it('a fresh seed and an upgraded one hold the same elements', async () => {
    const upgraded = await seededBeforeTheCorrections();
    await seedDatabase(upgraded, new Date('2026-12-01T00:00:00Z'));
    const fresh = openDatabase(':memory:');
    await migrateToLatest(fresh);
    await seedDatabase(fresh, seededOn);
    const shape = async (db: Db) =>
      (await db.selectFrom('element').select(['kind', 'key', 'name', 'description', 'provenance', 'source_from', 'source_to']).where('key', '!=', 'aks-0009').orderBy('kind').orderBy('key').execute());
    expect(await shape(upgraded)).toEqual(await shape(fresh));
    await upgraded.destroy();
    await fresh.destroy();
  });
});
