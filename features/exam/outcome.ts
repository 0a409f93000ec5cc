/** What the overlay shows of a practical assessment: the HUD while it runs, the result at its end. */

/** What the exam HUD needs: the task title comes with the tour. */
export interface ExamHud {
  attemptId: string;
  startedAt: number;
  timeLimitMs: number;
}

/** A practical assessment's result as the learner sees it at the end of the exam. */
export interface ExamOutcome {
  assessmentId: number;
  tourId: string;
  title: string;
  stepScore: number;
  timeScore: number;
  accuracyScore: number;
  total: number;
  passed: boolean;
  passScore: number;
  timedOut: boolean;
  /** Steps to retrain (补训), with their titles. */
  remedialSteps: { id: string; title: string }[];
}
