/**
 * Build-time quiz loading (Node only): every `<dir>/quizzes/*.yaml` (or `.yml`, `.json`) of the
 * content folders, read and validated by the shared content-collection loader
 * (lib/content/collection.ts: ids equal file names and are unique), plus what is the quizzes' own:
 * one quiz per module, and every `learn:` link names a tour or help article of the build.
 *
 * `tours/quizzes/anquan.yaml:12:7: questions[1].answer: answer "e" is not an option (options: a, b, c, d)`.
 */
import type { ContentError } from '../../lib/content/collection';
import { errorAt, loadCollection, unknownId } from '../../lib/content/collection';
import { QuizFileSchema, type QuizFile } from './schema';

export interface LoadQuizzesOptions {
  /** Ids of the tours in the build; `learn.tours` must name one of them. */
  tourIds: readonly string[];
  /** Ids of the help articles in the build; `learn.articles` must name one of them. */
  articleIds: readonly string[];
  /** Base for the file names in errors. Default: process.cwd(). */
  cwd?: string;
}

export interface LoadQuizzesResult {
  /** Valid quizzes, sorted in module order; empty when there is any error. */
  quizzes: QuizFile[];
  errors: ContentError[];
  /** Every file read, for watch mode. */
  files: string[];
}

const MODULE_ORDER = ['认知', '操作', '规范', '安全', '进阶'];

export function loadQuizzes(
  dirs: readonly string[],
  options: LoadQuizzesOptions,
): LoadQuizzesResult {
  const tours = new Set(options.tourIds);
  const articles = new Set(options.articleIds);
  const moduleFile = new Map<string, string>();
  const { entries, errors, files } = loadCollection({
    dirs,
    cwd: options.cwd,
    layout: { folder: 'quizzes' },
    schema: QuizFileSchema,
    what: 'quiz',
    id: (quiz) => quiz.id,
    check: ({ value: quiz, source }) => {
      const problems: ContentError[] = [];
      const sameModule = moduleFile.get(quiz.module);
      if (sameModule !== undefined) {
        problems.push(
          errorAt(source, ['module'], `module ${quiz.module} already has a quiz (${sameModule})`),
        );
      } else moduleFile.set(quiz.module, source.shownAs);
      quiz.questions.forEach((question, index) => {
        const learn = ['questions', index, 'learn'];
        question.learn.tours.forEach((tourId, link) => {
          if (!tours.has(tourId))
            problems.push(
              errorAt(source, [...learn, 'tours', link], unknownId('tour', tourId, tours)),
            );
        });
        question.learn.articles.forEach((articleId, link) => {
          if (!articles.has(articleId))
            problems.push(
              errorAt(
                source,
                [...learn, 'articles', link],
                unknownId('help article', articleId, articles),
              ),
            );
        });
      });
      return problems;
    },
  });
  if (errors.length > 0) return { quizzes: [], errors, files };
  const quizzes = entries
    .map((entry) => entry.value)
    .sort((a, b) => MODULE_ORDER.indexOf(a.module) - MODULE_ORDER.indexOf(b.module));
  return { quizzes, errors, files };
}
