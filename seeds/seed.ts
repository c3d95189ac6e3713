import { readFileSync } from 'node:fs';
import { sql, type Transaction } from 'kysely';
import type { ElementKind } from '../model/kinds.ts';
import type { Db } from '../src/db/index.ts';
import type { Database } from '../src/db/schema.ts';
import { akson, sourceDocument } from './akson/index.ts';
import { REQUIREMENT_READING } from './akson/requirements.ts';
import type { CapabilitySeed, ElementSeed, LinkSeedProvenance } from './akson/types.ts';
import { readMunicipalities } from './municipalities.ts';
import { seededElementColumns, setRevision, upgradeSeededContent, type SeedUpgrade } from './upgrade.ts';

type Trx = Transaction<Database>;

/** An element's level: inferred with a reason, tentative where the document says so, else stated. */
export function seedLevel(seed: { tentative?: boolean; inferred?: string }): 'stated' | 'tentative' | 'inferred' {
  return seed.inferred ? 'inferred' : seed.tentative ? 'tentative' : 'stated';
}

/** The provenance columns of a seeded link. */
export function linkColumns(p: LinkSeedProvenance) {
  return {
    provenance: seedLevel(p),
    provenance_note: p.inferred ?? '',
    source_from: p.lines[0],
    source_to: p.lines[1],
  };
}


const SEEDED_AT = 'seeded_at';

export interface SeedResult {
  seeded: boolean;
  elements: number;
  municipalities: number;
  /** A database seeded at an earlier revision of the content, brought up to this one. */
  upgrade?: SeedUpgrade;
}

/** Whether the Akson content has been seeded into this database. */
export async function isSeeded(db: Db): Promise<boolean> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', SEEDED_AT).executeTakeFirst();
  return row !== undefined;
}

/**
 * Seeds the Akson content of the source document into an empty database, in one transaction.
 * A database that has been seeded once is left alone, so architects' changes survive restarts.
 */
export async function seedDatabase(db: Db, now: Date = new Date()): Promise<SeedResult> {
  return db.transaction().execute(async (trx) => {
    const done = await trx.selectFrom('meta').select('value').where('key', '=', SEEDED_AT).executeTakeFirst();
    if (done) {
      // Seeded before: bring what nobody has changed up to the current seed (a no-op when it is).
      const upgrade = await upgradeSeededContent(trx, now);
      return { seeded: false, elements: 0, municipalities: 0, ...(upgrade ? { upgrade } : {}) };
    }
    const existing = await trx.selectFrom('element').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(existing.n) > 0) return { seeded: false, elements: 0, municipalities: 0 };

    const elements = await seedScope(trx, now.toISOString());
    const municipalities = readMunicipalities();
    for (let i = 0; i < municipalities.length; i += 200) {
      await trx
        .insertInto('municipality')
        .values(
          municipalities.slice(i, i + 200).map((m) => ({
            number: m.number,
            name: m.name,
            county_number: m.countyNumber,
            county_name: m.countyName,
            population: m.population,
          })),
        )
        .execute();
    }
    await trx.insertInto('meta').values({ key: SEEDED_AT, value: now.toISOString() }).execute();
    // A schema older than migration 0014 holds the first revision only; the upgrade adds the rest later.
    if (await hasProvenance(trx)) await setRevision(trx);
    return { seeded: true, elements, municipalities: municipalities.length };
  });
}

/**
 * Whether the schema has the provenance columns and the tables of migration 0014. Tests seed
 * databases migrated only part of the way, to test a later migration on seeded content; the
 * seed then writes what that older schema can hold.
 */
