import { answerProblem } from './schemas.ts';
import type { StoredEntry } from './types.ts';
import type { MessageKey } from '../../views/i18n/keys.ts';

export interface ReviewProgress<S> {
  total: number;
  answered: number;
  /** Services without a stance: a submission counts them as unanswered. */
  unanswered: S[];
  /** What stops a submission, each with the service at fault when there is one. */
  problems: Array<{ service: S | null; message: MessageKey }>;
}

/**
 * How far a municipality has come with a round's list, and whether what it has stored can be
 * submitted: at least one stance, and every answer complete (drafts saved under older rules may
 * not be).
 */
export function reviewProgress<S extends { id: number }>(services: readonly S[], entries: readonly StoredEntry[]): ReviewProgress<S> {
  const entryOf = new Map(entries.map((e) => [e.roundServiceId, e]));
  const unanswered: S[] = [];
  const problems: ReviewProgress<S>['problems'] = [];
  for (const service of services) {
    const entry = entryOf.get(service.id);
    if (!entry) {
      unanswered.push(service);
      continue;
    }
    const problem = answerProblem(entry.stance, entry.comment);
    if (problem) problems.push({ service, message: problem.message });
  }
  const answered = services.length - unanswered.length;
  if (answered === 0) problems.unshift({ service: null, message: 'review.error.atLeastOneYou' });
  return { total: services.length, answered, unanswered, problems };
}
