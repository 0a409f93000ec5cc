/**
 * Vite plugin: validated knowledge quizzes as the virtual module `virtual:zhiyin-quizzes` (default
 * export `QuizFile[]`). The build FAILS, listing every error with file, line and path, when a quiz
 * is invalid or links a tour or help article that is not in the build. Reads `tours/quizzes/` plus
 * `<ZHIYIN_TOURS_DIR>/quizzes/` when that variable is set (same folders as the tours plugin).
 *
 * Wiring (wxt.config.ts): `plugins: [toursPlugin(…), helpPlugin(), rulesPlugin(), quizPlugin()]`,
 * and `import quizzes from 'virtual:zhiyin-quizzes'` where needed (typing: features/quiz/virtual.d.ts).
 */
import type { Plugin } from 'vite';
import type { ContentFoldersOptions } from '../../lib/content/vite-plugin';
import { contentFoldersPlugin } from '../../lib/content/vite-plugin';
import { loadProjectHelp } from '../help/build-plugin';
import { loadTours } from '../tour/load';
import type { LoadQuizzesResult } from './load';
import { loadQuizzes } from './load';

export const VIRTUAL_QUIZZES_ID = 'virtual:zhiyin-quizzes';

/** How the build's error list names this content: `测验文件有 2 处错误 / 2 quiz errors:`. */
export const QUIZ_ERRORS = { what: 'quiz', whatZh: '测验文件' } as const;

/** Content folders whose `quizzes/` subfolder is read (default: `tours/` and ZHIYIN_TOURS_DIR). */
export type QuizPluginOptions = ContentFoldersOptions;

/** The quizzes of `dirs`, with `learn:` links checked against the tours and articles there. */
export function loadProjectQuizzes(root: string, dirs: readonly string[]): LoadQuizzesResult {
  // Tour and article errors are their plugins' to report; links are checked against valid ones.
  const { tours } = loadTours(dirs, { cwd: root });
  const help = loadProjectHelp(root, dirs);
  const result = loadQuizzes(dirs, {
    cwd: root,
    tourIds: tours.map((tour) => tour.id),
    articleIds: help.articles.map((article) => article.id),
  });
  return { ...result, files: [...result.files, ...help.files] };
}

export function quizPlugin(options: QuizPluginOptions = {}): Plugin {
  const load = (root: string, dirs: readonly string[]) => {
    const { quizzes, errors, files } = loadProjectQuizzes(root, dirs);
    return { value: quizzes, errors, files };
  };
  return contentFoldersPlugin({ id: VIRTUAL_QUIZZES_ID, ...QUIZ_ERRORS, load }, options);
}
