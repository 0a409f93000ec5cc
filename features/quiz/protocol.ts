/** Messages of the quiz page (知识测验). */
import type { QuizResultRecord } from './records';

export interface SubmitQuizRequest {
  quizId: string;
  /** Option ids chosen (choice questions) or the text written (short answers), by question id. */
  answers: Record<string, string[] | string>;
  /** Time spent answering, in milliseconds. */
  ms: number;
}

/** Quiz messages (routes: features/quiz/background/routes.ts). */
export interface QuizMessages {
  /** Grades the answers against the bundled quiz, stores and returns the result record. */
  'page:submitQuiz'(data: SubmitQuizRequest): QuizResultRecord;
  /** The learner's quiz results, newest first (成绩记录). */
  'page:listQuizResults'(): QuizResultRecord[];
}
