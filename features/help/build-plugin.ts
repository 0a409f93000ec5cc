/**
 * Vite plugin: validated help articles as the virtual module `virtual:zhiyin-help` (default export
 * `HelpArticle[]`). The build FAILS, listing every error with file, line and path, when an article
 * is invalid or links a tour that is not in the build. Reads `tours/help/` plus
 * `<ZHIYIN_TOURS_DIR>/help/` when that variable is set (same folders as the tours plugin).
 *
 * Wiring (wxt.config.ts): `vite: () => ({ plugins: [toursPlugin(…), helpPlugin()] })`, and
 * `import articles from 'virtual:zhiyin-help'` where needed (typing: features/help/virtual.d.ts).
 */
import type { Plugin } from 'vite';
import { contentDirs } from '../../lib/content/collection';
import { contentModulePlugin } from '../../lib/content/vite-plugin';
import { loadTours } from '../tour/load';
import type { LoadHelpResult } from './load';
import { loadHelpArticles } from './load';

export const VIRTUAL_HELP_ID = 'virtual:zhiyin-help';

/** How the build's error list names this content: `帮助文章有 2 处错误 / 2 help article errors:`. */
export const HELP_ERRORS = { what: 'help article', whatZh: '帮助文章' } as const;

export interface HelpPluginOptions {
  /** Project root. Default: process.cwd(). */
  root?: string;
  /** Content folders whose `help/` subfolder is read. Default: `tours/` and ZHIYIN_TOURS_DIR. */
  dirs?: string[];
  /** Environment to read ZHIYIN_TOURS_DIR from. Default: process.env. */
  env?: Record<string, string | undefined>;
}

/** The articles of `dirs`, with `tours:` links checked against the tours of the same folders. */
export function loadProjectHelp(root: string, dirs: readonly string[]): LoadHelpResult {
  // Tour errors are the tours plugin's to report; links are checked against the valid tours.
  const { tours, files: tourFiles } = loadTours(dirs, { cwd: root });
  const result = loadHelpArticles(dirs, { cwd: root, tourIds: tours.map((tour) => tour.id) });
  return { ...result, files: [...result.files, ...tourFiles] };
}

export function helpPlugin(options: HelpPluginOptions = {}): Plugin {
  const root = options.root ?? process.cwd();
  const dirs = options.dirs ?? contentDirs(root, options.env);
  return contentModulePlugin({
    id: VIRTUAL_HELP_ID,
    ...HELP_ERRORS,
    load: () => {
      const result = loadProjectHelp(root, dirs);
      return { value: result.articles, errors: result.errors, files: result.files };
    },
  });
}
