import type { Transaction } from 'kysely';
import type { ElementKind } from '../model/kinds.ts';
import type { Database } from '../src/db/schema.ts';
import { recordAudit } from '../src/commands/writes/audit.ts';
import { akson } from './akson/index.ts';
import { REQUIREMENT_READING } from './akson/requirements.ts';
import type { CapabilitySeed, ElementSeed } from './akson/types.ts';

type Trx = Transaction<Database>;

/**
 * The revision of the seeded content. 1 is the first seed; 2 is issue 16's: the corrections to
 * what the source says, the three levels of provenance with their reasons, and the concepts the
 * first seed left out (interfaces, regions, national solutions, risks, guidelines, the ministry and
 * the involvement plan). A database seeded at an earlier revision is brought up to this one when
 * the app starts (`upgradeSeededContent`); raise the number with each correction of the content.
 */
export const SEED_REVISION = 2;
export const SEED_REVISION_KEY = 'seed_revision';

/** The note migration 0014 gave every link that existed before provenance (see that migration). */
const PREDATES = 'Registrert før kildegrunnlaget fikk nivåer (migrering 0014).';

/** Every seeded element by kind, the capability tree flattened with each node's parent. */
export function seededElements(): Record<ElementKind, ReadonlyArray<{ seed: ElementSeed; parentKey?: string | null }>> {
  const capabilities: Array<{ seed: CapabilitySeed; parentKey: string | null }> = [];
  let level: Array<{ seed: CapabilitySeed; parentKey: string | null }> = akson.capabilities.map((seed) => ({ seed, parentKey: null }));
  while (level.length > 0) {
    capabilities.push(...level);
    level = level.flatMap(({ seed }) => (seed.children ?? []).map((child) => ({ seed: child, parentKey: seed.key })));
  }
  const plain = (list: readonly ElementSeed[]) => list.map((seed) => ({ seed }));
  return {
    solutionPart: plain(akson.solutionParts),
    personnelGroup: plain(akson.personnelGroups),
    task: plain(akson.tasks),
    capability: capabilities,
    informationCategory: plain(akson.informationCategories),
    informationService: plain(akson.informationServices),
    deliveryTier: plain(akson.deliveryTiers),
    collaborationMode: plain(akson.collaborationModes),
    actor: plain(akson.actors),
    needLevel: plain(akson.needLevels),
    goal: plain(akson.goals),
    roadmapPhase: plain(akson.roadmapPhases),
    milestone: plain(akson.milestones),
    decisionPoint: plain(akson.decisionPoints),
    stakeholder: plain(akson.stakeholders),
    nationalProject: plain(akson.nationalProjects),
    requirement: plain(akson.requirements),
    journalInterface: plain(akson.journalInterfaces),
    region: plain(akson.regions),
    nationalSolution: plain(akson.nationalSolutions),
    risk: plain(akson.risks),
    guideline: plain(akson.guidelines),
  };
}

/** An element's own columns as the seed writes them, with the kinds whose level the seed sets for the whole kind. */
export function seededElementColumns(kind: ElementKind, s: ElementSeed) {
  let level: 'stated' | 'tentative' | 'inferred' = s.inferred ? 'inferred' : s.tentative ? 'tentative' : 'stated';
  let note = s.inferred ?? s.note ?? '';
  let tentative: 0 | 1 = s.tentative ? 1 : 0;
  // The whole first-delivery slide is marked TENTATIVT, ER UNDER ARBEID.
  if (kind === 'informationService') {
    tentative = 1;
    if (level === 'stated') level = 'tentative';
  }
  // A requirement's priority and what it is about are the editors' reading, so the requirement is too.
  if (kind === 'requirement' && level !== 'inferred') {
    level = 'inferred';
    note = REQUIREMENT_READING;
  }
  return {
    name: s.name,
    name_en: s.nameEn ?? null,
    description: s.description ?? '',
    source_from: s.lines[0],
    source_to: s.lines[1],
    tentative,
    provenance: level,
    provenance_note: note,
    source_quote: s.quote ?? null,
  };
}

