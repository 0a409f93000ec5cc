/**
 * Vite plugin: validated tours as the virtual module `virtual:zhiyin-tours` (default export
 * `Tour[]`). The build FAILS, listing every error with file, line and path, when any tour is
 * invalid. Reads `tours/` plus the folder in `ZHIYIN_TOURS_DIR` when set.
 *
 * Wiring (wxt.config.ts): `vite: () => ({ plugins: [toursPlugin({ validatorIds })] })`, and
 * `import tours from 'virtual:zhiyin-tours'` where they are needed (typing: features/tour/virtual.d.ts).
 */
import type { Plugin } from 'vite';
import { contentDirs } from '../../lib/content/collection';
import { contentModulePlugin } from '../../lib/content/vite-plugin';
import { withCompiledMarkdown } from './compiled';
import { loadTours } from './load';

export const VIRTUAL_TOURS_ID = 'virtual:zhiyin-tours';

export interface ToursPluginOptions {
  /** Project root. Default: process.cwd(). */
  root?: string;
  /** Tour folders. Default: `<root>/tours` plus `ZHIYIN_TOURS_DIR` (resolved against `root`) when set. */
  dirs?: string[];
  /** Known validator ids (lib/validators); unknown ids in tours fail the build. Default: unchecked. */
  validatorIds?: readonly string[] | (() => readonly string[] | Promise<readonly string[]>);
  /** Environment to read ZHIYIN_TOURS_DIR from. Default: process.env. */
  env?: Record<string, string | undefined>;
}

/** The folders a build reads: `<root>/tours` and ZHIYIN_TOURS_DIR (every content kind's). */
export const tourDirs = contentDirs;

export function toursPlugin(options: ToursPluginOptions = {}): Plugin {
  const root = options.root ?? process.cwd();
  const dirs = options.dirs ?? tourDirs(root, options.env);
  return contentModulePlugin({
    id: VIRTUAL_TOURS_ID,
    what: 'tour',
    whatZh: '引导文件',
    async load() {
      const validatorIds =
        typeof options.validatorIds === 'function'
          ? await options.validatorIds()
          : options.validatorIds;
      const result = loadTours(dirs, { cwd: root, ...(validatorIds ? { validatorIds } : {}) });
      // Step bodies compiled here, so the page-side card ships no Markdown parser.
      const value =
        result.errors.length > 0 ? result.tours : result.tours.map(withCompiledMarkdown);
      return { value, errors: result.errors, files: result.files };
    },
  });
}
