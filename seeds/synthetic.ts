import { firstDeliverySnapshot } from '../model/review/snapshot.ts';
import { loadCatalogue } from '../src/db/queries/catalogue.ts';
import { insertRound } from '../src/db/queries/review/rounds.ts';
import type { Db } from '../src/db/index.ts';

/**
 * Grows a seeded database into a larger synthetic model, for benchmarks and for the tests that
 * check a page's query count does not grow with the model. Deterministic: the same factor gives
 * the same model.
 */
export interface SyntheticOptions {
  /** The number of services becomes `factor` times the seeded number. */
  factor: number;
  /** Also link every service to personnel groups, actors, capabilities, goals and projects. */
  link?: boolean;
  now?: Date;
}

export async function growModel(db: Db, options: SyntheticOptions): Promise<{ services: number }> {
  const at = (options.now ?? new Date('2026-01-01T00:00:00Z')).toISOString();
  return db.transaction().execute(async (trx) => {
    const seeded = await trx
      .selectFrom('element')
      .innerJoin('information_service', 'information_service.element_id', 'element.id')
      .select([
        'element.id',
        'element.key',
        'element.name',
        'element.description',
        'element.position',
        'information_service.category_id',
        'information_service.tier_id',
      ])
      .where('element.kind', '=', 'informationService')
      .orderBy('element.position')
      .execute();

    for (let copy = 2; copy <= options.factor; copy++) {
      const rows = await trx
        .insertInto('element')
        .values(
          seeded.map((s, i) => ({
            kind: 'informationService',
            key: `${s.key}-kopi-${copy}`,
            name: `${s.name} (kopi ${copy})`,
            description: s.description,
            tentative: 1 as const,
            position: copy * 1000 + i,
            created_at: at,
            updated_at: at,
          })),
        )
        .returning(['id', 'key'])
        .execute();
      const byKey = new Map(rows.map((r) => [r.key, r.id]));
      await trx
        .insertInto('information_service')
        .values(
          seeded.map((s) => ({
            element_id: byKey.get(`${s.key}-kopi-${copy}`)!,
            category_id: s.category_id,
            tier_id: s.tier_id,
            tier_tentative: 1 as const,
            solution_part_id: null,
          })),
        )
        .execute();
    }

    const services = await trx.selectFrom('element').select('id').where('kind', '=', 'informationService').orderBy('id').execute();
    if (options.link) await linkEverything(trx, services.map((s) => s.id));
    return { services: services.length };
  });
}

async function linkEverything(db: Db, serviceIds: number[]): Promise<void> {
  const ids = async (kind: string) =>
    (await db.selectFrom('element').select('id').where('kind', '=', kind).orderBy('position').orderBy('id').execute()).map((r) => r.id);
  const [groups, actors, modes, needs, capabilities, goals, projects] = await Promise.all([
    ids('personnelGroup'),
    ids('actor'),
    ids('collaborationMode'),
    ids('needLevel'),
    ids('capability'),
    ids('goal'),
    ids('nationalProject'),
  ]);
  const pick = <T,>(list: T[], n: number): T => list[n % list.length]!;
  const usages = ['reads', 'records', 'both'] as const;

  const personnel = serviceIds.flatMap((s, i) =>
    [0, 1, 2].map((k) => ({ service_id: s, personnel_group_id: pick(groups, i + k * 2), usage: pick([...usages], i + k) })),
  );
  const exchanges = serviceIds.flatMap((s, i) =>
    [0, 1, 2, 3].map((k) => ({
      service_id: s,
      actor_id: pick(actors, i + k * 3),
      mode_id: pick(modes, i + k),
      need_level_id: k === 3 ? null : pick(needs, i + k),
    })),
  );
  const chunks = async <T,>(rows: T[], insert: (part: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 200) await insert(rows.slice(i, i + 200));
  };
  await chunks(dedupe(personnel, (r) => `${r.service_id}:${r.personnel_group_id}`), (part) =>
    db.insertInto('service_personnel').values(part).execute(),
  );
  await chunks(dedupe(exchanges, (r) => `${r.service_id}:${r.actor_id}:${r.mode_id}`), (part) =>
    db.insertInto('service_exchange').values(part).execute(),
  );
  await chunks(
    serviceIds.map((s, i) => ({ service_id: s, capability_id: pick(capabilities, i) })),
    (part) => db.insertInto('service_capability').values(part).execute(),
  );
  await chunks(
    serviceIds.map((s, i) => ({ service_id: s, goal_id: pick(goals, i) })),
    (part) => db.insertInto('service_goal').values(part).execute(),
  );
  await chunks(
    serviceIds.map((s, i) => ({ service_id: s, project_id: pick(projects, i * 7) })),
    (part) => db.insertInto('service_dependency').values(part).execute(),
  );
}

function dedupe<T>(rows: T[], key: (row: T) => string): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = key(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Opens a review round on the database's first-delivery list (if none is open) and has `municipalities`
 * municipalities (by number, Oslo left out for the tests' own user) submit a review with a stance
 * on every service and a comment on every other one, and declare their intention. For the
 * benchmark and the query-count tests. Returns the round's id.
 */
export async function growReviews(db: Db, options: { municipalities: number; now?: Date }): Promise<number> {
  const at = (options.now ?? new Date('2026-01-01T00:00:00Z')).toISOString();
  return db.transaction().execute(async (trx) => {
    let round = (await trx.selectFrom('review_round').select('id').orderBy('id', 'desc').executeTakeFirst())?.id;
    if (round === undefined) {
      const catalogue = await loadCatalogue(trx);
      const services = firstDeliverySnapshot(catalogue);
      const version = new Map(catalogue.services.map((s) => [s.id, s.version]));
      const closesAt = new Date(new Date(at).getTime() + 365 * 86_400_000);
      round = await insertRound(trx, {
        title: 'Syntetisk runde',
        deadlineOn: closesAt.toISOString().slice(0, 10),
        closesAt,
        openedAt: new Date(at),
        openedBy: null,
        services: services.map((s) => ({ ...s, version: version.get(s.elementId!) ?? 1 })),
      });
    }
    const services = await trx.selectFrom('review_round_service').select('id').where('round_id', '=', round).orderBy('position').execute();
    const numbers = await trx.selectFrom('municipality').select('number').where('number', '!=', '0301').orderBy('number').limit(options.municipalities).execute();
    const stances = ['supports', 'supports-with-changes', 'opposes', 'no-opinion'] as const;
    for (const [i, { number }] of numbers.entries()) {
      const review = await trx
        .insertInto('municipality_review')
        .values({ round_id: round, municipality_number: number, status: 'submitted', created_at: at, updated_at: at, updated_by: null, submitted_at: at, submitted_by: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rows = services.map((s, k) => ({ review_id: review.id, round_service_id: s.id, stance: stances[(i + k) % 4]!, comment: k % 2 ? `Kommentar fra ${number} om tjeneste ${k}.` : '' }));
      for (let j = 0; j < rows.length; j += 200) await trx.insertInto('review_stance').values(rows.slice(j, j + 200)).execute();
      await trx
        .insertInto('intention_declaration')
        .values({ municipality_number: number, status: i % 3 ? 'signed' : 'considering', decided_on: at.slice(0, 10), reference: '', updated_at: at, updated_by: null })
        .execute();
    }
    return round;
  });
}
