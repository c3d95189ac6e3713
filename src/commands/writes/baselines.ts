import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * A frozen baseline's compact form (migration 0024) as the freezing use case writes it (issue 10:
 * the reads and the diff over it stay in `src/db/queries/baselines.ts`).
 */

/** Rows per INSERT: four parameters each, well under either engine's limit. */
const compactChunk = 500;

function fingerprintOf(data: string): string {
  return createHash('sha1').update(data).digest('hex');
}

/** Writes a frozen baseline's compact form: the header row and one row per element (inside the freezing transaction). */
export async function writeBaselineElements(trx: Transaction<Database>, baselineId: number, rows: ReadonlyArray<{ id: number; data: string }>): Promise<void> {
  for (let i = 0; i < rows.length; i += compactChunk) {
    await trx
      .insertInto('baseline_element')
      .values(rows.slice(i, i + compactChunk).map((r) => ({ baseline_id: baselineId, element_id: r.id, fingerprint: fingerprintOf(r.data), data: r.data })))
      .execute();
  }
}
