import type { Generated, Selectable } from 'kysely';
import type { Flag } from './elements.ts';

/** A review round of the first-delivery list (migration 0004). Times are ISO strings. */
export interface ReviewRoundTable {
  id: Generated<number>;
  title: string;
  /** The last day of the round, a Norwegian calendar date. */
  deadline_on: string;
  /** The instant that day ends in Norway: the round is closed from then on. */
  closes_at: string;
  opened_at: string;
  opened_by: number | null;
  closed_at: string | null;
  closed_by: number | null;
  /** The baseline the round was opened on (migration 0013). */
  baseline_id: number | null;
}

/** The round's frozen copy of one service on the list; `element_id` is null once the service is deleted. */
export interface ReviewRoundServiceTable {
  id: Generated<number>;
  round_id: number;
  position: number;
  element_id: number | null;
  element_version: number;
  key: string;
  name: string;
  description: string;
  category_key: string | null;
  category_name: string | null;
  tier_key: string | null;
  tier_name: string | null;
  tentative: Flag;
}

export interface MunicipalityReviewTable {
  id: Generated<number>;
  round_id: number;
  municipality_number: string;
  status: 'draft' | 'submitted';
  created_at: string;
  updated_at: string;
  updated_by: number | null;
  submitted_at: string | null;
  submitted_by: number | null;
  reopened_at: string | null;
  reopened_by: number | null;
}

export interface ReviewStanceTable {
  review_id: number;
  round_service_id: number;
  stance: string;
  comment: string;
}

/** Per frozen service and stance: the submitted reviews' count and population (kept by triggers, migration 0025). */
export interface ReviewTallyTable {
  round_service_id: number;
  stance: string;
  n: number;
  p: number;
}

/** Per frozen service: the tallies of `review_tally` side by side, with the order's keys indexed (kept by triggers, migration 0027). */
export interface ReviewServiceTallyTable {
  round_service_id: number;
  round_id: number;
  position: number;
  n_supports: number;
  p_supports: number;
  n_supports_with_changes: number;
  p_supports_with_changes: number;
  n_opposes: number;
  p_opposes: number;
  n_no_opinion: number;
  p_no_opinion: number;
}

export interface IntentionDeclarationTable {
  municipality_number: string;
  status: string;
  decided_on: string | null;
  reference: string;
  updated_at: string;
  updated_by: number | null;
}

export type ReviewRoundRow = Selectable<ReviewRoundTable>;
export type ReviewRoundServiceRow = Selectable<ReviewRoundServiceTable>;
export type MunicipalityReviewRow = Selectable<MunicipalityReviewTable>;
