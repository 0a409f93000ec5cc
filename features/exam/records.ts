/** Records of this feature, stored in the extension database (app/database.ts). */

import type { PracticalScore } from './scoring';
import type { ImportedMark } from '../progress/records';

/** v2: one practical assessment (实操考核) attempt: a task tour run as an exam. */
export interface AssessmentRecord {
  id?: number;
  /** The tour run as an exam. */
  tourId: string;
  /** UUID of this attempt (xAPI registration). */
  attemptId: string;
  startedAt: number;
  /** Epoch ms of finish, exit or time-out; null while running. */
  endedAt: number | null;
  status: 'running' | 'passed' | 'failed' | 'abandoned';
  /** The score (features/exam/scoring.ts); null while running or when abandoned unscored. */
  score: PracticalScore | null;
  /** Steps to retrain (补训), copied from the score for the index. */
  remedialStepIds: string[];
  /** When the remedial tour for this attempt was completed; null until then. */
  remedialCompletedAt: number | null;
  /** v3: set when the row came from a progress file (never on this machine's own rows). */
  imported?: ImportedMark;
}
