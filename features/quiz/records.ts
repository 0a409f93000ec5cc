/** Records of this feature, stored in the extension database (app/database.ts). */

import type { QuizAnswers, ShortAnswerGrades, WrittenScore } from './grading';
import type { ImportedMark } from '../progress/records';

/** v2: one written quiz (知识测验 / 笔试) attempt. */
export interface QuizResultRecord {
  id?: number;
  quizId: string;
  /** The quiz's module (认知 / 操作 / 规范 / 安全 / 进阶). */
  module: string;
  /** UUID of this attempt. */
  attemptId: string;
  at: number;
  /** Time spent answering. */
  ms: number;
  answers: QuizAnswers;
  grades: ShortAnswerGrades;
  score: WrittenScore;
  /** Quizzes area: the quiz content version (tours/quizzes/<id>.yaml `version`) answered. */
  quizVersion?: number;
  /**
   * Quizzes area: key points (要点) each short answer covered, by question id (ids of the quiz's
   * `keyPoints`; features/quiz/short-answer.ts). Absent on records without short answers.
   */
  shortAnswerPoints?: Record<string, string[]>;
  /** v3: set when the row came from a progress file (never on this machine's own rows). */
  imported?: ImportedMark;
}

/** A written quiz scored and stored: what learning-record listeners (xAPI) hear about it. */
export interface QuizScored {
  quizId: string;
  quizTitle: string;
  attemptId: string;
  at: number;
  ms?: number;
  score: WrittenScore;
}
