/**
 * Knowledge quiz routes (培训方案 七、效果评估 · 笔试): the quiz page sends the learner's answers,
 * the background grades them against the bundled quiz (the page never decides its own score),
 * stores a QuizResultRecord in db.quizResults and queues an xAPI statement. Short answers (简答题)
 * are graded here too, by their key points (features/quiz/short-answer.ts).
 */
import type { QuizScored } from '../records';
import type { QuizMessages } from '../protocol';
import type { QuizAnswers } from '../grading';
import { gradeWrittenTest } from '../grading';
import type { QuizResultRecord } from '../records';
import { gradedQuiz, type QuizFile } from '../schema';
import { gradeShortAnswer, shortAnswerPoints as shortPoints } from '../short-answer';
import { MessageRefused, type RouteTable } from '../../../lib/messaging/router';

export interface QuizServices {
  /** Bundled quizzes (virtual:zhiyin-quizzes, validated at build time). */
  quizzes: readonly QuizFile[];
  results: {
    add(record: QuizResultRecord): Promise<unknown>;
    /** Every stored result, newest first (the quiz page's 成绩记录). */
    newestFirst(): Promise<QuizResultRecord[]>;
  };
  /** Tells the learning-record events a result was stored (xAPI subscribes); optional. */
  events?: {
    quizScored(input: QuizScored): Promise<unknown>;
  };
  now?: () => number;
  uuid?: () => string;
}

/** Longest short answer accepted, in characters (the page's text box stops at 1,000). */
export const SHORT_ANSWER_MAX = 2000;

/**
 * Keeps only answers to questions of the quiz: option ids of those questions for choice questions,
 * trimmed text for short answers.
 */
export function cleanAnswers(quiz: QuizFile, answers: unknown): Record<string, string[] | string> {
  if (!answers || typeof answers !== 'object')
    throw new MessageRefused('answers must be an object');
  const given = answers as Record<string, unknown>;
  const clean: Record<string, string[] | string> = {};
  for (const question of quiz.questions) {
    const value = Object.hasOwn(given, question.id) ? given[question.id] : undefined;
    if (value === undefined) continue;
    if (question.kind === 'short') {
      if (typeof value !== 'string')
        throw new MessageRefused(`answer to ${question.id} must be text`);
      if (value.length > SHORT_ANSWER_MAX)
        throw new MessageRefused(
          `answer to ${question.id} is longer than ${SHORT_ANSWER_MAX} characters`,
        );
      clean[question.id] = value.trim();
      continue;
    }
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
      throw new MessageRefused(`answer to ${question.id} must be a list of option ids`);
    const options = new Set(question.options.map((option) => option.id));
    clean[question.id] = [...new Set(value as string[])].filter((id) => options.has(id));
  }
  return clean;
}

/**
 * Grades an attempt: choice questions by features/quiz/grading.ts, short answers by their key points
 * (features/quiz/short-answer.ts) — those points are the grades, so the result is never pending.
 */
export function gradeQuizAttempt(quiz: QuizFile, answers: Record<string, string[] | string>) {
  // Single-choice answers are stored as the one id, multiple-choice as the list, short as text.
  const stored: Record<string, string | string[]> = {};
  const grades: Record<string, number> = {};
  const shortAnswerPoints: Record<string, string[]> = {};
  for (const question of quiz.questions) {
    const given = answers[question.id];
    if (question.kind === 'short') {
      const text = typeof given === 'string' ? given : '';
      if (given !== undefined) stored[question.id] = text;
      const grade = gradeShortAnswer(question.keyPoints, text);
      grades[question.id] = shortPoints(grade, question.points ?? 1);
      shortAnswerPoints[question.id] = grade.found;
      continue;
    }
    if (given === undefined) continue;
    const chosen = typeof given === 'string' ? [given] : given;
    stored[question.id] = question.kind === 'single' ? (chosen[0] ?? '') : chosen;
  }
  const score = gradeWrittenTest(gradedQuiz(quiz), stored as QuizAnswers, grades);
  return { answers: stored, grades, shortAnswerPoints, score };
}

export function createQuizRoutes(services: QuizServices | undefined): RouteTable<QuizMessages> {
  return {
    'page:submitQuiz': {
      from: ['extension-page'],
      async handle(data) {
        if (!services) throw new MessageRefused('quizzes are not wired in this background');
        const quiz = services.quizzes.find((candidate) => candidate.id === data.quizId);
        if (!quiz) throw new MessageRefused(`unknown quiz: ${String(data.quizId)}`);
        const graded = gradeQuizAttempt(quiz, cleanAnswers(quiz, data.answers));
        const score = graded.score;
        const at = (services.now ?? Date.now)();
        const ms = Number.isFinite(data.ms) && data.ms >= 0 ? Math.round(data.ms) : 0;
        const record: QuizResultRecord = {
          quizId: quiz.id,
          module: quiz.module,
          attemptId: (services.uuid ?? (() => crypto.randomUUID()))(),
          at,
          ms,
          answers: graded.answers,
          grades: graded.grades,
          score,
          quizVersion: quiz.version,
          ...(Object.keys(graded.shortAnswerPoints).length > 0
            ? { shortAnswerPoints: graded.shortAnswerPoints }
            : {}),
        };
        await services.results.add(record);
        // The statement is queued after the record is stored; an LRS problem never loses it.
        await services.events
          ?.quizScored({
            quizId: quiz.id,
            quizTitle: quiz.title,
            attemptId: record.attemptId,
            at,
            ms,
            score,
          })
          .catch(() => null);
        return record;
      },
    },
    'page:listQuizResults': {
      from: ['extension-page'],
      handle: () => (services ? services.results.newestFirst() : []),
    },
  };
}
