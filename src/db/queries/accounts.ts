import type { Kysely, Transaction } from 'kysely';
import {
  organisationKindSchema,
  roleSchema,
  type MunicipalityOption,
  type Organisation,
  type UserBinding,
  type UserSummary,
} from '../../../model/accounts.ts';
import type { Message } from '../../../model/messages.ts';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** The fields an audit record keeps of a user: never the password hash. */
export type UserRecord = Pick<UserSummary, 'email' | 'name' | 'role' | 'municipalityNumber' | 'organisationId' | 'disabledAt'>;

function userQuery(db: Executor) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('municipality as m', 'm.number', 'u.municipality_number')
    .leftJoin('organisation as o', 'o.id', 'u.organisation_id')
    .select((eb) => [
      'u.id',
      'u.email',
      'u.name',
      'u.role',
      'u.municipality_number',
      'm.name as municipality_name',
      'u.organisation_id',
      'o.name as organisation_name',
      'u.disabled_at',
      'u.created_at',
      eb.selectFrom('user_session as s').select((s) => s.fn.max('s.last_seen_at').as('m')).whereRef('s.user_id', '=', 'u.id').as('last_seen_at'),
    ]);
}

type UserRow = Awaited<ReturnType<ReturnType<typeof userQuery>['executeTakeFirstOrThrow']>>;

function toSummary(r: UserRow): UserSummary {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: roleSchema.parse(r.role),
    municipalityNumber: r.municipality_number,
    municipalityName: r.municipality_name,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    disabledAt: r.disabled_at,
    createdAt: r.created_at,
    lastSeenAt: (r.last_seen_at as string | null) ?? null,
  };
}

export function userRecord(u: UserSummary): UserRecord {
  return { email: u.email, name: u.name, role: u.role, municipalityNumber: u.municipalityNumber, organisationId: u.organisationId, disabledAt: u.disabledAt };
}

export async function listUsers(db: Db): Promise<UserSummary[]> {
  return (await userQuery(db).orderBy('u.name').orderBy('u.id').execute()).map(toSummary);
}

export async function userById(db: Executor, id: number): Promise<UserSummary | undefined> {
  const row = await userQuery(db).where('u.id', '=', id).executeTakeFirst();
  return row && toSummary(row);
}

/** What sign-in needs: the hash and whether the user may sign in. */
export async function credentialsByEmail(db: Db, email: string) {
  return db.selectFrom('app_user').select(['id', 'role', 'password_hash', 'disabled_at']).where('email', '=', email).executeTakeFirst();
}

export async function emailTaken(db: Executor, email: string, exceptUserId?: number): Promise<boolean> {
  let query = db.selectFrom('app_user').select('id').where('email', '=', email);
  if (exceptUserId !== undefined) query = query.where('id', '!=', exceptUserId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function activeAdministratorCount(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'administrator')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Which of the binding's targets do not exist, as form field names with a catalogue message. */
export async function bindingProblems(db: Executor, binding: UserBinding): Promise<Record<string, Message>> {
  const problems: Record<string, Message> = {};
  if (binding.municipalityNumber) {
    const found = await db.selectFrom('municipality').select('number').where('number', '=', binding.municipalityNumber).executeTakeFirst();
    if (!found) problems.municipality = { key: 'admin.error.noMunicipalityNumber', values: { number: binding.municipalityNumber } };
  }
  if (binding.organisationId) {
    const found = await db.selectFrom('organisation').select('id').where('id', '=', binding.organisationId).executeTakeFirst();
    if (!found) problems.organisation = { key: 'admin.error.organisationGone' };
  }
  return problems;
}

function organisationQuery(db: Executor) {
  return db
    .selectFrom('organisation as o')
    .select((eb) => [
      'o.id',
      'o.name',
      'o.kind',
      'o.contact',
      eb.selectFrom('app_user as u').select((s) => s.fn.countAll<number>().as('n')).whereRef('u.organisation_id', '=', 'o.id').as('user_count'),
    ]);
}

function toOrganisation(r: { id: number; name: string; kind: string; contact: string; user_count: number | null }): Organisation {
  return { id: r.id, name: r.name, kind: organisationKindSchema.parse(r.kind), contact: r.contact, userCount: Number(r.user_count ?? 0) };
}

export async function listOrganisations(db: Executor): Promise<Organisation[]> {
  return (await organisationQuery(db).orderBy('o.name').execute()).map(toOrganisation);
}

export async function organisationById(db: Executor, id: number): Promise<Organisation | undefined> {
  const row = await organisationQuery(db).where('o.id', '=', id).executeTakeFirst();
  return row && toOrganisation(row);
}

export async function organisationByName(db: Executor, name: string): Promise<Organisation | undefined> {
  const row = await organisationQuery(db).where('o.name', '=', name).executeTakeFirst();
  return row && toOrganisation(row);
}

export async function organisationNameTaken(db: Executor, name: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom('organisation').select('id').where('name', '=', name);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function municipalityOptions(db: Db): Promise<MunicipalityOption[]> {
  return db.selectFrom('municipality').select(['number', 'name']).orderBy('name').orderBy('number').execute();
}
