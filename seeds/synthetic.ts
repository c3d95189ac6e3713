import { firstDeliverySnapshot } from '../model/review/snapshot.ts';
import { loadCatalogue } from '../src/db/queries/catalogue.ts';
import { insertRound } from '../src/commands/writes/review/rounds.ts';
import { sql, type Transaction } from 'kysely';
import { engineOf, type Db } from '../src/db/index.ts';
import type { Database } from '../src/db/schema.ts';

/**
 * The generator of large synthetic models, for the benchmark (`npm run bench`) and the tests
 * that check a page's work does not grow with the model. Deterministic: the same factor on the
 * same seed gives the same rows, ids included (no randomness, no clock unless one is passed).
 *
 * `growModel(db, N)` grows a freshly seeded database to N times the seed, in one transaction:
 *
 * | what | per unit of N | at 100× |
 * |---|---|---|
 * | information services, every one linked: 3 personnel groups, 4 actor × mode exchanges (3 with a need level), a capability, a goal, a national project, a solution part | 34 (the seeded ones, copied as «Navn (kopi k)», key `…-kopi-k`) | 3,400 |
 * | requirements (`AKS-S00001`…), each on 2 services and, every third one, on a capability | 50 (the 10 seeded included) | 5,000 |
 * | consultation rounds, each on 500 requirements (fewer at small N), by 40 organisations | one per 10 (at least 1, at most 10) | 10 |
 * | consultation comments, three in four answered, every fifth with a reply, every seventh hidden | 200 | 20,000 |
 * | municipalities with a submitted review (a stance on every service of the round's frozen first-delivery list, a comment on every tenth) and an intention declaration | 3.57 (at least 1) | all 357 |
 *
 * `except` leaves named municipalities (by number) without a review, for tests that sign in as one.
 * The older form `growModel(db, { factor, link })` grows only the services (and their links).
 */
export interface SyntheticOptions {
  /** The number of services becomes `factor` times the seeded number. */
  factor: number;
  /** Also link every service to personnel groups, actors, capabilities, goals and projects. */
  link?: boolean;
  now?: Date;
}

export interface ScaleOptions {
  now?: Date;
  /** Municipalities (by number) left without a review, e.g. the one a test signs in as. */
  except?: string[];
}

export interface GrownModel {
  services: number;
  requirements: number;
  comments: number;
  /** The review round every municipality answered (full scale only). */
  reviewRound?: number;
  consultationRounds: number[];
}

export async function growModel(db: Db, options: SyntheticOptions): Promise<{ services: number }>;
export async function growModel(db: Db, factor: number, options?: ScaleOptions): Promise<GrownModel>;
export async function growModel(db: Db, how: SyntheticOptions | number, scale: ScaleOptions = {}): Promise<GrownModel> {
  if (typeof how === 'number') return growToScale(db, how, scale);
  const at = (how.now ?? new Date('2026-01-01T00:00:00Z')).toISOString();
  return db.transaction().execute(async (trx) => {
    const services = await growServices(trx, how.factor, at);
    if (how.link) await linkEverything(trx, services);
    return { services: services.length, requirements: 0, comments: 0, consultationRounds: [] };
  });
}

async function growToScale(db: Db, factor: number, options: ScaleOptions): Promise<GrownModel> {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`The factor must be a whole number from 1, not ${factor}.`);
  const now = options.now ?? new Date('2026-01-01T00:00:00Z');
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const services = await growServices(trx, factor, at);
    await linkEverything(trx, services);
    const requirements = await growRequirements(trx, factor * 50, services, at);
    const consultation = await growConsultation(trx, factor, requirements, now);
    const reviewRound = await reviewEverywhere(trx, Math.max(1, Math.min(357, Math.round(3.57 * factor))), options.except ?? [], now);
    return { services: services.length, requirements: requirements.length, comments: consultation.comments, consultationRounds: consultation.rounds, reviewRound };
  });
}

/** Copies the seeded services until there are `factor` times as many; returns every service's id in order. */
async function growServices(trx: Db, factor: number, at: string): Promise<number[]> {
  const seeded = await trx
    .selectFrom('element')
    .innerJoin('information_service', 'information_service.element_id', 'element.id')
    .select(['element.id', 'element.key', 'element.name', 'element.description', 'element.position', 'information_service.category_id', 'information_service.tier_id'])
    .where('element.kind', '=', 'informationService')
    .where('element.key', 'not like', '%-kopi-%')
    .orderBy('element.position')
    .orderBy('element.id')
    .execute();
  const parts = (await trx.selectFrom('element').select('id').where('kind', '=', 'solutionPart').orderBy('position').orderBy('id').execute()).map((r) => r.id);
  for (let copy = 2; copy <= factor; copy++) {
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
        seeded.map((s, i) => ({
          element_id: byKey.get(`${s.key}-kopi-${copy}`)!,
          category_id: s.category_id,
          tier_id: s.tier_id,
          tier_tentative: 1 as const,
          solution_part_id: parts.length > 0 ? parts[(copy + i) % parts.length]! : null,
        })),
      )
      .execute();
  }
  const services = await trx.selectFrom('element').select('id').where('kind', '=', 'informationService').orderBy('id').execute();
  return services.map((s) => s.id);
}