async function hasProvenance(trx: Trx): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from kysely_migration where name = ${'0014_provenance'}`.execute(trx);
  return Number(rows[0]?.n ?? 0) > 0;
}

async function seedScope(trx: Trx, at: string): Promise<number> {
  const provenance = await hasProvenance(trx);
  const body = readFileSync(new URL(sourceDocument.file, import.meta.url), 'utf8');
  const doc = await trx
    .insertInto('source_document')
    .values({
      key: sourceDocument.key,
      title: sourceDocument.title,
      published_on: sourceDocument.publishedOn,
      publisher: sourceDocument.publisher,
      body,
      line_count: body.split('\n').length,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const ids = new Map<string, number>();
  const idOf = (kind: ElementKind, key: string): number => {
    const id = ids.get(`${kind}:${key}`);
    if (id === undefined) throw new Error(`Frøet viser til ${kind} «${key}», som ikke finnes.`);
    return id;
  };

  /** An element's own columns; a schema older than migration 0014 has no provenance columns yet. */
  function ownColumns(kind: ElementKind, s: ElementSeed) {
    const { provenance: level, provenance_note, source_quote, ...rest } = seededElementColumns(kind, s);
    return provenance ? { ...rest, provenance: level, provenance_note, source_quote } : rest;
  }

  /** Inserts one kind's elements in a batch, in the order given, and remembers their ids. */
  async function insertAll(kind: ElementKind, seeds: readonly ElementSeed[]): Promise<number[]> {
    if (seeds.length === 0) return [];
    const rows = await trx
      .insertInto('element')
      .values(
        seeds.map((s, position) => ({
          kind,
          key: s.key,
          ...ownColumns(kind, s),
          source_document_id: doc.id,
          position,
          created_at: at,
          updated_at: at,
        })),
      )
      .returning(['id', 'key'])
      .execute();
    const byKey = new Map(rows.map((r) => [r.key, r.id]));
    return seeds.map((s) => {
      const id = byKey.get(s.key)!;
      ids.set(`${kind}:${s.key}`, id);
      return id;
    });
  }

  await insertAll('solutionPart', akson.solutionParts);
  await insertAll('personnelGroup', akson.personnelGroups);
  await insertAll('task', akson.tasks);
  await insertAll('collaborationMode', akson.collaborationModes);
  await insertAll('actor', akson.actors);
  await insertAll('goal', akson.goals);
  await insertAll('stakeholder', akson.stakeholders);
  await insertAll('informationCategory', akson.informationCategories);
  if (provenance) await seedContext();
  async function seedContext() {
  await insertAll('journalInterface', akson.journalInterfaces);
  await insertAll('nationalSolution', akson.nationalSolutions);
  await insertAll('risk', akson.risks);
  await insertAll('guideline', akson.guidelines);
  const regionIds = await insertAll('region', akson.regions);
  await trx
    .insertInto('region')
    .values(akson.regions.map((r, i) => ({ element_id: regionIds[i]!, record_solution: r.recordSolution })))
    .execute();
  await trx
    .insertInto('region_county')
    .values(
      akson.regions.flatMap((r, i) =>
        r.counties.map((county) => ({
          region_id: regionIds[i]!,
          county_number: county,
          ...linkColumns({ lines: r.lines, inferred: r.countiesReason }),
        })),
      ),
    )
    .execute();
  }

  const needLevelIds = await insertAll('needLevel', akson.needLevels);
  await trx
    .insertInto('need_level')
    .values(akson.needLevels.map((n, i) => ({ element_id: needLevelIds[i]!, rank: n.rank })))
    .execute();

  const tierIds = await insertAll('deliveryTier', akson.deliveryTiers);
  await trx
    .insertInto('delivery_tier')
    .values(akson.deliveryTiers.map((t, i) => ({ element_id: tierIds[i]!, first_delivery: t.firstDelivery ? 1 : 0 })))
    .execute();

  // The capability tree, one level at a time so that parents exist before their children.
  let level: Array<{ seed: CapabilitySeed; parentKey: string | null }> = akson.capabilities.map((seed) => ({
    seed,
    parentKey: null,
  }));
  const flat: Array<{ seed: CapabilitySeed; parentKey: string | null }> = [];
  while (level.length > 0) {
    flat.push(...level);
    level = level.flatMap(({ seed }) => (seed.children ?? []).map((child) => ({ seed: child, parentKey: seed.key })));
  }
  const capabilityIds = await insertAll(
    'capability',
    flat.map((f) => f.seed),
  );
  await trx
    .insertInto('capability')
    .values(
      flat.map(({ seed, parentKey }, i) => ({
        element_id: capabilityIds[i]!,
        parent_id: parentKey === null ? null : idOf('capability', parentKey),
        solution_part_id: seed.solutionPart ? idOf('solutionPart', seed.solutionPart) : null,
        // The slides place a group in a solution part by layout only: always a reading.
        ...(provenance
          ? {
              solution_part_provenance: seed.solutionPart ? 'inferred' : 'stated',
              solution_part_note: seed.solutionPart ? (seed.solutionPartReason ?? '') : '',
            }
          : {}),
      })),
    )
    .execute();

  const serviceIds = await insertAll('informationService', akson.informationServices);
  await trx
    .insertInto('information_service')
    .values(
      akson.informationServices.map((s, i) => ({
        element_id: serviceIds[i]!,
        category_id: idOf('informationCategory', s.category),
        tier_id: idOf('deliveryTier', s.tier),
        tier_tentative: 1,
        solution_part_id: null,
      })),
    )
    .execute();

  const phaseIds = await insertAll('roadmapPhase', akson.roadmapPhases);
  const milestoneIds = await insertAll('milestone', akson.milestones);
  const decisionIds = await insertAll('decisionPoint', akson.decisionPoints);
  await trx
    .insertInto('roadmap_item')
    .values([
      ...akson.roadmapPhases.map((p, i) => ({
        element_id: phaseIds[i]!,
        starts_on: p.startsOn,
        ends_on: p.endsOn,
        phase_id: null,
        track: null,
        decision_no: null,
      })),
      ...akson.milestones.map((m, i) => ({
        element_id: milestoneIds[i]!,
        starts_on: m.on,
        ends_on: null,
        phase_id: m.phase ? idOf('roadmapPhase', m.phase) : null,
        track: null,
        decision_no: null,
      })),
      ...akson.decisionPoints.map((d, i) => ({
        element_id: decisionIds[i]!,
        starts_on: d.on,
        ends_on: null,
        phase_id: idOf('roadmapPhase', d.phase),
        track: d.track,
        decision_no: d.number,
      })),
    ])
    .execute();

  const projectIds = await insertAll('nationalProject', akson.nationalProjects);
  await trx
    .insertInto('national_project')
    .values(
      akson.nationalProjects.map((p, i) => ({
        element_id: projectIds[i]!,
        project_no: p.projectNo,
        priority_category: p.priorityCategory,
        owner_organisation: p.ownerOrganisation,
        owner: p.owner,
        phase: p.phase,
        strategic_area: p.strategicArea,
        focus_area: p.focusArea,
        status: p.status,
        budget_mnok: p.budgetMnok,
      })),
    )
    .execute();

  const requirementIds = await insertAll('requirement', akson.requirements);
  await trx
    .insertInto('requirement')
    .values(
      akson.requirements.map((r, i) => ({
        element_id: requirementIds[i]!,
        ref: r.key.toUpperCase(),
        text: r.text,
        rationale: r.rationale,
        priority: r.priority,
        status: r.status,
      })),
    )
    .execute();
  await trx
    .insertInto('requirement_element')
    .values(
      akson.requirements.flatMap((r, i) =>
        r.about.map(([kind, key]) => ({
          requirement_id: requirementIds[i]!,
          element_id: idOf(kind, key),
          ...(provenance ? linkColumns({ lines: r.lines, inferred: r.reading ?? REQUIREMENT_READING }) : {}),
        })),
      ),
    )
    .execute();
  await trx.insertInto('counter').values({ name: 'requirement', value: akson.requirements.length }).execute();
  if (!provenance) return ids.size;

  await trx
    .insertInto('element_relation')
    .values(
      akson.relations.map((r) => ({
        from_id: idOf(r.from[0], r.from[1]),
        to_id: idOf(r.to[0], r.to[1]),
        relation: r.relation,
        ...linkColumns(r),
      })),
    )
    .execute();

  return ids.size;
}
