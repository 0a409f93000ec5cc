/**
 * Build-time quiz loading (Node only): read every `<dir>/quizzes/*.yaml` (or `.yml`, `.json`) of
 * the tour folders, validate it against features/quiz/schema.ts, and check what one file cannot: the id
 * equals the file name, ids are unique, one quiz per module, and every `learn:` link names a tour
 * or help article of the build.
 *
 * Errors use the tour loader's shape and printer (features/tour/load.ts):
 * `tours/quizzes/anquan.yaml:12:7: questions[1].answer: answer "e" is not an option (options: a, b, c, d)`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import type { TourError } from '../tour/load';
import { parseYamlFile, schemaIssueErrors, yamlPosition } from '../tour/load';
import { formatIssuePath } from '../tour/schema';
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
  errors: TourError[];
  /** Every file read, for watch mode. */
  files: string[];
}

const QUIZ_FILE = /\.(ya?ml|json)$/u;
const MODULE_ORDER = ['认知', '操作', '规范', '安全', '进阶'];

export function loadQuizzes(
  dirs: readonly string[],
  options: LoadQuizzesOptions,
): LoadQuizzesResult {
  const cwd = options.cwd ?? process.cwd();
  const display = (file: string): string => relative(cwd, file).split('\\').join('/') || file;
  const tours = new Set(options.tourIds);
  const articles = new Set(options.articleIds);
  const errors: TourError[] = [];
  const files: string[] = [];
  const quizzes: QuizFile[] = [];
  const firstFile = new Map<string, string>();
  const moduleFile = new Map<string, string>();

  for (const dir of dirs) {
    const quizDir = join(dir, 'quizzes');
    if (!existsSync(quizDir) || !statSync(quizDir).isDirectory()) continue;
    for (const name of readdirSync(quizDir).sort()) {
      if (!QUIZ_FILE.test(name)) continue;
      const file = join(quizDir, name);
      files.push(file);
      const shownAs = display(file);
      const source = parseYamlFile(file, shownAs);
      if ('errors' in source) {
        errors.push(...source.errors);
        continue;
      }
      const parsed = QuizFileSchema.safeParse(source.data);
      if (!parsed.success) {
        errors.push(...schemaIssueErrors(source, shownAs, parsed.error.issues));
        continue;
      }
      const quiz = parsed.data;
      const at = (path: (string | number)[]) => ({
        file: shownAs,
        path: formatIssuePath(path),
        ...yamlPosition(source.doc, source.lineCounter, path),
      });
      let ok = true;
      const fail = (path: (string | number)[], message: string) => {
        errors.push({ ...at(path), message });
        ok = false;
      };
      const stem = basename(name, extname(name));
      if (quiz.id !== stem) fail(['id'], `quiz id "${quiz.id}" must equal its file name "${stem}"`);
      const first = firstFile.get(quiz.id);
      if (first !== undefined) fail(['id'], `duplicate quiz id "${quiz.id}" (also in ${first})`);
      else firstFile.set(quiz.id, shownAs);
      const sameModule = moduleFile.get(quiz.module);
      if (sameModule !== undefined)
        fail(['module'], `module ${quiz.module} already has a quiz (${sameModule})`);
      else moduleFile.set(quiz.module, shownAs);
      quiz.questions.forEach((question, index) => {
        question.learn.tours.forEach((tourId, linkIndex) => {
          if (!tours.has(tourId))
            fail(
              ['questions', index, 'learn', 'tours', linkIndex],
              `unknown tour "${tourId}" (known: ${[...tours].sort().join(', ') || 'none'})`,
            );
        });
        question.learn.articles.forEach((articleId, linkIndex) => {
          if (!articles.has(articleId))
            fail(
              ['questions', index, 'learn', 'articles', linkIndex],
              `unknown help article "${articleId}" (known: ${[...articles].sort().join(', ') || 'none'})`,
            );
        });
      });
      if (ok) quizzes.push(quiz);
    }
  }
  quizzes.sort((a, b) => MODULE_ORDER.indexOf(a.module) - MODULE_ORDER.indexOf(b.module));
  return errors.length > 0 ? { quizzes: [], errors, files } : { quizzes, errors, files };
}
