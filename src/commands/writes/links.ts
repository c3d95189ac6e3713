import type { Kysely, Transaction } from 'kysely';
import { exchangeCellVersion } from '../../../model/editing.ts';
import type { ElementKind } from '../../../model/kinds.ts';
import { say } from '../../../model/messages.ts';
import type { Usage } from '../../../model/schemas.ts';
import { recordAudit, recordAudits, type AuditActor } from './audit.ts';
import type { Db } from '../../db/index.ts';
import type { Database } from '../../db/schema.ts';

type Trx = Transaction<Database>;

/**
 * Keys to ids for elements of given kinds, in one query (one `kind = … and key in (…)` term per
 * kind, so a long list stays one small expression); what is missing is reported by kind.
 */
async function idsFor(trx: Trx, wanted: Array<{ kind: ElementKind; key: string }>) {
  const found = new Map<string, { id: number; version: number; name: string }>();
  const byKind = new Map<ElementKind, string[]>();
  for (const w of wanted) byKind.set(w.kind, [...(byKind.get(w.kind) ?? []), w.key]);
  if (wanted.length > 0) {
    const rows = await trx
      .selectFrom('element')
      .select(['id', 'kind', 'key', 'version', 'name'])
      .where((eb) => eb.or([...byKind].map(([kind, keys]) => eb.and([eb('kind', '=', kind), eb('key', 'in', keys)]))))
      .execute();
    for (const r of rows) found.set(`${r.kind}:${r.key}`, { id: r.id, version: r.version, name: r.name });
  }
  const missing = wanted.filter((w) => !found.has(`${w.kind}:${w.key}`));
  return {
    get: (kind: ElementKind, key: string) => found.get(`${kind}:${key}`),
    missing: missing.map((m) => say('validation.ref.notFound', { kind: m.kind, key: m.key })),
  };
}

export type LinkResult = { ok: true } | { ok: false; reason: 'invalid'; errors: string[] } | { ok: false; reason: 'conflict'; stale?: string[] };

/**
 * Replaces a service's capabilities, goals and project dependencies with the sets given, if the
 * service has not changed since the form was opened. One statement per link table.
 */
export async function setServiceLinks(
  trx: Transaction<Database>,
  serviceKey: string,
  expectedVersion: number,
  sets: { capabilities: string[]; goals: string[]; projects: string[] },
  actor: AuditActor,
): Promise<LinkResult> {
  const found = await idsFor(trx, [
    { kind: 'informationService', key: serviceKey },
    ...sets.capabilities.map((key) => ({ kind: 'capability' as const, key })),
    ...sets.goals.map((key) => ({ kind: 'goal' as const, key })),
    ...sets.projects.map((key) => ({ kind: 'nationalProject' as const, key })),
  ]);
  if (found.missing.length > 0) return { ok: false, reason: 'invalid', errors: found.missing };
  const service = found.get('informationService', serviceKey)!;
  const id = (kind: ElementKind) => (key: string) => found.get(kind, key)!.id;

  const before = await linkSnapshot(trx, service.id);
  const bumped = await trx
    .updateTable('element')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: actor.at.toISOString() }))
    .where('id', '=', service.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(bumped.numUpdatedRows) === 0) return { ok: false, reason: 'conflict' };

  await trx.deleteFrom('service_capability').where('service_id', '=', service.id).execute();
  await trx.deleteFrom('service_goal').where('service_id', '=', service.id).execute();
  await trx.deleteFrom('service_dependency').where('service_id', '=', service.id).execute();
  const capabilities = sets.capabilities.map(id('capability'));
  const goals = sets.goals.map(id('goal'));
  const projects = sets.projects.map(id('nationalProject'));
  if (capabilities.length > 0) {
    await trx.insertInto('service_capability').values(capabilities.map((c) => ({ service_id: service.id, capability_id: c }))).execute();
  }
  if (goals.length > 0) await trx.insertInto('service_goal').values(goals.map((g) => ({ service_id: service.id, goal_id: g }))).execute();
  if (projects.length > 0) {
    await trx.insertInto('service_dependency').values(projects.map((p) => ({ service_id: service.id, project_id: p }))).execute();
  }
  const after = await linkSnapshot(trx, service.id);
  await recordAudit(trx, { ...actor, action: 'element.links', entity: 'element', entityId: service.id, elementId: service.id, before, after });
  return { ok: true };
}

