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
import type { LoadQuizzesResult } from './load';
import { loadQuizzes } from './load';
import { formatTourError, loadTours } from '../tour/load';
import { loadProjectHelp } from '../help/build-plugin';
import { tourDirs } from '../tour/build-plugin';

export const VIRTUAL_QUIZZES_ID = 'virtual:zhiyin-quizzes';
const RESOLVED_ID = `\0${VIRTUAL_QUIZZES_ID}`;

export interface QuizPluginOptions {
  /** Project root. Default: process.cwd(). */
  root?: string;
  /** Tour folders whose `quizzes/` subfolder is read. Default: {@link tourDirs}. */
  dirs?: string[];
  /** Environment to read ZHIYIN_TOURS_DIR from. Default: process.env. */
  env?: Record<string, string | undefined>;
}

/** Error text for a failed load: a count, then one `file:line:col: path: message` per line. */
export function formatQuizLoadErrors(result: Pick<LoadQuizzesResult, 'errors'>): string {
  const count = result.errors.length;
  return [
    `${count} quiz error${count === 1 ? '' : 's'}:`,
    ...result.errors.map((error) => `  ${formatTourError(error)}`),
  ].join('\n');
}

/** The quizzes of `dirs`, with `learn:` links checked against the tours and articles there. */
export function loadProjectQuizzes(root: string, dirs: readonly string[]): LoadQuizzesResult {
  // Tour and article errors are their plugins' to report; links are checked against valid ones.
  const { tours } = loadTours(dirs, { cwd: root });
  const help = loadProjectHelp(root, dirs);
  const tourIds = tours.map((tour) => tour.id);
  const result = loadQuizzes(dirs, {
    cwd: root,
    tourIds,
    articleIds: help.articles.map((article) => article.id),
  });
  return { ...result, files: [...result.files, ...help.files] };
}

export function quizPlugin(options: QuizPluginOptions = {}): Plugin {
  const root = options.root ?? process.cwd();
  const dirs = options.dirs ?? tourDirs(root, options.env);
  return {
    name: 'zhiyin-quizzes',
    // Fail early even when no entry imports the module yet: a broken quiz is a broken build.
    buildStart() {
      const result = loadProjectQuizzes(root, dirs);
      if (result.errors.length > 0) this.error(formatQuizLoadErrors(result));
    },
    resolveId(id) {
      return id === VIRTUAL_QUIZZES_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const result = loadProjectQuizzes(root, dirs);
      for (const file of result.files) this.addWatchFile(file);
      if (result.errors.length > 0) this.error(formatQuizLoadErrors(result));
      return `export default ${JSON.stringify(result.quizzes)};\n`;
    },
  };
}
