import type { Municipality } from '../schemas.ts';
import { stances, type Stance } from './schemas.ts';

export type Answer = Stance | 'unanswered';
export const answers: readonly Answer[] = [...stances, 'unanswered'];

/** One stance from a submitted review. */
export interface SubmittedStance {
  municipalityNumber: string;
  roundServiceId: number;
  stance: Stance;
}

export interface ServiceTally<S> {
  service: S;
  /** Municipalities per answer, and the population they hold. "unanswered": submitted without a stance on this service. */
  counts: Record<Answer, number>;
  population: Record<Answer, number>;
  /** Inhabitants in municipalities that oppose or want changes: how contested the service is. */
  contested: number;
}

type Pop = Pick<Municipality, 'number' | 'population'>;

/**
 * Each service's stances from the submitted reviews, counted and weighted by the population of
 * the municipalities that took them. Every municipality that submitted counts once per service:
 * under its stance, or as unanswered.
 */
export function stanceTallies<S extends { id: number }>(
  services: readonly S[],
  submitted: readonly string[],
  submittedStances: readonly SubmittedStance[],
  municipalities: readonly Pop[],
): Array<ServiceTally<S>> {
  const population = new Map(municipalities.map((m) => [m.number, m.population]));
  const reviewers = [...new Set(submitted)].map((number) => ({ number, population: population.get(number) ?? 0 }));
  const byService = new Map<number, Map<string, Stance>>();
  for (const s of submittedStances) {
    let stanceOf = byService.get(s.roundServiceId);
    if (!stanceOf) byService.set(s.roundServiceId, (stanceOf = new Map()));
    stanceOf.set(s.municipalityNumber, s.stance);
  }
  return services.map((service) => {
    const counts: Record<Answer, number> = { supports: 0, 'supports-with-changes': 0, opposes: 0, 'no-opinion': 0, unanswered: 0 };
    const weights: Record<Answer, number> = { supports: 0, 'supports-with-changes': 0, opposes: 0, 'no-opinion': 0, unanswered: 0 };
    const stanceOf = byService.get(service.id);
    for (const reviewer of reviewers) {
      const answer: Answer = stanceOf?.get(reviewer.number) ?? 'unanswered';
      counts[answer]++;
      weights[answer] += reviewer.population;
    }
    return { service, counts, population: weights, contested: weights.opposes + weights['supports-with-changes'] };
  });
}

/** The orders the dashboard's service table can be sorted in. */
export const tallySorts = ['liste', 'omstridt', 'mot', 'endringer', 'stotter'] as const;
export type TallySort = (typeof tallySorts)[number];

/** The tallies in the chosen order; ties keep the list's order. */
export function sortTallies<S>(tallies: ReadonlyArray<ServiceTally<S>>, sort: TallySort): Array<ServiceTally<S>> {
  const key: Record<TallySort, (t: ServiceTally<S>) => [number, number]> = {
    liste: () => [0, 0],
    omstridt: (t) => [t.contested, t.counts.opposes + t.counts['supports-with-changes']],
    mot: (t) => [t.population.opposes, t.counts.opposes],
    endringer: (t) => [t.population['supports-with-changes'], t.counts['supports-with-changes']],
    stotter: (t) => [t.population.supports, t.counts.supports],
  };
  return tallies
    .map((t, i) => ({ t, i, k: key[sort](t) }))
    .sort((a, b) => b.k[0] - a.k[0] || b.k[1] - a.k[1] || a.i - b.i)
    .map((x) => x.t);
}
