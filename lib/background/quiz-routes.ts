/**
 * Knowledge quiz routes (培训方案 七、效果评估 · 笔试): the quiz page sends the learner's answers,
 * the background grades them against the bundled quiz (the page never decides its own score),
 * stores a QuizResultRecord in db.quizResults and queues an xAPI statement.
 */
import type { QuizAnswers, WrittenScore } from '../assessment/quiz';
import { gradeWrittenTest } from '../assessment/quiz';
import type { QuizResultRecord } from '../db/database';
import { gradedQuiz, type QuizFile } from '../quiz/schema';
import { MessageRefused, type RouteTable } from './router';

export interface QuizServices {
  /** Bundled quizzes (virtual:zhiyin-quizzes, validated at build time). */
  quizzes: readonly QuizFile[];
  results: { add(record: QuizResultRecord): Promise<unknown> };
  /** Queues the quiz statement (lib/background/xapi-service.ts `quizScored`); optional. */
  xapi?: {
    quizScored(input: {
      quizId: string;
      quizTitle: string;
      attemptId: string;
      at: number;
      ms?: number;
      score: WrittenScore;
    }): Promise<unknown>;
  };
  now?: () => number;
  uuid?: () => string;
}

export interface SubmitQuizRequest {
  quizId: string;
  /** Option ids chosen, by question id. */
  answers: Record<string, string[]>;
  /** Time spent answering, in milliseconds. */
  ms: number;
}

/** Keeps only answers to questions of the quiz, as option ids of those questions. */
export function cleanAnswers(quiz: QuizFile, answers: unknown): Record<string, string[]> {
  if (!answers || typeof answers !== 'object')
    throw new MessageRefused('answers must be an object');
  const given = answers as Record<string, unknown>;
  const clean: Record<string, string[]> = {};
  for (const question of quiz.questions) {
    const value = Object.hasOwn(given, question.id) ? given[question.id] : undefined;
    if (value === undefined) continue;
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
      throw new MessageRefused(`answer to ${question.id} must be a list of option ids`);
    const options = new Set(question.options.map((option) => option.id));
    clean[question.id] = [...new Set(value as string[])].filter((id) => options.has(id));
  }
  return clean;
}

type QuizRouteNames = 'page:submitQuiz';

export function createQuizRoutes(services: QuizServices | undefined): RouteTable<QuizRouteNames> {
  return {
    'page:submitQuiz': {
      from: ['extension-page'],
      async handle(data) {
        if (!services) throw new MessageRefused('quizzes are not wired in this background');
        const quiz = services.quizzes.find((candidate) => candidate.id === data.quizId);
        if (!quiz) throw new MessageRefused(`unknown quiz: ${String(data.quizId)}`);
        const answers = cleanAnswers(quiz, data.answers);
        const graded = gradedQuiz(quiz);
        // Single-choice answers are stored as the one id, multiple-choice as the list.
        const stored: Record<string, string | string[]> = {};
        for (const question of quiz.questions) {
          const chosen = answers[question.id];
          if (chosen === undefined) continue;
          stored[question.id] = question.kind === 'single' ? (chosen[0] ?? '') : chosen;
        }
        const score = gradeWrittenTest(graded, stored as QuizAnswers);
        const at = (services.now ?? Date.now)();
        const ms = Number.isFinite(data.ms) && data.ms >= 0 ? Math.round(data.ms) : 0;
        const record: QuizResultRecord = {
          quizId: quiz.id,
          module: quiz.module,
          attemptId: (services.uuid ?? (() => crypto.randomUUID()))(),
          at,
          ms,
          answers: stored,
          grades: {},
          score,
          quizVersion: quiz.version,
        };
        await services.results.add(record);
        // The statement is queued after the record is stored; an LRS problem never loses it.
        await services.xapi
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
  };
}
