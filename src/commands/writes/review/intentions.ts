import type { Transaction } from 'kysely';
import type { IntentionInput } from '../../../../model/review/schemas.ts';
import type { Database } from '../../../db/schema.ts';

/**
 * A municipality's declaration of intent as the use case writes it (issue 10: the reads stay in
 * `src/db/queries/review/intentions.ts`), in the use case's transaction, which audits it.
 */

/** Records a municipality's declaration, replacing the one before; call inside the transaction that audits it. */
export async function saveDeclaration(trx: Transaction<Database>, municipalityNumber: string, input: IntentionInput, at: Date, userId: number | null): Promise<void> {
  const values = { status: input.status, decided_on: input.date ?? null, reference: input.reference, updated_at: at.toISOString(), updated_by: userId };
  await trx
    .insertInto('intention_declaration')
    .values({ municipality_number: municipalityNumber, ...values })
    .onConflict((oc) => oc.column('municipality_number').doUpdateSet(values))
    .execute();
}
