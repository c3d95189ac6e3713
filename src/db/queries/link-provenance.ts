import { sql, type Kysely } from 'kysely';
import { linkTypes, type LinkType, type LinkTypeInfo } from '../../../model/link-types.ts';
import { provenanceFromRow, type LinkProvenance } from '../../../model/provenance.ts';
import type { Database } from '../schema.ts';

/** The columns that hold a link's provenance; a capability's placement keeps them beside its part. */
export function provenanceColumns(type: LinkType) {
  return type === 'capabilitySolutionPart'
    ? { level: 'solution_part_provenance', note: 'solution_part_note', from: 'solution_part_source_from', to: 'solution_part_source_to' }
    : { level: 'provenance', note: 'provenance_note', from: 'source_from', to: 'source_to' };
}

/** The condition that picks one link by the values of its `ends`. */
export function whereEnds(type: LinkType, values: ReadonlyArray<number | string>) {
  const info: LinkTypeInfo = linkTypes[type];
  const conditions = info.ends.map((column, i) => sql`${sql.ref(column)} = ${values[i]}`);
  if (type === 'capabilitySolutionPart') conditions.push(sql`solution_part_id is not null`);
  return sql.join(conditions, sql` and `);
}

/** A link's provenance as stored now, or undefined when there is no such link. */
export async function readLinkProvenance(db: Kysely<Database>, type: LinkType, ends: ReadonlyArray<number | string>): Promise<LinkProvenance | undefined> {
  const c = provenanceColumns(type);
  const { rows } = await sql<{ provenance: string; provenance_note: string; source_from: number | null; source_to: number | null }>`
    select ${sql.ref(c.level)} as provenance, ${sql.ref(c.note)} as provenance_note, ${sql.ref(c.from)} as source_from, ${sql.ref(c.to)} as source_to
    from ${sql.table(linkTypes[type].table)} where ${whereEnds(type, ends)}`.execute(db);
  return rows[0] ? provenanceFromRow(rows[0]) : undefined;
}
