import type { Kysely, Transaction } from 'kysely';
import { roleSchema } from '../../../../model/accounts.ts';
import type { CountyStatusCount } from '../../../../model/review/coverage.ts';
import { intentionStatuses, type IntentionStatus } from '../../../../model/review/schemas.ts';
import type { IntentionDeclaration } from '../../../../model/review/types.ts';
import type { Municipality } from '../../../../model/schemas.ts';
import type { Database } from '../../schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

function declarationQuery(db: Executor) {
  return db
    .selectFrom('intention_declaration as d')
    .leftJoin('app_user as u', 'u.id', 'd.updated_by')
    .select(['d.municipality_number', 'd.status', 'd.decided_on', 'd.reference', 'd.updated_at', 'u.name as updated_by_name', 'u.role as updated_by_role']);
}

type DeclarationRow = Awaited<ReturnType<ReturnType<typeof declarationQuery>['executeTakeFirstOrThrow']>>;

const toDeclaration = (r: DeclarationRow): IntentionDeclaration => ({
  municipalityNumber: r.municipality_number,
  status: r.status as IntentionStatus,
  decidedOn: r.decided_on,
  reference: r.reference,
  updatedAt: r.updated_at,
  updatedByName: r.updated_by_name,
  updatedByRole: r.updated_by_role === null ? null : roleSchema.parse(r.updated_by_role),
});

/** Every declaration made (one query); municipalities without one have not taken a position. */
export async function allDeclarations(db: Executor): Promise<IntentionDeclaration[]> {
  return (await declarationQuery(db).orderBy('d.municipality_number').execute()).map(toDeclaration);
}

export async function declarationOf(db: Executor, municipalityNumber: string): Promise<IntentionDeclaration | undefined> {
  const row = await declarationQuery(db).where('d.municipality_number', '=', municipalityNumber).executeTakeFirst();
  return row && toDeclaration(row);
}

/**
 * The municipalities per county and intention status (no declaration: undecided), with their
 * inhabitants, counted in one query: what the dashboard's coverage needs, not every municipality
 * and declaration (`countyStatusCounts` in `model/` is the reference).
 */
export async function countyStatusCountsOf(db: Executor): Promise<CountyStatusCount[]> {
  const rows = await db
    .selectFrom('municipality as m')
    .leftJoin('intention_declaration as d', 'd.municipality_number', 'm.number')
    .groupBy(['m.county_number', 'm.county_name', 'd.status'])
    .select((eb) => ['m.county_number', 'm.county_name', 'd.status', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('m.population').as('p')])
    .orderBy('m.county_number')
    .execute();
  return rows.map((r) => ({
    countyNumber: r.county_number,
    countyName: r.county_name,
    status: (intentionStatuses as readonly string[]).includes(r.status ?? '') ? (r.status as IntentionStatus) : 'undecided',
    municipalities: Number(r.n),
    population: Number(r.p),
  }));
}

/** Every municipality, by number (one query). */
export async function listMunicipalities(db: Executor): Promise<Municipality[]> {
  const rows = await db.selectFrom('municipality').selectAll().orderBy('number').execute();
  return rows.map((m) => ({ number: m.number, name: m.name, countyNumber: m.county_number, countyName: m.county_name, population: m.population }));
}

/**
 * The counties whose municipalities lie outside the shared municipal record: those of the regions
 * whose record solution is another (Helseplattformen in Midt-Norge, lines 1459-1490), each with
 * the region, its provenance and the reason the county is tied to it. Modelled, not configured.
 */
export async function countiesOutsideSharedRecord(
  db: Executor,
): Promise<Array<{ countyNumber: string; regionName: string; regionKey: string; level: string; note: string }>> {
  const rows = await db
    .selectFrom('region_county')
    .innerJoin('region', 'region.element_id', 'region_county.region_id')
    .innerJoin('element', 'element.id', 'region.element_id')
    .select(['region_county.county_number', 'element.name', 'element.key', 'region_county.provenance', 'region_county.provenance_note'])
    .where('region.record_solution', '!=', 'felles-kommunal-journal')
    .orderBy('region_county.county_number')
    .execute();
  return rows.map((r) => ({ countyNumber: r.county_number, regionName: r.name, regionKey: r.key, level: r.provenance, note: r.provenance_note }));
}

export async function municipalityByNumber(db: Executor, number: string): Promise<Municipality | undefined> {
  const m = await db.selectFrom('municipality').selectAll().where('number', '=', number).executeTakeFirst();
  return m && { number: m.number, name: m.name, countyNumber: m.county_number, countyName: m.county_name, population: m.population };
}