/** Inserts `rows` in slices small enough for any database's limit on parameters per statement. */
async function inSlices<T>(rows: T[], insert: (part: T[]) => Promise<unknown>, size = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

const priorities = ['must', 'should', 'could'] as const;
const requirementStatuses = ['draft', 'proposed', 'approved'] as const;

/** Adds requirements until there are `total`; each names two services (and every third a capability). Returns every requirement's id, by ref. */
async function growRequirements(trx: Db, total: number, services: number[], at: string): Promise<number[]> {
  const existing = Number((await trx.selectFrom('requirement').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const capabilities = (await trx.selectFrom('element').select('id').where('kind', '=', 'capability').orderBy('position').orderBy('id').execute()).map((r) => r.id);
  const wanted = Math.max(0, total - existing);
  const numbers = Array.from({ length: wanted }, (_, i) => i + 1);
  await inSlices(numbers, async (part) => {
    const rows = await trx
      .insertInto('element')
      .values(
        part.map((n) => ({
          kind: 'requirement',
          key: `krav-s${String(n).padStart(5, '0')}`,
          name: `Syntetisk krav ${n}`,
          description: '',
          tentative: 1 as const,
          position: 100_000 + n,
          created_at: at,
          updated_at: at,
        })),
      )
      .returning(['id', 'key'])
      .execute();
    const byKey = new Map(rows.map((r) => [r.key, r.id]));
    const id = (n: number) => byKey.get(`krav-s${String(n).padStart(5, '0')}`)!;
    await trx
      .insertInto('requirement')
      .values(
        part.map((n) => ({
          element_id: id(n),
          ref: `AKS-S${String(n).padStart(5, '0')}`,
          text: `Løsningen skal støtte behov ${n} for deling av informasjon mellom kommunale tjenester.`,
          rationale: n % 2 ? `Begrunnelse for krav ${n}.` : '',
          priority: priorities[n % 3]!,
          status: requirementStatuses[n % 3]!,
        })),
      )
      .execute();
    const links = part.flatMap((n) => {
      const a = services[n % services.length]!;
      const b = services[(n * 7 + 3) % services.length]!;
      const own = [{ requirement_id: id(n), element_id: a }];
      if (b !== a) own.push({ requirement_id: id(n), element_id: b });
      if (n % 3 === 0 && capabilities.length > 0) own.push({ requirement_id: id(n), element_id: capabilities[n % capabilities.length]! });
      return own;
    });
    await inSlices(links, (l) => trx.insertInto('requirement_element').values(l).execute());
  }, 250);
  return (await trx.selectFrom('requirement').select('element_id').orderBy('ref').execute()).map((r) => r.element_id);
}

const commentKinds = ['stotte', 'innvending', 'endringsforslag', 'sporsmal'] as const;
const answeredStatuses = ['tatt-til-folge', 'delvis-tatt-til-folge', 'ikke-tatt-til-folge'] as const;
const organisationKinds = ['profesjonsforening', 'pasientforening', 'interesseorganisasjon', 'annet'] as const;

/**
 * Ten rounds at 100× (one per ten of the factor), each on up to 500 requirements, with 200
 * comments per unit of the factor from 40 organisations, three in four answered.
 */
async function growConsultation(trx: Db, factor: number, requirements: number[], now: Date): Promise<{ rounds: number[]; comments: number }> {
  const day = (n: number) => new Date(now.getTime() + n * 86_400_000);
  const iso = (d: Date) => d.toISOString();
  const at = iso(now);
  const organisations: number[] = [];
  for (let i = 1; i <= 40; i++) {
    const row = await trx
      .insertInto('organisation')
      .values({ name: `Syntetisk forening ${i}`, kind: organisationKinds[i % 4]!, contact: '', created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    organisations.push(row.id);
  }
  const roundCount = Math.max(1, Math.min(10, Math.round(factor / 10)));
  const perRound = Math.min(500, Math.ceil(requirements.length / roundCount));
  const elements = await trx.selectFrom('element').select(['id', 'kind', 'key', 'name']).where('id', 'in', requirements.length > 0 ? requirements : [-1]).execute();
  const byId = new Map(elements.map((e) => [e.id, e]));
  const rounds: number[] = [];
  const items: number[][] = [];
  for (let r = 0; r < roundCount; r++) {
    // Rounds a month apart, the last one still open.
    const opens = day(-30 * (roundCount - r));
    const round = await trx
      .insertInto('consultation_round')
      .values({
        title: `Høring ${r + 1} om kravene`,
        description: `Syntetisk høringsrunde ${r + 1}.`,
        phase: 'forprosjekt',
        opens_on: iso(opens).slice(0, 10),
        closes_on: iso(day(-30 * (roundCount - r) + 45)).slice(0, 10),
        created_at: iso(opens),
        updated_at: iso(opens),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    rounds.push(round.id);
    const chosen = Array.from({ length: perRound }, (_, i) => requirements[(r * perRound + i) % requirements.length]!);
    const unique = [...new Set(chosen)];
    await inSlices(unique, (part) =>
      trx
        .insertInto('consultation_item')
        .values(part.map((id) => ({ round_id: round.id, element_id: id, element_kind: 'requirement', element_key: byId.get(id)!.key, element_name: byId.get(id)!.name, position: unique.indexOf(id) })))
        .execute(),
    );
    items.push((await trx.selectFrom('consultation_item').select('id').where('round_id', '=', round.id).orderBy('position').execute()).map((i) => i.id));
  }
  const total = factor * 200;
  const comments = Array.from({ length: total }, (_, n) => {
    const r = n % roundCount;
    const kind = commentKinds[n % 4]!;
    const written = iso(day(-30 * (roundCount - r) + 1 + (n % 20)));
    const answered = n % 4 !== 3;
    const status = answered ? answeredStatuses[n % 3]! : n % 8 === 3 ? 'mottatt' : 'under-vurdering';
    return {
      round_id: rounds[r]!,
      item_id: items[r]![Math.floor(n / roundCount) % items[r]!.length]!,
      organisation_id: organisations[n % organisations.length]!,
      author_id: null,
      updated_by: null,
      kind,
      text: `Kommentar ${n + 1}: ${kind === 'stotte' ? 'Vi støtter kravet.' : kind === 'innvending' ? 'Kravet er for vidt.' : kind === 'sporsmal' ? 'Hva menes med deling her?' : 'Vi foreslår en presisering.'}`,
      proposal: kind === 'endringsforslag' ? `Løsningen skal støtte behov ${n + 1} presist.` : null,
      base_text: kind === 'endringsforslag' ? 'Løsningen skal støtte behovet.' : null,
      status,
      answer: answered ? `Svar på kommentar ${n + 1}.` : null,
      answered_at: answered ? iso(day(-30 * (roundCount - r) + 25)) : null,
      answered_version: answered ? 1 : null,
      answered_status: answered ? status : null,
      hidden_at: n % 7 === 6 ? written : null,
      hidden_reason: n % 7 === 6 ? 'Utenfor temaet.' : null,
      created_at: written,
      updated_at: written,
    };
  });
  await inSlices(comments, (part) => trx.insertInto('consultation_comment').values(part).execute(), 200);
  // Every fifth comment gets a reply from another organisation.
  const ids = (await trx.selectFrom('consultation_comment').select(['id', 'round_id']).where('round_id', 'in', rounds).orderBy('id').execute()).map((c) => c.id);
  const replies = ids
    .filter((_, n) => n % 5 === 0)
    .map((id, n) => ({ comment_id: id, author_id: null, organisation_id: organisations[(n + 1) % organisations.length]!, text: `Svar i tråden ${n + 1}.`, created_at: iso(day(-1)) }));
  await inSlices(replies, (part) => trx.insertInto('consultation_reply').values(part).execute());
  return { rounds, comments: ids.length };
}

/**
 * A review round on the first-delivery list as it now is, a submitted review from the first
 * `count` municipalities by number (leaving out `except`), with a stance on every service and a
 * comment on every tenth, and an intention declaration from each. Set-based: a handful of
 * statements whatever the size.
 */
async function reviewEverywhere(trx: Db, count: number, except: string[], now: Date): Promise<number> {
  const at = now.toISOString();
  const catalogue = await loadCatalogue(trx);
  const services = firstDeliverySnapshot(catalogue);
  const version = new Map(catalogue.services.map((s) => [s.id, s.version]));
  const closesAt = new Date(now.getTime() + 365 * 86_400_000);
  const round = await insertRound(trx as Transaction<Database>, {
    title: 'Syntetisk runde',
    deadlineOn: closesAt.toISOString().slice(0, 10),
    closesAt,
    openedAt: now,
    openedBy: null,
    services: services.map((s) => ({ ...s, version: version.get(s.elementId!) ?? 1 })),
  });
  let chosen = trx.selectFrom('municipality').select('number').orderBy('number').limit(count);
  if (except.length > 0) chosen = chosen.where('number', 'not in', except);
  const numbers = (await chosen.execute()).map((m) => m.number);
  await inSlices(numbers, (part) =>
    trx
      .insertInto('municipality_review')
      .values(part.map((number) => ({ round_id: round, municipality_number: number, status: 'submitted', created_at: at, updated_at: at, updated_by: null, submitted_at: at, submitted_by: null })))
      .execute(),
  );
  // On PostgreSQL the tally trigger (migration 0025) runs a statement per stance row: at 100× (1.2
  // million stances) that took three minutes, most of the query-count test's time. So the stances
  // go in with it switched off, inside this transaction, and the round's tally is then counted in
  // one statement, as the migration counts existing stances: the same rows the trigger would write.
  const postgres = engineOf(trx) === 'postgres';
  if (postgres) await sql`alter table review_stance disable trigger review_tally_stance`.execute(trx);
  // One statement for every stance: each review × each service of the round.
  await sql`
    insert into review_stance (review_id, round_service_id, stance, comment)
    select r.id, s.id,
      case (r.id + s.position) % 4 when 0 then 'supports' when 1 then 'supports-with-changes' when 2 then 'opposes' else 'no-opinion' end,
      case when (r.id + s.position) % 10 = 0 then 'Kommentar fra ' || r.municipality_number || ' om tjeneste ' || s.position || '.' else '' end
    from municipality_review r cross join review_round_service s
    where r.round_id = ${round} and s.round_id = ${round}`.execute(trx);
  if (postgres) {
    await sql`
      insert into review_tally (round_service_id, stance, n, p)
      select s.round_service_id, s.stance, count(*), sum(m.population)
      from review_stance s
      join municipality_review r on r.id = s.review_id
      join municipality m on m.number = r.municipality_number
      where r.round_id = ${round} and r.status = 'submitted'
      group by s.round_service_id, s.stance
      on conflict (round_service_id, stance) do update set n = review_tally.n + excluded.n, p = review_tally.p + excluded.p`.execute(trx);
    await sql`alter table review_stance enable trigger review_tally_stance`.execute(trx);
  }
  const declared = new Set((await trx.selectFrom('intention_declaration').select('municipality_number').execute()).map((d) => d.municipality_number));
  const declarations = numbers
    .filter((n) => !declared.has(n))
    .map((number, i) => ({ municipality_number: number, status: i % 3 ? 'signed' : 'considering', decided_on: at.slice(0, 10), reference: '', updated_at: at, updated_by: null }));
  await inSlices(declarations, (part) => trx.insertInto('intention_declaration').values(part).execute());
  return round;
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

/**
 * Puts the requirements in a chapter tree, for the requirement list and the baseline benchmarks
 * ("5,000 requirements over 40 chapters"): `chapters / 5` chapters of four sections each, every
 * requirement (by number) in one of them in turn, and a requirement type in turn. Deterministic;
 * separate from `growModel` so tests that build their own chapters start from none.
 */
export async function growChapters(db: Db, options: { chapters?: number; now?: Date } = {}): Promise<{ chapters: number[] }> {
  const total = options.chapters ?? 40;
  const at = (options.now ?? new Date('2026-01-01T00:00:00Z')).toISOString();
  return db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (let top = 0; ids.length < total; top++) {
      const chapter = await trx.insertInto('requirement_chapter').values({ parent_id: null, name: `Syntetisk kapittel ${top + 1}`, position: top, created_at: at }).returning('id').executeTakeFirstOrThrow();
      ids.push(chapter.id);
      for (let s = 0; s < 4 && ids.length < total; s++) {
        const section = await trx.insertInto('requirement_chapter').values({ parent_id: chapter.id, name: `Seksjon ${top + 1}.${s + 1}`, position: s, created_at: at }).returning('id').executeTakeFirstOrThrow();
        ids.push(section.id);
      }
    }
    const types = (await trx.selectFrom('requirement_type').select('key').orderBy('position').execute()).map((t) => t.key);
    const requirements = (await trx.selectFrom('requirement').select('element_id').orderBy('ref').execute()).map((r) => r.element_id);
    // One UPDATE per chapter and type pair, whatever the number of requirements in it.
    const groups = new Map<string, number[]>();
    requirements.forEach((id, n) => {
      const key = `${ids[n % ids.length]!}:${types.length > 0 ? types[n % types.length]! : ''}`;
      groups.set(key, [...(groups.get(key) ?? []), id]);
    });
    for (const [key, members] of groups) {
      const [chapter, type] = key.split(':');
      await inSlices(members, (part) => trx.updateTable('requirement').set({ chapter_id: Number(chapter), type_key: type || null }).where('element_id', 'in', part).execute());
    }
    return { chapters: ids };
  });
}