/** Kinds whose missing elements the upgrade adds: those with no rows of their own, or rows it knows how to write. */
const insertable: ReadonlySet<ElementKind> = new Set<ElementKind>([
  'stakeholder',
  'goal',
  'task',
  'actor',
  'collaborationMode',
  'journalInterface',
  'nationalSolution',
  'risk',
  'guideline',
  'region',
  'roadmapPhase',
  'milestone',
  'decisionPoint',
]);

export interface SeedUpgrade {
  from: number;
  to: number;
  /** Seeded elements brought up to the current seed (nobody had changed them). */
  updated: number;
  /** Elements the current seed has that the database lacked. */
  added: number;
  /** Seeded elements the current seed no longer has (nobody had changed them). */
  removed: number;
  /** Seeded elements an architect has changed since: left as they are, by kind and key. */
  leftAsEdited: string[];
  relationsAdded: number;
  linksGivenProvenance: number;
}

/**
 * Brings a database seeded at an earlier revision up to the current seed, in the caller's
 * transaction. What nobody has changed since it was seeded (version 1, created with the seed)
 * takes the current seed's words, lines and provenance; what an architect changed is left as it
 * is and listed; what the seed now has and the database lacks is added; what the seed no longer
 * has is removed when nobody has touched it. Audited as one entry. Returns undefined when the
 * database is not seeded or already at the current revision.
 */