/** A service's links as names, for the history. */
async function linkSnapshot(trx: Trx, serviceId: number): Promise<Record<string, string>> {
  const rows = await trx
    .selectFrom('element')
    .select(['kind', 'name'])
    .where((eb) =>
      eb.or([
        eb('id', 'in', eb.selectFrom('service_capability').select('capability_id').where('service_id', '=', serviceId)),
        eb('id', 'in', eb.selectFrom('service_goal').select('goal_id').where('service_id', '=', serviceId)),
        eb('id', 'in', eb.selectFrom('service_dependency').select('project_id').where('service_id', '=', serviceId)),
      ]),
    )
    .orderBy('kind')
    .orderBy('position')
    .execute();
  const names = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.name).join('; ');
  return { capabilities: names('capability'), goals: names('goal'), projects: names('nationalProject') };
}

/** Sets or clears one cell of the services × personnel groups matrix. */
export async function setPersonnelCell(
  trx: Transaction<Database>,
  serviceKey: string,
  groupKey: string,
  usage: Usage | null,
  shown: Usage | null,
  actor: AuditActor,
): Promise<LinkResult> {
  const found = await idsFor(trx, [
    { kind: 'informationService', key: serviceKey },
    { kind: 'personnelGroup', key: groupKey },
  ]);
  if (found.missing.length > 0) return { ok: false, reason: 'invalid', errors: found.missing };
  const service = found.get('informationService', serviceKey)!.id;
  const group = found.get('personnelGroup', groupKey)!.id;
  const previous = await trx
    .selectFrom('service_personnel')
    .select('usage')
    .where('service_id', '=', service)
    .where('personnel_group_id', '=', group)
    .executeTakeFirst();
  if ((previous?.usage ?? null) === usage) return { ok: true };
  // Someone changed the cell after this editor showed it: write nothing (the route shows what is there now).
  if ((previous?.usage ?? null) !== shown) return { ok: false, reason: 'conflict' };
  if (usage === null) {
    await trx.deleteFrom('service_personnel').where('service_id', '=', service).where('personnel_group_id', '=', group).execute();
  } else if (previous) {
    await trx.updateTable('service_personnel').set({ usage }).where('service_id', '=', service).where('personnel_group_id', '=', group).execute();
  } else {
    await trx.insertInto('service_personnel').values({ service_id: service, personnel_group_id: group, usage }).execute();
  }
  await recordAudit(trx, {
    ...actor,
    action: 'link.personnel',
    entity: 'service_personnel',
    entityId: service,
    elementId: service,
    before: { [groupKey]: previous?.usage ?? '' },
    after: { [groupKey]: usage ?? '' },
  });
  return { ok: true };
}

/**
 * Sets one cell of the services × actors matrix: for each collaboration mode, no exchange, an
 * exchange with the need not assessed (`null`), or an exchange with a need level's key.
 */
export async function setExchangeCell(
  trx: Transaction<Database>,
  serviceKey: string,
  actorKey: string,
  modes: Record<string, string | null | undefined>,
  shownVersion: string,
  actor: AuditActor,
): Promise<LinkResult> {
  const wanted: Array<{ kind: ElementKind; key: string }> = [
    { kind: 'informationService', key: serviceKey },
    { kind: 'actor', key: actorKey },
    ...Object.keys(modes).map((key) => ({ kind: 'collaborationMode' as const, key })),
    ...Object.values(modes).flatMap((need) => (need ? [{ kind: 'needLevel' as const, key: need }] : [])),
  ];
  const found = await idsFor(trx, wanted);
  if (found.missing.length > 0) return { ok: false, reason: 'invalid', errors: found.missing };
  const service = found.get('informationService', serviceKey)!.id;
  const actorId = found.get('actor', actorKey)!.id;
  const before = await exchangeSnapshot(trx, service, actorId);
  if ((await exchangeCellVersionOf(trx, service, actorId)) !== shownVersion) return { ok: false, reason: 'conflict' };
  const modeIds = Object.keys(modes).map((key) => found.get('collaborationMode', key)!.id);
  if (modeIds.length > 0) {
    await trx
      .deleteFrom('service_exchange')
      .where('service_id', '=', service)
      .where('actor_id', '=', actorId)
      .where('mode_id', 'in', modeIds)
      .execute();
  }
  const rows = Object.entries(modes).flatMap(([modeKey, need]) =>
    need === undefined
      ? []
      : [
          {
            service_id: service,
            actor_id: actorId,
            mode_id: found.get('collaborationMode', modeKey)!.id,
            need_level_id: need === null ? null : found.get('needLevel', need)!.id,
          },
        ],
  );
  if (rows.length > 0) await trx.insertInto('service_exchange').values(rows).execute();
  const after = await exchangeSnapshot(trx, service, actorId);
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    await recordAudit(trx, { ...actor, action: 'link.exchange', entity: 'service_exchange', entityId: service, elementId: service, before, after });
  }
  return { ok: true };
}

