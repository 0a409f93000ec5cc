/** Messages of practical assessments (实操考核) and remedial training (补训). */
import type { TourInstruction } from '../tour/protocol';

/** Exam messages (routes: features/exam/background/routes.ts). */
export interface ExamMessages {
  /**
   * Starts a task tour as a practical assessment (实操考核) in a tab, or (null: the dashboard) in
   * an open tab of the system where the tour applies.
   */
  'page:startExam'(data: { tabId: number | null; tourId: string }): {
    started: boolean;
    reason?: string;
  };
  /**
   * Starts the remedial training (补训) of an assessment attempt, in the given tab or (null) in an
   * open tab of the system where the tour applies.
   */
  'page:startRemedial'(data: { assessmentId: number; tabId: number | null }): {
    started: boolean;
    reason?: string;
  };
  /** 开始补训 on the exam result card in the page. */
  'content:startRemedial'(data: { assessmentId: number; url: string }): TourInstruction | null;
}
