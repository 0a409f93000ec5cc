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
import type { LoadHelpResult } from './load';
import { loadHelpArticles } from './load';
import { formatTourError, loadTours } from '../tour/load';
import { tourDirs } from '../tour/build-plugin';

export const VIRTUAL_HELP_ID = 'virtual:zhiyin-help';
const RESOLVED_ID = `\0${VIRTUAL_HELP_ID}`;

export interface HelpPluginOptions {
  /** Project root. Default: process.cwd(). */
  root?: string;
  /** Tour folders whose `help/` subfolder is read. Default: {@link tourDirs}. */
  dirs?: string[];
  /** Environment to read ZHIYIN_TOURS_DIR from. Default: process.env. */
  env?: Record<string, string | undefined>;
}

/** Error text for a failed load: a count, then one `file:line:col: path: message` per line. */
export function formatHelpLoadErrors(result: Pick<LoadHelpResult, 'errors'>): string {
  const count = result.errors.length;
  return [
    `${count} help article error${count === 1 ? '' : 's'}:`,
    ...result.errors.map((error) => `  ${formatTourError(error)}`),
  ].join('\n');
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
  const dirs = options.dirs ?? tourDirs(root, options.env);
  return {
    name: 'zhiyin-help',
    // Fail early even when no entry imports the module yet: a broken article is a broken build.
    buildStart() {
      const result = loadProjectHelp(root, dirs);
      if (result.errors.length > 0) this.error(formatHelpLoadErrors(result));
    },
    resolveId(id) {
      return id === VIRTUAL_HELP_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const result = loadProjectHelp(root, dirs);
      for (const file of result.files) this.addWatchFile(file);
      if (result.errors.length > 0) this.error(formatHelpLoadErrors(result));
      return `export default ${JSON.stringify(result.articles)};\n`;
    },
  };
}