/** The version of an actor cell as stored now (see `exchangeCellVersion`). */
export async function exchangeCellVersionOf(trx: Kysely<Database>, serviceId: number, actorId: number): Promise<string> {
  const rows = await trx
    .selectFrom('service_exchange')
    .innerJoin('element as mode', 'mode.id', 'service_exchange.mode_id')
    .leftJoin('element as need', 'need.id', 'service_exchange.need_level_id')
    .select(['mode.key as mode', 'need.key as need'])
    .where('service_exchange.service_id', '=', serviceId)
    .where('service_exchange.actor_id', '=', actorId)
    .execute();
  return exchangeCellVersion(rows.map((r) => [r.mode, r.need ?? null] as const));
}

async function exchangeSnapshot(trx: Trx, serviceId: number, actorId: number): Promise<Record<string, string>> {
  const rows = await trx
    .selectFrom('service_exchange')
    .innerJoin('element as mode', 'mode.id', 'service_exchange.mode_id')
    .innerJoin('element as act', 'act.id', 'service_exchange.actor_id')
    .leftJoin('element as need', 'need.id', 'service_exchange.need_level_id')
    .select(['mode.name as mode', 'need.name as need', 'act.name as actor'])
    .where('service_exchange.service_id', '=', serviceId)
    .where('service_exchange.actor_id', '=', actorId)
    .orderBy('mode.position')
    .execute();
  return Object.fromEntries(rows.map((r) => [`${r.actor}: ${r.mode}`, r.need ?? 'behov ikke vurdert']));
}

/** Moves many services to another tier and/or category in one transaction. */
export async function moveServices(
  trx: Transaction<Database>,
  services: ReadonlyArray<{ key: string; version: number }>,
  target: { tier?: string | null; category?: string },
  actor: AuditActor,
): Promise<LinkResult & { moved?: number }> {
  const serviceKeys = services.map((x) => x.key);
  const found = await idsFor(trx, [
    ...serviceKeys.map((key) => ({ kind: 'informationService' as const, key })),
    ...(target.tier ? [{ kind: 'deliveryTier' as const, key: target.tier }] : []),
    ...(target.category ? [{ kind: 'informationCategory' as const, key: target.category }] : []),
  ]);
  if (found.missing.length > 0) return { ok: false, reason: 'invalid', errors: found.missing };
  const ids = serviceKeys.map((k) => found.get('informationService', k)!.id);
  // A service someone changed after the list was shown is not moved blind: nothing is, and the answer names them.
  const shown = new Map(services.map((x) => [x.key, x.version]));
  const now = await trx.selectFrom('element').select(['key', 'name', 'version']).where('id', 'in', ids).execute();
  const stale = now.filter((row) => shown.get(row.key) !== row.version).map((row) => row.name);
  if (stale.length > 0) return { ok: false, reason: 'conflict', stale };
  const tierId = target.tier === undefined ? undefined : target.tier === null ? null : found.get('deliveryTier', target.tier)!.id;
  const categoryId = target.category === undefined ? undefined : found.get('informationCategory', target.category)!.id;

  const before = await trx
    .selectFrom('information_service')
    .leftJoin('element as tier', 'tier.id', 'information_service.tier_id')
    .leftJoin('element as category', 'category.id', 'information_service.category_id')
    .select(['information_service.element_id as id', 'tier.key as tier', 'category.key as category'])
    .where('information_service.element_id', 'in', ids)
    .execute();
  await trx
    .updateTable('information_service')
    .set({
      ...(tierId !== undefined ? { tier_id: tierId, tier_tentative: 0 as const } : {}),
      ...(categoryId !== undefined ? { category_id: categoryId } : {}),
    })
    .where('element_id', 'in', ids)
    .execute();
  await trx
    .updateTable('element')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: actor.at.toISOString() }))
    .where('id', 'in', ids)
    .execute();
  await recordAudits(
    trx,
    before.map((row) => ({
      ...actor,
      action: 'element.bulk-move',
      entity: 'element',
      entityId: row.id,
      elementId: row.id,
      before: { tier: row.tier ?? '', category: row.category ?? '' },
      after: {
        tier: tierId === undefined ? (row.tier ?? '') : (target.tier ?? ''),
        category: categoryId === undefined ? (row.category ?? '') : (target.category ?? ''),
      },
    })),
  );
  return { ok: true, moved: ids.length };
}
