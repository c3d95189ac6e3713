import type { Round, RoundInput } from '../../model/consultation.ts';
import { contentVersion } from '../../model/versions.ts';
import type { Db } from '../db/index.ts';
import { roundById, roundItems, roundRecord } from '../db/queries/consultation-rounds.ts';
import { insertRound, updateRound, type RoundWriteResult } from './writes/consultation-rounds.ts';
import { NotFound } from './errors.ts';
import { baselineForRound } from './baselines.ts';
import { change, type Caller } from './run.ts';

/** Architects open consultation rounds and change them. */

/** The version of a round an edit form shows: its fields and the elements it holds. */
export const consultationRoundVersion = (round: Round, elementIds: number[]) => contentVersion(roundRecord(round, [...elementIds].sort((a, b) => a - b)));

/**
 * Opens a round on a baseline (issue 13): the one named (`baseline`), or one frozen now of the
 * model as it is, so every comment can say which wording it was written against.
 */
export function createConsultationRound(db: Db, caller: Caller, input: RoundInput, baseline: number | null = null): Promise<RoundWriteResult> {
  return change(db, caller, 'consultation.manage', {
    load: async () => undefined,
    write: async (trx, _, audit) => {
      const baselineId = await baselineForRound(trx, baseline, { label: 'Høring', title: input.title }, caller, audit);
      if (baselineId === undefined) return { kind: 'invalid', errors: { baseline: { key: 'requirement.round.baselineMissing' } } };
      const inserted = await insertRound(trx, input, caller.at);
      if (inserted.kind === 'ok') {
        await trx.updateTable('consultation_round').set({ baseline_id: baselineId }).where('id', '=', inserted.id).execute();
        await audit({
          action: 'consultation.round.create',
          entity: 'consultation_round',
          entityId: inserted.id,
          after: { ...roundRecord(input, input.elements), baselineId },
        });
      }
      return inserted;
    },
  });
}

export type RoundUpdate = RoundWriteResult | { kind: 'stale'; stored: Round & { elements: number[]; version: string } };

/**
 * Changes a round's fields and elements. `shown` is the version the form was opened on: when the
 * round has changed since, nothing is written and the stored round comes back to show beside.
 */
export function updateConsultationRound(db: Db, caller: Caller, roundId: number, input: RoundInput, shown: string | undefined): Promise<RoundUpdate> {
  return change(db, caller, 'consultation.manage', {
    load: async (trx) => {
      const round = await roundById(trx, roundId);
      if (!round) throw new NotFound({ key: 'errors.refused.noConsultationRound' });
      const elements = (await roundItems(trx, round.id)).flatMap((i) => (i.elementId === null ? [] : [i.elementId]));
      return { round, elements };
    },
    write: async (trx, { round, elements }, audit): Promise<RoundUpdate> => {
      const storedVersion = consultationRoundVersion(round, elements);
      if (shown !== undefined && shown !== storedVersion) return { kind: 'stale', stored: { ...round, elements, version: storedVersion } };
      const updated = await updateRound(trx, round, input, caller.at);
      if (updated.kind === 'ok') {
        await audit({
          action: 'consultation.round.update',
          entity: 'consultation_round',
          entityId: round.id,
          before: roundRecord(round, elements),
          after: roundRecord(input, input.elements),
        });
      }
      return updated;
    },
  });
}
