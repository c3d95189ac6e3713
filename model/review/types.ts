import type { Role } from '../accounts.ts';
import type { IntentionStatus, ReviewStatus, Stance } from './schemas.ts';
import type { SnapshotService } from './snapshot.ts';

/** A review round as the pages show it, with how far the municipalities have come. */
export interface ReviewRound {
  id: number;
  title: string;
  deadlineOn: string;
  closesAt: string;
  openedAt: string;
  openedByName: string | null;
  closedAt: string | null;
  closedByName: string | null;
  serviceCount: number;
  submittedCount: number;
  draftCount: number;
}

/** A service on a round's frozen list. */
export interface FrozenService extends SnapshotService {
  id: number;
  position: number;
}

export interface MunicipalityReview {
  id: number;
  roundId: number;
  municipalityNumber: string;
  status: ReviewStatus;
  createdAt: string;
  updatedAt: string;
  updatedByName: string | null;
  submittedAt: string | null;
  submittedByName: string | null;
  reopenedAt: string | null;
  reopenedByName: string | null;
}

/** A stance stored in a review, by the round's frozen service. */
export interface StoredEntry {
  roundServiceId: number;
  stance: Stance;
  comment: string;
}

/** A municipality's current declaration; a municipality without one has not taken a position. */
export interface IntentionDeclaration {
  municipalityNumber: string;
  status: IntentionStatus;
  decidedOn: string | null;
  reference: string;
  updatedAt: string;
  updatedByName: string | null;
  updatedByRole: Role | null;
}
