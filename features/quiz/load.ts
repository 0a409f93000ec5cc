/**
 * Build-time quiz loading (Node only): every `<dir>/quizzes/*.yaml` (or `.yml`, `.json`) of the
 * content folders, read and validated by the shared content-collection loader
 * (lib/content/collection.ts: ids equal file names and are unique), plus what is the quizzes' own:
 * one quiz per module, and every `learn:` link names a tour or help article of the build.
 *
 * `tours/quizzes/anquan.yaml:12:13: questions[1].answer: 答案 "e" 不是本题的选项（选项：a, b, c, d） / answer "e" is not an option (options: a, b, c, d)`.
 * Schema errors, links and the one-quiz-per-module rule are checked in one pass, on the file as read.
 */
import type { ContentError } from '../../lib/content/collection';
import { errorAt, loadCollection, unknownLinks } from '../../lib/content/collection';
import { bilingual, valueAt } from '../../lib/content/explain';
import { TOUR_MODULES } from '../tour/schema';
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

const ARTICLE_NOUN = { zh: '帮助文章', en: 'help article' };

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
    whatZh: '测验',
    id: (quiz) => quiz.id,
    explain: {},
    checkSource: (source) => {
      const problems: ContentError[] = [];
      const module = valueAt(source.data, ['module']);
      if (typeof module === 'string' && (TOUR_MODULES as readonly string[]).includes(module)) {
        const sameModule = moduleFile.get(module);
        if (sameModule !== undefined) {
          problems.push(
            errorAt(
              source,
              ['module'],
              bilingual(
                `模块“${module}”已经有测验了（${sameModule}）：每个模块一份测验`,
                `module ${module} already has a quiz (${sameModule})`,
              ),
            ),
          );
        } else moduleFile.set(module, source.shownAs);
      }
      const questions = valueAt(source.data, ['questions']);
      if (!Array.isArray(questions)) return problems;
      questions.forEach((_question: unknown, index) => {
        const learn = ['questions', index, 'learn'];
        problems.push(
          ...unknownLinks(source, [...learn, 'tours'], { zh: '引导', en: 'tour' }, tours),
          ...unknownLinks(source, [...learn, 'articles'], ARTICLE_NOUN, articles),
        );
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
