/** Records of this feature, stored in the extension database (app/database.ts). */

import type { RunnerSnapshot, TourRecord } from './runner';
import type { ImportedMark } from '../progress/records';

/** One tour event (started, step shown/completed/skipped/failed, finished, abandoned). */
export interface TourEventRecord {
  id?: number;
  tourId: string;
  kind: TourRecord['kind'];
  at: number;
  tabId: number | null;
  stepId: string | null;
  stepIndex: number | null;
  /** Time taken: the step's for step-completed, the whole tour's for finished/abandoned. */
  ms: number | null;
  reason: string | null;
  /** v3: set when the row came from a progress file (never on this machine's own rows). */
  imported?: ImportedMark;
}

export type TourProgressStatus = 'in-progress' | 'completed' | 'abandoned' | 'interrupted';

/** Where the learner stands with one tour (one row per tour id). */
export interface TourProgressRecord {
  tourId: string;
  status: TourProgressStatus;
  stepCount: number;
  /** Highest step reached in the latest attempt, 0-based. */
  lastStepIndex: number;
  attempts: number;
  completions: number;
  firstStartedAt: number;
  updatedAt: number;
  completedAt: number | null;
  /** Runner state of an interrupted attempt (tab closed mid-tour), to offer resuming it. */
  snapshot: RunnerSnapshot | null;
  /** v3: set when the row came from a progress file (never on this machine's own rows). */
  imported?: ImportedMark;
}