export async function upgradeSeededContent(trx: Trx, now: Date): Promise<SeedUpgrade | undefined> {
  const meta = await trx.selectFrom('meta').select(['key', 'value']).where('key', 'in', ['seeded_at', SEED_REVISION_KEY]).execute();
  const seededAt = meta.find((m) => m.key === 'seeded_at')?.value;
  if (seededAt === undefined) return undefined;
  const from = Number(meta.find((m) => m.key === SEED_REVISION_KEY)?.value ?? 1);
  if (from >= SEED_REVISION) return undefined;

  const at = now.toISOString();
  const result: SeedUpgrade = { from, to: SEED_REVISION, updated: 0, added: 0, removed: 0, leftAsEdited: [], relationsAdded: 0, linksGivenProvenance: 0 };
  const rows = await trx.selectFrom('element').select(['id', 'kind', 'key', 'version', 'created_at']).execute();
  const existing = new Map(rows.map((r) => [`${r.kind}:${r.key}`, r]));
  // The seed stamps everything it makes with the time it records as seeded_at; an element made
  // later has another time, and an edited one a higher version.
  const untouched = (r: { version: number; created_at: string }) => r.version === 1 && r.created_at === seededAt;
  const document = await trx.selectFrom('source_document').select('id').orderBy('id').executeTakeFirst();
  const idOf = (kind: ElementKind, key: string) => existing.get(`${kind}:${key}`)?.id;

  const wanted = seededElements();
  const positions = new Map<string, number>();
  for (const [kind, list] of Object.entries(wanted) as Array<[ElementKind, (typeof wanted)[ElementKind]]>) {
    for (const { seed } of list) {
      const key = `${kind}:${seed.key}`;
      const row = existing.get(key);
      const columns = seededElementColumns(kind, seed);
      if (row) {
        if (!untouched(row)) {
          result.leftAsEdited.push(key);
          continue;
        }
        await trx.updateTable('element').set({ ...columns, updated_at: at }).where('id', '=', row.id).execute();
        await updateKindRows(trx, kind, seed, row.id, idOf);
        result.updated++;
      } else if (insertable.has(kind) && document) {
        const position = positions.get(kind) ?? Number((await trx.selectFrom('element').select((eb) => eb.fn.max<number>('position').as('p')).where('kind', '=', kind).executeTakeFirst())?.p ?? -1) + 1;
        positions.set(kind, position + 1);
        const inserted = await trx
          .insertInto('element')
          .values({ kind, key: seed.key, ...columns, source_document_id: document.id, position, created_at: at, updated_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        existing.set(key, { id: inserted.id, kind, key: seed.key, version: 1, created_at: at });
        await insertKindRows(trx, kind, seed, inserted.id, idOf);
        result.added++;
      }
    }
  }

  // What the seed no longer has (an invented milestone, say): removed if nobody touched it.
  const current = new Set((Object.entries(wanted) as Array<[ElementKind, (typeof wanted)[ElementKind]]>).flatMap(([kind, list]) => list.map(({ seed }) => `${kind}:${seed.key}`)));
  const gone = rows.filter((r) => !current.has(`${r.kind}:${r.key}`) && untouched(r) && r.kind !== 'requirement');
  if (gone.length > 0) {
    await trx.deleteFrom('element').where('id', 'in', gone.map((r) => r.id)).execute();
    result.removed = gone.length;
  }

  // The typed relations, where both ends exist and the relation does not.
  for (const r of akson.relations) {
    const fromId = idOf(r.from[0], r.from[1]);
    const toId = idOf(r.to[0], r.to[1]);
    if (fromId === undefined || toId === undefined) continue;
    const has = await trx.selectFrom('element_relation').select('from_id').where('from_id', '=', fromId).where('to_id', '=', toId).where('relation', '=', r.relation).executeTakeFirst();
    if (has) continue;
    await trx
      .insertInto('element_relation')
      .values({ from_id: fromId, to_id: toId, relation: r.relation, provenance: r.inferred ? 'inferred' : r.tentative ? 'tentative' : 'stated', provenance_note: r.inferred ?? '', source_from: r.lines[0], source_to: r.lines[1] })
      .execute();
    result.relationsAdded++;
  }

  // A requirement's "about" links and a capability's placement still carrying migration 0014's note get the seed's reading.
  for (const r of akson.requirements) {
    const requirementId = idOf('requirement', r.key);
    if (requirementId === undefined) continue;
    const changed = await trx
      .updateTable('requirement_element')
      .set({ provenance: 'inferred', provenance_note: r.reading ?? REQUIREMENT_READING, source_from: r.lines[0], source_to: r.lines[1] })
      .where('requirement_id', '=', requirementId)
      .where('provenance_note', '=', PREDATES)
      .executeTakeFirst();
    result.linksGivenProvenance += Number(changed.numUpdatedRows);
  }
  for (const { seed } of wanted.capability) {
    const c = seed as CapabilitySeed;
    const id = idOf('capability', c.key);
    if (id === undefined || !c.solutionPart) continue;
    const changed = await trx
      .updateTable('capability')
      .set({ solution_part_provenance: 'inferred', solution_part_note: c.solutionPartReason ?? '' })
      .where('element_id', '=', id)
      .where('solution_part_note', '=', PREDATES)
      .executeTakeFirst();
    result.linksGivenProvenance += Number(changed.numUpdatedRows);
  }

  await setRevision(trx);
  await recordAudit(trx, {
    at: now,
    userId: null,
    clientAddress: null,
    action: 'seed.upgrade',
    entity: 'meta',
    entityId: SEED_REVISION_KEY,
    before: { revision: from },
    after: { ...result, leftAsEdited: result.leftAsEdited.length },
    details: result.leftAsEdited.length > 0 ? `Endret av arkitekter og ikke oppdatert: ${result.leftAsEdited.join(', ')}` : null,
  });
  return result;
}

/** Records that the database holds the current seed (a fresh seed, or an upgrade). */
export async function setRevision(trx: Trx): Promise<void> {
  const has = await trx.selectFrom('meta').select('key').where('key', '=', SEED_REVISION_KEY).executeTakeFirst();
  if (has) await trx.updateTable('meta').set({ value: String(SEED_REVISION) }).where('key', '=', SEED_REVISION_KEY).execute();
  else await trx.insertInto('meta').values({ key: SEED_REVISION_KEY, value: String(SEED_REVISION) }).execute();
}

type IdOf = (kind: ElementKind, key: string) => number | undefined;

/** The rows of a kind's own table, for an element the seed changed and nobody touched. */
async function updateKindRows(trx: Trx, kind: ElementKind, seed: ElementSeed, id: number, idOf: IdOf): Promise<void> {
  switch (kind) {
    case 'requirement': {
      const r = akson.requirements.find((x) => x.key === seed.key)!;
      await trx.updateTable('requirement').set({ text: r.text, rationale: r.rationale, priority: r.priority, status: r.status }).where('element_id', '=', id).execute();
      return;
    }
    case 'nationalProject': {
      const p = akson.nationalProjects.find((x) => x.key === seed.key)!;
      await trx
        .updateTable('national_project')
        .set({ owner_organisation: p.ownerOrganisation, owner: p.owner, phase: p.phase, strategic_area: p.strategicArea, focus_area: p.focusArea, status: p.status, budget_mnok: p.budgetMnok })
        .where('element_id', '=', id)
        .execute();
      return;
    }
    case 'roadmapPhase':
    case 'milestone':
    case 'decisionPoint':
      await trx.updateTable('roadmap_item').set(roadmapColumns(kind, seed, idOf)).where('element_id', '=', id).execute();
      return;
    case 'deliveryTier': {
      const t = akson.deliveryTiers.find((x) => x.key === seed.key)!;
      await trx.updateTable('delivery_tier').set({ first_delivery: t.firstDelivery ? 1 : 0 }).where('element_id', '=', id).execute();
      return;
    }
    case 'solutionPart':
    case 'personnelGroup':
    case 'task':
    case 'capability':
    case 'informationCategory':
    case 'informationService':
    case 'collaborationMode':
    case 'actor':
    case 'needLevel':
    case 'goal':
    case 'stakeholder':
    case 'journalInterface':
    case 'region':
    case 'nationalSolution':
    case 'risk':
    case 'guideline':
      // Their own rows hold links and places the corrections did not change.
      return;
  }
}

function roadmapColumns(kind: 'roadmapPhase' | 'milestone' | 'decisionPoint', seed: ElementSeed, idOf: IdOf) {
  if (kind === 'roadmapPhase') {
    const p = akson.roadmapPhases.find((x) => x.key === seed.key)!;
    return { starts_on: p.startsOn, ends_on: p.endsOn, phase_id: null, track: null, decision_no: null };
  }
  if (kind === 'milestone') {
    const m = akson.milestones.find((x) => x.key === seed.key)!;
    return { starts_on: m.on, ends_on: null, phase_id: m.phase ? (idOf('roadmapPhase', m.phase) ?? null) : null, track: null, decision_no: null };
  }
  const d = akson.decisionPoints.find((x) => x.key === seed.key)!;
  return { starts_on: d.on, ends_on: null, phase_id: idOf('roadmapPhase', d.phase) ?? null, track: d.track, decision_no: d.number };
}

/** The rows of a kind's own table for an element the upgrade adds. */
async function insertKindRows(trx: Trx, kind: ElementKind, seed: ElementSeed, id: number, idOf: IdOf): Promise<void> {
  if (kind === 'roadmapPhase' || kind === 'milestone' || kind === 'decisionPoint') {
    await trx.insertInto('roadmap_item').values({ element_id: id, ...roadmapColumns(kind, seed, idOf) }).execute();
  } else if (kind === 'region') {
    const r = akson.regions.find((x) => x.key === seed.key)!;
    await trx.insertInto('region').values({ element_id: id, record_solution: r.recordSolution }).execute();
    // A county belongs to one region: only counties no region has yet.
    const taken = new Set((await trx.selectFrom('region_county').select('county_number').execute()).map((c) => c.county_number));
    const counties = r.counties.filter((c) => !taken.has(c));
    if (counties.length > 0) {
      await trx
        .insertInto('region_county')
        .values(counties.map((county) => ({ region_id: id, county_number: county, provenance: 'inferred', provenance_note: r.countiesReason, source_from: r.lines[0], source_to: r.lines[1] })))
        .execute();
    }
  }
}
