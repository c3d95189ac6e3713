import type { Generated } from 'kysely';

/** Consultation rounds, their items, comments, comment versions, replies and visits (migration 0005). */
export interface ConsultationRoundTable {
  id: Generated<number>;
  title: string;
  description: Generated<string>;
  phase: string;
  opens_on: string;
  closes_on: string;
  created_at: string;
  updated_at: string;
  /** The baseline the round was opened on (migration 0013). */
  baseline_id: number | null;
}

/** An element open for comment in a round; the snapshot names it after the element is deleted. */
export interface ConsultationItemTable {
  id: Generated<number>;
  round_id: number;
  /** ON DELETE SET NULL. */
  element_id: number | null;
  element_kind: string;
  element_key: string;
  element_name: string;
  position: number;
}

export interface ConsultationCommentTable {
  id: Generated<number>;
  round_id: number;
  item_id: number;
  organisation_id: number;
  author_id: number | null;
  kind: string;
  text: string;
  proposal: string | null;
  base_text: string | null;
  /** Wordings: 1, 2, … (what the pages call "versjon"). */
  version: Generated<number>;
  /** Every change to the wording or the handling bumps it; the forms carry it (migration 0006). */
  revision: Generated<number>;
  updated_by: number | null;
  status: Generated<string>;
  answer: string | null;
  answered_at: string | null;
  answered_by: number | null;
  /** The wording the answer was given to, and the status given with it (migration 0006). */
  answered_version: number | null;
  answered_status: string | null;
  /** An applied change proposal: the comment's wording applied, the element version it made, when and by whom (migration 0008). */
  applied_comment_version: number | null;
  applied_element_version: number | null;
  applied_at: string | null;
  applied_by: number | null;
  hidden_at: string | null;
  hidden_by: number | null;
  hidden_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface ConsultationCommentVersionTable {
  id: Generated<number>;
  comment_id: number;
  version: number;
  kind: string;
  text: string;
  proposal: string | null;
  base_text: string | null;
  written_at: string;
  written_by: number | null;
  /** The answer this wording got, kept when the organisation rewrote it (migration 0006). */
  status: string | null;
  answer: string | null;
  answered_at: string | null;
}

export interface ConsultationReplyTable {
  id: Generated<number>;
  comment_id: number;
  author_id: number | null;
  organisation_id: number | null;
  text: string;
  created_at: string;
}

export interface ConsultationVisitTable {
  user_id: number;
  round_id: number;
  session_id: string;
  last_seen_at: string;
  previous_seen_at: string | null;
}
